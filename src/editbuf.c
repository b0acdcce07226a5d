/* editbuf.c: the edited text as one contiguous array changed with memmove
 * (editbuf_text() must hand out a plain string for every redraw, and
 * moving 400 KB per keystroke costs nothing noticeable), and the history
 * as a list of steps, each one replacement that keeps only the text it
 * removed and the text it put in.
 *
 * Each undo step is exactly one replacement: typing appends to the step's
 * inserted text, a run of deletions at the cursor grows its removed text
 * at the front (backspace) or the back (delete), and since every cursor
 * move closes the open step, a run is always contiguous. */
#include "editbuf.h"
#include "buf.h"
#include "error.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

enum { OPEN_NONE, OPEN_TYPE, OPEN_DELETE };

struct step {
	size_t pos;             /* where the replacement starts */
	struct buf del, ins;    /* the text it removed and the text it put there */
	size_t cur;             /* the cursor before it, where undo puts it back */
	size_t serial;          /* names the state after it, for editbuf_modified() */
};

struct editbuf {
	struct buf t;           /* the text, always NUL-terminated */
	size_t cur, anchor;
	int has_anchor;
	struct step *steps;
	size_t nsteps, done, stepcap; /* steps[0..done) applied, the rest redoable */
	int open;               /* what the last step still takes in, OPEN_* */
	size_t serial, saved;   /* the last serial given out; the saved state's */
	unsigned long version;  /* counts every change of the text */
	struct buf clip;
};

#define ZWJ 0x200D

/* ---- characters ---------------------------------------------------------- */

/* Combining marks and variation selectors, which belong to the code point
 * before them. */
static int is_mark(unsigned cp)
{
	return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xFE00 && cp <= 0xFE0F);
}

/* Letters and digits, as the word diff counts them (utf8.h). */
static int is_word_cp(unsigned cp)
{
	return utf8_class(cp) == UTF8_WORD;
}

static unsigned cp_at(const struct editbuf *b, size_t p)
{
	unsigned cp;
	utf8_decode(b->t.s + p, b->t.len - p, &cp);
	return cp;
}

/* The start of the code point before p (p > 0). */
static size_t cp_before(const struct editbuf *b, size_t p)
{
	do
		p--;
	while (p > 0 && ((unsigned char)b->t.s[p] & 0xC0) == 0x80);
	return p;
}

static size_t cp_after(const struct editbuf *b, size_t p)
{
	unsigned cp;
	return p + utf8_decode(b->t.s + p, b->t.len - p, &cp);
}

/* Whether a character starts at code point boundary p. Decided from the
 * two code points around p alone, so that moving left and moving right
 * agree: marks and ZWJ stick to what is before them, the code point after
 * a ZWJ sticks to the ZWJ, and nothing sticks to a '\n' or crosses one. */
static int is_boundary(const struct editbuf *b, size_t p)
{
	if (p == 0 || p == b->t.len)
		return 1;
	unsigned before = cp_at(b, cp_before(b, p)), at = cp_at(b, p);
	if (before == '\n' || at == '\n')
		return 1;
	return !is_mark(at) && at != ZWJ && before != ZWJ;
}

/* The next / previous character boundary (p < len / p > 0). */
static size_t next_char(const struct editbuf *b, size_t p)
{
	do
		p = cp_after(b, p);
	while (!is_boundary(b, p));
	return p;
}

static size_t prev_char(const struct editbuf *b, size_t p)
{
	do
		p = cp_before(b, p);
	while (!is_boundary(b, p));
	return p;
}

/* Whether the character at p (p < len) belongs to a word: its first code
 * point decides, the marks on it do not. */
static int word_at(const struct editbuf *b, size_t p)
{
	return is_word_cp(cp_at(b, p));
}

/* The start of the current or previous word. */
static size_t word_left(const struct editbuf *b, size_t p)
{
	size_t q;
	while (p > 0 && !word_at(b, q = prev_char(b, p)))
		p = q;
	while (p > 0 && word_at(b, q = prev_char(b, p)))
		p = q;
	return p;
}

/* The start of the next word, or the end of the text. */
static size_t word_right(const struct editbuf *b, size_t p)
{
	while (p < b->t.len && word_at(b, p))
		p = next_char(b, p);
	while (p < b->t.len && !word_at(b, p))
		p = next_char(b, p);
	return p;
}

static size_t para_start(const struct editbuf *b, size_t p)
{
	while (p > 0 && b->t.s[p - 1] != '\n')
		p--;
	return p;
}

static size_t para_end(const struct editbuf *b, size_t p)
{
	const char *nl = memchr(b->t.s + p, '\n', b->t.len - p);
	return nl ? (size_t)(nl - b->t.s) : b->t.len;
}

/* ---- text and history ------------------------------------------------------ */

/* Room for a text of len bytes and its NUL. */
static int reserve(struct editbuf *b, size_t len)
{
	return len > b->t.len ? buf_reserve(&b->t, len - b->t.len) : buf_reserve(&b->t, 0);
}

/* Replaces s[pos..pos+dlen) with ins[0..ilen); reserve() was called. */
static void splice(struct editbuf *b, size_t pos, size_t dlen, const char *ins, size_t ilen)
{
	memmove(b->t.s + pos + ilen, b->t.s + pos + dlen, b->t.len - pos - dlen + 1);
	if (ilen)
		memcpy(b->t.s + pos, ins, ilen);
	b->t.len = b->t.len - dlen + ilen;
	b->version++;
}

unsigned long editbuf_version(const struct editbuf *b)
{
	return b->version;
}

/* An edit can leave a mark or a ZWJ glued to what is now before the
 * cursor; the cursor then goes after the whole character. */
static void put_cursor(struct editbuf *b, size_t p)
{
	while (!is_boundary(b, p))
		p = cp_after(b, p);
	b->cur = p;
}

static void step_free(struct step *st)
{
	buf_free(&st->del);
	buf_free(&st->ins);
}

static int buf_prepend(struct buf *d, const char *s, size_t n)
{
	size_t old = d->len;
	if (buf_add(d, s, n))
		return AW_ENOMEM;
	memmove(d->s + n, d->s, old);
	memcpy(d->s, s, n);
	return 0;
}

/* Records the replacement of s[pos..pos+dlen) by ins as a new step and
 * forgets what could be redone. Nothing changes when memory runs out. */
static int push(struct editbuf *b, size_t pos, size_t dlen, const char *ins, size_t ilen)
{
	struct step st = {pos, BUF_INIT, BUF_INIT, b->cur, 0};

	if (b->done == b->stepcap) {
		size_t cap = b->stepcap ? b->stepcap * 2 : 64;
		struct step *v = realloc(b->steps, cap * sizeof *v);
		if (!v)
			return AW_ENOMEM;
		b->steps = v;
		b->stepcap = cap;
	}
	if ((dlen && buf_add(&st.del, b->t.s + pos, dlen)) || (ilen && buf_add(&st.ins, ins, ilen))) {
		step_free(&st);
		return AW_ENOMEM;
	}
	while (b->nsteps > b->done)
		step_free(&b->steps[--b->nsteps]);
	st.serial = ++b->serial;
	b->steps[b->done++] = st;
	b->nsteps = b->done;
	return 0;
}

/* Replaces s[pos..pos+dlen) by ins[0..ilen), the cursor after it, and
 * records it: as part of the open step when that is of kind, else as a
 * new step, which stays open for more of kind (OPEN_NONE: for nothing). */
static int change(struct editbuf *b, size_t pos, size_t dlen, const char *ins, size_t ilen, int kind)
{
	if (!dlen && !ilen)
		return 0;
	if (reserve(b, b->t.len - dlen + ilen))
		return AW_ENOMEM;
	if (kind != OPEN_NONE && b->open == kind) {
		/* Moves close the open step, so this continues it at the cursor. */
		struct step *st = &b->steps[b->done - 1];
		int rc;
		if (kind == OPEN_TYPE) {
			rc = buf_add(&st->ins, ins, ilen);
		} else if (pos < st->pos) {
			rc = buf_prepend(&st->del, b->t.s + pos, dlen);
			st->pos = pos;
		} else {
			rc = buf_add(&st->del, b->t.s + pos, dlen);
		}
		if (rc)
			return rc;
	} else if (push(b, pos, dlen, ins, ilen)) {
		return AW_ENOMEM;
	}
	splice(b, pos, dlen, ins, ilen);
	b->open = kind;
	b->has_anchor = 0;
	put_cursor(b, pos + ilen);
	return 0;
}

/* Copies s[0..n) without CR into *own when it has any. */
static int drop_cr(const char **s, size_t *n, char **own)
{
	*own = NULL;
	if (!*n || !memchr(*s, '\r', *n))
		return 0;
	if (!(*own = malloc(*n)))
		return AW_ENOMEM;
	size_t m = 0;
	for (size_t i = 0; i < *n; i++)
		if ((*s)[i] != '\r')
			(*own)[m++] = (*s)[i];
	*s = *own;
	*n = m;
	return 0;
}

/* ---- the interface ------------------------------------------------------- */

struct editbuf *editbuf_new(const char *text, size_t len)
{
	struct editbuf *b = calloc(1, sizeof *b);
	/* buf_add() allocates even for an empty text: the text is never NULL. */
	if (!b || buf_add(&b->t, text, len)) {
		if (b)
			buf_free(&b->t);
		free(b);
		return NULL;
	}
	return b;
}

void editbuf_free(struct editbuf *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->nsteps; i++)
		step_free(&b->steps[i]);
	free(b->steps);
	buf_free(&b->clip);
	buf_free(&b->t);
	free(b);
}

const char *editbuf_text(const struct editbuf *b)
{
	return b->t.s;
}

size_t editbuf_len(const struct editbuf *b)
{
	return b->t.len;
}

size_t editbuf_cursor(const struct editbuf *b)
{
	return b->cur;
}

int editbuf_has_selection(const struct editbuf *b)
{
	return b->has_anchor && b->anchor != b->cur;
}

void editbuf_selection(const struct editbuf *b, size_t *start, size_t *end)
{
	size_t a = editbuf_has_selection(b) ? b->anchor : b->cur;
	*start = a < b->cur ? a : b->cur;
	*end = a < b->cur ? b->cur : a;
}

void editbuf_set_cursor(struct editbuf *b, size_t pos, int select)
{
	editbuf_break(b);
	if (pos > b->t.len)
		pos = b->t.len;
	while (pos < b->t.len && ((unsigned char)b->t.s[pos] & 0xC0) == 0x80)
		pos--;
	while (!is_boundary(b, pos))
		pos = cp_before(b, pos);
	if (!select) {
		b->has_anchor = 0;
	} else if (!b->has_anchor) {
		b->anchor = b->cur;
		b->has_anchor = 1;
	}
	b->cur = pos;
}

void editbuf_move(struct editbuf *b, enum eb_move m, int select)
{
	size_t p = b->cur, s;

	switch (m) {
	case EB_CHAR_LEFT:
		if (p > 0)
			p = prev_char(b, p);
		break;
	case EB_CHAR_RIGHT:
		if (p < b->t.len)
			p = next_char(b, p);
		break;
	case EB_WORD_LEFT:
		p = word_left(b, p);
		break;
	case EB_WORD_RIGHT:
		p = word_right(b, p);
		break;
	case EB_PARA_START:
		p = para_start(b, p);
		break;
	case EB_PARA_END:
		p = para_end(b, p);
		break;
	case EB_PARA_PREV:
		s = para_start(b, p);
		p = s > 0 ? para_start(b, s - 1) : 0;
		break;
	case EB_PARA_NEXT:
		p = para_end(b, p);
		p += p < b->t.len;
		break;
	case EB_TEXT_START:
		p = 0;
		break;
	case EB_TEXT_END:
		p = b->t.len;
		break;
	}
	editbuf_set_cursor(b, p, select);
}

int editbuf_insert(struct editbuf *b, const char *s, size_t n, int as_paste)
{
	char *own;
	size_t start, end;

	if (drop_cr(&s, &n, &own))
		return AW_ENOMEM;
	editbuf_selection(b, &start, &end);
	int rc = change(b, start, end - start, s, n, as_paste ? OPEN_NONE : OPEN_TYPE);
	free(own);
	/* A space or punctuation after a word ends the word's step. */
	if (!rc && n && !as_paste) {
		size_t last = cp_before(b, start + n);
		if (!is_word_cp(cp_at(b, last)) && last > 0 && word_at(b, prev_char(b, last)))
			b->open = OPEN_NONE;
	}
	return rc;
}

int editbuf_delete(struct editbuf *b, enum eb_delete d)
{
	size_t from = b->cur, to = b->cur;

	if (editbuf_has_selection(b)) {
		editbuf_selection(b, &from, &to);
		return change(b, from, to - from, "", 0, OPEN_NONE);
	}
	switch (d) {
	case EB_DEL_BACK:
		if (from > 0)
			from = prev_char(b, from);
		break;
	case EB_DEL_FORWARD:
		if (to < b->t.len)
			to = next_char(b, to);
		break;
	case EB_DEL_WORD_BACK:
		from = word_left(b, from);
		break;
	case EB_DEL_WORD_FORWARD:
		to = word_right(b, to);
		break;
	}
	return change(b, from, to - from, "", 0, OPEN_DELETE);
}

int editbuf_replace(struct editbuf *b, size_t start, size_t end, const char *s, size_t n)
{
	char *own;

	editbuf_set_cursor(b, end, 0);
	end = b->cur;
	editbuf_set_cursor(b, start < end ? start : end, 0);
	start = b->cur;
	if (drop_cr(&s, &n, &own))
		return AW_ENOMEM;
	int rc = change(b, start, end - start, s, n, OPEN_NONE);
	free(own);
	return rc;
}

int editbuf_copy(struct editbuf *b)
{
	struct buf c = BUF_INIT;
	size_t start, end;

	if (!editbuf_has_selection(b))
		return 0;
	editbuf_selection(b, &start, &end);
	if (buf_add(&c, b->t.s + start, end - start))
		return AW_ENOMEM;
	buf_free(&b->clip);
	b->clip = c;
	return 0;
}

int editbuf_cut(struct editbuf *b)
{
	if (!editbuf_has_selection(b))
		return 0;
	int rc = editbuf_copy(b);
	return rc ? rc : editbuf_delete(b, EB_DEL_BACK);
}

int editbuf_paste(struct editbuf *b)
{
	if (!b->clip.len)
		return 0;
	return editbuf_insert(b, b->clip.s, b->clip.len, 1);
}

const char *editbuf_clipboard(const struct editbuf *b)
{
	return b->clip.len ? b->clip.s : "";
}

/* Undo and redo say 0 when memory runs out to put the text back: the
 * header gives them no error code, and nothing has changed then. */
int editbuf_undo(struct editbuf *b)
{
	editbuf_break(b);
	if (!b->done)
		return 0;
	struct step *st = &b->steps[b->done - 1];
	if (reserve(b, b->t.len - st->ins.len + st->del.len))
		return 0;
	splice(b, st->pos, st->ins.len, st->del.s, st->del.len);
	b->done--;
	b->has_anchor = 0;
	size_t cur = st->cur < st->pos ? st->pos : st->cur;
	put_cursor(b, cur > st->pos + st->del.len ? st->pos + st->del.len : cur);
	return 1;
}

int editbuf_redo(struct editbuf *b)
{
	editbuf_break(b);
	if (b->done == b->nsteps)
		return 0;
	struct step *st = &b->steps[b->done];
	if (reserve(b, b->t.len - st->del.len + st->ins.len))
		return 0;
	splice(b, st->pos, st->del.len, st->ins.s, st->ins.len);
	b->done++;
	b->has_anchor = 0;
	put_cursor(b, st->pos + st->ins.len);
	return 1;
}

void editbuf_break(struct editbuf *b)
{
	b->open = OPEN_NONE;
}

/* The state is named by the serial of the last applied step; a step is
 * closed when saving, so later typing gets a serial of its own. */
static size_t state(const struct editbuf *b)
{
	return b->done ? b->steps[b->done - 1].serial : 0;
}

int editbuf_modified(const struct editbuf *b)
{
	return state(b) != b->saved;
}

void editbuf_mark_saved(struct editbuf *b)
{
	editbuf_break(b);
	b->saved = state(b);
}

size_t editbuf_words(const struct editbuf *b)
{
	size_t n = 0;
	int in = 0;

	for (size_t p = 0; p < b->t.len; p = next_char(b, p)) {
		int w = word_at(b, p);
		n += w && !in;
		in = w;
	}
	return n;
}
