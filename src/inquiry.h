/* inquiry.h: the document model of one inquiry (Anfrage) and the Senate's
 * answer to it. Plain C: no curses, no git, no I/O.
 *
 * A struct inquiry owns every string and array it points to;
 * inquiry_free() releases all of it. Strings are UTF-8 without CR; line
 * ends and a byte order mark are remembered in the layout fields and
 * restored by the writer.
 *
 * Header lines (session, title, intro, lead-ins) are kept as written in the
 * *_line fields so that a document is written back byte for byte; the
 * parsed fields beside them (date, kind, number, title, askers) are what
 * the rest of antwort reads. inquiry_complete() makes the lines for fields
 * that were read but had no line of their own, in the canonical layout. */
#ifndef ANTWORT_INQUIRY_H
#define ANTWORT_INQUIRY_H

#include <stdbool.h>
#include <stddef.h>

#include "strlist.h"

enum inquiry_kind {
	KIND_OTHER,       /* any other inquiry */
	KIND_FRAGESTUNDE, /* question for question time */
	KIND_KLEINE,      /* Kleine Anfrage */
	KIND_GROSSE,      /* Große Anfrage */
};

enum parliament {
	PARL_UNKNOWN,
	PARL_LANDTAG,     /* Bürgerschaft (Land) */
	PARL_STADT,       /* Stadtbürgerschaft */
};

/* Where in the document a block kept verbatim stood: after which part. */
enum part {
	PART_START, PART_SESSION, PART_TITLE, PART_INTRO, PART_PREAMBLE,
	PART_LEADIN, PART_QUESTIONS, PART_SIGNATURE, PART_SENATE_LEADIN,
	PART_END,              /* after the answers: "Fußnoten:" */
};

struct question {
	int number;            /* as printed: 1, 2, … */
	char *marker;          /* how it was numbered: "1." "1)" "Frage 1:" */
	char *section;         /* "II. Sanierungsstand" above it, or NULL */
	struct strlist paras;  /* paragraphs; sub-items keep their "a) " */
};

struct answer {
	int *covers;           /* question numbers, ascending, no duplicates */
	size_t ncovers;
	char *heading;         /* "Zu Frage 1 und 2:" as written */
	char *section;         /* "II. Finanzierung" above it, or NULL */
	struct strlist paras;  /* empty for a slot not yet answered */
};

struct extra {
	enum part after;       /* kept after this part */
	char *text;            /* the block exactly as written */
};

struct inquiry {
	enum inquiry_kind kind;
	enum parliament parliament;
	char *number;          /* "L4", "S12", "19/1234"; NULL if unknown */
	char *title;           /* NULL if unknown */
	char *askers;          /* "Fraktion der SPD", without article; NULL */
	int session_year, session_month, session_day; /* 0 if open */

	char *session_line;    /* "Vorlage für die Sitzung des Senats am …" */
	char *title_line;      /* „Frage für die Fragestunde – L4 “…““ */
	char *intro;           /* "Die Fraktion … an den Senat gestellt:" */
	char *preamble_heading;         /* "Vorbemerkung der Fragesteller:" */
	struct strlist preamble;        /* Vorbemerkung der Fragesteller */
	char *leadin;          /* "Wir fragen den Senat:" as written */
	struct question *questions;
	size_t nquestions;
	char *signature;       /* "… und Fraktion der CDU" under the questions */
	char *senate_leadin;   /* "Der Senat beantwortet die Anfrage wie folgt:" */
	char *senate_preamble_heading;  /* "Vorbemerkung des Senats:" */
	struct strlist senate_preamble; /* Vorbemerkung des Senats */
	struct answer *answers;
	size_t nanswers;
	struct extra *extras;  /* blocks not understood, kept where they stood */
	size_t nextras;

	/* Layout as found, restored on writing. */
	size_t leading_blank_lines;
	bool final_newline;
	bool crlf;
	bool bom;

	/* Doubts of the reader about the split, and what it cleaned in the
	 * text before splitting it: German sentences for people, each
	 * naming the line of the input. */
	struct strlist hints;
	struct strlist cleaned;
};

void inquiry_init(struct inquiry *q);
void inquiry_free(struct inquiry *q);

/* Adds a question / an answer / an extra block. The model copies nothing:
 * on success it owns the strings passed in; on failure it frees them.
 * Each returns 0 or AW_ENOMEM. */
int inquiry_add_question(struct inquiry *q, int number, char *marker,
                         struct question **out);
int inquiry_add_answer(struct inquiry *q, size_t at, int *covers,
                       size_t ncovers, char *heading, struct answer **out);
int inquiry_add_extra(struct inquiry *q, enum part after, char *text);

/* A deep copy of src into dst (which need not be initialised). On
 * AW_ENOMEM dst is left empty. */
int inquiry_copy(struct inquiry *dst, const struct inquiry *src);

/* Appends a copy of question qu / inserts a copy of answer a at index at.
 * 0 or AW_ENOMEM. */
int inquiry_copy_question(struct inquiry *dst, const struct question *qu);
int inquiry_copy_answer(struct inquiry *dst, size_t at, const struct answer *a);

/* Removes and frees answer at (which must exist). */
void inquiry_remove_answer(struct inquiry *q, size_t at);

/* 1 when a question's paragraph is a sub-item: "a) …" or "a. …" (but not
 * an abbreviation such as "z. B."). */
int inquiry_is_subitem(const char *para);

/* The question with that number, or NULL. */
struct question *inquiry_question(const struct inquiry *q, int number);

/* Gives empty answer slots to unanswered questions and makes the canonical
 * lines for parts the text did not have (session, title line, intro,
 * lead-ins), so that what is read is what will be written.
 * 0 or AW_ENOMEM. */
int inquiry_complete(struct inquiry *q);

/* Canonical strings (newly allocated; NULL only when out of memory). */
char *inquiry_title_line(const struct inquiry *q);
char *inquiry_session_line(const struct inquiry *q);
/* "Die Fraktion der SPD hat folgende Kleine Anfrage an den Senat gestellt:";
 * q->askers must be set. */
char *inquiry_intro_line(const struct inquiry *q);

/* German names for the kind and parliament: "Fragestunde", … */
const char *inquiry_kind_name(enum inquiry_kind k);
const char *inquiry_parliament_name(enum parliament p);
/* Stable identifiers for programs: "fragestunde", "landtag", … */
const char *inquiry_kind_id(enum inquiry_kind k);
const char *inquiry_parliament_id(enum parliament p);

/* 1 when the two models hold the same content and layout. */
int inquiry_equal(const struct inquiry *a, const struct inquiry *b);

#endif
