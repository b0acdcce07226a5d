/* style.h: the house style check (issue 6): rules read from a plain text
 * file (share/stil.regeln, format described at its top), each a PCRE2
 * pattern with a German message and perhaps a replacement, run over the
 * text of an answer.
 *
 * A rule sees one paragraph at a time: in antwort's text a paragraph is
 * one line, so matching stops at every '\n' and `^`/`$` are the start and
 * end of a paragraph. Hits are never empty and always lie on character
 * boundaries (patterns are compiled with PCRE2_NEVER_BACKSLASH_C).
 *
 * The module owns one struct style (the compiled rules, their messages,
 * replacements and origins), made by style_new() and freed by
 * style_free(). Texts are borrowed, must be valid UTF-8 and are not
 * checked again (PCRE2_NO_UTF_CHECK: see LIBRARIES.md, checking on every
 * call makes matching over a long text quadratic). A struct style reuses
 * its match blocks, so it must not be used by two threads at once. */
#ifndef ANTWORT_STYLE_H
#define ANTWORT_STYLE_H

#include "buf.h"
#include "error.h"
#include "strlist.h"

#include <stddef.h>

struct style;

/* One finding: text[start..end) breaks rule number `rule` (0-based, in
 * the order the rules were loaded). */
struct style_hit {
	size_t start, end;
	size_t rule;
};

/* An empty set of rules. 0 or AW_ENOMEM (*out is then NULL). */
int style_new(struct style **out);
void style_free(struct style *st);

/* Reads the rules in text[0..len) and appends them; `file` names the text
 * in messages. A rule that cannot be used (a pattern that does not
 * compile, an unknown key, a missing regel or meldung, a key given twice,
 * a line without a colon, a replacement naming a group the pattern lacks,
 * invalid UTF-8) is skipped, and one German sentence with file and line
 * is appended to problems (may be NULL); the other rules still load.
 * Returns 0, or AW_ENOMEM (the rules read so far stay loaded). */
int style_load(struct style *st, const char *text, size_t len, const char *file,
               struct strlist *problems);

/* Reads the rules file at path as style_load() does. A missing file is
 * no error: 0 with nothing loaded. A file that exists but cannot be read
 * returns AW_EOPEN, AW_EREAD, AW_EISDIR, AW_ETOOBIG or AW_ENOMEM with err
 * filled. */
int style_load_file(struct style *st, const char *path, struct strlist *problems,
                    struct aw_error *err);

/* Number of rules loaded. */
size_t style_rules(const struct style *st);

/* All findings in text[0..len) (valid UTF-8; one paragraph or a whole
 * document), sorted by start, then end, then rule. Findings of different
 * rules may overlap. *hits is malloc'd for the caller to free() (NULL when
 * *n is 0). A rule that exceeds PCRE2's resource limits on a paragraph
 * finds nothing there; the others go on. 0 or AW_ENOMEM (*hits NULL). */
int style_check(const struct style *st, const char *text, size_t len,
                struct style_hit **hits, size_t *n);

/* The German message of a rule (borrowed; "" for a rule out of range). */
const char *style_message(const struct style *st, size_t rule);

/* Where the rule was read: the file name given to style_load (borrowed)
 * and, in *line (may be NULL), the line of its "regel:". NULL for a rule
 * out of range. */
const char *style_origin(const struct style *st, size_t rule, size_t *line);

/* 1 when the rule has an "ersatz:" (perhaps empty, which deletes the hit). */
int style_has_replacement(const struct style *st, size_t rule);

/* Appends to out the text that should replace text[h->start..h->end):
 * the rule's ersatz with $1 … (or ${12}) filled from the match, $0 the
 * whole match, $$ a dollar sign; an unset group gives nothing. text and
 * len must be those style_check() saw, at least in the hit's paragraph.
 * 0; AW_ENOMEM; AW_EINTERNAL for a rule without replacement or out of
 * range; AW_ESTYLEGONE when the rule no longer matches there (the text
 * changed). out is unchanged on failure. */
int style_replacement(const struct style *st, const struct style_hit *h,
                      const char *text, size_t len, struct buf *out);

#endif
