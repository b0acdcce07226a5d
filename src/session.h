/* session.h: one inquiry open in the editor, as the views need it: the
 * list of questions with their state, and an edit buffer (editbuf.h) for
 * every part a person writes in: each answer, the Senate's preamble and
 * the askers' preamble. Plain C, no curses, no git: the workspace saves
 * what session_to_inquiry() gives back.
 *
 * A part's paragraphs are one line each in its buffer ('\n' between
 * them); blank lines typed in the editor do not make empty paragraphs.
 *
 * Besides the text, a session corrects the document's structure (answers
 * joined and split, questions merged and split) and its header fields.
 * Such a change keeps every buffer it does not remake, with its undo
 * history; it is not itself undone by editbuf_undo(). On any error the
 * session is left exactly as it was. */
#ifndef ANTWORT_SESSION_H
#define ANTWORT_SESSION_H

#include <stddef.h>

#include "editbuf.h"
#include "error.h"
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

/* The inquiry (header, questions, answers' headings) as opened and
 * corrected since, for the views to show; the answers' text is in the
 * buffers. Valid until the next structure or field change. */
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
 * question), else CHANGED or DRAFTED as its buffer is modified or not. A
 * buffer remade by a join or split counts as modified until
 * session_saved(); an answer only renumbered keeps its state. */
enum answer_state session_state(const struct session *s, size_t qi);

/* 1 when any part (the askers' preamble included), the structure or a
 * header field changed since opening or the last session_saved(). */
int session_modified(const struct session *s);
/* After a successful save: every buffer's current text is the saved one. */
void session_saved(struct session *s);

/* Words in all parts (the preamble counts too, the askers' preamble does
 * not: it is not the Senate's text), and in one part (0 past the last). */
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
 * Senats:", an askers' preamble "Vorbemerkung der Fragesteller:". 0 or
 * AW_ENOMEM (out is then empty). */
int session_to_inquiry(const struct session *s, struct inquiry *out);

/* The askers' preamble ("Vorbemerkung der Fragesteller", above the
 * questions) as an edit buffer like the parts'; it is not a part (not
 * counted in session_parts(), part numbers unchanged). Never NULL. */
struct editbuf *session_askers_preamble(struct session *s);

/* ---- Correcting the structure -------------------------------------------
 * Each returns 0, AW_ENOMEM or the code named; err (may be NULL) is filled
 * on failure. After a change session_modified() is 1 until
 * session_saved(). Headings of answers whose questions change are made
 * anew in the canonical wording (heading_format); the others stay as
 * written. */

/* Joins answer part `part` with the next answer part into one answer to
 * the questions of both ("Zu Frage 1 und 2:"). Its text is the first
 * part's, then the second's as further paragraphs (blanks at the seam
 * dropped; a blank part adds nothing); its cursor is put where the second
 * text begins, which is where session_split() undoes the join. A section
 * heading above the second answer moves to the answer after it if that
 * has none, else it becomes a paragraph between the two texts, so no
 * text is lost. The parts after it move down by one. AW_ENOJOIN when part
 * is the preamble (0), the last answer, or past it. */
int session_join(struct session *s, size_t part, struct aw_error *err);

/* Splits an answer to questions a1..ak (k >= 2) at byte offset `offset`
 * of its buffer's text (moved back to a character boundary; past the
 * end means the end): a1..a(k-1) keep the text before it, a new part
 * right after it answers ak with the text from there on; blanks at the
 * cut are dropped on both sides, and the cut may fall inside a
 * paragraph. Both buffers are remade. The parts after it move up by one.
 * AW_ENOSPLIT when the part answers one question (or none, or is the
 * preamble, or does not exist). */
int session_split(struct session *s, size_t part, size_t offset, struct aw_error *err);

/* Merges question qi (0-based) with question qi + 1: one question,
 * numbered as qi, with the paragraphs of both. The questions after it
 * (of the same major number, with decimal numbering) are numbered one
 * down, their markers keeping their shape ("3." "3)" "Frage 3:" "1.3"
 * "Drittens:"), and the answers follow. Answered by two parts, these
 * are joined as by session_join(); by one part, that part now answers
 * one question fewer. A section heading above qi + 1 is kept as for
 * session_join(). AW_ENOQMERGE when qi is the last question or past it. */
int session_merge_questions(struct session *s, size_t qi, struct aw_error *err);

/* The text of question qi as the editor shows it: its paragraphs joined
 * with '\n'. Newly allocated; NULL when qi does not exist or out of
 * memory. */
char *session_question_text(const struct session *s, size_t qi);

/* Splits question qi at byte offset `offset` of session_question_text():
 * the text before stays question qi, the text from there on becomes a
 * new question numbered one higher, with a marker of the same shape;
 * the questions after it are numbered one up and the answers follow.
 * The new question gets an empty answer part of its own, right after the
 * part that answers qi. Blanks at the cut are dropped. AW_ENOQSPLIT when
 * either side would be blank (or qi does not exist). */
int session_split_question(struct session *s, size_t qi, size_t offset,
                           struct aw_error *err);

/* ---- Header fields ---------------------------------------------------- */

enum session_field { FIELD_NUMBER, FIELD_TITLE, FIELD_ASKERS, FIELD_DATE };

/* The German name of the field as the form labels it: "Nummer", "Titel",
 * "Fragesteller", "Sitzungsdatum". */
const char *session_field_name(enum session_field f);

/* The field's current value as the form shows it ("" when unknown); the
 * date as "4. April 2017", "" when open. Newly allocated; NULL when out
 * of memory. */
char *session_field(const struct session *s, enum session_field f);

/* Sets a field from what a person typed (valid UTF-8). White space at
 * the ends is dropped and runs of it inside become one space; the title
 * loses one pair of surrounding quotes, the number a leading "Drs." and
 * its spaces ("19 / 1234" is "19/1234"), the askers a leading article
 * ("Die Fraktion der SPD" is "Fraktion der SPD"), as the reader reads
 * them. The date is read from "4. April 2017", "4. Apr. 2017",
 * "04.04.2017", "4.4.2017" or "2017-04-04"; empty (or "(Datum offen)")
 * leaves it open.
 * The line showing the field is then made anew in the canonical form:
 * the title line for number and title, the session line for the date,
 * the intro for the askers (none when they are cleared). A value equal
 * to the current one changes nothing, so a line as written stays.
 * AW_EDATE (detail: the value) for a date not understood; AW_EFIELD
 * (file: the field's name) for an empty number or title; AW_ENOMEM. The
 * field is unchanged on error. */
int session_set_field(struct session *s, enum session_field f, const char *value,
                      struct aw_error *err);

/* ---- Recovery -----------------------------------------------------------
 * A session whose content is `recovered` (the editor's recovery file) and
 * whose saved state is `saved` (the version in the workspace): each part
 * of recovered that has a counterpart in saved (the Senate's preamble,
 * the askers' preamble, an answer to the same questions) starts with
 * saved's text and, where recovered's differs, holds it as one undo
 * step on top, so it shows as changed and undo goes back to the saved
 * text. Answers without a counterpart count as remade, and any other
 * difference (header, questions, headings, layout) makes
 * session_modified() 1. NULL when out of memory. */
struct session *session_restore(const struct inquiry *saved, const struct inquiry *recovered);

#endif
