/* session.h: one inquiry open in the editor, as the views need it: the
 * list of questions with their state, and an edit buffer (editbuf.h) for
 * every part a person writes in: each answer and the Senate's preamble.
 * Plain C, no curses, no git: the workspace saves what
 * session_to_inquiry() gives back.
 *
 * A part's paragraphs are one line each in its buffer ('\n' between
 * them); blank lines typed in the editor do not make empty paragraphs. */
#ifndef ANTWORT_SESSION_H
#define ANTWORT_SESSION_H

#include <stddef.h>

#include "editbuf.h"
#include "inquiry.h"

/* The state of a question's answer, as the question list marks it. */
enum answer_state {
	ANSWER_EMPTY,     /* nothing written yet */
	ANSWER_DRAFTED,   /* text, saved */
	ANSWER_CHANGED,   /* changed since the last save */
};

struct session;

/* Opens q for editing; the session keeps its own copy of the model (q is
 * not referenced afterwards). NULL when out of memory. */
struct session *session_new(const struct inquiry *q);
void session_free(struct session *s);

/* The inquiry as opened (header, questions), for the views to show. */
const struct inquiry *session_inquiry(const struct session *s);

/* Number of editable parts: the Senate's preamble first (part 0), then
 * one per answer slot in document order. */
size_t session_parts(const struct session *s);
/* NULL past the last part, as is session_part_label(). */
struct editbuf *session_buffer(struct session *s, size_t part);
/* "Vorbemerkung des Senats", "Zu Frage 2", "Zu Frage 1 und 2": the
 * canonical heading of the answer without its colon. */
const char *session_part_label(const struct session *s, size_t part);

/* The part that answers question index qi (0-based in q->questions), or
 * 0 (the preamble) when none does. */
size_t session_part_of_question(const struct session *s, size_t qi);
/* EMPTY when the part holds nothing but blanks (or there is no such
 * question), else CHANGED or DRAFTED as its buffer is modified or not. */
enum answer_state session_state(const struct session *s, size_t qi);

/* 1 when any part changed since opening or the last session_saved(). */
int session_modified(const struct session *s);
/* After a successful save: every buffer's current text is the saved one. */
void session_saved(struct session *s);

/* Words in all parts (the preamble counts too), and in one part (0 past
 * the last). */
size_t session_words(const struct session *s);
size_t session_part_words(const struct session *s, size_t part);
/* Speaking time of a part in seconds at wpm words per minute (for the
 * Fragestunde, whose answers are read out), rounded up. */
unsigned session_speaking_seconds(const struct session *s, size_t part, unsigned wpm);

/* A new complete inquiry holding the edited text, to be saved or
 * exported: each part's lines become its paragraphs, trailing blanks
 * trimmed; a part whose text is as opened keeps its paragraphs as they
 * were, so an unedited document is written as it was read. A preamble
 * written where there was none gets the heading "Vorbemerkung des
 * Senats:". 0 or AW_ENOMEM (out is then empty). */
int session_to_inquiry(const struct session *s, struct inquiry *out);

#endif
