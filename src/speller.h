/* speller.h: the German dictionary, through hunspell.
 *
 * A struct speller owns one hunspell handle and the iconv descriptors that
 * convert between UTF-8 (all of antwort) and the dictionary's own encoding
 * (Debian's frami dictionary is ISO-8859-1, de-de is UTF-8; the path is the
 * same, so the encoding is always asked, never assumed). */
#ifndef ANTWORT_SPELLER_H
#define ANTWORT_SPELLER_H

#include <stddef.h>

#include "error.h"
#include "strlist.h"

struct speller;

/* The system's German dictionary: /usr/share/hunspell/de_DE, or
 * $ANTWORT_DICT (a path without .aff/.dic) where set. */
const char *speller_default_path(void);

/* Opens the dictionary at base (base.aff and base.dic; NULL for the
 * default). 0, AW_ENODICT (the files are missing: hunspell itself would
 * silently accept nothing) or AW_ENOMEM. */
int speller_open(struct speller **out, const char *base, struct aw_error *err);

/* 1 when word[0..len) (UTF-8) is a correct German word, else 0. */
int speller_check(struct speller *sp, const char *word, size_t len);

/* The encoding the dictionary declares ("ISO8859-1" for frami, "UTF-8"
 * for de-de). */
const char *speller_encoding(const struct speller *sp);

/* Appends to out, as UTF-8, at most max of hunspell's suggestions for
 * word[0..len), best first. Slow (8–300 ms a word): call on demand only.
 * Returns how many were added, or AW_ENOMEM. */
int speller_suggest(struct speller *sp, const char *word, size_t len, struct strlist *out,
                    size_t max);

void speller_close(struct speller *sp);

/* The default dictionary, opened only when a word is first asked about:
 * most documents never need it, and loading costs a tenth of a second. */
struct speller_lazy {
	struct speller *sp;
	int state;          /* 0 not tried, 1 open, -1 missing */
};

/* A lexicon function (clean.h) over a struct speller_lazy: 1 known,
 * 0 unknown, -1 when the dictionary cannot be opened. */
int speller_lazy_known(void *lazy, const char *word, size_t len);
void speller_lazy_close(struct speller_lazy *lz);

#endif
