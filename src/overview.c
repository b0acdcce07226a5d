/* overview.c: the list of inquiries for the editor's first screen.
 *
 * It reaches into the workspace's internals (ws_internal.h) for one
 * reason: ws_log() walks the whole history for one inquiry, so a list of
 * 100 inquiries would walk it 100 times. Here one walk serves all of them,
 * and it ends as soon as every inquiry has its newest version. */
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

/* The id of the anfragen/ tree in commit c; 0 when there is none. */
static int folder_id(const git_commit *c, git_oid *out)
{
	git_tree *root = NULL;
	int found = 0;
	if (git_commit_tree(&root, c))
		return -1;
	const git_tree_entry *e = git_tree_entry_byname(root, WS_DIR);
	if (e && git_tree_entry_type(e) == GIT_OBJECT_TREE) {
		git_oid_cpy(out, git_tree_entry_id(e));
		found = 1;
	}
	git_tree_free(root);
	return found;
}

/* The subtree of inquiry slug in the anfragen/ tree dir (NULL: none). */
static const git_tree_entry *slug_entry(const git_tree *dir, const char *slug)
{
	const git_tree_entry *e = dir ? git_tree_entry_byname(dir, slug) : NULL;
	return e && git_tree_entry_type(e) == GIT_OBJECT_TREE ? e : NULL;
}

/* The blob of anfrage.txt in an inquiry's folder tree. 1, 0 when the
 * folder has no document, -1 on error. */
static int doc_blob(git_repository *repo, const git_oid *folder, git_oid *out)
{
	git_tree *t = NULL;
	if (git_tree_lookup(&t, repo, folder))
		return -1;
	const git_tree_entry *d = git_tree_entry_byname(t, WS_DOC);
	int found = d && git_tree_entry_type(d) == GIT_OBJECT_BLOB;
	if (found)
		git_oid_cpy(out, git_tree_entry_id(d));
	git_tree_free(t);
	return found;
}

/* 1 when commit c holds a document for slug that differs from the one in
 * every parent, as ws_log() decides; parents[i] is parent i's anfragen/
 * tree or NULL. -1 on error. */
static int changed_here(git_repository *repo, const git_tree *dir, git_tree *const *parents,
                        unsigned np, const char *slug)
{
	const git_tree_entry *e = slug_entry(dir, slug);
	git_oid blob, pblob;
	if (!e)
		return 0;
	int r = doc_blob(repo, git_tree_entry_id(e), &blob);
	if (r <= 0)
		return r;
	for (unsigned i = 0; i < np; i++) {
		const git_tree_entry *pe = slug_entry(parents[i], slug);
		if (!pe)
			continue;
		/* The same folder means the same document, without reading it. */
		if (git_oid_equal(git_tree_entry_id(pe), git_tree_entry_id(e)))
			return 0;
		if ((r = doc_blob(repo, git_tree_entry_id(pe), &pblob)) < 0)
			return -1;
		if (r == 1 && git_oid_equal(&pblob, &blob))
			return 0;
	}
	return 1;
}

static git_tree *folder_tree(git_repository *repo, const git_oid *id)
{
	git_tree *t = NULL;
	return git_tree_lookup(&t, repo, id) ? NULL : t;
}

/* Handles one commit of the walk; *left counts the rows still looking.
 * -1 on a failure that ends the walk. */
static int visit(git_repository *repo, git_commit *c, size_t seq, struct item *items,
                 size_t n, size_t *left)
{
	git_oid here, pid;
	if (folder_id(c, &here) != 1)
		return 0; /* no inquiries in this version (or unreadable: skipped) */
	unsigned np = git_commit_parentcount(c);
	git_tree **parents = np ? calloc(np, sizeof *parents) : NULL;
	git_tree *dir = NULL;
	int rc = 0;
	if (np && !parents)
		return -1;
	for (unsigned i = 0; i < np; i++) {
		git_commit *p = NULL;
		if (git_commit_parent(&p, c, i)) {
			rc = -1;
			goto out;
		}
		int f = folder_id(p, &pid);
		git_commit_free(p);
		if (f < 0) {
			rc = -1;
			goto out;
		}
		/* A parent with the same anfragen/ tree: no document differs
		 * from every parent, so this commit changed none. */
		if (f == 1 && git_oid_equal(&pid, &here))
			goto out;
		if (f == 1 && !(parents[i] = folder_tree(repo, &pid))) {
			rc = -1;
			goto out;
		}
	}
	if (!(dir = folder_tree(repo, &here))) {
		rc = -1;
		goto out;
	}
	for (size_t k = 0; k < n && *left; k++) {
		struct item *it = &items[k];
		if (it->seq != SIZE_MAX)
			continue;
		int r = changed_here(repo, dir, parents, np, it->row.slug);
		if (r < 0) {
			rc = -1;
			goto out;
		}
		if (!r)
			continue;
		const git_signature *a = git_commit_author(c);
		it->seq = seq;
		it->row.time = (long long)a->when.time;
		it->row.tz = a->when.offset;
		snprintf(it->row.author, sizeof it->row.author, "%s", a->name ? a->name : "");
		git_oid_tostr(it->row.id, sizeof it->row.id, git_commit_id(c));
		(*left)--;
	}
out:
	for (unsigned i = 0; parents && i < np; i++)
		git_tree_free(parents[i]);
	free(parents);
	git_tree_free(dir);
	return rc;
}

/* One walk from HEAD, newest first in the order ws_log() uses, until every
 * row has its newest version. Best effort: see overview.h. */
static void walk_history(struct workspace *ws, struct item *items, size_t n)
{
	git_revwalk *walk = NULL;
	git_oid id;
	size_t left = n, seq = 0;

	if (!n || git_revwalk_new(&walk, ws->repo) ||
	    git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME) ||
	    git_revwalk_push_head(walk))
		goto out;
	while (left && git_revwalk_next(&id, walk) == 0) {
		git_commit *c = NULL;
		if (git_commit_lookup(&c, ws->repo, &id))
			break;
		int r = visit(ws->repo, c, seq++, items, n, &left);
		git_commit_free(c);
		if (r < 0)
			break;
	}
out:
	git_revwalk_free(walk);
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
