/* test_template.c: the departments' templates: reading every header key,
 * every problem `antwort template check` reports with its exact sentence,
 * filling placeholders, staleness, the picker's filter and ranking, the
 * library with the workspace over the project, writing and naming. */
#include "harness.h"
#include "slug.h"
#include "template.h"

#include <stdlib.h>
#include <sys/stat.h>

/* The problems of text as one string, one per line. */
static const char *problems_of(const char *text)
{
	static char out[8192];
	struct strlist p = STRLIST_INIT;
	out[0] = '\0';
	if (template_check_text(text, strlen(text), "t.txt", &p)) {
		strcpy(out, "(Fehler)");
	} else {
		for (size_t i = 0; i < p.n; i++) {
			strncat(out, p.v[i], sizeof out - strlen(out) - 2);
			strcat(out, "\n");
		}
	}
	strlist_free(&p);
	return out;
}

#define HEAD "Ressort: Finanzen\nTitel: Haushalt\nStand: 15.01.2026\n\n"

/* One problem expected of a file: HEAD + body unless whole. */
static void one_problem(const char *text, const char *want, const char *name)
{
	char w[2048];
	snprintf(w, sizeof w, "%s\n", want);
	CHECK_STR(problems_of(text), w, name);
}

static void test_parse(void)
{
	const char *file =
		"\xEF\xBB\xBF" "ressort: Finanzen\r\n"
		"TITEL:   Haushaltsvorbehalt  \r\n"
		"Schlagworte: Haushalt, Mittel\r\n"
		"Stand: 15. Januar 2026\r\n"
		"Gültig bis: 2026-12-31\r\n"
		"Ansprechpartner: Referat 20\r\n"
		"Beispiel: Ja\r\n"
		"\r\n"
		"\r\n"
		"Erster Absatz,\r\n"
		"  auf zwei Zeilen.\r\n"
		"\r\n"
		"Zweiter {{haushaltsjahr}}.\r\n";
	struct template t;
	struct strlist p = STRLIST_INIT;
	int rc = template_parse(file, strlen(file), "x/finanzen/h.txt", "finanzen/h", &t, &p);
	CHECK(rc == 0 && p.n == 0, "template: a full header reads");
	if (rc) {
		strlist_free(&p);
		return;
	}
	CHECK_STR(t.name, "finanzen/h", "template: name kept");
	CHECK_STR(t.path, "x/finanzen/h.txt", "template: path kept");
	CHECK_STR(t.ressort, "Finanzen", "template: Ressort (key in small letters)");
	CHECK_STR(t.titel, "Haushaltsvorbehalt", "template: Titel (key in capitals, blanks trimmed)");
	CHECK_STR(t.schlagworte, "Haushalt, Mittel", "template: Schlagworte");
	CHECK(t.stand_y == 2026 && t.stand_m == 1 && t.stand_d == 15,
	      "template: Stand as „15. Januar 2026“");
	CHECK(t.bis_y == 2026 && t.bis_m == 12 && t.bis_d == 31,
	      "template: „Gültig bis“ with a blank, as 2026-12-31");
	CHECK_STR(t.ansprechpartner, "Referat 20", "template: Ansprechpartner");
	CHECK(t.example == 1, "template: „Beispiel: Ja“ marks an example");
	CHECK_STR(t.text, "Erster Absatz, auf zwei Zeilen.\nZweiter {{haushaltsjahr}}.",
	          "template: lines of a paragraph joined, paragraphs by a newline, CRLF and BOM gone");
	CHECK(t.titel_line == 2 && t.body_line == 10, "template: lines of Titel and text");
	CHECK(t.from_workspace == 0, "template: parse does not decide where from");
	template_free(&t);

	const char *minimal = "Ressort: Inneres\nTitel: Keine Erkenntnisse\nStand: 1.2.2026\n"
	                      "Gueltig-bis: 30.06.2026\nBeispiel: nein\n\nText.\n";
	rc = template_parse(minimal, strlen(minimal), "m.txt", "inneres/k", &t, &p);
	CHECK(rc == 0 && !t.schlagworte && !t.ansprechpartner && t.example == 0 &&
	      t.stand_m == 2 && t.stand_d == 1 && t.bis_m == 6,
	      "template: optional fields absent are NULL; „Gueltig-bis“; „Beispiel: nein“");
	CHECK_STR(rc ? "" : t.text, "Text.", "template: a text without final newline");
	template_free(&t);

	const char *broken = "Titel: Ohne Ressort\nStand: 1.2.2026\n\nText.\n";
	rc = template_parse(broken, strlen(broken), "b.txt", "b", &t, &p);
	CHECK(rc == AW_EDOC && !t.name && !t.text, "template: a file without Ressort does not read");
	CHECK(p.n == 1 && !strcmp(p.v[0], "b.txt:1: Im Kopf fehlt das Feld „Ressort“; jeder "
	                          "Textbaustein braucht Ressort, Titel und Stand."),
	      "template: … and says why");
	strlist_free(&p);

	/* A lesser fault does not stop a template from reading. */
	const char *lesser = HEAD "Mit {{numer}}.\n";
	rc = template_parse(lesser, strlen(lesser), "l.txt", "l", &t, &p);
	CHECK(rc == 0 && p.n == 0, "template: a misspelt placeholder still reads, silently");
	template_free(&t);
	strlist_free(&p);
}

static void test_dates(void)
{
	static const struct {
		const char *s;
		int ok, y, m, d;
	} cases[] = {
		{"15.01.2026", 1, 2026, 1, 15},
		{"5.1.2026", 1, 2026, 1, 5},
		{" 2026-01-15 ", 1, 2026, 1, 15},
		{"2026-1-5", 1, 2026, 1, 5},
		{"15. März 2026", 1, 2026, 3, 15},
		{"15. Maerz 2026", 1, 2026, 3, 15},
		{"1. dezember 2026", 1, 2026, 12, 1},
		{"15.Januar 2026", 1, 2026, 1, 15},
		{"29.02.2024", 1, 2024, 2, 29},
		{"29.02.2025", 0, 0, 0, 0},
		{"31.04.2026", 0, 0, 0, 0},
		{"15.01.26", 0, 0, 0, 0},
		{"15.13.2026", 0, 0, 0, 0},
		{"15. Jan 2026", 0, 0, 0, 0},
		{"2026-01-15x", 0, 0, 0, 0},
		{"", 0, 0, 0, 0},
		{"heute", 0, 0, 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int y = 0, m = 0, d = 0;
		int ok = template_parse_date(cases[i].s, &y, &m, &d) == 0;
		char name[128];
		snprintf(name, sizeof name, "template: date „%s“ %s", cases[i].s,
		         cases[i].ok ? "reads" : "is refused");
		CHECK(ok == cases[i].ok && (!ok || (y == cases[i].y && m == cases[i].m &&
		                                    d == cases[i].d)), name);
	}
	char out[32];
	CHECK_STR(template_date_dots(2026, 1, 5, out, sizeof out), "05.01.2026",
	          "template: date with dots");
	CHECK_STR(template_date_long(2017, 4, 4, out, sizeof out), "4. April 2017",
	          "template: date in words");
	CHECK_STR(template_date_long(2026, 3, 1, out, sizeof out), "1. März 2026",
	          "template: date in words with umlaut");
}

static void test_check_errors(void)
{
	CHECK_STR(problems_of(HEAD "Der Senat {{nummer}} und {{betrag}}, \\{{ als Text.\n"), "",
	          "check: a clean template has no problems");
	CHECK_STR(problems_of("Ressort: X\nTitel: Y\nStand: 01.01.2026\n\nGr\xFC\xDF" "e\n"),
	          "t.txt:5: Hier steht kein gültiges UTF-8 (Spalte 3); speichern Sie die Datei "
	          "als „UTF-8“.\n", "check: not UTF-8, with line and column");
	{
		const char nul[] = "Ressort: X\nTi\0tel: Y\n";
		struct strlist p = STRLIST_INIT;
		template_check_text(nul, sizeof nul - 1, "t.txt", &p);
		CHECK(p.n == 1 && !strcmp(p.v[0], "t.txt:2: Hier steht ein Nullbyte (Spalte 3); ein "
		                                  "Textbaustein ist reiner Text in UTF-8."),
		      "check: a NUL byte");
		strlist_free(&p);
	}
	one_problem("Ressort: Finanzen\nTitel: Haushalt\nStand: 15.01.2026\nKein Doppelpunkt\n\nText.\n",
	            "t.txt:4: Im Kopf fehlt hier der Doppelpunkt; schreiben Sie „Schlüssel: Wert“ "
	            "und lassen Sie vor dem Text eine Leerzeile.", "check: header line without colon");
	one_problem("Ressort: Finanzen\nAutor: ich\nTitel: Haushalt\nStand: 15.01.2026\n\nText.\n",
	            "t.txt:2: Das Feld „Autor“ kennt antwort nicht; erlaubt sind Ressort, Titel, "
	            "Schlagworte, Stand, Gültig-bis, Ansprechpartner und Beispiel.",
	            "check: unknown key");
	one_problem("Ressort: Finanzen\nTitel: Haushalt\nStand: 15.01.2026\ntitel: Zwei\n\nText.\n",
	            "t.txt:4: Das Feld „Titel“ steht zum zweiten Mal im Kopf; es gilt das erste.",
	            "check: a key twice");
	one_problem("Ressort: Finanzen\nTitel:\nStand: 15.01.2026\n\nText.\n",
	            "t.txt:2: Das Feld „Titel“ ist leer; tragen Sie einen Wert ein.",
	            "check: a required field empty");
	one_problem("Ressort: Finanzen\nTitel: Haushalt\nStand: 15.01.2026\nSchlagworte:  \n\nText.\n",
	            "t.txt:4: Das Feld „Schlagworte“ ist leer; tragen Sie einen Wert ein oder "
	            "lassen Sie die Zeile weg.", "check: an optional field empty");
	one_problem("Titel: Haushalt\nStand: 15.01.2026\n\nText.\n",
	            "t.txt:1: Im Kopf fehlt das Feld „Ressort“; jeder Textbaustein braucht "
	            "Ressort, Titel und Stand.", "check: Ressort missing");
	one_problem("\nRessort: Finanzen\nStand: 15.01.2026\n\nText.\n",
	            "t.txt:2: Im Kopf fehlt das Feld „Titel“; jeder Textbaustein braucht "
	            "Ressort, Titel und Stand.", "check: Titel missing, at the header's first line");
	one_problem("Ressort: Finanzen\nTitel: Haushalt\n\nText.\n",
	            "t.txt:1: Im Kopf fehlt das Feld „Stand“; jeder Textbaustein braucht "
	            "Ressort, Titel und Stand.", "check: Stand missing");
	one_problem("Ressort: Finanzen\nTitel: Haushalt\nStand: 31.02.2026\n\nText.\n",
	            "t.txt:3: „31.02.2026“ ist bei „Stand“ kein gültiges Datum; schreiben Sie es "
	            "wie „15.01.2026“.", "check: Stand not a date");
	one_problem("Ressort: Finanzen\nTitel: Haushalt\nStand: 15.01.2026\n"
	            "Gültig-bis: Ende 2026\n\nText.\n",
	            "t.txt:4: „Ende 2026“ ist bei „Gültig-bis“ kein gültiges Datum; schreiben Sie "
	            "es wie „15.01.2026“.", "check: Gültig-bis not a date");
	one_problem("Ressort: Finanzen\nTitel: Haushalt\nStand: 15.01.2026\nGültig-bis: 31.12.2025\n"
	            "\nText.\n",
	            "t.txt:4: Gültig-bis (31.12.2025) liegt vor dem Stand (15.01.2026); prüfen Sie "
	            "beide Daten.", "check: Gültig-bis before Stand");
	one_problem("Ressort: Finanzen\nTitel: Haushalt\nStand: 15.01.2026\nBeispiel: vielleicht\n"
	            "\nText.\n",
	            "t.txt:4: Bei „Beispiel“ steht „ja“ oder „nein“, nicht „vielleicht“.",
	            "check: Beispiel neither ja nor nein");
	one_problem("Ressort: Finanzen\nTitel: Haushalt\nStand: 15.01.2026\n\n\n",
	            "t.txt:4: Nach dem Kopf folgt kein Text; schreiben Sie die Absätze des "
	            "Bausteins nach einer Leerzeile unter den Kopf.", "check: no text");
	one_problem("Ressort: Finanzen\nTitel: Haushalt\nStand: 15.01.2026\n",
	            "t.txt:3: Nach dem Kopf folgt kein Text; schreiben Sie die Absätze des "
	            "Bausteins nach einer Leerzeile unter den Kopf.",
	            "check: no blank line and no text");
	CHECK_STR(problems_of(HEAD "Ää {{offen\nFür {{frage und mehr}}.\n"),
	          "t.txt:5: Der Platzhalter in Spalte 4 wird nicht mit „}}“ geschlossen; ein "
	          "Platzhalter steht in einer Zeile, wie „{{nummer}}“ (für „{{“ als Text "
	          "schreiben Sie „\\{{“).\n"
	          "t.txt:6: „{{frage und mehr}}“: Ein Platzhaltername besteht aus Buchstaben, "
	          "Ziffern, „-“ und „_“ und beginnt mit einem Buchstaben.\n",
	          "check: unclosed (column in characters) and a name with blanks");
	one_problem(HEAD "Leer: {{}}.\n",
	            "t.txt:5: „{{}}“ ist ein Platzhalter ohne Namen; schreiben Sie den Namen "
	            "zwischen die Klammern, wie „{{nummer}}“.", "check: {{}}");
	one_problem(HEAD "Zahl {{1betrag}}.\n",
	            "t.txt:5: „{{1betrag}}“: Ein Platzhaltername besteht aus Buchstaben, Ziffern, "
	            "„-“ und „_“ und beginnt mit einem Buchstaben.", "check: a name starting with a digit");
	one_problem(HEAD "Anfrage {{numer}}.\n",
	            "t.txt:5: „{{numer}}“ ähnelt dem eingebauten Platzhalter „{{nummer}}“; schreiben "
	            "Sie ihn genau so oder wählen Sie einen deutlich anderen Namen.",
	            "check: a built-in with a letter missing");
	one_problem(HEAD "Anfrage {{ Nummer }}.\n",
	            "t.txt:5: „{{ Nummer }}“ ähnelt dem eingebauten Platzhalter „{{nummer}}“; "
	            "schreiben Sie ihn genau so oder wählen Sie einen deutlich anderen Namen.",
	            "check: a built-in in capitals");
	one_problem(HEAD "Die {{fraktoin}}.\n",
	            "t.txt:5: „{{fraktoin}}“ ähnelt dem eingebauten Platzhalter „{{fraktion}}“; "
	            "schreiben Sie ihn genau so oder wählen Sie einen deutlich anderen Namen.",
	            "check: a built-in with two letters swapped");
	one_problem(HEAD "Am {{sitzungg}}.\n",
	            "t.txt:5: „{{sitzungg}}“ ähnelt dem eingebauten Platzhalter „{{sitzung}}“; "
	            "schreiben Sie ihn genau so oder wählen Sie einen deutlich anderen Namen.",
	            "check: a built-in with a letter too many");
	CHECK_STR(problems_of(HEAD "{{summe}} {{datum}} {{frühere_anfrage}} {{zeit-raum}} "
	                      "{{ nummer }} {{heute}}\n"), "",
	          "check: free names (umlauts, '-', '_') and built-ins with blanks are fine");
	CHECK_STR(problems_of("Autor: x\n" HEAD "{{}}\n"),
	          "t.txt:1: Das Feld „Autor“ kennt antwort nicht; erlaubt sind Ressort, Titel, "
	          "Schlagworte, Stand, Gültig-bis, Ansprechpartner und Beispiel.\n"
	          "t.txt:6: „{{}}“ ist ein Platzhalter ohne Namen; schreiben Sie den Namen "
	          "zwischen die Klammern, wie „{{nummer}}“.\n",
	          "check: problems in the order of their lines");
}

/* Builds a template in place; strings are copied. */
static void make(struct template *t, const char *name, const char *ressort, const char *titel,
                 const char *kw, const char *text)
{
	memset(t, 0, sizeof *t);
	t->name = strdup(name);
	t->path = strdup(name);
	t->ressort = strdup(ressort);
	t->titel = strdup(titel);
	t->schlagworte = kw ? strdup(kw) : NULL;
	t->text = strdup(text);
	t->stand_y = 2026, t->stand_m = 1, t->stand_d = 15;
	t->titel_line = 2;
}

static void test_check_set(void)
{
	struct template v[4];
	struct strlist p = STRLIST_INIT;
	make(&v[0], "finanzen/a", "Finanzen", "Haushalt", NULL, "x");
	make(&v[1], "Finanzen/A", "Inneres", "Anderes", NULL, "x");
	make(&v[2], "finanzen/b", "FINANZEN", "haushalt", NULL, "x");
	make(&v[3], "inneres/c", "Inneres", "Haushalt", NULL, "x");
	template_check_set(v, 4, &p);
	CHECK(p.n == 2, "check set: two problems");
	if (p.n == 2) {
		CHECK_STR(p.v[0], "Finanzen/A:1: Den Namen „Finanzen/A“ hat auch finanzen/a; benennen "
		          "Sie eine der beiden Dateien um.", "check set: a name twice, case aside");
		CHECK_STR(p.v[1], "finanzen/b:2: Den Titel „haushalt“ hat im Ressort FINANZEN auch "
		          "finanzen/a; im Editor wären die beiden nicht zu unterscheiden – ändern Sie "
		          "einen der Titel.", "check set: a title twice in one ressort");
	}
	for (int i = 0; i < 4; i++)
		template_free(&v[i]);
	strlist_free(&p);
}

static void test_fill(void)
{
	struct inquiry q;
	inquiry_init(&q);
	q.number = "L4";
	q.title = "Videotelefonie";
	q.askers = "Fraktion der SPD";
	q.session_year = 2017, q.session_month = 4, q.session_day = 4;
	struct template_context ctx = {&q, 2, 2026, 11, 29, "Finanzen"};
	struct strlist names = STRLIST_INIT, values = STRLIST_INIT, missing = STRLIST_INIT;
	struct buf out = BUF_INIT;

	template_fill("{{nummer}}|{{titel}}|{{fraktion}}|{{sitzung}}|{{frage}}|{{heute}}|"
	              "{{ressort}}|{{ nummer }}", &ctx, NULL, NULL, &out, &missing);
	CHECK_STR(out.s, "L4|Videotelefonie|Fraktion der SPD|4. April 2017|2|29. November 2026|"
	          "Finanzen|L4", "fill: every built-in");
	CHECK(missing.n == 0, "fill: nothing missing");

	strlist_add(&names, "betrag");
	strlist_add(&values, "1,2 Mio. Euro");
	strlist_add(&names, "frist");
	strlist_add(&values, "");
	strlist_add(&names, "ressort");
	strlist_add(&values, "Bildung");
	out.len = 0;
	template_fill("Es sind {{betrag}} bis {{frist}} für {{zweck}}, {{ zweck }} und {{frist}} "
	              "im Ressort {{ressort}}.", &ctx, &names, &values, &out, &missing);
	CHECK_STR(out.s, "Es sind 1,2 Mio. Euro bis {{frist}} für {{zweck}}, {{ zweck }} und "
	          "{{frist}} im Ressort Bildung.",
	          "fill: free values; missing and empty ones left as written; a value overrides a built-in");
	CHECK(missing.n == 2 && !strcmp(missing.v[0], "frist") && !strcmp(missing.v[1], "zweck"),
	      "fill: each missing name listed once, in order");
	strlist_free(&missing);

	out.len = 0;
	template_fill("Mengen \\{{a}} und {{ und {{}} und {{x y}} und }} Ende {{nummer}}", &ctx,
	              NULL, NULL, &out, &missing);
	CHECK_STR(out.s, "Mengen {{a}} und {{ und {{}} und {{x y}} und }} Ende L4",
	          "fill: \\{{ is a literal {{; broken placeholders and }} stay as written");
	CHECK(missing.n == 0, "fill: broken placeholders are not missing values");
	out.len = 0;
	template_fill("Am Ende {{offen", &ctx, NULL, NULL, &out, &missing);
	CHECK_STR(out.s, "Am Ende {{offen", "fill: an unclosed placeholder stays as written");

	out.len = 0;
	struct template_context none = {NULL, 0, 0, 0, 0, NULL};
	template_fill("{{nummer}} {{frage}} {{heute}} {{ressort}} {{sitzung}}", &none, NULL, NULL,
	              &out, &missing);
	CHECK_STR(out.s, "{{nummer}} {{frage}} {{heute}} {{ressort}} {{sitzung}}",
	          "fill: without an inquiry the built-ins stay");
	CHECK(missing.n == 5 && !strcmp(missing.v[1], "frage"), "fill: … and are missing");
	strlist_free(&missing);

	q.session_year = 0;
	q.number = NULL;
	out.len = 0;
	template_fill("{{sitzung}}{{nummer}}", &ctx, NULL, NULL, &out, NULL);
	CHECK_STR(out.s, "{{sitzung}}{{nummer}}", "fill: an open session date and no number stay");
	out.len = 0;
	template_fill("", &ctx, NULL, NULL, &out, NULL);
	CHECK(out.len == 0, "fill: an empty text");

	strlist_free(&names);
	template_free_names("{{b}} {{nummer}} {{a}} \\{{c}} {{ b }} {{x y}} {{frühere_anfrage}}",
	                    &names);
	CHECK(names.n == 3 && !strcmp(names.v[0], "b") && !strcmp(names.v[1], "a") &&
	      !strcmp(names.v[2], "frühere_anfrage"),
	      "free names: once each, in order, without built-ins, escapes and broken ones");
	strlist_free(&names);
	template_builtin_names("{{ heute}} {{b}} {{nummer }} \\{{titel}} {{heute}}", &names);
	CHECK(names.n == 2 && !strcmp(names.v[0], "nummer") && !strcmp(names.v[1], "heute"),
	      "built-in names: once each, in the handbook's order, escapes not");
	CHECK(template_is_builtin("sitzung") && !template_is_builtin("Sitzung"),
	      "built-ins: by exact name");

	char m[] = "Die {{fraktion}} am {{ sitzung }}, \\{{x}} {{offen";
	template_mask(m, strlen(m));
	CHECK_STR(m, "Die 000000000000 am 0000000000000, \\{{x}} {{offen",
	          "mask: placeholders become zeros of the same length");

	buf_free(&out);
	strlist_free(&names);
	strlist_free(&values);
}

static void test_stale(void)
{
	struct template t;
	memset(&t, 0, sizeof t);
	t.stand_y = 2025, t.stand_m = 1, t.stand_d = 15;
	CHECK(!template_stale(&t, 2026, 1, 15), "stale: fresh on the day twelve months after Stand");
	CHECK(template_stale(&t, 2026, 1, 16), "stale: stale the day after");
	CHECK(!template_stale(&t, 2025, 6, 1) && !template_expired(&t, 2030, 1, 1),
	      "stale: fresh in between; never expired without Gültig-bis");
	t.stand_y = 2024, t.stand_m = 2, t.stand_d = 29;
	CHECK(!template_stale(&t, 2025, 2, 28) && template_stale(&t, 2025, 3, 1),
	      "stale: 29 February plus twelve months is 28 February");
	t.stand_y = 2026, t.stand_m = 7, t.stand_d = 1;
	t.bis_y = 2026, t.bis_m = 12, t.bis_d = 31;
	CHECK(!template_stale(&t, 2026, 12, 31), "stale: valid through Gültig-bis");
	CHECK(template_stale(&t, 2027, 1, 1) && template_expired(&t, 2027, 1, 1),
	      "stale: past Gültig-bis, though Stand is recent");
}

static void test_filter(void)
{
	struct template v[6];
	make(&v[0], "umwelt/t", "Umwelt", "Text erwähnt es", "Bund", "Die Sperre gilt.");
	make(&v[1], "finanzen/k", "Finanzen", "Bewirtschaftung", "Haushaltssperre, Ausgaben", "x");
	make(&v[2], "finanzen/z", "Finanzen", "Zweite Sperre", NULL, "y");
	make(&v[3], "finanzen/a", "Finanzen", "Haushaltssperre 2026", NULL, "z");
	make(&v[4], "bildung/u", "Bildung", "Änderung der Schulordnung", "Schule", "Über alles.");
	make(&v[5], "inneres/s", "Inneres", "Sperrbezirke", NULL, "Keine Sperre.");
	struct template_lib lib = {v, 6};
	size_t *idx = NULL, n = 0;

	template_filter(&lib, "sperre", &idx, &n);
	CHECK(n == 5 && idx[0] == 3 && idx[1] == 2 && idx[2] == 1 && idx[3] == 5 && idx[4] == 0,
	      "filter: title matches, then keywords, then text; each by title");
	free(idx);

	template_filter(&lib, "  SPERRE   haushalt ", &idx, &n);
	CHECK(n == 2 && idx[0] == 3 && idx[1] == 1,
	      "filter: every word must match; all in the title ranks first, case aside");
	free(idx);

	template_filter(&lib, "ÄNDERUNG", &idx, &n);
	CHECK(n == 1 && idx[0] == 4, "filter: umlauts without regard to case");
	free(idx);
	template_filter(&lib, "aenderung", &idx, &n);
	CHECK(n == 0 && idx == NULL, "filter: umlauts as written, not spelt out");
	free(idx);
	template_filter(&lib, "über", &idx, &n);
	CHECK(n == 1 && idx[0] == 4, "filter: a word found in the text only");
	free(idx);
	template_filter(&lib, "inneres", &idx, &n);
	CHECK(n == 1 && idx[0] == 5, "filter: the Ressort counts");
	free(idx);

	template_filter(&lib, "", &idx, &n);
	CHECK(n == 6 && idx[0] == 4 && idx[1] == 1 && idx[2] == 3 && idx[3] == 2 && idx[4] == 5 &&
	      idx[5] == 0, "filter: empty query: all, by Ressort, then Titel");
	free(idx);

	/* German order: Ä with A, before B. */
	free(v[5].titel);
	v[5].titel = strdup("Ärger");
	free(v[2].titel);
	v[2].titel = strdup("Zweite");
	free(v[1].ressort);
	v[1].ressort = strdup("Inneres");
	free(v[3].ressort);
	v[3].ressort = strdup("Inneres");
	free(v[2].ressort);
	v[2].ressort = strdup("Inneres");
	template_filter(&lib, NULL, &idx, &n);
	CHECK(n == 6 && idx[1] == 5 && idx[2] == 1 && idx[3] == 3 && idx[4] == 2,
	      "filter: umlauts sort with their base letter");
	free(idx);

	for (int i = 0; i < 6; i++)
		template_free(&v[i]);
	struct template_lib empty = TEMPLATE_LIB_INIT;
	template_filter(&empty, "x", &idx, &n);
	CHECK(n == 0 && !idx, "filter: an empty library");
}

static void put(const char *dir, const char *rel, const char *text)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	for (char *p = path + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(path, 0777);
		*p = '/';
	}
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void test_lib(void)
{
	char dir[1024], proj[1100], ws[1100], cmd[1200];
	if (harness_tempdir("template", dir, sizeof dir)) {
		SKIP("lib: load", "no temporary folder");
		return;
	}
	snprintf(proj, sizeof proj, "%s/proj", dir);
	snprintf(ws, sizeof ws, "%s/ws/templates", dir);
	put(proj, "finanzen/haushalt.txt", "Ressort: Finanzen\nTitel: Projekt\nStand: 1.1.2026\n\nP.\n");
	put(proj, "finanzen/sperre.txt", "Ressort: Finanzen\nTitel: Sperre\nStand: 1.1.2026\n\nS.\n");
	put(proj, "inneres/keine.txt", "Ressort: Inneres\nTitel: Keine\nStand: 1.1.2026\n\nK.\n");
	put(proj, "README.md", "Nicht lesen.\n");
	put(proj, ".hidden/x.txt", "kaputt\n");
	put(proj, "finanzen/.x.txt", "kaputt\n");
	put(ws, "finanzen/haushalt.txt", "Ressort: Finanzen\nTitel: Arbeitsbereich\nStand: 1.1.2026\n\nW.\n");
	put(ws, "finanzen/kaputt.txt", "Ressort: Finanzen\n\nText.\n");
	put(ws, "oben.txt", "Ressort: Alle\nTitel: Oben\nStand: 1.1.2026\n\nO.\n");

	struct template_lib lib = TEMPLATE_LIB_INIT;
	struct strlist p = STRLIST_INIT;
	struct aw_error err;
	int rc = template_lib_load(&lib, proj, ws, &p, &err);
	CHECK(rc == 0 && lib.n == 4, "lib: four templates (README, hidden and broken left out)");
	if (lib.n == 4) {
		CHECK_STR(lib.v[0].name, "finanzen/haushalt", "lib: sorted by name");
		CHECK_STR(lib.v[0].titel, "Arbeitsbereich", "lib: the workspace's wins on the same name");
		CHECK(lib.v[0].from_workspace == 1 && lib.v[1].from_workspace == 0,
		      "lib: where each is from");
		CHECK_STR(lib.v[1].name, "finanzen/sperre", "lib: the project's others stay");
		CHECK_STR(lib.v[3].name, "oben", "lib: a file directly in templates/ has no ressort");
	}
	char want[2048];
	snprintf(want, sizeof want, "%s/finanzen/kaputt.txt:1: Im Kopf fehlt das Feld „Titel“; "
	         "jeder Textbaustein braucht Ressort, Titel und Stand.", ws);
	CHECK(p.n == 2 && !strcmp(p.v[0], want), "lib: a file that does not read is reported");

	const struct template *t;
	CHECK(template_find(&lib, "finanzen/sperre") == &lib.v[1], "find: exact name");
	CHECK(template_find(&lib, "inn") == &lib.v[2], "find: a unique beginning");
	CHECK(template_find(&lib, "sper") == &lib.v[1], "find: the part after the ressort");
	CHECK(template_lookup(&lib, "finanzen/", &t) == 2 && !t && !template_find(&lib, "finanzen/"),
	      "find: several match");
	CHECK(template_lookup(&lib, "nichts", &t) == 0 && !t, "find: none");
	CHECK(template_find(&lib, "") == NULL, "find: an empty name");
	template_lib_free(&lib);
	strlist_free(&p);

	struct strlist names = STRLIST_INIT, paths = STRLIST_INIT;
	rc = template_files(ws, "x", &names, &paths, NULL, &err);
	CHECK(rc == 0 && names.n == 3 && !strcmp(names.v[0], "x/finanzen/haushalt") &&
	      !strcmp(names.v[2], "x/oben"), "files: names with a prefix, sorted");
	strlist_free(&names);
	strlist_free(&paths);

	rc = template_lib_load(&lib, NULL, "/nonexistent/templates", &p, &err);
	CHECK(rc == 0 && lib.n == 0 && p.n == 0, "lib: folders that do not exist are no error");
	template_lib_free(&lib);

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("  could not remove %s\n", dir);

	/* The shipped examples: at least twelve, four ressorts, all marked. */
	rc = template_lib_load(&lib, "templates", NULL, &p, &err);
	size_t examples = 0, ressorts = 0, stale = 0, bis = 0;
	for (size_t i = 0; i < lib.n; i++) {
		examples += lib.v[i].example;
		stale += template_stale(&lib.v[i], 2026, 11, 29);
		bis += lib.v[i].bis_y != 0;
		if (i == 0 || strcmp(lib.v[i].ressort, lib.v[i - 1].ressort))
			ressorts++;
	}
	CHECK(rc == 0 && p.n == 0 && lib.n >= 12 && examples == lib.n,
	      "examples: at least twelve, all read, all marked as examples");
	CHECK(ressorts >= 4, "examples: at least four ressorts");
	CHECK(stale >= 1 && bis >= 1, "examples: a stale one and one with Gültig-bis");
	for (size_t i = 0; i < lib.n; i++) {
		struct strlist cp = STRLIST_INIT;
		size_t len;
		char *text = harness_slurp(lib.v[i].path, &len);
		if (text)
			template_check_text(text, len, lib.v[i].path, &cp);
		if (!text || cp.n)
			printf("FAIL: examples: %s is clean (%s)\n", lib.v[i].path,
			       cp.n ? cp.v[0] : "unreadable"), harness_failed++;
		free(text);
		strlist_free(&cp);
	}
	template_lib_free(&lib);
	strlist_free(&p);
}

static void test_write(void)
{
	struct buf out = BUF_INIT;
	template_format("Finanzen", "Haushalts-\nsperre", "", 2026, 1, 5, NULL,
	                "Erster {{betrag}}.\n\n  \nZweiter.", &out);
	CHECK_STR(out.s, "Ressort: Finanzen\nTitel: Haushalts- sperre\nStand: 05.01.2026\n\n"
	          "Erster {{betrag}}.\n\nZweiter.\n",
	          "format: canonical order, empty fields left out, paragraphs by blank lines");
	struct template t;
	int rc = template_parse(out.s, out.len, "n.txt", "finanzen/n", &t, NULL);
	CHECK(rc == 0 && !strcmp(t.text, "Erster {{betrag}}.\nZweiter.") && t.stand_d == 5,
	      "format: reads back");
	if (!rc) {
		t.bis_y = 2026, t.bis_m = 12, t.bis_d = 31;
		t.example = 1;
		t.ansprechpartner = strdup("Referat 20");
		t.schlagworte = strdup("Haushalt");
		out.len = 0;
		template_write(&t, &out);
		CHECK_STR(out.s, "Ressort: Finanzen\nTitel: Haushalts- sperre\nSchlagworte: Haushalt\n"
		          "Stand: 05.01.2026\nGültig-bis: 31.12.2026\nAnsprechpartner: Referat 20\n"
		          "Beispiel: ja\n\nErster {{betrag}}.\n\nZweiter.\n", "write: every field");
		out.len = 0;
		template_trailer(&t, &out);
		CHECK_STR(out.s, "Textbaustein: finanzen/n, Stand 05.01.2026", "trailer: the line");
		template_free(&t);
	}
	out.len = 0;
	template_format("Finanzen", "Leer", NULL, 2026, 1, 5, NULL, NULL, &out);
	CHECK_STR(out.s, "Ressort: Finanzen\nTitel: Leer\nStand: 05.01.2026\n\n",
	          "format: without text, the header and a blank line");
	buf_free(&out);

	char s[SLUG_MAX + 1];
	template_slug("Haushaltssperre 2026", s, sizeof s);
	CHECK_STR(s, "haushaltssperre-2026", "slug: title with a year");
	template_slug("Zuständigkeit des Bundes", s, sizeof s);
	CHECK_STR(s, "zustaendigkeit-bundes", "slug: umlauts spelt out, stop words left out");
	template_slug("Datenschutz: Keine personenbezogene Auswertung", s, sizeof s);
	CHECK_STR(s, "datenschutz-keine-personenbezogene-auswertung", "slug: four words");
	template_slug("„…“", s, sizeof s);
	CHECK_STR(s, "baustein", "slug: nothing usable");
	template_slug("Straßenbau Großprojekt", s, 16);
	CHECK_STR(s, "strassenbau", "slug: cut at a hyphen to fit");
	template_slug("Straßenbauprojektgruppe", s, 8);
	CHECK_STR(s, "strasse", "slug: cut anywhere when there is no hyphen");
	CHECK(template_slug("x", s, 1) == AW_EINTERNAL, "slug: no room");
}

void test_template(void)
{
	test_parse();
	test_dates();
	test_check_errors();
	test_check_set();
	test_fill();
	test_stale();
	test_filter();
	test_lib();
	test_write();
}
