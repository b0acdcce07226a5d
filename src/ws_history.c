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

/* The answers a commit changed, from its trailer; 0 when it has none
 * (a commit made with plain git). */
static int answers_from_trailer(const char *message, char *out, size_t size)
{
	git_message_trailer_array tr;
	int found = 0;
	if (git_message_trailers(&tr, message))
		return 0;
	for (size_t i = 0; i < tr.count; i++)
		if (!strcmp(tr.trailers[i].key, "Antworten")) {
			const char *v = tr.trailers[i].value;
			snprintf(out, size, "%s", strcmp(v, "keine") ? v : "");
			found = 1;
		}
	git_message_trailer_array_free(&tr);
	return found;
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
	git_revwalk *walk = NULL;
	git_oid id;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!slug_valid(slug))
		return aw_fail(err, AW_ENOINQ, "", slug);
	ws_doc_path(slug, rel);
	if ((rc = git_revwalk_new(&walk, ws->repo)) ||
	    (rc = git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME)) ||
	    (rc = git_revwalk_push_head(walk))) {
		git_revwalk_free(walk);
		if (git_repository_head_unborn(ws->repo) == 1)
			return aw_fail(err, AW_ENOINQ, "", slug);
		return ws_git_fail(err, rc, rel);
	}
	while (!(rc = git_revwalk_next(&id, walk))) {
		git_commit *c = NULL;
		git_oid blob, pblob;
		if ((rc = git_commit_lookup(&c, ws->repo, &id)) < 0) {
			rc = ws_git_fail(err, rc, rel);
			break;
		}
		rc = ws_blob_at(c, rel, &blob, err);
		if (rc < 0) {
			git_commit_free(c);
			break;
		}
		int present = rc == 0, changed = present;
		rc = 0;
		/* Like git log PATH: a version is one that differs from every
		 * parent, so a merge that took one side's text is no version. */
		unsigned np = git_commit_parentcount(c);
		int had_parent_blob = 0;
		for (unsigned i = 0; present && changed && i < np; i++) {
			git_commit *p = NULL;
			git_oid b;
			if (git_commit_parent(&p, c, i) == 0) {
				if (ws_blob_at(p, rel, &b, NULL) == 0) {
					if (git_oid_equal(&b, &blob))
						changed = 0;
					if (i == 0) { /* the line this version continues */
						had_parent_blob = 1;
						git_oid_cpy(&pblob, &b);
					}
				}
				git_commit_free(p);
			}
		}
		if (changed) {
			if (*n == cap) {
				size_t ncap = cap ? 2 * cap : 32;
				struct ws_version *v = realloc(*out, ncap * sizeof *v);
				if (!v) {
					git_commit_free(c);
					rc = aw_fail(err, AW_ENOMEM, rel, "");
					break;
				}
				*out = v;
				cap = ncap;
			}
			struct ws_version *v = &(*out)[(*n)++];
			ws_describe_version(c, v);
			if (!answers_from_trailer(git_commit_message(c), v->answers, sizeof v->answers))
				answers_by_reading(ws->repo, had_parent_blob ? &pblob : NULL, &blob, rel,
				                   v->answers, sizeof v->answers);
		}
		git_commit_free(c);
	}
	git_revwalk_free(walk);
	if (rc == GIT_ITEROVER)
		rc = 0;
	if (rc < 0) {
		free(*out);
		*n = 0;
		*out = NULL;
	}
	if (!rc && *n == 0)
		rc = aw_fail(err, AW_ENOINQ, "", slug);
	return rc;
}
