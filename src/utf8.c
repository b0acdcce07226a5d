/* utf8.c: strict UTF-8 validation (RFC 3629) with positions for people. */
#include "utf8.h"
#include "error.h"

#include <stdint.h>
#include <string.h>

size_t utf8_decode(const char *str, size_t n, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];
	size_t len;
	unsigned min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		len = 2; min = 0x80; c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3; min = 0x800; c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4; min = 0x10000; c &= 0x07;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (len > n) {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return len;
}

/* Do the eight bytes at s hold nothing but ASCII other than NUL? The
 * subtraction borrows into a byte's high bit exactly where a byte is 0, and
 * a byte of 0x80 or more has that bit already. */
static int plain_ascii8(const char *s)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t w;
	memcpy(&w, s, sizeof w);
	return ((w | (w - ones)) & highs) == 0;
}

/* The line and column (characters, both 1-based) of byte i of s, whose
 * bytes before i are valid UTF-8: the column counts the bytes that begin
 * a character since the last line break. */
static void position(const char *s, size_t i, size_t *line, size_t *col)
{
	size_t ln = 1, start = 0, cl = 1;
	for (const char *nl; (nl = memchr(s + start, '\n', i - start));) {
		ln++;
		start = (size_t)(nl - s) + 1;
	}
	for (size_t k = start; k < i; k++)
		cl += ((unsigned char)s[k] & 0xC0) != 0x80;
	*line = ln;
	*col = cl;
}

int utf8_validate(const char *s, size_t n, size_t *line, size_t *col)
{
	/* Most text is ASCII: it is passed over eight bytes at a time, and the
	 * position of a fault is worked out only once one is found. */
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t len;
		if (n - i >= 8 && plain_ascii8(s + i)) {
			i += 8;
			continue;
		}
		/* What stopped the test is at most eight bytes on: plain ASCII
		 * up to it, one byte at a time. */
		while (i < n && (unsigned char)s[i] >= 0x01 && (unsigned char)s[i] < 0x80)
			i++;
		if (i == n)
			break;
		if (s[i] == '\0') {
			position(s, i, line, col);
			return AW_ENUL;
		}
		/* Umlauts and ß, the common case beyond ASCII, without a call:
		 * a lead byte C2-DF and one continuation byte are always valid. */
		if ((unsigned char)s[i] >= 0xC2 && (unsigned char)s[i] <= 0xDF && i + 1 < n &&
		    ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		len = utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFD && len == 1) {
			position(s, i, line, col);
			return AW_EUTF8;
		}
		i += len;
	}
	return 0;
}

static int ascii_class(unsigned c)
{
	unsigned l = c | 0x20;
	if ((l >= 'a' && l <= 'z') || (c >= '0' && c <= '9'))
		return UTF8_WORD;
	if (c == ' ' || (c >= '\t' && c <= '\r'))
		return UTF8_SPACE;
	return UTF8_PUNCT;
}

/* Everything beyond ASCII counts as a letter except the punctuation,
 * symbols and spaces a German text meets (typographic quotes, dashes,
 * €, §, no-break and thin spaces), so that no table of letters is needed
 * and umlauts, ß or accents never split a word. */
int utf8_class(unsigned cp)
{
	if (cp < 0x80)
		return ascii_class(cp);
	if (cp < 0xA0)
		return UTF8_PUNCT;                 /* C1 controls */
	if (cp < 0x100) {
		switch (cp) {
		case 0xA0:
			return UTF8_SPACE;             /* no-break space */
		case 0xAA: case 0xAD: case 0xB2: case 0xB3: case 0xB5:
		case 0xB9: case 0xBA: case 0xBC: case 0xBD: case 0xBE:
			return UTF8_WORD;              /* ª soft hyphen ² ³ µ ¹ º ¼ ½ ¾ */
		case 0xD7: case 0xF7:
			return UTF8_PUNCT;             /* × ÷ */
		default:
			return cp < 0xC0 ? UTF8_PUNCT : UTF8_WORD; /* « » § ° … vs. À–ÿ */
		}
	}
	if (cp < 0x1680)
		return UTF8_WORD;
	if (cp == 0x1680 || cp == 0x180E)
		return UTF8_SPACE;
	if (cp < 0x2000)
		return UTF8_WORD;
	if (cp <= 0x200B)
		return UTF8_SPACE;                 /* en quad … hair space, zero width */
	if (cp == 0x200C || cp == 0x200D)
		return UTF8_WORD;                  /* joiners live inside words */
	if (cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F)
		return UTF8_SPACE;                 /* separators, narrow no-break space */
	if (cp < 0x2070)
		return UTF8_PUNCT;                 /* – — ‚ ‘ ’ „ “ ” … ‹ › ‰ */
	if (cp < 0x20A0)
		return UTF8_WORD;                  /* super- and subscripts: CO₂, m² */
	if (cp < 0x2150)
		return UTF8_PUNCT;                 /* € and other currency, ™ № ℃ */
	if (cp < 0x2190)
		return UTF8_WORD;                  /* number forms: ⅓ Ⅳ */
	if (cp < 0x2C00)
		return UTF8_PUNCT;                 /* arrows, maths, boxes, dingbats */
	if (cp < 0x2E00)
		return UTF8_WORD;
	if (cp < 0x2E80)
		return UTF8_PUNCT;                 /* supplemental punctuation */
	if (cp == 0x3000 || cp == 0xFEFF)
		return UTF8_SPACE;                 /* ideographic space, BOM */
	if ((cp >= 0x3001 && cp <= 0x3003) || (cp >= 0x3008 && cp <= 0x3011) ||
	    (cp >= 0x3014 && cp <= 0x301F) || (cp >= 0xFE10 && cp <= 0xFE1F) ||
	    (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
	    (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
	    (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0xFFF0 && cp <= 0xFFFF) ||
	    (cp >= 0x1F000 && cp <= 0x1FAFF))
		return UTF8_PUNCT;                 /* CJK and fullwidth punctuation, U+FFFD, emoji */
	return UTF8_WORD;
}

void utf8_trim_blanks(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}
