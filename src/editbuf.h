/* editbuf.h: the text being edited (one answer, a preamble, a question
 * being corrected) with its cursor, selection and undo history. Plain C,
 * no curses: the editor's views draw it, and tests drive it headless.
 *
 * The text is UTF-8 without CR; paragraphs are separated by one '\n' (the
 * blank line between paragraphs in the file is the writer's business).
 * Positions are byte offsets that always lie on a character boundary; a
 * character is a code point together with the combining marks after it,
 * so the cursor never lands between "u" and a combining diaeresis.
 *
 * Undo is without limit for the life of the buffer and grouped as people
 * expect: consecutive typing is one step per word (a step ends at a space
 * or punctuation after letters, on a cursor move, or after a pause the
 * caller signals with editbuf_break()), a deletion run is one step, and a
 * paste or a replacement is one step however long. */
#ifndef ANTWORT_EDITBUF_H
#define ANTWORT_EDITBUF_H

#include <stddef.h>

struct editbuf;

/* A new buffer holding text[0..len) (copied; must be valid UTF-8 without
 * NUL and CR: the caller checks, see utf8.h), cursor at the start. NULL
 * when out of memory. */
struct editbuf *editbuf_new(const char *text, size_t len);
void editbuf_free(struct editbuf *b);

/* The text (NUL-terminated, valid until the next change) and its length. */
const char *editbuf_text(const struct editbuf *b);
size_t editbuf_len(const struct editbuf *b);

/* Cursor and selection. The selection runs between the anchor and the
 * cursor; editbuf_has_selection() is 0 when they are equal or no anchor
 * is set. */
size_t editbuf_cursor(const struct editbuf *b);
int editbuf_has_selection(const struct editbuf *b);
void editbuf_selection(const struct editbuf *b, size_t *start, size_t *end);

/* Movements. With select, the selection is extended (an anchor is set at
 * the old cursor if there was none); without, it is dropped. Moves clamp
 * at the ends of the text. */
enum eb_move {
	EB_CHAR_LEFT, EB_CHAR_RIGHT,   /* one character */
	EB_WORD_LEFT, EB_WORD_RIGHT,   /* to the start of the previous / next word */
	EB_PARA_START, EB_PARA_END,    /* of the current paragraph */
	EB_PARA_PREV, EB_PARA_NEXT,    /* to the start of the previous / next paragraph */
	EB_TEXT_START, EB_TEXT_END,
};
void editbuf_move(struct editbuf *b, enum eb_move m, int select);

/* Puts the cursor at byte offset pos (moved back to a character boundary
 * and clamped), for mouse clicks and vertical moves computed by the view. */
void editbuf_set_cursor(struct editbuf *b, size_t pos, int select);

/* Inserts s[0..n) at the cursor, replacing the selection if there is one;
 * the cursor ends after it. as_paste makes it one undo step whatever it
 * contains (typing is grouped by word). s must be valid UTF-8; CR is
 * dropped, CRLF becomes '\n'. 0 or AW_ENOMEM. */
int editbuf_insert(struct editbuf *b, const char *s, size_t n, int as_paste);

/* Deletes the selection, or else the character before / after the
 * cursor, or the word before / after it. 0 or AW_ENOMEM. */
enum eb_delete { EB_DEL_BACK, EB_DEL_FORWARD, EB_DEL_WORD_BACK, EB_DEL_WORD_FORWARD };
int editbuf_delete(struct editbuf *b, enum eb_delete d);

/* Replaces text[start..end) with s[0..n) as one undo step, cursor after
 * the new text (search and replace). 0 or AW_ENOMEM. */
int editbuf_replace(struct editbuf *b, size_t start, size_t end, const char *s, size_t n);

/* The clipboard inside the program: copy and cut take the selection (no
 * selection: nothing happens, returns 0), paste inserts it as one step.
 * 0 or AW_ENOMEM. */
int editbuf_copy(struct editbuf *b);
int editbuf_cut(struct editbuf *b);
int editbuf_paste(struct editbuf *b);
/* The clipboard's text ("" when empty). */
const char *editbuf_clipboard(const struct editbuf *b);

/* Undo / redo one step; the cursor goes where the change was. 1 when
 * something was undone / redone, 0 when there was nothing. */
int editbuf_undo(struct editbuf *b);
int editbuf_redo(struct editbuf *b);

/* Ends the current undo group (after a pause in typing, or before a
 * command that should be undone on its own). */
void editbuf_break(struct editbuf *b);

/* 1 when the text differs from what editbuf_mark_saved() last recorded
 * (or from the initial text): undoing back to the saved state counts as
 * unchanged. */
int editbuf_modified(const struct editbuf *b);
void editbuf_mark_saved(struct editbuf *b);

/* A number that changes whenever the text does (typing, deleting, undo,
 * redo): views cache what they derive from the text against it. */
unsigned long editbuf_version(const struct editbuf *b);

/* Words in the text (runs of letters and digits, as worddiff counts them). */
size_t editbuf_words(const struct editbuf *b);

#endif
