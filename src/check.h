/* check.h: the spelling and house style check of a text, as the editor
 * and `antwort check` use it: one facade over spell.h and style.h that
 * loads every layer and merges the findings.
 *
 * Layers, all pooled (a word known to any list is right; the rules of
 * both files apply):
 *   - the German dictionary (speller.h: /usr/share/hunspell/de_DE or
 *     $ANTWORT_DICT, in its own encoding);
 *   - antwort's data (datadir.h): the project's dict/woerter.txt and
 *     stil.regeln;
 *   - the workspace's dict/woerter.txt and stil.regeln, when there is a
 *     workspace;
 *   - the personal list, $XDG_DATA_HOME/antwort/woerter.txt;
 *   - words accepted for this session (checker_accept).
 * Style rules are numbered in loading order: the project's first, then
 * the workspace's.
 *
 * struct checker owns the dictionary, the lists and the rules; findings
 * are a malloc'd array for the caller; messages are borrowed from the
 * checker. Texts must be valid UTF-8 (they are not checked again). A
 * checker keeps caches and match blocks: one thread at a time. */
#ifndef ANTWORT_CHECK_H
#define ANTWORT_CHECK_H

#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "strlist.h"

struct checker;

/* Opens the German dictionary and loads the project list and rules
 * (datadir), the workspace's dict/woerter.txt and stil.regeln (ws_root,
 * ending in '/', may be NULL), and the personal list. Problems in lists
 * and rules (German sentences with file and line) go to problems (may be
 * NULL); the rest still loads. AW_ENODICT when there is no German
 * dictionary, AW_ENOMEM. */
int checker_open(struct checker **out, const char *ws_root, struct strlist *problems,
                 struct aw_error *err);
void checker_close(struct checker *c);

enum finding_kind { FINDING_SPELL, FINDING_STYLE };

struct finding {
	size_t start, end;          /* text[start..end) */
	enum finding_kind kind;
	size_t rule;                /* FINDING_STYLE: the rule */
};

/* The findings in text[0..len) (one or more paragraphs separated by
 * '\n'), spelling and style merged and sorted by start (then a spelling
 * finding before a style finding, then by end and rule); *out is malloc'd
 * (free(); NULL when *n is 0). 0 or AW_ENOMEM. */
int checker_check(struct checker *c, const char *text, size_t len, struct finding **out,
                  size_t *n);

/* A style rule's German message (borrowed; "" for a rule out of range). */
const char *checker_rule_message(const struct checker *c, size_t rule);

/* 1 when the rule has a replacement. */
int checker_has_replacement(const struct checker *c, size_t rule);

/* Appends to out the replacement for the style finding f in text[0..len)
 * (the text checker_check() saw, at least f's paragraph). 0, AW_ENOMEM,
 * AW_EINTERNAL for a spelling finding or a rule without replacement,
 * AW_ESTYLEGONE when the text changed there. */
int checker_replacement(const struct checker *c, const struct finding *f, const char *text,
                        size_t len, struct buf *out);

/* Up to 9 suggestions for a misspelt word, UTF-8, best first, appended
 * to out. Slow (up to a few hundred milliseconds): on demand only.
 * 0 or AW_ENOMEM. */
int checker_suggest(struct checker *c, const char *word, size_t len, struct strlist *out);

/* The word counts as correct from now on (for "Ignorieren" in the
 * editor, and after adding it to a list). 0 or AW_ENOMEM. */
int checker_accept(struct checker *c, const char *word, size_t len);

#endif
