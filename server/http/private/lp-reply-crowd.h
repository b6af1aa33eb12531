/* lp-reply-crowd.h
 *
 * Copyright 2026 LenteraPustaka developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lp-reply-cache.h"
#include "lp-request-private.h"

G_BEGIN_DECLS

/*
 * LpReplyCrowd: the reply cache on the request path, on the main loop. A guest's request
 * for a cached route is answered from the cache at once when its reply is kept.
 * Otherwise one guest's request (the leader) runs the query and the guests asking the
 * same meanwhile wait for its answer: after a change, a crowd asking for the first page
 * costs one query, not one each. A request with a token is looked up on the worker,
 * after its session has been checked (lp_reply_crowd_answer_kept()).
 */
typedef struct _LpReplyCrowd LpReplyCrowd;

LpReplyCrowd *lp_reply_crowd_new         (LpReplyCache *cache);
void          lp_reply_crowd_free        (LpReplyCrowd *crowd);
/* For a bound request (lp_request_bind()) of a LP_ROUTE_CACHED route: TRUE when the crowd
 * took care of it (answered it, or holds it behind a leader); FALSE: start it. */
gboolean      lp_reply_crowd_join        (LpReplyCrowd *crowd,
                                          LpRequest    *req);
/* On a worker: makes the kept reply, if any, the request's; FALSE when there is none. */
gboolean      lp_reply_crowd_answer_kept (LpRequest    *req);
/* Back on the main loop with a reply: keeps a fresh catalog reply, drops what a committed
 * write made stale (before the writer hears of it, so that its next read is never
 * answered from before), and answers the guests that waited for a leader. */
void          lp_reply_crowd_done        (LpReplyCrowd *crowd,
                                          LpRequest    *req);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LpReplyCrowd, lp_reply_crowd_free)

G_END_DECLS
