/* worddiff.h: word-by-word differences between two texts, for reviewers.
 *
 * Texts are cut into tokens: a word (a run of letters and digits, umlauts,
 * ß and any other non-ASCII letter included), one punctuation character
 * or typographic quote („ “ – … each) and a run of white space. So
 * „Videotelefonie“ changing to „Videokonferenzen“ is one changed word
 * between unchanged quotes, and "E-Mail" is "E", "-", "Mail". The token
 * sequences are compared with libgit2's buffer diff (xdiff), one token per
 * line, rather than with an LCS of our own: it is the same tested
 * machinery git uses and fast on long texts.
 *
 * The result is a list of spans over the two texts; renderers print them
 * as git's --word-diff=plain does ("[-alt-]{+neu+}") or in colour. */
#ifndef ANTWORT_WORDDIFF_H
#define ANTWORT_WORDDIFF_H

#include <stddef.h>

#include "buf.h"

enum wd_op { WD_SAME, WD_DEL, WD_ADD };

struct wd_span {
	enum wd_op op;
	size_t off, len;    /* into the old text (WD_SAME, WD_DEL) or the new one (WD_ADD) */
};

struct worddiff {
	struct wd_span *v;
	size_t n, cap;
	size_t words_del, words_add; /* words (not spaces or punctuation) */
};

#define WORDDIFF_INIT {NULL, 0, 0, 0, 0}

/* Compares a[0..alen) with b[0..blen) (valid UTF-8). Changes separated
 * only by white space are joined into one, as a reader sees them. 0,
 * AW_ENOMEM or AW_EINTERNAL (libgit2 failed). */
int worddiff_compute(const char *a, size_t alen, const char *b, size_t blen,
                     struct worddiff *out);
void worddiff_free(struct worddiff *d);

enum wd_style {
	WD_PLAIN,   /* [-alt-]{+neu+} */
	WD_COLOUR,  /* ANSI red and green, as git colours a word diff */
};

/* Appends the lines of the diff to out. With changed_only, only the
 * paragraphs (text between blank lines) that contain a change are
 * printed, separated by a line "…" where unchanged ones were left out.
 * 0 or AW_ENOMEM. */
int worddiff_render(const struct worddiff *d, const char *a, const char *b,
                    enum wd_style style, int changed_only, struct buf *out);

#endif
