/* test_editbuf.c: the edit buffer driven headless, as the editor will. */
#include "harness.h"
#include "editbuf.h"
#include "utf8.h"

#include <stdlib.h>

static struct editbuf *mk(const char *s)
{
	return editbuf_new(s, strlen(s));
}

/* Types s one code point at a time, as keystrokes arrive. */
static void type(struct editbuf *b, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		editbuf_insert(b, s + i, len, 0);
		i += len;
	}
}

/* Moves with m until the cursor stops and shows every place it stopped
 * at as a '|' in the text. */
static void stops(struct editbuf *b, enum eb_move m, char *out, size_t size)
{
	const char *t = editbuf_text(b);
	size_t o = 0, prev = editbuf_cursor(b), n = editbuf_len(b);
	char *at = calloc(n + 1, 1);

	for (;;) {
		editbuf_move(b, m, 0);
		if (editbuf_cursor(b) == prev)
			break;
		prev = editbuf_cursor(b);
		at[prev] = 1;
	}
	for (size_t i = 0; i <= n && o + 2 < size; i++) {
		if (at[i])
			out[o++] = '|';
		if (i < n)
			out[o++] = t[i];
	}
	out[o] = '\0';
	free(at);
}

/* Undoes everything and says how many steps it took. */
static int undo_all(struct editbuf *b)
{
	int n = 0;
	while (editbuf_undo(b))
		n++;
	return n;
}

static void test_insert_delete(void)
{
	struct editbuf *b = mk("Mitte");
	CHECK(editbuf_insert(b, "Die ", 4, 0) == 0, "editbuf: insert at the start succeeds");
	CHECK_STR(editbuf_text(b), "Die Mitte", "editbuf: insert at the start");
	CHECK(editbuf_cursor(b) == 4, "editbuf: the cursor follows the insertion");
	editbuf_move(b, EB_TEXT_END, 0);
	editbuf_insert(b, ".", 1, 0);
	CHECK_STR(editbuf_text(b), "Die Mitte.", "editbuf: insert at the end");
	editbuf_set_cursor(b, 4, 0);
	editbuf_insert(b, "neue ", 5, 0);
	CHECK_STR(editbuf_text(b), "Die neue Mitte.", "editbuf: insert in the middle");
	CHECK(editbuf_len(b) == 15, "editbuf: the length follows the text");
	editbuf_move(b, EB_TEXT_START, 0);
	editbuf_delete(b, EB_DEL_FORWARD);
	CHECK_STR(editbuf_text(b), "ie neue Mitte.", "editbuf: delete at the start");
	CHECK(editbuf_delete(b, EB_DEL_BACK) == 0 && !strcmp(editbuf_text(b), "ie neue Mitte."),
	      "editbuf: backspace at the start changes nothing");
	editbuf_move(b, EB_TEXT_END, 0);
	editbuf_delete(b, EB_DEL_FORWARD);
	CHECK_STR(editbuf_text(b), "ie neue Mitte.", "editbuf: delete at the end changes nothing");
	editbuf_delete(b, EB_DEL_BACK);
	CHECK_STR(editbuf_text(b), "ie neue Mitte", "editbuf: backspace at the end");
	editbuf_set_cursor(b, 3, 0);
	editbuf_delete(b, EB_DEL_BACK);
	CHECK_STR(editbuf_text(b), "ieneue Mitte", "editbuf: backspace in the middle");
	CHECK(editbuf_cursor(b) == 2, "editbuf: backspace moves the cursor back");
	editbuf_delete(b, EB_DEL_FORWARD);
	CHECK_STR(editbuf_text(b), "ieeue Mitte", "editbuf: delete in the middle");
	editbuf_free(b);

	b = mk("");
	editbuf_insert(b, "a\r\nb\rc", 6, 0);
	CHECK_STR(editbuf_text(b), "a\nbc", "editbuf: typed CR is dropped, CRLF becomes LF");
	CHECK(editbuf_cursor(b) == 4, "editbuf: the cursor ends after the text without CR");
	editbuf_free(b);
}

static void test_characters(void)
{
	char got[256];
	/* a ä ß „ “ u+U+0308 😀 中 b */
	const char *t = "a\xC3\xA4\xC3\x9F\xE2\x80\x9E\xE2\x80\x9Cu\xCC\x88\xF0\x9F\x98\x80\xE4\xB8\xAD" "b";
	struct editbuf *b = mk(t);

	stops(b, EB_CHAR_RIGHT, got, sizeof got);
	CHECK_STR(got, "a|\xC3\xA4|\xC3\x9F|\xE2\x80\x9E|\xE2\x80\x9C|u\xCC\x88|\xF0\x9F\x98\x80|\xE4\xB8\xAD|b|",
	          "editbuf: right moves by whole characters (ä ß „ “ ü decomposed, emoji, CJK)");
	stops(b, EB_CHAR_LEFT, got, sizeof got);
	CHECK_STR(got, "|a|\xC3\xA4|\xC3\x9F|\xE2\x80\x9E|\xE2\x80\x9C|u\xCC\x88|\xF0\x9F\x98\x80|\xE4\xB8\xAD|b",
	          "editbuf: left moves by the same characters");

	editbuf_move(b, EB_TEXT_END, 0);
	editbuf_delete(b, EB_DEL_BACK);
	editbuf_delete(b, EB_DEL_BACK);
	CHECK_STR(editbuf_text(b), "a\xC3\xA4\xC3\x9F\xE2\x80\x9E\xE2\x80\x9Cu\xCC\x88\xF0\x9F\x98\x80",
	          "editbuf: backspace removes a CJK character whole");
	editbuf_delete(b, EB_DEL_BACK);
	CHECK_STR(editbuf_text(b), "a\xC3\xA4\xC3\x9F\xE2\x80\x9E\xE2\x80\x9Cu\xCC\x88",
	          "editbuf: backspace removes an emoji whole");
	editbuf_delete(b, EB_DEL_BACK);
	CHECK_STR(editbuf_text(b), "a\xC3\xA4\xC3\x9F\xE2\x80\x9E\xE2\x80\x9C",
	          "editbuf: backspace removes u with its combining diaeresis");
	editbuf_delete(b, EB_DEL_BACK);
	CHECK_STR(editbuf_text(b), "a\xC3\xA4\xC3\x9F\xE2\x80\x9E", "editbuf: backspace removes “ whole");
	editbuf_set_cursor(b, 1, 0);
	editbuf_delete(b, EB_DEL_FORWARD);
	CHECK_STR(editbuf_text(b), "a\xC3\x9F\xE2\x80\x9E", "editbuf: delete removes ä whole");
	editbuf_delete(b, EB_DEL_FORWARD);
	CHECK_STR(editbuf_text(b), "a\xE2\x80\x9E", "editbuf: delete removes ß whole");
	editbuf_free(b);

	b = mk("xu\xCC\x88y");
	editbuf_set_cursor(b, 1, 0);
	editbuf_delete(b, EB_DEL_FORWARD);
	CHECK_STR(editbuf_text(b), "xy", "editbuf: delete removes u with its combining diaeresis");
	editbuf_free(b);

	b = mk("au\xCC\x88" "b");
	editbuf_set_cursor(b, 3, 0);
	CHECK(editbuf_cursor(b) == 1, "editbuf: a position inside a character goes back to its start");
	editbuf_set_cursor(b, 2, 0);
	CHECK(editbuf_cursor(b) == 1, "editbuf: a position before a combining mark goes back to its base");
	editbuf_set_cursor(b, 99, 0);
	CHECK(editbuf_cursor(b) == 5, "editbuf: a position past the end goes to the end");
	editbuf_free(b);

	/* 👩‍💻 (woman, ZWJ, computer) and ❤️ (heart, variation selector 16) */
	b = mk("x\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBBy\xE2\x9D\xA4\xEF\xB8\x8Fz");
	stops(b, EB_CHAR_RIGHT, got, sizeof got);
	CHECK_STR(got, "x|\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB|y|\xE2\x9D\xA4\xEF\xB8\x8F|z|",
	          "editbuf: ZWJ sequences and variation selectors are one character");
	stops(b, EB_CHAR_LEFT, got, sizeof got);
	CHECK_STR(got, "|x|\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB|y|\xE2\x9D\xA4\xEF\xB8\x8F|z",
	          "editbuf: left agrees with right on ZWJ sequences");
	editbuf_set_cursor(b, 12, 0);
	editbuf_delete(b, EB_DEL_BACK);
	CHECK_STR(editbuf_text(b), "xy\xE2\x9D\xA4\xEF\xB8\x8Fz", "editbuf: backspace removes a ZWJ sequence whole");
	editbuf_free(b);

	/* A mark never sticks to the paragraph break before it. */
	b = mk("a\n\xCC\x88" "b");
	stops(b, EB_CHAR_RIGHT, got, sizeof got);
	CHECK_STR(got, "a|\n|\xCC\x88|b|", "editbuf: a combining mark after a line break stands alone");
	editbuf_free(b);
}

static void test_words(void)
{
	char got[256];
	const char *t = "\xE2\x80\x9EGuten Tag\xE2\x80\x9C, sagte sie \xE2\x80\x93 n\xC3\xA4mlich 3,5 % mehr\xE2\x80\xA6\n"
	                "Zweiter Absatz.";
	struct editbuf *b = mk(t);

	stops(b, EB_WORD_RIGHT, got, sizeof got);
	CHECK_STR(got, "\xE2\x80\x9E|Guten |Tag\xE2\x80\x9C, |sagte |sie \xE2\x80\x93 |n\xC3\xA4mlich |3,|5 % |mehr\xE2\x80\xA6\n"
	          "|Zweiter |Absatz.|",
	          "editbuf: word right stops at word starts over „“, – and …");
	stops(b, EB_WORD_LEFT, got, sizeof got);
	CHECK_STR(got, "|\xE2\x80\x9E|Guten |Tag\xE2\x80\x9C, |sagte |sie \xE2\x80\x93 |n\xC3\xA4mlich |3,|5 % |mehr\xE2\x80\xA6\n"
	          "|Zweiter |Absatz.",
	          "editbuf: word left stops at the same word starts");
	CHECK(editbuf_words(b) == 10, "editbuf: words are counted as runs of letters and digits");
	editbuf_free(b);

	b = mk("\xC2\xAB" "Zitat\xC2\xBB \xE2\x80\x9Aso\xE2\x80\x98 \xC2\xA7\xC2\xA0" "12 und 5\xE2\x80\xAFkm bei 5\xE2\x80\x89mm");
	stops(b, EB_WORD_RIGHT, got, sizeof got);
	CHECK_STR(got, "\xC2\xAB|Zitat\xC2\xBB \xE2\x80\x9A|so\xE2\x80\x98 \xC2\xA7\xC2\xA0|12 |und |5\xE2\x80\xAF|km |bei |5\xE2\x80\x89|mm|",
	          "editbuf: « » ‚ ‘ and no-break and thin spaces separate words");
	CHECK(editbuf_words(b) == 9, "editbuf: « » ‚ ‘ § and narrow spaces are no words");
	editbuf_free(b);

	b = mk("Mu\xCC\x88ller sagt");
	stops(b, EB_WORD_RIGHT, got, sizeof got);
	CHECK_STR(got, "Mu\xCC\x88ller |sagt|", "editbuf: a decomposed umlaut stays inside its word");
	CHECK(editbuf_words(b) == 2, "editbuf: a decomposed umlaut does not split the count");
	editbuf_free(b);

	b = mk("Hallo Welt  ");
	editbuf_move(b, EB_TEXT_END, 0);
	editbuf_delete(b, EB_DEL_WORD_BACK);
	CHECK_STR(editbuf_text(b), "Hallo ", "editbuf: word back deletes the previous word and the spaces after it");
	editbuf_delete(b, EB_DEL_WORD_BACK);
	CHECK_STR(editbuf_text(b), "", "editbuf: word back again deletes the word before");
	CHECK(undo_all(b) == 1 && !strcmp(editbuf_text(b), "Hallo Welt  "),
	      "editbuf: a run of word deletions is one undo step");
	editbuf_set_cursor(b, 8, 0);
	editbuf_delete(b, EB_DEL_WORD_BACK);
	CHECK_STR(editbuf_text(b), "Hallo lt  ", "editbuf: word back inside a word deletes to its start");
	editbuf_move(b, EB_TEXT_START, 0);
	editbuf_delete(b, EB_DEL_WORD_FORWARD);
	CHECK_STR(editbuf_text(b), "lt  ", "editbuf: word forward deletes to the start of the next word");
	editbuf_free(b);

	b = mk("\xE2\x80\x9EZitat\xE2\x80\x9C ");
	editbuf_move(b, EB_TEXT_END, 0);
	editbuf_delete(b, EB_DEL_WORD_BACK);
	CHECK_STR(editbuf_text(b), "\xE2\x80\x9E", "editbuf: word back takes the closing quote with the word");
	editbuf_free(b);
}

static void test_paragraphs(void)
{
	struct editbuf *b = mk("Eins eins\nZwei zwei\n\nVier");
	static const struct { size_t from; enum eb_move m; size_t want; const char *name; } cases[] = {
		{13, EB_PARA_START, 10, "editbuf: paragraph start"},
		{10, EB_PARA_START, 10, "editbuf: paragraph start at the start stays"},
		{13, EB_PARA_END, 19, "editbuf: paragraph end is before the break"},
		{13, EB_PARA_PREV, 0, "editbuf: previous paragraph"},
		{0, EB_PARA_PREV, 0, "editbuf: no paragraph before the first"},
		{20, EB_PARA_PREV, 10, "editbuf: previous paragraph from an empty one"},
		{13, EB_PARA_NEXT, 20, "editbuf: next paragraph, an empty one"},
		{20, EB_PARA_NEXT, 21, "editbuf: next paragraph after an empty one"},
		{22, EB_PARA_NEXT, 25, "editbuf: no paragraph after the last: its end"},
		{22, EB_PARA_END, 25, "editbuf: the last paragraph ends at the text's end"},
		{13, EB_TEXT_END, 25, "editbuf: text end"},
		{13, EB_TEXT_START, 0, "editbuf: text start"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		editbuf_set_cursor(b, cases[i].from, 0);
		editbuf_move(b, cases[i].m, 0);
		CHECK(editbuf_cursor(b) == cases[i].want, cases[i].name);
	}
	editbuf_free(b);
}

static void test_selection(void)
{
	size_t s, e;
	struct editbuf *b = mk("Hallo Welt");

	CHECK(!editbuf_has_selection(b), "editbuf: no selection at first");
	editbuf_set_cursor(b, 6, 0);
	editbuf_move(b, EB_WORD_RIGHT, 1);
	editbuf_selection(b, &s, &e);
	CHECK(editbuf_has_selection(b) && s == 6 && e == 10, "editbuf: shift-move selects from the old cursor");
	type(b, "Erde");
	CHECK_STR(editbuf_text(b), "Hallo Erde", "editbuf: typing replaces the selection");
	CHECK(!editbuf_has_selection(b) && editbuf_cursor(b) == 10, "editbuf: typing ends the selection");
	CHECK(editbuf_undo(b) == 1 && !strcmp(editbuf_text(b), "Hallo Welt"),
	      "editbuf: replacing a selection by typing is undone in one step");

	editbuf_move(b, EB_TEXT_END, 0);
	editbuf_move(b, EB_WORD_LEFT, 1);
	editbuf_move(b, EB_CHAR_LEFT, 1);
	editbuf_selection(b, &s, &e);
	CHECK(s == 5 && e == 10 && editbuf_cursor(b) == 5, "editbuf: a backward selection has start before end");
	editbuf_move(b, EB_CHAR_RIGHT, 0);
	CHECK(!editbuf_has_selection(b) && editbuf_cursor(b) == 6, "editbuf: a move without shift drops the selection");

	editbuf_set_cursor(b, 0, 0);
	editbuf_set_cursor(b, 5, 1);
	editbuf_selection(b, &s, &e);
	CHECK(s == 0 && e == 5, "editbuf: set_cursor with select extends the selection");
	editbuf_set_cursor(b, 0, 1);
	CHECK(!editbuf_has_selection(b), "editbuf: back at the anchor nothing is selected");
	editbuf_set_cursor(b, 5, 1);
	editbuf_delete(b, EB_DEL_FORWARD);
	CHECK_STR(editbuf_text(b), " Welt", "editbuf: delete removes the selection, not a character");
	editbuf_set_cursor(b, 1, 0);
	editbuf_set_cursor(b, 5, 1);
	editbuf_set_cursor(b, 3, 0);
	CHECK(!editbuf_has_selection(b), "editbuf: set_cursor without select drops the selection");
	editbuf_free(b);
}

static void test_clipboard(void)
{
	struct editbuf *b = mk("eins zwei drei");

	CHECK_STR(editbuf_clipboard(b), "", "editbuf: the clipboard starts empty");
	CHECK(editbuf_copy(b) == 0 && !strcmp(editbuf_clipboard(b), ""), "editbuf: copy without a selection does nothing");
	editbuf_set_cursor(b, 5, 0);
	editbuf_set_cursor(b, 10, 1);
	editbuf_copy(b);
	CHECK_STR(editbuf_clipboard(b), "zwei ", "editbuf: copy takes the selection");
	CHECK_STR(editbuf_text(b), "eins zwei drei", "editbuf: copy leaves the text");
	editbuf_move(b, EB_TEXT_END, 0);
	editbuf_paste(b);
	CHECK_STR(editbuf_text(b), "eins zwei dreizwei ", "editbuf: paste inserts the clipboard");
	editbuf_set_cursor(b, 0, 0);
	editbuf_set_cursor(b, 5, 1);
	editbuf_cut(b);
	CHECK_STR(editbuf_clipboard(b), "eins ", "editbuf: cut takes the selection");
	CHECK_STR(editbuf_text(b), "zwei dreizwei ", "editbuf: cut removes the selection");
	editbuf_move(b, EB_TEXT_END, 0);
	editbuf_paste(b);
	CHECK_STR(editbuf_text(b), "zwei dreizwei eins ", "editbuf: paste after cut");
	editbuf_set_cursor(b, 0, 0);
	editbuf_set_cursor(b, 4, 1);
	editbuf_paste(b);
	CHECK_STR(editbuf_text(b), "eins  dreizwei eins ", "editbuf: paste replaces the selection");
	CHECK(editbuf_cut(b) == 0 && !strcmp(editbuf_clipboard(b), "eins "), "editbuf: cut without a selection does nothing");
	editbuf_undo(b);
	CHECK_STR(editbuf_text(b), "zwei dreizwei eins ", "editbuf: undo a paste over a selection");
	editbuf_undo(b);
	CHECK_STR(editbuf_text(b), "zwei dreizwei ", "editbuf: undo a paste");
	editbuf_undo(b);
	CHECK_STR(editbuf_text(b), "eins zwei dreizwei ", "editbuf: undo a cut");
	CHECK(editbuf_cursor(b) == 5, "editbuf: undoing a cut puts the cursor at the restored text");
	editbuf_undo(b);
	CHECK_STR(editbuf_text(b), "eins zwei drei", "editbuf: undo the first paste");
	CHECK(!editbuf_undo(b), "editbuf: copying made no undo step");
	editbuf_free(b);
}

static void test_undo(void)
{
	struct editbuf *b = mk("");

	type(b, "Hallo Welt");
	CHECK_STR(editbuf_text(b), "Hallo Welt", "editbuf: typed text");
	CHECK(editbuf_undo(b) == 1 && !strcmp(editbuf_text(b), "Hallo "), "editbuf: undo takes back the last word");
	CHECK(editbuf_cursor(b) == 6, "editbuf: undo puts the cursor where the change was");
	CHECK(editbuf_undo(b) == 1 && !strcmp(editbuf_text(b), ""), "editbuf: the first word and its space are one step");
	CHECK(editbuf_undo(b) == 0, "editbuf: \"Hallo Welt\" typed is two undo steps");
	CHECK(editbuf_redo(b) == 1 && !strcmp(editbuf_text(b), "Hallo "), "editbuf: redo the first word");
	CHECK(editbuf_redo(b) == 1 && !strcmp(editbuf_text(b), "Hallo Welt") && editbuf_cursor(b) == 10,
	      "editbuf: redo the second word, cursor after it");
	CHECK(editbuf_redo(b) == 0, "editbuf: nothing more to redo");

	editbuf_undo(b);
	type(b, "Leute");
	CHECK_STR(editbuf_text(b), "Hallo Leute", "editbuf: typing after undo");
	CHECK(editbuf_redo(b) == 0 && !strcmp(editbuf_text(b), "Hallo Leute"), "editbuf: a new edit drops the redo history");
	CHECK(undo_all(b) == 2 && !strcmp(editbuf_text(b), ""), "editbuf: the dropped step is gone from the history");
	editbuf_free(b);

	b = mk("");
	type(b, "Ja, gut.");
	CHECK(undo_all(b) == 2, "editbuf: punctuation after a word ends the step too");
	editbuf_free(b);

	b = mk("Hallo Welt");
	editbuf_move(b, EB_TEXT_END, 0);
	for (int i = 0; i < 6; i++)
		editbuf_delete(b, EB_DEL_BACK);
	CHECK_STR(editbuf_text(b), "Hall", "editbuf: a run of backspaces");
	CHECK(editbuf_undo(b) == 1 && !strcmp(editbuf_text(b), "Hallo Welt"), "editbuf: a backspace run is undone at once");
	CHECK(editbuf_cursor(b) == 10, "editbuf: undoing backspaces puts the cursor back after the text");
	CHECK(editbuf_undo(b) == 0, "editbuf: the backspace run was one step");
	editbuf_set_cursor(b, 2, 0);
	for (int i = 0; i < 3; i++)
		editbuf_delete(b, EB_DEL_FORWARD);
	CHECK_STR(editbuf_text(b), "Ha Welt", "editbuf: a run of deletes");
	CHECK(undo_all(b) == 1 && !strcmp(editbuf_text(b), "Hallo Welt") && editbuf_cursor(b) == 2,
	      "editbuf: a delete run is one step, the cursor back where it was");
	editbuf_free(b);

	b = mk("");
	type(b, "abc");
	editbuf_delete(b, EB_DEL_BACK);
	type(b, "x");
	CHECK_STR(editbuf_text(b), "abx", "editbuf: type, delete, type");
	CHECK(editbuf_undo(b) == 1 && !strcmp(editbuf_text(b), "ab"), "editbuf: typing after deleting is its own step");
	CHECK(editbuf_undo(b) == 1 && !strcmp(editbuf_text(b), "abc"), "editbuf: deleting after typing is its own step");
	CHECK(editbuf_undo(b) == 1 && !strcmp(editbuf_text(b), ""), "editbuf: the typing before");
	editbuf_free(b);

	b = mk("");
	type(b, "ab");
	editbuf_move(b, EB_CHAR_LEFT, 0);
	editbuf_move(b, EB_CHAR_RIGHT, 0);
	type(b, "cd");
	editbuf_break(b);
	type(b, "ef");
	CHECK_STR(editbuf_text(b), "abcdef", "editbuf: typing around a move and a break");
	CHECK(editbuf_undo(b) == 1 && !strcmp(editbuf_text(b), "abcd"), "editbuf: editbuf_break() ends the step");
	CHECK(editbuf_undo(b) == 1 && !strcmp(editbuf_text(b), "ab"), "editbuf: a cursor move ends the step");
	editbuf_free(b);

	b = mk("");
	const char *p = "Erster Absatz.\r\n\r\nZweiter Absatz mit \xE2\x80\x9EZitat\xE2\x80\x9C.\r\n";
	editbuf_insert(b, p, strlen(p), 1);
	CHECK_STR(editbuf_text(b), "Erster Absatz.\n\nZweiter Absatz mit \xE2\x80\x9EZitat\xE2\x80\x9C.\n",
	          "editbuf: pasted CRLF becomes LF");
	CHECK(editbuf_cursor(b) == editbuf_len(b), "editbuf: the cursor ends after the paste");
	type(b, "Dritter");
	CHECK(editbuf_undo(b) == 1 && editbuf_undo(b) == 1 && !strcmp(editbuf_text(b), ""),
	      "editbuf: a paste of several paragraphs is one step, typing after it another");
	editbuf_free(b);

	b = mk("Die Antwort lautet nein.");
	editbuf_set_cursor(b, 4, 0);
	type(b, "x");
	CHECK(editbuf_replace(b, 20, 24, "ja", 2) == 0, "editbuf: replace succeeds");
	CHECK_STR(editbuf_text(b), "Die xAntwort lautet ja.", "editbuf: replace");
	CHECK(editbuf_cursor(b) == 22, "editbuf: the cursor ends after the replacement");
	CHECK(editbuf_undo(b) == 1 && !strcmp(editbuf_text(b), "Die xAntwort lautet nein."),
	      "editbuf: a replacement is one step of its own");
	CHECK(editbuf_cursor(b) >= 20 && editbuf_cursor(b) <= 24, "editbuf: undoing a replacement puts the cursor there");
	CHECK(editbuf_redo(b) == 1 && !strcmp(editbuf_text(b), "Die xAntwort lautet ja."), "editbuf: redo a replacement");
	editbuf_free(b);
}

static void test_modified(void)
{
	struct editbuf *b = mk("abc");

	CHECK(!editbuf_modified(b), "editbuf: a new buffer is unmodified");
	type(b, "x");
	CHECK(editbuf_modified(b), "editbuf: typing modifies");
	editbuf_undo(b);
	CHECK(!editbuf_modified(b), "editbuf: undoing back to the start is unmodified");
	editbuf_redo(b);
	CHECK(editbuf_modified(b), "editbuf: redoing is modified again");
	editbuf_mark_saved(b);
	CHECK(!editbuf_modified(b), "editbuf: saved is unmodified");
	type(b, "y");
	CHECK(editbuf_modified(b), "editbuf: typing after saving modifies");
	editbuf_undo(b);
	CHECK(!editbuf_modified(b) && !strcmp(editbuf_text(b), "xabc"), "editbuf: undoing back to the saved text");
	editbuf_undo(b);
	CHECK(editbuf_modified(b) && !strcmp(editbuf_text(b), "abc"), "editbuf: undoing past the saved text modifies");
	editbuf_redo(b);
	CHECK(!editbuf_modified(b), "editbuf: redoing to the saved text");
	editbuf_undo(b);
	type(b, "z");
	editbuf_undo(b);
	CHECK(editbuf_modified(b) && editbuf_redo(b) == 1 && editbuf_modified(b),
	      "editbuf: the saved state is gone once its redo was dropped");
	editbuf_free(b);

	b = mk("");
	type(b, "Hal");
	editbuf_mark_saved(b);
	type(b, "lo");
	CHECK(editbuf_modified(b), "editbuf: typing on after saving mid-word modifies");
	CHECK(editbuf_undo(b) == 1 && !strcmp(editbuf_text(b), "Hal") && !editbuf_modified(b),
	      "editbuf: saving ends the step, undo goes back to the saved text");
	editbuf_free(b);
}

static void test_large(void)
{
	const size_t words = 80000, mid = 200000;
	size_t n = words * 5;
	char *t = malloc(n + 1);
	for (size_t i = 0; i < n; i += 5)
		memcpy(t + i, "Wort ", 5);
	t[n] = '\0';
	struct editbuf *b = editbuf_new(t, n);

	editbuf_set_cursor(b, mid, 0);
	for (int i = 0; i < 1000; i++)
		editbuf_insert(b, "\xC3\xA4", 2, 0);
	const char *s = editbuf_text(b);
	int ok = editbuf_len(b) == n + 2000 && !memcmp(s, t, mid) && !strcmp(s + mid + 2000, t + mid);
	for (size_t i = 0; i < 1000 && ok; i++)
		ok = !memcmp(s + mid + 2 * i, "\xC3\xA4", 2);
	CHECK(ok, "editbuf: 1,000 characters typed in the middle of 400 KB");
	CHECK(editbuf_words(b) == words, "editbuf: the words of 400 KB counted");

	for (int i = 0; i < 1000; i++) {
		editbuf_set_cursor(b, editbuf_len(b) / 2, 0);
		editbuf_insert(b, "x ", 2, 1);
	}
	CHECK(editbuf_len(b) == n + 4000, "editbuf: 1,000 pastes at the middle of 400 KB");
	CHECK(undo_all(b) == 1001 && editbuf_len(b) == n && !strcmp(editbuf_text(b), t),
	      "editbuf: all of it undone, one step each paste and one for the typing");
	editbuf_free(b);
	free(t);
}

void test_editbuf(void)
{
	test_insert_delete();
	test_characters();
	test_words();
	test_paragraphs();
	test_selection();
	test_clipboard();
	test_undo();
	test_modified();
	test_large();
}
