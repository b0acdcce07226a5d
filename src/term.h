/* term.h: the terminal, and the only module besides the views that
 * speaks curses: setting it up for UTF-8, naming keys as keymap.h spells
 * them, bracketed paste, the mouse, colours (or none, as NO_COLOR asks),
 * and restoring the terminal whatever happens.
 *
 * Headless mode (for tests) runs the same curses screen against
 * /dev/null at a size the test chooses and prints it as text. */
#ifndef ANTWORT_TERM_H
#define ANTWORT_TERM_H

#include <stdio.h>

#include "error.h"
#include "event.h"

/* What a cell is drawn as; term.c maps these to colours, or to bold,
 * underline and reverse on a terminal without colours. */
enum term_role {
	ROLE_NORMAL,
	ROLE_TITLE,       /* the top line */
	ROLE_STATUS,      /* the status line */
	ROLE_KEY,         /* a key name in the key line ("^S") */
	ROLE_CURSOR_ROW,  /* the selected row of a list */
	ROLE_DIM,         /* frames, hints, read-only text labels */
	ROLE_EMPTY,       /* a question not yet answered */
	ROLE_DRAFTED,     /* answered and saved */
	ROLE_CHANGED,     /* changed since the last save */
	ROLE_SELECTION,   /* marked text */
	ROLE_MATCH,       /* the current search hit */
	ROLE_ERROR,       /* a message about something that failed */
	ROLE_HEADING,     /* the heading above the answer editor */
	ROLE_SPELL,       /* a word the spelling check does not know */
	ROLE_STYLE,       /* a house style finding */
	ROLE_COUNT
};

/* Sets up the terminal. With headless, a screen of cols x rows drawn
 * into nothing; else the real terminal, which must have a UTF-8 locale
 * (AW_ELOCALE) and be a terminal (AW_ENOTTY). */
int term_open(int headless, int cols, int rows, struct aw_error *err);
/* Restores the terminal; safe to call twice. */
void term_close(void);

/* Waits up to timeout_ms (-1: for ever) for the next key, paste, click
 * or resize, as an event. EV_NONE after the timeout, EV_SIGNAL when
 * SIGHUP or SIGTERM arrived. */
void term_next(struct event *ev, int timeout_ms);

/* Headless: gives the screen a new size. */
void term_resize(int cols, int rows);

/* Prints the screen as text, one line a row, trailing blanks cut. */
void term_dump(FILE *f);

/* The attribute of a role, for the views. */
int term_attr(enum term_role role);

/* Draws text[0..len) at row y, column x in at most maxcells cells, in
 * role, and returns the cells used. Control characters show as spaces;
 * a wide character that would not fit is left out. */
int term_put(int y, int x, const char *text, size_t len, int maxcells, enum term_role role);
/* The same for a NUL-terminated string. */
int term_puts(int y, int x, const char *s, int maxcells, enum term_role role);
/* Fills cells [x, x+n) of row y with blanks in role. */
void term_fill(int y, int x, int n, enum term_role role);

/* 1 once SIGHUP or SIGTERM arrived (set from the signal handler). */
int term_signalled(void);

#endif
