/* app.c: the event loop shared by every screen, the message line, the
 * prompt, the choice and the text viewer. */
#include "app.h"
#include "editbuf.h"
#include "fileio.h"
#include "script.h"
#include "utf8.h"
#include "workspace.h"
#include "wrap.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The menu drawn over the screen, if any. */
static struct menu_box {
	const char *title;
	const char *const *lines;
	size_t n;
} *menu_box;

/* The prompt or question drawn over the status line, if any. */
static struct status_prompt {
	const char *label;
	struct editbuf *input;   /* NULL for a question without input */
} *prompt_line;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* For `make bench`: with ANTWORT_KEYTIMES=FILE (headless only) the time
 * from handing out one key event to being asked for the next, which is
 * the key's handling and the redraw after it, goes to FILE in
 * microseconds, one line per key. */
static FILE *keytimes;
static double handed_out;

/* The last time the idle callback ran or a key came; see app_next(). */
static double last_idle, last_input;

/* The user's key file: $XDG_CONFIG_HOME/antwort/tasten. A wrong line
 * becomes the first message; the program starts anyway. */
static void user_keys(struct app *a)
{
	char path[1024];
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		snprintf(path, sizeof path, "%s/antwort/tasten", xdg);
	else if (home && *home)
		snprintf(path, sizeof path, "%s/.config/antwort/tasten", home);
	else
		return;
	if (access(path, F_OK))
		return;
	struct buf text = BUF_INIT;
	struct aw_error err;
	struct strlist problems = STRLIST_INIT;
	if (fileio_read(path, &text, &err)) {
		app_error(a, &err);
	} else if (keymap_apply(a->km, text.s ? text.s : "", text.len, path, &problems)) {
		err.code = AW_ENOMEM;
		app_error(a, &err);
	} else if (problems.n) {
		if (problems.n == 1)
			app_note(a, "%s", problems.v[0]);
		else
			app_note(a, "%s (und %zu weitere Zeilen)", problems.v[0], problems.n - 1);
		a->message_role = ROLE_ERROR;
	}
	strlist_free(&problems);
	buf_free(&text);
}

/* "sprechtempo = 120" in antwort.conf sets the words per minute. */
static void read_conf(struct app *a)
{
	a->wpm = APP_WPM;
	if (!a->ws)
		return;
	char path[1200];
	snprintf(path, sizeof path, "%s%s", ws_root(a->ws), WS_MARKER);
	struct buf text = BUF_INIT;
	struct aw_error err;
	if (fileio_read(path, &text, &err)) {
		buf_free(&text);
		return;
	}
	for (const char *p = text.s; p && *p; p += strcspn(p, "\n"), p += *p == '\n') {
		unsigned n;
		char extra;
		if (sscanf(p, " sprechtempo = %u %c", &n, &extra) == 1 ||
		    (sscanf(p, " sprechtempo = %u%c", &n, &extra) == 2 && extra == '\n')) {
			if (n >= 30 && n <= 400)
				a->wpm = n;
		}
	}
	buf_free(&text);
}

int app_open(struct app *a, struct workspace *ws, const char *script_path, struct aw_error *err)
{
	memset(a, 0, sizeof *a);
	a->ws = ws;
	int cols = 80, rows = 24;
	if (script_path) {
		const char *size = getenv("ANTWORT_SCREEN");
		if (size && sscanf(size, "%dx%d", &cols, &rows) != 2)
			cols = 80, rows = 24;
		int rc = script_open(script_path, &a->script, err);
		if (rc)
			return rc;
	}
	if (!(a->km = keymap_new())) {
		app_close(a);
		return aw_fail(err, AW_ENOMEM, "", "");
	}
	int rc = term_open(a->script != NULL, cols, rows, err);
	if (rc) {
		app_close(a);
		return rc;
	}
	read_conf(a);
	user_keys(a);
	last_idle = last_input = now();
	return 0;
}

void app_close(struct app *a)
{
	if (keytimes)
		fclose(keytimes);
	keytimes = NULL;
	term_close();
	keymap_free(a->km);
	script_free(a->script);
	a->km = NULL;
	a->script = NULL;
}

int app_fits(void)
{
	return COLS >= APP_MIN_COLS && LINES >= APP_MIN_ROWS;
}

void app_error(struct app *a, const struct aw_error *err)
{
	aw_error_message(err, a->message, sizeof a->message);
	a->message_role = ROLE_ERROR;
}

void app_note(struct app *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof a->message, fmt, ap);
	va_end(ap);
	a->message_role = ROLE_STATUS;
}

/* The notice instead of a broken screen, wrapped to what there is. */
static void draw_too_small(void)
{
	char text[256];
	snprintf(text, sizeof text,
	         "Das Fenster ist zu klein für antwort: es braucht mindestens %d × %d Zeichen, "
	         "jetzt sind es %d × %d. Bitte vergrößern Sie das Fenster; bis dahin "
	         "werden Tasten nicht angenommen.",
	         APP_MIN_COLS, APP_MIN_ROWS, COLS, LINES);
	struct wrap w = WRAP_INIT;
	if (COLS < 1 || wrap_layout(&w, text, strlen(text), COLS))
		return;
	for (size_t i = 0; i < w.n && (int)i < LINES; i++)
		term_put((int)i, 0, text + w.rows[i].start, w.rows[i].end - w.rows[i].start, COLS,
		         ROLE_NORMAL);
	wrap_free(&w);
}

/* The message, wrapped, from row y down; a long sentence covers rows
 * above so that it is not cut (at most `most` rows). */
static void draw_message(struct app *a, int y, int most)
{
	struct wrap w = WRAP_INIT;
	size_t len = strlen(a->message);
	if (wrap_layout(&w, a->message, len, COLS))
		return;
	int rows = (int)w.n < most ? (int)w.n : most;
	int room = LINES - y;
	if (rows > room)
		y = LINES - rows;
	for (int i = 0; i < rows; i++) {
		size_t end = i == rows - 1 ? len : w.rows[i].end;
		term_fill(y + i, 0, COLS, a->message_role);
		term_put(y + i, 0, a->message + w.rows[i].start, end - w.rows[i].start, COLS,
		         a->message_role);
	}
	wrap_free(&w);
}

/* The message, prompt or question in the status line (row LINES-2); a
 * message during a prompt goes below it, on the key line. */
static void draw_status_overlay(struct app *a)
{
	int y = LINES - 2;
	if (a->message[0] && prompt_line)
		draw_message(a, y + 1, 1);
	if (prompt_line) {
		term_fill(y, 0, COLS, ROLE_STATUS);
		int x = term_puts(y, 0, prompt_line->label, COLS, ROLE_STATUS);
		if (prompt_line->input) {
			const char *t = editbuf_text(prompt_line->input);
			size_t cur = editbuf_cursor(prompt_line->input);
			int before = wrap_cells(t, cur);
			int room = COLS - x - 1;
			/* Keep the cursor in view on a long input. */
			size_t from = 0;
			while (before > room && from < cur) {
				unsigned cp;
				size_t n = utf8_decode(t + from, cur - from, &cp);
				before -= wrap_cells(t + from, n ? n : 1);
				from += n ? n : 1;
			}
			term_put(y, x, t + from, strlen(t + from), room, ROLE_NORMAL);
			term_fill(y, x + wrap_cells(t + from, strlen(t + from)), COLS, ROLE_NORMAL);
			move(y, x + before);
			curs_set(1);
		} else {
			curs_set(0);
		}
		return;
	}
	if (a->message[0])
		draw_message(a, y, 4);
}

/* A framed box above the status and key lines, as wide as the window
 * allows, the title on the frame. */
static void draw_menu(void)
{
	int h = (int)menu_box->n + 2, w = COLS - 4;
	int top = LINES - 2 - h;
	if (top < 1)
		top = 1;
	for (int y = top; y < top + h && y < LINES - 2; y++) {
		term_fill(y, 0, COLS, ROLE_NORMAL);
		int first = y == top, last = y == top + h - 1;
		term_puts(y, 2, first ? "┌" : last ? "└" : "│", 1, ROLE_DIM);
		term_puts(y, 2 + w - 1, first ? "┐" : last ? "┘" : "│", 1, ROLE_DIM);
		if (first || last)
			for (int x = 3; x < 2 + w - 1; x++)
				term_puts(y, x, "─", 1, ROLE_DIM);
		else
			term_puts(y, 4, menu_box->lines[y - top - 1], w - 4, ROLE_NORMAL);
	}
	term_puts(top, 4, " ", 1, ROLE_DIM);
	int tw = term_puts(top, 5, menu_box->title, w - 6, ROLE_HEADING);
	term_puts(top, 5 + tw, " ", 1, ROLE_DIM);
}

void app_redraw(struct app *a)
{
	erase();
	a->cursor_on = 0;
	if (!app_fits()) {
		curs_set(0);
		draw_too_small();
		refresh();
		return;
	}
	if (a->draw)
		a->draw(a->draw_ctx);
	if (menu_box)
		draw_menu();
	draw_status_overlay(a);
	if (!prompt_line || !prompt_line->input) {
		curs_set(a->cursor_on);
		if (a->cursor_on)
			move(a->cursor_y, a->cursor_x);
	}
	refresh();
}

/* One "^S Sichern" of the key line; 0 when it does not fit. */
static int key_item(int *x, const char *key, const char *label)
{
	int y = LINES - 1;
	int need = wrap_cells(key, strlen(key)) + 1 + wrap_cells(label, strlen(label));
	if (*x + need > COLS)
		return 0;
	*x += term_puts(y, *x, key, COLS - *x, ROLE_KEY);
	*x += term_puts(y, *x, " ", COLS - *x, ROLE_NORMAL);
	*x += term_puts(y, *x, label, COLS - *x, ROLE_NORMAL);
	*x += term_puts(y, *x, "  ", COLS - *x, ROLE_NORMAL);
	return 1;
}

void app_keyline(const struct app *a, const char *key, const char *label,
                 const enum keymap_cmd *cmds, size_t n)
{
	int x = 0;
	term_fill(LINES - 1, 0, COLS, ROLE_NORMAL);
	if (key && !key_item(&x, key, label))
		return;
	for (size_t i = 0; i < n; i++) {
		const char *k = keymap_key_for(a->km, cmds[i]);
		const char *l = keymap_cmd_label(cmds[i]);
		if (k && l && !key_item(&x, k, l))
			break;
	}
}

enum keymap_cmd app_command(const struct app *a, const struct event *ev)
{
	return ev->kind == EV_KEY ? keymap_lookup(a->km, ev->key) : CMD_NONE;
}

/* Ends the program after a signal (what is unsaved goes to the recovery
 * file first) or at the end of a test script (which stands for nothing a
 * person does, so it writes nothing); the terminal is restored. */
static void finish(struct app *a, int status, int dump, int recover)
{
	if (recover && a->idle)
		a->idle(a->idle_ctx, APP_ENDING);
	if (dump) {
		app_redraw(a);
		term_dump(stdout);
	}
	term_close();
	if (keytimes)
		fclose(keytimes);
	fflush(NULL);
	_exit(status);
}


static void time_key(const struct app *a)
{
	static int opened;
	if (!opened) {
		const char *path = getenv("ANTWORT_KEYTIMES");
		opened = 1;
		if (a->script && path && *path)
			keytimes = fopen(path, "w");
	}
	if (keytimes && handed_out > 0)
		fprintf(keytimes, "%.0f\n", (now() - handed_out) * 1e6);
	handed_out = 0;
}

void app_next(struct app *a, struct event *ev)
{
	struct aw_error err;
	time_key(a);
	for (;;) {
		if (a->script) {
			int rc = script_next(a->script, ev, &err);
			if (rc < 0) {
				app_error(a, &err);
				fprintf(stderr, "antwort: %s\n", a->message);
				finish(a, 2, 1, 0);
			}
		} else {
			term_next(ev, 1000);
		}
		switch (ev->kind) {
		case EV_NONE:
		case EV_IDLE:
			if (a->idle) {
				a->idle(a->idle_ctx, APP_PAUSE);
				/* What the pause brought (the check's marks) shows now. */
				app_redraw(a);
			}
			last_idle = now();
			continue;
		case EV_RESIZE:
			if (a->script)
				term_resize(ev->col, ev->row);
			app_redraw(a);
			continue;
		case EV_SCREEN:
			app_redraw(a);
			term_dump(stdout);
			continue;
		case EV_SIGNAL:
			finish(a, 128 + ev->sig, a->script != NULL, 1);
			continue;
		case EV_END:
			finish(a, 0, 1, 0);
			continue;
		default:
			break;
		}
		/* Nothing typed blind: the notice says the window is too small. */
		if (!app_fits())
			continue;
		/* Typing without a pause still writes the recovery file every
		 * two seconds. */
		double t = now();
		if (!a->script && a->idle && t - last_idle >= 2.0) {
			a->idle(a->idle_ctx, APP_TYPING);
			last_idle = t;
		}
		last_input = t;
		a->message[0] = '\0';
		if (keytimes)
			handed_out = now();
		return;
	}
}

/* Applies an editing key to a one-line input; 1 when it was one. */
static int edit_line(struct editbuf *b, enum keymap_cmd c)
{
	switch (c) {
	case CMD_LEFT: editbuf_move(b, EB_CHAR_LEFT, 0); break;
	case CMD_RIGHT: editbuf_move(b, EB_CHAR_RIGHT, 0); break;
	case CMD_WORD_LEFT: editbuf_move(b, EB_WORD_LEFT, 0); break;
	case CMD_WORD_RIGHT: editbuf_move(b, EB_WORD_RIGHT, 0); break;
	case CMD_LINE_START: case CMD_TEXT_START: editbuf_move(b, EB_TEXT_START, 0); break;
	case CMD_LINE_END: case CMD_TEXT_END: editbuf_move(b, EB_TEXT_END, 0); break;
	case CMD_DEL_BACK: editbuf_delete(b, EB_DEL_BACK); break;
	case CMD_DEL_FORWARD: editbuf_delete(b, EB_DEL_FORWARD); break;
	case CMD_DEL_WORD_BACK: editbuf_delete(b, EB_DEL_WORD_BACK); break;
	case CMD_DEL_WORD_FORWARD: editbuf_delete(b, EB_DEL_WORD_FORWARD); break;
	case CMD_UNDO: editbuf_undo(b); break;
	case CMD_REDO: editbuf_redo(b); break;
	default: return 0;
	}
	return 1;
}

/* Pasted text on one line: line ends become spaces. */
static void insert_flat(struct editbuf *b, struct buf *text)
{
	for (size_t i = 0; i < text->len; i++)
		if (text->s[i] == '\n' || text->s[i] == '\t')
			text->s[i] = ' ';
	editbuf_insert(b, text->s ? text->s : "", text->len, 1);
}

char *app_prompt(struct app *a, const char *label, const char *initial,
                 void (*on_change)(void *ctx, const char *text), void *ctx)
{
	struct editbuf *in = editbuf_new(initial ? initial : "", initial ? strlen(initial) : 0);
	if (!in)
		return NULL;
	/* A suggested value is marked: typing replaces it, a move keeps it. */
	editbuf_move(in, EB_TEXT_END, 1);
	struct status_prompt ov = {label, in}, *outer = prompt_line;
	prompt_line = &ov;
	struct event ev = EVENT_INIT;
	char *result = NULL;
	for (;;) {
		app_redraw(a);
		app_next(a, &ev);
		enum keymap_cmd c = app_command(a, &ev);
		size_t before = editbuf_len(in);
		const char *old = editbuf_text(in);
		char *copy = strdup(old);
		if (ev.kind == EV_CHAR) {
			editbuf_insert(in, ev.text.s, ev.text.len, 0);
		} else if (ev.kind == EV_PASTE) {
			insert_flat(in, &ev.text);
		} else if (ev.kind == EV_KEY && (!strcmp(ev.key, "Enter") || c == CMD_NEWLINE)) {
			result = strdup(editbuf_text(in));
			free(copy);
			break;
		} else if (ev.kind == EV_KEY && (!strcmp(ev.key, "Esc") || c == CMD_CANCEL ||
		                                 c == CMD_QUIT)) {
			free(copy);
			break;
		} else {
			edit_line(in, c);
		}
		if (on_change && copy && (before != editbuf_len(in) || strcmp(copy, editbuf_text(in))))
			on_change(ctx, editbuf_text(in));
		free(copy);
	}
	buf_free(&ev.text);
	prompt_line = outer;
	editbuf_free(in);
	return result;
}

/* The letter of choices a typed character picks (either case), or 0. */
static int picked(const struct event *ev, const char *choices)
{
	if (ev->kind != EV_CHAR || ev->text.len != 1 || !*choices)
		return 0;
	char ch = ev->text.s[0];
	if (ch >= 'A' && ch <= 'Z')
		ch = (char)(ch - 'A' + 'a');
	return strchr(choices, ch) ? ch : 0;
}

int app_choice(struct app *a, const char *question, const char *choices)
{
	struct status_prompt ov = {question, NULL}, *outer = prompt_line;
	prompt_line = &ov;
	struct event ev = EVENT_INIT;
	int answer = 0;
	for (;;) {
		app_redraw(a);
		app_next(a, &ev);
		enum keymap_cmd c = app_command(a, &ev);
		if (ev.kind == EV_KEY && (!strcmp(ev.key, "Esc") || c == CMD_CANCEL))
			break;
		if ((answer = picked(&ev, choices)))
			break;
	}
	buf_free(&ev.text);
	prompt_line = outer;
	return answer;
}

int app_menu(struct app *a, const char *title, const char *const *lines, size_t n,
             const char *choices)
{
	struct menu_box box = {title, lines, n}, *outer = menu_box;
	menu_box = &box;
	int answer = app_choice(a, "Wählen Sie mit der Taste vorne in der Zeile, Esc: nichts tun ",
	                        choices);
	menu_box = outer;
	return answer;
}

/* The text viewer's state, for its draw function. */
struct viewer {
	struct app *a;
	const char *title, *text, *footer;
	unsigned char *roles;    /* per byte: 0 plain, 1 deleted, 2 added */
	struct wrap w;
	size_t top;
	int width;
};

/* Marks the bytes inside [-…-] and {+…+}, the markers included. */
static void mark_changes(const char *text, unsigned char *roles)
{
	int in = 0;
	for (size_t i = 0; text[i]; i++) {
		if (!in && text[i] == '[' && text[i + 1] == '-')
			in = 1;
		else if (!in && text[i] == '{' && text[i + 1] == '+')
			in = 2;
		roles[i] = (unsigned char)in;
		if (in == 1 && text[i] == ']' && i && text[i - 1] == '-')
			in = 0;
		else if (in == 2 && text[i] == '}' && i && text[i - 1] == '+')
			in = 0;
	}
}

static void viewer_draw(void *ctx)
{
	struct viewer *v = ctx;
	int body = LINES - 2;
	if (v->width != COLS - 1) {
		v->width = COLS - 1;
		wrap_layout(&v->w, v->text, strlen(v->text), v->width);
	}
	if (v->w.n > (size_t)body && v->top > v->w.n - (size_t)body)
		v->top = v->w.n - (size_t)body;
	term_fill(0, 0, COLS, ROLE_TITLE);
	term_puts(0, 1, v->title, COLS - 1, ROLE_TITLE);
	for (int y = 1; y < LINES - 1 && v->top + (size_t)(y - 1) < v->w.n; y++) {
		const struct wrap_row *r = &v->w.rows[v->top + (size_t)(y - 1)];
		size_t end = r->end;
		while (end > r->start && v->text[end - 1] == '\n')
			end--;
		int x = 0;
		for (size_t i = r->start; i < end;) {
			size_t j = i;
			while (j < end && v->roles[j] == v->roles[i])
				j++;
			enum term_role role = v->roles[i] == 1 ? ROLE_ERROR :
			                      v->roles[i] == 2 ? ROLE_DRAFTED : ROLE_NORMAL;
			x += term_put(y, x, v->text + i, j - i, COLS - x, role);
			i = j;
		}
	}
	term_fill(LINES - 1, 0, COLS, ROLE_NORMAL);
	term_puts(LINES - 1, 0, v->footer, COLS, ROLE_KEY);
}

int app_view_text(struct app *a, const char *title, const char *text, const char *footer,
                  const char *choices)
{
	struct viewer v = {a, title, text, footer, calloc(strlen(text) + 1, 1), WRAP_INIT, 0, 0};
	if (!v.roles)
		return 0;
	mark_changes(text, v.roles);
	void (*draw)(void *) = a->draw;
	void *ctx = a->draw_ctx;
	a->draw = viewer_draw;
	a->draw_ctx = &v;
	struct event ev = EVENT_INIT;
	int answer = 0;
	for (;;) {
		app_redraw(a);
		app_next(a, &ev);
		enum keymap_cmd c = app_command(a, &ev);
		size_t page = LINES > 3 ? (size_t)LINES - 3 : 1;
		if (c == CMD_DOWN || c == CMD_PARA_NEXT)
			v.top++;
		else if ((c == CMD_UP || c == CMD_PARA_PREV) && v.top)
			v.top--;
		else if (c == CMD_PAGE_DOWN)
			v.top += page;
		else if (c == CMD_PAGE_UP)
			v.top = v.top > page ? v.top - page : 0;
		else if (c == CMD_TEXT_START)
			v.top = 0;
		else if (c == CMD_TEXT_END)
			v.top = v.w.n;
		else if (ev.kind == EV_KEY && (!strcmp(ev.key, "Esc") || c == CMD_CANCEL ||
		                               c == CMD_QUIT || c == CMD_HELP))
			break;
		else if (ev.kind == EV_KEY && !strcmp(ev.key, "Enter") && !*choices)
			break;
		else if ((answer = picked(&ev, choices)))
			break;
	}
	buf_free(&ev.text);
	a->draw = draw;
	a->draw_ctx = ctx;
	wrap_free(&v.w);
	free(v.roles);
	return answer;
}
