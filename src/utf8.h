/* utf8.h: UTF-8 validation and decoding. Borrowed strings only; nothing
 * here allocates. */
#ifndef ANTWORT_UTF8_H
#define ANTWORT_UTF8_H

#include <stddef.h>

/* Checks that s[0..n) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF) without NUL bytes. Returns 0, AW_EUTF8 or AW_ENUL
 * and sets *line and *col (1-based; col counts characters) of the first
 * offending byte. */
int utf8_validate(const char *s, size_t n, size_t *line, size_t *col);

/* Decodes one character of valid UTF-8 at s, stores it in *cp and returns
 * its length in bytes (1 for an invalid byte, stored as U+FFFD). */
size_t utf8_decode(const char *s, size_t n, unsigned *cp);

/* How a character counts in German text, for the word diff, word counts
 * and the editor's word moves alike: letters and digits (everything
 * beyond ASCII except the punctuation, symbols and spaces a German text
 * meets: typographic quotes, dashes, €, §, no-break and thin spaces),
 * white space, and punctuation. */
enum { UTF8_WORD = 1, UTF8_SPACE, UTF8_PUNCT };
int utf8_class(unsigned cp);

/* Narrows s[0..*n) to leave out the blanks (spaces and tabs) around it:
 * header values, list lines and the like. */
void utf8_trim_blanks(const char **s, size_t *n);

#endif
