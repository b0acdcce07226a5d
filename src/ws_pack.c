/* ws_pack.c: keeping the repository small. libgit2 writes every object
 * loose and never packs: a thousand saves of a 100 KB answer leave 37 MB
 * of loose files, which git packs into under 1 MB. So antwort packs by
 * itself, as `git gc --auto` would.
 *
 * Only loose objects are packed, and only the ones that went into the new
 * pack are removed. Nothing is ever deleted that is not safely elsewhere,
 * so an object another process has just written for a commit it is about
 * to publish can never go missing. */
#include "ws_internal.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* git's default for gc.auto, the number of loose objects that calls for
 * packing; a repository's own gc.auto is honoured, 0 turning it off. */
#define PACK_AUTO_DEFAULT 6700

static int is_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[n] == '\0';
}

static size_t count_dir(const char *dir)
{
	DIR *d = opendir(dir);
	size_t n = 0;
	struct dirent *de;
	if (!d)
		return 0;
	while ((de = readdir(d)))
		n += is_hex(de->d_name, GIT_OID_HEXSZ - 2);
	closedir(d);
	return n;
}

void ws_pack_auto(struct workspace *ws)
{
	git_config *cfg = NULL;
	int32_t limit = PACK_AUTO_DEFAULT;
	if (git_repository_config_snapshot(&cfg, ws->repo) == 0) {
		if (git_config_get_int32(&limit, cfg, "gc.auto"))
			limit = PACK_AUTO_DEFAULT;
		git_config_free(cfg);
	}
	if (limit <= 0)
		return;
	/* As git does: objects spread evenly over the 256 folders, so one
	 * folder stands for all. A small limit is counted exactly instead,
	 * where one folder would say too little. */
	const char *gitdir = git_repository_path(ws->repo);
	char dir[PATH_MAX];
	size_t count = 0;
	if (limit < 256 * 16) {
		for (int fan = 0; fan < 256; fan++) {
			snprintf(dir, sizeof dir, "%sobjects/%02x", gitdir, fan);
			count += count_dir(dir);
		}
	} else {
		snprintf(dir, sizeof dir, "%sobjects/17", gitdir);
		count = count_dir(dir) * 256;
	}
	if (count > (size_t)limit)
		ws_pack(ws, NULL, NULL);
}

struct loose {
	git_oid *v;
	size_t n, cap;
};

/* Collects the ids of all loose objects. */
static int list_loose(const char *objects, struct loose *l)
{
	for (int fan = 0; fan < 256; fan++) {
		char dir[PATH_MAX + 4];
		snprintf(dir, sizeof dir, "%s/%02x", objects, fan);
		DIR *d = opendir(dir);
		if (!d)
			continue;
		struct dirent *de;
		while ((de = readdir(d))) {
			char hex[GIT_OID_HEXSZ + 1];
			if (!is_hex(de->d_name, GIT_OID_HEXSZ - 2))
				continue;
			snprintf(hex, 3, "%02x", fan);
			memcpy(hex + 2, de->d_name, GIT_OID_HEXSZ - 2 + 1);
			if (l->n == l->cap) {
				size_t cap = l->cap ? 2 * l->cap : 256;
				git_oid *v = realloc(l->v, cap * sizeof *v);
				if (!v) {
					closedir(d);
					return AW_ENOMEM;
				}
				l->v = v;
				l->cap = cap;
			}
			if (git_oid_fromstr(&l->v[l->n], hex) == 0)
				l->n++;
		}
		closedir(d);
	}
	return 0;
}

int ws_pack(struct workspace *ws, size_t *packed, struct aw_error *err)
{
	char objects[PATH_MAX - 16];
	struct loose l = {NULL, 0, 0};
	git_packbuilder *pb = NULL;
	int rc;

	if (packed)
		*packed = 0;
	snprintf(objects, sizeof objects, "%sobjects", git_repository_path(ws->repo));
	if ((rc = list_loose(objects, &l))) {
		aw_fail(err, AW_ENOMEM, objects, "");
		goto out;
	}
	if (l.n == 0)
		goto out;
	if ((rc = git_packbuilder_new(&pb, ws->repo))) {
		rc = ws_git_fail(err, rc, objects);
		goto out;
	}
	for (size_t i = 0; i < l.n; i++)
		if ((rc = git_packbuilder_insert(pb, &l.v[i], NULL))) {
			rc = ws_git_fail(err, rc, objects);
			goto out;
		}
	/* The pack and its index are complete and renamed into place before
	 * this returns; only then may the loose copies go. */
	if ((rc = git_packbuilder_write(pb, NULL, 0, NULL, NULL))) {
		rc = ws_git_fail(err, rc, objects);
		goto out;
	}
	for (size_t i = 0; i < l.n; i++) {
		char hex[GIT_OID_HEXSZ + 1], path[PATH_MAX];
		git_oid_tostr(hex, sizeof hex, &l.v[i]);
		if (snprintf(path, sizeof path, "%s/%.2s/%s", objects, hex, hex + 2) < (int)sizeof path)
			unlink(path);
	}
	if (packed)
		*packed = l.n;
out:
	git_packbuilder_free(pb);
	free(l.v);
	return rc;
}
