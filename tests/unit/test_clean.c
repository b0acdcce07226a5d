/* test_clean.c: every cleaning step, with text it must change and text it
 * must leave alone. */
#include "harness.h"
#include "buf.h"
#include "clean.h"
#include "speller.h"

#include <stdlib.h>

/* A tiny dictionary, so the steps' decisions are exact in these tests. */
static int fake_known(void *ctx, const char *w, size_t n)
{
	static const char *const words[] = {
		"Wasserkraftwerk", "insbesondere", "Migranten", "betragen", "Verwaltung",
		"Datenschutz", "Mobil", "Wasserkraft", "Bremen", "Email", "gesunken",
	};
	(void)ctx;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == n && !strncmp(words[i], w, n))
			return 1;
	return 0;
}

static const struct lexicon fake = {fake_known, NULL};

/* Runs one step (or, with lex, a lexicon step) over in and compares. */
static void step(const char *name, int (*fn)(struct clines *, struct strlist *),
                 int (*lexfn)(struct clines *, const struct lexicon *, struct strlist *),
                 const struct lexicon *lex, const char *in, const char *want, int changes)
{
	struct clines l = {0};
	struct strlist log = STRLIST_INIT;
	struct buf out = BUF_INIT;
	int rc = clines_from_text(&l, in, strlen(in));
	if (!rc)
		rc = fn ? fn(&l, &log) : lexfn(&l, lex, &log);
	if (!rc)
		rc = clines_to_text(&l, &out);
	if (!rc && out.s && !strcmp(out.s, want) && (changes < 0 || (size_t)changes == log.n)) {
		printf("PASS: %s\n", name);
	} else {
		printf("FAIL: %s (rc %d, %zu changes logged)\n  got:  \"%s\"\n  want: \"%s\"\n",
		       name, rc, log.n, out.s ? out.s : "", want);
		harness_failed++;
	}
	clines_free(&l);
	strlist_free(&log);
	buf_free(&out);
}

/* The join step at the width the text was wrapped at. */
static int join_lines(struct clines *l, struct strlist *log)
{
	return clean_join_lines(l, clean_wrap_width(l), log);
}

static void structure(void)
{
	static const char *const yes[] = {
		"1. Wie", "12) Wann", "1.1 Wer", "Frage 3: Was", "Zu Frage 1:", "Zu den Fragen 2 bis 4:",
		"Zu 1.:", "a) für", "b. für", "Wir fragen den Senat:", "Ich frage die Landesregierung:",
		"Vorbemerkung der Fragesteller", "Antwort des Senats", "Erstens: Wie", "II. Sanierung",
		"Der Senat beantwortet die Anfrage wie folgt:",
	};
	static const char *const no[] = {
		"2016 wurden", "Bremen ist", "am 3. Oktober", "ab 1.000 Euro", "Im Jahr", "IT-Sicherheit",
	};
	int ok = 1;
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		if (!clean_starts_structure(yes[i]))
			printf("  not seen as structure: %s\n", yes[i]), ok = 0;
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		if (clean_starts_structure(no[i]))
			printf("  wrongly seen as structure: %s\n", no[i]), ok = 0;
	CHECK(ok, "clean: what starts a question, heading or lead-in");
}

static void speller(void)
{
	struct speller *sp;
	struct aw_error err;
	if (speller_open(&sp, NULL, &err)) {
		SKIP("speller: the German dictionary answers in UTF-8", "Wörterbuch fehlt");
		return;
	}
	CHECK(speller_check(sp, "Plattformabhängigkeit", strlen("Plattformabhängigkeit")) &&
	      speller_check(sp, "Maßnahmen", strlen("Maßnahmen")) &&
	      speller_check(sp, "Bürgerschaft", strlen("Bürgerschaft")),
	      "speller: umlaut and ß words are known, whatever the dictionary's encoding");
	CHECK(!speller_check(sp, "Mgiranten", 9) && !speller_check(sp, "Migranten1", 10),
	      "speller: misspelt words and words with glued digits are not");
	CHECK(speller_check(sp, "Wasserkraftwerk", 15) && speller_check(sp, "insbesondere", 12),
	      "speller: compounds the hyphenation step asks about");
	speller_close(sp);

	CHECK(speller_open(&sp, "/nonexistent/xx_XX", &err) == AW_ENODICT &&
	      strstr(err.file, "/nonexistent/xx_XX.dic"),
	      "speller: a missing dictionary is an error naming the file, not silence");
}

void test_clean(void)
{
	structure();
	speller();

	step("clean collapsed: line breaks restored in a one-line inquiry",
	     clean_collapsed, NULL, NULL,
	     "Anfrage der Fraktion der SPD zu Radwegen in Bremen, die seit Jahren ein Thema sind und "
	     "über die viel gestritten wurde, was wir hier nicht wiederholen wollen, weil es alle "
	     "wissen und weil es lange dauert, das alles zu erzählen, was man erzählen könnte, "
	     "wenn man die Zeit hätte. Wir fragen den Senat: 1. Wie viele Radwege gibt es? "
	     "2. Wann werden sie saniert?",
	     "Anfrage der Fraktion der SPD zu Radwegen in Bremen, die seit Jahren ein Thema sind und "
	     "über die viel gestritten wurde, was wir hier nicht wiederholen wollen, weil es alle "
	     "wissen und weil es lange dauert, das alles zu erzählen, was man erzählen könnte, "
	     "wenn man die Zeit hätte.\n\nWir fragen den Senat:\n\n1. Wie viele Radwege gibt es?"
	     "\n\n2. Wann werden sie saniert?", 3);
	step("clean collapsed: a collapsed Vorlage gets its header lines back",
	     clean_collapsed, NULL, NULL,
	     "Vorlage für die Sitzung des Senats am 8.4.2025 „Kleine Anfrage – Drs. 21/977 “Hitze““ "
	     "Die Fraktion der SPD hat folgende Kleine Anfrage an den Senat gestellt: „Im Sommer war "
	     "es heiß, und zwar in allen Heimen, in denen die Menschen lange ohne Kühlung lebten, "
	     "was niemand wollte und was viele beklagt haben, auch in der Presse und im Parlament, "
	     "wo es oft besprochen wurde. Wir fragen den Senat: 1. Wie viele Heime sind gekühlt?",
	     "Vorlage für die Sitzung des Senats am 8.4.2025\n\n„Kleine Anfrage – Drs. 21/977 “Hitze““"
	     "\n\nDie Fraktion der SPD hat folgende Kleine Anfrage an den Senat gestellt:\n\n„Im Sommer "
	     "war es heiß, und zwar in allen Heimen, in denen die Menschen lange ohne Kühlung lebten, "
	     "was niemand wollte und was viele beklagt haben, auch in der Presse und im Parlament, "
	     "wo es oft besprochen wurde.\n\nWir fragen den Senat:\n\n1. Wie viele Heime sind gekühlt?", 5);
	step("clean collapsed: a document with its line breaks stays",
	     clean_collapsed, NULL, NULL,
	     "Wir fragen den Senat:\n\n1. Wie viele? 2. Wann?\n3. Wo?\n4. Wer?",
	     "Wir fragen den Senat:\n\n1. Wie viele? 2. Wann?\n3. Wo?\n4. Wer?", 0);

	step("clean run-on headings: the Senate's opening and a heading on one line are parted",
	     clean_run_on_headings, NULL, NULL,
	     "Antwort des Senats Zu Frage 1: Ja.\nAntwort des Senats zur Anfrage",
	     "Antwort des Senats\n\nZu Frage 1: Ja.\nAntwort des Senats zur Anfrage", 1);
	step("clean letter spacing: a spaced heading is closed up",
	     clean_letter_spacing, NULL, NULL,
	     "V o r b e m e r k u n g   d e s   S e n a t s\nText",
	     "Vorbemerkung des Senats\nText", 1);
	step("clean letter spacing: ordinary words and short runs stay",
	     clean_letter_spacing, NULL, NULL,
	     "a b c\nWir fragen den Senat\nz. B. u. a. m.",
	     "a b c\nWir fragen den Senat\nz. B. u. a. m.", 0);

	step("clean navigation: a web page's menu and footer go",
	     clean_navigation, NULL, NULL,
	     "Startseite\nParlament\nSuche\n\nSie sind hier: Startseite › Drucksachen\n\n"
	     "Ladesäulen in Bremerhaven\n\nText.\n\nNach oben\n\nImpressum | Datenschutz\n"
	     "© Bremische Bürgerschaft 2025",
	     "Ladesäulen in Bremerhaven\n\nText.\n", 7);
	step("clean navigation: a single word that could be navigation stays",
	     clean_navigation, NULL, NULL,
	     "Datenschutz\n\nWir fragen den Senat:\n\n1. Wie steht es um den Datenschutz?",
	     "Datenschutz\n\nWir fragen den Senat:\n\n1. Wie steht es um den Datenschutz?", 0);

	step("clean whitespace: tabs and wide gaps become one space, lines trimmed",
	     clean_whitespace, NULL, NULL,
	     "  Eins\tzwei     drei  \n\tvier",
	     "Eins zwei drei\nvier", 1);
	step("clean whitespace: no-break spaces in a heading or question number become plain",
	     clean_whitespace, NULL, NULL, "Zu Frage\xC2\xA0" "1:\n1.\xC2\xA0Wie?\nNach \xC2\xA7\xC2\xA0" "5 gilt.",
	     "Zu Frage 1:\n1. Wie?\nNach \xC2\xA7\xC2\xA0" "5 gilt.", 2);
	step("clean whitespace: a double space is left for the style check",
	     clean_whitespace, NULL, NULL, "Satz.  Noch einer.", "Satz.  Noch einer.", 0);

	step("clean page furniture: page numbers and repeated headers go, the sentence is closed",
	     clean_page_furniture, NULL, NULL,
	     "Drucksache 20/1234\nBremische Bürgerschaft (Landtag)\n\nDie Verwaltung hat in der\n\n"
	     "– 2 –\n\nDrucksache 20/1234\n\nvergangenen Woche entschieden.\n\nNeuer Absatz.\n\n"
	     "Seite 3 von 4\n\nLetzter Absatz.",
	     "Drucksache 20/1234\nBremische Bürgerschaft (Landtag)\n\nDie Verwaltung hat in der\n"
	     "vergangenen Woche entschieden.\n\nNeuer Absatz.\n\nLetzter Absatz.", 3);
	step("clean page furniture: a single header, dashes in text and numbers in text stay",
	     clean_page_furniture, NULL, NULL,
	     "Drucksache 20/1234\n\nDie Kosten – 2 Mio. Euro – trägt das Land.\n\n2\n\nText.",
	     "Drucksache 20/1234\n\nDie Kosten – 2 Mio. Euro – trägt das Land.\n\n2\n\nText.", 0);

	step("clean page furniture: a page break inside a sentence closes before a capital too",
	     clean_page_furniture, NULL, NULL,
	     "Es geht um die\n\n– 2 –\n\nFerienkurse im Sommer.\n\n2024\n\nEnde.",
	     "Es geht um die\nFerienkurse im Sommer.\n\n2024\n\nEnde.", 1);
	step("clean footnotes: numbers glued to words and after a full stop go (dictionary)",
	     NULL, clean_footnotes, &fake,
	     "Die Zahl der Migranten1 ist gestiegen und wird 2017 etwa 5 % betragen.2 Danach nicht.",
	     "Die Zahl der Migranten ist gestiegen und wird 2017 etwa 5 % betragen. Danach nicht.", 2);
	step("clean footnotes: footnote texts move to the end under 'Fußnoten:'",
	     NULL, clean_footnotes, &fake,
	     "Die Migranten1 kamen.\n\n1 Quelle: Landesamt.\n\nWir fragen den Senat:\n\n"
	     "2 Äpfel sind keine Fußnote.",
	     "Die Migranten kamen.\n\nWir fragen den Senat:\n\n2 Äpfel sind keine Fußnote.\n\n"
	     "Fußnoten:\n1 Quelle: Landesamt.", 2);
	step("clean footnotes: a numbered line inside a paragraph stays, a footnote's second line goes along",
	     NULL, clean_footnotes, &fake,
	     "Die Zahl ist gesunken.2 In den letzten\n3 Jahren stieg sie.\n\n2 Quelle: Bericht über die\n"
	     "Schulentwicklung 2023.\n\nEnde.",
	     "Die Zahl ist gesunken. In den letzten\n3 Jahren stieg sie.\n\nEnde.\n\nFußnoten:\n"
	     "2 Quelle: Bericht über die\nSchulentwicklung 2023.", 2);
	step("clean page furniture: numbers of a table copied cell by cell stay",
	     clean_page_furniture, NULL, NULL,
	     "Jahr\n\n2022\n412\n\n2023\n538\n\nEnde.",
	     "Jahr\n\n2022\n412\n\n2023\n538\n\nEnde.", 0);
	step("clean footnotes: CO2, Abs.2, 1.000 and unknown words stay",
	     NULL, clean_footnotes, &fake,
	     "CO2-Ausstoß nach § 3 Abs.2 über 1.000 Tonnen, Covid19 und Euro6.",
	     "CO2-Ausstoß nach § 3 Abs.2 über 1.000 Tonnen, Covid19 und Euro6.", 0);
	/* Without a dictionary "Covid19" would look like a footnote too: the
	 * dictionary is what tells them apart (make deps installs it). */
	step("clean footnotes: without a dictionary, plain lowercase words only",
	     NULL, clean_footnotes, NULL,
	     "Die Zahl der Migranten1 stieg, CO2 und H2O nicht.",
	     "Die Zahl der Migranten stieg, CO2 und H2O nicht.", 1);

	step("clean hyphenation: a word split at a line end is joined",
	     NULL, clean_hyphenation, &fake,
	     "Das Wasserkraft-\nwerk liegt in Bremen.",
	     "Das Wasserkraftwerk liegt in Bremen.", 1);
	step("clean hyphenation: hyphens the words need stay",
	     NULL, clean_hyphenation, &fake,
	     "Per E-\nMail über das BVN-\nMobil und die IT-\ngestützte Verwaltung.",
	     "Per E-Mail über das BVN-Mobil und die IT-gestützte Verwaltung.", 3);
	step("clean hyphenation: a number before the hyphen keeps it",
	     NULL, clean_hyphenation, &fake, "für 18-\njährige Auszubildende", "für 18-jährige Auszubildende", 1);
	step("clean hyphenation: 'E-' + 'mail' keeps its hyphen though 'Email' is a word",
	     NULL, clean_hyphenation, &fake, "per E-\nmail", "per E-mail", 1);
	step("clean hyphenation: a suspended hyphen stays, with its space",
	     NULL, clean_hyphenation, &fake,
	     "aus IT-Sicherheits-\nund Datenschutzgründen",
	     "aus IT-Sicherheits- und Datenschutzgründen", 1);
	step("clean hyphenation: 'ins- besondere' inside a line is joined",
	     NULL, clean_hyphenation, &fake,
	     "Das gilt ins- besondere für Vor- und Nachteile.",
	     "Das gilt insbesondere für Vor- und Nachteile.", 1);
	step("clean hyphenation: 'kurz- bis mittelfristig' keeps its suspended hyphen",
	     NULL, clean_hyphenation, &fake, "kurz- bis mittelfristig und klein-\nbis mittelständisch",
	     "kurz- bis mittelfristig und klein- bis mittelständisch", 1);
	step("clean hyphenation: a dash between words and a hyphen before a blank line stay",
	     NULL, clean_hyphenation, &fake,
	     "Bremen - wie bekannt - ist klein.\nLandes-, Bundes- oder EU-\n\nMittel.",
	     "Bremen - wie bekannt - ist klein.\nLandes-, Bundes- oder EU-\n\nMittel.", 0);

	step("clean join: hard-wrapped paragraphs become one line each",
	     join_lines, NULL, NULL,
	     "Der Senat hat sich in seiner Sitzung mit der Frage\n"
	     "befasst, wie die Verwaltung künftig mit der Nutzung\n"
	     "von Videokonferenzen umgehen soll, und dazu einen\n"
	     "Bericht angefordert.\n"
	     "Dieser Bericht liegt inzwischen vor und zeigt, dass\n"
	     "die Dienststellen die Technik bereits breit nutzen.\n"
	     "Wir fragen den Senat:\n"
	     "1. Wie viele Dienststellen nutzen Videokonferenzen\n"
	     "regelmäßig?\n"
	     "2. Welche Kosten entstehen?",
	     "Der Senat hat sich in seiner Sitzung mit der Frage befasst, wie die Verwaltung künftig "
	     "mit der Nutzung von Videokonferenzen umgehen soll, und dazu einen Bericht angefordert.\n\n"
	     "Dieser Bericht liegt inzwischen vor und zeigt, dass die Dienststellen die Technik "
	     "bereits breit nutzen.\n"
	     "Wir fragen den Senat:\n"
	     "1. Wie viele Dienststellen nutzen Videokonferenzen regelmäßig?\n"
	     "2. Welche Kosten entstehen?", 1);
	step("clean join: text that is not hard-wrapped stays",
	     join_lines, NULL, NULL,
	     "1. Wie viele Plätze gibt es?\nBitte nach Stadtteilen aufschlüsseln.\n2. Wann?\n\n"
	     "Zu Frage 1:\n\nEin langer Absatz, der in einer einzigen Zeile steht, wie antwort ihn schreibt.",
	     "1. Wie viele Plätze gibt es?\nBitte nach Stadtteilen aufschlüsseln.\n2. Wann?\n\n"
	     "Zu Frage 1:\n\nEin langer Absatz, der in einer einzigen Zeile steht, wie antwort ihn schreibt.",
	     0);
}
