/* event.h: what the editor reacts to, from the terminal or from a test
 * script alike: a named key, a typed character, pasted text, a click, a
 * new window size, a pause in typing, or a signal. The views never see a
 * curses key code, so a script can drive them exactly as a person does. */
#ifndef ANTWORT_EVENT_H
#define ANTWORT_EVENT_H

#include "buf.h"

enum ev_kind {
	EV_NONE,     /* nothing within the timeout */
	EV_KEY,      /* key names a key as keymap.h spells it: "^S", "C-Left" */
	EV_CHAR,     /* text holds one typed character, UTF-8 */
	EV_PASTE,    /* text holds what the terminal pasted (bracketed paste) */
	EV_CLICK,    /* row, col: a click with the left button */
	EV_RESIZE,   /* the window has a new size (LINES, COLS) */
	EV_IDLE,     /* a pause in typing long enough to write the recovery file */
	EV_SIGNAL,   /* sig: SIGHUP or SIGTERM arrived */
	EV_SCREEN,   /* a test script asks for the screen as text */
	EV_END,      /* the script is over (headless mode) */
};

struct event {
	enum ev_kind kind;
	char key[16];
	struct buf text;
	int row, col;
	int sig;
};

#define EVENT_INIT {EV_NONE, "", BUF_INIT, 0, 0, 0}

#endif
