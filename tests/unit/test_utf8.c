/* test_utf8.c: validation and the positions it reports. */
#include "harness.h"
#include "error.h"
#include "utf8.h"

/* utf8_validate() as it was before its ASCII fast path: one character at
 * a time, counting lines and columns as it goes. */
static int validate_slowly(const char *s, size_t n, size_t *line, size_t *col)
{
	size_t ln = 1, cl = 1;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t len;
		if (s[i] == '\0') {
			*line = ln;
			*col = cl;
			return AW_ENUL;
		}
		len = utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFD && len == 1) {
			*line = ln;
			*col = cl;
			return AW_EUTF8;
		}
		if (cp == '\n') {
			ln++;
			cl = 1;
		} else {
			cl++;
		}
		i += len;
	}
	return 0;
}

/* Faults (and valid endings) after ASCII runs of every length, behind
 * prefixes that put them at every alignment, with line breaks and
 * characters beyond ASCII before them: the fast path must report what
 * the slow one does. */
static void test_utf8_fast_path(void)
{
	static const char *const prefixes[] = {
		"", "a", "ä", "\n", "ab\n", "Grüße\nß", "x\ny\nz", "€", "😀\nä", "abcdefg",
	};
	static const char *const ends[] = {
		"\xff", "\0", "\xc3", "\xe2\x82", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"\x80", "ä\xff", "\n\xff", "ä", "€", "😀", "", "\nä\n",
	};
	static const size_t end_len[] = {1, 1, 1, 2, 2, 3, 4, 1, 3, 2, 2, 3, 4, 0, 4};
	char text[128];
	int same = 1, faults = 0;
	for (size_t p = 0; p < sizeof prefixes / sizeof *prefixes; p++) {
		for (size_t run = 0; run <= 40; run++) {
			for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
				size_t n = strlen(prefixes[p]);
				memcpy(text, prefixes[p], n);
				for (size_t k = 0; k < run; k++)
					text[n++] = k % 13 == 12 ? '\n' : (char)('a' + k % 26);
				memcpy(text + n, ends[e], end_len[e]);
				n += end_len[e];
				/* and some ASCII after it, which must not matter */
				memcpy(text + n, "tail text", 9);
				for (size_t tail = 0; tail <= 9; tail += 9) {
					size_t l1 = 0, c1 = 0, l2 = 0, c2 = 0;
					int r1 = utf8_validate(text, n + tail, &l1, &c1);
					int r2 = validate_slowly(text, n + tail, &l2, &c2);
					faults += r2 != 0;
					if (r1 != r2 || (r2 && (l1 != l2 || c1 != c2)))
						same = 0;
				}
			}
		}
	}
	CHECK(same && faults > 1000,
	      "utf8: the fast path reports every fault at the line and column the slow one does");
}

void test_utf8(void)
{
	test_utf8_fast_path();

	size_t line = 0, col = 0;
	const char ok[] = "Grüße – „Anführungszeichen“ … 😀\nß";
	CHECK(utf8_validate(ok, sizeof ok - 1, &line, &col) == 0, "utf8: German text and emoji are valid");

	const char bad[] = "Zeile eins\nGr\xfc\xdf" "e";
	CHECK(utf8_validate(bad, sizeof bad - 1, &line, &col) == AW_EUTF8 && line == 2 && col == 3,
	      "utf8: Latin-1 byte reported at line 2, column 3");

	const char after_umlaut[] = "äöü\xff";
	CHECK(utf8_validate(after_umlaut, sizeof after_umlaut - 1, &line, &col) == AW_EUTF8 &&
	      line == 1 && col == 4, "utf8: columns count characters, not bytes");

	const char nul[] = "ab\ncd\0ef";
	CHECK(utf8_validate(nul, sizeof nul - 1, &line, &col) == AW_ENUL && line == 2 && col == 3,
	      "utf8: NUL byte reported with its position");

	const char overlong[] = "\xc0\xaf";
	CHECK(utf8_validate(overlong, 2, &line, &col) == AW_EUTF8, "utf8: overlong encoding rejected");
	const char surrogate[] = "\xed\xa0\x80";
	CHECK(utf8_validate(surrogate, 3, &line, &col) == AW_EUTF8, "utf8: surrogate rejected");
	const char truncated[] = "ab\xe2\x80";
	CHECK(utf8_validate(truncated, 4, &line, &col) == AW_EUTF8 && col == 3,
	      "utf8: truncated sequence at end rejected");

	unsigned cp;
	CHECK(utf8_decode("\xe2\x80\x9e", 3, &cp) == 3 && cp == 0x201E, "utf8: decodes „");
}
