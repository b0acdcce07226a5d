/* buf.c: growable strings. */
#include "buf.h"
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int buf_reserve(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1) {
		if (cap > ((size_t)-1) / 2)
			return AW_ENOMEM;
		cap *= 2;
	}
	char *s = realloc(b->s, cap);
	if (!s)
		return AW_ENOMEM;
	b->s = s;
	b->cap = cap;
	return 0;
}

int buf_add(struct buf *b, const char *s, size_t n)
{
	if (buf_reserve(b, n))
		return AW_ENOMEM;
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

int buf_adds(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

/* The reader's cleaning adds text a character at a time: the common case
 * with room left stays out of buf_add()'s general path. */
int buf_addc(struct buf *b, char c)
{
	if (b->len + 2 > b->cap && buf_reserve(b, 1))
		return AW_ENOMEM;
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
	return 0;
}

int buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || buf_reserve(b, (size_t)n))
		return AW_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

char *buf_take(struct buf *b)
{
	if (!b->s) {
		if (buf_reserve(b, 0))
			return NULL;
		b->s[0] = '\0';
	}
	char *s = b->s;
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}
