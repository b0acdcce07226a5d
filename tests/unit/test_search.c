/* test_search.c: literal caseless search, next/previous, counting, and the
 * search across the parts of an inquiry with wrapping. Every check looks at
 * the offsets and at the text they cut out. */
#include "harness.h"
#include "search.h"

#include <stdlib.h>

/* "start-end[matched text]" for a match, "-" for none. */
static void show(const char *text, int found, size_t start, size_t end, char *out, size_t size)
{
	if (found)
		snprintf(out, size, "%zu-%zu[%.*s]", start, end, (int)(end - start), text + start);
	else
		snprintf(out, size, "-");
}

static struct search *make(const char *needle)
{
	struct search *s = NULL;
	struct aw_error err = {0};
	if (search_new(needle, strlen(needle), &s, &err) != 0)
		return NULL;
	return s;
}

/* search_next (prev when backward) of needle in text from from, shown. */
static void find(const char *needle, const char *text, size_t from, int backward,
                 const char *want, const char *name)
{
	char got[256] = "(kein Suchmuster)";
	struct search *s = make(needle);
	if (s) {
		size_t st = 0, en = 0;
		int f = backward ? search_prev(s, text, strlen(text), from, &st, &en)
		                 : search_next(s, text, strlen(text), from, &st, &en);
		show(text, f, st, en, got, sizeof got);
	}
	CHECK_STR(got, want, name);
	search_free(s);
}

static void count(const char *needle, const char *text, size_t want, const char *name)
{
	struct search *s = make(needle);
	CHECK(s && search_count(s, text, strlen(text)) == want, name);
	search_free(s);
}

static void test_literal(void)
{
	find("z. B.", "Das gilt z. B. für Schulen.", 0, 0, "9-14[z. B.]", "search: »z. B.« literally");
	find("z. B.", "Das gilt zxBy für Schulen.", 0, 0, "-", "search: the dots of »z. B.« are no wildcards");
	find("(1)", "nach Absatz (1) und (2)", 0, 0, "12-15[(1)]", "search: »(1)« literally");
	find("(1)", "nach Absatz 1 und 2", 0, 0, "-", "search: »(1)« is no group");
	find("a.b", "axb a.b", 0, 0, "4-7[a.b]", "search: »a.b« skips »axb«");
	find("a.b", "axb", 0, 0, "-", "search: »a.b« does not match »axb«");
	find("^$*+?[]{}|\\", "x ^$*+?[]{}|\\ y", 0, 0, "2-13[^$*+?[]{}|\\]",
	     "search: regex metacharacters are plain text");
	find("\\Q.*", "a.* \\Q.*", 0, 0, "4-8[\\Q.*]", "search: »\\Q« is plain text too");
	find("€ 5.000,00", "Kosten: 5.000,00 €, also € 5.000,00.", 0, 0, "27-39[€ 5.000,00]",
	     "search: amounts with € and dots");
}

static void test_case(void)
{
	find("ÄNDERUNG", "Die Änderung gilt.", 0, 0, "4-13[Änderung]", "search: »ÄNDERUNG« finds »Änderung«");
	find("über", "SIEHE ÜBER UNS", 0, 0, "6-11[ÜBER]", "search: »über« finds »ÜBER«");
	find("öffentliche", "ÖFFENTLICHE Mittel", 0, 0, "0-12[ÖFFENTLICHE]", "search: »ö« finds »Ö«");
	find("ae", "Die Änderung lässt sich", 0, 0, "-", "search: »ae« does not find »ä«");
	find("ä", "Maerz und März", 0, 0, "11-13[ä]", "search: »ä« does not find »ae«");
	find("u", "Über", 0, 0, "-", "search: »u« does not find »Ü«");
	find("straße", "IN DER STRASSE", 0, 0, "-", "search: »straße« does not find »STRASSE«");
	find("straße", "IN DER STRAẞE", 0, 0, "7-15[STRAẞE]", "search: »straße« finds the capital »ẞ«");
	find("Senat", "der senat, DER SENAT", 4, 0, "4-9[senat]", "search: ASCII caseless");
}

static void test_typography(void)
{
	const char *t = "Der Senat antwortet: „Nein“ – und zwar … endgültig.";
	find("„Nein“", t, 0, 0, "21-31[„Nein“]", "search: typographic quotes");
	find("nein", t, 0, 0, "24-28[Nein]", "search: a word inside typographic quotes");
	find("–", t, 0, 0, "32-35[–]", "search: the en dash");
	find("-", t, 0, 0, "-", "search: a hyphen does not find the en dash");
	find("…", t, 0, 0, "45-48[…]", "search: the ellipsis");
	find("...", t, 0, 0, "-", "search: three dots do not find the ellipsis");
	find("\"Nein\"", t, 0, 0, "-", "search: straight quotes do not find typographic ones");
}

static void test_boundaries(void)
{
	/* "ÄÄÄ": characters at 0, 2, 4. */
	find("ä", "ÄÄÄ", 1, 0, "2-4[Ä]", "search: next from inside a character starts at the next one");
	find("ä", "ÄÄÄ", 3, 1, "2-4[Ä]", "search: prev from inside a character takes the one begun");
	find("ä", "ÄÄÄ", 2, 1, "0-2[Ä]", "search: prev finds matches starting before from only");
	/* "a" at 0, "ü" at 1 and 3, "b" at 5: the match starts before from and
	 * ends after it. */
	find("üü", "aüüb", 2, 1, "1-5[üü]", "search: prev finds a match that spans from");
	find("üb", "aüüb", 0, 0, "3-6[üb]", "search: match ends after a multi-byte character");
	find("ü", "aüüb", 6, 0, "-", "search: next from past the end finds nothing");
	find("b", "aüüb", 99, 1, "5-6[b]", "search: prev from past the end counts from the end");

	/* A window of search_prev starting inside a character: from sits in
	 * the middle of the last "ü", the match lies two windows back. */
	size_t n = 3000;
	char *t = malloc(4 * n + 5);
	char got[64] = "(kein Speicher)";
	struct search *s = make("ZIEL");
	if (t && s) {
		size_t o = 0;
		for (size_t i = 0; i < n; i++)
			o += (size_t)sprintf(t + o, "ü");
		o += (size_t)sprintf(t + o, "Ziel");
		for (size_t i = 0; i < n; i++)
			o += (size_t)sprintf(t + o, "ü");
		size_t st = 0, en = 0;
		int f = search_prev(s, t, o, o - 1, &st, &en);
		show(t, f, st, en, got, sizeof got);
	}
	CHECK_STR(got, "6000-6004[Ziel]", "search: prev across windows that start inside characters");
	search_free(s);
	free(t);
}

static void test_empty_and_errors(void)
{
	struct search *s = NULL;
	struct aw_error err = {0};
	size_t st = 7, en = 7;
	CHECK(search_new("", 0, &s, &err) == 0 && s, "search: an empty needle is valid");
	if (s) {
		const char *parts[] = {"abc", ""};
		size_t lens[] = {3, 0};
		struct search_hit hit;
		CHECK(!search_next(s, "abc", 3, 0, &st, &en) && !search_prev(s, "abc", 3, 3, &st, &en) &&
		      st == 7 && en == 7, "search: an empty needle finds nothing");
		CHECK(search_count(s, "abc", 3) == 0, "search: an empty needle counts nothing");
		CHECK(!search_across(s, parts, lens, 2, 0, 0, 0, &hit) &&
		      !search_across(s, parts, lens, 2, 1, 0, 1, &hit),
		      "search: an empty needle finds nothing across parts");
	}
	search_free(s);
	search_free(NULL);

	/* Half an "ä": the needle is not UTF-8, PCRE2 says why. */
	s = (struct search *)&err;
	int rc = search_new("\xC3", 1, &s, &err);
	CHECK(rc == AW_EINTERNAL && s == NULL, "search: an invalid needle is refused");
	CHECK(strstr(err.detail, "UTF-8") != NULL, "search: pcre2's message in the detail");
	CHECK_STR(err.file, "search.c", "search: the error names the module");

	s = make("x");
	CHECK(s && !search_next(s, NULL, 0, 0, &st, &en) && !search_prev(s, NULL, 0, 0, &st, &en) &&
	      search_count(s, NULL, 0) == 0, "search: an empty text (NULL, 0) has no match");
	search_free(s);
}

static void test_edges(void)
{
	const char *t = "Frage an FRAGE";
	find("frage", t, 0, 0, "0-5[Frage]", "search: next at the very start");
	find("frage", t, 1, 0, "9-14[FRAGE]", "search: next from just after a match start");
	find("frage", t, 9, 0, "9-14[FRAGE]", "search: next from exactly a match start");
	find("frage", t, 10, 0, "-", "search: next after the last match start");
	find("frage", t, 14, 0, "-", "search: next from the end");
	find("frage", t, 14, 1, "9-14[FRAGE]", "search: prev from the end finds the last match");
	find("frage", t, 9, 1, "0-5[Frage]", "search: prev from a match start finds the one before");
	find("frage", t, 1, 1, "0-5[Frage]", "search: prev from just after the first start");
	find("frage", t, 0, 1, "-", "search: prev from the start finds nothing");
	find("aa", "aaaa", 4, 1, "2-4[aa]", "search: prev finds the overlapping last match");
	find("aa", "aaaa", 1, 0, "1-3[aa]", "search: next finds an overlapping match");
}

static void test_count(void)
{
	count("frage", "Frage 1, frage 2, FRAGE 3", 3, "search: count in three cases");
	count("aa", "aaaaa", 2, "search: count is non-overlapping");
	count("ä", "ÄäÄä", 4, "search: count of umlauts");
	count("x", "ÄäÄä", 0, "search: count without a match");
	count("Änderung", "Änderung", 1, "search: count of the whole text");
}

/* "part:start-end[text]" plus " umgebrochen" when wrapped, or "-". */
static void across(const struct search *s, const char *const *texts, const size_t *lens,
                   size_t n, size_t part, size_t from, int backward, char *out, size_t size)
{
	struct search_hit hit = {99, 99, 99, 99};
	if (!search_across(s, texts, lens, n, part, from, backward, &hit)) {
		snprintf(out, size, "-");
		return;
	}
	snprintf(out, size, "%zu:%zu-%zu[%.*s]%s", hit.part, hit.start, hit.end,
	         (int)(hit.end - hit.start), texts[hit.part] + hit.start,
	         hit.wrapped ? " umgebrochen" : "");
}

/* Steps through the hits as the editor's "weitersuchen" does (from the end
 * of a hit forward, from its start backward) and lists them. */
static void walk(const char *needle, const char *const *texts, size_t n, size_t part,
                 size_t from, int backward, int steps, const char *want, const char *name)
{
	size_t lens[8];
	char got[1024] = "", one[128];
	size_t o = 0;
	for (size_t i = 0; i < n; i++)
		lens[i] = texts[i] ? strlen(texts[i]) : 0;
	struct search *s = make(needle);
	for (int k = 0; s && k < steps; k++) {
		struct search_hit hit;
		across(s, texts, lens, n, part, from, backward, one, sizeof one);
		o += (size_t)snprintf(got + o, sizeof got - o, "%s%s", k ? " | " : "", one);
		if (!search_across(s, texts, lens, n, part, from, backward, &hit))
			break;
		part = hit.part;
		from = backward ? hit.start : hit.end;
	}
	CHECK_STR(got, want, name);
	search_free(s);
}

static void test_across(void)
{
	/* Preamble, answer 1, an answer with no text yet (NULL), an empty
	 * one, answer 4. */
	const char *parts[] = {
		"Der Senat beantwortet die Anfrage wie folgt:",
		"Zu Frage 1: Der Senat prüft das. Der SENAT hält es für richtig.",
		NULL,
		"",
		"Nein, sagt der senat.",
	};
	walk("senat", parts, 5, 1, 0, 0, 5,
	     "1:16-21[Senat] | 1:38-43[SENAT] | 4:15-20[senat] | 0:4-9[Senat] umgebrochen | 1:16-21[Senat]",
	     "search: across forward, wrapping to the preamble");
	walk("senat", parts, 5, 1, 20, 1, 5,
	     "1:16-21[Senat] | 0:4-9[Senat] | 4:15-20[senat] umgebrochen | 1:38-43[SENAT]"
	     " | 1:16-21[Senat]",
	     "search: across backward, wrapping to the last answer");
	walk("senat", parts, 5, 2, 0, 0, 2, "4:15-20[senat] | 0:4-9[Senat] umgebrochen",
	     "search: across from a part with no text");
	walk("senat", parts, 5, 3, 0, 1, 2, "1:38-43[SENAT] | 1:16-21[Senat]",
	     "search: across backward from an empty part");
	walk("frage 1", parts, 5, 4, 5, 0, 2, "1:3-10[Frage 1] umgebrochen | 1:3-10[Frage 1] umgebrochen",
	     "search: across forward to the only match, wrapping each time");
	walk("Bürgerschaft", parts, 5, 1, 0, 0, 1, "-", "search: across without any match");
	walk("senat", parts, 5, 5, 0, 0, 1, "-", "search: across from a part that does not exist");

	const char *one[] = {"Senat sagt nein"};
	walk("senat", one, 1, 0, 3, 0, 2, "0:0-5[Senat] umgebrochen | 0:0-5[Senat] umgebrochen",
	     "search: one part matching only before the start wraps to itself");
	walk("senat", one, 1, 0, 0, 0, 2, "0:0-5[Senat] | 0:0-5[Senat] umgebrochen",
	     "search: one part, match at the start point, then round again");
	const char *two[] = {"nein, Senat"};
	walk("SENAT", two, 1, 0, 2, 1, 1, "0:6-11[Senat] umgebrochen",
	     "search: one part backward matching only after the start wraps to itself");
	walk("SENAT", two, 1, 0, 6, 1, 1, "0:6-11[Senat] umgebrochen",
	     "search: backward, a match starting at from comes last in the round");
	walk("ü", (const char *[]){"üx", "aü"}, 2, 0, 1, 0, 3,
	     "1:1-3[ü] | 0:0-2[ü] umgebrochen | 1:1-3[ü]",
	     "search: across forward from inside a character");
}

/* A text of about 1 MB with one word only at its end and one only at its
 * start. Counting its 19,066 matches of "PRÜFT" without PCRE2_NO_UTF_CHECK
 * re-checks the rest of the text on every call: 5 s measured, against
 * well under a millisecond with JIT. No time is asserted; the checks look
 * at the results, and a slow suite shows the rest. */
static void test_large(void)
{
	static const char unit[] = "Die Behörde prüft die Maßnahme – „zügig“ … ";
	size_t ulen = sizeof unit - 1, reps = (1u << 20) / ulen + 1;
	const char *head = "Vorbemerkung ", *tail = "Schlussbemerkung";
	size_t hlen = strlen(head), tlen = strlen(tail);
	size_t len = hlen + reps * ulen + tlen;
	char *t = malloc(len);
	struct search *s = make("SCHLUSSBEMERKUNG"), *p = make("PRÜFT"), *v = make("vorbemerkung");
	size_t st = 0, en = 0;
	int ok = t && s && p && v;
	if (ok) {
		memcpy(t, head, hlen);
		for (size_t i = 0; i < reps; i++)
			memcpy(t + hlen + i * ulen, unit, ulen);
		memcpy(t + hlen + reps * ulen, tail, tlen);
	}
	CHECK(ok && len > 1000000 && search_next(s, t, len, 0, &st, &en) && st == len - tlen &&
	      en == len && !memcmp(t + st, "Schlussbemerkung", 16),
	      "search: 1 MB, the match at the end is found");
	CHECK(ok && search_count(p, t, len) == reps, "search: 1 MB, every match counted");
	CHECK(ok && search_prev(v, t, len, len, &st, &en) && st == 0 && en == hlen - 1,
	      "search: 1 MB, prev from the end finds the match at the start");
	CHECK(ok && search_prev(s, t, len, len, &st, &en) && st == len - tlen,
	      "search: 1 MB, prev from the end finds the match ending there");
	if (ok) {
		const char *texts[] = {"Vorwort", t, "Schluss"};
		size_t lens[] = {7, len, 7};
		struct search_hit hit = {0, 0, 0, 0};
		CHECK(search_across(s, texts, lens, 3, 2, 0, 0, &hit) && hit.part == 1 &&
		      hit.start == len - tlen && hit.wrapped == 1,
		      "search: 1 MB, across forward wraps into the large part");
		CHECK(search_across(v, texts, lens, 3, 1, len, 1, &hit) && hit.part == 1 &&
		      hit.start == 0 && hit.wrapped == 0,
		      "search: 1 MB, across backward finds the start of the large part");
	}
	search_free(s);
	search_free(p);
	search_free(v);
	free(t);
}

void test_search(void)
{
	test_literal();
	test_case();
	test_typography();
	test_boundaries();
	test_empty_and_errors();
	test_edges();
	test_count();
	test_across();
	test_large();
}
