/* docparts.h: an inquiry seen as the parts a reviewer talks about: the
 * header fields, the askers' preamble, each question, the Senate's
 * preamble, each answer, and the rest. The commit messages ("Antwort zu
 * Frage 2 überarbeitet"), the word diff grouped by answer and the log's
 * list of changed answers are all made from this one decomposition.
 *
 * docparts_make() copies what it needs: the parts own their strings and
 * stay valid after the inquiry is freed. */
#ifndef ANTWORT_DOCPARTS_H
#define ANTWORT_DOCPARTS_H

#include <stddef.h>

#include "buf.h"
#include "inquiry.h"

enum dp_kind {
	DP_SESSION,         /* session date */
	DP_NUMBER,          /* "L4" */
	DP_TITLE,
	DP_ASKERS,
	DP_PREAMBLE,        /* Vorbemerkung der Fragesteller */
	DP_QUESTION,        /* one question */
	DP_SENATE_PREAMBLE, /* Vorbemerkung des Senats */
	DP_ANSWER,          /* one answer, possibly to several questions */
	DP_OTHER,           /* intro, lead-ins, signature, blocks kept verbatim */
};

struct doc_part {
	enum dp_kind kind;
	int *covers;        /* DP_QUESTION: its number; DP_ANSWER: the numbers */
	size_t ncovers;     /* it answers; else 0 */
	char *key;          /* identity across versions: "answer:1,2" */
	char *label;        /* for people: "Zu Frage 1 und 2", "Frage 3",
	                     * "Vorbemerkung des Senats", "Titel" */
	char *text;         /* the content; paragraphs separated by "\n\n";
	                     * an answer's section heading is its first paragraph */
};

struct doc_parts {
	struct doc_part *v;
	size_t n;
};

/* Decomposes q, in document order. 0 or AW_ENOMEM (out is then empty). */
int docparts_make(const struct inquiry *q, struct doc_parts *out);
void docparts_free(struct doc_parts *p);

enum change_status { CH_SAME, CH_CHANGED, CH_ADDED, CH_REMOVED };

/* One part compared across two versions, matched by key. */
struct change {
	const struct doc_part *old, *new; /* NULL for added / removed */
	enum change_status status;
};

/* Pairs the parts of two versions by key, in the new version's order with
 * removed parts where they stood in the old one. *out is a new array of *n
 * entries, CH_SAME ones included (free() it). 0 or AW_ENOMEM. */
int changes_compare(const struct doc_parts *old, const struct doc_parts *new,
                    struct change **out, size_t *n);

/* Appends the German commit subject that says what changed, such as
 * "Antwort zu Frage 2 überarbeitet", "Antworten zu Frage 1 und 3
 * überarbeitet; Vorbemerkung geändert". Nothing is appended when nothing
 * changed. 0 or AW_ENOMEM. */
int changes_message(const struct change *c, size_t n, struct buf *subject);

/* Appends the answers that changed, for a commit trailer and the log:
 * "2, 3, 1+4" (a joint answer joined with '+'), in document order; empty
 * when no answer changed. 0 or AW_ENOMEM. */
int changes_answers(const struct change *c, size_t n, struct buf *list);

#endif
