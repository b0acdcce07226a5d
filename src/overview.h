/* overview.h: the editor's first screen as data: one row per inquiry of
 * the workspace, with what its document says now and who changed it last.
 *
 * The module owns reading every inquiry's working file (what the person
 * has on disk, saved or not) and finding, in one walk over the history,
 * the newest version of each. It draws nothing and changes nothing.
 *
 * overview_load() hands out an array it allocated; the rows own their
 * strings and overview_free() releases all of it. */
#ifndef ANTWORT_OVERVIEW_H
#define ANTWORT_OVERVIEW_H

#include <stddef.h>

#include "error.h"
#include "slug.h"
#include "workspace.h"

struct overview_row {
	char slug[SLUG_MAX + 1];
	char *number;          /* "L4", "21/345"; NULL when unknown or unread */
	char *title;           /* NULL when unknown or unread */
	const char *kind;      /* inquiry_kind_name(): static; NULL when unread */
	size_t answered;       /* questions whose answer has a non-blank
	                        * paragraph (a combined answer answers each
	                        * question it covers) */
	size_t questions;
	/* The newest version (as ws_log()[0]); all empty for a document that
	 * was never committed (time 0, author "", id ""). */
	long long time;        /* author time, seconds since 1970 */
	int tz;                /* its offset in minutes */
	char author[128];
	char id[WS_ID_LEN + 1];
	char *problem;         /* German sentence when the document does not
	                        * read (aw_error_message()), else NULL; the
	                        * document's fields are then empty, the
	                        * version's are still filled */
};

/* The inquiries of the workspace (those ws_list() finds), newest change
 * first; equal times in the order of the history (a later commit in the
 * same second first), then by slug; never-committed ones last. A document
 * that does not read becomes a row with problem set, never a failure of
 * the list. The history is best effort too: a version that cannot be read
 * (a damaged or shallow repository) ends the walk, and rows not found by
 * then are shown as never committed. *rows is NULL when *n is 0. Fails
 * only for AW_ENOMEM or when anfragen/ cannot be listed. */
int overview_load(struct workspace *ws, struct overview_row **rows, size_t *n,
                  struct aw_error *err);

void overview_free(struct overview_row *rows, size_t n);

#endif
