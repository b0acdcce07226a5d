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

void speller_close(struct speller *sp);

#endif
