/* ws_commit.c: one commit of some files on the current branch, safe
 * against other processes committing at the same time.
 *
 * Why not through the index, as git does: two processes that commit
 * through the shared index lose work silently (measured with libgit2
 * 1.5.1: 98 of 600 concurrent commits undid another's change). Building
 * the tree from the parent commit and moving the branch only if it still
 * points to that parent loses nothing; the index is brought up to date
 * afterwards only so that `git status` stays quiet. */
#include "ws_internal.h"
#include "fileio.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Attempts before giving up on a branch that keeps moving or stays
 * locked; with the pause below, a few seconds. */
#define CAS_TRIES 200

/* A short pause that differs between processes, so that two that keep
 * colliding fall out of step. */
static void pause_briefly(int attempt)
{
	long ns = (long)(1 + (getpid() + attempt) % 7) * 1000 * 1000 * (attempt < 20 ? 1 : 5);
	nanosleep(&(struct timespec){0, ns}, NULL);
}

/* A branch's lock is held for microseconds; one older than a few seconds
 * was left by a process that died, and blocks every save until someone
 * removes it. AW_EINDEXLOCK naming it then, else 0 to try again. */
static int stale_lock(struct workspace *ws, const char *branch, struct aw_error *err)
{
	char path[PATH_MAX];
	struct stat st;
	snprintf(path, sizeof path, "%s%s.lock", git_repository_path(ws->repo), branch);
	if (stat(path, &st) == 0 && time(NULL) - st.st_mtime > 5)
		return aw_fail(err, AW_EINDEXLOCK, path, "");
	return 0;
}

/* The tree base with the blob put at path (folders made as needed). */
static int tree_put(git_repository *repo, const git_tree *base, const char *path,
                    const git_oid *blob, git_oid *out)
{
	git_treebuilder *tb = NULL;
	int rc = git_treebuilder_new(&tb, repo, base);
	if (rc)
		return rc;
	const char *slash = strchr(path, '/');
	if (!slash) {
		rc = git_treebuilder_insert(NULL, tb, path, blob, GIT_FILEMODE_BLOB);
	} else {
		char name[256];
		size_t n = (size_t)(slash - path);
		if (n == 0 || n >= sizeof name) {
			git_treebuilder_free(tb);
			git_error_set_str(GIT_ERROR_INVALID, "invalid path");
			return GIT_EINVALID;
		}
		memcpy(name, path, n);
		name[n] = '\0';
		git_tree *sub = NULL;
		const git_tree_entry *e = base ? git_tree_entry_byname(base, name) : NULL;
		if (e && git_tree_entry_type(e) == GIT_OBJECT_TREE)
			rc = git_tree_lookup(&sub, repo, git_tree_entry_id(e));
		git_oid subid;
		if (!rc)
			rc = tree_put(repo, sub, slash + 1, blob, &subid);
		git_tree_free(sub);
		if (!rc)
			rc = git_treebuilder_insert(NULL, tb, name, &subid, GIT_FILEMODE_TREE);
	}
	if (!rc)
		rc = git_treebuilder_write(out, tb);
	git_treebuilder_free(tb);
	return rc;
}

/* Writes the working copy of each file, making its folders. */
static int write_files(struct workspace *ws, const struct ws_file *files, size_t n,
                       struct fileio_stamp *stamps, struct aw_error *err)
{
	for (size_t i = 0; i < n; i++) {
		char path[PATH_MAX];
		snprintf(path, sizeof path, "%s%s", ws->root, files[i].path);
		for (char *p = path + strlen(ws->root); (p = strchr(p, '/')); p++) {
			*p = '\0';
			int bad = mkdir(path, 0777) && errno != EEXIST;
			int saved = errno;
			*p = '/';
			if (bad)
				return aw_fail(err, AW_EWRITE, path, aw_strerror(saved));
		}
		int rc = fileio_write_atomic_stamped(path, files[i].data, files[i].len, &stamps[i], err);
		if (rc)
			return rc;
	}
	return 0;
}

/* Puts file path with blob id into the index. With the file's stamp the
 * entry is made from it, as git does after hashing a file: reading and
 * hashing the file again (git_index_add_bypath) was over a quarter of a
 * save of a 500 KB inquiry. */
static int index_put(git_index *idx, const char *path, const git_oid *id,
                     const struct fileio_stamp *stamp)
{
	if (!stamp || !stamp->valid)
		return git_index_add_bypath(idx, path);
	const struct stat *st = &stamp->st;
	git_index_entry e;
	memset(&e, 0, sizeof e);
	e.ctime.seconds = (int32_t)st->st_ctim.tv_sec;
	e.ctime.nanoseconds = (uint32_t)st->st_ctim.tv_nsec;
	e.mtime.seconds = (int32_t)st->st_mtim.tv_sec;
	e.mtime.nanoseconds = (uint32_t)st->st_mtim.tv_nsec;
	e.dev = (uint32_t)st->st_dev;
	e.ino = (uint32_t)st->st_ino;
	/* The mode the commit records (tree_put()), so that the index agrees
	 * with it whatever core.filemode says; an executable file then shows
	 * as the change it is. */
	e.mode = GIT_FILEMODE_BLOB;
	e.uid = (uint32_t)st->st_uid;
	e.gid = (uint32_t)st->st_gid;
	e.file_size = (uint32_t)st->st_size;
	git_oid_cpy(&e.id, id);
	e.path = path;
	/* A saved file is resolved: the stages of a merge conflict go, as
	 * git add would remove them. */
	int rc = git_index_conflict_remove(idx, path);
	if (rc && rc != GIT_ENOTFOUND)
		return rc;
	return git_index_add(idx, &e);
}

int ws_index_vouches(struct workspace *ws, const char *rel, const git_oid *id)
{
	char path[PATH_MAX], index_path[PATH_MAX];
	struct stat st, ist, before;
	git_index *idx = NULL;
	snprintf(path, sizeof path, "%s%s", ws->root, rel);
	snprintf(index_path, sizeof index_path, "%sindex", ws_git_dir(ws));
	if (git_repository_index(&idx, ws->repo))
		return 0;
	/* The index's own time must be that of the entries read: another
	 * process may write it meanwhile. */
	int steady = stat(index_path, &before) == 0 && git_index_read(idx, 0) == 0 &&
	             stat(index_path, &ist) == 0 && before.st_ino == ist.st_ino &&
	             before.st_mtim.tv_sec == ist.st_mtim.tv_sec &&
	             before.st_mtim.tv_nsec == ist.st_mtim.tv_nsec;
	const git_index_entry *e = steady ? git_index_get_bypath(idx, rel, 0) : NULL;
	int ok = e && git_oid_equal(&e->id, id) && stat(path, &st) == 0 &&
	         e->file_size == (uint32_t)st.st_size && e->ino == (uint32_t)st.st_ino &&
	         e->mtime.seconds == (int32_t)st.st_mtim.tv_sec &&
	         e->mtime.nanoseconds == (uint32_t)st.st_mtim.tv_nsec &&
	         e->ctime.seconds == (int32_t)st.st_ctim.tv_sec &&
	         e->ctime.nanoseconds == (uint32_t)st.st_ctim.tv_nsec &&
	         /* git's rule against "racy" entries: a change made in the
	          * clock tick the index was written in could leave the same
	          * stamp, so only an entry older than the index counts. */
	         (e->mtime.seconds < (int32_t)ist.st_mtim.tv_sec ||
	          (e->mtime.seconds == (int32_t)ist.st_mtim.tv_sec &&
	           e->mtime.nanoseconds < (uint32_t)ist.st_mtim.tv_nsec));
	git_index_free(idx);
	return ok;
}

/* Brings the index entries of files up to date. Another process may write
 * the index between our read and our write and so drop our entry: each
 * process checks its own entries afterwards and repeats until they hold. */
static void update_index(struct workspace *ws, const struct ws_file *files, size_t n,
                         const git_oid *blobs, const struct fileio_stamp *stamps,
                         char *warning, size_t wsize)
{
	git_index *idx = NULL;
	int rc = git_repository_index(&idx, ws->repo);
	for (int attempt = 0; !rc && attempt < 40; attempt++) {
		rc = git_index_read(idx, 1);
		for (size_t i = 0; !rc && i < n; i++)
			rc = index_put(idx, files[i].path, &blobs[i], stamps ? &stamps[i] : files[i].stamp);
		if (!rc)
			rc = git_index_write(idx);
		if (rc == GIT_ELOCKED) {
			rc = 0;
			nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
			continue;
		}
		if (rc)
			break;
		if ((rc = git_index_read(idx, 1)))
			break;
		size_t ok = 0;
		for (size_t i = 0; i < n; i++) {
			const git_index_entry *e = git_index_get_bypath(idx, files[i].path, 0);
			ok += e && git_oid_equal(&e->id, &blobs[i]);
		}
		if (ok == n) {
			git_index_free(idx);
			return;
		}
	}
	git_index_free(idx);
	const git_error *e = git_error_last();
	snprintf(warning, wsize,
	         "Die Version ist gesichert; nur der Git-Index ist nicht auf dem neuen Stand (%s), "
	         "sodass „git status“ die Datei als geändert zeigen kann.",
	         e && e->message ? e->message : "gesperrt");
}

int ws_commit(struct workspace *ws, const struct ws_file *files, size_t n, unsigned flags,
              const git_oid *expect, const char *message, git_oid *out, int *committed,
              git_oid *raced_tip, char *warning, size_t warning_size, struct aw_error *err)
{
	git_repository *repo = ws->repo;
	git_signature *sig = NULL;
	git_oid *blobs = NULL;
	struct fileio_stamp *stamps = NULL;
	git_commit *parent = NULL;
	git_tree *tree = NULL;
	const char *what = n ? files[0].path : ws->root;
	int rc, written = 0;
	char branch[256], reflog[300];

	*committed = 0;
	if (warning_size)
		warning[0] = '\0';
	if ((rc = ws_signature(repo, &sig, err)) || (rc = ws_writable(ws, err)))
		goto out;
	if (!(blobs = calloc(n ? n : 1, sizeof *blobs)) ||
	    !(stamps = calloc(n ? n : 1, sizeof *stamps))) {
		rc = aw_fail(err, AW_ENOMEM, what, "");
		goto out;
	}
	/* The objects go first: a full disk or missing rights show here, before
	 * anything a person sees has changed. */
	for (size_t i = 0; i < n; i++)
		if ((rc = git_blob_create_from_buffer(&blobs[i], repo, files[i].data, files[i].len))) {
			rc = ws_git_fail(err, rc, what);
			goto out;
		}
	const char *nl = strchr(message, '\n');
	snprintf(reflog, sizeof reflog, "commit: %.*s", (int)(nl ? nl - message : (long)strlen(message)),
	         message);

	for (int attempt = 0; ; attempt++) {
		git_oid tip, tree_id, commit_id;
		int unborn;
		if (attempt == CAS_TRIES) {
			rc = aw_fail(err, AW_ELOCKED, branch, "");
			goto out;
		}
		if ((rc = ws_head(ws, branch, sizeof branch, &tip, &unborn, err)))
			goto out;
		git_commit_free(parent);
		git_tree_free(tree);
		parent = NULL;
		tree = NULL;
		if (!unborn && ((rc = git_commit_lookup(&parent, repo, &tip)) ||
		                (rc = git_commit_tree(&tree, parent)))) {
			rc = ws_git_fail(err, rc, what);
			goto out;
		}
		if (expect) {
			for (size_t i = 0; i < n; i++) {
				git_oid cur;
				memset(&cur, 0, sizeof cur);
				if (parent && (rc = ws_blob_at(parent, files[i].path, &cur, err)) < 0)
					goto out;
				if (!git_oid_equal(&cur, &expect[i]) && !git_oid_equal(&cur, &blobs[i])) {
					git_oid_cpy(raced_tip, &tip);
					rc = WS_RACED;
					goto out;
				}
			}
		}
		git_tree *next = tree;
		tree = NULL;
		for (size_t i = 0; i < n; i++) {
			rc = tree_put(repo, next, files[i].path, &blobs[i], &tree_id);
			git_tree_free(next);
			next = NULL;
			if (rc || (rc = git_tree_lookup(&next, repo, &tree_id))) {
				rc = ws_git_fail(err, rc, what);
				goto out;
			}
		}
		tree = next;
		if (parent && git_oid_equal(git_tree_id(tree), git_commit_tree_id(parent))) {
			git_oid_cpy(out, &tip);
			rc = 0;
			goto out;
		}
		const git_commit *parents[1] = {parent};
		if ((rc = git_commit_create(&commit_id, repo, NULL, sig, sig, NULL, message, tree,
		                            parent ? 1 : 0, parents))) {
			rc = ws_git_fail(err, rc, what);
			goto out;
		}
		/* The working files before the branch: after a crash in between,
		 * the next save finds the new text and commits it. */
		if (!written && !(flags & WS_ON_DISK)) {
			if ((rc = write_files(ws, files, n, stamps, err)))
				goto out;
			written = 1;
		}
		git_reference *ref = NULL;
		if (unborn)
			rc = git_reference_create(&ref, repo, branch, &commit_id, 0, reflog);
		else
			rc = git_reference_create_matching(&ref, repo, branch, &commit_id, 1, &tip, reflog);
		git_reference_free(ref);
		if (rc == GIT_ELOCKED) {
			if ((rc = stale_lock(ws, branch, err)))
				goto out;
			rc = GIT_ELOCKED;
		}
		if (rc == GIT_ELOCKED || rc == GIT_EMODIFIED || rc == GIT_EEXISTS) {
			pause_briefly(attempt);
			continue;
		}
		if (rc) {
			rc = ws_git_fail(err, rc, branch);
			goto out;
		}
		git_oid_cpy(out, &commit_id);
		*committed = 1;
		break;
	}
	update_index(ws, files, n, blobs, written ? stamps : NULL, warning, warning_size);
	ws_pack_auto(ws);
out:
	git_tree_free(tree);
	git_commit_free(parent);
	git_signature_free(sig);
	free(blobs);
	free(stamps);
	return rc;
}
