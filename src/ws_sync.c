/* ws_sync.c: sharing a workspace through a remote: fetch, merge part by
 * part, push. Never forces: what the remote has is always merged first.
 *
 * Documents that both sides changed where git's line merge gives up are
 * merged by answer (docmerge.h); where both changed the same answer, the
 * merge commit holds both versions between markers and nothing is pushed
 * until a later save has removed them. */
#include "ws_internal.h"
#include "docmerge.h"
#include "fileio.h"
#include "reader.h"
#include "writer.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

/* Rounds of fetch–merge–push when someone else pushes in between. */
#define SYNC_ROUNDS 4

void ws_synced_free(struct ws_synced *s)
{
	strlist_free(&s->conflicts);
}

struct remote_ctx {
	int tried_agent;
	char rejected[512];   /* the server's reason for refusing a ref */
};

/* ssh: one try with the keys of the running ssh-agent. Anything else
 * (passwords, tokens) is left to git's credential setup outside antwort. */
static int credentials(git_credential **out, const char *url, const char *user,
                       unsigned int allowed, void *payload)
{
	struct remote_ctx *ctx = payload;
	(void)url;
	if ((allowed & GIT_CREDENTIAL_SSH_KEY) && !ctx->tried_agent) {
		ctx->tried_agent = 1;
		return git_credential_ssh_key_from_agent(out, user ? user : "git");
	}
	return GIT_PASSTHROUGH;
}

/* A push the server refuses may still return 0 from git_remote_push: the
 * reason arrives only here. */
static int push_status(const char *refname, const char *status, void *payload)
{
	struct remote_ctx *ctx = payload;
	if (status)
		snprintf(ctx->rejected, sizeof ctx->rejected, "%s: %s", refname, status);
	return 0;
}

/* The configured remotes: name and address. Read by walking the whole
 * configuration, because git_remote_list() and git_remote_create() go
 * through a regular expression that libgit2 1.5.1 never frees. */
struct remotes {
	struct strlist names, urls;
};

/* 0, or the error already made from git's code or the lack of memory
 * (the two share the value -1, so they are told apart here). */
static int list_remotes(git_repository *repo, struct remotes *r, struct aw_error *err)
{
	git_config *cfg = NULL;
	git_config_iterator *it = NULL;
	git_config_entry *e;
	int rc = git_repository_config_snapshot(&cfg, repo);
	if (!rc)
		rc = git_config_iterator_new(&it, cfg);
	while (!rc && !(rc = git_config_next(&e, it))) {
		size_t n = strlen(e->name);
		if (strncmp(e->name, "remote.", 7) || n < 12 || strcmp(e->name + n - 4, ".url"))
			continue;
		if (strlist_addn(&r->names, e->name + 7, n - 11) || strlist_add(&r->urls, e->value)) {
			git_config_iterator_free(it);
			git_config_free(cfg);
			return aw_fail(err, AW_ENOMEM, "git config", "");
		}
	}
	git_config_iterator_free(it);
	git_config_free(cfg);
	return rc == GIT_ITEROVER ? 0 : ws_git_fail(err, rc, "git config");
}

/* Looks remote up by name, or takes it as an address. An address given
 * while no "origin" exists becomes "origin", so that the next sync needs
 * no argument. *track is where the remote's branch is kept locally. */
static int pick_remote(git_repository *repo, const char *arg, const char *branch,
                       git_remote **out, char *track, size_t tsize, char *shown, size_t ssize,
                       int *remember, struct aw_error *err)
{
	*remember = 0;
	struct remotes r = {STRLIST_INIT, STRLIST_INIT};
	const char *name = NULL;
	int rc = list_remotes(repo, &r, err);
	if (rc) {
		goto out;
	}
	int has_origin = 0;
	for (size_t i = 0; i < r.names.n; i++) {
		has_origin |= !strcmp(r.names.v[i], "origin");
		/* A name, or the address of a configured remote. */
		if (arg && !name && (!strcmp(r.names.v[i], arg) || !strcmp(r.urls.v[i], arg)))
			name = r.names.v[i];
	}
	if (!arg)
		name = has_origin ? "origin" : r.names.n ? r.names.v[0] : NULL;
	if (arg && !name) {
		/* A new address: to be remembered as origin once it has answered
		 * (remember_origin()), so that a typing error is not kept. */
		if ((rc = git_remote_create_anonymous(out, repo, arg))) {
			const git_error *e = git_error_last();
			rc = aw_fail(err, AW_EREMOTE, arg, e && e->message ? e->message : "");
			goto out;
		}
		*remember = !has_origin;
		snprintf(track, tsize, has_origin ? "refs/antwort/fernablage/%s" : "refs/remotes/origin/%s",
		         branch);
		snprintf(shown, ssize, "%s", has_origin ? arg : "origin");
		goto out;
	}
	if (!name) {
		rc = aw_fail(err, AW_ENOREMOTE, "", "");
		goto out;
	}
	snprintf(track, tsize, "refs/remotes/%s/%s", name, branch);
	snprintf(shown, ssize, "%s", name);
	if ((rc = git_remote_lookup(out, repo, name)))
		rc = ws_git_fail(err, rc, shown);
out:
	strlist_free(&r.names);
	strlist_free(&r.urls);
	return rc;
}

/* Remembers url as "origin", with git's usual fetch refspec. */
static int remember_origin(git_repository *repo, const char *url, struct aw_error *err)
{
	git_config *cfg = NULL;
	int rc = git_repository_config(&cfg, repo);
	if (!rc)
		rc = git_config_set_string(cfg, "remote.origin.url", url);
	if (!rc)
		rc = git_config_set_string(cfg, "remote.origin.fetch",
		                           "+refs/heads/*:refs/remotes/origin/*");
	git_config_free(cfg);
	return rc ? ws_git_fail(err, rc, "git config") : 0;
}

static int is_doc_path(const char *path)
{
	return fnmatch(WS_DIR "/*/" WS_DOC, path, FNM_PATHNAME) == 0;
}

/* Refuses to sync over changes not yet in a version: a merge would
 * otherwise have to choose between them and the remote's. Inquiries are
 * saved with antwort; other files (templates, words, a deleted folder)
 * only git can take. Files git does not track stay out of it. */
static int check_saved(struct workspace *ws, struct aw_error *err)
{
	git_status_list *list = NULL;
	git_status_options so;
	git_status_options_init(&so, GIT_STATUS_OPTIONS_VERSION);
	so.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
	so.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
	int rc = git_status_list_new(&list, ws->repo, &so);
	if (rc)
		return ws_git_fail(err, rc, ws->root);
	for (size_t i = 0; !rc && i < git_status_list_entrycount(list); i++) {
		const git_status_entry *e = git_status_byindex(list, i);
		const git_diff_delta *d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
		if (!d || e->status == GIT_STATUS_CURRENT || (e->status & GIT_STATUS_IGNORED))
			continue;
		const char *path = d->old_file.path ? d->old_file.path : d->new_file.path;
		char slug[SLUG_MAX + 1];
		size_t dl = sizeof WS_DIR, n = strcspn(path + dl, "/");
		if (is_doc_path(path) && n <= SLUG_MAX && !(e->status & GIT_STATUS_WT_DELETED)) {
			memcpy(slug, path + dl, n);
			slug[n] = '\0';
			rc = aw_fail(err, AW_EUNSAVED, path, slug);
		} else {
			rc = aw_fail(err, AW_EUNCOMMITTED, path, "");
		}
	}
	git_status_list_free(list);
	return rc;
}

/* Three versions of one file's text merged into out: an inquiry part by
 * part, any other file (or an inquiry that does not read) line by line
 * with git's markers. Places both sides changed go to labels. base NULL:
 * no common ancestor. 0, AW_ENOMEM or AW_EGIT. */
static int merge_text(const char *path, const struct buf *base, const struct buf *ours,
                      const struct buf *theirs, const char *theirs_name, struct buf *out,
                      struct strlist *labels, struct aw_error *err)
{
	struct inquiry qb, qo, qt, m;
	int rc;
	inquiry_init(&qb);
	inquiry_init(&qo);
	inquiry_init(&qt);
	inquiry_init(&m);
	if (is_doc_path(path) &&
	    !reader_read(ours->s ? ours->s : "", ours->len, path, NULL, &qo, NULL) &&
	    !reader_read(theirs->s ? theirs->s : "", theirs->len, path, NULL, &qt, NULL) &&
	    (!base || !reader_read(base->s ? base->s : "", base->len, path, NULL, &qb, NULL))) {
		rc = docmerge(base ? &qb : NULL, &qo, &qt, "Ihre Fassung", theirs_name, &m, labels) ||
		     writer_write(&m, out) ? aw_fail(err, AW_ENOMEM, path, "") : 0;
	} else {
		git_merge_file_input in[3];
		git_merge_file_options fo;
		git_merge_file_result res;
		const struct buf *src[3] = {base, ours, theirs};
		for (int k = 0; k < 3; k++) {
			git_merge_file_input_init(&in[k], GIT_MERGE_FILE_INPUT_VERSION);
			in[k].ptr = src[k] && src[k]->s ? src[k]->s : "";
			in[k].size = src[k] ? src[k]->len : 0;
			in[k].path = path;
		}
		git_merge_file_options_init(&fo, GIT_MERGE_FILE_OPTIONS_VERSION);
		fo.our_label = "Ihre Fassung";
		fo.their_label = theirs_name;
		if ((rc = git_merge_file(&res, &in[0], &in[1], &in[2], &fo))) {
			rc = ws_git_fail(err, rc, path);
		} else {
			if (buf_add(out, res.ptr ? res.ptr : "", res.len) ||
			    (!res.automergeable && strlist_add(labels, "beide Fassungen stehen in der Datei")))
				rc = aw_fail(err, AW_ENOMEM, path, "");
			git_merge_file_result_free(&res);
		}
	}
	inquiry_free(&qb);
	inquiry_free(&qo);
	inquiry_free(&qt);
	inquiry_free(&m);
	return rc;
}

/* Resolves one conflicting path of the merged index: documents part by
 * part, other files with git's markers, a file deleted on one side and
 * changed on the other kept. Conflicts are added to out. */
static int resolve_path(git_repository *repo, git_index *idx, const git_index_entry *anc,
                        const git_index_entry *ours, const git_index_entry *theirs,
                        const char *theirs_name, struct ws_synced *out, struct aw_error *err)
{
	const char *path = (ours ? ours : theirs)->path;
	char *p = strdup(path);
	struct buf text = BUF_INIT;
	struct strlist labels = STRLIST_INIT;
	git_index_entry entry;
	int rc = 0;

	if (!p)
		return aw_fail(err, AW_ENOMEM, path, "");
	memset(&entry, 0, sizeof entry);
	entry.mode = GIT_FILEMODE_BLOB;
	entry.path = p;
	if (!ours || !theirs) {
		/* Deleted on one side, changed on the other: keep the text. */
		const git_index_entry *kept = ours ? ours : theirs;
		if ((rc = ws_blob_read(repo, &kept->id, &text, err)))
			goto out;
		/* Losing nothing means keeping the changed text; there is nothing
		 * between markers to resolve. */
	} else {
		struct buf b = BUF_INIT, o = BUF_INIT, th = BUF_INIT;
		if (!(rc = ws_blob_read(repo, &ours->id, &o, err)) &&
		    !(rc = ws_blob_read(repo, &theirs->id, &th, err)) &&
		    !(rc = anc ? ws_blob_read(repo, &anc->id, &b, err) : 0))
			rc = merge_text(p, anc ? &b : NULL, &o, &th, theirs_name, &text, &labels, err);
		buf_free(&b);
		buf_free(&o);
		buf_free(&th);
		if (rc)
			goto out;
	}
	for (size_t i = 0; i < labels.n; i++) {
		struct buf line = BUF_INIT;
		if (buf_printf(&line, "%s: %s", p, labels.v[i]) || strlist_push(&out->conflicts, buf_take(&line))) {
			buf_free(&line);
			rc = aw_fail(err, AW_ENOMEM, p, "");
			goto out;
		}
	}
	/* The merged index lives in memory only, so the blob is written
	 * first and the entry points to it. */
	if ((rc = git_blob_create_from_buffer(&entry.id, repo, text.s ? text.s : "", text.len)) ||
	    (rc = git_index_conflict_remove(idx, p)) || (rc = git_index_add(idx, &entry)))
		rc = ws_git_fail(err, rc, p);
out:
	free(p);
	buf_free(&text);
	strlist_free(&labels);
	return rc;
}

/* Merges theirs into ours: the tree of the merge commit. */
static int merge_trees(struct workspace *ws, git_commit *ours, git_commit *theirs,
                       const char *theirs_name, const char *url, git_oid *tree_out, struct ws_synced *out,
                       struct aw_error *err)
{
	git_repository *repo = ws->repo;
	git_oid base_id;
	git_commit *base = NULL;
	git_tree *tb = NULL, *to = NULL, *tt = NULL;
	git_index *idx = NULL;
	git_index_conflict_iterator *it = NULL;
	int rc;

	/* Two workspaces started apart (each with its own first commit) have
	 * no common ancestor: then everything is merged against nothing. */
	rc = git_merge_base(&base_id, repo, git_commit_id(ours), git_commit_id(theirs));
	if (rc == 0)
		rc = git_commit_lookup(&base, repo, &base_id);
	else if (rc == GIT_ENOTFOUND)
		rc = 0;
	/* …but only with another workspace: any other repository's history
	 * would be merged in and ours pushed into it. */
	if (!base) {
		git_tree *probe = NULL;
		git_tree_entry *marker = NULL;
		int is_ws = git_commit_tree(&probe, theirs) == 0 &&
		            git_tree_entry_bypath(&marker, probe, WS_MARKER) == 0;
		git_tree_entry_free(marker);
		git_tree_free(probe);
		if (!is_ws)
			return aw_fail(err, AW_ENOTWSREMOTE, url, "");
	}
	if (!rc && base)
		rc = git_commit_tree(&tb, base);
	if (!rc)
		rc = git_commit_tree(&to, ours);
	if (!rc)
		rc = git_commit_tree(&tt, theirs);
	if (!rc)
		rc = git_merge_trees(&idx, repo, tb, to, tt, NULL);
	if (rc) {
		rc = ws_git_fail(err, rc, ws->root);
		goto out;
	}
	/* Collect the conflicts first: resolving changes the index under the
	 * iterator. */
	struct strlist paths = STRLIST_INIT;
	const git_index_entry *a, *o, *t;
	if ((rc = git_index_conflict_iterator_new(&it, idx))) {
		rc = ws_git_fail(err, rc, ws->root);
		goto out;
	}
	int nomem = 0;
	while (!(rc = git_index_conflict_next(&a, &o, &t, it)))
		if (strlist_add(&paths, (o ? o : t ? t : a)->path)) {
			nomem = 1;
			break;
		}
	git_index_conflict_iterator_free(it);
	it = NULL;
	if (nomem || rc != GIT_ITEROVER) {
		strlist_free(&paths);
		rc = nomem ? aw_fail(err, AW_ENOMEM, ws->root, "") : ws_git_fail(err, rc, ws->root);
		goto out;
	}
	rc = 0;
	for (size_t i = 0; !rc && i < paths.n; i++) {
		if ((rc = git_index_conflict_get(&a, &o, &t, idx, paths.v[i]))) {
			rc = ws_git_fail(err, rc, paths.v[i]);
			break;
		}
		if (!o && !t)
			rc = git_index_conflict_remove(idx, paths.v[i]); /* deleted on both sides */
		else
			rc = resolve_path(repo, idx, a, o, t, theirs_name, out, err);
	}
	strlist_free(&paths);
	if (!rc && (rc = git_index_write_tree_to(tree_out, idx, repo)))
		rc = ws_git_fail(err, rc, ws->root);
out:
	git_index_conflict_iterator_free(it);
	git_index_free(idx);
	git_tree_free(tb);
	git_tree_free(to);
	git_tree_free(tt);
	git_commit_free(base);
	return rc;
}

/* Remembers the first file a checkout would have to overwrite. */
static int checkout_conflict(git_checkout_notify_t why, const char *path,
                             const git_diff_file *baseline, const git_diff_file *target,
                             const git_diff_file *workdir, void *payload)
{
	(void)why, (void)baseline, (void)target, (void)workdir;
	char *first = payload;
	if (!first[0])
		snprintf(first, PATH_MAX, "%s", path);
	return 0;
}

/* Makes the working folder show tree, from HEAD's, refusing to overwrite
 * anything not saved (a file git does not track that is in the way). */
static int checkout(struct workspace *ws, git_tree *baseline, const git_oid *tree_id,
                    struct aw_error *err)
{
	git_tree *tree = NULL;
	git_checkout_options co;
	char first[PATH_MAX] = "";
	git_checkout_options_init(&co, GIT_CHECKOUT_OPTIONS_VERSION);
	co.checkout_strategy = GIT_CHECKOUT_SAFE;
	co.notify_flags = GIT_CHECKOUT_NOTIFY_CONFLICT;
	co.notify_cb = checkout_conflict;
	co.notify_payload = first;
	co.baseline = baseline;
	int rc = git_tree_lookup(&tree, ws->repo, tree_id);
	if (!rc)
		rc = git_checkout_tree(ws->repo, (git_object *)tree, &co);
	git_tree_free(tree);
	if (rc == GIT_ECONFLICT)
		return aw_fail(err, AW_EUNCOMMITTED, first[0] ? first : ws->root, "");
	return rc ? ws_git_fail(err, rc, ws->root) : 0;
}

/* Moves the branch from old (NULL: unborn) to new, only if it is still
 * at old. GIT_EMODIFIED when someone saved meanwhile. */
static int move_branch(git_repository *repo, const char *branch, const git_oid *old,
                       const git_oid *new, const char *why)
{
	git_reference *ref = NULL;
	int rc = old ? git_reference_create_matching(&ref, repo, branch, new, 1, old, why)
	             : git_reference_create(&ref, repo, branch, new, 0, why);
	git_reference_free(ref);
	return rc == GIT_EEXISTS ? GIT_EMODIFIED : rc;
}

/* While the branch has moved but the working files are not yet updated,
 * this file names the commit they still show. A crash in between would
 * otherwise leave files that look like a change undoing the merge, and
 * the next save would commit exactly that; ws_sync_recover() finishes
 * the update instead. */
#define SYNC_INTENT "ANTWORT_SYNC"

static void intent_path(struct workspace *ws, char *out, size_t size)
{
	snprintf(out, size, "%s" SYNC_INTENT, git_repository_path(ws->repo));
}

/* Moves the branch from old (NULL: unborn) to commit new and then brings
 * the working files from old's tree to new's. GIT_EMODIFIED or
 * GIT_ELOCKED when someone saved meanwhile (nothing changed then; no
 * AW_E* code returned here has those values), else 0 or an AW_E* code. */
static int advance(struct workspace *ws, const char *branch, const git_oid *old,
                   const git_oid *new, const char *why, struct aw_error *err)
{
	char intent[PATH_MAX], hex[GIT_OID_HEXSZ + 2];
	git_commit *oc = NULL, *nc = NULL;
	git_tree *baseline = NULL;
	int rc;
	intent_path(ws, intent, sizeof intent);
	/* Held until the files are updated, so that another antwort opening
	 * the workspace meanwhile does not take this for a crash. */
	char lock[PATH_MAX + 8];
	snprintf(lock, sizeof lock, "%s.lock", intent);
	int fd = open(lock, O_CREAT | O_RDWR | O_CLOEXEC, 0644);
	if (fd < 0 || flock(fd, LOCK_EX)) {
		if (fd >= 0)
			close(fd);
		return aw_fail(err, AW_EWRITE, lock, aw_strerror(errno));
	}
	if (old) {
		git_oid_tostr(hex, GIT_OID_HEXSZ + 1, old);
		strcat(hex, "\n");
		if ((rc = fileio_write_atomic(intent, hex, strlen(hex), err)))
			return rc;
		if ((rc = git_commit_lookup(&oc, ws->repo, old)) || (rc = git_commit_tree(&baseline, oc))) {
			rc = ws_git_fail(err, rc, branch);
			goto out;
		}
	}
	if ((rc = git_commit_lookup(&nc, ws->repo, new))) {
		rc = ws_git_fail(err, rc, branch);
		goto out;
	}
	rc = move_branch(ws->repo, branch, old, new, why);
	if (rc && rc != GIT_EMODIFIED && rc != GIT_ELOCKED)
		rc = ws_git_fail(err, rc, branch);
	if (rc)
		goto out;
	if ((rc = checkout(ws, baseline, git_commit_tree_id(nc), err))) {
		/* A file in the way: back to where we were, nothing lost. */
		git_reference *ref = NULL;
		if (old)
			git_reference_create_matching(&ref, ws->repo, branch, old, 1, new, "antwort sync: zurück");
		else if (git_reference_lookup(&ref, ws->repo, branch) == 0)
			git_reference_delete(ref);
		git_reference_free(ref);
	}
out:
	unlink(intent);
	flock(fd, LOCK_UN);
	close(fd);
	git_tree_free(baseline);
	git_commit_free(oc);
	git_commit_free(nc);
	return rc;
}

/* The blob at path in tree into text; 1 when absent. */
static int tree_text(git_repository *repo, git_tree *tree, const char *path, struct buf *text)
{
	git_tree_entry *e = NULL;
	if (!tree || git_tree_entry_bypath(&e, tree, path))
		return 1;
	int rc = ws_blob_read(repo, git_tree_entry_id(e), text, NULL);
	git_tree_entry_free(e);
	return rc ? -1 : 0;
}

/* A file someone changed after a sync was cut short, while the sync had
 * brought a new version of it: both changes go into the file (part by
 * part for an inquiry, with git's markers otherwise), to be saved. */
static void merge_into_disk(struct workspace *ws, git_tree *base, git_tree *head,
                            const char *path)
{
	char full[PATH_MAX];
	struct buf b = BUF_INIT, o = BUF_INIT, h = BUF_INIT, out = BUF_INIT;
	struct strlist labels = STRLIST_INIT;
	snprintf(full, sizeof full, "%s%s", ws->root, path);
	int has_base = tree_text(ws->repo, base, path, &b) == 0;
	/* Removed on one side: what is on disk stays. */
	if (!fileio_read(full, &o, NULL) && !tree_text(ws->repo, head, path, &h) &&
	    !merge_text(path, has_base ? &b : NULL, &o, &h, "Fassung aus der Fernablage", &out,
	                &labels, NULL))
		fileio_write_atomic(full, out.s ? out.s : "", out.len, NULL);
	strlist_free(&labels);
	buf_free(&b);
	buf_free(&o);
	buf_free(&h);
	buf_free(&out);
}

static int note_skipped(git_checkout_notify_t why, const char *path,
                        const git_diff_file *baseline, const git_diff_file *target,
                        const git_diff_file *workdir, void *payload)
{
	(void)why, (void)baseline, (void)target, (void)workdir;
	strlist_add(payload, path);
	return 0;
}

void ws_sync_recover(struct workspace *ws)
{
	char intent[PATH_MAX], lock[PATH_MAX + 8];
	struct buf hex = BUF_INIT;
	struct strlist skipped = STRLIST_INIT;
	git_oid old, head;
	git_commit *oc = NULL, *hc = NULL;
	git_tree *baseline = NULL, *tree = NULL;
	intent_path(ws, intent, sizeof intent);
	if (access(intent, F_OK))
		return;
	/* A sync still running holds the lock: its intent is no crash. */
	snprintf(lock, sizeof lock, "%s.lock", intent);
	int fd = open(lock, O_CREAT | O_RDWR | O_CLOEXEC, 0644);
	if (fd < 0 || flock(fd, LOCK_EX | LOCK_NB)) {
		if (fd >= 0)
			close(fd);
		return;
	}
	if (!fileio_read(intent, &hex, NULL) && hex.len >= GIT_OID_HEXSZ &&
	    !git_oid_fromstrn(&old, hex.s, GIT_OID_HEXSZ) &&
	    !git_reference_name_to_id(&head, ws->repo, "HEAD") && !git_oid_equal(&old, &head) &&
	    !git_commit_lookup(&oc, ws->repo, &old) && !git_commit_tree(&baseline, oc) &&
	    !git_commit_lookup(&hc, ws->repo, &head) && !git_commit_tree(&tree, hc)) {
		git_checkout_options co;
		git_checkout_options_init(&co, GIT_CHECKOUT_OPTIONS_VERSION);
		/* Files someone changed since are not overwritten but merged. */
		co.checkout_strategy = GIT_CHECKOUT_SAFE | GIT_CHECKOUT_ALLOW_CONFLICTS;
		co.baseline = baseline;
		co.notify_flags = GIT_CHECKOUT_NOTIFY_CONFLICT;
		co.notify_cb = note_skipped;
		co.notify_payload = &skipped;
		if (!git_checkout_tree(ws->repo, (git_object *)tree, &co))
			for (size_t i = 0; i < skipped.n; i++)
				merge_into_disk(ws, baseline, tree, skipped.v[i]);
	}
	unlink(intent);
	flock(fd, LOCK_UN);
	close(fd);
	buf_free(&hex);
	strlist_free(&skipped);
	git_tree_free(tree);
	git_tree_free(baseline);
	git_commit_free(oc);
	git_commit_free(hc);
}

/* Documents between markers in the versions we are about to push. */
static int check_markers(struct workspace *ws, const git_oid *remote_tip, const git_oid *local,
                         struct aw_error *err)
{
	git_commit *lc = NULL, *rcmt = NULL;
	git_tree *lt = NULL, *rt = NULL;
	git_diff *diff = NULL;
	int rc = git_commit_lookup(&lc, ws->repo, local);
	if (!rc)
		rc = git_commit_tree(&lt, lc);
	if (!rc && remote_tip && !(rc = git_commit_lookup(&rcmt, ws->repo, remote_tip)))
		rc = git_commit_tree(&rt, rcmt);
	if (!rc)
		rc = git_diff_tree_to_tree(&diff, ws->repo, rt, lt, NULL);
	if (rc) {
		rc = ws_git_fail(err, rc, ws->root);
		goto out;
	}
	for (size_t i = 0; !rc && i < git_diff_num_deltas(diff); i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		if (d->status == GIT_DELTA_DELETED)
			continue;
		struct buf text = BUF_INIT;
		if ((rc = ws_blob_read(ws->repo, &d->new_file.id, &text, err)))
			break;
		if (text.s && docmerge_text_has_markers(text.s, text.len)) {
			struct inquiry q;
			struct strlist labels = STRLIST_INIT;
			struct buf what = BUF_INIT;
			inquiry_init(&q);
			if (is_doc_path(d->new_file.path) &&
			    !reader_read(text.s, text.len, d->new_file.path, NULL, &q, NULL) &&
			    !docmerge_markers(&q, &labels))
				for (size_t j = 0; j < labels.n; j++)
					buf_printf(&what, "%s%s", j ? ", " : "", labels.v[j]);
			rc = aw_fail(err, AW_ECONFLICT, d->new_file.path,
			             what.s ? what.s : "Konfliktmarkierungen");
			buf_free(&what);
			strlist_free(&labels);
			inquiry_free(&q);
		}
		buf_free(&text);
	}
out:
	git_diff_free(diff);
	git_tree_free(lt);
	git_tree_free(rt);
	git_commit_free(lc);
	git_commit_free(rcmt);
	return rc;
}


int ws_sync(struct workspace *ws, const char *remote_arg, struct ws_synced *out,
            struct aw_error *err)
{
	git_repository *repo = ws->repo;
	git_remote *remote = NULL;
	git_signature *sig = NULL;
	struct remote_ctx ctx;
	char branch[256], track[400], shown[300];
	int rc;

	memset(out, 0, sizeof *out);
	memset(&ctx, 0, sizeof ctx);
	if ((rc = ws_writable(ws, err)) || (rc = ws_signature(repo, &sig, err)) ||
	    (rc = check_saved(ws, err)))
		goto out;
	git_oid local;
	int unborn;
	if ((rc = ws_head(ws, branch, sizeof branch, &local, &unborn, err)))
		goto out;
	const char *short_branch = !strncmp(branch, "refs/heads/", 11) ? branch + 11 : branch;
	snprintf(out->branch, sizeof out->branch, "%s", short_branch);
	int remember;
	if ((rc = pick_remote(repo, remote_arg, short_branch, &remote, track, sizeof track, shown,
	                      sizeof shown, &remember, err)))
		goto out;
	snprintf(out->remote, sizeof out->remote, "%s", shown);
	const char *url = git_remote_url(remote) ? git_remote_url(remote) : shown;
	/* Certificates only now that a server wants them: for https, where
	 * we fetch from or where we push to. */
	const char *push_url = git_remote_pushurl(remote);
	if ((!strncmp(url, "https://", 8) || (push_url && !strncmp(push_url, "https://", 8))) &&
	    (rc = ws_tls_load(err)))
		goto out;

	/* One remote object for every round: libgit2 1.5.1 leaks each one. */
	git_fetch_options fo;
	git_fetch_options_init(&fo, GIT_FETCH_OPTIONS_VERSION);
	fo.callbacks.credentials = credentials;
	fo.callbacks.payload = &ctx;
	git_push_options po;
	git_push_options_init(&po, GIT_PUSH_OPTIONS_VERSION);
	po.callbacks.credentials = credentials;
	po.callbacks.push_update_reference = push_status;
	po.callbacks.payload = &ctx;
	char fetch_spec[700], push_spec[600];
	snprintf(fetch_spec, sizeof fetch_spec, "+%s:%s", branch, track);
	snprintf(push_spec, sizeof push_spec, "%s:%s", branch, branch);
	char *fs = fetch_spec, *ps = push_spec;
	git_strarray fetch_specs = {&fs, 1}, push_specs = {&ps, 1};
	char theirs_name[400];
	snprintf(theirs_name, sizeof theirs_name, "Fassung von %s", shown);

	for (int round = 0; ; round++) {
		if (round == SYNC_ROUNDS) {
			rc = aw_fail(err, AW_EBUSY, url, "");
			goto out;
		}
		ctx.tried_agent = 0;
		/* What we knew of the remote may be stale (another address, a
		 * remote emptied since): only this fetch says what it has. */
		git_reference *old = NULL;
		if (git_reference_lookup(&old, repo, track) == 0)
			git_reference_delete(old);
		git_reference_free(old);
		if ((rc = git_remote_fetch(remote, &fetch_specs, &fo, "antwort sync"))) {
			const git_error *e = git_error_last();
			/* libgit2 calls a missing folder an "unsupported protocol". */
			int missing = !strstr(url, "://") && access(url, F_OK) != 0;
			rc = aw_fail(err, AW_EREMOTE, url,
			             missing ? aw_strerror(ENOENT) : e && e->message ? e->message : "");
			goto out;
		}
		if (remember) {
			if ((rc = remember_origin(repo, url, err)))
				goto out;
			remember = 0;
		}
		git_oid theirs;
		int have_theirs = git_reference_name_to_id(&theirs, repo, track) == 0;
		if ((rc = ws_head(ws, branch, sizeof branch, &local, &unborn, err)))
			goto out;

		if (have_theirs && (unborn || !git_oid_equal(&theirs, &local))) {
			int ours_ahead = !unborn && git_graph_descendant_of(repo, &local, &theirs) == 1;
			int theirs_ahead = unborn || git_graph_descendant_of(repo, &theirs, &local) == 1;
			if (theirs_ahead) {
				git_commit *tc = NULL;
				if ((rc = git_commit_lookup(&tc, repo, &theirs))) {
					rc = ws_git_fail(err, rc, url);
					goto out;
				}
				git_commit_free(tc);
				rc = advance(ws, branch, unborn ? NULL : &local, &theirs,
				             "antwort sync: fast-forward", err);
				if (rc == GIT_EMODIFIED || rc == GIT_ELOCKED)
					continue;
				if (rc)
					goto out;
				out->fetched = 1;
				local = theirs;
			} else if (!ours_ahead) {
				git_commit *oc = NULL, *tc = NULL;
				git_oid tree_id, merge_id;
				struct buf msg = BUF_INIT;
				strlist_free(&out->conflicts);
				rc = git_commit_lookup(&oc, repo, &local);
				if (!rc)
					rc = git_commit_lookup(&tc, repo, &theirs);
				if (rc)
					rc = ws_git_fail(err, rc, url);
				else
					rc = merge_trees(ws, oc, tc, theirs_name, url, &tree_id, out, err);
				if (!rc) {
					git_tree *tree = NULL;
					const git_commit *parents[2] = {oc, tc};
					buf_printf(&msg, "Fassungen von %s übernommen\n", shown);
					if (out->conflicts.n)
						buf_adds(&msg, "\nBeide Fassungen stehen noch nebeneinander:\n");
					for (size_t i = 0; i < out->conflicts.n; i++)
						buf_printf(&msg, "- %s\n", out->conflicts.v[i]);
					if (!msg.s)
						rc = aw_fail(err, AW_ENOMEM, url, "");
					else if ((rc = git_tree_lookup(&tree, repo, &tree_id)) ||
					         (rc = git_commit_create(&merge_id, repo, NULL, sig, sig, NULL,
					                                 msg.s, tree, 2, parents)))
						rc = ws_git_fail(err, rc, ws->root);
					git_tree_free(tree);
				}
				git_commit_free(oc);
				git_commit_free(tc);
				buf_free(&msg);
				if (rc)
					goto out;
				rc = advance(ws, branch, &local, &merge_id, "antwort sync: merge", err);
				if (rc == GIT_EMODIFIED || rc == GIT_ELOCKED)
					continue;
				if (rc)
					goto out;
				out->fetched = out->merged = 1;
				local = merge_id;
				ws_pack_auto(ws);
			}
		}
		/* Conflicts stay here until someone has chosen. */
		if (out->conflicts.n)
			goto out;
		if (unborn && !have_theirs)
			goto out; /* nothing on either side */
		if (have_theirs && git_oid_equal(&theirs, &local))
			goto out; /* the remote has everything already */
		if ((rc = check_markers(ws, have_theirs ? &theirs : NULL, &local, err)))
			goto out;
		ctx.rejected[0] = '\0';
		ctx.tried_agent = 0;
		rc = git_remote_push(remote, &push_specs, &po);
		if (rc == GIT_ENONFASTFORWARD || (!rc && (strstr(ctx.rejected, "fast-forward") ||
		                                          strstr(ctx.rejected, "fetch first"))))
			continue; /* someone pushed in between: merge theirs too */
		if (rc) {
			const git_error *e = git_error_last();
			rc = aw_fail(err, AW_EREMOTE, url, e && e->message ? e->message : "");
			goto out;
		}
		if (ctx.rejected[0]) {
			rc = aw_fail(err, AW_EPUSH, url, ctx.rejected);
			goto out;
		}
		/* Remember what the remote has now, as a fetch would. */
		git_reference *ref = NULL;
		git_reference_create(&ref, repo, track, &local, 1, "antwort sync: push");
		git_reference_free(ref);
		out->pushed = 1;
		break;
	}
out:
	git_remote_free(remote);
	git_signature_free(sig);
	return rc;
}
