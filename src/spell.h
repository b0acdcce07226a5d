/* spell.h: the spelling check of answers, in layers.
 *
 * A word is right when a word list has it or the system's German
 * dictionary (speller.h) does. The word lists, one word form a line in
 * UTF-8 with "#" comments, are added in any order and simply pooled:
 *   - the project's list, share/antwort/dict/woerter.txt (dict/ in the
 *     source tree): Bremen's administration and parliament;
 *   - the workspace's list, <workspace>/dict/woerter.txt, shared by a team;
 *   - the personal list, $XDG_DATA_HOME/antwort/woerter.txt
 *     (~/.local/share/antwort/woerter.txt);
 *   - words ignored for this session (spell_add_word).
 * A word a list has in small letters is right capitalised too (it may
 * start a sentence); the dictionary already does the same for its words.
 *
 * Verdicts are cached by the word's bytes, so checking a paragraph again
 * costs a hash look-up per word; adding a word empties the cache.
 *
 * struct spell owns the dictionary, the lists and the cache. spell_check()
 * hands the caller a malloc'd array of hits; spell_suggest() appends owned
 * strings to the caller's list. */
#ifndef ANTWORT_SPELL_H
#define ANTWORT_SPELL_H

#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "strlist.h"

struct spell;

/* Opens the dictionary at dict_base (base.aff and base.dic; NULL for the
 * default, see speller_default_path()) with no word lists yet.
 * 0, AW_ENODICT or AW_ENOMEM. Takes 70–170 ms for frami. */
int spell_open(struct spell **out, const char *dict_base, struct aw_error *err);

/* Adds the word list at path. A missing file is no error (most people
 * have no personal list). A line with a space in it, invalid UTF-8 or a
 * character no checked word contains (quotes, commas, brackets) is
 * skipped, and a German sentence naming file and line goes to problems
 * (may be NULL). 0, AW_EOPEN, AW_EREAD, AW_EISDIR, AW_ETOOBIG or
 * AW_ENOMEM. */
int spell_add_list(struct spell *sp, const char *path, struct strlist *problems,
                   struct aw_error *err);

/* The personal list's path into out: $XDG_DATA_HOME/antwort/woerter.txt,
 * else $HOME/.local/share/antwort/woerter.txt. 0, AW_ENOMEM, or AW_EOPEN
 * when neither variable is set. */
int spell_personal_path(struct buf *out);

/* The project's list from datadir/dict/woerter.txt (datadir: where
 * antwort's data is installed, share/antwort; NULL to skip it) and then
 * the personal list. Returns as spell_add_list(). */
int spell_system_lists(struct spell *sp, const char *datadir, struct strlist *problems,
                       struct aw_error *err);

/* Accepts word[0..len) from now on, for this session ("ignore"). 0 or
 * AW_ENOMEM. */
int spell_add_word(struct spell *sp, const char *word, size_t len);

/* 1 when word[0..len) (UTF-8, exactly this form: a dot or hyphen at its
 * end counts) is in a list or the dictionary, else 0. */
int spell_known(struct spell *sp, const char *word, size_t len);

/* A range of text that is not a known word. */
struct spell_hit {
	size_t start, end;
};

/* The unknown words of text[0..len), in order, as a malloc'd array in
 * *hits (NULL when *n is 0; the caller frees it). Checked are words and
 * abbreviations (tokens.h); numbers, acronyms, codes such as "B2B",
 * addresses and single letters are not. A hyphenated compound is right
 * when the whole form is known, else each part is checked and only the
 * unknown parts are hits ("Datenschutz-Konzpet" marks "Konzpet"). A word
 * before a dot is also right when a list knows it with the dot ("Drs.").
 * 0 or AW_ENOMEM. */
int spell_check(struct spell *sp, const char *text, size_t len, struct spell_hit **hits,
                size_t *n);

/* Appends up to 9 suggestions for word[0..len) to out, in UTF-8, best
 * first: list words one edit away, then the dictionary's, then list words
 * two edits away. Slow (the dictionary takes 8–300 ms): on demand only.
 * 0 or AW_ENOMEM. */
int spell_suggest(struct spell *sp, const char *word, size_t len, struct strlist *out);

/* Counters, for tests and measurements. */
struct spell_stats {
	size_t words;       /* entries in the word lists and the session */
	size_t lookups;     /* spell_known() calls, including spell_check()'s */
	size_t cached;      /* of those, answered from the cache */
	size_t dictionary;  /* questions put to hunspell */
};
void spell_get_stats(const struct spell *sp, struct spell_stats *st);

void spell_close(struct spell *sp);

#endif
