/* test_recovery.c: the editor's recovery file (recovery.c) in a real
 * workspace: exact bytes back, outside git's view, the fallback when the
 * git folder cannot take it, damaged files offered rather than dropped. */
#include "harness.h"
#include "reader.h"
#include "recovery.h"
#include "workspace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A commit id as the editor would pass it. */
static const char base_id[] = "0123456789abcdef0123456789abcdef01234567";

/* The editor's text: umlauts, typographic quotes, a paragraph that looks
 * like a header line, blank lines, and no final newline. */
static const char doc[] =
	"Vorlage für die Sitzung des Senats am 4.4.2017\n\n"
	"„Frage für die Fragestunde – L4 “Videotelefonie in der Verwaltung““\n\n"
	"zeit: 12\n\nbasis: \n\n"
	"Zu Frage 1:\n\nÄußerst schwierig – größere Übergänge, süße Grüße.";

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

/* `git status --porcelain` of dir, or NULL when git cannot be run. */
static char *git_status(const char *dir)
{
	char cmd[4400];
	snprintf(cmd, sizeof cmd, "git -C '%s' status --porcelain --untracked-files=all 2>/dev/null", dir);
	FILE *p = popen(cmd, "r");
	if (!p)
		return NULL;
	char *out = calloc(1, 8192);
	size_t n = out ? fread(out, 1, 8191, p) : 0;
	(void)n;
	if (pclose(p) != 0) {
		free(out);
		return NULL;
	}
	return out;
}

static void restore_env(const char *name, char *old)
{
	if (old)
		setenv(name, old, 1);
	else
		unsetenv(name);
	free(old);
}

void test_recovery(void)
{
	char dir[4096], home[4200], cfg[4300], state[4200], wsdir[4200];
	struct aw_error err;
	struct recovery r;
	if (harness_tempdir("recovery-unit", dir, sizeof dir)) {
		SKIP("recovery: all", "no temporary folder");
		return;
	}
	snprintf(home, sizeof home, "%s/home", dir);
	snprintf(cfg, sizeof cfg, "%s/.gitconfig", home);
	snprintf(state, sizeof state, "%s/state", dir);
	snprintf(wsdir, sizeof wsdir, "%s/ws", dir);
	mkdir(home, 0700);
	write_file(cfg, "[user]\n\tname = Anna Müller\n\temail = anna@example.org\n");
	char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	char *old_state = getenv("XDG_STATE_HOME") ? strdup(getenv("XDG_STATE_HOME")) : NULL;
	setenv("HOME", home, 1);
	setenv("XDG_STATE_HOME", state, 1);

	struct workspace *ws = NULL;
	if (ws_init(wsdir, &err) || ws_open(wsdir, &ws, &err)) {
		CHECK(0, "recovery: a workspace to test in");
		goto out;
	}
	const char *slug = "2017-04-04-L4-videotelefonie";
	const char *gitdir = ws_git_dir(ws);
	CHECK(gitdir[strlen(gitdir) - 1] == '/' && strstr(gitdir, "/ws/.git/"),
	      "recovery: ws_git_dir is the .git folder, ending in '/'");

	/* Nothing saved yet. */
	memset(&r, 0x5a, sizeof r); /* load must not need an initialised struct */
	CHECK(recovery_load(ws, slug, &r, &err) == 0 && !r.present && !r.text.s,
	      "recovery: nothing to offer before anything was saved");
	recovery_free(&r);

	/* The primary place, inside the git folder. */
	char prim[4096], want[4400];
	snprintf(want, sizeof want, "%santwort/wiederherstellung/%s.txt", gitdir, slug);
	CHECK(recovery_path(ws, slug, prim, sizeof prim, &err) == 0, "recovery: path");
	CHECK_STR(prim, want, "recovery: the file lies in <gitdir>/antwort/wiederherstellung");
	char folder[4400];
	snprintf(folder, sizeof folder, "%santwort/wiederherstellung", gitdir);
	struct stat st;
	CHECK(stat(folder, &st) == 0 && S_ISDIR(st.st_mode), "recovery: path makes the folder");
	char small[16];
	CHECK(recovery_path(ws, slug, small, sizeof small, &err) == AW_ERECOVERY,
	      "recovery: a path that does not fit is an error, not a cut path");

	/* Save and load: the same bytes, base and time. */
	time_t t0 = time(NULL);
	CHECK(recovery_save(ws, slug, base_id, doc, sizeof doc - 1, &err) == 0, "recovery: save");
	time_t t1 = time(NULL);
	CHECK(exists(prim), "recovery: the file is in the primary place");
	CHECK(recovery_load(ws, slug, &r, &err) == 0 && r.present && !r.damaged,
	      "recovery: load finds it");
	CHECK(r.text.len == sizeof doc - 1 && !memcmp(r.text.s, doc, sizeof doc - 1),
	      "recovery: the text comes back byte for byte (umlauts, header-like lines, no final newline)");
	CHECK_STR(r.base, base_id, "recovery: the base comes back");
	CHECK(r.time >= (long long)t0 && r.time <= (long long)t1, "recovery: the time comes back");
	CHECK_STR(r.path, prim, "recovery: load names the file");
	recovery_free(&r);
	{
		char *raw = harness_slurp(prim, NULL);
		char head[200];
		snprintf(head, sizeof head, "antwort-wiederherstellung 1\nbasis: %s\nzeit: %lld\n\n"
		         "Vorlage für", base_id, (long long)t0);
		char head1[200];
		snprintf(head1, sizeof head1, "antwort-wiederherstellung 1\nbasis: %s\nzeit: %lld\n\n"
		         "Vorlage für", base_id, (long long)t1);
		CHECK(raw && (!strncmp(raw, head, strlen(head)) || !strncmp(raw, head1, strlen(head1))),
		      "recovery: the file has the documented header");
		free(raw);
	}
	/* The text, as the editor would pass it, still reads as an inquiry. */
	{
		struct inquiry q;
		inquiry_init(&q);
		CHECK(recovery_load(ws, slug, &r, &err) == 0 &&
		      reader_read(r.text.s, r.text.len, "w", NULL, &q, &err) == 0 && q.number &&
		      !strcmp(q.number, "L4"), "recovery: the recovered text reads as the inquiry");
		inquiry_free(&q);
		recovery_free(&r);
	}

	/* Outside the history: under .git, and git sees nothing. */
	CHECK(!strncmp(prim, gitdir, strlen(gitdir)), "recovery: the file is under the git folder");
	char *status = git_status(wsdir);
	if (status)
		CHECK_STR(status, "", "recovery: git status stays clean with a recovery file");
	else
		SKIP("recovery: git status stays clean with a recovery file", "git not available");
	free(status);

	/* A second save replaces the first; a base that is no commit id is
	 * written as none rather than failing the save. */
	CHECK(recovery_save(ws, slug, "HEAD\nzeit: 1", "Neu.\n", 5, &err) == 0 &&
	      recovery_load(ws, slug, &r, &err) == 0 && r.present && !r.damaged &&
	      !strcmp(r.text.s, "Neu.\n") && !strcmp(r.base, ""),
	      "recovery: a second save replaces the first, a bad base is written empty");
	recovery_free(&r);
	CHECK(recovery_save(ws, slug, NULL, "", 0, &err) == 0 &&
	      recovery_load(ws, slug, &r, &err) == 0 && r.present && r.text.len == 0,
	      "recovery: an empty text is saved and offered as such");
	recovery_free(&r);

	/* Remove: gone, and removing again is fine. */
	CHECK(recovery_remove(ws, slug, &err) == 0 && !exists(prim), "recovery: remove");
	CHECK(recovery_load(ws, slug, &r, &err) == 0 && !r.present,
	      "recovery: nothing to offer after remove");
	recovery_free(&r);
	CHECK(recovery_remove(ws, slug, &err) == 0, "recovery: removing what is not there is fine");

	/* A slug that would leave the folder. */
	CHECK(recovery_save(ws, "../../x", NULL, "a", 1, &err) == AW_ENOINQ &&
	      recovery_load(ws, "../../x", &r, &err) == AW_ENOINQ &&
	      recovery_remove(ws, "../../x", &err) == AW_ENOINQ &&
	      recovery_path(ws, "a/b", small, sizeof small, &err) == AW_ENOINQ && !small[0],
	      "recovery: a slug that is a path is refused");

	/* Damaged files are offered whole, never dropped or deleted. */
	write_file(prim, "Mein halber Entwurf ohne Kopf\n");
	CHECK(recovery_load(ws, slug, &r, &err) == 0 && r.present && r.damaged &&
	      !strcmp(r.text.s, "Mein halber Entwurf ohne Kopf\n") && !strcmp(r.base, "") &&
	      r.time > 0, "recovery: a file without header is offered whole as damaged");
	recovery_free(&r);
	CHECK(exists(prim), "recovery: loading a damaged file leaves it in place");
	write_file(prim, "antwort-wiederherstellung 1\nbasis: zzz\nzeit: 5\n\nText\n");
	CHECK(recovery_load(ws, slug, &r, &err) == 0 && r.present && r.damaged &&
	      !strncmp(r.text.s, "antwort-wiederherstellung 1\nbasis: zzz", 38),
	      "recovery: a broken base line makes the file damaged, offered whole");
	recovery_free(&r);
	write_file(prim, "antwort-wiederherstellung 2\nbasis: \nzeit: 5\n\nText\n");
	CHECK(recovery_load(ws, slug, &r, &err) == 0 && r.present && r.damaged &&
	      r.text.len == strlen("antwort-wiederherstellung 2\nbasis: \nzeit: 5\n\nText\n"),
	      "recovery: a newer format is offered whole, not misread");
	recovery_free(&r);
	write_file(prim, "antwort-wiederherstellung 1\nbasis: \nzeit: 7");
	CHECK(recovery_load(ws, slug, &r, &err) == 0 && r.present && r.damaged,
	      "recovery: a header cut short is damaged");
	recovery_free(&r);
	write_file(prim, "");
	CHECK(recovery_load(ws, slug, &r, &err) == 0 && !r.present && exists(prim),
	      "recovery: an empty file offers nothing and stays");
	recovery_free(&r);
	write_file(prim, "antwort-wiederherstellung 1\nbasis: \nzeit: 7\n\n\xff\xfe kein UTF-8");
	CHECK(recovery_load(ws, slug, &r, &err) == 0 && r.present && !r.damaged && r.time == 7 &&
	      r.text.len == strlen("\xff\xfe kein UTF-8"),
	      "recovery: text that is not UTF-8 is handed over as it is, for the reader to name");
	recovery_free(&r);
	CHECK(recovery_remove(ws, slug, &err) == 0, "recovery: remove the damaged ones");

	/* The git folder's place blocked by a regular file (which stops even
	 * root, unlike permissions): the fallback under XDG_STATE_HOME. */
	CHECK(rmdir(folder) == 0, "recovery: the primary folder is empty after remove");
	write_file(folder, "kein Ordner\n");
	CHECK(recovery_path(ws, slug, prim, sizeof prim, &err) == AW_ERECOVERY,
	      "recovery: path reports a primary place that cannot be made");
	CHECK(recovery_save(ws, slug, base_id, doc, sizeof doc - 1, &err) == 0,
	      "recovery: save falls back when the git folder is blocked");
	char fall[1024];
	CHECK(recovery_load(ws, slug, &r, &err) == 0 && r.present && !r.damaged &&
	      r.text.len == sizeof doc - 1 && !memcmp(r.text.s, doc, sizeof doc - 1) &&
	      !strcmp(r.base, base_id), "recovery: the fallback copy loads byte for byte");
	snprintf(fall, sizeof fall, "%s", r.path);
	recovery_free(&r);
	{
		char pre[4400];
		snprintf(pre, sizeof pre, "%s/antwort/wiederherstellung/%s-", state, slug);
		size_t pl = strlen(pre), fl = strlen(fall);
		int hex = fl == pl + 12 + 4;
		for (size_t i = pl; hex && i < pl + 12; i++)
			hex = strchr("0123456789abcdef", fall[i]) != NULL;
		CHECK(!strncmp(fall, pre, pl) && hex && !strcmp(fall + fl - 4, ".txt"),
		      "recovery: the fallback is $XDG_STATE_HOME/antwort/wiederherstellung/<slug>-<hash>.txt");
		char sdir[4400];
		snprintf(sdir, sizeof sdir, "%s/antwort/wiederherstellung", state);
		CHECK(stat(sdir, &st) == 0 && (st.st_mode & 077) == 0,
		      "recovery: the fallback folder is private");
	}

	/* Another workspace holding the same inquiry gets a fallback file of
	 * its own (blocked one level higher this time). */
	{
		char ws2dir[4300], block2[4400];
		struct workspace *ws2 = NULL;
		snprintf(ws2dir, sizeof ws2dir, "%s/ws2", dir);
		if (!ws_init(ws2dir, &err) && !ws_open(ws2dir, &ws2, &err)) {
			snprintf(block2, sizeof block2, "%santwort", ws_git_dir(ws2));
			write_file(block2, "kein Ordner\n");
			CHECK(recovery_save(ws2, slug, NULL, "zwei", 4, &err) == 0 &&
			      recovery_load(ws2, slug, &r, &err) == 0 && r.present &&
			      !strcmp(r.text.s, "zwei") && strcmp(r.path, fall) && exists(fall),
			      "recovery: two workspaces with the same inquiry keep separate fallback files");
			recovery_free(&r);
			CHECK(recovery_remove(ws2, slug, &err) == 0 && exists(fall),
			      "recovery: removing one workspace's copy leaves the other's");
			ws_close(ws2);
		} else {
			CHECK(0, "recovery: a second workspace to test in");
		}
	}

	/* Both places hold a copy: the newer wins, whichever place it is in. */
	unlink(folder);
	CHECK(recovery_path(ws, slug, prim, sizeof prim, &err) == 0,
	      "recovery: the primary place works again");
	snprintf(want, sizeof want, "antwort-wiederherstellung 1\nbasis: \nzeit: %lld\n\nÄlter.\n",
	         (long long)t0 - 100);
	write_file(prim, want);
	CHECK(recovery_load(ws, slug, &r, &err) == 0 && r.present && !strcmp(r.path, fall) &&
	      r.text.len == sizeof doc - 1, "recovery: a newer fallback copy wins over an older primary");
	recovery_free(&r);
	snprintf(want, sizeof want, "antwort-wiederherstellung 1\nbasis: \nzeit: %lld\n\nNeuer.\n",
	         (long long)t1 + 100);
	write_file(prim, want);
	CHECK(recovery_load(ws, slug, &r, &err) == 0 && r.present && !strcmp(r.path, prim) &&
	      !strcmp(r.text.s, "Neuer.\n"), "recovery: a newer primary copy wins over the fallback");
	recovery_free(&r);
	CHECK(recovery_save(ws, slug, NULL, "x", 1, &err) == 0 && exists(prim) && !exists(fall),
	      "recovery: a save in the primary place removes the older fallback copy");
	CHECK(recovery_save(ws, slug, NULL, "x", 1, &err) == 0 && recovery_load(ws, slug, &r, &err) == 0 &&
	      !strcmp(r.path, prim), "recovery: saved again, the primary is offered");
	recovery_free(&r);
	CHECK(recovery_remove(ws, slug, &err) == 0 && !exists(prim), "recovery: remove after fallback");

	/* Neither place can be written: one error naming both. */
	{
		char blocker[4400];
		snprintf(blocker, sizeof blocker, "%s/blocker", dir);
		write_file(blocker, "x");
		char bad_state[4500];
		snprintf(bad_state, sizeof bad_state, "%s/state", blocker);
		setenv("XDG_STATE_HOME", bad_state, 1);
		CHECK(rmdir(folder) == 0, "recovery: primary folder emptied again");
		write_file(folder, "kein Ordner\n");
		memset(&err, 0, sizeof err);
		CHECK(recovery_save(ws, slug, NULL, doc, sizeof doc - 1, &err) == AW_ERECOVERY,
		      "recovery: AW_ERECOVERY when neither place can be written");
		char msg[2048];
		aw_error_message(&err, msg, sizeof msg);
		CHECK(strstr(msg, "antwort/wiederherstellung/2017-04-04-L4-videotelefonie.txt") &&
		      strstr(msg, "auch nicht unter") && strstr(msg, "Strg-S"),
		      "recovery: the error names the file, both reasons and what to do");
		unlink(folder);
		setenv("XDG_STATE_HOME", state, 1);
	}

	/* A read-only folder: only meaningful when permissions bind. */
	if (geteuid() == 0) {
		SKIP("recovery: a read-only git folder falls back", "root ignores permissions");
		SKIP("recovery: an unreadable recovery file is an error, not ignored",
		     "root ignores permissions");
	} else {
		CHECK(recovery_path(ws, slug, prim, sizeof prim, &err) == 0 && chmod(folder, 0555) == 0 &&
		      recovery_save(ws, slug, NULL, "nur lesen", 9, &err) == 0 &&
		      recovery_load(ws, slug, &r, &err) == 0 && r.present &&
		      !strncmp(r.path, state, strlen(state)) && !strcmp(r.text.s, "nur lesen"),
		      "recovery: a read-only git folder falls back");
		recovery_free(&r);
		chmod(folder, 0755);
		write_file(prim, "antwort-wiederherstellung 1\nbasis: \nzeit: 1\n\nText\n");
		chmod(prim, 0);
		CHECK(recovery_load(ws, slug, &r, &err) == AW_EOPEN && !r.present,
		      "recovery: an unreadable recovery file is an error, not ignored");
		recovery_free(&r);
		chmod(prim, 0644);
		recovery_remove(ws, slug, &err);
	}

	ws_close(ws);
out:
	restore_env("HOME", old_home);
	restore_env("XDG_STATE_HOME", old_state);
	char cmd[4300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		SKIP("recovery: cleanup", dir);
}
