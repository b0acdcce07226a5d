/* summary.h: the structure of an inquiry as a person reads it at a glance
 * (`antwort parse`): kind, number, title, askers, each question with its
 * first words, each answer slot with the questions it covers. */
#ifndef ANTWORT_SUMMARY_H
#define ANTWORT_SUMMARY_H

#include "buf.h"
#include "inquiry.h"

/* Appends the summary (German, UTF-8, one item a line) to out; with
 * explain, every change the cleaning made is listed too, else only how
 * many there were. 0 or AW_ENOMEM. */
int summary_write(const struct inquiry *q, int explain, struct buf *out);

/* Appends the first n words of s (words split at spaces and line breaks),
 * followed by " …" when s has more. 0 or AW_ENOMEM. */
int summary_first_words(struct buf *out, const char *s, size_t n);

#endif
