/* ws_repo.c: finding, making and opening a workspace; the git identity;
 * turning libgit2's failures into our sentences. */
#include "ws_internal.h"
#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int ws_git_fail(struct aw_error *err, int rc, const char *file)
{
	int saved = errno;
	const git_error *e = git_error_last(); /* may be NULL in 1.5.1 */
	const char *msg = e && e->message ? e->message : "ohne Angabe eines Grundes";

	if (rc == GIT_ELOCKED)
		return aw_fail(err, AW_ELOCKED, file, msg);
	if (rc == GIT_EOWNER)
		return aw_fail(err, AW_EOWNER, file, msg);
	/* libgit2 reports system failures with the C library's English text
	 * in the message; the errno beside it is still the cause. */
	if (strstr(msg, "No space left") || strstr(msg, "quota") || saved == ENOSPC)
		return aw_fail(err, AW_EWRITE, file, aw_strerror(ENOSPC));
	if (strstr(msg, "Read-only file system"))
		return aw_fail(err, AW_EREADONLY, file, aw_strerror(EROFS));
	if (strstr(msg, "Permission denied"))
		return aw_fail(err, AW_EREADONLY, file, aw_strerror(EACCES));
	if (e && e->klass == GIT_ERROR_NOMEMORY)
		return aw_fail(err, AW_ENOMEM, file, "");
	return aw_fail(err, AW_EGIT, file, msg);
}

const char *ws_root(const struct workspace *ws)
{
	return ws->root;
}

const char *ws_git_dir(const struct workspace *ws)
{
	return git_repository_path(ws->repo);
}

char *ws_doc_path(const char *slug, char out[WS_PATH_MAX])
{
	snprintf(out, WS_PATH_MAX, "%s/%s/%s", WS_DIR, slug, WS_DOC);
	return out;
}

/* The folder as people should read it: absolute, without a final '/'. */
static void display_dir(const char *dir, char *out, size_t size)
{
	char *real = realpath(dir, NULL);
	snprintf(out, size, "%s", real ? real : dir);
	free(real);
	size_t n = strlen(out);
	if (n > 1 && out[n - 1] == '/')
		out[n - 1] = '\0';
}

int ws_open(const char *start, struct workspace **out, struct aw_error *err)
{
	char shown[PATH_MAX];
	git_repository *repo = NULL;
	struct workspace *ws = NULL;

	*out = NULL;
	if (!start)
		start = ".";
	display_dir(start, shown, sizeof shown);
	git_libgit2_init();
	/* libgit2 hashes every object it reads again to verify it, which git
	 * does not: a fifth of `antwort log` over a long history went there.
	 * Objects are still checked when they are written and by git fsck. */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	int rc = git_repository_open_ext(&repo, start, 0, NULL);
	if (rc == GIT_ENOTFOUND) {
		rc = aw_fail(err, AW_ENOWS, shown, "");
		goto fail;
	}
	if (rc) {
		rc = ws_git_fail(err, rc, shown);
		goto fail;
	}
	if (git_repository_is_bare(repo)) {
		rc = aw_fail(err, AW_EBARE, shown, "");
		goto fail;
	}
	const char *wd = git_repository_workdir(repo);
	size_t wl = strlen(wd);
	char *marker = malloc(wl + sizeof WS_MARKER);
	if (!marker) {
		rc = aw_fail(err, AW_ENOMEM, shown, "");
		goto fail;
	}
	memcpy(marker, wd, wl);
	memcpy(marker + wl, WS_MARKER, sizeof WS_MARKER);
	int found = access(marker, F_OK) == 0;
	free(marker);
	if (!found) {
		rc = aw_fail(err, AW_ENOWS, shown, "");
		goto fail;
	}
	ws = calloc(1, sizeof *ws);
	if (!ws || !(ws->root = strdup(wd))) {
		rc = aw_fail(err, AW_ENOMEM, shown, "");
		goto fail;
	}
	ws->repo = repo;
	if (access(ws->root, W_OK) == 0)
		ws_sync_recover(ws);
	*out = ws;
	return 0;
fail:
	if (ws)
		free(ws->root);
	free(ws);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return rc;
}

void ws_close(struct workspace *ws)
{
	if (!ws)
		return;
	git_repository_free(ws->repo);
	free(ws->root);
	free(ws);
	git_libgit2_shutdown();
}

int ws_signature(git_repository *repo, git_signature **out, struct aw_error *err)
{
	git_config *cfg = NULL;
	git_buf name = GIT_BUF_INIT, email = GIT_BUF_INIT;
	int rc;

	*out = NULL;
	rc = repo ? git_repository_config_snapshot(&cfg, repo) : git_config_open_default(&cfg);
	if (rc)
		return ws_git_fail(err, rc, "git config");
	if (git_config_get_string_buf(&name, cfg, "user.name") ||
	    git_config_get_string_buf(&email, cfg, "user.email") || !name.size || !email.size)
		rc = aw_fail(err, AW_ENOAUTHOR, "", "");
	else if ((rc = git_signature_now(out, name.ptr, email.ptr)))
		rc = ws_git_fail(err, rc, "git config");
	git_buf_dispose(&name);
	git_buf_dispose(&email);
	git_config_free(cfg);
	return rc;
}

int ws_writable(struct workspace *ws, struct aw_error *err)
{
	const char *gitdir = git_repository_path(ws->repo);
	char path[PATH_MAX];
	const char *const need[] = {"", "objects", "refs/heads"};

	if (access(ws->root, W_OK))
		return aw_fail(err, AW_EREADONLY, ws->root, aw_strerror(errno));
	for (size_t i = 0; i < sizeof need / sizeof *need; i++) {
		snprintf(path, sizeof path, "%s%s", gitdir, need[i]);
		if (access(path, W_OK))
			return aw_fail(err, AW_EREADONLY, ws->root, aw_strerror(errno));
	}
	/* A running git holds index.lock for milliseconds; one that stays is
	 * left over from a crash, and git refuses to work until it is gone. */
	snprintf(path, sizeof path, "%sindex.lock", gitdir);
	for (int i = 0; access(path, F_OK) == 0; i++) {
		if (i == 40)
			return aw_fail(err, AW_EINDEXLOCK, path, "");
		nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
	}
	return 0;
}

int ws_head(struct workspace *ws, char *branch, size_t size, git_oid *tip, int *unborn,
            struct aw_error *err)
{
	git_reference *head = NULL;
	int rc = git_reference_lookup(&head, ws->repo, "HEAD");
	if (rc)
		return ws_git_fail(err, rc, ws->root);
	if (git_reference_type(head) != GIT_REFERENCE_SYMBOLIC) {
		char hex[GIT_OID_HEXSZ + 1];
		git_oid_tostr(hex, WS_SHORT_LEN + 1, git_reference_target(head));
		git_reference_free(head);
		return aw_fail(err, AW_EDETACHED, ws->root, hex);
	}
	snprintf(branch, size, "%s", git_reference_symbolic_target(head));
	git_reference_free(head);
	*unborn = 0;
	rc = git_reference_name_to_id(tip, ws->repo, branch);
	if (rc == GIT_ENOTFOUND) {
		*unborn = 1;
		memset(tip, 0, sizeof *tip);
		return 0;
	}
	return rc ? ws_git_fail(err, rc, ws->root) : 0;
}

int ws_blob_at(const git_commit *c, const char *path, git_oid *out,
               struct aw_error *err)
{
	git_tree *tree = NULL;
	git_tree_entry *e = NULL;
	int rc = git_commit_tree(&tree, c);
	if (rc)
		return ws_git_fail(err, rc, path);
	rc = git_tree_entry_bypath(&e, tree, path);
	git_tree_free(tree);
	if (rc == GIT_ENOTFOUND)
		return 1;
	if (rc)
		return ws_git_fail(err, rc, path);
	int blob = git_tree_entry_type(e) == GIT_OBJECT_BLOB;
	git_oid_cpy(out, git_tree_entry_id(e));
	git_tree_entry_free(e);
	return blob ? 0 : 1;
}

int ws_blob_read(git_repository *repo, const git_oid *id, struct buf *text,
                 struct aw_error *err)
{
	git_blob *blob = NULL;
	int rc = git_blob_lookup(&blob, repo, id);
	if (rc)
		return ws_git_fail(err, rc, "");
	size_t n = (size_t)git_blob_rawsize(blob);
	rc = buf_add(text, git_blob_rawcontent(blob), n);
	git_blob_free(blob);
	return rc ? aw_fail(err, AW_ENOMEM, "", "") : 0;
}

int ws_has(struct workspace *ws, const char *slug, struct aw_error *err)
{
	char rel[WS_PATH_MAX], path[PATH_MAX];
	if (!slug_valid(slug))
		return aw_fail(err, AW_ENOINQ, "", slug);
	snprintf(path, sizeof path, "%s%s", ws->root, ws_doc_path(slug, rel));
	if (access(path, F_OK))
		return aw_fail(err, AW_ENOINQ, "", slug);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int ws_list(struct workspace *ws, struct strlist *slugs, struct aw_error *err)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s%s", ws->root, WS_DIR);
	DIR *d = opendir(path);
	if (!d)
		return errno == ENOENT ? 0 : aw_fail(err, AW_EOPEN, path, aw_strerror(errno));
	struct dirent *de;
	int rc = 0;
	while (!rc && (de = readdir(d))) {
		char doc[PATH_MAX];
		if (!slug_valid(de->d_name))
			continue;
		if (snprintf(doc, sizeof doc, "%s/%s/%s", path, de->d_name, WS_DOC) >= (int)sizeof doc)
			continue;
		if (access(doc, F_OK) == 0 && strlist_add(slugs, de->d_name))
			rc = aw_fail(err, AW_ENOMEM, path, "");
	}
	closedir(d);
	if (slugs->n)
		qsort(slugs->v, slugs->n, sizeof *slugs->v, cmp_str);
	return rc;
}

/* Creates dir and the folders above it as needed. */
static int make_dirs(const char *dir, struct aw_error *err)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s", dir);
	for (char *p = path + 1; ; p++) {
		if (*p == '/' || !*p) {
			char c = *p;
			*p = '\0';
			if (mkdir(path, 0777) && errno != EEXIST)
				return aw_fail(err, AW_EWRITE, path, aw_strerror(errno));
			*p = c;
			if (!c)
				break;
		}
	}
	return 0;
}

static const char marker_text[] =
	"# Arbeitsbereich von antwort – bitte nicht löschen.\n"
	"#\n"
	"# Diese Datei kennzeichnet den Ordner als Arbeitsbereich: antwort findet\n"
	"# ihn von jedem Unterordner aus. Die Anfragen liegen in anfragen/, je eine\n"
	"# in anfragen/<Kurzname>/anfrage.txt; jede gesicherte Fassung ist eine\n"
	"# Version in Git.\n"
	"format = 1\n";

static const char templates_readme[] =
	"# Textbausteine\n"
	"\n"
	"Hier legen die Ressorts ihre Standardpositionen ab, je Baustein eine\n"
	"Textdatei: `templates/<ressort>/<name>.txt`. antwort bietet sie im Editor\n"
	"zum Einfügen an. Den Aufbau einer Datei beschreibt das Handbuch von\n"
	"antwort (`man antwort`).\n";

static const char dict_readme[] =
	"# Wörterbuch des Teams\n"
	"\n"
	"Wörter, die die Rechtschreibprüfung von antwort kennen soll, obwohl sie\n"
	"im allgemeinen deutschen Wörterbuch fehlen: Namen, Abkürzungen,\n"
	"Fachbegriffe. Die Datei `dict/woerter.txt` hat ein Wort je Zeile; der\n"
	"Editor nimmt dort Wörter auf, wenn jemand bei F7 „Zum Wörterbuch\n"
	"hinzufügen“ wählt. Über Git teilen alle im Team dieselbe Liste.\n";

int ws_init(const char *dir, struct aw_error *err)
{
	char shown[PATH_MAX];
	git_repository *repo = NULL;
	git_signature *sig = NULL;
	int rc;

	if (!dir)
		dir = ".";
	git_libgit2_init();
	/* Without an identity nothing is created, not even the folder, so
	 * that trying again after setting it starts clean. */
	if (access(dir, F_OK) != 0) {
		if ((rc = ws_signature(NULL, &sig, err)))
			goto out;
		git_signature_free(sig);
		sig = NULL;
	}
	if ((rc = make_dirs(dir, err)))
		goto out;
	display_dir(dir, shown, sizeof shown);
	rc = git_repository_open_ext(&repo, shown, 0, NULL);
	if (rc == 0) {
		char top[PATH_MAX];
		if (git_repository_is_bare(repo)) {
			rc = aw_fail(err, AW_EBARE, shown, "");
			goto out;
		}
		display_dir(git_repository_workdir(repo), top, sizeof top);
		if (strcmp(top, shown)) {
			char topmarker[PATH_MAX + sizeof WS_MARKER + 1];
			snprintf(topmarker, sizeof topmarker, "%s/%s", top, WS_MARKER);
			rc = access(topmarker, F_OK) == 0 ? aw_fail(err, AW_EWSEXISTS, top, "")
			                                  : aw_fail(err, AW_EINREPO, shown, top);
			goto out;
		}
		char marker[PATH_MAX + sizeof WS_MARKER + 1];
		snprintf(marker, sizeof marker, "%s/%s", shown, WS_MARKER);
		if (access(marker, F_OK) == 0) {
			rc = aw_fail(err, AW_EWSEXISTS, shown, "");
			goto out;
		}
		if ((rc = ws_signature(repo, &sig, err)))
			goto out;
	} else if (rc == GIT_ENOTFOUND) {
		/* Ask for the identity before anything is created, so that a
		 * second try after setting it starts from a clean folder. */
		if ((rc = ws_signature(NULL, &sig, err)))
			goto out;
		git_repository_init_options opts;
		git_repository_init_options_init(&opts, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
		opts.flags = GIT_REPOSITORY_INIT_MKPATH;
		opts.initial_head = "main";
		if ((rc = git_repository_init_ext(&repo, shown, &opts))) {
			rc = ws_git_fail(err, rc, shown);
			goto out;
		}
	} else {
		rc = ws_git_fail(err, rc, shown);
		goto out;
	}

	struct workspace ws = {repo, NULL};
	char root[PATH_MAX + 1];
	snprintf(root, sizeof root, "%s/", shown);
	ws.root = root;
	struct ws_file files[3];
	size_t n = 0;
	files[n++] = (struct ws_file){WS_MARKER, marker_text, sizeof marker_text - 1, NULL};
	const struct ws_file readmes[] = {
		{"templates/README.md", templates_readme, sizeof templates_readme - 1, NULL},
		{"dict/README.md", dict_readme, sizeof dict_readme - 1, NULL},
	};
	/* An adopted repository may have these already: they stay as they are. */
	for (size_t i = 0; i < 2; i++) {
		char p[PATH_MAX + 32];
		snprintf(p, sizeof p, "%s%s", root, readmes[i].path);
		if (access(p, F_OK))
			files[n++] = readmes[i];
	}
	git_oid id;
	int committed;
	char warning[256];
	rc = ws_commit(&ws, files, n, 0, NULL, "Arbeitsbereich für antwort angelegt\n", &id,
	               &committed, NULL, warning, sizeof warning, err);
out:
	git_signature_free(sig);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return rc;
}
