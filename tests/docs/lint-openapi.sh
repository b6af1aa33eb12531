#!/usr/bin/env bash
# lint-openapi.sh SOURCE_ROOT: docs/openapi.json against Redocly CLI's recommended rules
# (redocly.yaml). Fails on any error or warning, on an entry of .redocly.lint-ignore.yaml
# that no longer matches a problem or is not a no-ambiguous-paths one, and when the linter
# is not installed: tools/install-deps.sh installs it into tools/node_modules.
set -euo pipefail
root=${1:?usage: lint-openapi.sh SOURCE_ROOT}
cd "$root"
redocly=tools/node_modules/.bin/redocly

if ! command -v node >/dev/null 2>&1 || [ ! -x "$redocly" ]; then
  echo "openapi-lint: Redocly CLI is not installed ($root/$redocly);" \
       "run tools/install-deps.sh" >&2
  exit 1
fi
# No usage report and no update check: neither is wanted from a test.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_COLOR=1

# The readable report, for the test log; its exit status only counts errors.
"$redocly" lint --config redocly.yaml docs/openapi.json 2>&1 || true
report=$("$redocly" lint --config redocly.yaml --format=json docs/openapi.json 2>/dev/null) || true

node - "$report" .redocly.lint-ignore.yaml <<'JS'
const fs = require('fs');
const [report, ignoreFile] = process.argv.slice(2);
let totals;
try {
  totals = JSON.parse(report).totals;
} catch (e) {
  console.error(`openapi-lint: no JSON report from Redocly CLI (${e.message})`);
  process.exit(1);
}
const problems = [];
if (totals.errors > 0 || totals.warnings > 0)
  problems.push(`${totals.errors} error(s) and ${totals.warnings} warning(s); each is above`);
const lines = fs.existsSync(ignoreFile) ? fs.readFileSync(ignoreFile, 'utf8').split('\n') : [];
const entries = lines.filter((l) => /^\s+- /.test(l)).length;
const rules = lines.filter((l) => /^  \S.*:\s*$/.test(l)).map((l) => l.trim().slice(0, -1));
for (const rule of rules)
  if (rule !== 'no-ambiguous-paths')
    problems.push(`${ignoreFile} ignores ${rule}: fix the document instead`);
if (totals.ignored !== entries)
  problems.push(`${ignoreFile} has ${entries} entries but ${totals.ignored} problem(s) were ` +
                'ignored: drop the entries that match nothing');
console.log(`openapi-lint: ${totals.errors} errors, ${totals.warnings} warnings, ` +
            `${totals.ignored} ignored (${ignoreFile})`);
for (const p of problems)
  console.error(`openapi-lint: ${p}`);
process.exit(problems.length > 0 ? 1 : 0);
JS
