/* buf.h: a growable byte string, always NUL-terminated.
 *
 * The buffer owns s; buf_free() releases it, buf_take() hands it to the
 * caller. Every function that can grow the buffer returns 0 or AW_ENOMEM. */
#ifndef ANTWORT_BUF_H
#define ANTWORT_BUF_H

#include <stddef.h>

struct buf {
	char *s;
	size_t len, cap;
};

#define BUF_INIT {NULL, 0, 0}

/* Room for extra more bytes and the NUL, for callers that write into s
 * themselves (the editor's memmove of a splice). */
int buf_reserve(struct buf *b, size_t extra);
int buf_add(struct buf *b, const char *s, size_t n);
int buf_adds(struct buf *b, const char *s);
int buf_addc(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Returns the string (never NULL: "" for an empty buffer) and leaves b
 * empty; the caller frees it. NULL only when out of memory. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

#endif
