/* strlist.h: an ordered list of owned strings (the paragraphs of a
 * question, an answer or a preamble). The list owns every string. */
#ifndef ANTWORT_STRLIST_H
#define ANTWORT_STRLIST_H

#include <stddef.h>

struct strlist {
	char **v;
	size_t n, cap;
};

#define STRLIST_INIT {NULL, 0, 0}

/* Appends a copy of s[0..len). 0 or AW_ENOMEM. */
int strlist_addn(struct strlist *l, const char *s, size_t len);
int strlist_add(struct strlist *l, const char *s);
/* Appends s itself, taking ownership (freed on failure too). */
int strlist_push(struct strlist *l, char *s);
/* 1 when both hold the same strings in the same order. */
int strlist_equal(const struct strlist *a, const struct strlist *b);
void strlist_free(struct strlist *l);

#endif
