/* clean.h: cleaning text as it really arrives (copied out of a PDF, a web
 * page or an e-mail) before it is split into questions.
 *
 * Each step is its own function over a list of lines, and each change it
 * makes is logged as a German sentence with the line number it came from
 * (`antwort parse --explain` shows them). Every step leaves text in the
 * canonical layout unchanged, so cleaning a document antwort wrote is a
 * no-op and its round trip stays byte for byte.
 *
 * struct clines owns its line strings. A lexicon, where given, answers
 * whether a word is German (hunspell); without one the steps use rules
 * alone. */
#ifndef ANTWORT_CLEAN_H
#define ANTWORT_CLEAN_H

#include <stddef.h>

#include "buf.h"
#include "strlist.h"

struct cline {
	char *s;        /* UTF-8, no line end, NUL-terminated, owned */
	size_t len;
	size_t orig;    /* 1-based line of the input it begins on */
};

struct clines {
	struct cline *v;
	size_t n, cap;
};

struct lexicon {
	/* 1 when w[0..n) is a German word, 0 when not, -1 when there is no
	 * dictionary to ask (the steps then use their rules). May be slow
	 * the first time. */
	int (*known)(void *ctx, const char *w, size_t n);
	void *ctx;
};

/* Splits s[0..n) at '\n' into out (line numbers from 1). 0 or AW_ENOMEM. */
int clines_from_text(struct clines *out, const char *s, size_t n);
/* Joins the lines with '\n' into out. 0 or AW_ENOMEM. */
int clines_to_text(const struct clines *l, struct buf *out);
void clines_free(struct clines *l);

/* The steps. clean_all() runs them in this order: collapsed, run-on
 * headings, letter spacing, white space, navigation, page furniture,
 * footnotes, hyphenation, join lines. Each returns 0 or AW_ENOMEM and
 * appends one sentence per change to log (may be NULL). */

/* A document whose line breaks were all collapsed into spaces gets them
 * back before lead-ins, question numbers and answer headings. */
int clean_collapsed(struct clines *l, struct strlist *log);
/* "Antwort des Senats Zu Frage 1: …" -> the opening and the heading on
 * lines of their own. */
int clean_run_on_headings(struct clines *l, struct strlist *log);
/* A web page's menus, breadcrumbs and footer ("Startseite", "Sie sind
 * hier: …", "Impressum", "© …") go, where at least two such lines stand
 * together. */
int clean_navigation(struct clines *l, struct strlist *log);
/* "V o r b e m e r k u n g" -> "Vorbemerkung". */
int clean_letter_spacing(struct clines *l, struct strlist *log);
/* Tabs and runs of three or more spaces become one space; lines are
 * trimmed. (A double space is left for the house-style check.) */
int clean_whitespace(struct clines *l, struct strlist *log);
/* Page numbers ("– 2 –", "Seite 2 von 5") and running headers repeated on
 * every page ("Drucksache 19/11181", "Bremische Bürgerschaft …") go; a
 * paragraph cut by a page break is closed again. */
int clean_page_furniture(struct clines *l, struct strlist *log);
/* Footnote numbers glued to words: "Migranten1" -> "Migranten",
 * "betragen.2" -> "betragen."; their texts ("1 Quelle: …") move to the
 * end of the document under a line "Fußnoten:". */
int clean_footnotes(struct clines *l, const struct lexicon *lex, struct strlist *log);
/* Words hyphenated at a line end or split by "- " are joined; a hyphen
 * the word needs stays ("E-Mail", "BVN-Mobil"), and so does a suspended
 * one ("IT-Sicherheits- und …"). */
int clean_hyphenation(struct clines *l, const struct lexicon *lex, struct strlist *log);
/* The width hard-wrapped text was wrapped at (most lines that run on
 * into a next line are about that long), or 0 when it is not wrapped. */
size_t clean_wrap_width(const struct clines *l);
/* In text wrapped at width w (0: not wrapped, nothing to do), the lines
 * of a paragraph become one line and paragraphs are separated by blank
 * lines. */
int clean_join_lines(struct clines *l, size_t w, struct strlist *log);

/* All of the above, in order. */
int clean_all(struct clines *l, const struct lexicon *lex, struct strlist *log);

/* 1 when s begins something the reader treats as structure: a question
 * number, a sub-item, an answer heading, a lead-in, a preamble heading or
 * a section heading. Used by the cleaner not to join such lines. */
int clean_starts_structure(const char *s);

#endif
