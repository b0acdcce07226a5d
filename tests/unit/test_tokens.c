/* test_tokens.c: the tokenizer over German administrative text. Each
 * case renders the tokens as "kind:text" and compares the whole line, so
 * a wrong boundary or kind shows as text. */
#include "harness.h"
#include "tokens.h"

#include <stdlib.h>

static const char *kind_name(enum tok_kind k)
{
	switch (k) {
	case TOK_WORD: return "W";
	case TOK_ABBREV: return "Ab";
	case TOK_NUMBER: return "N";
	case TOK_ACRONYM: return "Ac";
	case TOK_CODE: return "C";
	case TOK_URL: return "U";
	case TOK_EMAIL: return "E";
	case TOK_OTHER: return "O";
	}
	return "?";
}

static char out[4096];

static void add(const char *text, const struct token *t)
{
	size_t n = strlen(out);
	snprintf(out + n, sizeof out - n, "%s%s:%.*s", n ? " " : "", kind_name(t->kind),
	         (int)(t->end - t->start), text + t->start);
}

/* All tokens of s. */
static const char *toks(const char *s)
{
	struct token t;
	size_t pos = 0;
	out[0] = '\0';
	while (tokens_next(s, strlen(s), &pos, &t))
		add(s, &t);
	return out;
}

/* The parts of the first token of s. */
static const char *parts(const char *s)
{
	struct token t, p[8];
	size_t pos = 0;
	out[0] = '\0';
	if (!tokens_next(s, strlen(s), &pos, &t))
		return out;
	size_t n = tokens_parts(s, &t, p, 8);
	for (size_t i = 0; i < n && i < 8; i++)
		add(s, &p[i]);
	return out;
}

static const char *norm(const char *s)
{
	size_t n = tokens_normalize(s, strlen(s), out);
	out[n] = '\0';
	return out;
}

static void test_words(void)
{
	CHECK_STR(toks("Maßnahmen für Bürgerinnen, Ärzte und Öffentlichkeit"),
	          "W:Maßnahmen W:für W:Bürgerinnen O:, W:Ärzte W:und W:Öffentlichkeit",
	          "tokens: umlauts and ß stay inside words");
	CHECK_STR(toks("Die Bu\xCC\x88rgerschaft tagt"), "W:Die W:Bu\xCC\x88rgerschaft W:tagt",
	          "tokens: a decomposed umlaut stays inside its word");
	CHECK_STR(norm("Bu\xCC\x88rgerschaft A\xCC\x88rger o\xCC\x88" "ffentlich Cafe\xCC\x81"),
	          "Bürgerschaft Ärger öffentlich Café", "tokens: normalize composes accents");
	CHECK_STR(norm("geht\xE2\x80\x99s E\xE2\x80\x91Mail Verwal\xC2\xADtung"),
	          "geht's E-Mail Verwaltung",
	          "tokens: normalize: apostrophe, non-breaking hyphen, soft hyphen");
	CHECK_STR(toks("Videotelefonie\xC2\xA0in der\xE2\x80\xAFVerwaltung\tund\nmehr"),
	          "W:Videotelefonie W:in W:der W:Verwaltung W:und W:mehr",
	          "tokens: no-break, narrow and other white space separate words");
}

static void test_hyphens(void)
{
	CHECK_STR(toks("E-Mail an BVN-Mobil und die Bremerhaven-Mitte"),
	          "W:E-Mail W:an W:BVN-Mobil W:und W:die W:Bremerhaven-Mitte",
	          "tokens: hyphenated compounds are one word");
	CHECK_STR(parts("BVN-Mobil"), "Ac:BVN W:Mobil", "tokens: parts of BVN-Mobil");
	CHECK_STR(parts("E-Mail-Adresse"), "O:E W:Mail W:Adresse", "tokens: parts of E-Mail-Adresse");
	CHECK_STR(toks("IT-Sicherheits- und Datenschutzfragen"),
	          "W:IT-Sicherheits- W:und W:Datenschutzfragen",
	          "tokens: a suspended hyphen stays with its word");
	CHECK_STR(parts("IT-Sicherheits- und"), "Ac:IT W:Sicherheits-",
	          "tokens: the last part keeps the suspended hyphen");
	CHECK_STR(toks("Bundes-, Landes- und Kommunalebene; Ein-/Ausgang"),
	          "W:Bundes- O:, W:Landes- W:und W:Kommunalebene O:; W:Ein- O:/ W:Ausgang",
	          "tokens: suspended hyphens before comma and slash");
	CHECK_STR(toks("Plenar- und Ausschussdienst"), "W:Plenar- W:und W:Ausschussdienst",
	          "tokens: suspended hyphen of the example");
	CHECK_STR(toks("Text--Text - Text"), "W:Text O:- O:- W:Text O:- W:Text",
	          "tokens: a double hyphen or a spaced hyphen is a dash");
	CHECK_STR(toks("E\xE2\x80\x91Mail"), "W:E\xE2\x80\x91Mail",
	          "tokens: the non-breaking hyphen joins like '-'");
	CHECK_STR(toks("Park-and-ride-Plätze"), "W:Park-and-ride-Plätze",
	          "tokens: four parts, one word");
}

static void test_abbrevs(void)
{
	CHECK_STR(toks("z. B. und z.B. sowie ca. 3 Jahre"),
	          "Ab:z. Ab:B. W:und Ab:z.B. W:sowie Ab:ca. N:3 W:Jahre",
	          "tokens: z. B., z.B., ca. keep their dots");
	CHECK_STR(toks("bzw. Nr. 5, Abs. 3 usw., u. a., i. d. R., i.d.R."),
	          "Ab:bzw. Ab:Nr. N:5 O:, Ab:Abs. N:3 Ab:usw. O:, Ab:u. Ab:a. O:, Ab:i. Ab:d. "
	          "Ab:R. O:, Ab:i.d.R.",
	          "tokens: bzw., Nr., Abs., usw., u. a., i. d. R.");
	CHECK_STR(toks("Dr. Prof. S. 12 ff. vgl. Drs. 19/1234"),
	          "Ab:Dr. Ab:Prof. Ab:S. N:12 Ab:ff. Ab:vgl. Ab:Drs. N:19/1234",
	          "tokens: Dr., Prof., S., ff., vgl., Drs.");
	CHECK_STR(toks("Das ist gut. Diese Art."), "W:Das W:ist W:gut O:. W:Diese W:Art O:.",
	          "tokens: a word's full stop is punctuation");
	CHECK_STR(toks("Ende.Der Satz"), "W:Ende O:. W:Der W:Satz",
	          "tokens: a missing space after a full stop is no abbreviation");
}

static void test_numbers(void)
{
	CHECK_STR(toks("am 4.4.2017, 2017-04-04 und 4. April 2017."),
	          "W:am N:4.4.2017 O:, N:2017-04-04 W:und N:4. W:April N:2017 O:.",
	          "tokens: dates; a year before a full stop leaves it");
	CHECK_STR(toks("zum 3. und 21. Mal, am 4.4."), "W:zum N:3. W:und N:21. W:Mal O:, W:am N:4.4.",
	          "tokens: ordinals keep their dot");
	CHECK_STR(toks("kostet 1,90. Um 12:30. Drs. 21/12."),
	          "W:kostet N:1,90 O:. W:Um N:12:30 O:. Ab:Drs. N:21/12 O:.",
	          "tokens: amounts, times and numbers with a slash end before a full stop");
	CHECK_STR(toks("§ 12 Abs. 3, §§ 1 bis 3"),
	          "O:§ N:12 Ab:Abs. N:3 O:, O:§ O:§ N:1 W:bis N:3", "tokens: paragraphs");
	CHECK_STR(toks("1,90 Euro, 12 %, 1.000 € und 12:30 Uhr"),
	          "N:1,90 W:Euro O:, N:12 O:% O:, N:1.000 O:€ W:und N:12:30 W:Uhr",
	          "tokens: money, percentages, times");
	CHECK_STR(toks("B2B, L4, CO₂, m², 1990er und 3D"),
	          "C:B2B O:, C:L4 O:, C:CO₂ O:, C:m² O:, C:1990er W:und C:3D",
	          "tokens: letters with digits are codes");
	CHECK_STR(toks("H2-Busse und 20-jährige"), "W:H2-Busse W:und W:20-jährige",
	          "tokens: compounds with digits are words");
	CHECK_STR(parts("H2-Busse"), "C:H2 W:Busse", "tokens: parts of H2-Busse");
	CHECK_STR(parts("20-jährige"), "N:20 W:jährige", "tokens: parts of 20-jährige");
}

static void test_skipped(void)
{
	CHECK_STR(toks("Siehe https://www.bremen.de/senat?x=1. Oder www.transparenz.bremen.de, "
	               "bremen.de/service und (finanzen.bremen.de)."),
	          "W:Siehe U:https://www.bremen.de/senat?x=1 O:. W:Oder "
	          "U:www.transparenz.bremen.de O:, U:bremen.de/service W:und O:( "
	          "U:finanzen.bremen.de O:) O:.",
	          "tokens: URLs without the sentence's punctuation");
	CHECK_STR(toks("an poststelle@finanzen.bremen.de. E-Mail:max.muster@bremen.de"),
	          "W:an E:poststelle@finanzen.bremen.de O:. W:E-Mail O:: E:max.muster@bremen.de",
	          "tokens: e-mail addresses");
	CHECK_STR(toks("BSAG, SPD und IT; PCs, GmbH und ÖPNV-Angebot"),
	          "Ac:BSAG O:, Ac:SPD W:und Ac:IT O:; Ac:PCs O:, W:GmbH W:und W:ÖPNV-Angebot",
	          "tokens: acronyms");
	CHECK_STR(toks("„Videotelefonie“ \"Skype\" ‚Teams‘ (Bremen) [Anlage] «Zitat»"),
	          "O:„ W:Videotelefonie O:“ O:\" W:Skype O:\" O:‚ W:Teams O:‘ O:( W:Bremen O:) "
	          "O:[ W:Anlage O:] O:« W:Zitat O:»",
	          "tokens: quotes and brackets are not part of words");
	CHECK_STR(toks("Wie geht’s? Bremen's 'Zitat'"),
	          "W:Wie W:geht’s O:? W:Bremen's O:' W:Zitat O:'",
	          "tokens: an apostrophe between letters stays, quotes do not");
	CHECK_STR(toks("und/oder kostenfreien/kostengünstigen"),
	          "W:und O:/ W:oder W:kostenfreien O:/ W:kostengünstigen",
	          "tokens: a slash separates two words");
	CHECK_STR(toks("a) b) x"), "O:a O:) O:b O:) O:x", "tokens: single letters are not words");
}

/* Valid UTF-8 made of the pieces that matter (and, in odd rounds, any
 * bytes at all): tokens in order, never empty, and the walk ends; in
 * valid text every token starts and ends on a character boundary. */
static void test_robust(void)
{
	static const char *const pool[] = {
		"a", "Z", "9", ".", "-", "@", "/", ":", "'", " ", "\n", "ü", "u\xCC\x88", "„",
		"\xE2\x80\x91", "\xC2\xAD", "www.", "de", "§", "%",
	};
	char s[600];
	unsigned x = 12345;
	int ok = 1, bounds = 1;
	for (int round = 0; round < 200 && ok; round++) {
		size_t n = 0;
		while (n < 500) {
			x = x * 1103515245u + 12345u;
			if (round % 2) {
				s[n++] = (char)(x >> 16);
				continue;
			}
			const char *p = pool[(x >> 16) % (sizeof pool / sizeof *pool)];
			memcpy(s + n, p, strlen(p));
			n += strlen(p);
		}
		size_t pos = 0, prev = 0, count = 0;
		struct token t;
		while (ok && tokens_next(s, n, &pos, &t)) {
			ok = t.start >= prev && t.end > t.start && t.end <= n && pos == t.end &&
			     ++count <= n;
			if (round % 2 == 0 && (((unsigned char)s[t.start] & 0xC0) == 0x80 ||
			                       (t.end < n && ((unsigned char)s[t.end] & 0xC0) == 0x80)))
				bounds = 0;
			prev = t.end;
		}
	}
	CHECK(ok, "tokens: any bytes give ordered, non-empty tokens and the walk ends");
	CHECK(bounds, "tokens: in valid UTF-8 every token is on character boundaries");

	/* 200 KB without a space: every token looks ahead for an address,
	 * which must stay bounded. */
	size_t n = 200000;
	char *big = malloc(n);
	if (!big) {
		CHECK(0, "tokens: memory for the long run");
		return;
	}
	for (size_t i = 0; i < n; i++)
		big[i] = i % 2 ? '.' : 'a';
	size_t pos = 0, count = 0;
	struct token t;
	while (tokens_next(big, n, &pos, &t))
		count++;
	CHECK(count > 1000 && pos == n, "tokens: a long run without spaces is walked to its end");
	free(big);
}

static void test_case(void)
{
	CHECK(tokens_is_upper('A') && tokens_is_upper(0xC4) && tokens_is_upper(0x1E9E) &&
	      !tokens_is_upper(0xDF) && !tokens_is_upper(0xD7) && tokens_is_lower(0xFC) &&
	      tokens_is_lower(0xDF) && !tokens_is_lower('1'),
	      "tokens: upper and lower case letters");
	CHECK(tokens_to_lower('B') == 'b' && tokens_to_lower(0xDC) == 0xFC &&
	      tokens_to_lower(0x1E9E) == 0xDF && tokens_to_lower(0x141) == 0x142 &&
	      tokens_to_lower(0x178) == 0xFF && tokens_to_lower('x') == 'x',
	      "tokens: to lower case");
}

void test_tokens(void)
{
	test_words();
	test_hyphens();
	test_abbrevs();
	test_numbers();
	test_skipped();
	test_robust();
	test_case();
}
