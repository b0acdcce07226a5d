/* ws_internal.h: what the workspace's files share (ws_*.c); not for the
 * rest of antwort, which sees only workspace.h and never a libgit2 type. */
#ifndef ANTWORT_WS_INTERNAL_H
#define ANTWORT_WS_INTERNAL_H

#include <git2.h>

#include "fileio.h"
#include "workspace.h"

struct workspace {
	git_repository *repo;
	char *root;                /* top folder, ending in '/' */
};

/* Turns the last libgit2 failure rc while doing something with file into
 * our error: full disk and missing rights get their own sentences,
 * locks AW_ELOCKED, anything else AW_EGIT with git's own words. */
int ws_git_fail(struct aw_error *err, int rc, const char *file);

/* The branch HEAD points to ("refs/heads/main") into branch, and its commit
 * into *tip (*unborn = 1 when the branch has no commit yet).
 * AW_EDETACHED when HEAD points to a commit, not a branch. */
int ws_head(struct workspace *ws, char *branch, size_t size, git_oid *tip, int *unborn,
            struct aw_error *err);

/* The id of the blob at path in commit c's tree; GIT_ENOTFOUND (as 1)
 * when it is not there. 0, 1 or an error. */
int ws_blob_at(const git_commit *c, const char *path, git_oid *out,
               struct aw_error *err);

/* Fills v from commit c: id, author time and zone, author, subject
 * (v->answers stays empty). */
void ws_describe_version(git_commit *c, struct ws_version *v);

/* Reads a blob into text. */
int ws_blob_read(git_repository *repo, const git_oid *id, struct buf *text,
                 struct aw_error *err);

/* The author and committer for a new commit, from the repository's or
 * the user's git configuration. AW_ENOAUTHOR when either is missing. */
int ws_signature(git_repository *repo, git_signature **out, struct aw_error *err);

/* Refuses to write into a workspace that cannot be written (read-only
 * mount, missing rights) before anything is started, and waits briefly
 * for an index.lock of a running git, naming one left behind by a crash. */
int ws_writable(struct workspace *ws, struct aw_error *err);

/* One file of a commit: its path from the top folder and its bytes. */
struct ws_file {
	const char *path;
	const char *data;
	size_t len;
	/* With WS_ON_DISK: the file as it was read (NULL: unknown), so that
	 * the index can take it without reading it again. */
	const struct fileio_stamp *stamp;
};

/* Commits files on the current branch, with tree built from the tip and
 * the branch moved only if it still points to that tip (compare and
 * swap), retried when another process got there first. expect, when not
 * NULL, holds for each file the blob the caller started from (zero id:
 * the file was absent); if the tip holds a different blob by then, the
 * commit is not made and WS_RACED is returned with the tip in *raced_tip,
 * for the caller to merge. The files are written to the working folder
 * before the branch moves, and the index is brought up to date after.
 * *committed is 0 when the tree did not change. */
#define WS_RACED 1
/* flags: WS_ON_DISK when the files are on disk as given already (a save
 * of what someone wrote with another editor): then they are never
 * written, so an edit made meanwhile cannot be overwritten. */
#define WS_ON_DISK 1
int ws_commit(struct workspace *ws, const struct ws_file *files, size_t n, unsigned flags,
              const git_oid *expect, const char *message, git_oid *out, int *committed,
              git_oid *raced_tip, char *warning, size_t warning_size, struct aw_error *err);

/* 1 when the git index vouches, without the file being read, that the
 * working file rel holds blob id: its entry has that id and the file's
 * present stamp, from before the index was written. */
int ws_index_vouches(struct workspace *ws, const char *rel, const git_oid *id);

/* Finishes bringing the working files up to a sync's new version when a
 * crash came between moving the branch and updating them (ws_sync.c).
 * Called on opening; best effort, nothing to report. */
void ws_sync_recover(struct workspace *ws);

/* Packs loose objects when they pile up (libgit2 never does): all of them
 * go into one new pack and are then removed, so nothing that another
 * process is about to reference can disappear. Failures are not errors
 * for the caller: the repository stays valid, only bigger. */
void ws_pack_auto(struct workspace *ws);

/* Packs now, whatever the count (tests and benchmarks). 0 or an error. */
int ws_pack(struct workspace *ws, size_t *packed, struct aw_error *err);

/* The system's CA certificates, which libgit2 would parse at start
 * (ws_tls.c), are loaded only once this is called, before talking to a
 * server over https. 0, or AW_ECERTS when they could not be read (libgit2
 * would have gone on without them, and every https connection would have
 * failed on its certificate). */
int ws_tls_load(struct aw_error *err);
/* For tests: the certificate file whose loading is still put off ("" when
 * none), and how many times it was loaded for real. */
const char *ws_tls_deferred(void);
unsigned ws_tls_loaded(void);

/* One commit of the branch's history, as ws_versions.c records it. */
struct ws_facts {
	git_oid id;
	long long time;            /* the author's time and zone */
	int tz;
	long long ctime;           /* the committer's time: the walk's order */
	const char *author, *subject;
	const char *answers;       /* the "Antworten:" trailer; NULL without one */
	unsigned nparents;
	const git_oid *parents;
	/* For each parent (one entry for a first commit, against nothing):
	 * the inquiries whose document differs from that parent's,
	 * "slug:blob-id" or "slug:-" when it is gone, separated by blanks. */
	const char *const *changes;
};

/* The commits reachable from HEAD, newest first, each after all of its
 * children, newest commit time first (git's --date-order; commits of the
 * same second in a fixed order); v[i] stays valid
 * until ws_history_free(). */
struct ws_history {
	const struct ws_facts **v;
	size_t n;
	struct ws_history_priv *priv;
};

/* Walks the history from HEAD through the cache .git/antwort/versionen,
 * finding out in git only what is not there yet and adding it. An unborn
 * branch gives an empty history. Call ws_history_free() in every case. */
int ws_history_walk(struct workspace *ws, struct ws_history *h, struct aw_error *err);
void ws_history_free(struct ws_history *h);

/* 1 when commit f holds a document for slug that differs from the one in
 * each of its parents (so a merge that took one side's text is none, while
 * that side's own commits are), with its blob in *blob; 0 otherwise. */
int ws_facts_version(const struct ws_facts *f, const char *slug, git_oid *blob);

#endif
