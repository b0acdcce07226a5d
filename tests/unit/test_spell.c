/* test_spell.c: the layered spelling check against the real dictionary.
 *
 * Runs on the system's German dictionary and, where ANTWORT_DICT_ALT
 * names another one (a base path without .aff/.dic, e.g. de-de unpacked
 * from its .deb next to an installed frami), on that one as well, so that
 * both encodings are covered. Every suite skips when its dictionary is
 * missing. */
#include "harness.h"
#include "error.h"
#include "spell.h"
#include "speller.h"
#include "tokens.h"
#include "utf8.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define PROJECT_LIST "dict/woerter.txt"

static char rendered[8192];

/* The hits of text, as their words joined by '|'. */
static const char *hits(struct spell *sp, const char *text)
{
	struct spell_hit *h = NULL;
	size_t n = 0;
	rendered[0] = '\0';
	if (spell_check(sp, text, strlen(text), &h, &n)) {
		strcpy(rendered, "(error)");
		return rendered;
	}
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(rendered);
		snprintf(rendered + l, sizeof rendered - l, "%s%.*s", i ? "|" : "",
		         (int)(h[i].end - h[i].start), text + h[i].start);
	}
	free(h);
	return rendered;
}

static int known(struct spell *sp, const char *w)
{
	return spell_known(sp, w, strlen(w));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The different words the check flags in every .txt of ../shared/examples,
 * sorted and joined by spaces; NULL when the folder is absent. */
static const char *flagged_in_examples(struct spell *sp, size_t *files)
{
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/examples", harness_shared());
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	struct strlist words = STRLIST_INIT;
	struct dirent *e;
	*files = 0;
	while ((e = readdir(d))) {
		size_t nl = strlen(e->d_name);
		if (nl < 5 || strcmp(e->d_name + nl - 4, ".txt"))
			continue;
		char path[2048];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		size_t len;
		char *text = harness_slurp(path, &len);
		if (!text)
			continue;
		(*files)++;
		struct spell_hit *h = NULL;
		size_t n = 0;
		if (!spell_check(sp, text, len, &h, &n)) {
			for (size_t i = 0; i < n; i++) {
				int dup = 0;
				size_t wl = h[i].end - h[i].start;
				for (size_t j = 0; j < words.n && !dup; j++)
					dup = strlen(words.v[j]) == wl && !memcmp(words.v[j], text + h[i].start, wl);
				if (!dup)
					strlist_addn(&words, text + h[i].start, wl);
			}
		}
		free(h);
		free(text);
	}
	closedir(d);
	if (words.n)
		qsort(words.v, words.n, sizeof *words.v, cmp_str);
	rendered[0] = '\0';
	for (size_t i = 0; i < words.n; i++) {
		size_t l = strlen(rendered);
		snprintf(rendered + l, sizeof rendered - l, "%s%s", i ? " " : "", words.v[i]);
	}
	strlist_free(&words);
	return rendered;
}

/* The checks that depend on which dictionary is installed. */
static void dictionary_suite(const char *base, const char *label)
{
	char name[256];
	struct spell *sp = NULL;
	struct aw_error err;
	if (spell_open(&sp, base, &err)) {
		snprintf(name, sizeof name, "spell[%s]: dictionary", label);
		SKIP(name, err.code == AW_ENODICT ? "kein deutsches Wörterbuch installiert"
		                                  : "Wörterbuch nicht zu öffnen");
		return;
	}
	struct speller *raw = NULL;
	int frami = 0, dede = 0;
	if (!speller_open(&raw, base, &err)) {
		const char *enc = speller_encoding(raw);
		frami = !strcmp(enc, "ISO8859-1");
		dede = !strcmp(enc, "UTF-8");
		snprintf(name, sizeof name, "spell[%s]: the encoding is ISO8859-1 (frami) or UTF-8 (de-de)",
		         label);
		CHECK(frami || dede, name);
		speller_close(raw);
	}

	snprintf(name, sizeof name, "spell[%s]: umlaut words are known whatever the encoding", label);
	CHECK(known(sp, "Maßnahmen") && known(sp, "Bürgerschaft") && known(sp, "Behörden") &&
	      known(sp, "Senatskanzlei") && known(sp, "Mitzeichnung") && !known(sp, "Bürgerschft"),
	      name);
	snprintf(name, sizeof name, "spell[%s]: Plattformabhängigkeit and bremischen (%s)", label,
	         frami ? "frami knows them" : "de-de does not");
	if (frami)
		CHECK(known(sp, "Plattformabhängigkeit") && known(sp, "bremischen"), name);
	else if (dede)
		CHECK(!known(sp, "Plattformabhängigkeit") && !known(sp, "bremischen"), name);

	/* Which words of the real example the general dictionary flags:
	 * exactly the names dict/woerter.txt was started from. */
	size_t files = 0;
	const char *got = flagged_in_examples(sp, &files);
	snprintf(name, sizeof name, "spell[%s]: words the dictionary flags in ../shared/examples", label);
	if (!got || !files)
		SKIP(name, "../shared/examples fehlt");
	else if (frami)
		CHECK_STR(got, "FaceTime WhatsApp", name);
	else if (dede)
		CHECK_STR(got, "FaceTime Plattformabhängigkeit Skype Wegezeiten WhatsApp bremischen", name);

	struct strlist problems = STRLIST_INIT;
	int rc = spell_add_list(sp, PROJECT_LIST, &problems, &err);
	struct spell_stats st;
	spell_get_stats(sp, &st);
	snprintf(name, sizeof name, "spell[%s]: the project list loads without problems", label);
	CHECK(rc == 0 && problems.n == 0 && st.words > 100, name);
	strlist_free(&problems);
	snprintf(name, sizeof name, "spell[%s]: with the project list nothing is left in ../shared/examples",
	         label);
	got = flagged_in_examples(sp, &files);
	if (!got || !files)
		SKIP(name, "../shared/examples fehlt");
	else
		CHECK_STR(got, "", name);
	snprintf(name, sizeof name, "spell[%s]: the project list's Bremen words", label);
	CHECK_STR(hits(sp, "Die Bremische Bürgerschaft tagt in Gröpelingen, Vegesack und der Vahr; "
	                   "Drs. 21/1234 nennt Park-and-ride-Plätze und die Regio-S-Bahn-Linie."),
	          "", name);
	spell_close(sp);
}

static void check_suite(struct spell *sp)
{
	CHECK_STR(hits(sp, "Ein Fehlr im Text und noch ein Fheler."), "Fehlr|Fheler",
	          "spell: unknown words are hits, the full stop is not part of them");
	struct spell_hit *h = NULL;
	size_t n = 0;
	const char *t = "Ein Fehlr";
	CHECK(!spell_check(sp, t, strlen(t), &h, &n) && n == 1 && h[0].start == 4 && h[0].end == 9,
	      "spell: a hit's offsets are bytes into the text");
	free(h);
	CHECK(!spell_check(sp, "", 0, &h, &n) && n == 0 && h == NULL, "spell: empty text, no hits");

	CHECK_STR(hits(sp, "Die Bu\xCC\x88rgerschaft und die Beho\xCC\x88rden pru\xCC\x88" "fen."), "",
	          "spell: decomposed umlauts are composed before the look-up");
	CHECK(known(sp, "Bu\xCC\x88rgerschaft") && known(sp, "Verwal\xC2\xADtung"),
	      "spell: spell_known composes, and ignores soft hyphens");

	CHECK_STR(hits(sp, "IT-Sicherheits- und Datenschutzfragen, E-Mail-Adresse, BVN-Mobil, "
	                   "Informations-Technik und 20-jährige H2-Busse"),
	          "", "spell: hyphenated words: parts, suspended hyphen, acronym and number parts");
	CHECK_STR(hits(sp, "Das Datenschutz-Konzpet und das Fehlr-Protokoll"), "Konzpet|Fehlr",
	          "spell: only the unknown part of a compound is a hit");
	CHECK_STR(hits(sp, "Ein Park-and-ride-Platz"), "and|ride",
	          "spell: foreign parts are hits until a list has the whole run");

	CHECK_STR(hits(sp, "Siehe https://www.bremen.de/xqzvw oder xqzvw@bremen.de, XQZVW, "
	                   "B2Bxqz, L4, 4.4.2017, 12 %, 1,90 €, § 3, 21. und a)"),
	          "", "spell: addresses, acronyms, codes, numbers and symbols are skipped");
	CHECK_STR(hits(sp, "z. B. ca. 3 Jahre, vgl. S. 12 ff., i.d.R. bzw. Nr. 5 Abs. 2 usw. "
	                   "Dr. Prof. u. a. i. d. R."),
	          "", "spell: abbreviations are checked with their dots");
	CHECK_STR(hits(sp, "Die Drs. 21/1234 und der Senbeschl. 7"), "Drs.|Senbeschl",
	          "spell: an abbreviation no list has is a hit");
	CHECK_STR(hits(sp, "Wie geht’s? Es gibt's. Bremen’s Häfen"), "Bremen’s",
	          "spell: a clipped es is fine, a genitive apostrophe is not");
}

static void session_suite(struct spell *sp)
{
	CHECK(!known(sp, "Xqzvwort"), "spell: an invented word is unknown");
	CHECK(spell_add_word(sp, "Xqzvwort", 8) == 0 && known(sp, "Xqzvwort") &&
	          !strcmp(hits(sp, "Das Xqzvwort hier."), ""),
	      "spell: a session word is known at once, in spite of the cache");
	CHECK(spell_add_word(sp, "Senbeschl.", 10) == 0 &&
	          !strcmp(hits(sp, "Der Senbeschl. 7 gilt."), ""),
	      "spell: a listed abbreviation with its dot is known before a dot");
	CHECK(spell_add_word(sp, "qzvartig", 8) == 0 && known(sp, "Qzvartig") &&
	          !known(sp, "QZVartig") && spell_add_word(sp, "Qzvname", 7) == 0 && !known(sp, "qzvname"),
	      "spell: a small-letter list word is fine capitalised, not the other way round");
	CHECK(spell_add_word(sp, "Ma\xCC\x88rchenwortx", 14) == 0 && known(sp, "Märchenwortx"),
	      "spell: a decomposed list word matches the composed form");

	/* The cache: the second check of a paragraph asks hunspell nothing. */
	const char *para = "Der Senat nutzt bereits seit ca. 3 Jahren regelmäßig und umfassend die "
	                   "bestehenden Videokonferenzmöglichkeiten mit anderen Ländern und dem Bund.";
	struct spell_stats a, b, c;
	hits(sp, para);
	spell_get_stats(sp, &a);
	hits(sp, para);
	spell_get_stats(sp, &b);
	CHECK(b.dictionary == a.dictionary && b.lookups > a.lookups &&
	          b.cached - a.cached == b.lookups - a.lookups,
	      "spell: checking a paragraph again is answered from the cache");
	spell_add_word(sp, "Xqzvzwei", 8);
	hits(sp, para);
	spell_get_stats(sp, &c);
	CHECK(c.dictionary > b.dictionary, "spell: adding a word empties the cache");

	struct strlist sug = STRLIST_INIT;
	int rc = spell_suggest(sp, "Bürgerschft", strlen("Bürgerschft"), &sug);
	int found = 0, valid = 1;
	for (size_t i = 0; i < sug.n; i++) {
		size_t l, c2;
		found |= !strcmp(sug.v[i], "Bürgerschaft");
		valid &= !utf8_validate(sug.v[i], strlen(sug.v[i]), &l, &c2);
	}
	CHECK(rc == 0 && found && valid && sug.n <= 9,
	      "spell: suggestions for Bürgerschft include Bürgerschaft, in UTF-8, at most 9");
	strlist_free(&sug);
	rc = spell_suggest(sp, "Videotelefonei", 14, &sug);
	int offered = rc == 0 && sug.n >= 1 && !strcmp(sug.v[0], "Videotelefonie");
	for (size_t i = 0; offered && i < sug.n; i++)
		offered = strcmp(sug.v[i], "Videotelefonei") && sug.v[i][0] != '-' &&
		          !strcmp(hits(sp, sug.v[i]), "");
	CHECK(offered, "spell: only words the check accepts are offered, never the word itself");
	strlist_free(&sug);
	spell_add_word(sp, "Haushaltsnotlagelandx", 21);
	rc = spell_suggest(sp, "Haushaltsnotlagelndx", 20, &sug);
	CHECK(rc == 0 && sug.n >= 1 && !strcmp(sug.v[0], "Haushaltsnotlagelandx"),
	      "spell: a list word one edit away is the first suggestion");
	strlist_free(&sug);
}

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	fputs(text, f);
	return fclose(f);
}

static void restore_env(const char *name, char *old)
{
	if (old)
		setenv(name, old, 1);
	else
		unsetenv(name);
	free(old);
}

static char *save_env(const char *name)
{
	const char *v = getenv(name);
	return v ? strdup(v) : NULL;
}

static void lists_suite(void)
{
	char dir[200];
	if (harness_tempdir("spell", dir, sizeof dir)) {
		CHECK(0, "spell: temporary folder");
		return;
	}
	char datadir[256], ws[256], xdg[256], path[512], bad[512];
	snprintf(datadir, sizeof datadir, "%s/share", dir);
	snprintf(ws, sizeof ws, "%s/ws", dir);
	snprintf(xdg, sizeof xdg, "%s/xdg", dir);
	char *old_xdg = save_env("XDG_DATA_HOME"), *old_home = save_env("HOME");
	int made = 1;
	snprintf(path, sizeof path, "%s/dict", datadir);
	made &= !mkdir(datadir, 0700) && !mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/dict", ws);
	made &= !mkdir(ws, 0700) && !mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/antwort", xdg);
	made &= !mkdir(xdg, 0700) && !mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/dict/woerter.txt", datadir);
	made &= !write_file(path, "# Projekt\nQzvprojektwort\n");
	snprintf(path, sizeof path, "%s/dict/woerter.txt", ws);
	made &= !write_file(path, "\xEF\xBB\xBFQzvteamwort\r\nQzvteamwort-\r\n");
	snprintf(path, sizeof path, "%s/antwort/woerter.txt", xdg);
	made &= !write_file(path, "qzvpersönlich\n");
	snprintf(bad, sizeof bad, "%s/liste.txt", dir);
	made &= !write_file(bad, "Qzvgut\nzwei Wörter\n\xFF\xFE kaputt\n„Qzvzitat“\n# Kommentar\n"
	                         "   Qzveingerückt  \t\n\nQzvkomma,\nQzvletzte");
	CHECK(made, "spell: word-list files written");

	struct spell *sp = NULL;
	struct aw_error err;
	if (spell_open(&sp, NULL, &err)) {
		SKIP("spell: word lists", "kein deutsches Wörterbuch installiert");
		goto out;
	}
	setenv("XDG_DATA_HOME", xdg, 1);
	CHECK(!known(sp, "Qzvprojektwort") && !known(sp, "Qzvteamwort") && !known(sp, "Qzvpersönlich"),
	      "spell: invented words are unknown before their lists load");
	struct strlist problems = STRLIST_INIT;
	int rc = spell_system_lists(sp, datadir, &problems, &err);
	CHECK(rc == 0 && problems.n == 0 && known(sp, "Qzvprojektwort") && known(sp, "Qzvpersönlich") &&
	          !known(sp, "Qzvteamwort"),
	      "spell: system lists: the project's and the personal list");
	snprintf(path, sizeof path, "%s/dict/woerter.txt", ws);
	rc = spell_add_list(sp, path, &problems, &err);
	CHECK(rc == 0 && problems.n == 0 && known(sp, "Qzvteamwort") && known(sp, "Qzvteamwort-"),
	      "spell: the workspace's list (with BOM and CRLF) adds to them");
	CHECK_STR(hits(sp, "Qzvprojektwort, Qzvteamwort- und qzvpersönlich. Qzvpersönlich und Qzvfremd"),
	          "Qzvfremd", "spell: the lists layered over the dictionary");

	snprintf(path, sizeof path, "%s/gibt-es-nicht.txt", dir);
	CHECK(spell_add_list(sp, path, &problems, &err) == 0 && problems.n == 0,
	      "spell: a missing list is no error");
	CHECK(spell_add_list(sp, dir, &problems, &err) == AW_EISDIR,
	      "spell: a folder given as a list is an error");

	rc = spell_add_list(sp, bad, &problems, &err);
	char want[600];
	int lines_ok = problems.n == 4;
	static const size_t lines[] = {2, 3, 4, 8};
	for (size_t i = 0; lines_ok && i < 4; i++) {
		snprintf(want, sizeof want, "%s, Zeile %zu", bad, lines[i]);
		lines_ok = strstr(problems.v[i], want) != NULL;
	}
	CHECK(rc == 0 && lines_ok, "spell: each bad line is reported with file and line");
	CHECK(problems.n == 4 && strstr(problems.v[0], "„zwei Wörter“") &&
	          strstr(problems.v[1], "Spalte 1") && strstr(problems.v[1], "UTF-8") &&
	          strstr(problems.v[2], "„„Qzvzitat““") && strstr(problems.v[3], "Qzvkomma,"),
	      "spell: the reports say what is wrong");
	CHECK(known(sp, "Qzvgut") && known(sp, "Qzveingerückt") && known(sp, "Qzvletzte") &&
	          !known(sp, "Qzvzitat"),
	      "spell: the good lines of a list with bad ones are loaded");
	strlist_free(&problems);
	spell_close(sp);

	struct buf b = BUF_INIT;
	setenv("XDG_DATA_HOME", "relativ", 1);
	setenv("HOME", "/home/qzv", 1);
	CHECK(spell_personal_path(&b) == 0 && b.s && !strcmp(b.s, "/home/qzv/.local/share/antwort/woerter.txt"),
	      "spell: the personal list under HOME when XDG_DATA_HOME is not absolute");
	setenv("XDG_DATA_HOME", "/daten", 1);
	CHECK(spell_personal_path(&b) == 0 && b.s && !strcmp(b.s, "/daten/antwort/woerter.txt"),
	      "spell: the personal list under XDG_DATA_HOME");
	buf_free(&b);
out:
	restore_env("XDG_DATA_HOME", old_xdg);
	restore_env("HOME", old_home);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		CHECK(0, "spell: temporary folder removed");
}

void test_spell(void)
{
	dictionary_suite(NULL, "system");
	const char *alt = getenv("ANTWORT_DICT_ALT");
	if (alt && *alt)
		dictionary_suite(alt, "ANTWORT_DICT_ALT");
	else
		SKIP("spell[alternative]: the other German dictionary",
		     "ANTWORT_DICT_ALT nicht gesetzt, etwa auf de-de aus „apt-get download hunspell-de-de“");

	struct spell *sp = NULL;
	struct aw_error err;
	if (spell_open(&sp, NULL, &err)) {
		SKIP("spell: checking text", "kein deutsches Wörterbuch installiert");
	} else {
		check_suite(sp);
		session_suite(sp);
		spell_close(sp);
	}
	struct spell *none = NULL;
	CHECK(spell_open(&none, "/nonexistent/xx_XX", &err) == AW_ENODICT && none == NULL,
	      "spell: a missing dictionary is AW_ENODICT");
	lists_suite();
}
