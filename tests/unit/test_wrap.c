/* test_wrap.c: soft wrapping, cursor rows and columns, clicks. */
#include "harness.h"
#include "wrap.h"

#include <locale.h>
#include <stdlib.h>

/* Renders the rows of text at width as "[row text]cells" each, the '\n'
 * shown as "¶", so a check sees every break, the spaces on each row and
 * the cells. */
static void render(const struct wrap *w, const char *text, char *out, size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	for (size_t r = 0; r < w->n && o < size; r++) {
		const struct wrap_row *row = &w->rows[r];
		o += (size_t)snprintf(out + o, size - o, "[");
		for (size_t i = row->start; i < row->end && o < size; i++)
			o += (size_t)snprintf(out + o, size - o, "%s",
			                      text[i] == '\n' ? "¶" : (char[]){text[i], '\0'});
		if (o < size)
			o += (size_t)snprintf(out + o, size - o, "]%d", row->cells);
	}
}

static void rows(const char *text, int width, const char *want, const char *name)
{
	struct wrap w = WRAP_INIT;
	char got[512];
	int rc = wrap_layout(&w, text, strlen(text), width);
	render(&w, text, got, sizeof got);
	CHECK(rc == 0 && w.width == width, name);
	CHECK_STR(got, want, name);
	wrap_free(&w);
}

/* "row:col" of each offset in pos[], space-separated. */
static void locations(const char *text, int width, const size_t *pos, size_t n,
                      const char *want, const char *name)
{
	struct wrap w = WRAP_INIT;
	char got[256];
	size_t o = 0;
	got[0] = '\0';
	if (wrap_layout(&w, text, strlen(text), width) == 0) {
		for (size_t i = 0; i < n && o < sizeof got; i++) {
			size_t row;
			int col;
			wrap_locate(&w, text, pos[i], &row, &col);
			o += (size_t)snprintf(got + o, sizeof got - o, "%s%zu:%d", i ? " " : "", row, col);
		}
	}
	CHECK_STR(got, want, name);
	wrap_free(&w);
}

/* The offsets of clicks at (row, col) pairs, space-separated. */
static void offsets(const char *text, int width, const int *rc, size_t n,
                    const char *want, const char *name)
{
	struct wrap w = WRAP_INIT;
	char got[256];
	size_t o = 0;
	got[0] = '\0';
	if (wrap_layout(&w, text, strlen(text), width) == 0) {
		for (size_t i = 0; i < n && o < sizeof got; i++)
			o += (size_t)snprintf(got + o, sizeof got - o, "%s%zu", i ? " " : "",
			                      wrap_offset(&w, text, (size_t)rc[2 * i], rc[2 * i + 1]));
	}
	CHECK_STR(got, want, name);
	wrap_free(&w);
}

/* For every character boundary: the row holds the offset, the column is
 * on the screen, the cursor moves forward, and a click where the cursor
 * is gives the offset back; rows never take more than the width. */
static void round_trips(const char *text, int width, const char *name)
{
	struct wrap w = WRAP_INIT;
	size_t len = strlen(text), bad = 0, prow = 0;
	int pcol = -1;
	if (wrap_layout(&w, text, len, width) != 0) {
		CHECK(0, name);
		return;
	}
	for (size_t r = 0; r < w.n; r++) {
		const struct wrap_row *row = &w.rows[r];
		if (row->cells > width || (r && row->start != w.rows[r - 1].end))
			bad++;
	}
	if (w.rows[0].start != 0 || w.rows[w.n - 1].end != len)
		bad++;
	for (size_t pos = 0; pos <= len; pos++) {
		size_t row;
		int col;
		if (pos < len && ((unsigned char)text[pos] & 0xC0) == 0x80)
			continue;
		wrap_locate(&w, text, pos, &row, &col);
		const struct wrap_row *r = &w.rows[row];
		if (pos < r->start || pos > r->end || col < 0 || col > width)
			bad++;
		if (row < prow || (row == prow && col <= pcol))
			bad++;
		if (wrap_offset(&w, text, row, col) != pos)
			bad++;
		/* A click right of the row stays on it. */
		size_t end = wrap_offset(&w, text, row, 999), er;
		int ec;
		wrap_locate(&w, text, end, &er, &ec);
		if (er != row)
			bad++;
		prow = row;
		pcol = col;
	}
	CHECK(bad == 0, name);
	wrap_free(&w);
}

void test_wrap(void)
{
	char saved[256];
	const char *cur = setlocale(LC_CTYPE, NULL);
	snprintf(saved, sizeof saved, "%s", cur ? cur : "C");
	/* wcwidth() knows wide characters only under a UTF-8 locale. */
	if (!setlocale(LC_CTYPE, "C.UTF-8")) {
		SKIP("wrap: all", "no C.UTF-8 locale");
		return;
	}

	rows("", 10, "[]0", "wrap: an empty text is one empty row");
	rows("Ja.", 10, "[Ja.]3", "wrap: a short paragraph is one row");
	rows("abcd", 4, "[abcd]4", "wrap: a word of exactly the width fits");
	rows("ab cd", 5, "[ab cd]5", "wrap: a paragraph of exactly the width fits");
	rows("ab cd ef", 5, "[ab cd ]5[ef]2", "wrap: breaks at the last space that fits");
	rows("ab   cd", 4, "[ab   ]2[cd]2",
	     "wrap: all spaces at a break stay on the row before, without cells");
	rows("ab  cd  ef", 20, "[ab  cd  ef]10", "wrap: spaces inside a row take cells");
	rows("abcdefghij", 4, "[abcd]4[efgh]4[ij]2", "wrap: a long word is split where it must");
	rows("a bcdefghij", 4, "[a ]1[bcde]4[fghi]4[j]1",
	     "wrap: a long word starts on a row of its own");
	rows("Bund-Länder-Gremium", 8, "[Bund-Län]8[der-Grem]8[ium]3",
	     "wrap: hyphens do not break");
	rows("10\u00a0km weit", 6, "[10\u00a0km ]5[weit]4", "wrap: a no-break space does not break");
	rows("10\u202fkm", 3, "[10\u202f]3[km]2", "wrap: nor does a narrow no-break space");
	rows("abc     \nx", 4, "[abc     ¶]4[x]1",
	     "wrap: spaces at a paragraph's end take cells up to the edge and hang beyond");
	rows("ab  \n", 10, "[ab  ¶]4[]0", "wrap: spaces at a paragraph's end that fit take cells");
	rows("      x", 4, "[    ]4[  x]3", "wrap: indentation takes cells and is split like a word");
	rows("a\tb", 10, "[a\tb]3", "wrap: a tab takes one cell");

	rows("abc中文", 5, "[abc中]5[文]2", "wrap: wide characters take two cells");
	rows("abc中", 4, "[abc]3[中]2", "wrap: a wide character that does not fit goes to the next row");
	rows("中 文", 3, "[中 ]2[文]2", "wrap: a break after a wide character");
	rows("中文", 1, "[中]2[文]2", "wrap: at width 1 a wide character takes a row of its own");
	rows("Mu\u0308ll", 2, "[Mu\u0308]2[ll]2", "wrap: a combining mark takes no cell and stays with its base");
	rows("zu\u0308", 2, "[zu\u0308]2", "wrap: a combining mark at the edge is not split off");
	rows("a\U0001F600b", 2, "[a]1[\U0001F600]2[b]1", "wrap: an emoji takes two cells");
	rows("Danke \U0001F44D", 20, "[Danke \U0001F44D]8", "wrap: an emoji in a row");

	rows("ab\n\ncd", 10, "[ab¶]2[¶]0[cd]2", "wrap: an empty paragraph is one row");
	rows("ab\n", 10, "[ab¶]2[]0", "wrap: a text ending in a newline has an empty last row");
	rows("\n", 10, "[¶]0[]0", "wrap: a lone newline is two empty rows");
	rows("aa bb\n\n\ncc dd ee", 5, "[aa bb¶]5[¶]0[¶]0[cc dd ]5[ee]2",
	     "wrap: several paragraphs with empty ones between");

	struct wrap w = WRAP_INIT;
	const char *paras = "aa bb cc\n\ndd";
	CHECK(wrap_layout(&w, paras, strlen(paras), 5) == 0 && w.n == 4 &&
	      w.rows[0].para == 0 && w.rows[1].para == 0 && w.rows[2].para == 1 &&
	      w.rows[3].para == 2, "wrap: rows know their paragraph");
	CHECK(wrap_layout(&w, "x", 1, 5) == 0 && w.n == 1 && w.rows[0].end == 1,
	      "wrap: a new layout replaces the old one");
	wrap_free(&w);
	CHECK(!w.rows && w.n == 0 && w.cap == 0, "wrap: free leaves an empty layout");

	/* "ab   cd" at 4: ab|   |cd, the spaces 2..4 hang on row 0. */
	locations("ab   cd", 4, (size_t[]){0, 2, 3, 4, 5, 7}, 6, "0:0 0:2 0:3 0:4 1:0 1:2",
	          "wrap: hanging spaces move the cursor up to the edge, after them is the next row");
	locations("abcdefgh   ij", 4, (size_t[]){4, 8, 9, 11}, 4, "1:0 1:4 1:4 2:0",
	          "wrap: the cursor stops at the edge among hanging spaces");
	locations("ab\ncd", 10, (size_t[]){2, 3}, 2, "0:2 1:0", "wrap: the '\\n' is at the end of its row");
	locations("ab\n", 10, (size_t[]){2, 3}, 2, "0:2 1:0", "wrap: after a final '\\n' is the empty last row");
	locations("", 10, (size_t[]){0}, 1, "0:0", "wrap: the cursor in an empty text");
	locations("abcdefgh", 4, (size_t[]){3, 4, 8}, 3, "0:3 1:0 1:4",
	          "wrap: at a split word the cursor goes to the next row");
	locations("abc中文", 5, (size_t[]){3, 6, 9}, 3, "0:3 1:0 1:2", "wrap: wide characters in columns");
	locations("Mu\u0308ll", 2, (size_t[]){1, 2, 4, 5}, 4, "0:1 0:2 1:0 1:1",
	          "wrap: a combining mark adds no column");

	offsets("ab   cd", 4, (int[]){0, 99, 0, 3, 1, 99, 1, -5}, 4, "2 2 7 5",
	        "wrap: a click right of a soft row lands before its trailing spaces");
	offsets("ab\ncd", 10, (int[]){0, 99, 1, 1}, 2, "2 4",
	        "wrap: a click right of a paragraph lands before its '\\n'");
	offsets("abc     \nx", 4, (int[]){0, 99, 1, 99}, 2, "4 10",
	        "wrap: a click right of hanging spaces lands at the edge");
	offsets("ab\n", 10, (int[]){1, 5}, 1, "3", "wrap: a click on the empty last row");
	offsets("abc中文", 5, (int[]){0, 3, 0, 4, 0, 5, 1, 1, 1, 2}, 5, "3 3 3 6 9",
	        "wrap: a click inside a wide character gives its start");
	offsets("ab Mu\u0308", 3, (int[]){1, 0, 1, 1, 1, 2}, 3, "3 4 7",
	        "wrap: a click steps over a base and its combining marks together");
	offsets("abcdefgh", 4, (int[]){0, 99, 0, 3, 1, 99}, 3, "3 3 8",
	        "wrap: a click right of a split word lands before its last character");
	offsets("Mu\u0308ll", 2, (int[]){0, 99}, 1, "1",
	        "wrap: a click right of a split word keeps the combining mark after the cursor");
	offsets("中文", 1, (int[]){0, 1, 1, 1}, 2, "0 3",
	        "wrap: a click on a wide character alone on a row");

	const char *de =
		"Die Bundesregierung hat die „Anführungszeichen“ im Entwurf geprüft; "
		"Änderungen an der Verordnung über Maße und Gewichte sind derzeit nicht "
		"vorgesehen.\n\nÜber weitere Schritte wird später entschieden.\n";
	rows("Die „Anführungszeichen“ geprüft", 17,
	     "[Die ]3[„Anführungszeiche]17[n“ geprüft]10",
	     "wrap: German quotation marks and umlauts take one cell each");
	round_trips(de, 10, "wrap: every offset of a German paragraph round-trips at width 10");
	round_trips(de, 17, "wrap: every offset of a German paragraph round-trips at width 17");
	round_trips(de, 60, "wrap: every offset of a German paragraph round-trips at width 60");
	round_trips("中文字 a\U0001F600b 中 文字\n\nx", 3,
	            "wrap: every offset round-trips with wide characters at width 3");

	CHECK(wrap_cells("", 0) == 0, "wrap: no text takes no cells");
	CHECK(wrap_cells("„Maße“", strlen("„Maße“")) == 6, "wrap: cells of German text");
	CHECK(wrap_cells("中文", strlen("中文")) == 4, "wrap: cells of CJK text");
	CHECK(wrap_cells("u\u0308", strlen("u\u0308")) == 1, "wrap: cells with a combining mark");
	CHECK(wrap_cells("\U0001F600\t", strlen("\U0001F600\t")) == 3, "wrap: cells of an emoji and a tab");
	CHECK(wrap_cells("a\x01", 2) == 1, "wrap: a control character takes no cell");

	setlocale(LC_CTYPE, saved);
}
