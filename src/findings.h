/* findings.h: the checker's findings (check.h) for the texts the editor
 * shows, remembered per paragraph: typing re-checks only the paragraph
 * being changed, and a paragraph seen before costs one hash lookup.
 * Plain C, no curses. */
#ifndef ANTWORT_FINDINGS_H
#define ANTWORT_FINDINGS_H

#include <stddef.h>

#include "check.h"

struct findings;

/* A cache over checker c (not owned). NULL when out of memory. */
struct findings *findings_new(struct checker *c);
void findings_free(struct findings *f);

/* The findings in text[0..len) (paragraphs separated by '\n'), offsets
 * into text, sorted; *out stays valid until the next call. 0 or
 * AW_ENOMEM. */
int findings_of(struct findings *f, const char *text, size_t len, const struct finding **out,
                size_t *n);

/* Forgets every paragraph: after a word was accepted or learnt. */
void findings_clear(struct findings *f);

#endif
