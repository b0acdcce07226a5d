/* test_check.c: the checker facade (check.h) and where antwort's data is
 * found (datadir.h): every layer of lists and rules, a broken rule in the
 * workspace's file, merged ordering, replacements, suggestions and words
 * accepted for the session. The checker's part needs the German
 * dictionary and is skipped without it; the lists and rules are invented
 * for the test, so that nothing depends on the shipped files. */
#include "harness.h"
#include "check.h"
#include "datadir.h"
#include "error.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	int bad = fputs(text, f) < 0;
	return fclose(f) || bad ? -1 : 0;
}

static char *save_env(const char *name)
{
	const char *v = getenv(name);
	return v ? strdup(v) : NULL;
}

static void restore_env(const char *name, char *old)
{
	if (old)
		setenv(name, old, 1);
	else
		unsetenv(name);
	free(old);
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = s ? strlen(s) : 0, t = strlen(tail);
	return n >= t && !strcmp(s + n - t, tail);
}

static char rendered[2048];

/* The findings of text as "S:word" (spelling) and "Rn:cut" (style rule n),
 * joined by '|', in the order the checker gives them. */
static const char *show(struct checker *c, const char *text)
{
	struct finding *f = NULL;
	size_t n = 0, o = 0;
	rendered[0] = '\0';
	if (checker_check(c, text, strlen(text), &f, &n))
		return "(Fehler)";
	for (size_t i = 0; i < n && o < sizeof rendered; i++) {
		int w = f[i].kind == FINDING_SPELL
		        ? snprintf(rendered + o, sizeof rendered - o, "%sS:%.*s", i ? "|" : "",
		                   (int)(f[i].end - f[i].start), text + f[i].start)
		        : snprintf(rendered + o, sizeof rendered - o, "%sR%zu:%.*s", i ? "|" : "",
		                   f[i].rule, (int)(f[i].end - f[i].start), text + f[i].start);
		o += w > 0 ? (size_t)w : 0;
	}
	free(f);
	return rendered;
}

/* The replacement for the first style finding of rule `rule` in text,
 * or "(rc)" with the error code. */
static const char *replacement(struct checker *c, const char *text, const char *changed,
                               size_t rule)
{
	struct finding *f = NULL;
	size_t n = 0;
	rendered[0] = '\0';
	if (checker_check(c, text, strlen(text), &f, &n))
		return "(Fehler)";
	for (size_t i = 0; i < n; i++) {
		if (f[i].kind != FINDING_STYLE || f[i].rule != rule)
			continue;
		struct buf out = BUF_INIT;
		const char *t = changed ? changed : text;
		int rc = checker_replacement(c, &f[i], t, strlen(t), &out);
		if (rc)
			snprintf(rendered, sizeof rendered, "(%d)", rc);
		else
			snprintf(rendered, sizeof rendered, "%s", out.s ? out.s : "");
		buf_free(&out);
		break;
	}
	free(f);
	return rendered;
}

static void datadir_suite(const char *dir)
{
	char *old = save_env("ANTWORT_DATA");
	char inst[512], src[512], path[600];
	snprintf(inst, sizeof inst, "%s/inst", dir);
	snprintf(src, sizeof src, "%s/src", dir);
	int made = !mkdir(inst, 0700) && !mkdir(src, 0700);
	snprintf(path, sizeof path, "%s/share", src);
	made &= !mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/dict", src);
	made &= !mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/share/stil.regeln", src);
	made &= !write_file(path, "# leer\n");
	snprintf(path, sizeof path, "%s/dict/woerter.txt", src);
	made &= !write_file(path, "# leer\n");
	CHECK(made, "datadir: test folders made");

	struct datadir d = DATADIR_INIT;
	char want[600];
	setenv("ANTWORT_DATA", inst, 1);
	int rc = datadir_find(&d);
	snprintf(want, sizeof want, "%s/stil.regeln", inst);
	CHECK(rc == 0 && d.from == DATADIR_ENV && d.rules.s && !strcmp(d.rules.s, want),
	      "datadir: ANTWORT_DATA laid out as installed: its stil.regeln");
	snprintf(want, sizeof want, "%s/dict/woerter.txt", inst);
	CHECK(d.words.s && !strcmp(d.words.s, want), "datadir: ANTWORT_DATA: its dict/woerter.txt");

	setenv("ANTWORT_DATA", src, 1);
	rc = datadir_find(&d);
	snprintf(want, sizeof want, "%s/share/stil.regeln", src);
	CHECK(rc == 0 && d.from == DATADIR_ENV && d.rules.s && !strcmp(d.rules.s, want),
	      "datadir: ANTWORT_DATA naming a source tree: share/stil.regeln");

	/* The unit tests run from build/…/unit-tests in the source tree (or
	 * with antwort installed): either way the shipped rules are found. */
	unsetenv("ANTWORT_DATA");
	rc = datadir_find(&d);
	CHECK(rc == 0 && d.from != DATADIR_NONE && d.from != DATADIR_ENV &&
	          access(d.rules.s, R_OK) == 0 && access(d.words.s, R_OK) == 0 &&
	          ends_with(d.rules.s, "stil.regeln") && ends_with(d.words.s, "dict/woerter.txt"),
	      "datadir: without ANTWORT_DATA the installed data or the source tree's");
	CHECK(d.from != DATADIR_SOURCE || ends_with(d.rules.s, "/share/stil.regeln"),
	      "datadir: the source tree's rules are share/stil.regeln");
	datadir_free(&d);
	restore_env("ANTWORT_DATA", old);
}

static void checker_suite(const char *dir)
{
	char data[512], ws[512], xdg[512], path[700], empty[512];
	snprintf(data, sizeof data, "%s/data", dir);
	snprintf(ws, sizeof ws, "%s/ws/", dir);
	snprintf(xdg, sizeof xdg, "%s/xdg", dir);
	snprintf(empty, sizeof empty, "%s/leer", dir);
	int made = !mkdir(data, 0700) && !mkdir(ws, 0700) && !mkdir(xdg, 0700) &&
	           !mkdir(empty, 0700);
	snprintf(path, sizeof path, "%s/dict", data);
	made &= !mkdir(path, 0700);
	snprintf(path, sizeof path, "%sdict", ws);
	made &= !mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/antwort", xdg);
	made &= !mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/stil.regeln", data);
	made &= !write_file(path, "# Projekt\n"
	                          "regel: z\\.B\\.\n"
	                          "meldung: Projektregel Abkürzung\n"
	                          "ersatz: z. B.\n"
	                          "\n"
	                          "regel: \\bQzvalt\\b\n"
	                          "meldung: Projektregel ohne Ersatz\n");
	snprintf(path, sizeof path, "%s/dict/woerter.txt", data);
	made &= !write_file(path, "Qzvprojekt\n");
	snprintf(path, sizeof path, "%sstil.regeln", ws);
	made &= !write_file(path, "regel: (Qzvkaputt\n"
	                          "meldung: Diese Regel lässt sich nicht übersetzen\n"
	                          "\n"
	                          "regel: \\b(Senat)sbeschluss\\b\n"
	                          "meldung: Teamregel\n"
	                          "ersatz: Beschluss des $1s\n");
	snprintf(path, sizeof path, "%sdict/woerter.txt", ws);
	made &= !write_file(path, "Qzvteam\n");
	snprintf(path, sizeof path, "%s/antwort/woerter.txt", xdg);
	made &= !write_file(path, "Qzvich\n");
	CHECK(made, "check: test files written");

	char *old_data = save_env("ANTWORT_DATA"), *old_xdg = save_env("XDG_DATA_HOME");
	char *old_dict = save_env("ANTWORT_DICT");
	setenv("ANTWORT_DATA", data, 1);
	setenv("XDG_DATA_HOME", xdg, 1);

	struct checker *c = NULL;
	struct strlist problems = STRLIST_INIT;
	struct aw_error err;
	int rc = checker_open(&c, ws, &problems, &err);
	if (rc == AW_ENODICT) {
		SKIP("check: the checker", "kein deutsches Wörterbuch installiert");
		goto out;
	}
	CHECK(rc == 0 && c, "check: opens with every layer");
	if (!c)
		goto out;

	snprintf(path, sizeof path, "%sstil.regeln, Zeile 1, Spalte 18: Das Suchmuster dieser "
	         "Stilregel ist fehlerhaft (missing closing parenthesis)", ws);
	CHECK(problems.n == 1 && !strncmp(problems.v[0], path, strlen(path)),
	      "check: the broken workspace rule is reported with file, line and PCRE2's words");

	const char *text = "Qzvprojekt, Qzvteam und Qzvich kennen z.B. den Senatsbeschluss; "
	                   "Bürgerschft.\nQzvalt und Qzvfremd.";
	CHECK_STR(show(c, text),
	          "R0:z.B.|R2:Senatsbeschluss|S:Bürgerschft|S:Qzvalt|R1:Qzvalt|S:Qzvfremd",
	          "check: the lists layered, the rules of both files, merged by position");
	CHECK_STR(checker_rule_message(c, 2), "Teamregel",
	          "check: the workspace's rules follow the project's (broken one skipped)");
	CHECK_STR(checker_rule_message(c, 1), "Projektregel ohne Ersatz", "check: a rule's message");
	CHECK_STR(checker_rule_message(c, 99), "", "check: a rule out of range has no message");
	CHECK(checker_has_replacement(c, 0) && !checker_has_replacement(c, 1) &&
	          checker_has_replacement(c, 2) && !checker_has_replacement(c, 99),
	      "check: which rules have a replacement");
	CHECK_STR(replacement(c, text, NULL, 2), "Beschluss des Senats",
	          "check: a replacement with the rule's group");
	CHECK_STR(replacement(c, text, NULL, 0), "z. B.", "check: a plain replacement");
	char gone[32];
	snprintf(gone, sizeof gone, "(%d)", AW_ESTYLEGONE);
	CHECK_STR(replacement(c, text, "Ganz anderer Text, nichts mehr davon da.", 0), gone,
	          "check: a replacement after the text changed is refused");
	struct finding spelling = {0, 10, FINDING_SPELL, 0};
	struct buf b = BUF_INIT;
	CHECK(checker_replacement(c, &spelling, text, strlen(text), &b) == AW_EINTERNAL &&
	          b.len == 0,
	      "check: a spelling finding has no replacement");
	buf_free(&b);

	struct finding *f = (struct finding *)1;
	size_t n = 7;
	CHECK(checker_check(c, "", 0, &f, &n) == 0 && !f && n == 0,
	      "check: an empty text has no findings");
	CHECK(checker_check(c, "Der Senat antwortet.", 20, &f, &n) == 0 && !f && n == 0,
	      "check: a correct sentence has no findings");

	struct strlist sug = STRLIST_INIT;
	rc = checker_suggest(c, "Bürgerschft", strlen("Bürgerschft"), &sug);
	int has = 0;
	for (size_t i = 0; i < sug.n; i++)
		has |= !strcmp(sug.v[i], "Bürgerschaft");
	CHECK(rc == 0 && has && sug.n <= 9, "check: suggestions from the dictionary, in UTF-8");
	strlist_free(&sug);
	rc = checker_suggest(c, "Qzvteamm", 8, &sug);
	CHECK(rc == 0 && sug.n >= 1 && !strcmp(sug.v[0], "Qzvteam"),
	      "check: suggestions from the workspace's list first");
	strlist_free(&sug);

	CHECK(checker_accept(c, "Qzvfremd", 8) == 0, "check: a word accepted");
	CHECK_STR(show(c, "Qzvalt und Qzvfremd."), "S:Qzvalt|R1:Qzvalt",
	          "check: an accepted word is no finding any more");
	checker_close(c);
	c = NULL;
	strlist_free(&problems);

	/* Without a workspace its list and rules do not apply. */
	rc = checker_open(&c, NULL, &problems, &err);
	CHECK(rc == 0 && problems.n == 0, "check: without a workspace nothing to report");
	if (c)
		CHECK_STR(show(c, "Qzvteam vor dem Senatsbeschluss, Qzvich z.B. hier."),
		          "S:Qzvteam|R0:z.B.", "check: without a workspace only the project's layers");
	checker_close(c);
	c = NULL;
	strlist_free(&problems);

	/* Without antwort's data: a warning, and the dictionary alone. */
	setenv("ANTWORT_DATA", empty, 1);
	rc = checker_open(&c, NULL, &problems, &err);
	snprintf(path, sizeof path, "Die Hausregeln und die Wortliste von antwort fehlen "
	         "(%s/stil.regeln); geprüft wird nur mit dem Wörterbuch", empty);
	CHECK(rc == 0 && problems.n == 1 && !strncmp(problems.v[0], path, strlen(path)),
	      "check: missing data is reported, not fatal");
	if (c)
		CHECK_STR(show(c, "Qzvprojekt z.B. hier."), "S:Qzvprojekt",
		          "check: without data neither the project's list nor its rules");
	checker_close(c);
	c = NULL;
	strlist_free(&problems);

	setenv("ANTWORT_DICT", empty, 1);
	c = (struct checker *)1;
	rc = checker_open(&c, NULL, &problems, &err);
	CHECK(rc == AW_ENODICT && err.code == AW_ENODICT && !c,
	      "check: no German dictionary: AW_ENODICT");
	c = NULL;
out:
	checker_close(c);
	strlist_free(&problems);
	restore_env("ANTWORT_DATA", old_data);
	restore_env("XDG_DATA_HOME", old_xdg);
	restore_env("ANTWORT_DICT", old_dict);
}

void test_check(void)
{
	char dir[256];
	if (harness_tempdir("check", dir, sizeof dir)) {
		CHECK(0, "check: temporary folder");
		return;
	}
	datadir_suite(dir);
	checker_suite(dir);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		CHECK(0, "check: temporary folder removed");
}
