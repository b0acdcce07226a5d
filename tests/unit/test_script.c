/* test_script.c: the key scripts that drive the editor headless
 * (script.c): every instruction, the escapes of "paste", the key names,
 * comments and blank lines, CRLF, and every mistake named with its line
 * (AW_ESCRIPT). Each script is a real file, read as the editor reads it. */
#include "harness.h"
#include "script.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[4096], path[4200];

/* Writes text[0..n) as the script file. */
static int write_script(const char *text, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t w = fwrite(text, 1, n, f);
	return fclose(f) == 0 && w == n ? 0 : -1;
}

/* One event as a line of text, to compare whole sequences at once:
 * "key ^S", "char ü", "paste a\nb" (with \n, \t and \\ shown escaped),
 * "click 5 30" (row, column), "resize 60 16" (columns, rows), "idle",
 * "screen", "signal HUP", "end". */
static void describe(const struct event *ev, struct buf *out)
{
	const char *t = ev->text.s ? ev->text.s : "";
	switch (ev->kind) {
	case EV_KEY: buf_printf(out, "key %s", ev->key); break;
	case EV_CHAR: buf_printf(out, "char %.*s", (int)ev->text.len, t); break;
	case EV_PASTE:
		buf_adds(out, "paste ");
		for (size_t i = 0; i < ev->text.len; i++)
			buf_adds(out, t[i] == '\n' ? "\\n" : t[i] == '\t' ? "\\t" :
			         t[i] == '\\' ? "\\\\" : (char[]){t[i], '\0'});
		break;
	case EV_CLICK: buf_printf(out, "click %d %d", ev->row, ev->col); break;
	case EV_RESIZE: buf_printf(out, "resize %d %d", ev->col, ev->row); break;
	case EV_IDLE: buf_adds(out, "idle"); break;
	case EV_SCREEN: buf_adds(out, "screen"); break;
	case EV_SIGNAL:
		buf_adds(out, ev->sig == SIGHUP ? "signal HUP" : ev->sig == SIGTERM ? "signal TERM" :
		         "signal ?");
		break;
	case EV_END: buf_adds(out, "end"); break;
	default: buf_printf(out, "kind %d", (int)ev->kind); break;
	}
}

/* Runs the script text through script_next() to its end or its first
 * error: the events one a line, then "end" or "error N: message" (N the
 * line, message aw_error_message()'s sentence). At most 200 events. */
static char *events(const char *text, size_t n)
{
	struct buf out = BUF_INIT;
	struct script *sc = NULL;
	struct aw_error err;
	struct event ev = EVENT_INIT;
	if (write_script(text, n)) {
		buf_adds(&out, "(cannot write the script)");
		return buf_take(&out);
	}
	int rc = script_open(path, &sc, &err);
	if (rc) {
		char msg[1400];
		buf_printf(&out, "open error %d: %s", rc, aw_error_message(&err, msg, sizeof msg));
		return buf_take(&out);
	}
	for (int i = 0; i < 200; i++) {
		rc = script_next(sc, &ev, &err);
		if (rc < 0) {
			char msg[1400];
			buf_printf(&out, "error %zu: %s", err.line, aw_error_message(&err, msg, sizeof msg));
			break;
		}
		describe(&ev, &out);
		if (rc == 0)
			break;
		buf_addc(&out, '\n');
	}
	buf_free(&ev.text);
	script_free(sc);
	return buf_take(&out);
}

static void check_events(const char *text, const char *want, const char *name)
{
	char *got = events(text, strlen(text));
	CHECK_STR(got, want, name);
	free(got);
}

/* The sentence of a script error at line n with what went wrong. */
static char *error_at(size_t n, const char *what)
{
	struct buf b = BUF_INIT;
	buf_printf(&b, "error %zu: %s, Zeile %zu: %s – das Tastenskript wird hier abgebrochen.", n, path,
	           n, what);
	return buf_take(&b);
}

static void check_error(const char *text, const char *before, size_t line, const char *what,
                        const char *name)
{
	char *want = error_at(line, what);
	struct buf full = BUF_INIT;
	buf_printf(&full, "%s%s", before, want);
	check_events(text, full.s, name);
	buf_free(&full);
	free(want);
}

static void test_instructions(void)
{
	check_events("# Ein Skript mit jeder Anweisung\n"
	             "\n"
	             "key Down ^S M-z\n"
	             "type Grü „a“ 中\n"
	             "paste Zeile 1\\nZeile 2\n"
	             "click 5 30\n"
	             "resize 60 16\n"
	             "idle\n"
	             "screen\n"
	             "signal HUP\n"
	             "signal TERM\n",
	             "key Down\nkey ^S\nkey M-z\n"
	             "char G\nchar r\nchar ü\nchar  \nchar „\nchar a\nchar “\nchar  \nchar 中\n"
	             "paste Zeile 1\\nZeile 2\n"
	             "click 5 30\n"
	             "resize 60 16\n"
	             "idle\nscreen\nsignal HUP\nsignal TERM\nend",
	             "script: every instruction becomes its events, in order");

	check_events("click 0 0\nclick 23 79\nresize 200 60\n",
	             "click 0 0\nclick 23 79\nresize 200 60\nend",
	             "script: click is ROW COL, resize is COLS ROWS");
	check_events("", "end", "script: an empty script ends at once");
	check_events("# nur ein Kommentar\n\n\n", "end", "script: only comments and blank lines: the end");
	check_events("screen", "screen\nend", "script: the last line needs no line end");

	/* The end stays the end. */
	struct script *sc = NULL;
	struct aw_error err;
	struct event ev = EVENT_INIT;
	write_script("idle\n", 5);
	int ok = script_open(path, &sc, &err) == 0;
	ok = ok && script_next(sc, &ev, &err) == 1 && ev.kind == EV_IDLE;
	ok = ok && script_next(sc, &ev, &err) == 0 && ev.kind == EV_END;
	ok = ok && script_next(sc, &ev, &err) == 0 && ev.kind == EV_END;
	CHECK(ok, "script: after the end every call returns 0 and EV_END again");
	script_free(sc);
	buf_free(&ev.text);
}

static void test_typing(void)
{
	check_events("type  Anfang\n", "char  \nchar A\nchar n\nchar f\nchar a\nchar n\nchar g\nend",
	             "script: type: a second space after the word is typed");
	check_events("type e\xcc\x81\n", "char e\nchar \xcc\x81\nend",
	             "script: type: a combining mark is a character of its own");
	check_events("type \xf0\x9f\x98\x80!\n", "char \xf0\x9f\x98\x80\nchar !\nend",
	             "script: type: a four-byte character is one event");
	check_events("type a\\nb\n", "char a\nchar \\\nchar n\nchar b\nend",
	             "script: type has no escapes: \\n is typed as two characters");
	check_events("type #1\n", "char #\nchar 1\nend", "script: type: # inside a line is text");
	/* Blanks at the end of a type or paste line are typed (they may be
	 * the point of the line); other lines lose them. */
	check_events("type ab  \n", "char a\nchar b\nchar  \nchar  \nend",
	             "script: type: spaces at the end of the line are typed too");
	check_events("type ab \r\n", "char a\nchar b\nchar  \nend",
	             "script: type: with CRLF the CR goes, the space stays");
	check_events("type   \n", "char  \nchar  \nend",
	             "script: type: a line of only blanks types them");
	check_events("paste a \n", "paste a \nend", "script: paste: a blank at the end is pasted");
	check_events("key Down  \nidle \nscreen \r\n", "key Down\nidle\nscreen\nend",
	             "script: other lines lose their blanks at the end");
	check_error("screen\t\n", "", 1, "unbekannte Anweisung",
	            "script: only spaces count as blanks at the end: a tab after screen is not");
	check_events("type ab\ntype  c\n", "char a\nchar b\nchar  \nchar c\nend",
	             "script: type: a space at the start of the next type line is typed");

	/* Each event replaces the text of the one before. */
	struct script *sc = NULL;
	struct aw_error err;
	struct event ev = EVENT_INIT;
	const char s[] = "paste lang und länger\ntype x\nkey Up\n";
	write_script(s, sizeof s - 1);
	int ok = script_open(path, &sc, &err) == 0;
	ok = ok && script_next(sc, &ev, &err) == 1 && ev.kind == EV_PASTE;
	ok = ok && script_next(sc, &ev, &err) == 1 && ev.kind == EV_CHAR && ev.text.len == 1 &&
	     !strcmp(ev.text.s, "x");
	CHECK(ok, "script: a typed character's text replaces the pasted text before it");
	ok = ok && script_next(sc, &ev, &err) == 1 && ev.kind == EV_KEY && ev.text.len == 0 &&
	     !strcmp(ev.key, "Up");
	CHECK(ok, "script: a key event carries no text");
	script_free(sc);
	buf_free(&ev.text);
}

static void test_escapes(void)
{
	check_events("paste a\\nb\\tc\\\\d\n", "paste a\\nb\\tc\\\\d\nend",
	             "script: paste: \\n, \\t and \\\\ are undone");
	struct script *sc = NULL;
	struct aw_error err;
	struct event ev = EVENT_INIT;
	const char s[] = "paste Zeile 1\\nZeile 2\\n\\tEingerückt \\\\n bleibt\n";
	write_script(s, sizeof s - 1);
	int ok = script_open(path, &sc, &err) == 0 && script_next(sc, &ev, &err) == 1;
	CHECK(ok && ev.kind == EV_PASTE &&
	      !strcmp(ev.text.s, "Zeile 1\nZeile 2\n\tEingerückt \\n bleibt"),
	      "script: paste: the exact bytes, \\\\n a backslash and an n");
	script_free(sc);
	buf_free(&ev.text);
	check_events("paste C:\\\\neu\\x\n", "paste C:\\\\neux\nend",
	             "script: paste: an unknown escape gives the character itself");
	check_events("paste Ende\\\n", "paste Ende\\\\\nend",
	             "script: paste: a backslash at the end stays a backslash");
	check_events("paste „Grüße“ – 中\n", "paste „Grüße“ – 中\nend",
	             "script: paste: UTF-8 passes unchanged");
	check_events("paste\n", "paste \nend", "script: paste without text is an empty paste");
	check_events("paste ^S ^Q\n", "paste ^S ^Q\nend", "script: paste: key names are text there");
}

static void test_keys(void)
{
	check_events("key ^A ^Z M-x M-1 F1 F12 S-F3 Left C-Right S-Up CS-Left M-Down Home End "
	             "PgUp PgDn C-Home S-End Ins Del C-Del Backspace M-Backspace Enter Tab BTab Esc\n",
	             "key ^A\nkey ^Z\nkey M-x\nkey M-1\nkey F1\nkey F12\nkey S-F3\nkey Left\n"
	             "key C-Right\nkey S-Up\nkey CS-Left\nkey M-Down\nkey Home\nkey End\nkey PgUp\n"
	             "key PgDn\nkey C-Home\nkey S-End\nkey Ins\nkey Del\nkey C-Del\nkey Backspace\n"
	             "key M-Backspace\nkey Enter\nkey Tab\nkey BTab\nkey Esc\nend",
	             "script: every kind of key name keymap.h knows");
	check_events("key   Down    Up  \n", "key Down\nkey Up\nend",
	             "script: key: runs of spaces separate the names");
	check_error("key Down ^a\n", "key Down\n", 1, "unbekannte Taste",
	            "script: key: a lower-case ^a is refused after the keys before it");
	check_error("\n\nkey F13\n", "", 3, "unbekannte Taste", "script: key: F13 is refused");
	check_error("key Strg-S\n", "", 1, "unbekannte Taste", "script: key: German names are refused");
	check_error("key down\n", "", 1, "unbekannte Taste", "script: key: names are case-sensitive");
	check_error("key C-Tab\n", "", 1, "unbekannte Taste", "script: key: C-Tab is no key");
	check_error("key ABCDEFGHIJKLMNOP\n", "", 1, "Tastenname zu lang",
	            "script: key: a name of 16 bytes is too long");
	check_error("key ABCDEFGHIJKLMNO\n", "", 1, "unbekannte Taste",
	            "script: key: a name of 15 bytes is read whole, then refused");
	check_error("key\n", "", 1, "keine Taste angegeben", "script: key without a name");
	check_error("key   \n", "", 1, "keine Taste angegeben",
	            "script: key with only spaces has no name");
	check_error("type\n", "", 1, "nichts zu tippen", "script: type without text");
}

static void test_errors(void)
{
	check_error("# Kommentar\n\nkey Down\ndrücke Enter\n", "key Down\n", 4, "unbekannte Anweisung",
	            "script: an unknown instruction names its line, comments and blanks counted");
	check_error("keys Down\n", "", 1, "unbekannte Anweisung",
	            "script: a word that only begins like an instruction is unknown");
	check_error("Key Down\n", "", 1, "unbekannte Anweisung", "script: instructions are lower case");
	check_error("key\tDown\n", "", 1, "unbekannte Anweisung",
	            "script: a tab after the instruction word is not a separator");
	check_error("  key Down\n", "", 1, "unbekannte Anweisung",
	            "script: an indented instruction is not read");
	check_error("  # eingerückt\n", "", 1, "unbekannte Anweisung",
	            "script: a comment starts in the first column");
	check_error("idle jetzt\n", "", 1, "unbekannte Anweisung", "script: idle takes nothing after it");
	check_error("screen 2\n", "", 1, "unbekannte Anweisung", "script: screen takes nothing after it");
	check_error("click 5\n", "", 1, "zwei Zahlen erwartet", "script: click with one number");
	check_error("click 5 30 7\n", "", 1, "zwei Zahlen erwartet", "script: click with three numbers");
	check_error("click -1 4\n", "", 1, "zwei Zahlen erwartet", "script: click at a negative row");
	check_error("click 5 30x\n", "", 1, "zwei Zahlen erwartet", "script: click with a stray letter");
	check_error("click fünf 30\n", "", 1, "zwei Zahlen erwartet", "script: click with a word");
	check_error("click\n", "", 1, "zwei Zahlen erwartet", "script: click without numbers");
	check_error("resize 60x16\n", "", 1, "zwei Zahlen erwartet",
	            "script: resize as 60x16 is refused (two numbers)");
	check_error("resize 60 -16\n", "", 1, "zwei Zahlen erwartet", "script: resize to negative rows");
	check_error("signal KILL\n", "", 1, "nur HUP oder TERM", "script: signal KILL is refused");
	check_error("signal hup\n", "", 1, "nur HUP oder TERM", "script: signal names are upper case");
	check_error("signal\n", "", 1, "nur HUP oder TERM", "script: signal without a name");
	check_error("screen\nkey Up\nidle\nkey Up Nix Down\nkey Down\n",
	            "screen\nkey Up\nidle\nkey Up\n", 4, "unbekannte Taste",
	            "script: a wrong key in the middle of a line names that line");

	struct script *sc = NULL;
	struct aw_error err;
	struct event ev = EVENT_INIT;
	write_script("key Nix\n", 8);
	int ok = script_open(path, &sc, &err) == 0;
	CHECK(ok && script_next(sc, &ev, &err) == AW_ESCRIPT && err.code == AW_ESCRIPT &&
	      err.line == 1 && !strcmp(err.file, path) && !strcmp(err.detail, "unbekannte Taste"),
	      "script: a mistake is AW_ESCRIPT with file, line and what is wrong");
	script_free(sc);
	buf_free(&ev.text);
}

static void test_crlf(void)
{
	check_events("# Windows\r\n\r\nkey Down Up\r\ntype ab\r\npaste x\\ny\r\nclick 1 2\r\nidle\r\n"
	             "screen\r\nsignal TERM\r\n",
	             "key Down\nkey Up\nchar a\nchar b\npaste x\\ny\nclick 1 2\nidle\nscreen\n"
	             "signal TERM\nend",
	             "script: CRLF line ends are read like LF");
	check_error("key Down\r\n\r\nkey Oops\r\n", "key Down\n", 3, "unbekannte Taste",
	            "script: with CRLF the line numbers still count right");
	check_events("key Down\r", "key Down\nend", "script: a last line ending in CR alone");
}

static void test_open(void)
{
	struct script *sc = NULL;
	struct aw_error err;
	char missing[4300];
	snprintf(missing, sizeof missing, "%s/gibt-es-nicht.txt", dir);
	int rc = script_open(missing, &sc, &err);
	CHECK(rc == AW_EOPEN && sc == NULL && !strcmp(err.file, missing),
	      "script: a missing script is AW_EOPEN naming the file");

	const char bad[] = "key Down\ntype gr\xfc\xdf\n";
	char *got = events(bad, sizeof bad - 1);
	char want[4600];
	snprintf(want, sizeof want, "open error %d: %s, Zeile 2, Spalte 8: Hier steht kein gültiges "
	         "UTF-8; speichern Sie die Datei im Editor als „UTF-8“ und versuchen Sie es erneut.",
	         AW_EUTF8, path);
	CHECK_STR(got, want, "script: invalid UTF-8 is refused at once, with line and column");
	free(got);

	rc = script_open(dir, &sc, &err);
	CHECK(rc < 0 && sc == NULL, "script: a folder is no script");
}

void test_script(void)
{
	if (harness_tempdir("script-unit", dir, sizeof dir)) {
		SKIP("script: all", "no temporary folder");
		return;
	}
	snprintf(path, sizeof path, "%s/tasten.skript", dir);
	test_instructions();
	test_typing();
	test_escapes();
	test_keys();
	test_errors();
	test_crlf();
	test_open();
	unlink(path);
	rmdir(dir);
}
