/* test_style.c: the house style rules. The shipped share/stil.regeln is
 * run for real (ANTWORT_SHARE, else "share"): every rule must fire on a
 * wrong sentence and stay silent on a correct one, and the fixtures and
 * the real example must raise only the findings listed here. Then the
 * reading of a rules file (broken rules are reported with file and line
 * and skipped), replacements with groups, offsets in UTF-8, and a long
 * text. Checks compare the text each hit cuts out and what replaces it. */
#include "harness.h"
#include "style.h"
#include "utf8.h"

#include <dirent.h>
#include <stdlib.h>

static const char *share_dir(void)
{
	const char *d = getenv("ANTWORT_SHARE");
	return d ? d : "share";
}

/* 1 when offset pos of text[0..len) lies on a character boundary. */
static int boundary(const char *text, size_t len, size_t pos)
{
	return pos == len || (pos < len && ((unsigned char)text[pos] & 0xC0) != 0x80);
}

/* The hits in text as "[cut→replacement]" ("[cut]" without one), joined
 * by spaces, with "LINE:" in front when lines is set. Marks the rules
 * that fired in fired[] (if given). A hit off a character boundary, out
 * of order or empty shows as "!". */
static void show_hits(const struct style *st, const char *text, size_t len, int lines,
                      unsigned char *fired, char *out, size_t size)
{
	struct style_hit *h = NULL;
	size_t n = 0, o = 0, line = 1, at = 0;
	out[0] = '\0';
	if (style_check(st, text, len, &h, &n)) {
		snprintf(out, size, "(Fehler)");
		return;
	}
	for (size_t i = 0; i < n && o < size; i++) {
		if (h[i].start >= h[i].end || h[i].end > len || !boundary(text, len, h[i].start) ||
		    !boundary(text, len, h[i].end) || (i > 0 && h[i].start < h[i - 1].start)) {
			o += (size_t)snprintf(out + o, size - o, "%s!", o ? " " : "");
			continue;
		}
		if (fired && h[i].rule < style_rules(st))
			fired[h[i].rule] = 1;
		while (at < h[i].start)
			line += text[at++] == '\n';
		char pre[32] = "";
		if (lines)
			snprintf(pre, sizeof pre, "%zu:", line);
		struct buf r = BUF_INIT;
		int has = style_has_replacement(st, h[i].rule);
		if (has && style_replacement(st, &h[i], text, len, &r))
			buf_adds(&r, "(kein Ersatz)");
		o += (size_t)snprintf(out + o, size - o, "%s%s[%.*s%s%s]", o ? " " : "", pre,
		                      (int)(h[i].end - h[i].start), text + h[i].start,
		                      has ? "→" : "", has ? (r.s ? r.s : "") : "");
		buf_free(&r);
	}
	free(h);
}

/* ---- the shipped rules ---- */

static struct style *shipped;
static unsigned char *fired;   /* per shipped rule: fired in some case below */

static void load_shipped(void)
{
	char path[1024];
	struct strlist problems = STRLIST_INIT;
	struct aw_error err = {0};
	snprintf(path, sizeof path, "%s/stil.regeln", share_dir());
	if (style_new(&shipped)) {
		shipped = NULL;
		return;
	}
	int rc = style_load_file(shipped, path, &problems, &err);
	CHECK(rc == 0 && style_rules(shipped) >= 20, "style: share/stil.regeln loads its rules");
	CHECK_STR(problems.n ? problems.v[0] : "", "",
	          "style: share/stil.regeln has no broken rule");
	strlist_free(&problems);
	fired = calloc(style_rules(shipped) + 1, 1);

	size_t line = 0;
	const char *file = style_origin(shipped, 0, &line);
	CHECK(file && !strcmp(file, path) && line > 1,
	      "style: each rule knows the file and line it came from");
	int ok = 1;
	for (size_t i = 0; i < style_rules(shipped); i++) {
		const char *m = style_message(shipped, i);
		size_t l = strlen(m);
		if (l < 20 || m[l - 1] != '.')
			ok = 0;
	}
	CHECK(ok, "style: every shipped message is a German sentence ending in a full stop");
}

static void fires(const char *text, const char *want, const char *name)
{
	char got[2048];
	if (!shipped) {
		SKIP(name, "Regeln nicht geladen");
		return;
	}
	show_hits(shipped, text, strlen(text), 0, fired, got, sizeof got);
	CHECK_STR(got, want, name);
}

static void silent(const char *text, const char *name)
{
	fires(text, "", name);
}

static void shipped_rules(void)
{
	/* Abbreviations */
	fires("Das gilt z.B. für Schulen, d.h. u.a. für Kitas o.Ä. und den e.V.",
	      "[z.B.→z. B.] [d.h.→d. h.] [u.a.→u. a.] [o.Ä.→o. Ä.] [e.V.→e. V.]",
	      "style: »z.B.«, »d.h.«, »u.a.« get their spaces");
	silent("Das gilt z. B. für Schulen, d. h. u. a. für Kitas o. Ä.; siehe www.bremen.de, "
	       "info@senatspressestelle.bremen.de und S. 1 der Drs. 21/345.",
	       "style: spaced abbreviations and addresses");
	fires("Das gilt i.d.R. auch i.V.m. § 5 BremDSG, s.o.",
	      "[i.d.R.→i. d. R.] [i.V.m.→i. V. m.] [s.o.→s. o.]",
	      "style: »i.d.R.« and »i.V.m.« get their spaces");
	silent("Das gilt i. d. R. auch i. V. m. § 5 BremDSG, a. a. O.",
	       "style: »i. d. R.« written correctly");
	fires("Die Schulen bzw die Kitas, ggf auch ca 30 weitere, vgl Anlage.",
	      "[bzw→bzw.] [ggf→ggf.] [ca→ca.] [vgl→vgl.]",
	      "style: »bzw«, »ggf«, »ca«, »vgl« get their full stop");
	silent("Die Schulen bzw. die Kitas, ggf. auch ca. 30 weitere; Calcium, Cafés, "
	       "CA-Zertifikate, ggfs. später.",
	       "style: »ca« inside words and »CA« are no abbreviations");
	fires("nach Abs.2 Nr.1 und S.12 der Drs.21/345",
	      "[Abs.2→Abs. 2] [Nr.1→Nr. 1] [S.12→S. 12] [Drs.21→Drs. 21]",
	      "style: »Abs.2« gets its space");
	silent("nach Abs. 2 Nr. 1 und S. 12 der Drs. 21/345",
	       "style: »Abs. 2« written correctly");
	fires("nach §12 und §§3 und 4", "[§12→§ 12] [§§3→§§ 3]",
	      "style: »§12« gets its space");
	silent("nach § 12 und §§ 3 und 4", "style: »§ 12« written correctly");

	/* Quotation marks */
	fires("Im Programm \"Grüne Dächer\" sind 312 Anträge eingegangen.",
	      "[\"→„] [\"→“]", "style: straight quotes become „…“");
	fires("\"Frage für die Fragestunde – L8 \"Förderprogramm für Gründächer\"\"",
	      "[\"→„] [\"→„] [\"→“] [\"→“]",
	      "style: nested straight quotes: opening and closing told by position");
	silent("Im Programm „Grüne Dächer“ sind 312 Anträge eingegangen.",
	       "style: German quotes are fine");
	fires("Das Programm „Grüne Dächer läuft weiter.", "[„]",
	      "style: an „ left open in its paragraph");
	silent("„Wir fragen den Senat:\n\n1. Wie viele Anträge?\n2. Wie viele bewilligt?“",
	       "style: a quotation over several paragraphs opens at one and closes at another");
	fires("Das Programm Grüne Dächer“ läuft weiter.", "[“]",
	      "style: a “ with no „ before it");
	silent("3. Wie hoch sind die dafür eingeplanten Landes- und Bundesmittel?“",
	       "style: a “ closing a quotation at the end of its last paragraph");
	fires("Das Programm “Grüne Dächer“ läuft, “Blaue Dächer” nicht.",
	      "[“Grüne Dächer“→„Grüne Dächer“] [“Blaue Dächer”→„Blaue Dächer“]",
	      "style: “English” opening quotes become „…“");
	silent("„Frage für die Fragestunde – L4 “Videotelefonie in der öffentlichen Verwaltung““",
	       "style: the title line of a Vorlage keeps its quotes");
	fires("Das Programm „Grüne Dächer” läuft.", "[”→“]",
	      "style: ” closing a German quotation becomes “");
	silent("Das Programm „Grüne Dächer“ läuft, das „Gründach“ auch.",
	       "style: “ closing a German quotation is right");
	fires("Das Programm „ Grüne Dächer “ läuft.", "[„ →„] [ “→“]",
	      "style: no space inside quotation marks");
	silent("„Kleine Anfrage – Drs. 21/345 “Sichere Radwege auf Bremer Schulwegen““",
	       "style: the space before the title's inner quote is right");

	/* Spaces and punctuation */
	fires("Der Senat  hat geantwortet.", "[  → ]", "style: two spaces become one");
	silent("Der Senat hat geantwortet.\n    eingerückt\nEnde.  ",
	       "style: indentation and trailing spaces are no doubled spaces");
	fires("Der Senat hat geantwortet . Warum ?", "[ .→.] [ ?→?]",
	      "style: no space before a full stop or question mark");
	silent("Er sagte … nichts (…); siehe .NET und „Text …“.",
	       "style: a space before »…« or ».NET« is right");
	fires("Er sagte ... nichts (...).", "[...→…] [...→…]", "style: »...« becomes »…«");
	silent("Er sagte … nichts, usw. Ende.", "style: »…« and a single full stop are fine");
	fires("Bremen,Bremerhaven und Berlin", "[,B→, B]", "style: a space after a comma");
	silent("Er ist 1,90 Meter groß, es kostet 2,4 Millionen Euro.",
	       "style: decimal commas need no space");
	fires("Das ist gut.Der Senat prüft bzw.Die Frage!Warum", "[.D→. D] [.D→. D] [!W→! W]",
	      "style: a space after a sentence's full stop");
	silent("Siehe www.Bremen.de, Max.Mustermann@bremen.de, die Mitarbeiter:innen, am 4.4.2017 "
	       "für 1.000 Euro, z. B. Schulen.",
	       "style: addresses, dates, numbers and gender colons need no space");
	fires("Wirklich?? Ja,, sicher.", "[??→?] [,,→,]", "style: a doubled punctuation mark");
	silent("Wirklich? Ja, sicher: so ist es.", "style: single punctuation marks");

	/* Dashes */
	fires("In den Jahren 2016-2017 auf S. 12-15 und 8.30-12.00 Uhr, 1.000 - 2.000 Euro.",
	      "[2016-2017→2016–2017] [12-15→12–15] [8.30-12.00→8.30–12.00] "
	      "[1.000 - 2.000→1.000–2.000]",
	      "style: a hyphen between numbers becomes an en dash");
	silent("Am 2017-04-04 unter 0421 361-2345, (0421) 361-12345, Tel. 361-0, per E-Mail "
	       "über das BVN-Mobil während der Covid-19-Pandemie, ISBN 978-3-16-148410-0, "
	       "in den Jahren 2016–2017 für 3-jährige.",
	       "style: dates, phone numbers, E-Mail, BVN-Mobil, Covid-19 keep their hyphens");
	fires("von 2016-2017 und Von 8 – 10 Uhr", "[von 2016-2017→von 2016 bis 2017] "
	      "[Von 8 – 10→Von 8 bis 10]", "style: »von … bis«, not a dash");
	silent("von 2016 bis 2017 und von 8 bis 10 Uhr", "style: »von … bis« written out");
	fires("zwischen 2016-2017", "[zwischen 2016-2017→zwischen 2016 und 2017]",
	      "style: »zwischen … und«, not a dash");
	silent("zwischen 2016 und 2017", "style: »zwischen … und« written out");
	fires("Der Senat - so die Antwort -- prüft.", "[-→–] [--→–]",
	      "style: a spaced hyphen becomes a dash");
	silent("Landes- und Bundesmittel, IT-Sicherheits- und Datenschutz; der Senat – so die "
	       "Antwort – prüft.\n- ein Spiegelstrich",
	       "style: hyphens that are hyphens, and dashes, stay");

	/* Numbers and units */
	fires("Es kostet 48 € und 2,4 Mio. EUR, also 5€.",
	      "[ €→\u00a0Euro] [ EUR→\u00a0Euro] [€→\u00a0Euro]",
	      "style: »Euro« written out after an amount");
	silent("Es kostet 48 Euro und 2,4 Mio. Euro; der Euro, die EUR-Lex.",
	       "style: »Euro« written out");
	fires("rund 70% der Kinder", "[%→\u00a0%]", "style: a space before »%« (a no-break one, only the sign hit)");
	silent("rund 70 % der Kinder, 70 Prozent, eine 70%ige Quote",
	       "style: »70 %« and »70%ige« are right");

	/* Words */
	fires("Der Senat hat hat geantwortet und und geprüft; In in Bremen.",
	      "[hat hat→hat] [und und→und] [In in→In]", "style: a doubled word");
	silent("Die die Kosten tragende Stelle; Kinder, die die Schule besuchen; sie gibt ihr "
	       "ihr Buch; nach und nach.",
	       "style: »die die« and other legitimate doubles");

	char which[256] = "";
	for (size_t i = 0; shipped && i < style_rules(shipped); i++)
		if (!fired[i]) {
			size_t line = 0;
			style_origin(shipped, i, &line);
			size_t o = strlen(which);
			snprintf(which + o, sizeof which - o, " Zeile %zu", line);
		}
	CHECK_STR(which, "", "style: every shipped rule fired in one of the cases above");
}

/* The findings in a real document, with their lines. */
static void document(const char *dir, const char *name, const char *want, const char *what)
{
	char path[1024], got[4096];
	size_t len;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	char *text = harness_slurp(path, &len);
	if (!text) {
		SKIP(what, "Datei fehlt");
		return;
	}
	show_hits(shipped, text, len, 1, NULL, got, sizeof got);
	CHECK_STR(got, want, what);
	free(text);
}

/* What the shipped rules find in the fixtures: only fixture 11, which
 * has straight quotes on purpose. */
static const struct {
	const char *file, *hits;
} fixture_hits[] = {
	{"11-gerade-und-typografische-anfuehrungszeichen.txt",
	 "3:[\"→„] 3:[\"→„] 3:[\"→“] 3:[\"→“] 9:[\"→„] 9:[\"→“] 16:[\"→„] 16:[\"→“]"},
};

static void documents(void)
{
	if (!shipped)
		return;
	const char *dir = harness_fixtures();
	DIR *d = opendir(dir);
	int n = 0;
	if (!d) {
		SKIP("style: the fixtures", "Ordner fehlt");
	} else {
		struct dirent *e;
		while ((e = readdir(d))) {
			size_t l = strlen(e->d_name);
			if (l <= 4 || strcmp(e->d_name + l - 4, ".txt"))
				continue;
			const char *want = "";
			for (size_t i = 0; i < sizeof fixture_hits / sizeof *fixture_hits; i++)
				if (!strcmp(fixture_hits[i].file, e->d_name))
					want = fixture_hits[i].hits;
			char what[512];
			snprintf(what, sizeof what, "style: fixture %s has only the expected findings",
			         e->d_name);
			document(dir, e->d_name, want, what);
			n++;
		}
		closedir(d);
		CHECK(n >= 18, "style: the fixtures were found");
	}

	char ex[1024];
	snprintf(ex, sizeof ex, "%s/examples", share_dir());
	document(ex, "vorlage-2024-05-14-L7-wasserstoffbusse.txt", "",
	         "style: the bundled example is clean");

	/* The real Vorlage of 2017: the three „z.B.“ are real findings; its
	 * title line and „BVN-Mobil“, „E-Mail“, „IT-Sicherheits- und“,
	 * „4.4.2017“ and „ca. 3 Jahren“ are not. */
	snprintf(ex, sizeof ex, "%s/examples", harness_shared());
	d = opendir(ex);
	if (!d) {
		SKIP("style: the real example in ../shared", "../shared/examples fehlt");
		return;
	}
	closedir(d);
	document(ex, "vorlage-2017-04-04-L4-videotelefonie.txt",
	         "12:[z.B.→z. B.] 19:[z.B.→z. B.] 29:[z.B.→z. B.]",
	         "style: the real example: only its three »z.B.«");
}

/* ---- reading rules ---- */

static struct style *load(const char *text, struct strlist *problems)
{
	struct style *st = NULL;
	if (style_new(&st))
		return NULL;
	if (style_load(st, text, strlen(text), "stil.test", problems)) {
		style_free(st);
		return NULL;
	}
	return st;
}

/* The hits of rules text on subject, or "(nicht geladen)". */
static void rules_on(const char *rules, const char *subject, char *out, size_t size)
{
	struct style *st = load(rules, NULL);
	if (!st) {
		snprintf(out, size, "(nicht geladen)");
		return;
	}
	show_hits(st, subject, strlen(subject), 0, NULL, out, size);
	style_free(st);
}

static void broken_rules(void)
{
	struct strlist p = STRLIST_INIT;
	char got[1024];
	struct style *st = load("# Probe\n"
	                        "regel: z\\.B\\.\n"
	                        "meldung: Abkürzung.\n"
	                        "ersatz: z. B.\n"
	                        "\n"
	                        "regel: (abc\n"
	                        "meldung: Kaputt.\n"
	                        "\n"
	                        "regel: \\bdass\\h+dass\\b\n"
	                        "meldung: Doppelt.\n",
	                        &p);
	CHECK(st && style_rules(st) == 2, "style: a broken rule is skipped, the others load");
	CHECK(p.n == 1 && strstr(p.v[0], "stil.test, Zeile 6, Spalte 12: Das Suchmuster") &&
	      strstr(p.v[0], "(missing closing parenthesis)") &&
	      strstr(p.v[0], "die übrigen gelten weiter"),
	      "style: a broken rule is reported with file, line, column and PCRE2's message");
	if (st) {
		show_hits(st, "z.B. dass dass", 14, 0, NULL, got, sizeof got);
		CHECK_STR(got, "[z.B.→z. B.] [dass dass]", "style: the other rules still apply");
		size_t line = 0;
		const char *f = style_origin(st, 1, &line);
		CHECK(f && !strcmp(f, "stil.test") && line == 9,
		      "style: the rule after a broken one knows its own line");
	}
	style_free(st);
	strlist_free(&p);

	st = load("regel: a\nmeldung: A.\nhinweis: x\n\nregel: b\nmeldung: B.\n", &p);
	CHECK(st && style_rules(st) == 1, "style: a rule with an unknown key is skipped");
	CHECK_STR(p.n ? p.v[0] : "",
	          "stil.test, Zeile 3: „hinweis:“ kennt antwort in Stilregeln nicht; erlaubt "
	          "sind „regel:“, „meldung:“ und „ersatz:“ – die Regel wird übergangen.",
	          "style: an unknown key is reported with file and line");
	style_free(st);
	strlist_free(&p);

	st = load("\n\n# erst ein Kommentar\nregel: a\nersatz: b\n\nmeldung: Nur Meldung.\n", &p);
	CHECK(st && style_rules(st) == 0 && p.n == 2, "style: blocks missing a part are skipped");
	CHECK_STR(p.n > 0 ? p.v[0] : "",
	          "stil.test, Zeile 4: Dieser Stilregel fehlt „meldung:“; jede Regel braucht "
	          "„regel:“ und „meldung:“ – die Regel wird übergangen.",
	          "style: a missing meldung is reported at the rule's first line");
	CHECK(p.n > 1 && strstr(p.v[1], "Zeile 7: Dieser Stilregel fehlt „regel:“"),
	      "style: a missing regel is reported");
	style_free(st);
	strlist_free(&p);

	st = load("regel: a\nregel: b\nmeldung: M.\n\nregel: c\nDas ist kein Eintrag\nmeldung: M.\n"
	          "\nregel: (x)\nmeldung: M.\nersatz: $1$2\n\nregel: (x)\nmeldung: M.\nersatz: ${1}\n",
	          &p);
	CHECK(st && style_rules(st) == 1 && p.n == 3,
	      "style: doubled key, missing colon and a bad group are skipped");
	CHECK(p.n > 0 && strstr(p.v[0], "Zeile 2: „regel:“ steht in dieser Stilregel zum zweiten"),
	      "style: a key given twice is reported at its second line");
	CHECK(p.n > 1 && strstr(p.v[1], "Zeile 6: Hier fehlt der Doppelpunkt"),
	      "style: a line without a colon is reported");
	CHECK(p.n > 2 && strstr(p.v[2], "Zeile 11: Der Ersatz verweist mit „$2“ auf eine Gruppe"),
	      "style: a replacement naming a group the pattern lacks is reported");
	style_free(st);
	strlist_free(&p);

	st = load("regel: a\\Cb\nmeldung: Bytes.\n\n"
	          "regel: \xC3(\nmeldung: Latin-1.\n\n"
	          "# Kommentar in Latin-1: Gr\xFC\xDF" "e\n"
	          "Regel: x\r\nMELDUNG: Groß oder klein.\r\n",
	          &p);
	CHECK(st && style_rules(st) == 1 && p.n == 2,
	      "style: \\C and invalid UTF-8 are refused, comments are not read");
	CHECK(p.n > 0 && strstr(p.v[0], "stil.test, Zeile 1, Spalte 11: Das Suchmuster") &&
	      strstr(p.v[0], "using \\C is disabled"),
	      "style: \\C (one byte, could split a character) is refused");
	CHECK(p.n > 1 && strstr(p.v[1], "stil.test, Zeile 4, Spalte 8: Hier steht kein gültiges "
	                                "UTF-8"),
	      "style: a line in another encoding is reported with line and column");
	CHECK_STR(st ? style_message(st, 0) : "", "Groß oder klein.",
	          "style: keys in any case, CRLF line ends");
	style_free(st);
	strlist_free(&p);

	char longkey[600] = "";   /* 30 × 13 bytes and the rule */
	for (int i = 0; i < 30; i++)
		strcat(longkey, "Überschrift ");
	strcat(longkey, ": x\nregel: a\nmeldung: M.\n");
	st = load(longkey, &p);
	size_t el, ec;
	CHECK(st && p.n == 1 && strstr(p.v[0], "Zeile 1: „Überschrift") &&
	      utf8_validate(p.v[0], strlen(p.v[0]), &el, &ec) == 0,
	      "style: a long unknown key is shortened without splitting a character");
	style_free(st);
	strlist_free(&p);

	/* A BOM and a file without a final newline. */
	rules_on("\xEF\xBB\xBFregel: x\nmeldung: M.", "axb", got, sizeof got);
	CHECK_STR(got, "[x]", "style: a BOM and a missing final newline");

	st = NULL;
	struct aw_error err = {0};
	CHECK(style_new(&st) == 0 &&
	      style_load_file(st, "/nonexistent/stil.regeln", &p, &err) == 0 &&
	      style_rules(st) == 0 && p.n == 0,
	      "style: a missing rules file is no error");
	CHECK(st && style_load_file(st, "tests", &p, &err) == AW_EISDIR && err.code == AW_EISDIR,
	      "style: a folder instead of a rules file is an error");
	style_free(st);
	strlist_free(&p);
}

/* ---- matching and replacing ---- */

static void replacement_of(const char *rules, const char *subject, const char *want,
                           const char *name)
{
	char got[512];
	rules_on(rules, subject, got, sizeof got);
	CHECK_STR(got, want, name);
}

static void replacements(void)
{
	replacement_of("regel: (\\p{L}+), (\\p{L}+)\nmeldung: M.\nersatz: $2 und $1 ($$5, ${1}x, $0)",
	               "Bremen, Bremerhaven",
	               "[Bremen, Bremerhaven→Bremerhaven und Bremen ($5, Bremenx, Bremen, "
	               "Bremerhaven)]",
	               "style: $1, $2, ${1}, $0 and $$ in a replacement");
	replacement_of("regel: (a)|(b)\nmeldung: M.\nersatz: [$1|$2]", "ab",
	               "[a→[a|]] [b→[|b]]", "style: an unset group gives nothing");
	replacement_of("regel: x\nmeldung: M.\nersatz: 5 $ und $x und ${y} und $", "x",
	               "[x→5 $ und $x und ${y} und $]",
	               "style: a $ that names no group stands for itself");
	replacement_of("regel: \\h+(?=,)\nmeldung: M.\nersatz:", "a , b", "[ →]",
	               "style: an empty ersatz deletes the hit");
	replacement_of("regel: x\nmeldung: M.", "x", "[x]", "style: a rule without ersatz");
	/* \K: the match begins before the hit, and its groups come from there. */
	replacement_of("regel: (\\p{L}+)=\\K\\p{N}+\nmeldung: M.\nersatz: $1", "a=1 bb=22",
	               "[1→a] [22→bb]", "style: a replacement after \\K uses the groups of its match");

	struct style *st = load("regel: (\\p{L}+)!\nmeldung: M.\nersatz: $1.\n\nregel: y\n"
	                        "meldung: Ohne.\n",
	                        NULL);
	struct buf out = BUF_INIT;
	struct style_hit h = {0, 6, 0};
	buf_adds(&out, "vorher");
	CHECK(st && style_replacement(st, &h, "Hallo? Welt", 11, &out) == AW_ESTYLEGONE &&
	      !strcmp(out.s, "vorher"),
	      "style: a hit the text no longer has is refused, out unchanged");
	struct style_hit h2 = {0, 1, 1};
	CHECK(st && style_replacement(st, &h2, "y", 1, &out) == AW_EINTERNAL,
	      "style: asking a rule without ersatz for one is an error");
	struct style_hit h3 = {0, 6, 0};
	CHECK(st && style_replacement(st, &h3, "Hallo!", 6, &out) == 0 &&
	      !strcmp(out.s, "vorherHallo."),
	      "style: the replacement is appended to out");
	CHECK(st && !style_has_replacement(st, 1) && style_has_replacement(st, 0) &&
	      !style_has_replacement(st, 7) && !strcmp(style_message(st, 7), "") &&
	      style_origin(st, 7, NULL) == NULL,
	      "style: rules out of range have no message, origin or replacement");
	buf_free(&out);
	style_free(st);
}

static void offsets(void)
{
	char got[512];
	/* One hit per character: ASCII, ä (2 bytes), € (3), 😀 (4). */
	rules_on("regel: .\nmeldung: M.", "aä€😀b", got, sizeof got);
	CHECK_STR(got, "[a] [ä] [€] [😀] [b]", "style: hits hold whole characters");

	struct style *st = load("regel: .\nmeldung: M.\n\nregel: \\X\nmeldung: Graphem.\n", NULL);
	const char *t = "Bär\xCC\x88 ö😀";
	struct style_hit *h = NULL;
	size_t n = 0;
	int ok = st && style_check(st, t, strlen(t), &h, &n) == 0 && n > 0;
	for (size_t i = 0; ok && i < n; i++)
		ok = boundary(t, strlen(t), h[i].start) && boundary(t, strlen(t), h[i].end) &&
		     h[i].end > h[i].start && (i == 0 || h[i - 1].start <= h[i].start);
	CHECK(ok, "style: offsets on character boundaries, sorted by start");
	free(h);
	style_free(st);

	rules_on("regel: x*\nmeldung: M.", "axxbx", got, sizeof got);
	CHECK_STR(got, "[xx] [x]", "style: a pattern that could match nothing finds only text");
	rules_on("regel: a\\sb\nmeldung: M.\n\nregel: ^Zu\nmeldung: M.", "a\nb a b\nZu A\nZu B",
	         got, sizeof got);
	CHECK_STR(got, "[a b] [Zu] [Zu]", "style: a rule sees one paragraph; ^ is its start");
	rules_on("regel: b\nmeldung: M.\n\nregel: ab\nmeldung: M.\n\nregel: a\nmeldung: M.",
	         "ab", got, sizeof got);
	CHECK_STR(got, "[a] [ab] [b]", "style: hits of several rules are sorted by start and end");
	rules_on("regel: \\p{Lu}\\p{Ll}+\nmeldung: M.", "Ärger über Öl", got, sizeof got);
	CHECK_STR(got, "[Ärger] [Öl]", "style: \\p{Lu} knows umlauts (UCP)");
	rules_on("regel: \\bÜber\\b\nmeldung: M.", "Überblick Über", got, sizeof got);
	CHECK_STR(got, "[Über]", "style: \\b knows umlauts (UCP)");
	rules_on("regel: a\nmeldung: M.", "", got, sizeof got);
	CHECK_STR(got, "", "style: an empty text has no findings");
}

/* About 1 MB in 2,000-byte paragraphs with two findings each, and once
 * as one paragraph: PCRE2 must not re-check the UTF-8 on every call
 * (which made such loops quadratic, LIBRARIES.md). No timing asserted. */
static void long_text(void)
{
	if (!shipped)
		return;
	const char *para = "Der Senat nutzt seit ca. 3 Jahren z.B. die Videokonferenzen im "
	                   "„BVN-Mobil“ für 1.000 Nutzerinnen und Nutzer (2016-2017). ";
	const char *fill = "Die Kommunikation der bremischen Verwaltung erfolgt über Telefonie, "
	                   "Mobilfunk und E-Mail. ";
	for (int one = 0; one < 2; one++) {
		struct buf b = BUF_INIT;
		size_t paras = 0;
		while (b.len < (1u << 20)) {
			buf_adds(&b, para);
			for (int i = 0; i < 20; i++)
				buf_adds(&b, fill);
			buf_adds(&b, one ? "" : "\n\n");   /* fill ends with a space */
			paras++;
		}
		struct style_hit *h = NULL;
		size_t n = 0;
		int rc = style_check(shipped, b.s, b.len, &h, &n);
		int ok = rc == 0 && n == 2 * paras;
		for (size_t i = 0; ok && i < n; i++)
			ok = (i % 2 == 0 && h[i].end - h[i].start == 4 && !memcmp(b.s + h[i].start, "z.B.", 4)) ||
			     (i % 2 == 1 && h[i].end - h[i].start == 9 &&
			      !memcmp(b.s + h[i].start, "2016-2017", 9));
		CHECK(ok, one ? "style: 1 MB in one paragraph: every finding, nothing more"
		              : "style: 1 MB of paragraphs: every finding, nothing more");
		free(h);
		buf_free(&b);
	}
}

void test_style(void)
{
	load_shipped();
	shipped_rules();
	documents();
	broken_rules();
	replacements();
	offsets();
	long_text();
	style_free(shipped);
	free(fired);
	shipped = NULL;
	fired = NULL;
}
