/* tokens.h: German administrative text cut into the units a spelling
 * check looks at.
 *
 * tokens_next() walks UTF-8 text and says for each unit what it is: a
 * word to check, an abbreviation with its dot, a number, an acronym, an
 * address, or anything else (punctuation, symbols, single letters). White
 * space yields no token. Offsets are byte offsets into the text and always
 * fall on character boundaries; nothing here allocates, and invalid UTF-8
 * is read byte by byte as punctuation, so any input is safe.
 *
 * What stays together, and why:
 * - A hyphenated compound is one WORD ("E-Mail", "BVN-Mobil", "H2-Busse");
 *   tokens_parts() gives its parts for checking one by one. A suspended
 *   hyphen stays with its word ("IT-Sicherheits- und …" gives
 *   "IT-Sicherheits-"), since the dictionary knows "Sicherheits-" but not
 *   "Sicherheits".
 * - The dot of an abbreviation belongs to it ("z.B.", "ca.", "Nr.", and
 *   every single letter: "z." and "B." in "z. B."); the dictionaries know
 *   these forms only with the dot. A word outside the built-in list of
 *   abbreviations ends before its dot, which then is punctuation.
 * - An apostrophe between letters stays inside the word ("geht’s").
 * - Decomposed umlauts (u + U+0308) stay inside the word; tokens_normalize()
 *   gives the composed form to look up.
 * - Quotes, brackets and slashes are never part of a word ("und/oder" is
 *   two words). */
#ifndef ANTWORT_TOKENS_H
#define ANTWORT_TOKENS_H

#include <stddef.h>

enum tok_kind {
	TOK_WORD = 1,   /* letters, to check; may be a hyphenated compound */
	TOK_ABBREV,     /* letters with their final dot: check with the dot */
	TOK_NUMBER,     /* 12, 1.000, 1,90, 4.4.2017, 2017-04-04, 19/1234,
	                 * an ordinal with its dot (3., 21.) */
	TOK_ACRONYM,    /* two or more capitals, a plural s allowed: SPD, IT, PCs */
	TOK_CODE,       /* letters and digits mixed: B2B, L4, CO2, 1990er */
	TOK_URL,        /* https://…, www.…, bremen.de/… */
	TOK_EMAIL,      /* name@example.de */
	TOK_OTHER       /* one punctuation character or symbol (§ % € „),
	                 * a single letter ("a)") */
};

struct token {
	size_t start, end;      /* text[start..end) */
	enum tok_kind kind;
};

/* The next token of text[0..len) at or after *pos. Returns 1 and fills
 * *out, moving *pos to its end, or 0 when only white space is left. */
int tokens_next(const char *text, size_t len, size_t *pos, struct token *out);

/* The parts of a token for lookup: for a hyphenated WORD, each part
 * between hyphens with its own kind (WORD, ACRONYM, NUMBER, CODE, or OTHER
 * for a single letter as in "E-Mail"). A part's range leaves out the
 * hyphen that joins it to the next; a suspended final hyphen stays in
 * the last part ("Sicherheits-"). Any other token is its own single part.
 * Fills at most max parts and returns how many there are. */
size_t tokens_parts(const char *text, const struct token *t, struct token *parts,
                    size_t max);

/* The form of w[0..n) to look up in a dictionary or a word list: combining
 * accents composed with their letter ("u" U+0308 -> "ü"), the typographic
 * apostrophe as "'", hyphen characters U+2010/U+2011 as "-", soft hyphens
 * and zero-width characters dropped. Writes it to out (not terminated)
 * and returns its length, which is never more than n; out needs n bytes. */
size_t tokens_normalize(const char *w, size_t n, char *out);

/* 1 when the character is an upper-case or a lower-case letter (Latin,
 * Greek, Cyrillic; enough for the words of German text). */
int tokens_is_upper(unsigned cp);
int tokens_is_lower(unsigned cp);
/* The lower-case letter of cp (the same tables), else cp itself. */
unsigned tokens_to_lower(unsigned cp);

#endif
