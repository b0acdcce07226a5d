/* ws_history.c: the versions of one inquiry (log) and the text of any of
 * them (show), for reviewers. */
#include "ws_internal.h"
#include "docparts.h"
#include "reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ws_describe_version(git_commit *c, struct ws_version *v)
{
	memset(v, 0, sizeof *v);
	git_oid_tostr(v->id, sizeof v->id, git_commit_id(c));
	const git_signature *a = git_commit_author(c);
	v->time = (long long)a->when.time;
	v->tz = a->when.offset;
	snprintf(v->author, sizeof v->author, "%s", a->name);
	const char *s = git_commit_summary(c);
	snprintf(v->subject, sizeof v->subject, "%s", s ? s : "");
}

int ws_show(struct workspace *ws, const char *slug, const char *rev, struct buf *text,
            struct ws_version *ver, struct aw_error *err)
{
	char rel[WS_PATH_MAX];
	git_object *obj = NULL, *peeled = NULL;
	git_oid blob;
	const char *spec = rev ? rev : "HEAD";

	if (!slug_valid(slug))
		return aw_fail(err, AW_ENOINQ, "", slug);
	ws_doc_path(slug, rel);
	int rc = git_revparse_single(&obj, ws->repo, spec);
	if (rc == 0)
		rc = git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT);
	git_object_free(obj);
	if (rc) {
		int unborn = git_repository_head_unborn(ws->repo) == 1;
		return aw_fail(err, !rev && unborn ? AW_ENOINQ : AW_EREV, slug, spec);
	}
	rc = ws_blob_at((git_commit *)peeled, rel, &blob, err);
	if (rc == 1) /* the version exists but not this inquiry in it */
		rc = rev ? aw_fail(err, AW_EREV, slug, spec) : aw_fail(err, AW_ENOINQ, "", slug);
	if (!rc)
		rc = ws_blob_read(ws->repo, &blob, text, err);
	if (!rc && ver)
		ws_describe_version((git_commit *)peeled, ver);
	git_object_free(peeled);
	return rc;
}

/* The answers that changed between two stored versions, by reading both:
 * the slow way, for commits without our trailer. Left empty on failure. */
static void answers_by_reading(git_repository *repo, const git_oid *old, const git_oid *new,
                               const char *rel, char *out, size_t size)
{
	struct buf a = BUF_INIT, b = BUF_INIT, list = BUF_INIT;
	struct inquiry qa, qb;
	struct doc_parts pa = {NULL, 0}, pb = {NULL, 0};
	struct change *c = NULL;
	size_t n = 0;
	inquiry_init(&qa);
	inquiry_init(&qb);
	out[0] = '\0';
	if ((old && ws_blob_read(repo, old, &a, NULL)) || ws_blob_read(repo, new, &b, NULL))
		goto out;
	if ((old && reader_read(a.s ? a.s : "", a.len, rel, NULL, &qa, NULL)) ||
	    reader_read(b.s ? b.s : "", b.len, rel, NULL, &qb, NULL))
		goto out;
	if (!docparts_make(&qa, &pa) && !docparts_make(&qb, &pb) &&
	    !changes_compare(&pa, &pb, &c, &n) && !changes_answers(c, n, &list) && list.s)
		snprintf(out, size, "%s", list.s);
out:
	free(c);
	docparts_free(&pa);
	docparts_free(&pb);
	inquiry_free(&qa);
	inquiry_free(&qb);
	buf_free(&a);
	buf_free(&b);
	buf_free(&list);
}

int ws_log(struct workspace *ws, const char *slug, struct ws_version **out, size_t *n,
           struct aw_error *err)
{
	char rel[WS_PATH_MAX];
	struct ws_history h;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!slug_valid(slug))
		return aw_fail(err, AW_ENOINQ, "", slug);
	ws_doc_path(slug, rel);
	/* The walk and which documents each commit changed come from the
	 * versions cache (ws_versions.c); git is read only for what is new. */
	if ((rc = ws_history_walk(ws, &h, err))) {
		ws_history_free(&h);
		return rc;
	}
	for (size_t k = 0; k < h.n; k++) {
		const struct ws_facts *f = h.v[k];
		git_oid blob;
		if (!ws_facts_version(f, slug, &blob))
			continue;
		if (*n == cap) {
			size_t ncap = cap ? 2 * cap : 32;
			struct ws_version *v = realloc(*out, ncap * sizeof *v);
			if (!v) {
				rc = aw_fail(err, AW_ENOMEM, rel, "");
				break;
			}
			*out = v;
			cap = ncap;
		}
		struct ws_version *v = &(*out)[(*n)++];
		memset(v, 0, sizeof *v);
		git_oid_tostr(v->id, sizeof v->id, &f->id);
		v->time = f->time;
		v->tz = f->tz;
		snprintf(v->author, sizeof v->author, "%s", f->author);
		snprintf(v->subject, sizeof v->subject, "%s", f->subject);
		if (f->answers) {
			snprintf(v->answers, sizeof v->answers, "%s", f->answers);
			continue;
		}
		/* A commit made with plain git: compare with the line this
		 * version continues, the first parent's. */
		git_commit *p = NULL;
		git_oid pblob;
		int had = f->nparents && git_commit_lookup(&p, ws->repo, &f->parents[0]) == 0 &&
		          ws_blob_at(p, rel, &pblob, NULL) == 0;
		git_commit_free(p);
		answers_by_reading(ws->repo, had ? &pblob : NULL, &blob, rel, v->answers,
		                   sizeof v->answers);
	}
	ws_history_free(&h);
	if (rc) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	if (!rc && *n == 0)
		rc = aw_fail(err, AW_ENOINQ, "", slug);
	return rc;
}
