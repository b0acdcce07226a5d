/* app.h: the workbench as a running program: the terminal or a test
 * script as the source of events, the key bindings, the message line,
 * the recovery timer, and the screens (overview, editor, help, dialogs)
 * that take turns drawing.
 *
 * A screen runs its own loop over app_next(), which deals with what every
 * screen shares (a resize, a test's request for the screen, a signal)
 * and hands on only keys, text, pastes and clicks. So a dialog is a
 * function that returns the answer, not a state machine. */
#ifndef ANTWORT_APP_H
#define ANTWORT_APP_H

#include <stddef.h>

#include "error.h"
#include "event.h"
#include "keymap.h"
#include "strlist.h"
#include "term.h"

struct workspace;
struct script;

/* Smallest window everything still works in. */
#define APP_MIN_COLS 60
#define APP_MIN_ROWS 16

/* Words per minute for the speaking time of Fragestunde answers, unless
 * antwort.conf says otherwise (sprechtempo = N). */
#define APP_WPM 110

enum app_idle { APP_PAUSE, APP_TYPING, APP_ENDING };

struct app {
	struct workspace *ws;
	struct keymap *km;
	struct script *script;     /* headless when not NULL */
	unsigned wpm;

	/* The screen in front draws everything with this; dialogs draw over it. */
	void (*draw)(void *ctx);
	void *draw_ctx;

	/* Called on a pause in typing, every two seconds of typing without
	 * one, and before the program ends on a signal: the editor writes its
	 * recovery file (and does slower work only in a real pause). */
	void (*idle)(void *ctx, enum app_idle why);
	void *idle_ctx;

	/* Where the front screen wants the cursor (cursor_on 0: hidden). */
	int cursor_y, cursor_x, cursor_on;

	char message[768];         /* shown in the status line until the next key */
	enum term_role message_role;
};

/* Sets the program up: the terminal (or, with script_path, the headless
 * screen of cols x rows driven by that script), the keys with the user's
 * file applied (its problems become the first message). */
int app_open(struct app *a, struct workspace *ws, const char *script_path, struct aw_error *err);
void app_close(struct app *a);

/* The next event for a screen's loop; see above. Never EV_NONE, EV_IDLE,
 * EV_RESIZE (the screen is redrawn), EV_SCREEN, EV_SIGNAL or EV_END:
 * those are dealt with here (the last two end the program after the
 * idle callback ran and the terminal is restored). */
void app_next(struct app *a, struct event *ev);

/* The command a key event means (CMD_NONE for other events). */
enum keymap_cmd app_command(const struct app *a, const struct event *ev);

/* Sets the message line: an error's German sentence, or a note. */
void app_error(struct app *a, const struct aw_error *err);
void app_note(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Draws the whole screen: the front screen, then the message or the
 * "window too small" notice. */
void app_redraw(struct app *a);

/* 1 when the window is at least APP_MIN_COLS x APP_MIN_ROWS. */
int app_fits(void);

/* Draws the key line (the last row) for the commands in cmds[0..n),
 * after the extra item (key, label) when key is not NULL. */
void app_keyline(const struct app *a, const char *key, const char *label,
                 const enum keymap_cmd *cmds, size_t n);

/* A one-line prompt in the status line: label, then what the user types
 * (starting with initial). on_change, when not NULL, is called after
 * every change (incremental search). Returns a new string on Enter
 * (free()), NULL on Esc. */
char *app_prompt(struct app *a, const char *label, const char *initial,
                 void (*on_change)(void *ctx, const char *text), void *ctx);

/* Asks a question in the status line and waits for one of the letters in
 * choices ("jna"); Esc gives 0. */
int app_choice(struct app *a, const char *question, const char *choices);

/* A small menu over the lower part of the screen: a title, then the
 * lines ("1  Bürgerschaft", "w  Zum Wörterbuch hinzufügen"), waiting for
 * one of the characters in choices; Esc gives 0. */
int app_menu(struct app *a, const char *title, const char *const *lines, size_t n,
             const char *choices);

/* Shows text (lines, wrapped) full screen under a title, scrollable; the
 * footer names the keys. Returns the key pressed from choices, or 0 for
 * Esc (and Enter when choices is empty). In the text, "[-…-]" and "{+…+}"
 * are drawn as deleted and added words. */
int app_view_text(struct app *a, const char *title, const char *text, const char *footer,
                  const char *choices);

#endif
