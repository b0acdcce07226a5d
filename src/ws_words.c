/* ws_words.c: the workspace's own files grown from the editor: the word
 * list ("Zum Wörterbuch hinzufügen", one commit per word) and new files
 * such as a template saved from a selection. */
#include "ws_internal.h"
#include "fileio.h"
#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char header[] =
	"# Wörter dieses Arbeitsbereichs für die Rechtschreibprüfung: eine Wortform je\n"
	"# Zeile. antwort nimmt hier Wörter auf, wenn jemand im Editor „Zum Wörterbuch\n"
	"# hinzufügen“ wählt; Sie können die Liste auch von Hand pflegen.\n";

/* 1 when text has word as a line of its own. */
static int listed(const char *text, size_t len, const char *word)
{
	size_t wl = strlen(word);
	for (size_t p = 0; p < len;) {
		const char *nl = memchr(text + p, '\n', len - p);
		size_t end = nl ? (size_t)(nl - text) : len, e = end;
		if (e > p && text[e - 1] == '\r')
			e--;
		if (e - p == wl && !memcmp(text + p, word, wl))
			return 1;
		p = end + 1;
	}
	return 0;
}

static int valid_word(const char *w)
{
	size_t n = strlen(w), line, col;
	if (!n || n > 200 || utf8_validate(w, n, &line, &col))
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)w[i] <= ' ' || w[i] == '#')
			return 0;
	return 1;
}

/* The list as it stands: the file on disk (hand edits included), else
 * the version at the tip, else only the header. After a lost race the
 * file on disk may already hold our word, written by the attempt that
 * lost: then only the tip counts (use_disk 0). */
static int current_list(struct workspace *ws, git_commit *tip, int use_disk, git_oid *blob,
                        int *absent, struct buf *text, struct aw_error *err)
{
	char path[4096];
	snprintf(path, sizeof path, "%s%s", ws->root, WS_WORDS);
	int rc = tip ? ws_blob_at(tip, WS_WORDS, blob, err) : 1;
	if (rc < 0)
		return rc;
	*absent = rc == 1;
	if (*absent)
		memset(blob, 0, sizeof *blob);
	if (use_disk && access(path, F_OK) == 0)
		return fileio_read(path, text, err);
	if (!*absent)
		return ws_blob_read(ws->repo, blob, text, err);
	return buf_adds(text, header) ? aw_fail(err, AW_ENOMEM, WS_WORDS, "") : 0;
}

int ws_add_word(struct workspace *ws, const char *word, struct ws_saved *saved,
                struct aw_error *err)
{
	strlist_free(&saved->conflicts);
	memset(saved, 0, sizeof *saved);
	if (!valid_word(word))
		return aw_fail(err, AW_EBADWORD, WS_WORDS, word);
	int rc = ws_writable(ws, err);
	char message[512];
	snprintf(message, sizeof message, "Wort „%s“ ins Wörterbuch aufgenommen\n", word);
	/* Another process may commit between reading and committing: the
	 * commit is then refused (WS_RACED) and made again on the new tip. */
	for (int round = 0; !rc; round++) {
		char branch[256];
		git_oid tip_id, blob, out, raced;
		int unborn = 0, absent = 0;
		git_commit *tip = NULL;
		struct buf text = BUF_INIT;
		rc = ws_head(ws, branch, sizeof branch, &tip_id, &unborn, err);
		if (!rc && !unborn && (rc = git_commit_lookup(&tip, ws->repo, &tip_id)))
			rc = ws_git_fail(err, rc, WS_WORDS);
		if (!rc)
			rc = current_list(ws, tip, round == 0, &blob, &absent, &text, err);
		if (!rc && listed(text.s ? text.s : "", text.len, word)) {
			git_oid_tostr(saved->id, sizeof saved->id, &tip_id);
			git_commit_free(tip);
			buf_free(&text);
			return 0;
		}
		if (!rc && ((text.len && text.s[text.len - 1] != '\n' && buf_addc(&text, '\n')) ||
		            buf_adds(&text, word) || buf_addc(&text, '\n')))
			rc = aw_fail(err, AW_ENOMEM, WS_WORDS, "");
		if (!rc) {
			struct ws_file f = {WS_WORDS, text.s, text.len, NULL};
			rc = ws_commit(ws, &f, 1, 0, &blob, message, &out, &saved->committed, &raced,
			               saved->warning, sizeof saved->warning, err);
			if (!rc) {
				git_oid_tostr(saved->id, sizeof saved->id, &out);
				snprintf(saved->subject, sizeof saved->subject, "%.*s",
				         (int)strcspn(message, "\n"), message);
			} else if (rc == WS_RACED && round == 20) {
				rc = aw_fail(err, AW_ELOCKED, WS_WORDS, "");
			} else if (rc == WS_RACED) {
				rc = 0; /* again, on the new tip */
				git_commit_free(tip);
				buf_free(&text);
				continue;
			}
		}
		git_commit_free(tip);
		buf_free(&text);
		return rc;
	}
	return rc;
}

/* Makes the folders of path below the top folder (root ends in '/'). */
static int make_folders(const char *root, const char *path, struct aw_error *err)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", path);
	for (char *p = dir + strlen(root); (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (mkdir(dir, 0777) && errno != EEXIST)
			return aw_fail(err, AW_EWRITE, dir, aw_strerror(errno));
		*p = '/';
	}
	return 0;
}

int ws_add_file(struct workspace *ws, const char *rel, const char *data, size_t len,
                const char *message, struct ws_saved *saved, struct aw_error *err)
{
	strlist_free(&saved->conflicts);
	memset(saved, 0, sizeof *saved);
	char path[4096];
	snprintf(path, sizeof path, "%s%s", ws->root, rel);
	if (strstr(rel, "..") || rel[0] == '/')
		return aw_fail(err, AW_EINTERNAL, rel, "Pfad außerhalb des Arbeitsbereichs");
	if (access(path, F_OK) == 0)
		return aw_fail(err, AW_EEXISTS, rel, "");
	int rc = ws_writable(ws, err);
	if (!rc)
		rc = make_folders(ws->root, path, err);
	if (rc)
		return rc;
	/* The zero id as the expected blob: the commit is refused when
	 * someone else added the same file meanwhile. */
	git_oid none, out, raced;
	memset(&none, 0, sizeof none);
	struct ws_file f = {rel, data, len, NULL};
	rc = ws_commit(ws, &f, 1, 0, &none, message, &out, &saved->committed, &raced,
	               saved->warning, sizeof saved->warning, err);
	if (rc == WS_RACED)
		return aw_fail(err, AW_EEXISTS, rel, "");
	if (!rc) {
		git_oid_tostr(saved->id, sizeof saved->id, &out);
		snprintf(saved->subject, sizeof saved->subject, "%.*s",
		         (int)strcspn(message, "\n"), message);
	}
	return rc;
}
