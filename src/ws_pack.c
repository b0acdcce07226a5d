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
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct loose {
	git_oid *v;
	size_t n, cap;
};

static int list_loose(const char *objects, struct loose *l);

/* Each automatic packing adds one pack; git's gc.autoPackLimit (50)
 * would combine them. Fewer keep lookups fast on a small repository. */
#define PACK_MAX_PACKS 16

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

/* Counts the packs; with names, lists them ("pack-<id>.pack"). */
static size_t count_packs(const char *gitdir, struct strlist *names)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%sobjects/pack", gitdir);
	DIR *d = opendir(dir);
	size_t n = 0;
	struct dirent *de;
	if (!d)
		return 0;
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);
		if (l < 6 || strcmp(de->d_name + l - 5, ".pack") || strncmp(de->d_name, "pack-", 5))
			continue;
		n++;
		if (names && strlist_add(names, de->d_name)) {
			closedir(d);
			return (size_t)-1;
		}
	}
	closedir(d);
	return n;
}

/* Removes pack dir/name and its index (the index first: a pack without
 * one is ignored, an index without its pack is an error). */
static void remove_pack(const char *dir, const char *name)
{
	char path[PATH_MAX + 300];
	size_t l = strlen(name) - 5;
	snprintf(path, sizeof path, "%s/%.*s.idx", dir, (int)l, name);
	unlink(path);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	unlink(path);
}

static int collect(const git_oid *id, void *payload);

/* Every object of the repository, packed or loose, into one new pack;
 * then the packs and loose files that existed before the objects were
 * listed go. Only those: a pack another process writes meanwhile (its
 * own packing, a fetch) holds objects we never listed, and stays. One
 * repack at a time, under a lock file; a busy or stale lock skips it. */
static void repack_all(struct workspace *ws)
{
	struct loose all = {NULL, 0, 0}, loose = {NULL, 0, 0};
	struct strlist packs = STRLIST_INIT;
	git_odb *odb = NULL;
	git_packbuilder *pb = NULL;
	const char *gitdir = git_repository_path(ws->repo);
	char objects[PATH_MAX - 16], packdir[PATH_MAX], lock[PATH_MAX];
	snprintf(objects, sizeof objects, "%sobjects", gitdir);
	snprintf(packdir, sizeof packdir, "%sobjects/pack", gitdir);
	snprintf(lock, sizeof lock, "%sANTWORT_REPACK.lock", gitdir);
	int fd = open(lock, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0644);
	if (fd < 0) {
		struct stat st;
		/* One left by a killed process blocks only repacking: an hour on. */
		if (stat(lock, &st) == 0 && time(NULL) - st.st_mtime > 3600)
			unlink(lock);
		return;
	}
	close(fd);
	/* The order matters: what is listed here is all in the odb's view
	 * after the refresh, so all of it goes into the new pack. */
	if (count_packs(gitdir, &packs) == (size_t)-1 || list_loose(objects, &loose) ||
	    git_repository_odb(&odb, ws->repo) || git_odb_refresh(odb) ||
	    git_odb_foreach(odb, collect, &all) || git_packbuilder_new(&pb, ws->repo))
		goto out;
	for (size_t i = 0; i < all.n; i++)
		if (git_packbuilder_insert(pb, &all.v[i], NULL))
			goto out;
	if (git_packbuilder_write(pb, NULL, 0, NULL, NULL))
		goto out;
	const char *name = git_packbuilder_name(pb);
	if (!name)
		goto out;
	for (size_t i = 0; i < packs.n; i++)
		if (strncmp(packs.v[i] + 5, name, strlen(name)))
			remove_pack(packdir, packs.v[i]);
	for (size_t i = 0; i < loose.n; i++) {
		char hex[GIT_OID_HEXSZ + 1], path[PATH_MAX];
		git_oid_tostr(hex, sizeof hex, &loose.v[i]);
		if (snprintf(path, sizeof path, "%s/%.2s/%s", objects, hex, hex + 2) < (int)sizeof path)
			unlink(path);
	}
	git_odb_refresh(odb);
out:
	unlink(lock);
	git_packbuilder_free(pb);
	git_odb_free(odb);
	strlist_free(&packs);
	free(all.v);
	free(loose.v);
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
	if (count_packs(gitdir, NULL) > PACK_MAX_PACKS)
		repack_all(ws);
}


static int push_oid(struct loose *l, const git_oid *id)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 256;
		git_oid *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return AW_ENOMEM;
		l->v = v;
		l->cap = cap;
	}
	git_oid_cpy(&l->v[l->n++], id);
	return 0;
}

static int collect(const git_oid *id, void *payload)
{
	return push_oid(payload, id) ? -1 : 0;
}

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
			git_oid id;
			snprintf(hex, 3, "%02x", fan);
			memcpy(hex + 2, de->d_name, GIT_OID_HEXSZ - 2 + 1);
			if (git_oid_fromstr(&id, hex) == 0 && push_oid(l, &id)) {
				closedir(d);
				return AW_ENOMEM;
			}
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
