/* wrap.h: soft wrapping of text for the screen. A paragraph stays one
 * line in the file and is shown as several screen rows, broken at word
 * boundaries (a word longer than the width is broken where it must be).
 * Wide characters (CJK, most emoji) take two cells, combining marks none,
 * as wcwidth() says under a UTF-8 locale; a tab is shown as one space.
 *
 * Plain C, no curses: views ask it where rows start and where the cursor
 * is; tests check it headless. */
#ifndef ANTWORT_WRAP_H
#define ANTWORT_WRAP_H

#include <stddef.h>

/* One screen row: text[start..end) of the text, shown from column 0. The
 * '\n' that ends a paragraph and the spaces at a soft break belong to the
 * row before the break (end includes them) but take no cells. */
struct wrap_row {
	size_t start, end;
	size_t para;       /* index of the paragraph, from 0 */
	int cells;         /* cells the visible part takes */
};

struct wrap {
	struct wrap_row *rows;
	size_t n, cap;
	int width;
};

#define WRAP_INIT {NULL, 0, 0, 0}

/* Lays text[0..len) (valid UTF-8, paragraphs separated by '\n') out in
 * rows of at most width cells (width >= 1). An empty text or an empty
 * paragraph is one empty row. Replaces what w held. 0 or AW_ENOMEM; after
 * AW_ENOMEM w has no rows and must be laid out again before use. */
int wrap_layout(struct wrap *w, const char *text, size_t len, int width);
void wrap_free(struct wrap *w);

/* The row and the cell column of byte offset pos (on a character
 * boundary). At a soft break, the cursor after the trailing spaces goes at
 * the start of the next row. */
void wrap_locate(const struct wrap *w, const char *text, size_t pos, size_t *row, int *col);

/* The byte offset shown at row, cell column col: for clicks and for
 * moving up and down with a goal column. The last character boundary at
 * or left of col; inside a wide character its start. Never past the row's
 * visible end: right of a soft-broken row, before its trailing spaces;
 * right of a paragraph's last row, before its '\n'; right of a row split
 * inside a long word, before its last character (its end is the next
 * row's start). */
size_t wrap_offset(const struct wrap *w, const char *text, size_t row, int col);

/* Cells that text[0..len) takes on one row (no wrapping). */
int wrap_cells(const char *text, size_t len);

#endif
