/* wrap.c: greedy soft wrapping, one pass over the text.
 *
 * Rules, so that views and tests can predict every row:
 * - A row breaks only at a run of ASCII spaces after something visible on
 *   the row; the whole run stays on the row before and takes no cells.
 *   No-break spaces (U+00A0, U+202F), hyphens and dashes never break.
 * - A word wider than the row is split before the first character that
 *   does not fit; combining marks take no cells, so they stay with their
 *   base. Only a two-cell character at width 1 makes a row wider.
 * - Spaces at the start of a paragraph are indentation: they take cells
 *   and are split like a word.
 * - Spaces before a paragraph's end take cells while they fit; the rest
 *   hang past the edge without cells.
 *
 * Every row has a visible end (vis below): what follows it on the row is
 * hanging spaces and the '\n'. wrap_locate() puts an offset among hanging
 * spaces one cell further per space, but never past the edge; wrap_offset()
 * never returns an offset past vis, so a click right of a soft-broken row
 * lands before its trailing spaces and one right of a paragraph's last row
 * before its '\n' (or the hanging spaces). A row split inside a word has
 * no such place: its end is the next row's start, so a click right of it
 * lands before its last character. Clicks take the last offset at or left
 * of the column, so a base character and its combining marks are one. */
#include "wrap.h"
#include "error.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static int cp_cells(unsigned cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1; /* the common case, without a call */
	if (cp == '\t')
		return 1;
	int c = wcwidth((wchar_t)cp);
	return c < 0 ? 0 : c;
}

int wrap_cells(const char *text, size_t len)
{
	int cells = 0;
	for (size_t i = 0; i < len;) {
		unsigned cp;
		i += utf8_decode(text + i, len - i, &cp);
		cells += cp_cells(cp);
	}
	return cells;
}

void wrap_free(struct wrap *w)
{
	free(w->rows);
	*w = (struct wrap)WRAP_INIT;
}

static int push(struct wrap *w, size_t start, size_t end, size_t para, int cells)
{
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 64;
		struct wrap_row *r = realloc(w->rows, cap * sizeof *r);
		if (!r)
			return AW_ENOMEM;
		w->rows = r;
		w->cap = cap;
	}
	w->rows[w->n++] = (struct wrap_row){start, end, para, cells};
	return 0;
}

/* Lays out the paragraph text[p..q) (q is its '\n' or the end) as rows
 * ending at q + nl. */
static int layout_para(struct wrap *w, const char *text, size_t p, size_t q,
                       size_t nl, size_t para, int width)
{
	size_t s = p;           /* start of the current row */
	int col = 0;            /* its cells so far, spaces of a run included */
	int seen = 0;           /* something not a space is on the row */
	int in_run = 0;         /* the last character was a breaking space */
	size_t brk = p;         /* where the next row would start; s: nowhere */
	int brk_cells = 0;      /* the row's cells if broken at brk */
	int brk_col = 0;        /* col at brk */
	int err;

	for (size_t i = p; i < q;) {
		unsigned cp;
		size_t n = utf8_decode(text + i, q - i, &cp);
		int cw = cp_cells(cp);

		if (cp == ' ' && seen) {
			if (!in_run)
				brk_cells = col;
			in_run = 1;
			col++;
			brk = i + n;
			brk_col = col;
			i += n;
			continue;
		}
		in_run = 0;
		if (col + cw > width && brk > s) {
			if ((err = push(w, s, brk, para, brk_cells)))
				return err;
			col -= brk_col;
			seen = i > brk;
			s = brk;
		}
		if (col + cw > width && i > s) {
			if ((err = push(w, s, i, para, col)))
				return err;
			col = 0;
			seen = 0;
			s = brk = i;
		}
		col += cw;
		seen |= cp != ' ';
		i += n;
	}
	/* Spaces ending the paragraph past the edge hang without cells. */
	if (in_run && col > width)
		col = brk_cells > width ? brk_cells : width;
	return push(w, s, q + nl, para, col);
}

int wrap_layout(struct wrap *w, const char *text, size_t len, int width)
{
	size_t para = 0, p = 0;
	int err;

	w->n = 0;
	w->width = width;
	for (;;) {
		const char *nl = memchr(text + p, '\n', len - p);
		size_t q = nl ? (size_t)(nl - text) : len;
		if ((err = layout_para(w, text, p, q, nl != NULL, para, width))) {
			w->n = 0;
			return err;
		}
		if (!nl)
			return 0;
		p = q + 1;
		para++;
	}
}

/* The end of the visible part of row r: hanging spaces and the '\n'
 * follow it. Spaces are one byte and one cell, so the cells beyond the
 * last non-space character say how many of the spaces are visible. */
static size_t visible_end(const struct wrap_row *r, const char *text)
{
	size_t t = r->end;
	if (t > r->start && text[t - 1] == '\n')
		t--;
	while (t > r->start && text[t - 1] == ' ')
		t--;
	return t + (size_t)(r->cells - wrap_cells(text + r->start, t - r->start));
}

void wrap_locate(const struct wrap *w, const char *text, size_t pos, size_t *row, int *col)
{
	/* The last row starting at or before pos: at a soft break the next
	 * row starts where the spaces end. */
	size_t lo = 0, hi = w->n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (w->rows[mid].start <= pos)
			lo = mid;
		else
			hi = mid;
	}
	const struct wrap_row *r = &w->rows[lo];
	size_t vis = visible_end(r, text);
	*row = lo;
	if (pos <= vis) {
		*col = wrap_cells(text + r->start, pos - r->start);
	} else {
		int edge = r->cells > w->width ? r->cells : w->width;
		size_t c = (size_t)r->cells + (pos - vis);
		*col = c > (size_t)edge ? edge : (int)c;
	}
}

size_t wrap_offset(const struct wrap *w, const char *text, size_t row, int col)
{
	const struct wrap_row *r = &w->rows[row];
	size_t vis = visible_end(r, text);
	size_t i = r->start;
	int cells = 0;

	/* A row split inside a word ends where the next row starts, so its
	 * last column is the one before its last character. */
	int last = vis == r->end && row + 1 < w->n ? r->cells - 1 : r->cells;
	if (col > last)
		col = last;
	/* The last boundary not right of col: a wide character under col
	 * gives its start, combining marks are stepped over with their base. */
	while (i < vis) {
		unsigned cp;
		size_t n = utf8_decode(text + i, vis - i, &cp);
		int cw = cp_cells(cp);
		if (cells + cw > col)
			break;
		cells += cw;
		i += n;
	}
	return i;
}
