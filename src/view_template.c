/* view_template.c: the picker: a search line, the matching templates
 * (Ressort, Titel, Stand, stale ones marked), and a preview filled in
 * for the inquiry; then the free placeholders, one prompt each. */
#include "view_template.h"
#include "datadir.h"
#include "editbuf.h"
#include "template.h"
#include "workspace.h"
#include "wrap.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct picker {
	struct app *a;
	const struct template_lib *lib;
	const struct template_context *ctx;
	struct editbuf *query;
	size_t *idx, n, sel, top;
	struct buf preview;
	struct wrap pw;
};

static void today(int *y, int *m, int *d)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
}

static int stale(const struct template *t, const struct template_context *ctx)
{
	return template_stale(t, ctx->today_y, ctx->today_m, ctx->today_d);
}

static void refilter(struct picker *p)
{
	free(p->idx);
	p->idx = NULL;
	p->n = 0;
	if (template_filter(p->lib, editbuf_text(p->query), &p->idx, &p->n))
		p->n = 0;
	p->sel = p->top = 0;
}

static void picker_draw(void *ctx)
{
	struct picker *p = ctx;
	int listh = (LINES - 6) / 2;
	term_fill(0, 0, COLS, ROLE_TITLE);
	term_puts(0, 0, " antwort · Textbaustein einfügen", COLS, ROLE_TITLE);
	int x = term_puts(1, 0, "Suche: ", COLS, ROLE_HEADING);
	const char *q = editbuf_text(p->query);
	term_puts(1, x, q, COLS - x, ROLE_NORMAL);
	p->a->cursor_y = 1;
	p->a->cursor_x = x + wrap_cells(q, editbuf_cursor(p->query));
	p->a->cursor_on = 1;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)listh)
		p->top = p->sel - (size_t)listh + 1;
	if (!p->n)
		term_puts(3, 2, p->lib->n ? "Kein Textbaustein passt zu dieser Suche." :
		          "Es gibt noch keine Textbausteine (Ordner templates/ im Arbeitsbereich).",
		          COLS - 2, ROLE_DIM);
	for (int i = 0; i < listh && p->top + (size_t)i < p->n; i++) {
		size_t k = p->top + (size_t)i;
		const struct template *t = &p->lib->v[p->idx[k]];
		enum term_role role = k == p->sel ? ROLE_CURSOR_ROW : ROLE_NORMAL;
		char stand[32], row[512];
		template_date_dots(t->stand_y, t->stand_m, t->stand_d, stand, sizeof stand);
		/* Ressort in 15 columns, the title, Stand at the right. */
		term_fill(2 + i, 0, COLS, role);
		term_puts(2 + i, 1, t->ressort ? t->ressort : "", 14, role);
		snprintf(row, sizeof row, "%s", t->titel ? t->titel : t->name);
		term_puts(2 + i, 16, row, COLS - 16 - 27, role);
		int sx = COLS - 26;
		sx += term_puts(2 + i, sx, "Stand ", 6, role);
		sx += term_puts(2 + i, sx, stand, 10, role);
		if (stale(t, p->ctx))
			term_puts(2 + i, sx + 1, "veraltet", 8, k == p->sel ? role : ROLE_ERROR);
	}
	/* The preview: the selected template filled in for this inquiry. */
	int py = 3 + listh;
	for (int cx = 0; cx < COLS; cx++)
		term_puts(py - 1, cx, "─", 1, ROLE_DIM);
	if (p->n) {
		const struct template *t = &p->lib->v[p->idx[p->sel]];
		struct template_context c = *p->ctx;
		c.ressort = t->ressort;
		p->preview.len = 0;
		if (p->preview.s)
			p->preview.s[0] = '\0';
		if (!template_fill(t->text, &c, NULL, NULL, &p->preview, NULL) &&
		    !wrap_layout(&p->pw, p->preview.s ? p->preview.s : "", p->preview.len, COLS)) {
			char head[512];
			snprintf(head, sizeof head, " Vorschau: %s%s ", t->name,
			         t->example ? " (Beispiel)" : "");
			term_puts(py - 1, 2, head, COLS - 4, ROLE_HEADING);
			for (int i = 0; py + i < LINES - 2 && (size_t)i < p->pw.n; i++) {
				const struct wrap_row *r = &p->pw.rows[i];
				size_t end = r->end;
				while (end > r->start && p->preview.s[end - 1] == '\n')
					end--;
				term_put(py + i, 0, p->preview.s + r->start, end - r->start, COLS, ROLE_NORMAL);
			}
		}
	}
	term_fill(LINES - 2, 0, COLS, ROLE_STATUS);
	char st[128];
	snprintf(st, sizeof st, " %zu von %zu Textbausteinen", p->n, p->lib->n);
	term_puts(LINES - 2, 0, st, COLS, ROLE_STATUS);
	term_fill(LINES - 1, 0, COLS, ROLE_NORMAL);
	term_puts(LINES - 1, 0, "Tippen: suchen  ↑↓: wählen  Enter: einfügen  Esc: abbrechen", COLS,
	          ROLE_KEY);
}

/* Asks for each free placeholder; 1 when all were answered (an empty
 * answer leaves the placeholder in the text, to be filled later). */
static int ask_free(struct app *a, const struct template *t, struct strlist *names,
                    struct strlist *values)
{
	if (template_free_names(t->text, names))
		return 0;
	for (size_t i = 0; i < names->n; i++) {
		char label[256];
		snprintf(label, sizeof label, "Platzhalter {{%s}} (%zu von %zu): ", names->v[i], i + 1,
		         names->n);
		char *v = app_prompt(a, label, NULL, NULL, NULL);
		if (!v)
			return 0;
		int rc = strlist_add(values, v);
		free(v);
		if (rc)
			return 0;
	}
	return 1;
}

/* The chosen template, filled: 1, or 0 when the person stepped back. */
static int take(struct picker *p, struct buf *out, struct buf *trailer)
{
	const struct template *t = &p->lib->v[p->idx[p->sel]];
	if (stale(t, p->ctx)) {
		char q[256];
		snprintf(q, sizeof q, "Veraltet (%s) – trotzdem einfügen?  j: ja   n: nein ",
		         template_expired(t, p->ctx->today_y, p->ctx->today_m, p->ctx->today_d) ?
		         "nicht mehr gültig" : "Stand älter als zwölf Monate");
		if (app_choice(p->a, q, "jn") != 'j')
			return 0;
	}
	struct strlist names = STRLIST_INIT, values = STRLIST_INIT, missing = STRLIST_INIT;
	int ok = ask_free(p->a, t, &names, &values);
	struct template_context c = *p->ctx;
	c.ressort = t->ressort;
	if (ok)
		ok = !template_fill(t->text, &c, &names, &values, out, &missing) &&
		     !template_trailer(t, trailer);
	if (ok && missing.n)
		app_note(p->a, "Eingefügt; noch offen: {{%s}}%s – ersetzen Sie es im Text.", missing.v[0],
		         missing.n > 1 ? " und weitere" : "");
	else if (ok && stale(t, p->ctx))
		app_note(p->a, "Eingefügt – der Textbaustein ist veraltet; prüfen Sie den Text mit dem "
		         "Ressort (%s).", t->ansprechpartner ? t->ansprechpartner :
		         t->ressort ? t->ressort : t->name);
	else if (ok)
		app_note(p->a, "Textbaustein „%s“ eingefügt.", t->titel ? t->titel : t->name);
	strlist_free(&names);
	strlist_free(&values);
	strlist_free(&missing);
	return ok;
}

static int load_lib(struct app *a, struct template_lib *lib)
{
	struct datadir dd = DATADIR_INIT;
	struct strlist problems = STRLIST_INIT;
	struct aw_error err;
	char wsdir[4200];
	snprintf(wsdir, sizeof wsdir, "%s%s", ws_root(a->ws), TEMPLATE_DIR);
	int rc = datadir_find(&dd);
	if (rc)
		aw_fail(&err, rc, TEMPLATE_DIR, "");
	else
		rc = template_lib_load(lib, dd.templates.len ? dd.templates.s : NULL, wsdir, &problems,
		                       &err);
	if (rc)
		app_error(a, &err);
	else if (problems.n) {
		app_note(a, "%s", problems.v[0]);
		a->message_role = ROLE_ERROR;
	}
	datadir_free(&dd);
	strlist_free(&problems);
	return rc;
}

int template_pick(struct app *a, const struct inquiry *q, int question, struct buf *out,
                  struct buf *trailer)
{
	struct template_lib lib = TEMPLATE_LIB_INIT;
	if (load_lib(a, &lib))
		return 0;
	struct template_context ctx = {q, question, 0, 0, 0, NULL};
	today(&ctx.today_y, &ctx.today_m, &ctx.today_d);
	struct picker p = {a, &lib, &ctx, editbuf_new("", 0), NULL, 0, 0, 0, BUF_INIT, WRAP_INIT};
	if (!p.query) {
		template_lib_free(&lib);
		return 0;
	}
	refilter(&p);
	void (*draw)(void *) = a->draw;
	void *dctx = a->draw_ctx;
	a->draw = picker_draw;
	a->draw_ctx = &p;
	struct event ev = EVENT_INIT;
	int got = 0;
	for (;;) {
		app_redraw(a);
		app_next(a, &ev);
		enum keymap_cmd c = app_command(a, &ev);
		if (ev.kind == EV_CHAR || ev.kind == EV_PASTE) {
			editbuf_insert(p.query, ev.text.s, ev.text.len, 0);
			refilter(&p);
		} else if (c == CMD_DEL_BACK || c == CMD_DEL_WORD_BACK) {
			editbuf_delete(p.query, c == CMD_DEL_BACK ? EB_DEL_BACK : EB_DEL_WORD_BACK);
			refilter(&p);
		} else if (c == CMD_DOWN && p.sel + 1 < p.n) {
			p.sel++;
		} else if (c == CMD_UP && p.sel) {
			p.sel--;
		} else if (c == CMD_PAGE_DOWN) {
			p.sel = p.sel + 5 < p.n ? p.sel + 5 : (p.n ? p.n - 1 : 0);
		} else if (c == CMD_PAGE_UP) {
			p.sel = p.sel > 5 ? p.sel - 5 : 0;
		} else if (c == CMD_NEWLINE && p.n) {
			if ((got = take(&p, out, trailer)))
				break;
		} else if (c == CMD_CANCEL || c == CMD_QUIT || c == CMD_TEMPLATE) {
			break;
		}
	}
	buf_free(&ev.text);
	a->draw = draw;
	a->draw_ctx = dctx;
	editbuf_free(p.query);
	free(p.idx);
	buf_free(&p.preview);
	wrap_free(&p.pw);
	template_lib_free(&lib);
	return got;
}

int template_save_text(struct app *a, const char *text)
{
	static const char *const labels[] = {
		"Neuer Textbaustein – Ressort (etwa Finanzen): ",
		"Titel (in der Liste zu sehen): ",
		"Schlagworte (mit Komma getrennt, darf leer bleiben): ",
	};
	char *v[3] = {NULL, NULL, NULL};
	int rc = -1;
	for (int i = 0; i < 3; i++) {
		v[i] = app_prompt(a, labels[i], NULL, NULL, NULL);
		if (!v[i] || (i < 2 && !*v[i])) {
			app_note(a, "Kein Textbaustein angelegt%s.", v[i] ? ": Ressort und Titel sind nötig" : "");
			goto out;
		}
	}
	int y, m, d;
	today(&y, &m, &d);
	struct buf file = BUF_INIT, rel = BUF_INIT, msg = BUF_INIT;
	char rs[64], ts[96];
	template_slug(v[0], rs, sizeof rs);
	template_slug(v[1], ts, sizeof ts);
	struct ws_saved saved = {0};
	struct aw_error err;
	if (template_format(v[0], v[1], v[2], y, m, d, NULL, text, &file) ||
	    buf_printf(&rel, "%s/%s/%s.txt", TEMPLATE_DIR, rs, ts) ||
	    buf_printf(&msg, "Textbaustein „%s“ angelegt (%s/%s)\n", v[1], rs, ts)) {
		aw_fail(&err, AW_ENOMEM, TEMPLATE_DIR, "");
		app_error(a, &err);
	} else if (ws_add_file(a->ws, rel.s, file.s, file.len, msg.s, &saved, &err)) {
		app_error(a, &err);
	} else {
		app_note(a, "Textbaustein gesichert als %s (Version %.7s); F4 findet ihn.", rel.s, saved.id);
		rc = 0;
	}
	ws_saved_free(&saved);
	buf_free(&file);
	buf_free(&rel);
	buf_free(&msg);
out:
	for (int i = 0; i < 3; i++)
		free(v[i]);
	return rc;
}
