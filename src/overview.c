/* overview.c: the list of inquiries for the editor's first screen.
 *
 * It reaches into the workspace's internals (ws_internal.h) for one
 * reason: ws_log() walks the whole history for one inquiry, so a list of
 * 100 inquiries would walk it 100 times. Here one walk serves all of them. */
#include "overview.h"
#include "fileio.h"
#include "reader.h"
#include "utf8.h"
#include "ws_internal.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A row and its place in the history walk, for sorting. */
struct item {
	struct overview_row row;
	size_t seq;                       /* SIZE_MAX: not found in history */
};

/* 1 when s holds nothing but white space (no-break and thin spaces too,
 * as utf8_class() counts them). */
static int blank(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned cp;
		i += utf8_decode(s + i, n - i, &cp);
		if (utf8_class(cp) != UTF8_SPACE)
			return 0;
	}
	return 1;
}

static int has_text(const struct answer *a)
{
	for (size_t i = 0; i < a->paras.n; i++)
		if (!blank(a->paras.v[i]))
			return 1;
	return 0;
}

/* Questions with an answer that says something. Counted per question, so
 * that an answer heading naming a question that does not exist cannot
 * make more answered than asked. */
static size_t count_answered(const struct inquiry *q)
{
	size_t done = 0;
	for (size_t i = 0; i < q->nquestions; i++) {
		int num = q->questions[i].number, found = 0;
		for (size_t j = 0; j < q->nanswers && !found; j++) {
			const struct answer *a = &q->answers[j];
			for (size_t k = 0; k < a->ncovers && !found; k++)
				found = a->covers[k] == num && has_text(a);
		}
		done += (size_t)found;
	}
	return done;
}

/* Fills the document's fields of row from the working file; a file that
 * does not read sets row->problem instead. 0 or AW_ENOMEM. */
static int read_row(struct workspace *ws, struct overview_row *row, struct aw_error *err)
{
	char rel[WS_PATH_MAX], path[PATH_MAX];
	struct buf text = BUF_INIT;
	struct inquiry q;
	struct aw_error e;
	int rc;

	inquiry_init(&q);
	snprintf(path, sizeof path, "%s%s", ws_root(ws), ws_doc_path(row->slug, rel));
	rc = fileio_read(path, &text, &e);
	if (!rc)
		rc = reader_read(text.s ? text.s : "", text.len, rel, NULL, &q, &e);
	if (rc == AW_ENOMEM) {
		rc = aw_fail(err, AW_ENOMEM, rel, "");
	} else if (rc) {
		char msg[2048];
		aw_error_message(&e, msg, sizeof msg);
		rc = (row->problem = strdup(msg)) ? 0 : aw_fail(err, AW_ENOMEM, rel, "");
	} else {
		/* The model's strings are handed over rather than copied. */
		row->number = q.number;
		row->title = q.title;
		q.number = q.title = NULL;
		row->kind = inquiry_kind_name(q.kind);
		row->questions = q.nquestions;
		row->answered = count_answered(&q);
	}
	inquiry_free(&q);
	buf_free(&text);
	return rc;
}

/* The newest version of every row, from the history ws_log() uses: the
 * versions cache (ws_versions.c) says which documents each commit changed,
 * so a warm cache reads no git object; a cold one works out the whole
 * history once and keeps it. Best effort: see overview.h. */
static void walk_history(struct workspace *ws, struct item *items, size_t n)
{
	struct ws_history h = {NULL, 0, NULL};
	size_t left = n;
	if (n && ws_history_walk(ws, &h, NULL) == 0)
		for (size_t seq = 0; left && seq < h.n; seq++) {
			const struct ws_facts *f = h.v[seq];
			for (size_t k = 0; k < n && left; k++) {
				struct item *it = &items[k];
				git_oid blob;
				if (it->seq != SIZE_MAX || !ws_facts_version(f, it->row.slug, &blob))
					continue;
				it->seq = seq;
				it->row.time = f->time;
				it->row.tz = f->tz;
				snprintf(it->row.author, sizeof it->row.author, "%s", f->author);
				git_oid_tostr(it->row.id, sizeof it->row.id, &f->id);
				left--;
			}
		}
	ws_history_free(&h);
}

static int cmp_item(const void *pa, const void *pb)
{
	const struct item *a = pa, *b = pb;
	if (a->row.time != b->row.time)
		return a->row.time > b->row.time ? -1 : 1;
	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return strcmp(a->row.slug, b->row.slug);
}

static void row_free(struct overview_row *r)
{
	free(r->number);
	free(r->title);
	free(r->problem);
}

int overview_load(struct workspace *ws, struct overview_row **rows, size_t *n,
                  struct aw_error *err)
{
	struct strlist slugs = STRLIST_INIT;
	struct item *items = NULL;
	int rc;

	*rows = NULL;
	*n = 0;
	if ((rc = ws_list(ws, &slugs, err)) || !slugs.n)
		goto out;
	if (!(items = calloc(slugs.n, sizeof *items))) {
		rc = aw_fail(err, AW_ENOMEM, ws_root(ws), "");
		goto out;
	}
	for (size_t i = 0; i < slugs.n; i++) {
		/* ws_list() lists only valid slugs, which fit. */
		snprintf(items[i].row.slug, sizeof items[i].row.slug, "%s", slugs.v[i]);
		items[i].seq = SIZE_MAX;
		if ((rc = read_row(ws, &items[i].row, err)))
			goto out;
	}
	walk_history(ws, items, slugs.n);
	qsort(items, slugs.n, sizeof *items, cmp_item);
	if (!(*rows = calloc(slugs.n, sizeof **rows))) {
		rc = aw_fail(err, AW_ENOMEM, ws_root(ws), "");
		goto out;
	}
	for (size_t i = 0; i < slugs.n; i++)
		(*rows)[i] = items[i].row;
	*n = slugs.n;
	free(items);
	items = NULL;
out:
	if (items)
		for (size_t i = 0; i < slugs.n; i++)
			row_free(&items[i].row);
	free(items);
	strlist_free(&slugs);
	return rc;
}

void overview_free(struct overview_row *rows, size_t n)
{
	for (size_t i = 0; rows && i < n; i++)
		row_free(&rows[i]);
	free(rows);
}
