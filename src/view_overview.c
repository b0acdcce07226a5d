/* view_overview.c: the list of inquiries and the import dialog. */
#include "view_overview.h"
#include "buf.h"
#include "editbuf.h"
#include "fileio.h"
#include "overview.h"
#include "reader.h"
#include "speller.h"
#include "summary.h"
#include "utf8.h"
#include "view_help.h"
#include "workspace.h"
#include "wrap.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct overview {
	struct app *a;
	struct overview_row *rows;
	size_t n, sel, top;
};

static const enum keymap_cmd overview_keys[] = {
	CMD_NEW_INQUIRY, CMD_HELP, CMD_QUIT,
};

/* "29.11.2026 10:14" in the author's zone. */
static void when(long long t, int tz, char *out, size_t size)
{
	time_t tt = (time_t)(t + (long long)tz * 60);
	struct tm tm;
	if (!t || !gmtime_r(&tt, &tm))
		snprintf(out, size, "–");
	else
		strftime(out, size, "%d.%m.%Y %H:%M", &tm);
}

/* Draws one cell of a table row and returns the next column. */
static int cell(int y, int x, const char *s, int width, enum term_role role)
{
	if (width <= 0)
		return x;
	term_fill(y, x, width, role);
	term_puts(y, x, s, width - 1, role);
	return x + width;
}

static void overview_draw(void *ctx)
{
	struct overview *o = ctx;
	term_fill(0, 0, COLS, ROLE_TITLE);
	char title[1200];
	snprintf(title, sizeof title, " antwort · Übersicht · %s", ws_root(o->a->ws));
	term_puts(0, 0, title, COLS, ROLE_TITLE);
	/* Columns: number, title, kind, answered, changed, author; the
	 * author goes first when the window is narrow. */
	int wn = 7, wk = 15, wa = 6, wd = 17, wu = COLS >= 100 ? 20 : COLS >= 80 ? 14 : 0;
	int wt = COLS - wn - wk - wa - wd - wu;
	int y = 2;
	int x = cell(1, 0, "Nr.", wn, ROLE_HEADING);
	x = cell(1, x, "Titel", wt, ROLE_HEADING);
	x = cell(1, x, "Art", wk, ROLE_HEADING);
	x = cell(1, x, "Antw.", wa, ROLE_HEADING);
	x = cell(1, x, "Letzte Änderung", wd, ROLE_HEADING);
	cell(1, x, "von", wu, ROLE_HEADING);
	int h = LINES - 4;
	if (o->sel < o->top)
		o->top = o->sel;
	if (o->sel >= o->top + (size_t)h)
		o->top = o->sel - (size_t)h + 1;
	if (!o->n)
		term_puts(y + 1, 2, "Noch keine Anfrage im Arbeitsbereich. Mit ^N nehmen Sie die erste "
		          "auf: Text einfügen oder Dateinamen angeben.", COLS - 4, ROLE_NORMAL);
	for (size_t i = o->top; i < o->n && y < 2 + h; i++, y++) {
		const struct overview_row *r = &o->rows[i];
		enum term_role role = i == o->sel ? ROLE_CURSOR_ROW : ROLE_NORMAL;
		if (r->problem) {
			term_fill(y, 0, COLS, role);
			x = cell(y, 0, r->slug, wn + wt, role);
			term_puts(y, x, r->problem, COLS - x, i == o->sel ? role : ROLE_ERROR);
			continue;
		}
		char answered[32], date[32];
		snprintf(answered, sizeof answered, "%zu/%zu", r->answered, r->questions);
		when(r->time, r->tz, date, sizeof date);
		x = cell(y, 0, r->number ? r->number : "–", wn, role);
		x = cell(y, x, r->title ? r->title : r->slug, wt, role);
		x = cell(y, x, r->kind ? r->kind : "", wk, role);
		x = cell(y, x, answered, wa, r->answered == r->questions && i != o->sel ?
		         ROLE_DRAFTED : role);
		x = cell(y, x, date, wd, role);
		cell(y, x, r->author, wu, role);
	}
	term_fill(LINES - 2, 0, COLS, ROLE_STATUS);
	char status[128];
	snprintf(status, sizeof status, " %zu Anfrage%s im Arbeitsbereich", o->n, o->n == 1 ? "" : "n");
	term_puts(LINES - 2, 0, status, COLS, ROLE_STATUS);
	app_keyline(o->a, "Enter", "Öffnen", overview_keys, sizeof overview_keys / sizeof *overview_keys);
}

static int reload(struct overview *o)
{
	struct aw_error err;
	struct overview_row *rows;
	size_t n;
	if (overview_load(o->a->ws, &rows, &n, &err)) {
		app_error(o->a, &err);
		return -1;
	}
	overview_free(o->rows, o->n);
	o->rows = rows;
	o->n = n;
	if (o->sel >= n)
		o->sel = n ? n - 1 : 0;
	return 0;
}

/* --- "Neue Anfrage" ------------------------------------------------------- */

struct paste_area {
	struct app *a;
	struct editbuf *text;
	struct wrap w;
	size_t top;
};

static void paste_draw(void *ctx)
{
	struct paste_area *p = ctx;
	term_fill(0, 0, COLS, ROLE_TITLE);
	term_puts(0, 0, " antwort · Neue Anfrage", COLS, ROLE_TITLE);
	static const char hint[] = "Fügen Sie den Text der Anfrage ein (wie er kam, auch aus "
	                           "einem PDF) oder schreiben Sie den Namen einer Textdatei.";
	struct wrap hw = WRAP_INIT;
	int hint_rows = 0;
	if (!wrap_layout(&hw, hint, sizeof hint - 1, COLS))
		for (; hint_rows < 2 && (size_t)hint_rows < hw.n; hint_rows++)
			term_put(1 + hint_rows, 0, hint + hw.rows[hint_rows].start,
			         hw.rows[hint_rows].end - hw.rows[hint_rows].start, COLS, ROLE_DIM);
	wrap_free(&hw);
	const char *t = editbuf_text(p->text);
	wrap_layout(&p->w, t, editbuf_len(p->text), COLS);
	int top = 1 + hint_rows, h = LINES - 2 - top;
	size_t row;
	int col;
	wrap_locate(&p->w, t, editbuf_cursor(p->text), &row, &col);
	if (row < p->top)
		p->top = row;
	if (row >= p->top + (size_t)h)
		p->top = row - (size_t)h + 1;
	for (int i = 0; i < h && p->top + (size_t)i < p->w.n; i++) {
		const struct wrap_row *r = &p->w.rows[p->top + (size_t)i];
		size_t end = r->end;
		while (end > r->start && t[end - 1] == '\n')
			end--;
		term_put(top + i, 0, t + r->start, end - r->start, COLS, ROLE_NORMAL);
	}
	term_fill(LINES - 2, 0, COLS, ROLE_STATUS);
	char st[96];
	size_t chars = 0;
	for (size_t i = 0; i < editbuf_len(p->text); i++)
		chars += (t[i] & 0xC0) != 0x80;
	snprintf(st, sizeof st, " %zu Zeichen eingefügt", chars);
	term_puts(LINES - 2, 0, st, COLS, ROLE_STATUS);
	term_fill(LINES - 1, 0, COLS, ROLE_NORMAL);
	int x = term_puts(LINES - 1, 0, keymap_key_for(p->a->km, CMD_SAVE), COLS, ROLE_KEY);
	x += term_puts(LINES - 1, x, " Prüfen  ", COLS - x, ROLE_NORMAL);
	x += term_puts(LINES - 1, x, "Esc", COLS - x, ROLE_KEY);
	term_puts(LINES - 1, x, " Abbrechen", COLS - x, ROLE_NORMAL);
	p->a->cursor_y = top + (int)(row - p->top);
	p->a->cursor_x = col;
	p->a->cursor_on = 1;
}

/* The text as pasted, or the file it names. 0, or an error shown. */
static int source_text(struct app *a, const char *t, struct buf *out, char *name, size_t size)
{
	struct aw_error err;
	size_t len = strlen(t);
	while (len && (t[len - 1] == '\n' || t[len - 1] == ' '))
		len--;
	size_t start = strspn(t, " \n");
	char path[1024] = "";
	if (len > start && !memchr(t + start, '\n', len - start) && len - start < sizeof path) {
		memcpy(path, t + start, len - start);
		path[len - start] = '\0';
		if (path[0] == '~' && path[1] == '/' && getenv("HOME")) {
			char full[1024];
			snprintf(full, sizeof full, "%s%s", getenv("HOME"), path + 1);
			snprintf(path, sizeof path, "%s", full);
		}
	}
	if (path[0] && access(path, F_OK) == 0) {
		snprintf(name, size, "%s", path);
		if (fileio_read(path, out, &err)) {
			app_error(a, &err);
			return -1;
		}
		return 0;
	}
	snprintf(name, size, "(eingefügter Text)");
	return buf_add(out, t, strlen(t));
}

/* Shows what the importer found; 1 when the person confirms. */
static int confirm(struct app *a, struct inquiry *qs, size_t n, const char *name)
{
	struct buf b = BUF_INIT;
	int rc = 0;
	if (n > 1)
		rc |= buf_printf(&b, "%s enthält %zu Anfragen; alle werden aufgenommen, jede für sich.\n\n",
		                 name, n);
	for (size_t i = 0; i < n && !rc; i++) {
		if (n > 1)
			rc |= buf_printf(&b, "── Anfrage %zu von %zu ──\n", i + 1, n);
		/* The summary lists the reader's doubts under "Hinweise". */
		rc |= summary_write(&qs[i], 0, &b);
		rc |= buf_addc(&b, '\n');
	}
	int c = rc ? 0 : app_view_text(a, "Neue Anfrage – so hat antwort sie aufgeteilt", b.s,
	                               "j: aufnehmen   n oder Esc: zurück zum Text", "jn");
	buf_free(&b);
	return c == 'j';
}

/* Imports the inquiries; 1 with the slug of the first taken in. */
static int take_in(struct app *a, struct inquiry *qs, size_t n, char slug[SLUG_MAX + 1])
{
	int got = 0;
	for (size_t i = 0; i < n; i++) {
		char s[SLUG_MAX + 1];
		struct ws_saved saved = {0};
		struct aw_error err;
		if (ws_import(a->ws, &qs[i], s, &saved, &err)) {
			app_error(a, &err);
		} else if (!got) {
			memcpy(slug, s, SLUG_MAX + 1);
			got = 1;
		}
		ws_saved_free(&saved);
	}
	if (got && n > 1)
		app_note(a, "%zu Anfragen aufgenommen; die erste ist geöffnet.", n);
	return got;
}

int overview_new_inquiry(struct app *a, char slug[SLUG_MAX + 1])
{
	struct paste_area p = {a, editbuf_new("", 0), WRAP_INIT, 0};
	if (!p.text)
		return 0;
	void (*draw)(void *) = a->draw;
	void *ctx = a->draw_ctx;
	a->draw = paste_draw;
	a->draw_ctx = &p;
	struct event ev = EVENT_INIT;
	int done = 0, got = 0;
	while (!done) {
		app_redraw(a);
		app_next(a, &ev);
		enum keymap_cmd c = app_command(a, &ev);
		if (ev.kind == EV_CHAR || ev.kind == EV_PASTE) {
			editbuf_insert(p.text, ev.text.s, ev.text.len, ev.kind == EV_PASTE);
		} else if (c == CMD_NEWLINE) {
			editbuf_insert(p.text, "\n", 1, 0);
		} else if (c == CMD_CANCEL || c == CMD_QUIT) {
			done = 1;
		} else if (c == CMD_SAVE) {
			struct buf text = BUF_INIT;
			char name[1024];
			struct inquiry *qs = NULL;
			size_t n = 0;
			struct aw_error err;
			if (source_text(a, editbuf_text(p.text), &text, name, sizeof name) == 0) {
				struct speller_lazy dict = {0};
				struct lexicon lex = {speller_lazy_known, &dict};
				if (reader_read_all(text.s ? text.s : "", text.len, name, &lex, &qs, &n, &err))
					app_error(a, &err);
				else if (confirm(a, qs, n, name) && (got = take_in(a, qs, n, slug)))
					done = 1;
				speller_lazy_close(&dict);
			}
			for (size_t i = 0; i < n; i++)
				inquiry_free(&qs[i]);
			free(qs);
			buf_free(&text);
		} else if (c == CMD_DEL_BACK) {
			editbuf_delete(p.text, EB_DEL_BACK);
		} else if (c == CMD_DEL_FORWARD) {
			editbuf_delete(p.text, EB_DEL_FORWARD);
		} else if (c == CMD_UNDO) {
			editbuf_undo(p.text);
		} else if (c == CMD_LEFT || c == CMD_RIGHT) {
			editbuf_move(p.text, c == CMD_LEFT ? EB_CHAR_LEFT : EB_CHAR_RIGHT, 0);
		} else if (c == CMD_HELP) {
			help_show(a);
		}
	}
	buf_free(&ev.text);
	a->draw = draw;
	a->draw_ctx = ctx;
	wrap_free(&p.w);
	editbuf_free(p.text);
	return got;
}

int overview_screen(struct app *a, const char *selected, char slug[SLUG_MAX + 1])
{
	struct overview o = {a, NULL, 0, 0, 0};
	if (reload(&o))
		return 0;
	for (size_t i = 0; selected && i < o.n; i++)
		if (!strcmp(o.rows[i].slug, selected))
			o.sel = i;
	void (*draw)(void *) = a->draw;
	void *ctx = a->draw_ctx;
	a->draw = overview_draw;
	a->draw_ctx = &o;
	struct event ev = EVENT_INIT;
	int opened = 0;
	for (;;) {
		app_redraw(a);
		app_next(a, &ev);
		enum keymap_cmd c = app_command(a, &ev);
		size_t page = LINES > 6 ? (size_t)LINES - 5 : 1;
		if (ev.kind == EV_CLICK && ev.row >= 2 && o.top + (size_t)(ev.row - 2) < o.n)
			o.sel = o.top + (size_t)(ev.row - 2);
		else if (c == CMD_DOWN && o.sel + 1 < o.n)
			o.sel++;
		else if (c == CMD_UP && o.sel)
			o.sel--;
		else if (c == CMD_PAGE_DOWN)
			o.sel = o.sel + page < o.n ? o.sel + page : (o.n ? o.n - 1 : 0);
		else if (c == CMD_PAGE_UP)
			o.sel = o.sel > page ? o.sel - page : 0;
		else if (c == CMD_TEXT_START || c == CMD_LINE_START)
			o.sel = 0;
		else if ((c == CMD_TEXT_END || c == CMD_LINE_END) && o.n)
			o.sel = o.n - 1;
		else if (c == CMD_HELP)
			help_show(a);
		else if (c == CMD_QUIT)
			break;
		else if (c == CMD_NEW_INQUIRY && overview_new_inquiry(a, slug)) {
			opened = 1;
			break;
		} else if (c == CMD_NEWLINE && o.n) {
			if (o.rows[o.sel].problem) {
				app_note(a, "%s", o.rows[o.sel].problem);
				a->message_role = ROLE_ERROR;
				continue;
			}
			snprintf(slug, SLUG_MAX + 1, "%s", o.rows[o.sel].slug);
			opened = 1;
			break;
		}
	}
	buf_free(&ev.text);
	a->draw = draw;
	a->draw_ctx = ctx;
	overview_free(o.rows, o.n);
	return opened;
}
