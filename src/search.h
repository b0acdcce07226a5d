/* search.h: the editor's search over the text of an inquiry, headless.
 *
 * What the user types is matched literally (no character is special) and
 * without regard to case, character by character in Unicode: "über" finds
 * "ÜBER", but "ae" does not find "ä" and "ß" does not find "SS". Offsets
 * are bytes into the caller's text and always lie on character
 * boundaries.
 *
 * The module owns one struct search per needle (the compiled PCRE2
 * pattern and its match block), made by search_new() and freed by
 * search_free(). The texts searched are borrowed and must be valid UTF-8;
 * they are not checked again (see LIBRARIES.md: checking on every call
 * made repeated searching quadratic). A struct search is reused by every
 * call on it, so it must not be used by two threads at once; the editor
 * has one. */
#ifndef ANTWORT_SEARCH_H
#define ANTWORT_SEARCH_H

#include "error.h"

#include <stddef.h>

struct search;

/* Compiles needle[0..n) (valid UTF-8) as literal, caseless text. An empty
 * needle is valid and matches nothing. Returns 0 with *out set, AW_ENOMEM,
 * or AW_EINTERNAL with pcre2's message in err->detail (*out is then
 * NULL). */
int search_new(const char *needle, size_t n, struct search **out, struct aw_error *err);
void search_free(struct search *s);

/* The first match starting at or after from in text[0..len): 1 with
 * *start and *end set (text[*start..*end)), 0 when there is none. No wrapping.
 * A from inside a character counts from the next character; a from past
 * len finds nothing. */
int search_next(const struct search *s, const char *text, size_t len, size_t from,
                size_t *start, size_t *end);

/* The last match starting before from (for "find previous"); it may end
 * after from. 1 with *start and *end set, 0 when there is none. A from past len
 * counts as len. The work done grows with the distance to the match, not
 * with the length of the text before it. */
int search_prev(const struct search *s, const char *text, size_t len, size_t from,
                size_t *start, size_t *end);

/* Number of non-overlapping matches in text[0..len), counted from the
 * start (for "3 Treffer" in the status line). */
size_t search_count(const struct search *s, const char *text, size_t len);

/* A match in the parts of an inquiry: texts[part][start..end). wrapped is
 * 1 when the search went past the end (backwards: the start) of the list
 * of parts to find it. */
struct search_hit {
	size_t part, start, end;
	int wrapped;
};

/* Searches the parts of an inquiry (preamble, answer 1, answer 2 …) as the
 * editor does: texts[i] holds lens[i] bytes for i < ntexts; a part without
 * text may be NULL with length 0.
 *
 * Forward (backward == 0): matches in part `part` starting at or after
 * from, then the following parts from their start, then, wrapping, the
 * parts from the first one, ending with the matches of part `part` that
 * start before from. Backward: matches in part `part` starting before
 * from, then the preceding parts from their end, then, wrapping, the parts
 * from the last one, ending with the matches of part `part` that start at
 * or after from. Every match is thus found once per round.
 *
 * Returns 1 with *hit set, 0 when there is no match anywhere (also for an
 * empty needle, and when part >= ntexts). */
int search_across(const struct search *s, const char *const *texts, const size_t *lens,
                  size_t ntexts, size_t part, size_t from, int backward,
                  struct search_hit *hit);

#endif
