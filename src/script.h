/* script.h: the key scripts that drive the editor headless in tests, as
 * tig's test suite drives tig: one instruction a line, turned into the
 * same events (event.h) the terminal gives.
 *
 *     # a comment
 *     key Down Down Enter      named keys, as keymap.h spells them
 *     type Grüße „an alle“     each character typed, one event each (trailing
 *                              blanks too)
 *     paste Zeile 1\nZeile 2   a bracketed paste (\n, \t and \\ escapes)
 *     click 5 30               a click at row 5, column 30 (from 0)
 *     resize 60 16             the window becomes 60 columns by 16 rows
 *     idle                     a pause in typing (the recovery file is due)
 *     screen                   print the screen now
 *     signal HUP               as if SIGHUP (or TERM) arrived
 *
 * Plain C, no curses. */
#ifndef ANTWORT_SCRIPT_H
#define ANTWORT_SCRIPT_H

#include <stddef.h>

#include "error.h"
#include "event.h"

struct script;

/* Reads the script at path. AW_EOPEN, AW_EREAD, AW_EUTF8, AW_ENOMEM. */
int script_open(const char *path, struct script **out, struct aw_error *err);
void script_free(struct script *sc);

/* The next event into ev (whose text is replaced): 1, or 0 at the end of
 * the script (ev->kind EV_END), or AW_ESCRIPT naming the line. */
int script_next(struct script *sc, struct event *ev, struct aw_error *err);

#endif
