/* view_editor.c: the editor screen.
 *
 * Rows of the question list: the askers' preamble, the Senate's
 * preamble, then one row per question. The row selected decides which
 * buffer the editor below shows: the preamble's, or the answer part of
 * that question (a combined answer is shared by its questions).
 *
 * Commands reach their handlers through one table (cmd_table); what a
 * handler does may depend on the pane in focus. Drawing lays out the
 * current answer only, so the work per key does not grow with the
 * inquiry. */
#include "view_editor.h"
#include "buf.h"
#include "check.h"
#include "editbuf.h"
#include "findings.h"
#include "fileio.h"
#include "reader.h"
#include "recovery.h"
#include "search.h"
#include "session.h"
#include "summary.h"
#include "utf8.h"
#include "view_help.h"
#include "view_template.h"
#include "workspace.h"
#include "worddiff.h"
#include "wrap.h"
#include "writer.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { ROW_ASKERS, ROW_SENATE, ROW_FIRST_QUESTION };
/* In Tab order. */
enum focus { FOCUS_LIST, FOCUS_QUESTION, FOCUS_ANSWER };

/* Select flag in a movement command's argument. */
#define SEL 0x100

struct editor {
	struct app *a;
	char slug[SLUG_MAX + 1];
	char base[WS_ID_LEN + 1];   /* the version the session started from */
	struct inquiry base_doc;    /* that version, as read or saved */
	char shown[WS_ID_LEN + 1];  /* the last version of this inquiry, for people */
	struct session *s;
	size_t row;                 /* selected row of the list */
	enum focus focus;
	size_t list_top, q_top, a_top;
	struct editbuf *qtext;      /* the question text, read-only, for its cursor */
	size_t qtext_row;
	int goal;                   /* goal column of up and down, or -1 */
	unsigned long edits, recovered; /* changes made; how many the recovery file holds */
	int recovery_blocked;       /* a damaged recovery file the person kept */
	int closing;

	/* The last search. */
	struct search *find;
	char *needle;
	char *clip;                 /* the last text cut or copied */
	/* Templates inserted since the last save: the trailer line each
	 * ("Textbaustein: …") and the start of the text it put in, so that
	 * one undone or deleted again is not named in the commit. */
	struct strlist trailer_lines, trailer_texts;
	size_t hit_slot, hit_start, hit_end;
	int hit_on;

	/* The spelling and style check: opened at the first pause (loading
	 * the dictionary takes a tenth of a second) or at the first F7. */
	struct checker *chk;
	int chk_state;              /* 0 not tried, 1 open, -1 not available */
	struct findings *fc;
	struct slot_count {         /* findings per slot, against the text's version */
		const struct editbuf *b;
		unsigned long version;
		size_t n;
	} *counts;
	size_t ncounts;

	/* Layout of the last drawing, for clicks and paging. */
	int body, status_rows;      /* rows between title and status; status rows */
	int lw, rx, rw, qy, qh, hy, ay, ah;
	struct wrap aw, qw;
};

/* --- what the rows show -------------------------------------------------- */

static size_t nrows(const struct editor *ed)
{
	return ROW_FIRST_QUESTION + session_inquiry(ed->s)->nquestions;
}

static int is_question(const struct editor *ed, size_t row)
{
	return row >= ROW_FIRST_QUESTION && row < nrows(ed);
}

/* The part (session.h) the row edits; the askers' preamble has none. */
static size_t part_of_row(const struct editor *ed, size_t row)
{
	if (row == ROW_SENATE)
		return 0;
	return session_part_of_question(ed->s, row - ROW_FIRST_QUESTION);
}

static struct editbuf *buffer_of_row(struct editor *ed, size_t row)
{
	if (row == ROW_ASKERS)
		return session_askers_preamble(ed->s);
	return session_buffer(ed->s, part_of_row(ed, row));
}

static struct editbuf *current(struct editor *ed)
{
	return buffer_of_row(ed, ed->row);
}

/* Search works over slots: the askers' preamble, then every part. */
static size_t slot_of_row(const struct editor *ed, size_t row)
{
	return row == ROW_ASKERS ? 0 : 1 + part_of_row(ed, row);
}

static size_t row_of_slot(const struct editor *ed, size_t slot)
{
	if (slot <= 1)
		return slot;
	const struct inquiry *q = session_inquiry(ed->s);
	for (size_t qi = 0; qi < q->nquestions; qi++)
		if (session_part_of_question(ed->s, qi) == slot - 1)
			return ROW_FIRST_QUESTION + qi;
	return ROW_SENATE;
}

static struct editbuf *buffer_of_slot(struct editor *ed, size_t slot)
{
	return slot ? session_buffer(ed->s, slot - 1) : session_askers_preamble(ed->s);
}

static size_t nslots(const struct editor *ed)
{
	return 1 + session_parts(ed->s);
}

/* The label above the editor: "Zu Frage 2", "Vorbemerkung des Senats". */
static const char *row_label(const struct editor *ed, size_t row)
{
	if (row == ROW_ASKERS)
		return "Vorbemerkung der Fragesteller";
	return session_part_label(ed->s, part_of_row(ed, row));
}

/* The question text pane's content for the row, newly allocated. */
static char *pane_text(const struct editor *ed, size_t row)
{
	const struct inquiry *q = session_inquiry(ed->s);
	if (row == ROW_ASKERS)
		return strdup("Die Vorbemerkung gehört zur Anfrage der Fragesteller. Berichtigen Sie "
		              "hier nur, was beim Einlesen falsch angekommen ist.");
	if (row == ROW_SENATE) {
		if (!q->preamble.n)
			return strdup("Die Vorbemerkung des Senats steht vor den Antworten und gilt für "
			              "die ganze Anfrage.");
		struct buf b = BUF_INIT;
		buf_adds(&b, "Vorbemerkung der Fragesteller:");
		for (size_t i = 0; i < q->preamble.n; i++)
			buf_printf(&b, "\n%s", q->preamble.v[i]);
		return buf_take(&b);
	}
	return session_question_text(ed->s, row - ROW_FIRST_QUESTION);
}

/* Makes the read-only question buffer for the selected row. */
static void refresh_question(struct editor *ed)
{
	if (ed->qtext && ed->qtext_row == ed->row)
		return;
	char *t = pane_text(ed, ed->row);
	editbuf_free(ed->qtext);
	ed->qtext = editbuf_new(t ? t : "", t ? strlen(t) : 0);
	ed->qtext_row = ed->row;
	ed->q_top = 0;
	free(t);
}

/* Forgets the question buffer: after the structure changed. */
static void structure_changed(struct editor *ed)
{
	editbuf_free(ed->qtext);
	ed->qtext = NULL;
	if (ed->row >= nrows(ed))
		ed->row = nrows(ed) - 1;
	ed->a_top = 0;
	ed->hit_on = 0;
	ed->edits++;
	refresh_question(ed);
}

static void select_row(struct editor *ed, size_t row)
{
	if (row >= nrows(ed))
		row = nrows(ed) - 1;
	if (row != ed->row) {
		size_t old_part = ed->row == ROW_ASKERS ? (size_t)-1 : part_of_row(ed, ed->row);
		size_t new_part = row == ROW_ASKERS ? (size_t)-1 : part_of_row(ed, row);
		if (old_part != new_part)
			ed->a_top = 0;
		ed->row = row;
		ed->hit_on = 0;
		editbuf_break(current(ed));
	}
	refresh_question(ed);
}

/* --- drawing ------------------------------------------------------------- */

/* On screen a blank row follows every paragraph but the last, so that a
 * new paragraph is told from a wrapped line. Screen rows count those
 * gaps; wrap rows (wrap.h) do not. q_top and a_top are screen rows. */
static size_t to_screen(const struct wrap *w, size_t r)
{
	return r + w->rows[r].para;
}

static size_t screen_rows(const struct wrap *w)
{
	return w->n ? to_screen(w, w->n - 1) + 1 : 0;
}

/* The wrap row shown at screen row y; *gap is 1 when y is the blank row
 * after that wrap row's paragraph. */
static size_t from_screen(const struct wrap *w, size_t y, int *gap)
{
	size_t lo = 0, hi = w->n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (to_screen(w, mid) <= y)
			lo = mid;
		else
			hi = mid;
	}
	*gap = w->n && to_screen(w, lo) < y;
	return lo;
}

static void layout(struct editor *ed)
{
	int body = ed->body;
	ed->lw = COLS >= 100 ? 30 : COLS >= 80 ? 22 : 17;
	ed->rx = ed->lw + 1;
	ed->rw = COLS - ed->rx;
	const char *qt = editbuf_text(ed->qtext);
	wrap_layout(&ed->qw, qt, strlen(qt), ed->rw);
	int want = (int)screen_rows(&ed->qw) + 1;
	int most = body * 2 / 5;
	ed->qh = want < 3 ? 3 : want > most ? most : want;
	ed->qy = 1;
	ed->hy = ed->qy + ed->qh;
	ed->ay = ed->hy + 1;
	ed->ah = body - ed->qh - 1;
}

static enum term_role state_role(enum answer_state st)
{
	return st == ANSWER_CHANGED ? ROLE_CHANGED : st == ANSWER_DRAFTED ? ROLE_DRAFTED : ROLE_EMPTY;
}

static const char *state_mark(enum answer_state st)
{
	return st == ANSWER_CHANGED ? "✎" : st == ANSWER_DRAFTED ? "✓" : "·";
}

static void draw_title(struct editor *ed)
{
	const struct inquiry *q = session_inquiry(ed->s);
	char t[512];
	snprintf(t, sizeof t, " antwort · %s%s%s · %s%s%s", inquiry_kind_name(q->kind),
	         q->number ? " " : "", q->number ? q->number : "", q->title ? "„" : "",
	         q->title ? q->title : "(ohne Titel)", q->title ? "“" : "");
	term_fill(0, 0, COLS, ROLE_TITLE);
	term_puts(0, 0, t, COLS, ROLE_TITLE);
}

static void draw_list(struct editor *ed)
{
	const struct inquiry *q = session_inquiry(ed->s);
	int h = ed->body;
	if (ed->row < ed->list_top)
		ed->list_top = ed->row;
	if (ed->row >= ed->list_top + (size_t)h)
		ed->list_top = ed->row - (size_t)h + 1;
	for (int y = 0; y < h; y++) {
		size_t row = ed->list_top + (size_t)y;
		if (row >= nrows(ed))
			break;
		int sel = row == ed->row;
		enum term_role base = sel ? ROLE_CURSOR_ROW : ROLE_NORMAL;
		term_fill(1 + y, 0, ed->lw, base);
		struct editbuf *b = buffer_of_row(ed, row);
		int blank = editbuf_text(b)[strspn(editbuf_text(b), " \n")] == '\0';
		enum answer_state st = blank ? ANSWER_EMPTY :
		                       editbuf_modified(b) ? ANSWER_CHANGED : ANSWER_DRAFTED;
		char text[256];
		if (row == ROW_ASKERS)
			snprintf(text, sizeof text, "Vorbem. Fragest.");
		else if (row == ROW_SENATE)
			snprintf(text, sizeof text, "Vorbem. Senat");
		else {
			size_t qi = row - ROW_FIRST_QUESTION;
			st = session_state(ed->s, qi);
			const struct question *qu = &q->questions[qi];
			snprintf(text, sizeof text, "%d %s", qu->number, qu->paras.n ? qu->paras.v[0] : "");
		}
		int x = term_puts(1 + y, 0, state_mark(st), 2, sel ? base : state_role(st));
		x += term_puts(1 + y, x, " ", 1, base);
		term_puts(1 + y, x, text, ed->lw - x, base);
	}
	for (int y = 1; y <= ed->body; y++)
		term_puts(y, ed->lw, "│", 1, ROLE_DIM);
}

/* What draw_text() marks: the selection, the search hit and findings. */
struct marking {
	size_t sel_a, sel_b, hit_a, hit_b;
	const struct finding *f;
	size_t nf;
};

/* The role of the character at p: the hit over the selection over a
 * finding. *next is lowered to where that may change. */
static enum term_role role_at(const struct marking *m, size_t p, size_t *next,
                              enum term_role plain)
{
	size_t marks[4] = {m->sel_a, m->sel_b, m->hit_a, m->hit_b};
	for (int k = 0; k < 4; k++)
		if (marks[k] > p && marks[k] < *next)
			*next = marks[k];
	enum term_role role = plain;
	for (size_t i = 0; i < m->nf && m->f[i].start < *next; i++) {
		if (m->f[i].end <= p) {
			continue;
		} else if (m->f[i].start > p) {
			*next = m->f[i].start;
		} else {
			role = m->f[i].kind == FINDING_SPELL ? ROLE_SPELL : ROLE_STYLE;
			if (m->f[i].end < *next)
				*next = m->f[i].end;
		}
	}
	if (p >= m->hit_a && p < m->hit_b)
		return ROLE_MATCH;
	if (p >= m->sel_a && p < m->sel_b)
		return ROLE_SELECTION;
	return role;
}

/* Draws screen rows [top, top+h) of layout w of text at (y, x), marked
 * as m says. */
static void draw_text(const struct wrap *w, const char *text, size_t top, int y, int x, int h,
                      int width, const struct marking *m, enum term_role plain)
{
	for (int i = 0; i < h && top + (size_t)i < screen_rows(w); i++) {
		int gap;
		const struct wrap_row *r = &w->rows[from_screen(w, top + (size_t)i, &gap)];
		if (gap)
			continue;
		size_t end = r->end;
		while (end > r->start && text[end - 1] == '\n')
			end--;
		int cx = x;
		for (size_t p = r->start; p < end;) {
			size_t next = end;
			enum term_role role = role_at(m, p, &next, plain);
			cx += term_put(y + i, cx, text + p, next - p, x + width - cx, role);
			p = next;
		}
	}
}

static void draw_question(struct editor *ed)
{
	const char *t = editbuf_text(ed->qtext);
	int h = ed->qh;
	if (ed->focus == FOCUS_QUESTION) {
		size_t crow;
		int ccol;
		wrap_locate(&ed->qw, t, editbuf_cursor(ed->qtext), &crow, &ccol);
		crow = to_screen(&ed->qw, crow);
		if (crow < ed->q_top)
			ed->q_top = crow;
		if (crow >= ed->q_top + (size_t)h)
			ed->q_top = crow - (size_t)h + 1;
		ed->a->cursor_y = ed->qy + (int)(crow - ed->q_top);
		ed->a->cursor_x = ed->rx + ccol;
		ed->a->cursor_on = 1;
	}
	struct marking m = {0};
	if (editbuf_has_selection(ed->qtext))
		editbuf_selection(ed->qtext, &m.sel_a, &m.sel_b);
	draw_text(&ed->qw, t, ed->q_top, ed->qy, ed->rx, h, ed->rw, &m, ROLE_DIM);
	if (ed->q_top + (size_t)h < screen_rows(&ed->qw))
		term_puts(ed->qy + h - 1, COLS - 1, "…", 1, ROLE_DIM);
}

static void draw_answer(struct editor *ed)
{
	struct editbuf *b = current(ed);
	const char *t = editbuf_text(b);
	char head[256];
	snprintf(head, sizeof head, "%s:", row_label(ed, ed->row));
	term_fill(ed->hy, ed->rx, ed->rw, ROLE_NORMAL);
	int x = term_puts(ed->hy, ed->rx, head, ed->rw, ROLE_HEADING);
	for (int i = ed->rx + x + 1; i < COLS; i++)
		term_puts(ed->hy, i, "─", 1, ROLE_DIM);
	wrap_layout(&ed->aw, t, editbuf_len(b), ed->rw);
	size_t crow;
	int ccol;
	wrap_locate(&ed->aw, t, editbuf_cursor(b), &crow, &ccol);
	crow = to_screen(&ed->aw, crow);
	if (crow < ed->a_top)
		ed->a_top = crow;
	if (crow >= ed->a_top + (size_t)ed->ah)
		ed->a_top = crow - (size_t)ed->ah + 1;
	struct marking m = {0};
	if (editbuf_has_selection(b))
		editbuf_selection(b, &m.sel_a, &m.sel_b);
	if (ed->hit_on && ed->hit_slot == slot_of_row(ed, ed->row))
		m.hit_a = ed->hit_start, m.hit_b = ed->hit_end;
	if (ed->fc && findings_of(ed->fc, t, editbuf_len(b), &m.f, &m.nf))
		m.nf = 0;
	draw_text(&ed->aw, t, ed->a_top, ed->ay, ed->rx, ed->ah, ed->rw, &m, ROLE_NORMAL);
	if (!editbuf_len(b) && ed->focus != FOCUS_ANSWER)
		term_puts(ed->ay, ed->rx, "(noch kein Text – einfach lostippen)", ed->rw,
		          ROLE_DIM);
	if (ed->focus == FOCUS_ANSWER) {
		ed->a->cursor_y = ed->ay + (int)(crow - ed->a_top);
		ed->a->cursor_x = ed->rx + ccol;
		ed->a->cursor_on = 1;
	}
}

/* Findings in the whole inquiry, or -1 while the check is not open. Only
 * slots whose text changed since they were counted are counted again. */
static long total_findings(struct editor *ed)
{
	if (ed->chk_state != 1)
		return -1;
	size_t n = nslots(ed);
	if (ed->ncounts != n) {
		struct slot_count *c = realloc(ed->counts, n * sizeof *c);
		if (!c)
			return -1;
		memset(c, 0, n * sizeof *c);
		ed->counts = c;
		ed->ncounts = n;
	}
	long total = 0;
	for (size_t i = 0; i < n; i++) {
		struct editbuf *b = buffer_of_slot(ed, i);
		struct slot_count *c = &ed->counts[i];
		if (c->b != b || c->version != editbuf_version(b)) {
			const struct finding *f;
			if (findings_of(ed->fc, editbuf_text(b), editbuf_len(b), &f, &c->n))
				return -1;
			c->b = b;
			c->version = editbuf_version(b);
		}
		total += (long)c->n;
	}
	return total;
}

/* The status items, in their long and short forms ("" when absent). */
enum { NUMBER, WHERE, WORDS, SPEAK, FINDINGS, SAVED, VERSION, NITEMS };

static void status_items(struct editor *ed, char lng[NITEMS][96], char shrt[NITEMS][96])
{
	const struct inquiry *q = session_inquiry(ed->s);
	size_t words = editbuf_words(current(ed));
	memset(lng, 0, NITEMS * sizeof *lng);
	memset(shrt, 0, NITEMS * sizeof *shrt);
	snprintf(lng[NUMBER], 96, "%s", q->number ? q->number : "ohne Nummer");
	if (is_question(ed, ed->row)) {
		snprintf(lng[WHERE], 96, "Frage %zu von %zu", ed->row - ROW_FIRST_QUESTION + 1,
		         q->nquestions);
		snprintf(shrt[WHERE], 96, "Frage %zu/%zu", ed->row - ROW_FIRST_QUESTION + 1,
		         q->nquestions);
	} else {
		snprintf(lng[WHERE], 96, "%s", ed->row == ROW_ASKERS ? "Vorbemerkung Fragesteller" :
		         "Vorbemerkung Senat");
		snprintf(shrt[WHERE], 96, "Vorbemerkung");
	}
	snprintf(lng[WORDS], 96, "%zu %s", words, words == 1 ? "Wort" : "Wörter");
	if (q->kind == KIND_FRAGESTUNDE && ed->row != ROW_ASKERS) {
		unsigned sec = session_speaking_seconds(ed->s, part_of_row(ed, ed->row), ed->a->wpm);
		snprintf(lng[SPEAK], 96, "Redezeit %u:%02u bei %u Wörtern/Min.", sec / 60, sec % 60,
		         ed->a->wpm);
		snprintf(shrt[SPEAK], 96, "Redezeit %u:%02u (%u/Min.)", sec / 60, sec % 60, ed->a->wpm);
	}
	long found = total_findings(ed);
	if (found == 0)
		snprintf(lng[FINDINGS], 96, "keine Funde");
	else if (found > 0)
		snprintf(lng[FINDINGS], 96, "%ld %s (%s)", found, found == 1 ? "Fund" : "Funde",
		         keymap_key_for(ed->a->km, CMD_CHECK_NEXT) ?
		         keymap_key_for(ed->a->km, CMD_CHECK_NEXT) : "F7");
	if (found > 0)
		snprintf(shrt[FINDINGS], 96, "%ld %s", found, found == 1 ? "Fund" : "Funde");
	snprintf(lng[SAVED], 96, "%s", session_modified(ed->s) ? "ungesichert" : "gesichert");
	snprintf(lng[VERSION], 96, "Version %.7s", ed->shown[0] ? ed->shown : "–");
	snprintf(shrt[VERSION], 96, "%.7s", ed->shown[0] ? ed->shown : "–");
}

/* Cells that items [from, to) take on one row in the chosen forms. */
static int row_cells(const char *use[NITEMS], int from, int to)
{
	int cells = 1, any = 0;
	for (int i = from; i < to; i++)
		if (*use[i]) {
			cells += wrap_cells(use[i], strlen(use[i])) + (any ? 3 : 0);
			any = 1;
		}
	return cells;
}

static void draw_status_row(int y, const char *use[NITEMS], int from, int to)
{
	int x = 0, first = 1;
	term_fill(y, 0, COLS, ROLE_STATUS);
	x += term_puts(y, x, " ", COLS - x, ROLE_STATUS);
	for (int i = from; i < to; i++) {
		if (!*use[i])
			continue;
		if (!first)
			x += term_puts(y, x, " · ", COLS - x, ROLE_STATUS);
		x += term_puts(y, x, use[i], COLS - x, ROLE_STATUS);
		first = 0;
	}
}

/* Decides the status line's forms and rows: one row of long forms, or of
 * short ones, or two rows (where it is where and what, then the state).
 * Every item stays; only a window too narrow even for two rows cuts. */
static int status_layout(struct editor *ed, const char *use[NITEMS], char lng[NITEMS][96],
                         char shrt[NITEMS][96])
{
	status_items(ed, lng, shrt);
	for (int pass = 0; pass < 4; pass++) {
		for (int i = 0; i < NITEMS; i++)
			use[i] = pass % 2 && shrt[i][0] ? shrt[i] : lng[i];
		if (pass < 2 && row_cells(use, 0, NITEMS) <= COLS)
			return 1;
		if (pass >= 2 && ((row_cells(use, 0, FINDINGS) <= COLS &&
		                   row_cells(use, FINDINGS, NITEMS) <= COLS) || pass == 3))
			return 2;
	}
	return 2;
}

/* Draws the status line in the forms and rows status_layout() chose. */
static void draw_status(int rows, const char *use[NITEMS])
{
	if (rows == 1) {
		draw_status_row(LINES - 2, use, 0, NITEMS);
		return;
	}
	draw_status_row(LINES - 3, use, 0, FINDINGS);
	draw_status_row(LINES - 2, use, FINDINGS, NITEMS);
}

static const enum keymap_cmd editor_keys[] = {
	CMD_HELP, CMD_SAVE, CMD_QUIT, CMD_TEMPLATE, CMD_CHECK_NEXT, CMD_FIND, CMD_REPLACE, CMD_GOTO_QUESTION, CMD_UNDO,
	CMD_NEXT_PANE, CMD_HEADER, CMD_NEXT_QUESTION, CMD_CUT, CMD_COPY, CMD_PASTE,
};

static void editor_draw(void *ctx)
{
	struct editor *ed = ctx;
	char lng[NITEMS][96], shrt[NITEMS][96];
	const char *use[NITEMS];
	refresh_question(ed);
	ed->status_rows = status_layout(ed, use, lng, shrt);
	ed->body = LINES - 2 - ed->status_rows;
	layout(ed);
	draw_title(ed);
	draw_list(ed);
	draw_question(ed);
	draw_answer(ed);
	draw_status(ed->status_rows, use);
	app_keyline(ed->a, NULL, NULL, editor_keys, sizeof editor_keys / sizeof *editor_keys);
}

/* --- saving and recovery ------------------------------------------------- */

/* The edited document, and as text when text is not NULL; 0 or
 * AW_ENOMEM. doc is to be freed either way (inquiry_free() of an emptied
 * model is harmless). */
static int document_text(struct editor *ed, struct inquiry *doc, struct buf *text)
{
	int rc = session_to_inquiry(ed->s, doc);
	if (!rc && text && writer_write(doc, text))
		rc = AW_ENOMEM;
	return rc;
}

/* Opens the spelling and style check once; 1 when it is there. Without
 * a German dictionary the editor works on, and says so once. */
static int checker_ready(struct editor *ed)
{
	if (ed->chk_state)
		return ed->chk_state == 1;
	struct strlist problems = STRLIST_INIT;
	struct aw_error err;
	ed->chk_state = -1;
	if (checker_open(&ed->chk, ws_root(ed->a->ws), &problems, &err)) {
		app_error(ed->a, &err);
	} else if (!(ed->fc = findings_new(ed->chk))) {
		aw_fail(&err, AW_ENOMEM, ed->slug, "");
		app_error(ed->a, &err);
	} else {
		ed->chk_state = 1;
		if (problems.n) {
			app_note(ed->a, "%s", problems.v[0]);
			ed->a->message_role = ROLE_ERROR;
		}
	}
	strlist_free(&problems);
	return ed->chk_state == 1;
}

static void write_recovery(struct editor *ed);

/* At a pause: the recovery file, and the check opened at the first. */
static void editor_idle(void *ctx, enum app_idle why)
{
	struct editor *ed = ctx;
	/* The recovery file first: opening the check takes a moment. */
	write_recovery(ed);
	if (!ed->chk_state && why == APP_PAUSE)
		checker_ready(ed);
}

/* Writes or removes the recovery file, as the session needs it now. */
static void write_recovery(struct editor *ed)
{
	if (ed->edits == ed->recovered || ed->recovery_blocked)
		return;
	struct aw_error err;
	if (!session_modified(ed->s)) {
		recovery_remove(ed->a->ws, ed->slug, &err);
		ed->recovered = ed->edits;
		return;
	}
	struct inquiry doc;
	struct buf text = BUF_INIT;
	int rc = document_text(ed, &doc, &text);
	if (rc)
		aw_fail(&err, rc, ed->slug, "");
	else
		rc = recovery_save(ed->a->ws, ed->slug, ed->base, text.s, text.len, &err);
	if (rc)
		app_error(ed->a, &err);
	else
		ed->recovered = ed->edits;
	inquiry_free(&doc);
	buf_free(&text);
}

/* Reads the current version of the inquiry: the session to edit. */
static int load(struct editor *ed, struct session **out, struct aw_error *err)
{
	struct buf text = BUF_INIT;
	struct ws_version ver;
	struct inquiry q;
	int rc = ws_show(ed->a->ws, ed->slug, NULL, &text, &ver, err);
	if (!rc)
		rc = reader_read(text.s ? text.s : "", text.len, ed->slug, NULL, &q, err);
	buf_free(&text);
	if (rc)
		return rc;
	*out = session_new(&q);
	if (!*out) {
		inquiry_free(&q);
		return aw_fail(err, AW_ENOMEM, ed->slug, "");
	}
	/* Kept, so that a save need not read this version again. */
	inquiry_free(&ed->base_doc);
	ed->base_doc = q;
	memcpy(ed->base, ver.id, sizeof ed->base);
	/* The base may be a later commit about another inquiry; people want
	 * the version "antwort log" shows for this one. */
	struct ws_version *vers = NULL;
	size_t n = 0;
	struct aw_error ignored;
	memcpy(ed->shown, ver.id, sizeof ed->shown);
	if (ws_log(ed->a->ws, ed->slug, &vers, &n, &ignored) == 0 && n)
		memcpy(ed->shown, vers[0].id, sizeof ed->shown);
	free(vers);
	return 0;
}

/* A file changed with another program since its last version is taken
 * as a version first, as "antwort save" would: the person sees what is
 * on disk, and the editor's saves build on it. */
static int take_outside_edit(struct editor *ed, struct aw_error *err)
{
	char rel[WS_PATH_MAX], path[2048];
	struct buf disk = BUF_INIT, stored = BUF_INIT;
	ws_doc_path(ed->slug, rel);
	snprintf(path, sizeof path, "%s%s", ws_root(ed->a->ws), rel);
	int rc = fileio_read(path, &disk, err);
	if (!rc)
		rc = ws_show(ed->a->ws, ed->slug, NULL, &stored, NULL, err);
	int differs = !rc && (disk.len != stored.len || memcmp(disk.s, stored.s, disk.len));
	buf_free(&disk);
	buf_free(&stored);
	if (rc || !differs)
		return rc;
	struct ws_saved saved = {0};
	rc = ws_save_file(ed->a->ws, ed->slug, &saved, err);
	if (!rc && saved.committed)
		app_note(ed->a, "Die Datei war mit einem anderen Programm geändert worden; "
		         "diese Fassung ist jetzt als Version %.7s gesichert.", saved.id);
	ws_saved_free(&saved);
	return rc;
}

/* Replaces the session with the current version, keeping the row. */
static int reload(struct editor *ed, struct aw_error *err)
{
	struct session *s;
	int rc = load(ed, &s, err);
	if (rc)
		return rc;
	session_free(ed->s);
	ed->s = s;
	structure_changed(ed);
	ed->recovered = ed->edits;
	return 0;
}

/* The trailer lines of the templates whose text is still in the
 * inquiry, each once. */
static void used_trailers(struct editor *ed, struct buf *out)
{
	for (size_t i = 0; i < ed->trailer_lines.n; i++) {
		const char *line = ed->trailer_lines.v[i], *snip = ed->trailer_texts.v[i];
		int found = 0;
		for (size_t k = 0; k < nslots(ed) && !found; k++)
			found = strstr(editbuf_text(buffer_of_slot(ed, k)), snip) != NULL;
		if (found && !(out->s && strstr(out->s, line)))
			buf_printf(out, "%s\n", line);
	}
}

static int save(struct editor *ed)
{
	struct inquiry doc;
	struct ws_saved saved = {0};
	struct aw_error err;
	int rc = document_text(ed, &doc, NULL);
	if (rc) {
		aw_fail(&err, rc, ed->slug, "");
		app_error(ed->a, &err);
		inquiry_free(&doc);
		return rc;
	}
	struct buf trailers = BUF_INIT;
	used_trailers(ed, &trailers);
	rc = ws_save_trailers(ed->a->ws, ed->slug, &doc, ed->base, &ed->base_doc, trailers.s, &saved,
	                      &err);
	buf_free(&trailers);
	if (rc) {
		inquiry_free(&doc);
		app_error(ed->a, &err);
		return rc;
	}
	/* What was saved is the next save's base; a merge with someone else's
	 * save is read anew below. */
	struct inquiry before = ed->base_doc;
	char before_id[sizeof ed->base];
	memcpy(before_id, ed->base, sizeof before_id);
	ed->base_doc = doc;
	memcpy(ed->base, saved.id, sizeof ed->base);
	if (saved.committed)
		memcpy(ed->shown, saved.id, sizeof ed->shown);
	strlist_free(&ed->trailer_lines);
	strlist_free(&ed->trailer_texts);
	session_saved(ed->s);
	recovery_remove(ed->a->ws, ed->slug, &err);
	ed->recovered = ed->edits;
	if (saved.conflicts.n)
		app_note(ed->a, "Gesichert als Version %.7s – zugleich hat jemand anderes gesichert; "
		         "bei %s stehen beide Fassungen zwischen <<<<<<< und >>>>>>>: entscheiden Sie "
		         "sich und löschen Sie die Markierungen.", saved.id, saved.conflicts.v[0]);
	else if (saved.committed)
		app_note(ed->a, "Gesichert als Version %.7s: %s", saved.id, saved.subject);
	else
		app_note(ed->a, "Nichts geändert – die gesicherte Version ist %.7s.", saved.id);
	if (saved.warning[0] && !saved.conflicts.n)
		app_note(ed->a, "Gesichert als Version %.7s. %s", saved.id, saved.warning);
	/* Someone else saved in between: what is stored now is the merge.
	 * Should it not load (its error is then the last message), the screen
	 * still shows only this text, and the next save must start from the
	 * version before, to merge again rather than undo the other person's
	 * changes. */
	if (saved.merged && reload(ed, &err)) {
		app_error(ed->a, &err);
		inquiry_free(&ed->base_doc);
		ed->base_doc = before;
		memcpy(ed->base, before_id, sizeof ed->base);
	} else {
		inquiry_free(&before);
	}
	ws_saved_free(&saved);
	return 0;
}

/* The word diff of the saved text and the recovery file's, introduced. */
static void recovery_preview(const struct recovery *r, const struct buf *now, struct buf *out)
{
	char when[64] = "";
	time_t tt = (time_t)r->time;
	struct tm tm;
	if (localtime_r(&tt, &tm))
		strftime(when, sizeof when, "%d.%m.%Y %H:%M", &tm);
	buf_printf(out, "Beim letzten Mal wurde antwort beendet, bevor alles gesichert war. "
	           "Die Sicherungskopie vom %s enthält diese Änderungen gegenüber der "
	           "gesicherten Version (gelöscht [-so-], neu {+so+}):\n\n", when);
	struct worddiff d = WORDDIFF_INIT;
	if (worddiff_compute(now->s, now->len, r->text.s, r->text.len, &d) == 0)
		worddiff_render(&d, now->s, r->text.s, WD_PLAIN, 1, out);
	worddiff_free(&d);
}

/* Takes the recovered document into the editor, the saved one as the
 * baseline, so the changes show as unsaved and undo leads back. */
static void restore(struct editor *ed, const struct inquiry *saved, const struct inquiry *recovered)
{
	struct aw_error err;
	struct session *s = session_restore(saved, recovered);
	if (!s) {
		aw_fail(&err, AW_ENOMEM, ed->slug, "");
		app_error(ed->a, &err);
		return;
	}
	session_free(ed->s);
	ed->s = s;
	structure_changed(ed);
	/* The file stays until the text is saved: it holds this text now. */
	ed->recovered = ed->edits;
	app_note(ed->a, "Wiederhergestellt. Sichern Sie mit %s, wenn der Text so bleiben soll.",
	         keymap_key_for(ed->a->km, CMD_SAVE));
}

/* Offers what the recovery file holds; returns after the choice. A file
 * that no longer reads as an inquiry is shown as it is, and kept unless
 * the person discards it: its text may still be worth copying. */
static void offer_recovery(struct editor *ed)
{
	struct recovery r;
	struct aw_error err;
	struct inquiry saved, recovered;
	struct buf now = BUF_INIT, shown = BUF_INIT;
	inquiry_init(&saved);
	inquiry_init(&recovered);
	if (recovery_load(ed->a->ws, ed->slug, &r, &err)) {
		app_error(ed->a, &err);
		return;
	}
	int readable = 0, c = 0;
	if (!r.present)
		goto out;
	if (document_text(ed, &saved, &now)) {
		aw_fail(&err, AW_ENOMEM, ed->slug, "");
		app_error(ed->a, &err);
		goto out;
	}
	readable = reader_read(r.text.s ? r.text.s : "", r.text.len, r.path, NULL, &recovered,
	                       &err) == 0;
	if (readable && now.len == r.text.len && !memcmp(now.s, r.text.s, now.len)) {
		recovery_remove(ed->a->ws, ed->slug, &err);
		goto out;
	}
	if (readable) {
		recovery_preview(&r, &now, &shown);
		/* A choice is needed: kept for later, the next keystroke would
		 * write over this file with today's text. */
		while (!c)
			c = app_view_text(ed->a, "Ungesicherte Änderungen wiederherstellen?",
			                  shown.s ? shown.s : "", "w: wiederherstellen   v: verwerfen", "wv");
	} else {
		char why[512];
		aw_error_message(&err, why, sizeof why);
		buf_printf(&shown, "Die Sicherungskopie %s lässt sich nicht mehr als Anfrage lesen (%s). "
		           "Kopieren Sie, was Sie brauchen, aus der Datei.\n\n%s", r.path, why,
		           r.text.s ? r.text.s : "");
		c = app_view_text(ed->a, "Sicherungskopie beschädigt", shown.s ? shown.s : "",
		                  "v: verwerfen   Esc: Datei behalten", "v");
		/* Kept, the file would be overwritten by the next change. */
		if (c != 'v')
			ed->recovery_blocked = 1;
	}
	if (c == 'w')
		restore(ed, &saved, &recovered);
	else if (c == 'v' && !recovery_remove(ed->a->ws, ed->slug, &err))
		app_note(ed->a, "Die Sicherungskopie ist verworfen.");
	else if (c == 'v')
		app_error(ed->a, &err);
	else
		app_note(ed->a, "Die Sicherungskopie bleibt unverändert liegen: %s; neue Änderungen "
		         "werden bis zum Sichern nicht zusätzlich gesichert.", r.path);
out:
	inquiry_free(&saved);
	inquiry_free(&recovered);
	buf_free(&now);
	buf_free(&shown);
	recovery_free(&r);
}

/* --- commands ------------------------------------------------------------ */

typedef void handler(struct editor *ed, int arg);

static int editable(struct editor *ed)
{
	if (ed->focus == FOCUS_QUESTION) {
		app_note(ed->a, "Der Fragentext ist schreibgeschützt; mit %s geht es zur Antwort.",
		         keymap_key_for(ed->a->km, CMD_NEXT_PANE));
		return 0;
	}
	ed->focus = FOCUS_ANSWER;
	return 1;
}

static void changed(struct editor *ed)
{
	ed->edits++;
	ed->goal = -1;
	ed->hit_on = 0;
}

static void h_save(struct editor *ed, int arg)
{
	(void)arg;
	save(ed);
}

static void h_quit(struct editor *ed, int arg)
{
	(void)arg;
	if (!session_modified(ed->s)) {
		ed->closing = 1;
		return;
	}
	int c = app_choice(ed->a, "Änderungen sichern?  j: ja   n: nein, verwerfen   "
	                   "Esc: zurück zum Text ", "jn");
	struct aw_error err;
	if (c == 'j' && save(ed) == 0)
		ed->closing = 1;
	if (c == 'n') {
		recovery_remove(ed->a->ws, ed->slug, &err);
		ed->recovered = ed->edits;
		ed->closing = 1;
	}
}

static void h_help(struct editor *ed, int arg)
{
	(void)arg;
	help_show(ed->a);
}

static void h_undo(struct editor *ed, int redo)
{
	struct editbuf *b = current(ed);
	if (redo ? editbuf_redo(b) : editbuf_undo(b)) {
		ed->focus = FOCUS_ANSWER;
		changed(ed);
	} else {
		app_note(ed->a, redo ? "Es gibt nichts wiederherzustellen." :
		         "Es gibt nichts mehr rückgängig zu machen.");
	}
}

/* Tab goes list, question, answer, list; Shift-Tab (back 1) the other way. */
static void h_pane(struct editor *ed, int back)
{
	ed->focus = (enum focus)((ed->focus + (back ? 2 : 1)) % 3);
}

static void h_question(struct editor *ed, int step)
{
	size_t row = ed->row;
	if (step < 0 && row == 0)
		return;
	row = step < 0 ? row - 1 : row + 1;
	if (row < nrows(ed))
		select_row(ed, row);
}

/* The next (previous) match from slot and offset, over every slot and
 * round the end: selected and shown. 0 when there is none, 1 when found,
 * 2 when found after going round. */
static int find_from(struct editor *ed, size_t slot, size_t from, int backward)
{
	size_t n = nslots(ed);
	const char **texts = calloc(n, sizeof *texts);
	size_t *lens = calloc(n, sizeof *lens);
	struct search_hit hit;
	int found = 0;
	if (texts && lens) {
		for (size_t i = 0; i < n; i++) {
			struct editbuf *b = buffer_of_slot(ed, i);
			texts[i] = editbuf_text(b);
			lens[i] = editbuf_len(b);
		}
		found = search_across(ed->find, texts, lens, n, slot, from, backward, &hit);
	}
	free(texts);
	free(lens);
	if (found == 1) {
		select_row(ed, row_of_slot(ed, hit.part));
		editbuf_set_cursor(current(ed), hit.start, 0);
		ed->focus = FOCUS_ANSWER;
		ed->hit_slot = hit.part;
		ed->hit_start = hit.start;
		ed->hit_end = hit.end;
		ed->hit_on = 1;
		if (hit.wrapped)
			app_note(ed->a, backward ? "Vom Ende her weitergesucht." :
			         "Vom Anfang her weitergesucht.");
		return hit.wrapped ? 2 : 1;
	}
	ed->hit_on = 0;
	return 0;
}

static int compile(struct editor *ed, const char *needle)
{
	struct aw_error err;
	search_free(ed->find);
	ed->find = NULL;
	if (search_new(needle, strlen(needle), &ed->find, &err)) {
		app_error(ed->a, &err);
		return 0;
	}
	return 1;
}

/* Where the incremental search started, to search from there again as
 * the needle grows, and to go back on Esc. */
struct find_origin {
	struct editor *ed;
	size_t row, slot, cursor;
};

static void find_changed(void *ctx, const char *needle)
{
	struct find_origin *o = ctx;
	struct editor *ed = o->ed;
	if (!*needle || !compile(ed, needle)) {
		ed->hit_on = 0;
		return;
	}
	if (!find_from(ed, o->slot, o->cursor, 0))
		app_note(ed->a, "„%s“ kommt nicht vor.", needle);
}

/* Matches of the current search in the whole inquiry. */
static size_t count_all(struct editor *ed)
{
	size_t total = 0;
	for (size_t i = 0; i < nslots(ed); i++) {
		struct editbuf *b = buffer_of_slot(ed, i);
		total += search_count(ed->find, editbuf_text(b), editbuf_len(b));
	}
	return total;
}

static void h_find(struct editor *ed, int arg)
{
	(void)arg;
	struct find_origin o = {ed, ed->row, slot_of_row(ed, ed->row), editbuf_cursor(current(ed))};
	char *needle = app_prompt(ed->a, "Suchen (Enter: fertig, Esc: zurück): ",
	                          NULL, find_changed, &o);
	if (!needle || !*needle) {
		select_row(ed, o.row);
		editbuf_set_cursor(current(ed), o.cursor, 0);
		ed->hit_on = 0;
		free(needle);
		return;
	}
	free(ed->needle);
	ed->needle = needle;
	if (ed->hit_on)
		app_note(ed->a, "„%s“: %zu Treffer in der Anfrage; %s springt zum nächsten.", needle,
		         count_all(ed), keymap_key_for(ed->a->km, CMD_FIND_NEXT));
}

static void h_find_next(struct editor *ed, int backward)
{
	if (!ed->needle || !ed->find) {
		h_find(ed, 0);
		return;
	}
	struct editbuf *b = current(ed);
	size_t from = editbuf_cursor(b);
	if (!backward && ed->hit_on && ed->hit_slot == slot_of_row(ed, ed->row))
		from = ed->hit_end > ed->hit_start ? ed->hit_start + 1 : ed->hit_end;
	while (!backward && from < editbuf_len(b) && (editbuf_text(b)[from] & 0xC0) == 0x80)
		from++;
	if (!find_from(ed, slot_of_row(ed, ed->row), from, backward))
		app_note(ed->a, "„%s“ kommt nicht vor.", ed->needle);
}

static void h_replace(struct editor *ed, int arg)
{
	(void)arg;
	char *needle = app_prompt(ed->a, "Ersetzen – suchen nach: ", ed->needle, NULL, NULL);
	if (!needle || !*needle || !compile(ed, needle)) {
		free(needle);
		return;
	}
	if (!count_all(ed)) {
		app_note(ed->a, "„%s“ kommt nicht vor; nichts ersetzt.", needle);
		free(needle);
		return;
	}
	char *with = app_prompt(ed->a, "Ersetzen durch: ", NULL, NULL, NULL);
	if (!with) {
		free(needle);
		return;
	}
	free(ed->needle);
	ed->needle = needle;
	size_t done = 0, slot = slot_of_row(ed, ed->row), from = editbuf_cursor(current(ed));
	size_t start_slot = slot, start_from = from, len = strlen(with);
	int all = 0, wrapped = 0, found;
	/* Once round the end, the search stops where it began; replaced text
	 * is stepped over, so a replacement containing the needle is safe. */
	while ((found = find_from(ed, slot, from, 0))) {
		wrapped |= found == 2;
		if (wrapped && (ed->hit_slot > start_slot ||
		                (ed->hit_slot == start_slot && ed->hit_start >= start_from)))
			break;
		int c = all ? 'j' : app_choice(ed->a, "Diesen Treffer ersetzen?  j: ja   n: nein   "
		                               "a: alle   Esc: aufhören ", "jna");
		if (!c)
			break;
		slot = ed->hit_slot;
		if (c == 'a')
			all = 1, c = 'j';
		if (c == 'j') {
			size_t old = ed->hit_end - ed->hit_start;
			editbuf_replace(buffer_of_slot(ed, slot), ed->hit_start, ed->hit_end, with, len);
			if (slot == start_slot && ed->hit_start < start_from)
				start_from = start_from + len - old;
			from = ed->hit_start + len;
			done++;
			changed(ed);
		} else {
			from = ed->hit_end;
		}
	}
	ed->hit_on = 0;
	app_note(ed->a, "%zu-mal ersetzt.", done);
	free(with);
}

static void h_goto(struct editor *ed, int arg)
{
	(void)arg;
	char *t = app_prompt(ed->a, "Gehe zu Frage Nr.: ", NULL, NULL, NULL);
	if (!t)
		return;
	char *end;
	long n = strtol(t, &end, 10);
	const struct inquiry *q = session_inquiry(ed->s);
	size_t qi = 0;
	while (qi < q->nquestions && q->questions[qi].number != n)
		qi++;
	if (end == t || *end || qi == q->nquestions)
		app_note(ed->a, "Eine Frage „%s“ gibt es nicht; die Anfrage hat die Fragen %d bis %d.",
		         t, q->nquestions ? q->questions[0].number : 0,
		         q->nquestions ? q->questions[q->nquestions - 1].number : 0);
	else {
		select_row(ed, ROW_FIRST_QUESTION + qi);
		ed->focus = FOCUS_ANSWER;
	}
	free(t);
}

/* The structure commands act on the answer or question selected. */
static void h_structure(struct editor *ed, int which)
{
	struct aw_error err;
	int rc;
	if (!is_question(ed, ed->row)) {
		app_note(ed->a, "Wählen Sie dafür in der Liste links eine Frage aus.");
		return;
	}
	size_t qi = ed->row - ROW_FIRST_QUESTION;
	size_t part = part_of_row(ed, ed->row);
	switch (which) {
	case 0:
		rc = session_join(ed->s, part, &err);
		break;
	case 1:
		rc = session_split(ed->s, part, editbuf_cursor(current(ed)), &err);
		break;
	case 2:
		rc = session_merge_questions(ed->s, qi, &err);
		break;
	default:
		if (ed->focus != FOCUS_QUESTION) {
			app_note(ed->a, "Setzen Sie mit %s den Cursor in den Fragentext, dorthin, wo die "
			         "neue Frage beginnen soll, und drücken Sie dann %s.",
			         keymap_key_for(ed->a->km, CMD_NEXT_PANE),
			         keymap_key_for(ed->a->km, CMD_SPLIT_QUESTION));
			return;
		}
		rc = session_split_question(ed->s, qi, editbuf_cursor(ed->qtext), &err);
		break;
	}
	if (rc) {
		app_error(ed->a, &err);
		return;
	}
	structure_changed(ed);
	static const char *const done[] = {
		"Die Antworten sind zusammengefasst: %s.", "Die Antwort ist getrennt.",
		"Die Fragen sind verbunden.", "Die Frage ist geteilt; die neue Frage hat eine eigene, "
		"leere Antwort."};
	app_note(ed->a, done[which], row_label(ed, ed->row));
}

static void h_header(struct editor *ed, int arg)
{
	(void)arg;
	static const enum session_field fields[] = {FIELD_NUMBER, FIELD_TITLE, FIELD_ASKERS,
	                                            FIELD_DATE};
	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
		char *old = session_field(ed->s, fields[i]);
		char label[96];
		snprintf(label, sizeof label, "%s (Enter: übernehmen, Esc: Ende): ",
		         session_field_name(fields[i]));
		for (;;) {
			char *v = app_prompt(ed->a, label, old, NULL, NULL);
			if (!v) {
				free(old);
				return;
			}
			struct aw_error err;
			int same = old && !strcmp(old, v);
			int rc = same ? 0 : session_set_field(ed->s, fields[i], v, &err);
			free(v);
			if (!rc) {
				if (!same)
					structure_changed(ed);
				break;
			}
			app_error(ed->a, &err);
		}
		free(old);
	}
	app_note(ed->a, "Die Kopfdaten sind übernommen.");
}

/* Cut, copy (which 0, 1) and paste (2). Each edit buffer has a clipboard
 * of its own; the editor keeps the last one cut or copied anywhere, so a
 * sentence copied from a question or another answer pastes everywhere. */
static void h_clip(struct editor *ed, int which)
{
	struct editbuf *b = ed->focus == FOCUS_QUESTION ? ed->qtext : current(ed);
	if (which < 2) {
		if (!editbuf_has_selection(b)) {
			app_note(ed->a, "Markieren Sie zuerst Text, etwa mit Umschalt und den Pfeiltasten.");
			return;
		}
		if (which == 0 && !editable(ed))
			return;
		if (which == 0 ? editbuf_cut(b) : editbuf_copy(b))
			return;
		free(ed->clip);
		ed->clip = strdup(editbuf_clipboard(b));
		if (which == 0)
			changed(ed);
		return;
	}
	if (!editable(ed))
		return;
	if (!ed->clip || !*ed->clip) {
		app_note(ed->a, "Es ist noch nichts ausgeschnitten oder kopiert.");
		return;
	}
	editbuf_insert(current(ed), ed->clip, strlen(ed->clip), 1);
	changed(ed);
}

static void h_cancel(struct editor *ed, int arg)
{
	(void)arg;
	struct editbuf *b = ed->focus == FOCUS_QUESTION ? ed->qtext : current(ed);
	editbuf_set_cursor(b, editbuf_cursor(b), 0);
	ed->hit_on = 0;
}

static void h_select_all(struct editor *ed, int arg)
{
	(void)arg;
	struct editbuf *b = ed->focus == FOCUS_QUESTION ? ed->qtext : current(ed);
	if (ed->focus == FOCUS_LIST)
		ed->focus = FOCUS_ANSWER;
	editbuf_move(b, EB_TEXT_START, 0);
	editbuf_move(b, EB_TEXT_END, 1);
}

static void h_move(struct editor *ed, int arg)
{
	if (ed->focus == FOCUS_LIST) {
		if ((arg & ~SEL) == EB_TEXT_START)
			select_row(ed, 0);
		else if ((arg & ~SEL) == EB_TEXT_END)
			select_row(ed, nrows(ed) - 1);
		return;
	}
	struct editbuf *b = ed->focus == FOCUS_QUESTION ? ed->qtext : current(ed);
	editbuf_move(b, (enum eb_move)(arg & ~SEL), (arg & SEL) != 0);
	editbuf_break(b);
	ed->goal = -1;
}

/* The buffer in focus (answer or question text), laid out at the pane's
 * width, and the cursor's row and column in it. 0, or -1 when out of
 * memory. */
static int focused_layout(struct editor *ed, struct editbuf **b, struct wrap **w, size_t *row,
                          int *col)
{
	*b = ed->focus == FOCUS_QUESTION ? ed->qtext : current(ed);
	*w = ed->focus == FOCUS_QUESTION ? &ed->qw : &ed->aw;
	const char *t = editbuf_text(*b);
	if (wrap_layout(*w, t, editbuf_len(*b), ed->rw > 0 ? ed->rw : 1))
		return -1;
	wrap_locate(*w, t, editbuf_cursor(*b), row, col);
	return 0;
}

/* Vertical moves, as h_vertical()'s argument (with SEL to mark). */
enum { V_UP, V_DOWN, V_PAGE_UP, V_PAGE_DOWN };

/* Up and down by screen rows (and pages), keeping the column aimed at. */
static void h_vertical(struct editor *ed, int arg)
{
	int how = arg & ~SEL, sel = (arg & SEL) != 0;
	int page = ed->focus == FOCUS_QUESTION ? ed->qh : ed->ah;
	page = page > 1 ? page - 1 : 1;
	long step = how == V_UP ? -1 : how == V_DOWN ? 1 : how == V_PAGE_UP ? -page : page;
	if (ed->focus == FOCUS_LIST) {
		long row = (long)ed->row + step;
		select_row(ed, row < 0 ? 0 : (size_t)row);
		return;
	}
	struct editbuf *b;
	struct wrap *w;
	size_t row;
	int col;
	if (focused_layout(ed, &b, &w, &row, &col))
		return;
	const char *t = editbuf_text(b);
	if (ed->goal < 0)
		ed->goal = col;
	long target = (long)row + step;
	if (target < 0)
		editbuf_set_cursor(b, 0, sel);
	else if ((size_t)target >= w->n)
		editbuf_set_cursor(b, editbuf_len(b), sel);
	else
		editbuf_set_cursor(b, wrap_offset(w, t, (size_t)target, ed->goal), sel);
	editbuf_break(b);
}

/* Home and End go to the ends of the screen row, as in office programs. */
static void h_row_edge(struct editor *ed, int arg)
{
	if (ed->focus == FOCUS_LIST)
		return;
	struct editbuf *b;
	struct wrap *w;
	size_t row;
	int col;
	if (focused_layout(ed, &b, &w, &row, &col))
		return;
	const char *t = editbuf_text(b);
	size_t pos = (arg & 1) ? wrap_offset(w, t, row, 1 << 20) : w->rows[row].start;
	editbuf_set_cursor(b, pos, (arg & SEL) != 0);
	editbuf_break(b);
	ed->goal = -1;
}

static void h_delete(struct editor *ed, int how)
{
	if (ed->focus == FOCUS_LIST || !editable(ed))
		return;
	editbuf_delete(current(ed), (enum eb_delete)how);
	changed(ed);
}

static void h_newline(struct editor *ed, int arg)
{
	(void)arg;
	if (ed->focus == FOCUS_LIST) {
		ed->focus = FOCUS_ANSWER;
		return;
	}
	if (!editable(ed))
		return;
	editbuf_insert(current(ed), "\n", 1, 0);
	changed(ed);
}

/* The next finding from the cursor, over every slot and round the end:
 * 1 with its slot and the finding, 0 when the inquiry has none. */
static int next_finding(struct editor *ed, size_t *slot_out, struct finding *out)
{
	size_t n = nslots(ed), start = slot_of_row(ed, ed->row);
	size_t from = editbuf_cursor(current(ed));
	for (size_t k = 0; k <= n; k++) {
		size_t slot = (start + k) % n;
		struct editbuf *b = buffer_of_slot(ed, slot);
		const struct finding *f;
		size_t nf;
		if (findings_of(ed->fc, editbuf_text(b), editbuf_len(b), &f, &nf))
			return 0;
		for (size_t i = 0; i < nf; i++) {
			/* In the first slot only what lies ahead; back in it after
			 * going round, what lay behind. */
			if (k == 0 && f[i].start < from)
				continue;
			if (k == n && f[i].start >= from)
				break;
			*slot_out = slot;
			*out = f[i];
			return 1;
		}
	}
	return 0;
}

/* After a word became correct: every verdict is asked afresh. */
static void verdicts_changed(struct editor *ed)
{
	findings_clear(ed->fc);
	for (size_t i = 0; i < ed->ncounts; i++)
		ed->counts[i].b = NULL;
}

/* The paragraph around offset p of text: [*a, *b). */
static void paragraph_at(const char *text, size_t len, size_t p, size_t *a, size_t *b)
{
	*a = p;
	while (*a && text[*a - 1] != '\n')
		(*a)--;
	*b = p;
	while (*b < len && text[*b] != '\n')
		(*b)++;
}

static void fix_spelling(struct editor *ed, struct editbuf *b, const struct finding *f)
{
	struct aw_error err;
	char word[256];
	snprintf(word, sizeof word, "%.*s", (int)(f->end - f->start), editbuf_text(b) + f->start);
	struct strlist sugg = STRLIST_INIT;
	checker_suggest(ed->chk, word, strlen(word), &sugg);
	char lines[12][320];
	const char *shown[12];
	char choices[16] = "";
	size_t n = 0;
	for (size_t i = 0; i < sugg.n && i < 9; i++, n++) {
		snprintf(lines[n], sizeof lines[n], "%zu  %s", i + 1, sugg.v[i]);
		choices[n] = (char)('1' + i);
	}
	if (!sugg.n)
		snprintf(lines[n++], sizeof lines[n], "   (keine Vorschläge)");
	snprintf(lines[n++], sizeof lines[0], "w  Zum Wörterbuch hinzufügen (für alle im Arbeitsbereich)");
	snprintf(lines[n++], sizeof lines[0], "i  Ignorieren (bis antwort geschlossen wird)");
	strcat(choices, "wi");
	for (size_t i = 0; i < n; i++)
		shown[i] = lines[i];
	char title[320];
	snprintf(title, sizeof title, "Rechtschreibung: „%s“ ist unbekannt", word);
	int c = app_menu(ed->a, title, shown, n, choices);
	if (c >= '1' && c <= '9' && (size_t)(c - '1') < sugg.n) {
		const char *w = sugg.v[c - '1'];
		editbuf_replace(b, f->start, f->end, w, strlen(w));
		changed(ed);
	} else if (c == 'w') {
		struct ws_saved saved = {0};
		if (ws_add_word(ed->a->ws, word, &saved, &err)) {
			app_error(ed->a, &err);
		} else {
			checker_accept(ed->chk, word, strlen(word));
			verdicts_changed(ed);
			/* Only the word list changed: this inquiry's text is the
			 * same at the new version, which later saves build on. */
			if (saved.committed)
				memcpy(ed->base, saved.id, sizeof ed->base);
			app_note(ed->a, "„%s“ steht jetzt im Wörterbuch des Arbeitsbereichs (Version %.7s).",
			         word, saved.id);
		}
		ws_saved_free(&saved);
	} else if (c == 'i') {
		checker_accept(ed->chk, word, strlen(word));
		verdicts_changed(ed);
		app_note(ed->a, "„%s“ wird bis zum Schließen nicht mehr angemerkt.", word);
	}
	strlist_free(&sugg);
}

static void fix_style(struct editor *ed, struct editbuf *b, const struct finding *f)
{
	const char *t = editbuf_text(b);
	size_t pa, pb;
	paragraph_at(t, editbuf_len(b), f->start, &pa, &pb);
	struct finding rel = *f;
	rel.start -= pa;
	rel.end -= pa;
	struct buf repl = BUF_INIT;
	int has = checker_has_replacement(ed->chk, f->rule) &&
	          checker_replacement(ed->chk, &rel, t + pa, pb - pa, &repl) == 0;
	char line[512];
	const char *shown[1] = {line};
	snprintf(line, sizeof line, has ? "r  Regel anwenden: „%.*s“ wird zu „%s“" :
	         "   (keine Ersetzung vorgesehen: ändern Sie den Text selbst)",
	         (int)(f->end - f->start), t + f->start, repl.s ? repl.s : "");
	char title[640];
	snprintf(title, sizeof title, "Stil: %s", checker_rule_message(ed->chk, f->rule));
	int c = app_menu(ed->a, title, shown, 1, has ? "r" : "");
	if (c == 'r' && has) {
		editbuf_replace(b, f->start, f->end, repl.s ? repl.s : "", repl.len);
		changed(ed);
	}
	buf_free(&repl);
}

/* F7: to the next finding, marked, with what can be done about it. */
static void h_check_next(struct editor *ed, int arg)
{
	(void)arg;
	if (!checker_ready(ed))
		return;
	size_t slot;
	struct finding f;
	if (!next_finding(ed, &slot, &f)) {
		app_note(ed->a, "Keine Rechtschreib- oder Stilfunde in der Anfrage.");
		return;
	}
	select_row(ed, row_of_slot(ed, slot));
	ed->focus = FOCUS_ANSWER;
	struct editbuf *b = buffer_of_slot(ed, slot);
	editbuf_set_cursor(b, f.start, 0);
	editbuf_set_cursor(b, f.end, 1);
	editbuf_break(b);
	if (f.kind == FINDING_SPELL)
		fix_spelling(ed, b, &f);
	else
		fix_style(ed, b, &f);
}

/* F4: a template into the answer at the cursor, its name kept for the
 * next save's commit message. */
static void h_template(struct editor *ed, int arg)
{
	(void)arg;
	if (ed->focus == FOCUS_QUESTION || !editable(ed))
		return;
	int question = is_question(ed, ed->row) ?
	               session_inquiry(ed->s)->questions[ed->row - ROW_FIRST_QUESTION].number : 0;
	struct buf text = BUF_INIT, trailer = BUF_INIT;
	if (template_pick(ed->a, session_inquiry(ed->s), question, &text, &trailer)) {
		ed->focus = FOCUS_ANSWER;
		editbuf_insert(current(ed), text.s ? text.s : "", text.len, 1);
		changed(ed);
		/* Up to 60 bytes of the text, cut on a character boundary. */
		size_t n = text.len < 60 ? text.len : 60;
		while (n < text.len && (text.s[n] & 0xC0) == 0x80)
			n--;
		if (strlist_add(&ed->trailer_lines, trailer.s) ||
		    strlist_addn(&ed->trailer_texts, text.s ? text.s : "", n))
			app_note(ed->a, "Der Textbaustein ist eingefügt, wird aber beim Sichern nicht genannt "
			         "(zu wenig Arbeitsspeicher).");
	}
	buf_free(&text);
	buf_free(&trailer);
}

/* Shift-F4: the marked text as a new template of the workspace. */
static void h_template_save(struct editor *ed, int arg)
{
	(void)arg;
	struct editbuf *b = ed->focus == FOCUS_QUESTION ? ed->qtext : current(ed);
	size_t a, e;
	if (!editbuf_has_selection(b)) {
		app_note(ed->a, "Markieren Sie zuerst den Text, der ein Textbaustein werden soll "
		         "(Umschalt und Pfeiltasten).");
		return;
	}
	editbuf_selection(b, &a, &e);
	/* The answer stays as it is: the template is a copy. */
	char *text = strndup(editbuf_text(b) + a, e - a);
	if (text)
		template_save_text(ed->a, text);
	free(text);
}

static void h_overview_only(struct editor *ed, int arg)
{
	(void)arg;
	app_note(ed->a, "Eine neue Anfrage nehmen Sie in der Übersicht auf (antwort ohne Befehl "
	         "aufrufen), dort mit %s.", keymap_key_for(ed->a->km, CMD_NEW_INQUIRY));
}

static const struct {
	enum keymap_cmd cmd;
	handler *fn;
	int arg;
} cmd_table[] = {
	{CMD_SAVE, h_save, 0}, {CMD_QUIT, h_quit, 0}, {CMD_HELP, h_help, 0},
	{CMD_UNDO, h_undo, 0}, {CMD_REDO, h_undo, 1},
	{CMD_FIND, h_find, 0}, {CMD_FIND_NEXT, h_find_next, 0}, {CMD_FIND_PREV, h_find_next, 1},
	{CMD_REPLACE, h_replace, 0}, {CMD_NEXT_PANE, h_pane, 0}, {CMD_PREV_PANE, h_pane, 1},
	{CMD_NEXT_QUESTION, h_question, 1}, {CMD_PREV_QUESTION, h_question, -1},
	{CMD_GOTO_QUESTION, h_goto, 0},
	{CMD_JOIN_ANSWERS, h_structure, 0}, {CMD_SPLIT_ANSWER, h_structure, 1},
	{CMD_MERGE_QUESTIONS, h_structure, 2}, {CMD_SPLIT_QUESTION, h_structure, 3},
	{CMD_HEADER, h_header, 0}, {CMD_NEW_INQUIRY, h_overview_only, 0},
	{CMD_CHECK_NEXT, h_check_next, 0}, {CMD_TEMPLATE, h_template, 0},
	{CMD_TEMPLATE_SAVE, h_template_save, 0},
	{CMD_CUT, h_clip, 0}, {CMD_COPY, h_clip, 1}, {CMD_PASTE, h_clip, 2},
	{CMD_CANCEL, h_cancel, 0}, {CMD_SELECT_ALL, h_select_all, 0},
	{CMD_LEFT, h_move, EB_CHAR_LEFT}, {CMD_RIGHT, h_move, EB_CHAR_RIGHT},
	{CMD_WORD_LEFT, h_move, EB_WORD_LEFT}, {CMD_WORD_RIGHT, h_move, EB_WORD_RIGHT},
	{CMD_PARA_PREV, h_move, EB_PARA_PREV}, {CMD_PARA_NEXT, h_move, EB_PARA_NEXT},
	{CMD_TEXT_START, h_move, EB_TEXT_START}, {CMD_TEXT_END, h_move, EB_TEXT_END},
	{CMD_SEL_LEFT, h_move, EB_CHAR_LEFT | SEL}, {CMD_SEL_RIGHT, h_move, EB_CHAR_RIGHT | SEL},
	{CMD_SEL_WORD_LEFT, h_move, EB_WORD_LEFT | SEL},
	{CMD_SEL_WORD_RIGHT, h_move, EB_WORD_RIGHT | SEL},
	{CMD_UP, h_vertical, V_UP}, {CMD_DOWN, h_vertical, V_DOWN},
	{CMD_PAGE_UP, h_vertical, V_PAGE_UP}, {CMD_PAGE_DOWN, h_vertical, V_PAGE_DOWN},
	{CMD_SEL_UP, h_vertical, V_UP | SEL}, {CMD_SEL_DOWN, h_vertical, V_DOWN | SEL},
	{CMD_LINE_START, h_row_edge, 0}, {CMD_LINE_END, h_row_edge, 1},
	{CMD_SEL_LINE_START, h_row_edge, SEL}, {CMD_SEL_LINE_END, h_row_edge, SEL | 1},
	{CMD_DEL_BACK, h_delete, EB_DEL_BACK}, {CMD_DEL_FORWARD, h_delete, EB_DEL_FORWARD},
	{CMD_DEL_WORD_BACK, h_delete, EB_DEL_WORD_BACK},
	{CMD_DEL_WORD_FORWARD, h_delete, EB_DEL_WORD_FORWARD},
	{CMD_NEWLINE, h_newline, 0},
};

/* A click: a list row selects it, the answer or question places the
 * cursor. */
static void click(struct editor *ed, int y, int x)
{
	if (y < 1 || y > ed->body)
		return;
	if (x < ed->lw) {
		size_t row = ed->list_top + (size_t)(y - 1);
		if (row < nrows(ed)) {
			select_row(ed, row);
			ed->focus = FOCUS_LIST;
		}
		return;
	}
	if (x < ed->rx)
		return;
	int in_q = y >= ed->qy && y < ed->qy + ed->qh;
	int in_a = y >= ed->ay && y < ed->ay + ed->ah;
	if (!in_q && !in_a)
		return;
	struct editbuf *b = in_q ? ed->qtext : current(ed);
	struct wrap *w = in_q ? &ed->qw : &ed->aw;
	size_t srow = (in_q ? ed->q_top : ed->a_top) + (size_t)(y - (in_q ? ed->qy : ed->ay));
	const char *t = editbuf_text(b);
	ed->focus = in_q ? FOCUS_QUESTION : FOCUS_ANSWER;
	if (srow >= screen_rows(w)) {
		editbuf_set_cursor(b, editbuf_len(b), 0);
		return;
	}
	int gap;
	size_t row = from_screen(w, srow, &gap);
	/* A click on the blank row between paragraphs: the end of the one above. */
	editbuf_set_cursor(b, wrap_offset(w, t, row, gap ? 1 << 20 : x - ed->rx), 0);
	editbuf_break(b);
	ed->goal = -1;
}

static void handle(struct editor *ed, const struct event *ev)
{
	if (ev->kind == EV_CLICK) {
		click(ed, ev->row, ev->col);
		return;
	}
	if (ev->kind == EV_CHAR || ev->kind == EV_PASTE) {
		if (!editable(ed))
			return;
		/* Text from outside may carry tabs and control characters (a
		 * form feed from a PDF): a tab becomes a space, the rest goes. */
		struct buf clean = BUF_INIT;
		for (size_t i = 0; i < ev->text.len; i++) {
			unsigned char c = (unsigned char)ev->text.s[i];
			if (c == '\t')
				c = ' ';
			if ((c >= 0x20 && c != 0x7F) || c == '\n')
				buf_addc(&clean, (char)c);
		}
		editbuf_insert(current(ed), clean.s ? clean.s : "", clean.len, ev->kind == EV_PASTE);
		buf_free(&clean);
		changed(ed);
		return;
	}
	enum keymap_cmd c = app_command(ed->a, ev);
	for (size_t i = 0; i < sizeof cmd_table / sizeof *cmd_table; i++)
		if (cmd_table[i].cmd == c) {
			cmd_table[i].fn(ed, cmd_table[i].arg);
			return;
		}
	if (ev->kind == EV_KEY && c == CMD_NONE)
		app_note(ed->a, "Die Taste %s hat keine Belegung; F1 zeigt alle Tasten.", ev->key);
}

enum editor_exit editor_run(struct app *a, const char *slug)
{
	struct editor ed;
	struct aw_error err;
	memset(&ed, 0, sizeof ed);
	inquiry_init(&ed.base_doc);
	ed.a = a;
	ed.goal = -1;
	ed.row = ROW_FIRST_QUESTION;
	snprintf(ed.slug, sizeof ed.slug, "%s", slug);
	if (take_outside_edit(&ed, &err) || load(&ed, &ed.s, &err)) {
		app_error(a, &err);
		inquiry_free(&ed.base_doc);
		return EDITOR_FAILED;
	}
	if (ed.row >= nrows(&ed))
		ed.row = ROW_SENATE;
	refresh_question(&ed);

	void (*draw)(void *) = a->draw;
	void *ctx = a->draw_ctx;
	a->draw = editor_draw;
	a->draw_ctx = &ed;
	a->idle = editor_idle;
	a->idle_ctx = &ed;
	offer_recovery(&ed);

	struct event ev = EVENT_INIT;
	while (!ed.closing) {
		app_redraw(a);
		app_next(a, &ev);
		handle(&ed, &ev);
	}
	buf_free(&ev.text);
	a->idle = NULL;
	a->idle_ctx = NULL;
	a->draw = draw;
	a->draw_ctx = ctx;
	session_free(ed.s);
	inquiry_free(&ed.base_doc);
	editbuf_free(ed.qtext);
	search_free(ed.find);
	free(ed.needle);
	free(ed.clip);
	free(ed.counts);
	strlist_free(&ed.trailer_lines);
	strlist_free(&ed.trailer_texts);
	findings_free(ed.fc);
	checker_close(ed.chk);
	wrap_free(&ed.aw);
	wrap_free(&ed.qw);
	return EDITOR_CLOSED;
}
