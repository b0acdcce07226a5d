/* test_reader.c: reading text into the model: structure, round trips,
 * layout kept as found, bad input refused. */
#include "harness.h"
#include "buf.h"
#include "error.h"
#include "reader.h"
#include "writer.h"

#include <dirent.h>
#include <stdlib.h>

static int read_str(const char *text, struct inquiry *q, struct aw_error *err)
{
	return reader_read(text, strlen(text), "test.txt", NULL, q, err);
}

static char *write_str(const struct inquiry *q)
{
	struct buf b = BUF_INIT;
	if (writer_write(q, &b))
		return NULL;
	return buf_take(&b);
}

/* Every non-blank line of the input must be somewhere in the output:
 * nothing the reader did not understand may be dropped. The one line it
 * may rewrite is a title typed on its own, which moves into the title
 * line without its quotes. */
static int lines_kept(const char *in, const char *out, const char *title)
{
	int ok = 1;
	char *copy = strdup(in), *save = NULL;
	for (char *l = strtok_r(copy, "\r\n", &save); l; l = strtok_r(NULL, "\r\n", &save)) {
		while (*l == ' ' || *l == '\t')
			l++;
		size_t n = strlen(l);
		while (n && (l[n - 1] == ' ' || l[n - 1] == '\t'))
			l[--n] = '\0';
		if (!strncmp(l, "\xEF\xBB\xBF", 3))
			l += 3;
		if (*l && !strstr(out, l) && !(title && strstr(l, title))) {
			printf("  line lost: %s\n", l);
			ok = 0;
		}
	}
	free(copy);
	return ok;
}

/* Read, write, read: same model; writing twice: same bytes. */
static void round_trip(const char *dir, const char *file, int byte_exact)
{
	char path[1024], name[1100];
	size_t len;
	snprintf(path, sizeof path, "%s/%s", dir, file);
	char *text = harness_slurp(path, &len);
	struct inquiry a, b;
	struct aw_error err;

	snprintf(name, sizeof name, "reader: %s is read", file);
	CHECK(text && reader_read(text, len, path, NULL, &a, &err) == 0, name);
	if (!text)
		return;
	char *w1 = write_str(&a);
	snprintf(name, sizeof name, "reader: %s read again after writing", file);
	CHECK(w1 && reader_read(w1, strlen(w1), path, NULL, &b, &err) == 0, name);
	snprintf(name, sizeof name, "reader: %s read, write, read gives the same model", file);
	CHECK(inquiry_equal(&a, &b), name);
	char *w2 = write_str(&b);
	snprintf(name, sizeof name, "writer: %s writing is idempotent", file);
	CHECK(w1 && w2 && !strcmp(w1, w2), name);
	snprintf(name, sizeof name, "reader: %s keeps every line it read", file);
	CHECK(w1 && lines_kept(text, w1, a.title), name);
	if (byte_exact) {
		snprintf(name, sizeof name, "writer: %s written back byte for byte", file);
		CHECK(w1 && strlen(w1) == len && !memcmp(w1, text, len), name);
	}
	inquiry_free(&a);
	inquiry_free(&b);
	free(w1);
	free(w2);
	free(text);
}

static void round_trips(const char *dir, int byte_exact, const char *what)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	if (!d) {
		SKIP(what, "Ordner fehlt");
		return;
	}
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l > 4 && !strcmp(e->d_name + l - 4, ".txt")) {
			round_trip(dir, e->d_name, byte_exact);
			n++;
		}
	}
	closedir(d);
	CHECK(n > 0, what);
}

static void example_vorlage(void)
{
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/examples", harness_shared());
	DIR *d = opendir(dir);
	if (!d) {
		SKIP("reader: the real example in ../shared round-trips byte for byte",
		     "../shared/examples fehlt");
		return;
	}
	closedir(d);
	round_trips(dir, 1, "reader: the real examples in ../shared were found");
}

static void structure(void)
{
	struct inquiry q;
	struct aw_error err;
	const char *text =
		"Vorlage für die Sitzung des Senats am 07.05.2024\n\n"
		"„Kleine Anfrage – Drs. 21/345 “Kitaplätze in Gröpelingen““\n\n"
		"Die Fraktionen der SPD und der Grünen haben folgende Kleine Anfrage an den Senat gestellt:\n\n"
		"Vorbemerkung der Fragesteller.\n\n"
		"„Wir fragen den Senat:\n\n"
		"1. Wie viele Plätze gibt es?\n"
		"a) für unter Dreijährige,\n"
		"b) für über Dreijährige?\n"
		"2. Wie viele fehlen?\n"
		"Bitte nach Stadtteilen aufschlüsseln.\n"
		"3. Wann?\n\n"
		"Der Senat beantwortet die Kleine Anfrage wie folgt:\n\n"
		"Vorbemerkung des Senats.\n\n"
		"Zu Frage 1 und 3:\n\n"
		"Erster Absatz.\n\n"
		"Zweiter Absatz.\n";
	CHECK(read_str(text, &q, &err) == 0, "reader: a full Kleine Anfrage is read");
	CHECK(q.kind == KIND_KLEINE, "reader: kind Kleine Anfrage from the title line");
	CHECK_STR(q.number, "21/345", "reader: Drucksache number without the Drs. prefix");
	CHECK_STR(q.title, "Kitaplätze in Gröpelingen", "reader: title from the title line");
	CHECK_STR(q.askers, "Fraktionen der SPD und der Grünen", "reader: askers without the article");
	CHECK(q.session_year == 2024 && q.session_month == 5 && q.session_day == 7,
	      "reader: session date with leading zeros");
	CHECK(q.preamble.n == 1 && !strcmp(q.preamble.v[0], "Vorbemerkung der Fragesteller."),
	      "reader: the askers' preamble");
	CHECK(q.nquestions == 3, "reader: three questions");
	CHECK(q.nquestions == 3 && q.questions[0].paras.n == 3 &&
	      !strcmp(q.questions[0].paras.v[1], "a) für unter Dreijährige,"),
	      "reader: sub-items stay with their question");
	CHECK(q.nquestions == 3 && q.questions[1].paras.n == 2 &&
	      !strcmp(q.questions[1].paras.v[1], "Bitte nach Stadtteilen aufschlüsseln."),
	      "reader: a question of two paragraphs");
	CHECK(q.senate_preamble.n == 1, "reader: the Senate's preamble");
	CHECK(q.nanswers == 2 && q.answers[0].ncovers == 2 && q.answers[0].covers[0] == 1 &&
	      q.answers[0].covers[1] == 3 && q.answers[0].paras.n == 2,
	      "reader: a combined answer to questions 1 and 3 with two paragraphs");
	CHECK(q.nanswers == 2 && q.answers[1].ncovers == 1 && q.answers[1].covers[0] == 2 &&
	      q.answers[1].paras.n == 0 && !strcmp(q.answers[1].heading, "Zu Frage 2:"),
	      "reader: an empty slot for the unanswered question 2");
	CHECK(q.hints.n == 0, "reader: no doubts about a clean document");
	inquiry_free(&q);
}

static void inquiry_alone(void)
{
	struct inquiry q;
	struct aw_error err;
	const char *text =
		"Große Anfrage der Fraktion der FDP vom 3. April 2024\n\n"
		"Deichschutz an der Weser\n\n"
		"Der Klimawandel lässt den Meeresspiegel steigen.\n\n"
		"Wir fragen den Senat\n\n"
		"1) Wie hoch sind die Deiche?\n"
		"2) Wann werden sie erhöht?\n";
	CHECK(read_str(text, &q, &err) == 0, "reader: an inquiry alone is read");
	CHECK(q.kind == KIND_GROSSE, "reader: kind from the 'Große Anfrage der …' line");
	CHECK_STR(q.askers, "Fraktion der FDP", "reader: askers from the 'Große Anfrage der …' line");
	CHECK_STR(q.title, "Deichschutz an der Weser", "reader: a title on its own line");
	CHECK(q.preamble.n == 1, "reader: the paragraph before the lead-in is the askers' preamble");
	CHECK_STR(q.leadin, "Wir fragen den Senat", "reader: lead-in without colon kept as written");
	CHECK(q.nquestions == 2 && !strcmp(q.questions[1].marker, "2)"),
	      "reader: questions numbered 1) keep their marker");
	char *w = write_str(&q);
	CHECK(w && strstr(w, "Vorlage für die Sitzung des Senats am (Datum offen)\n\n"
	                     "„Große Anfrage “Deichschutz an der Weser““\n\n"
	                     "Die Fraktion der FDP hat folgende Große Anfrage an den Senat gestellt:"),
	      "writer: an inquiry alone gets the Vorlage header");
	CHECK(w && strstr(w, "2) Wann werden sie erhöht?\n\n"
	                     "Der Senat beantwortet die Große Anfrage wie folgt:\n\n"
	                     "Zu Frage 1:\n\nZu Frage 2:\n"),
	      "writer: an inquiry alone gets a slot per question");
	free(w);
	inquiry_free(&q);

	CHECK(read_str("Wir fragen den Senat:\n\nFrage 1:\nWann beginnt der Bau?\n\nFrage 2:\nWo?\n",
	               &q, &err) == 0 && q.nquestions == 2 && q.questions[0].paras.n == 1 &&
	      !strcmp(q.questions[0].paras.v[0], "Wann beginnt der Bau?"),
	      "reader: 'Frage 1:' alone on its line, the text below it");
	inquiry_free(&q);

	const char *twice = "Vorlage für die Sitzung des Senats am 1.1.2024\n\n"
	                    "Vorlage für die Sitzung des Senats am 8.1.2024\n\n"
	                    "Wir fragen den Senat:\n\n1. Wann?\n";
	CHECK(read_str(twice, &q, &err) == 0 && q.session_day == 1 && q.nextras == 1 &&
	      !strcmp(q.extras[0].text, "Vorlage für die Sitzung des Senats am 8.1.2024"),
	      "reader: a second session line is kept, not dropped");
	inquiry_free(&q);

	CHECK(read_str("Frage 1: Wann?\nFrage 2: Wo?\n", &q, &err) == 0 && q.nquestions == 2 &&
	      !strcmp(q.questions[1].paras.v[0], "Wo?") && q.nanswers == 2,
	      "reader: bare questions numbered 'Frage 1:' without any header");
	inquiry_free(&q);
}

static void layout(void)
{
	struct inquiry q;
	struct aw_error err;
	const char *crlf = "\xEF\xBB\xBFWir fragen den Senat:\r\n\r\n1. Wann?\r\n";
	CHECK(read_str(crlf, &q, &err) == 0 && q.crlf && q.bom, "reader: BOM and CRLF noticed");
	char *w = write_str(&q);
	CHECK(w && !strncmp(w, "\xEF\xBB\xBF", 3) && strstr(w, "1. Wann?\r\n\r\nDer Senat") &&
	      !strstr(w, "\r\r") && w[strlen(w) - 1] == '\n' && w[strlen(w) - 2] == '\r',
	      "writer: BOM and CRLF line ends written back");
	CHECK(q.nquestions == 1 && !strcmp(q.questions[0].paras.v[0], "Wann?"),
	      "reader: no CR left in the model");
	free(w);
	inquiry_free(&q);

	CHECK(read_str("Wir fragen den Senat:\r\r\r\n\r1. Wann?\r2. Wo?\r\n", &q, &err) == 0 &&
	      q.nquestions == 2 && !strcmp(q.questions[0].paras.v[0], "Wann?") &&
	      !strchr(q.leadin, '\r'), "reader: stray and old-Mac carriage returns are line breaks");
	inquiry_free(&q);

	CHECK(read_str("\n\n\nWir fragen den Senat:\n\n1. Wann?", &q, &err) == 0 &&
	      q.leading_blank_lines == 3 && !q.final_newline,
	      "reader: leading blank lines and a missing final newline noticed");
	inquiry_free(&q);

	const char *unknown =
		"Vorlage für die Sitzung des Senats am 4.4.2017\n\n"
		"Eingang Senatskanzlei: 02.05.2024\n\n"
		"„Frage für die Fragestunde – S3 “Radwege““\n\n"
		"Wir fragen den Senat:\n\n1. Wann?\n";
	CHECK(read_str(unknown, &q, &err) == 0 && q.nextras == 1 &&
	      q.extras[0].after == PART_SESSION &&
	      !strcmp(q.extras[0].text, "Eingang Senatskanzlei: 02.05.2024") &&
	      q.parliament == PARL_STADT && !strcmp(q.title, "Radwege"),
	      "reader: unknown text kept verbatim after the part it followed");
	w = write_str(&q);
	CHECK(w && strstr(w, "4.4.2017\n\nEingang Senatskanzlei: 02.05.2024\n\n„Frage"),
	      "writer: unknown text written back where it stood");
	free(w);
	inquiry_free(&q);
}

static void hints(void)
{
	struct inquiry q;
	struct aw_error err;
	CHECK(read_str("Wir fragen den Senat:\n\n1. A?\n2. B?\n4. D?\n", &q, &err) == 0 &&
	      q.hints.n == 1 && strstr(q.hints.v[0], "Auf Frage 2 folgt Frage 4"),
	      "reader: a gap in the numbering is a hint");
	inquiry_free(&q);
	CHECK(read_str("Wir fragen den Senat:\n\n1. A?\n\nZu Frage 1:\n\nJa.\n\nZu Frage 7:\n\nNein.\n",
	               &q, &err) == 0 && q.hints.n == 1 && strstr(q.hints.v[0], "Frage 7"),
	      "reader: an answer to a question that does not exist is a hint");
	inquiry_free(&q);
	CHECK(read_str("Wir fragen den Senat:\n\n1. A?\n\nZu Frage 1:\n\nJa.\n\nZu Frage 1:\n\nNein.\n",
	               &q, &err) == 0 && q.hints.n == 1 && strstr(q.hints.v[0], "mehrmals"),
	      "reader: a question answered twice is a hint");
	inquiry_free(&q);
	CHECK(read_str("Nur ein Satz ohne Fragen.\n", &q, &err) == 0 && q.hints.n == 1 &&
	      strstr(q.hints.v[0], "keine nummerierten Fragen") && q.nextras == 1,
	      "reader: text without questions is kept and gives a hint");
	inquiry_free(&q);
	CHECK(read_str("Wir fragen den Senat:\n\n1. A?\n2. Was geschah am\n1. Oktober?\n3. Und dann?\n",
	               &q, &err) == 0 && q.nquestions == 3 && q.questions[1].paras.n == 2 &&
	      !strcmp(q.questions[1].paras.v[1], "1. Oktober?"),
	      "reader: a number that does not count upwards is text, not a question");
	inquiry_free(&q);
}

static void subitems(void)
{
	CHECK(inquiry_is_subitem("a) x") && inquiry_is_subitem("b. x") &&
	      !inquiry_is_subitem("z. B. so") && !inquiry_is_subitem("d. h. so") &&
	      !inquiry_is_subitem("a") && !inquiry_is_subitem("") && !inquiry_is_subitem("a.") &&
	      !inquiry_is_subitem("ab) x"), "inquiry: sub-items, abbreviations and short strings");
}

static void bad_input(void)
{
	struct inquiry q;
	struct aw_error err;
	const char bad[] = "Wir fragen den Senat:\n\n1. Gr\xfc\xdf" "e?\n";
	CHECK(reader_read(bad, sizeof bad - 1, "kaputt.txt", NULL, &q, &err) == AW_EUTF8 &&
	      err.line == 3 && err.col == 6 && !strcmp(err.file, "kaputt.txt") && q.nquestions == 0,
	      "reader: broken UTF-8 refused with file, line and column");
	const char nul[] = "Wir fragen\0 den Senat:\n";
	CHECK(reader_read(nul, sizeof nul - 1, "nul.txt", NULL, &q, &err) == AW_ENUL &&
	      err.line == 1 && err.col == 11, "reader: a NUL byte refused with its position");
	CHECK(reader_read(" \n\t\n\n", 5, "leer.txt", NULL, &q, &err) == AW_EEMPTY,
	      "reader: a file of blanks is refused as empty");
	CHECK(reader_read("", 0, "leer.txt", NULL, &q, &err) == AW_EEMPTY, "reader: an empty file is refused");
	const char bom_bad[] = "\xEF\xBB\xBF\xC3";
	CHECK(reader_read(bom_bad, 4, "x.txt", NULL, &q, &err) == AW_EUTF8 && err.line == 1 && err.col == 1,
	      "reader: broken UTF-8 right after a BOM");
}

/* Two texts read side by side give what two reads one after the other
 * give, and the first failing text's error. */
static void pair(void)
{
	const char *good = "Anfrage der Fraktion X\n\n1. Wie viele?\n\n2. Wann?\n";
	const char *other = "Kleine Anfrage\n\n1. Wer?\n\nZu Frage 1:\n\nNiemand.\n";
	const char *bad = "1. Kaputt \377\n";
	struct inquiry q[2], a, b;
	struct aw_error err;
	struct reader_input in[2] = {{good, strlen(good), "eins"}, {other, strlen(other), "zwei"}};
	CHECK(reader_read_pair(in, q, &err) == 0, "pair: two texts read");
	CHECK(read_str(good, &a, &err) == 0 && read_str(other, &b, &err) == 0,
	      "pair: the same texts one after the other");
	CHECK(inquiry_equal(&q[0], &a) && inquiry_equal(&q[1], &b),
	      "pair: each model is what reader_read() gives");
	inquiry_free(&q[0]);
	inquiry_free(&q[1]);
	inquiry_free(&a);
	inquiry_free(&b);

	in[1] = (struct reader_input){bad, strlen(bad), "zwei"};
	CHECK(reader_read_pair(in, q, &err) == AW_EUTF8 && !strcmp(err.file, "zwei") &&
	      err.line == 1 && err.col == 11, "pair: the second text's error, with its name and place");
	CHECK(q[0].nquestions == 0 && q[1].nquestions == 0, "pair: on an error both models are empty");
	in[0] = (struct reader_input){bad, strlen(bad), "eins"};
	in[1] = (struct reader_input){"", 0, "zwei"};
	CHECK(reader_read_pair(in, q, &err) == AW_EUTF8 && !strcmp(err.file, "eins"),
	      "pair: when both fail, the first text's error");

	/* Texts of 64 KB and more are matched with PCRE2's JIT, on both
	 * threads at once: the same models as one read after the other. */
	struct buf big = BUF_INIT;
	int rc = buf_adds(&big, "Kleine Anfrage der Fraktion X\n\n");
	for (int k = 1; k <= 400; k++)
		rc |= buf_printf(&big, "%d. Wie viele Anträge gingen im Jahr %d ein?\n\n", k, 1700 + k);
	for (int k = 1; k <= 400; k++)
		rc |= buf_printf(&big, "Zu Frage %d:\n\nIm Jahr %d gingen %d Anträge ein; „die "
		                 "Bearbeitung“ dauerte im Mittel %d Tage – bzw. etwas länger.\n\n",
		                 k, 1700 + k, 3 * k, k % 17);
	in[0] = (struct reader_input){big.s, big.len, "gross"};
	in[1] = (struct reader_input){big.s, big.len / 2, "halb"};
	CHECK(!rc && big.len >= 64 * 1024 && reader_read_pair(in, q, &err) == 0,
	      "pair: two large texts read");
	CHECK(read_str(big.s, &a, &err) == 0 && inquiry_equal(&q[0], &a) && q[0].nquestions == 400 &&
	      q[0].nanswers == 400, "pair: a large text's model is what reader_read() gives");
	CHECK(q[0].nanswers == 400 && q[0].answers[399].paras.n == 1 &&
	      !strcmp(q[0].answers[399].paras.v[0], "Im Jahr 2100 gingen 1200 Anträge ein; „die "
	              "Bearbeitung“ dauerte im Mittel 9 Tage – bzw. etwas länger.") &&
	      !strcmp(q[0].questions[399].paras.v[0], "Wie viele Anträge gingen im Jahr 2100 ein?"),
	      "pair: the last question and answer of the large text read right");
	inquiry_free(&a);
	char *half = strndup(big.s, big.len / 2);
	CHECK(half && read_str(half, &b, &err) == 0 && inquiry_equal(&q[1], &b),
	      "pair: the other large text's model too");
	free(half);
	inquiry_free(&b);
	inquiry_free(&q[0]);
	inquiry_free(&q[1]);
	buf_free(&big);
}

void test_reader(void)
{
	pair();
	structure();
	inquiry_alone();
	layout();
	hints();
	bad_input();
	subitems();
	example_vorlage();
	round_trips(harness_fixtures(), 0, "reader: fixtures were found");
}
