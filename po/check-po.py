#!/usr/bin/env python3
# check-po.py — translation checks run by meson test (suite "po").
#
#   check-po.py potfiles SOURCE_ROOT
#       every file with translatable strings is listed in po/POTFILES.in, and every
#       listed file exists.
#   check-po.py complete SOURCE_ROOT PO_FILE
#       msgfmt --check passes with no untranslated or fuzzy message, and every string of
#       today's sources (extracted afresh with xgettext) has a translation.
#
# Copyright 2026 LenteraPustaka developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile

SCANNED_DIRS = ["client", "common", "server", "data"]
SKIPPED_DIRS = {os.path.join("data", "sql")}
C_MARKER = re.compile(r"(?<![A-Za-z0-9_])(?:N?C?_|g_dngettext|g_dpgettext2)\s*\(")
UI_MARKER = re.compile(r'translatable\s*=\s*"(?:yes|true)"')
ALWAYS = (".desktop.in", ".metainfo.xml.in", ".gschema.xml")
# Comments go, string and character literals stay (a "//" in a URL is not a comment).
C_TOKENS = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|/\*.*?\*/|//[^\n]*', re.S)


def strip_comments(text):
    return C_TOKENS.sub(lambda m: " " if m.group(0).startswith("/") else m.group(0), text)

# meson's "glib" preset of i18n.gettext(), so the check sees what the .pot sees.
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
]


def listed_files(root):
    path = os.path.join(root, "po", "POTFILES.in")
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f
                if line.strip() and not line.lstrip().startswith("#")]


def has_strings(path):
    if path.endswith(ALWAYS):
        return True
    if path.endswith((".c", ".h")):
        pattern = C_MARKER
    elif path.endswith(".ui"):
        pattern = UI_MARKER
    else:
        return False
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if pattern is C_MARKER:
        text = strip_comments(text)
    return pattern.search(text) is not None


def check_potfiles(root):
    listed = listed_files(root)
    problems = [f"listed but missing: {name}" for name in listed
                if not os.path.isfile(os.path.join(root, name))]
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            rel_dir = os.path.relpath(dirpath, root)
            dirnames[:] = [d for d in dirnames
                           if os.path.join(rel_dir, d) not in SKIPPED_DIRS]
            for name in filenames:
                rel = os.path.normpath(os.path.join(rel_dir, name))
                if has_strings(os.path.join(root, rel)) and rel not in listed:
                    problems.append(f"has translatable strings but is not in POTFILES.in: {rel}")
    for problem in problems:
        print(problem)
    print(f"{len(listed)} files listed, {len(problems)} problems")
    return 1 if problems else 0


def check_complete(root, po_file):
    result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, po_file],
                            capture_output=True, text=True)
    stats = (result.stdout + result.stderr).strip()
    print(stats)
    if result.returncode != 0 or "untranslated" in stats or "fuzzy" in stats:
        print("FAIL: msgfmt --check reports problems, untranslated or fuzzy messages")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "current.pot")
        subprocess.run(["xgettext", *XGETTEXT_ARGS, "--files-from=po/POTFILES.in",
                        "--directory=" + root, "--output=" + pot],
                       check=True, cwd=root)
        result = subprocess.run(["msgcmp", po_file, pot], capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stderr.strip())
        print("FAIL: strings of the sources lack a translation (run the update-po target)")
        return 1
    print("every source string is translated")
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "potfiles":
        return check_potfiles(argv[2])
    if len(argv) == 4 and argv[1] == "complete":
        return check_complete(argv[2], argv[3])
    print(__doc__ if __doc__ else "usage: check-po.py potfiles|complete …", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
