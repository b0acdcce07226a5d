/* ws_trailers.c: the commits that carry a trailer, such as the
 * "Textbaustein: …" lines of saves that inserted a template, for
 * `antwort template used`. */
#include "ws_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1 when value is prefix followed by its end, a comma or a blank. */
static int names(const char *value, const char *prefix)
{
	size_t n = strlen(prefix);
	return !strncmp(value, prefix, n) && (!value[n] || value[n] == ',' || value[n] == ' ');
}

/* The inquiry commit c changed against its first parent (or introduced):
 * the first anfragen/<slug>/ folder whose tree differs. */
static void changed_slug(git_repository *repo, git_commit *c, char *slug, size_t size)
{
	git_tree *tree = NULL, *ptree = NULL;
	git_commit *parent = NULL;
	git_tree_entry *dir = NULL, *pdir = NULL;
	slug[0] = '\0';
	if (git_commit_tree(&tree, c) || git_tree_entry_bypath(&dir, tree, WS_DIR))
		goto out;
	if (git_commit_parentcount(c) && !git_commit_parent(&parent, c, 0) &&
	    !git_commit_tree(&ptree, parent))
		git_tree_entry_bypath(&pdir, ptree, WS_DIR);
	git_tree *d = NULL, *pd = NULL;
	if (git_tree_lookup(&d, repo, git_tree_entry_id(dir)))
		goto out;
	if (pdir)
		git_tree_lookup(&pd, repo, git_tree_entry_id(pdir));
	for (size_t i = 0; i < git_tree_entrycount(d); i++) {
		const git_tree_entry *e = git_tree_entry_byindex(d, i);
		const git_tree_entry *pe = pd ? git_tree_entry_byname(pd, git_tree_entry_name(e)) : NULL;
		if (!pe || !git_oid_equal(git_tree_entry_id(e), git_tree_entry_id(pe))) {
			snprintf(slug, size, "%s", git_tree_entry_name(e));
			break;
		}
	}
	git_tree_free(d);
	git_tree_free(pd);
out:
	git_tree_entry_free(dir);
	git_tree_entry_free(pdir);
	git_tree_free(tree);
	git_tree_free(ptree);
	git_commit_free(parent);
}

/* Appends the use of c to *out if its message has the trailer. */
static int take(git_repository *repo, git_commit *c, const char *key, const char *prefix,
                struct ws_trailer_use **out, size_t *n, size_t *cap)
{
	git_message_trailer_array tr;
	const char *msg = git_commit_message(c);
	if (!msg || git_message_trailers(&tr, msg))
		return 0;
	int rc = 0;
	for (size_t i = 0; i < tr.count && !rc; i++) {
		if (strcmp(tr.trailers[i].key, key) || !names(tr.trailers[i].value, prefix))
			continue;
		if (*n == *cap) {
			size_t nc = *cap ? 2 * *cap : 16;
			struct ws_trailer_use *v = realloc(*out, nc * sizeof *v);
			if (!v) {
				rc = AW_ENOMEM;
				break;
			}
			*out = v;
			*cap = nc;
		}
		struct ws_trailer_use *u = &(*out)[(*n)++];
		struct ws_version v;
		ws_describe_version(c, &v);
		memset(u, 0, sizeof *u);
		memcpy(u->id, v.id, sizeof u->id);
		u->time = v.time;
		u->tz = v.tz;
		memcpy(u->author, v.author, sizeof u->author);
		snprintf(u->subject, sizeof u->subject, "%s", v.subject);
		snprintf(u->value, sizeof u->value, "%s", tr.trailers[i].value);
		changed_slug(repo, c, u->slug, sizeof u->slug);
	}
	git_message_trailer_array_free(&tr);
	return rc;
}

int ws_trailer_uses(struct workspace *ws, const char *key, const char *value_prefix,
                    struct ws_trailer_use **out, size_t *n, struct aw_error *err)
{
	git_revwalk *walk = NULL;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	if (git_repository_head_unborn(ws->repo) == 1)
		return 0;
	int rc = git_revwalk_new(&walk, ws->repo);
	if (!rc)
		rc = git_revwalk_sorting(walk, GIT_SORT_TIME);
	if (!rc)
		rc = git_revwalk_push_head(walk);
	if (rc) {
		git_revwalk_free(walk);
		return ws_git_fail(err, rc, "HEAD");
	}
	git_oid id;
	while (!rc && git_revwalk_next(&id, walk) == 0) {
		git_commit *c = NULL;
		if ((rc = git_commit_lookup(&c, ws->repo, &id))) {
			rc = ws_git_fail(err, rc, "HEAD");
			break;
		}
		if ((rc = take(ws->repo, c, key, value_prefix, out, n, &cap)))
			aw_fail(err, rc, "HEAD", "");
		git_commit_free(c);
	}
	git_revwalk_free(walk);
	if (rc) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
