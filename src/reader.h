/* reader.h: text to model. Reads a full Vorlage in the canonical layout or
 * an inquiry alone (typed or pasted cleanly) into a struct inquiry.
 *
 * The reader recognises parts with PCRE2 patterns, one table of them; a
 * block it does not understand is kept verbatim where it stood. Its doubts
 * about the split go into q->hints. */
#ifndef ANTWORT_READER_H
#define ANTWORT_READER_H

#include <stddef.h>

#include "clean.h"
#include "error.h"
#include "inquiry.h"

/* Reads text[0..len) (UTF-8, optional BOM, LF or CRLF) into q; name is
 * the file name used in messages. The text is cleaned first (clean.h),
 * asking lex (may be NULL) where a rule alone cannot decide; what was
 * cleaned is listed in q->cleaned. On
 * success q is complete (inquiry_complete()) and owned by the caller. On
 * error q is left empty and err says where: AW_EUTF8 / AW_ENUL with line
 * and column, AW_EEMPTY, AW_ENOMEM, AW_EINTERNAL. */
int reader_read(const char *text, size_t len, const char *name,
                const struct lexicon *lex, struct inquiry *q, struct aw_error *err);

/* The same for a file that may hold several inquiries ("Anfrage 1: …",
 * "Anfrage 2: …", as a Fragestunde collection does): *out is a new array
 * of *count complete inquiries, each to be freed with inquiry_free() and
 * the array with free(). reader_read() is this for exactly one, and
 * refuses a collection with AW_EMANY. */
int reader_read_all(const char *text, size_t len, const char *name,
                    const struct lexicon *lex, struct inquiry **out, size_t *count,
                    struct aw_error *err);

/* One text for reader_read_pair(). */
struct reader_input {
	const char *text;
	size_t len;
	const char *name;
};

/* reader_read() of two texts at once, in[0] on a second thread while
 * this one reads in[1] (without a thread, one after the other): a diff or
 * a save needs two versions of an inquiry that may be 500 KB, and the two
 * reads share nothing. On success out[0] and out[1] are complete; on
 * failure both are empty and err is the first failing text's error. */
int reader_read_pair(const struct reader_input in[2], struct inquiry out[2],
                     struct aw_error *err);

#endif
