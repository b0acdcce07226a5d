/* utf8.c: strict UTF-8 validation (RFC 3629) with positions for people. */
#include "utf8.h"
#include "error.h"

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

int utf8_validate(const char *s, size_t n, size_t *line, size_t *col)
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
