/* test_session.c: an inquiry opened for editing, edited headless and
 * turned back into a document. */
#include "harness.h"
#include "buf.h"
#include "reader.h"
#include "session.h"
#include "writer.h"

#include <stdlib.h>

/* Reads text into q; 0 on success. */
static int parse(const char *text, size_t len, struct inquiry *q)
{
	struct aw_error err;
	return reader_read(text, len, "t.txt", NULL, q, &err);
}

/* Reads the file at path into q and returns its bytes (NULL if either
 * fails; q is then empty). */
static char *load_path(const char *path, struct inquiry *q, size_t *len)
{
	char *text = harness_slurp(path, len);
	inquiry_init(q);
	if (text && parse(text, *len, q)) {
		free(text);
		return NULL;
	}
	return text;
}

static char *load(const char *name, struct inquiry *q, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", harness_fixtures(), name);
	return load_path(path, q, len);
}

/* The document the session would save, as written (NULL on failure). */
static char *written(const struct session *s)
{
	struct inquiry out;
	struct buf b = BUF_INIT;
	if (session_to_inquiry(s, &out))
		return NULL;
	int rc = writer_write(&out, &b);
	inquiry_free(&out);
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

static void append(struct session *s, size_t part, const char *text)
{
	struct editbuf *b = session_buffer(s, part);
	editbuf_move(b, EB_TEXT_END, 0);
	editbuf_insert(b, text, strlen(text), 0);
}

/* Replaces the whole text of a part. */
static void set_text(struct session *s, size_t part, const char *text)
{
	struct editbuf *b = session_buffer(s, part);
	editbuf_replace(b, 0, editbuf_len(b), text, strlen(text));
}

/* Opening and saving without an edit gives the same model and text as
 * the reader did, which for a document in the canonical layout is the
 * file byte for byte. */
static void test_round_trip(void)
{
	static const struct {
		const char *name;
		int canonical;
	} docs[] = {
		{"01-fragestunde-landtag.txt", 1}, {"02-kleine-anfrage-vorlage.txt", 1},
		{"03-grosse-anfrage-unterpunkte.txt", 0}, {"04-fragestunde-stadtbuergerschaft.txt", 1},
		{"09-fragen-mit-leerzeilen-mehrere-absaetze.txt", 0}, {"12-bom.txt", 1},
		{"13-crlf.txt", 1}, {"14-unbekannter-text.txt", 1},
		{"15-nur-einige-fragen-beantwortet.txt", 0},
		{"16-nicht-zusammenhaengende-fragen.txt", 1},
		{"17-leerzeilen-am-anfang-kein-zeilenende.txt", 1},
		{"18-ueberschriften-kanonisch.txt", 1},
		{"share/examples/vorlage-2024-05-14-L7-wasserstoffbusse.txt", 1},
	};
	for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
		struct inquiry q, out;
		struct buf read = BUF_INIT;
		size_t len;
		/* The example ships beside the program, not among the fixtures. */
		char *text = strncmp(docs[i].name, "share/", 6) ? load(docs[i].name, &q, &len) :
		             load_path(docs[i].name, &q, &len);
		struct session *s = text ? session_new(&q) : NULL;
		char *w = s ? written(s) : NULL;
		char name[200];
		snprintf(name, sizeof name, "session: %s unedited is written as read", docs[i].name);
		CHECK(w && !writer_write(&q, &read) && !strcmp(w, read.s), name);
		if (docs[i].canonical) {
			snprintf(name, sizeof name, "session: %s unedited is written byte for byte",
			         docs[i].name);
			CHECK(w && strlen(w) == len && !memcmp(w, text, len), name);
		}
		snprintf(name, sizeof name, "session: %s unedited gives the same model",
		         docs[i].name);
		int same = s && !session_to_inquiry(s, &out);
		if (same) {
			same = inquiry_equal(&out, &q);
			inquiry_free(&out);
		}
		CHECK(same, name);
		buf_free(&read);
		free(w);
		session_free(s);
		inquiry_free(&q);
		free(text);
	}

	/* A paragraph with a line break of its own stays one paragraph when
	 * its part is not edited. */
	const char *doc = "Wir fragen den Senat:\n\n1. Eins?\n2. Zwei?\n\n"
	                  "Der Senat beantwortet die Anfrage wie folgt:\n\n"
	                  "Zu Frage 1:\n\nJa.\nZweite Zeile.\n\nZu Frage 2:\n\nNein.\n";
	struct inquiry q;
	struct buf orig = BUF_INIT;
	int ok = !parse(doc, strlen(doc), &q);
	struct session *s = ok ? session_new(&q) : NULL;
	char *w = s ? written(s) : NULL;
	CHECK(ok && !writer_write(&q, &orig) && w && !strcmp(w, orig.s) &&
	      strstr(w, "Ja.\nZweite Zeile.\n\nZu Frage 2:"),
	      "session: an unedited paragraph with a line break is kept whole");
	free(w);
	if (s)
		append(s, 2, " Sicher.");
	w = s ? written(s) : NULL;
	CHECK(w && strstr(w, "Ja.\nZweite Zeile.\n\nZu Frage 2:\n\nNein. Sicher.\n"),
	      "session: editing another part leaves it whole too");
	free(w);
	buf_free(&orig);
	session_free(s);
	if (ok)
		inquiry_free(&q);
}

/* Text added to answer 2 appears there and nowhere else. */
static void test_edit(void)
{
	struct inquiry q;
	size_t len;
	char *text = load("01-fragestunde-landtag.txt", &q, &len);
	struct session *s = text ? session_new(&q) : NULL;
	CHECK(s && session_parts(s) == 4, "session: preamble and three answers are parts");
	if (!s) {
		free(text);
		inquiry_free(&q);
		return;
	}
	CHECK_STR(editbuf_text(session_buffer(s, 2)),
	          "Der Abschnitt Blumenthal wird bis Ende 2026 fertiggestellt.\n"
	          "Für den Abschnitt Farge läuft derzeit das Planfeststellungsverfahren; "
	          "ein Baubeginn ist frühestens 2027 möglich.",
	          "session: an answer's buffer holds its paragraphs one a line");
	CHECK_STR(editbuf_text(session_buffer(s, 0)), "",
	          "session: an absent preamble is an empty buffer");
	CHECK(session_buffer(s, 4) == NULL, "session: no buffer past the last part");

	append(s, 2, "\nDie Kosten trägt das Land.");
	const char *after = "frühestens 2027 möglich.";
	const char *at = strstr(text, after);
	struct buf want = BUF_INIT;
	if (at) {
		size_t cut = (size_t)(at - text) + strlen(after);
		buf_add(&want, text, cut);
		buf_adds(&want, "\n\nDie Kosten trägt das Land.");
		buf_adds(&want, text + cut);
	}
	char *w = written(s);
	CHECK_STR(w, want.s, "session: the new paragraph is in answer 2, the rest unchanged");
	CHECK(session_inquiry(s)->answers[1].paras.n == 2,
	      "session: the opened model is not changed by editing");
	free(w);
	buf_free(&want);
	session_free(s);
	inquiry_free(&q);
	free(text);
}

static void test_labels(void)
{
	struct inquiry q;
	size_t len;
	char *text = load("02-kleine-anfrage-vorlage.txt", &q, &len);
	struct session *s = text ? session_new(&q) : NULL;
	CHECK(s && session_parts(s) == 3, "session: two joint answers are two parts");
	if (s) {
		CHECK_STR(session_part_label(s, 0), "Vorbemerkung des Senats",
		          "session: part 0 is the Senate's preamble");
		CHECK_STR(session_part_label(s, 1), "Zu Frage 1 und 2",
		          "session: a joint answer's label has no colon");
		CHECK_STR(session_part_label(s, 2), "Zu den Fragen 3 bis 5",
		          "session: a range keeps its wording");
		CHECK(session_part_label(s, 3) == NULL, "session: no label past the last part");
	}
	session_free(s);
	inquiry_free(&q);
	free(text);

	/* Headings written otherwise are labelled canonically. */
	const char *doc = "Wir fragen den Senat:\n\n1. Eins?\n2. Zwei?\n\n"
	                  "Der Senat beantwortet die Anfrage wie folgt:\n\n"
	                  "Zu 1.:\n\nJa.\n\nAntwort zu Frage 2:\n\nNein.\n";
	int ok = !parse(doc, strlen(doc), &q);
	s = ok ? session_new(&q) : NULL;
	CHECK(s && session_parts(s) == 3 && !strcmp(session_part_label(s, 1), "Zu Frage 1") &&
	      !strcmp(session_part_label(s, 2), "Zu Frage 2"),
	      "session: labels are canonical whatever the heading says");
	session_free(s);
	if (ok)
		inquiry_free(&q);
}

static void test_part_of_question(void)
{
	struct inquiry q;
	size_t len;
	char *text = load("04-fragestunde-stadtbuergerschaft.txt", &q, &len);
	struct session *s = text ? session_new(&q) : NULL;
	CHECK(s && q.nquestions == 3 && session_part_of_question(s, 0) == 1 &&
	      session_part_of_question(s, 1) == 2 && session_part_of_question(s, 2) == 2,
	      "session: \"Zu Frage 2 und 3\" answers both questions");
	CHECK(s && !strcmp(session_part_label(s, 2), "Zu Frage 2 und 3"),
	      "session: the joint part is labelled with both questions");
	CHECK(s && session_part_of_question(s, 3) == 0,
	      "session: a question that does not exist gives the preamble");
	session_free(s);
	inquiry_free(&q);
	free(text);
}

static void test_states(void)
{
	struct inquiry q;
	size_t len;
	char *text = load("15-nur-einige-fragen-beantwortet.txt", &q, &len);
	struct session *s = text ? session_new(&q) : NULL;
	CHECK(s && q.nquestions == 5, "session: fixture 15 opened");
	if (!s) {
		free(text);
		inquiry_free(&q);
		return;
	}
	CHECK(session_state(s, 0) == ANSWER_EMPTY && session_state(s, 1) == ANSWER_DRAFTED &&
	      session_state(s, 2) == ANSWER_DRAFTED && session_state(s, 3) == ANSWER_DRAFTED &&
	      session_state(s, 4) == ANSWER_EMPTY,
	      "session: unanswered questions are empty, answered ones drafted");
	CHECK(!session_modified(s), "session: not modified when opened");

	size_t p1 = session_part_of_question(s, 0), p3 = session_part_of_question(s, 2);
	append(s, p3, " Die Länder tragen den Rest.");
	append(s, p1, "Es sind 110 Sirenen.");
	CHECK(session_state(s, 2) == ANSWER_CHANGED && session_state(s, 3) == ANSWER_CHANGED &&
	      session_state(s, 0) == ANSWER_CHANGED && session_state(s, 1) == ANSWER_DRAFTED,
	      "session: edited answers are changed, for every question they cover");
	CHECK(session_modified(s), "session: modified after an edit");

	session_saved(s);
	CHECK(session_state(s, 0) == ANSWER_DRAFTED && session_state(s, 2) == ANSWER_DRAFTED &&
	      session_state(s, 4) == ANSWER_EMPTY && !session_modified(s),
	      "session: after saving, written answers are drafted");

	set_text(s, p1, "\n  \n");
	CHECK(session_state(s, 0) == ANSWER_EMPTY && session_modified(s),
	      "session: an answer of blank lines only is empty");
	char *w = written(s);
	CHECK(w && strstr(w, "wie folgt:\n\nZu Frage 1:\n\nZu Frage 2:"),
	      "session: an emptied answer keeps its slot without paragraphs");
	free(w);
	session_free(s);
	inquiry_free(&q);
	free(text);
}

static void test_preamble(void)
{
	struct inquiry q, out;
	size_t len;
	char *text = load("01-fragestunde-landtag.txt", &q, &len);
	struct session *s = text ? session_new(&q) : NULL;
	if (s)
		append(s, 0, "Der Senat bemerkt vorab:  \n\n\nZweiter Absatz.\n");
	char *w = s ? written(s) : NULL;
	CHECK(w && strstr(w, "Der Senat beantwortet die Anfrage wie folgt:\n\n"
	                     "Vorbemerkung des Senats:\n\nDer Senat bemerkt vorab:\n\n"
	                     "Zweiter Absatz.\n\nZu Frage 1:\n\n"),
	      "session: a preamble gaining text gets the canonical heading");
	int ok = s && !session_to_inquiry(s, &out);
	CHECK(ok && out.senate_preamble.n == 2 &&
	      !strcmp(out.senate_preamble.v[0], "Der Senat bemerkt vorab:") &&
	      !strcmp(out.senate_preamble.v[1], "Zweiter Absatz."),
	      "session: blank lines typed give no empty paragraphs, trailing spaces go");
	if (ok)
		inquiry_free(&out);
	free(w);
	session_free(s);
	inquiry_free(&q);
	free(text);

	/* A preamble the document had without a heading stays without. */
	text = load("02-kleine-anfrage-vorlage.txt", &q, &len);
	s = text ? session_new(&q) : NULL;
	if (s)
		append(s, 0, " Sie gilt allen Schulen.");
	w = s ? written(s) : NULL;
	CHECK(w && !strstr(w, "Vorbemerkung") &&
	      strstr(w, "des Polizeipräsidiums. Sie gilt allen Schulen.\n\nZu Frage 1 und 2:"),
	      "session: a preamble without a heading gets none when edited");
	free(w);
	session_free(s);
	inquiry_free(&q);
	free(text);

	/* A preamble with its heading as written, and a section above an
	 * answer: the buffer holds the paragraphs only, the rest stays. */
	const char *doc = "Wir fragen den Senat:\n\n1. Eins?\n2. Zwei?\n\n"
	                  "Der Senat beantwortet die Anfrage wie folgt:\n\n"
	                  "Vorbemerkung des Senats:\n\nVorab dies.\n\nUnd das.\n\n"
	                  "Zu Frage 1:\n\nJa.\n\nZu Frage 2:\n\nNein.\n";
	ok = !parse(doc, strlen(doc), &q);
	if (ok) {
		free(q.answers[1].section);
		q.answers[1].section = strdup("II. Finanzierung");
	}
	s = ok ? session_new(&q) : NULL;
	CHECK(s && !strcmp(editbuf_text(session_buffer(s, 0)), "Vorab dies.\nUnd das.") &&
	      !strcmp(editbuf_text(session_buffer(s, 2)), "Nein."),
	      "session: headings and sections are not part of the text");
	if (s) {
		set_text(s, 0, "");
		append(s, 2, " Nie.");
	}
	w = s ? written(s) : NULL;
	CHECK(w && strstr(w, "wie folgt:\n\nVorbemerkung des Senats:\n\nZu Frage 1:\n\nJa.\n\n"
	                     "II. Finanzierung\n\nZu Frage 2:\n\nNein. Nie.\n"),
	      "session: an emptied preamble keeps its heading, a section stays above its answer");
	free(w);
	session_free(s);
	if (ok)
		inquiry_free(&q);
}

static void test_words(void)
{
	struct inquiry q;
	size_t len;
	char *text = load("01-fragestunde-landtag.txt", &q, &len);
	struct session *s = text ? session_new(&q) : NULL;
	if (!s) {
		CHECK(0, "session: fixture 01 opened for counting");
		free(text);
		inquiry_free(&q);
		return;
	}
	struct buf b = BUF_INIT;
	for (int i = 0; i < 130; i++)
		buf_adds(&b, i ? " Wort" : "Wort");
	set_text(s, 1, b.s);
	set_text(s, 2, "Eins zwei, drei.\nVier 5.");
	set_text(s, 3, "");
	CHECK(session_part_words(s, 1) == 130 && session_part_words(s, 2) == 5 &&
	      session_part_words(s, 3) == 0 && session_part_words(s, 9) == 0,
	      "session: words per part");
	CHECK(session_words(s) == 135, "session: words in all parts");
	CHECK(session_speaking_seconds(s, 1, 130) == 60,
	      "session: 130 words at 130 words a minute take a minute");
	CHECK(session_speaking_seconds(s, 2, 130) == 3,
	      "session: speaking time is rounded up");
	CHECK(session_speaking_seconds(s, 1, 0) == 0 && session_speaking_seconds(s, 3, 130) == 0,
	      "session: no time without words or without a rate");
	append(s, 0, "Vorab.");
	CHECK(session_words(s) == 136, "session: the preamble counts too");
	buf_free(&b);
	session_free(s);
	inquiry_free(&q);
	free(text);
}

/* ---- structure, fields, askers' preamble, recovery ---------------------- */

/* A small document in the canonical layout: read and written, the same
 * bytes. */
static const char doc3[] =
	"Vorlage für die Sitzung des Senats am 4.4.2017\n\n"
	"„Kleine Anfrage – Drs. 19/123 “Testtitel““\n\n"
	"Die Fraktion der SPD hat folgende Kleine Anfrage an den Senat gestellt:\n\n"
	"Wir fragen den Senat:\n\n"
	"1. Eins?\n2. Zwei?\n3. Drei?\n\n"
	"Der Senat beantwortet die Kleine Anfrage wie folgt:\n\n"
	"Zu Frage 1:\n\nJa.\n\nZu Frage 2:\n\nNein.\n\nZu Frage 3:\n\nVielleicht.\n";

/* The head of doc3 up to the questions, for documents built on it. */
#define DOC3_HEAD \
	"Vorlage für die Sitzung des Senats am 4.4.2017\n\n" \
	"„Kleine Anfrage – Drs. 19/123 “Testtitel““\n\n" \
	"Die Fraktion der SPD hat folgende Kleine Anfrage an den Senat gestellt:\n\n" \
	"Wir fragen den Senat:\n\n"
#define DOC3_SENATE "Der Senat beantwortet die Kleine Anfrage wie folgt:\n\n"

/* A document opened for a test: its model, its session and its text. */
struct opened {
	struct inquiry q;
	struct session *s;
	char *text;
	size_t len;
};

static struct session *open_doc(struct opened *o, const char *doc)
{
	memset(o, 0, sizeof *o);
	inquiry_init(&o->q);
	o->len = strlen(doc);
	o->text = malloc(o->len + 1);
	if (o->text)
		memcpy(o->text, doc, o->len + 1);
	if (o->text && !parse(doc, o->len, &o->q))
		o->s = session_new(&o->q);
	return o->s;
}

static struct session *open_fixture(struct opened *o, const char *name)
{
	memset(o, 0, sizeof *o);
	o->text = load(name, &o->q, &o->len);
	o->s = o->text ? session_new(&o->q) : NULL;
	return o->s;
}

static void close_opened(struct opened *o)
{
	session_free(o->s);
	inquiry_free(&o->q);
	free(o->text);
}

/* text with the first `from` replaced by `to`; NULL when from is not in
 * it (the check comparing with it then fails). Frees text. */
static char *replaced(char *text, const char *from, const char *to)
{
	char *at = text ? strstr(text, from) : NULL;
	struct buf b = BUF_INIT;
	if (at) {
		buf_add(&b, text, (size_t)(at - text));
		buf_adds(&b, to);
		buf_adds(&b, at + strlen(from));
	}
	free(text);
	return at ? buf_take(&b) : NULL;
}

static char *dup_text(const char *s)
{
	char *d = malloc(strlen(s) + 1);
	if (d)
		strcpy(d, s);
	return d;
}

/* Compares the written document with want (freed here). */
static void check_written(const struct session *s, char *want, const char *name)
{
	char *w = s ? written(s) : NULL;
	CHECK_STR(w, want, name);
	free(w);
	free(want);
}

static size_t offset_of(const char *text, const char *what)
{
	const char *at = strstr(text, what);
	return at ? (size_t)(at - text) : (size_t)-1;
}

static void test_doc3_reads(void)
{
	struct opened o;
	open_doc(&o, doc3);
	check_written(o.s, dup_text(doc3), "structure: the small document is written as read");
	close_opened(&o);
}

static void test_join(void)
{
	struct opened o;
	struct aw_error err;
	struct session *s = open_doc(&o, doc3);
	if (!s) {
		CHECK(0, "join: document opened");
		close_opened(&o);
		return;
	}
	int rc = session_join(s, 1, &err);
	check_written(s, replaced(dup_text(doc3), "Zu Frage 1:\n\nJa.\n\nZu Frage 2:\n\nNein.",
	                          "Zu Frage 1 und 2:\n\nJa.\n\nNein."),
	              "join: one answer to both questions, first text then second");
	CHECK(rc == 0 && session_parts(s) == 3 &&
	      !strcmp(session_part_label(s, 1), "Zu Frage 1 und 2") &&
	      !strcmp(session_part_label(s, 2), "Zu Frage 3") &&
	      !strcmp(editbuf_text(session_buffer(s, 2)), "Vielleicht."),
	      "join: the parts after it move down by one");
	CHECK_STR(editbuf_text(session_buffer(s, 1)), "Ja.\nNein.",
	          "join: the texts are separate paragraphs of one buffer");
	CHECK(editbuf_cursor(session_buffer(s, 1)) == 4,
	      "join: the cursor stands where the second text begins");
	CHECK(session_part_of_question(s, 0) == 1 && session_part_of_question(s, 1) == 1 &&
	      session_part_of_question(s, 2) == 2,
	      "join: both questions are answered by the joined part");
	CHECK(session_state(s, 0) == ANSWER_CHANGED && session_state(s, 1) == ANSWER_CHANGED &&
	      session_state(s, 2) == ANSWER_DRAFTED && session_modified(s),
	      "join: the joined answer counts as changed, the moved one not");
	session_saved(s);
	CHECK(session_state(s, 0) == ANSWER_DRAFTED && session_state(s, 1) == ANSWER_DRAFTED &&
	      !session_modified(s), "join: after saving, nothing is changed");

	memset(&err, 0, sizeof err);
	CHECK(session_join(s, 0, &err) == AW_ENOJOIN && err.code == AW_ENOJOIN,
	      "join: the Senate's preamble joins nothing");
	CHECK(session_join(s, 2, &err) == AW_ENOJOIN && session_join(s, 9, NULL) == AW_ENOJOIN,
	      "join: the last answer has no next one");
	check_written(s, replaced(dup_text(doc3), "Zu Frage 1:\n\nJa.\n\nZu Frage 2:\n\nNein.",
	                          "Zu Frage 1 und 2:\n\nJa.\n\nNein."),
	              "join: a refused join changes nothing");
	CHECK(!session_modified(s) && session_parts(s) == 3,
	      "join: a refused join does not count as a change");
	close_opened(&o);

	/* A blank part adds nothing; edits not yet saved go along. */
	s = open_doc(&o, doc3);
	if (s) {
		set_text(s, 2, "  \n");
		append(s, 1, " Sicher.");
		session_join(s, 1, NULL);
	}
	check_written(s, replaced(dup_text(doc3), "Zu Frage 1:\n\nJa.\n\nZu Frage 2:\n\nNein.",
	                          "Zu Frage 1 und 2:\n\nJa. Sicher."),
	              "join: a blank second part adds nothing, edits come along");
	close_opened(&o);
	s = open_doc(&o, doc3);
	if (s) {
		set_text(s, 1, "\n");
		session_join(s, 1, NULL);
	}
	check_written(s, replaced(dup_text(doc3), "Zu Frage 1:\n\nJa.\n\nZu Frage 2:\n\nNein.",
	                          "Zu Frage 1 und 2:\n\nNein."),
	              "join: a blank first part gives the second's text alone");
	close_opened(&o);

	/* Three into one: "Zu den Fragen 1 bis 3". */
	s = open_fixture(&o, "01-fragestunde-landtag.txt");
	if (s) {
		session_join(s, 1, NULL);
		session_join(s, 1, NULL);
	}
	CHECK(s && session_parts(s) == 2 &&
	      !strcmp(session_part_label(s, 1), "Zu den Fragen 1 bis 3"),
	      "join: three answers joined are one to the questions 1 to 3");
	char *w = s ? written(s) : NULL;
	CHECK(w && strstr(w, "wie folgt:\n\nZu den Fragen 1 bis 3:\n\nVon den rund 14") &&
	      strstr(w, "abgeschlossen sein.\n\nDer Abschnitt Blumenthal") &&
	      strstr(w, "2027 möglich.\n\nFür die Jahre 2024") && !strstr(w, "Zu Frage"),
	      "join: the texts follow each other under one heading");
	free(w);
	close_opened(&o);
}

static void test_join_sections(void)
{
	struct opened o;
	struct session *s;
	/* A section above the second answer now begins at the answer after. */
	inquiry_init(&o.q);
	if (!parse(doc3, strlen(doc3), &o.q))
		o.q.answers[1].section = dup_text("II. Finanzierung");
	s = o.q.nanswers == 3 ? session_new(&o.q) : NULL;
	if (s)
		session_join(s, 1, NULL);
	check_written(s, replaced(dup_text(doc3), "Zu Frage 1:\n\nJa.\n\nZu Frage 2:\n\nNein.\n\n",
	                          "Zu Frage 1 und 2:\n\nJa.\n\nNein.\n\nII. Finanzierung\n\n"),
	              "join: the second answer's section moves to the answer after it");
	session_free(s);
	inquiry_free(&o.q);

	/* The answer after has a section of its own: kept as a paragraph. */
	if (!parse(doc3, strlen(doc3), &o.q)) {
		o.q.answers[1].section = dup_text("II. Finanzierung");
		o.q.answers[2].section = dup_text("III. Ausblick");
	}
	s = o.q.nanswers == 3 ? session_new(&o.q) : NULL;
	if (s)
		session_join(s, 1, NULL);
	check_written(s, replaced(dup_text(doc3), "Zu Frage 1:\n\nJa.\n\nZu Frage 2:\n\nNein.\n\n",
	                          "Zu Frage 1 und 2:\n\nJa.\n\nII. Finanzierung\n\nNein.\n\n"
	                          "III. Ausblick\n\n"),
	              "join: a section with no place to go stays as a paragraph");
	session_free(s);
	inquiry_free(&o.q);
}

static void test_split(void)
{
	struct opened o;
	struct aw_error err;
	struct session *s = open_doc(&o, doc3);
	size_t at = 0;
	if (s && !session_join(s, 1, NULL)) {
		at = editbuf_cursor(session_buffer(s, 1));
		session_saved(s);
	}
	int rc = s ? session_split(s, 1, at, &err) : -1;
	check_written(s, dup_text(doc3), "split: join then split at the seam gives the document back");
	CHECK(rc == 0 && session_parts(s) == 4 &&
	      !strcmp(session_part_label(s, 1), "Zu Frage 1") &&
	      !strcmp(session_part_label(s, 2), "Zu Frage 2") &&
	      !strcmp(editbuf_text(session_buffer(s, 1)), "Ja.") &&
	      !strcmp(editbuf_text(session_buffer(s, 2)), "Nein."),
	      "split: each question has its part and its text again");
	CHECK(s && session_modified(s) && session_state(s, 0) == ANSWER_CHANGED &&
	      session_state(s, 1) == ANSWER_CHANGED && session_state(s, 2) == ANSWER_DRAFTED,
	      "split: both halves count as changed");
	memset(&err, 0, sizeof err);
	CHECK(s && session_split(s, 1, 0, &err) == AW_ENOSPLIT && err.code == AW_ENOSPLIT &&
	      session_split(s, 0, 0, NULL) == AW_ENOSPLIT &&
	      session_split(s, 9, 0, NULL) == AW_ENOSPLIT && session_parts(s) == 4,
	      "split: an answer to one question, the preamble or no part cannot be split");
	check_written(s, dup_text(doc3), "split: a refused split changes nothing");
	close_opened(&o);

	/* Inside a paragraph, the last of three questions. */
	s = open_fixture(&o, "02-kleine-anfrage-vorlage.txt");
	const char *t = s ? editbuf_text(session_buffer(s, 2)) : "";
	rc = s ? session_split(s, 2, offset_of(t, "Die Einrichtung") - 1, NULL) : -1;
	char *want = replaced(dup_text(o.text ? o.text : ""), "Zu den Fragen 3 bis 5:",
	                      "Zu Frage 3 und 4:");
	want = replaced(want, "erfasst. Die Einrichtung", "erfasst.\n\nZu Frage 5:\n\nDie Einrichtung");
	check_written(s, want, "split: the last question gets the text from the cut, blanks dropped");
	CHECK(rc == 0 && session_parts(s) == 4 &&
	      !strcmp(session_part_label(s, 2), "Zu Frage 3 und 4") &&
	      !strcmp(session_part_label(s, 3), "Zu Frage 5") &&
	      session_part_of_question(s, 4) == 3 && session_state(s, 4) == ANSWER_CHANGED &&
	      session_state(s, 0) == ANSWER_DRAFTED,
	      "split: the new part follows the one it came from");
	close_opened(&o);

	/* A cut inside a character moves back to its start; a side may be empty. */
	s = open_doc(&o, DOC3_HEAD "1. Eins?\n2. Zwei?\n\n" DOC3_SENATE
	             "Zu Frage 1 und 2:\n\nÜber alles.\n");
	rc = s ? session_split(s, 1, 1, NULL) : -1;
	check_written(s, dup_text(DOC3_HEAD "1. Eins?\n2. Zwei?\n\n" DOC3_SENATE
	                          "Zu Frage 1:\n\nZu Frage 2:\n\nÜber alles.\n"),
	              "split: a cut inside a character, at the start: the first part is empty");
	close_opened(&o);

	/* A paragraph with a line break of its own survives join and split. */
	const char *doc = DOC3_HEAD "1. Eins?\n2. Zwei?\n\n" DOC3_SENATE
	                  "Zu Frage 1:\n\nJa.\nZweite Zeile.\n\nZu Frage 2:\n\nNein.\n";
	s = open_doc(&o, doc);
	if (s && !session_join(s, 1, NULL))
		session_split(s, 1, editbuf_cursor(session_buffer(s, 1)), NULL);
	check_written(s, dup_text(doc), "split: join and split keep a paragraph with a line break whole");
	close_opened(&o);
}

static void test_join_split_fixture(void)
{
	struct opened o;
	struct session *s = open_fixture(&o, "01-fragestunde-landtag.txt");
	int rc = s ? session_join(s, 2, NULL) : -1;
	char *want = replaced(dup_text(o.text ? o.text : ""),
	                      "Zu Frage 2:\n\nDer Abschnitt", "Zu Frage 2 und 3:\n\nDer Abschnitt");
	want = replaced(want, "möglich.\n\nZu Frage 3:\n\n", "möglich.\n\n");
	check_written(s, want, "join: fixture 01, answers 2 and 3 joined");
	size_t at = s ? editbuf_cursor(session_buffer(s, 2)) : 0;
	rc |= s ? session_split(s, 2, at, NULL) : -1;
	char *w = s ? written(s) : NULL;
	CHECK(rc == 0 && w && strlen(w) == o.len && !memcmp(w, o.text, o.len),
	      "split: fixture 01 joined and split is the file byte for byte");
	free(w);
	close_opened(&o);
}

static void test_merge_questions(void)
{
	struct opened o;
	struct aw_error err;
	struct session *s = open_doc(&o, doc3);
	int rc = s ? session_merge_questions(s, 0, &err) : -1;
	const char *merged = DOC3_HEAD "1. Eins?\nZwei?\n2. Drei?\n\n" DOC3_SENATE
	                     "Zu Frage 1:\n\nJa.\n\nNein.\n\nZu Frage 2:\n\nVielleicht.\n";
	check_written(s, dup_text(merged),
	              "merge: one question, later ones renumbered, answers joined and following");
	char *qt = s ? session_question_text(s, 0) : NULL;
	CHECK_STR(qt, "Eins?\nZwei?", "merge: the question text holds both paragraphs");
	free(qt);
	CHECK(rc == 0 && session_inquiry(s)->nquestions == 2 && session_parts(s) == 3 &&
	      session_inquiry(s)->questions[1].number == 2 &&
	      !strcmp(session_part_label(s, 2), "Zu Frage 2"),
	      "merge: two questions and two answers remain");
	CHECK(s && session_state(s, 0) == ANSWER_CHANGED && session_state(s, 1) == ANSWER_DRAFTED &&
	      session_modified(s),
	      "merge: the joined answer is changed, the renumbered one keeps its state");
	if (s)
		session_saved(s);
	CHECK(s && !session_modified(s) && session_state(s, 0) == ANSWER_DRAFTED,
	      "merge: saved, nothing is changed");
	memset(&err, 0, sizeof err);
	CHECK(s && session_merge_questions(s, 1, &err) == AW_ENOQMERGE &&
	      err.code == AW_ENOQMERGE && session_merge_questions(s, 5, NULL) == AW_ENOQMERGE &&
	      !session_modified(s),
	      "merge: the last question has none after it");
	check_written(s, dup_text(merged), "merge: a refused merge changes nothing");

	/* And split again: the new question gets an empty slot of its own. */
	rc = s ? session_split_question(s, 0, 6, &err) : -1;
	check_written(s, dup_text(DOC3_HEAD "1. Eins?\n2. Zwei?\n3. Drei?\n\n" DOC3_SENATE
	                          "Zu Frage 1:\n\nJa.\n\nNein.\n\nZu Frage 2:\n\n"
	                          "Zu Frage 3:\n\nVielleicht.\n"),
	              "split question: numbered one up, an empty slot after the answer to the first");
	CHECK(rc == 0 && session_parts(s) == 4 && !strcmp(session_part_label(s, 2), "Zu Frage 2") &&
	      !strcmp(editbuf_text(session_buffer(s, 2)), "") &&
	      session_state(s, 1) == ANSWER_EMPTY && session_state(s, 2) == ANSWER_DRAFTED &&
	      session_part_of_question(s, 2) == 3 && session_modified(s),
	      "split question: the new slot is empty, the others follow");
	close_opened(&o);

	/* Answered by the same part: that part answers one question fewer. */
	s = open_fixture(&o, "04-fragestunde-stadtbuergerschaft.txt");
	rc = s ? session_merge_questions(s, 1, NULL) : -1;
	char *want = replaced(dup_text(o.text ? o.text : ""), "werden?\n3. Wo findet",
	                      "werden?\nWo findet");
	want = replaced(want, "Zu Frage 2 und 3:", "Zu Frage 2:");
	check_written(s, want, "merge: a joint answer now answers the merged question");
	CHECK(rc == 0 && session_parts(s) == 3 && !strcmp(session_part_label(s, 2), "Zu Frage 2") &&
	      session_state(s, 1) == ANSWER_DRAFTED && session_modified(s),
	      "merge: the joint answer's text is unchanged");
	close_opened(&o);
}

static void test_markers(void)
{
	struct opened o;
	/* "1)" stays "1)"; the answers follow their questions. */
	struct session *s = open_doc(&o, DOC3_HEAD "1) Eins?\n2) Zwei?\n3) Drei?\n4) Vier?\n\n"
	                             DOC3_SENATE "Zu Frage 1:\n\nA.\n\nZu Frage 2:\n\nB.\n\n"
	                             "Zu Frage 3:\n\nC.\n\nZu Frage 4:\n\nD.\n");
	if (s)
		session_merge_questions(s, 1, NULL);
	check_written(s, dup_text(DOC3_HEAD "1) Eins?\n2) Zwei?\nDrei?\n3) Vier?\n\n" DOC3_SENATE
	                          "Zu Frage 1:\n\nA.\n\nZu Frage 2:\n\nB.\n\nC.\n\n"
	                          "Zu Frage 3:\n\nD.\n"),
	              "merge: markers \"3)\" keep their shape");
	close_opened(&o);

	/* "Frage 3:" stays "Frage 2:"; empty slots follow. */
	s = open_fixture(&o, "08-frage-n-doppelpunkt.txt");
	char *before = s ? written(s) : NULL;
	if (s)
		session_merge_questions(s, 0, NULL);
	char *want = replaced(dup_text(before ? before : ""), "Kitaplatz?\nFrage 2: Wann",
	                      "Kitaplatz?\nWann");
	want = replaced(want, "Frage 3: Wie viele Plätze", "Frage 2: Wie viele Plätze");
	want = replaced(want, "Zu Frage 2:\n\nZu Frage 3:", "Zu Frage 2:");
	check_written(s, want, "merge: markers \"Frage 3:\" keep their shape");
	/* Split back: byte for byte, as the slots were empty. */
	char *qt = s ? session_question_text(s, 0) : NULL;
	if (s && qt)
		session_split_question(s, 0, offset_of(qt, "Wann"), NULL);
	check_written(s, dup_text(before ? before : "-"),
	              "split question: \"Frage 2:\" comes back, the document as it was");
	free(qt);
	free(before);
	close_opened(&o);

	/* Words. */
	s = open_doc(&o, "Wir fragen den Senat:\n\nErstens: Eins?\nZweitens: Zwei?\nDrittens: Drei?\n");
	before = s ? written(s) : NULL;
	if (s)
		session_merge_questions(s, 0, NULL);
	want = replaced(dup_text(before ? before : ""), "Eins?\nZweitens: Zwei?\nDrittens: Drei?",
	                "Eins?\nZwei?\nZweitens: Drei?");
	want = replaced(want, "Zu Frage 2:\n\nZu Frage 3:", "Zu Frage 2:");
	check_written(s, want, "merge: \"Drittens:\" becomes \"Zweitens:\"");
	if (s)
		session_split_question(s, 0, 5, NULL);
	check_written(s, dup_text(before ? before : "-"),
	              "split question: \"Zweitens:\" comes back");
	free(before);
	close_opened(&o);

	/* Decimal numbering counts within its major number. */
	const char *dec = DOC3_HEAD "1.1 Eins?\n1.2 Zwei?\n1.3 Drei?\n2.1 Vier?\n2.2 Fünf?\n\n"
	                  DOC3_SENATE "Zu Frage 1.1:\n\nJa.\n\nZu Frage 1.2 und 1.3:\n\nNein.\n\n"
	                  "Zu Frage 2.1:\n\nVielleicht.\n\nZu Frage 2.2:\n\nNie.\n";
	s = open_doc(&o, dec);
	if (s)
		session_merge_questions(s, 0, NULL);
	check_written(s, dup_text(DOC3_HEAD "1.1 Eins?\nZwei?\n1.2 Drei?\n2.1 Vier?\n2.2 Fünf?\n\n"
	                          DOC3_SENATE "Zu Frage 1.1 und 1.2:\n\nJa.\n\nNein.\n\n"
	                          "Zu Frage 2.1:\n\nVielleicht.\n\nZu Frage 2.2:\n\nNie.\n"),
	              "merge: decimal numbers move within their major number only");
	if (s)
		session_split_question(s, 2, 2, NULL);
	check_written(s, dup_text(DOC3_HEAD "1.1 Eins?\nZwei?\n1.2 Drei?\n2.1 Vi\n2.2 er?\n"
	                          "2.3 Fünf?\n\n"
	                          DOC3_SENATE "Zu Frage 1.1 und 1.2:\n\nJa.\n\nNein.\n\n"
	                          "Zu Frage 2.1:\n\nVielleicht.\n\nZu Frage 2.2:\n\n"
	                          "Zu Frage 2.3:\n\nNie.\n"),
	              "split question: \"2.2\" after \"2.1\", later ones one up");
	close_opened(&o);
}

static void test_question_sections_and_slots(void)
{
	struct opened o;
	struct session *s;
	/* A section above the second question now begins at the one after. */
	inquiry_init(&o.q);
	if (!parse(doc3, strlen(doc3), &o.q))
		o.q.questions[1].section = dup_text("II. Kosten");
	s = o.q.nquestions == 3 ? session_new(&o.q) : NULL;
	if (s)
		session_merge_questions(s, 0, NULL);
	check_written(s, dup_text(DOC3_HEAD "1. Eins?\nZwei?\nII. Kosten\n2. Drei?\n\n" DOC3_SENATE
	                          "Zu Frage 1:\n\nJa.\n\nNein.\n\nZu Frage 2:\n\nVielleicht.\n"),
	              "merge: the second question's section moves to the question after it");
	session_free(s);
	inquiry_free(&o.q);

	/* A question no part answers: its new neighbour's slot goes where
	 * the order of the questions puts it. */
	if (!parse(doc3, strlen(doc3), &o.q))
		inquiry_remove_answer(&o.q, 1);
	s = o.q.nanswers == 2 ? session_new(&o.q) : NULL;
	int rc = s ? session_split_question(s, 1, 2, NULL) : -1;
	CHECK(rc == 0 && session_parts(s) == 4 && !strcmp(session_part_label(s, 2), "Zu Frage 3") &&
	      !strcmp(session_part_label(s, 3), "Zu Frage 4") && session_part_of_question(s, 1) == 0,
	      "split question: an unanswered question's new neighbour gets its slot in order");
	check_written(s, dup_text(DOC3_HEAD "1. Eins?\n2. Zw\n3. ei?\n4. Drei?\n\n" DOC3_SENATE
	                          "Zu Frage 1:\n\nJa.\n\nZu Frage 2:\n\nZu Frage 3:\n\n"
	                          "Zu Frage 4:\n\nVielleicht.\n"),
	              "split question: the document has every slot in order");
	session_free(s);
	inquiry_free(&o.q);
}

static void test_split_question(void)
{
	struct opened o;
	struct aw_error err;
	struct session *s = open_doc(&o, doc3);
	memset(&err, 0, sizeof err);
	CHECK(s && session_split_question(s, 0, 0, &err) == AW_ENOQSPLIT &&
	      err.code == AW_ENOQSPLIT && session_split_question(s, 0, 5, NULL) == AW_ENOQSPLIT &&
	      session_split_question(s, 0, 99, NULL) == AW_ENOQSPLIT &&
	      session_split_question(s, 3, 1, NULL) == AW_ENOQSPLIT,
	      "split question: at the start, at the end, past it, or no such question");
	CHECK(s && !session_modified(s) && session_question_text(s, 3) == NULL,
	      "split question: a refused split changes nothing");
	check_written(s, dup_text(doc3), "split question: the document is as it was");
	close_opened(&o);

	/* Fixture 01: question 1 in two; the others and their answers one up. */
	s = open_fixture(&o, "01-fragestunde-landtag.txt");
	char *qt = s ? session_question_text(s, 0) : NULL;
	int rc = s && qt ? session_split_question(s, 0, offset_of(qt, "zwischen"), NULL) : -1;
	char *want = replaced(dup_text(o.text ? o.text : ""), "an der Unterweser zwischen",
	                      "an der Unterweser?\n2. zwischen");
	want = replaced(want, "\n3. Wie hoch", "\n4. Wie hoch");
	want = replaced(want, "\n2. Welche", "\n3. Welche");
	want = replaced(want, "Zu Frage 3:", "Zu Frage 4:");
	want = replaced(want, "Zu Frage 2:", "Zu Frage 3:");
	want = replaced(want, "abgeschlossen sein.\n\n", "abgeschlossen sein.\n\nZu Frage 2:\n\n");
	want = replaced(want, "Unterweser?\n2. zwischen", "Unterweser\n2. zwischen");
	check_written(s, want, "split question: fixture 01, later questions and answers one up");
	CHECK(rc == 0 && session_parts(s) == 5 && session_state(s, 1) == ANSWER_EMPTY &&
	      session_state(s, 2) == ANSWER_DRAFTED && session_part_of_question(s, 3) == 4,
	      "split question: states follow the renumbered answers");
	free(qt);
	close_opened(&o);
}

/* Merge and split again: byte for byte where the second answer was an
 * empty slot (no text to take back out of the joined answer). */
static void test_merge_split_round_trip(void)
{
	static const struct {
		const char *name;
		size_t qi;
		const char *second;
	} cases[] = {
		{"05-anfrage-mit-kopf-ohne-antworten.txt", 1, "Welche Einnahmen"},
		{"15-nur-einige-fragen-beantwortet.txt", 3, "Wann findet"},
		{"05-anfrage-mit-kopf-ohne-antworten.txt", 0, "Aus welchen"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct opened o;
		struct session *s = open_fixture(&o, cases[i].name);
		char *before = s ? written(s) : NULL;
		int rc = s ? session_merge_questions(s, cases[i].qi, NULL) : -1;
		char *mid = s ? written(s) : NULL;
		char *qt = s ? session_question_text(s, cases[i].qi) : NULL;
		rc |= qt ? session_split_question(s, cases[i].qi, offset_of(qt, cases[i].second), NULL) : -1;
		char *after = s ? written(s) : NULL;
		char name[160];
		snprintf(name, sizeof name, "merge and split question: %s at %zu is as before",
		         cases[i].name, cases[i].qi);
		CHECK(rc == 0 && before && mid && after && strcmp(before, mid) && !strcmp(before, after),
		      name);
		free(before);
		free(mid);
		free(after);
		free(qt);
		close_opened(&o);
	}
}

static void test_fields(void)
{
	struct opened o;
	struct aw_error err;
	struct session *s = open_fixture(&o, "01-fragestunde-landtag.txt");
	if (!s) {
		CHECK(0, "fields: fixture 01 opened");
		close_opened(&o);
		return;
	}
	char *v[4];
	for (int f = 0; f < 4; f++)
		v[f] = session_field(s, (enum session_field)f);
	CHECK(v[0] && v[1] && v[2] && v[3] && !strcmp(v[0], "L2") &&
	      !strcmp(v[1], "Deichschutz an der Unterweser") && !strcmp(v[2], "Fraktion der SPD") &&
	      !strcmp(v[3], "21. Mai 2024"),
	      "fields: number, title, askers and date as the form shows them");
	for (int f = 0; f < 4; f++)
		free(v[f]);
	CHECK(!strcmp(session_field_name(FIELD_NUMBER), "Nummer") &&
	      !strcmp(session_field_name(FIELD_TITLE), "Titel") &&
	      !strcmp(session_field_name(FIELD_ASKERS), "Fragesteller") &&
	      !strcmp(session_field_name(FIELD_DATE), "Sitzungsdatum"),
	      "fields: the German names");

	/* The date, and the session line made anew. */
	int rc = session_set_field(s, FIELD_DATE, "4. April 2017", &err);
	char *d = session_field(s, FIELD_DATE);
	CHECK(rc == 0 && d && !strcmp(d, "4. April 2017") && session_modified(s),
	      "fields: a date set reads back as written out");
	free(d);
	check_written(s, replaced(dup_text(o.text), "am 21.5.2024", "am 4.4.2017"),
	              "fields: the session line says the new date");
	session_saved(s);
	CHECK(!session_modified(s), "fields: saved, nothing is changed");

	static const char *const good[] = {
		"4. Apr. 2017", "04.04.2017", "4.4.2017", "2017-04-04", "  4.  april 2017 ",
		"4. APRIL 2017", "4 April 2017", "04. 04. 2017",
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		session_set_field(s, FIELD_DATE, "1.1.2000", NULL);
		rc = session_set_field(s, FIELD_DATE, good[i], NULL);
		d = session_field(s, FIELD_DATE);
		char name[120];
		snprintf(name, sizeof name, "fields: the date \"%s\" is read", good[i]);
		CHECK(rc == 0 && d && !strcmp(d, "4. April 2017"), name);
		free(d);
	}
	static const struct {
		const char *in, *out;
	} months[] = {
		{"3. März 2017", "3. März 2017"}, {"3. Mrz. 2017", "3. März 2017"},
		{"3. MÄRZ 2017", "3. März 2017"}, {"1. Sept. 2020", "1. September 2020"},
		{"29.2.2024", "29. Februar 2024"}, {"31. Dez. 1999", "31. Dezember 1999"},
	};
	for (size_t i = 0; i < sizeof months / sizeof *months; i++) {
		rc = session_set_field(s, FIELD_DATE, months[i].in, NULL);
		d = session_field(s, FIELD_DATE);
		char name[120];
		snprintf(name, sizeof name, "fields: the date \"%s\" is %s", months[i].in, months[i].out);
		CHECK(rc == 0 && d && !strcmp(d, months[i].out), name);
		free(d);
	}
	session_set_field(s, FIELD_DATE, "4.4.2017", NULL);
	static const char *const bad[] = {
		"31.2.2017", "29.2.2023", "4. Aprel 2017", "morgen", "2017-13-01", "4.4.17",
		"4.4.2017x", "0.4.2017", "4. Ma 2017", "44.4.2017",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		memset(&err, 0, sizeof err);
		rc = session_set_field(s, FIELD_DATE, bad[i], &err);
		d = session_field(s, FIELD_DATE);
		char name[120];
		snprintf(name, sizeof name, "fields: the date \"%s\" is refused, the field unchanged",
		         bad[i]);
		CHECK(rc == AW_EDATE && err.code == AW_EDATE && !strcmp(err.detail, bad[i]) && d &&
		      !strcmp(d, "4. April 2017"), name);
		free(d);
	}
	char msg[512];
	session_set_field(s, FIELD_DATE, "morgen", &err);
	CHECK(strstr(aw_error_message(&err, msg, sizeof msg), "Das Datum „morgen“ ist nicht zu verstehen"),
	      "fields: the message names the date typed");

	rc = session_set_field(s, FIELD_DATE, "", NULL);
	d = session_field(s, FIELD_DATE);
	CHECK(rc == 0 && d && !strcmp(d, ""), "fields: an empty date leaves it open");
	free(d);
	check_written(s, replaced(dup_text(o.text), "am 21.5.2024", "am (Datum offen)"),
	              "fields: an open date is \"(Datum offen)\"");

	/* Number, title and askers: the title line and the intro anew. */
	session_set_field(s, FIELD_DATE, "21.5.2024", NULL);
	rc = session_set_field(s, FIELD_NUMBER, " L7 ", NULL);
	rc |= session_set_field(s, FIELD_TITLE, "„Deiche\nan der Weser“", NULL);
	rc |= session_set_field(s, FIELD_ASKERS, "Die Fraktion der CDU", NULL);
	char *want = replaced(dup_text(o.text),
	                      "„Frage für die Fragestunde – L2 “Deichschutz an der Unterweser““",
	                      "„Frage für die Fragestunde – L7 “Deiche an der Weser““");
	want = replaced(want, "Die Fraktion der SPD hat", "Die Fraktion der CDU hat");
	check_written(s, want, "fields: title line and intro say the new values");
	v[0] = session_field(s, FIELD_NUMBER);
	v[1] = session_field(s, FIELD_TITLE);
	v[2] = session_field(s, FIELD_ASKERS);
	CHECK(rc == 0 && v[0] && v[1] && v[2] && !strcmp(v[0], "L7") &&
	      !strcmp(v[1], "Deiche an der Weser") && !strcmp(v[2], "Fraktion der CDU"),
	      "fields: values are kept as the reader would read them");
	for (int f = 0; f < 3; f++)
		free(v[f]);

	/* What is written reads back with the same fields. */
	char *w = written(s);
	struct inquiry back;
	int ok = w && !parse(w, strlen(w), &back);
	CHECK(ok && back.number && !strcmp(back.number, "L7") && back.title &&
	      !strcmp(back.title, "Deiche an der Weser") && back.askers &&
	      !strcmp(back.askers, "Fraktion der CDU") && back.session_day == 21 &&
	      back.session_month == 5 && back.session_year == 2024,
	      "fields: the written document reads back with the new values");
	if (ok)
		inquiry_free(&back);
	free(w);

	memset(&err, 0, sizeof err);
	CHECK(session_set_field(s, FIELD_NUMBER, "  ", &err) == AW_EFIELD &&
	      !strcmp(err.file, "Nummer"), "fields: an empty number is refused");
	memset(&err, 0, sizeof err);
	CHECK(session_set_field(s, FIELD_TITLE, "", &err) == AW_EFIELD &&
	      !strcmp(err.file, "Titel") &&
	      strstr(aw_error_message(&err, msg, sizeof msg), "Das Feld „Titel“ darf nicht leer"),
	      "fields: an empty title is refused with its name");
	v[0] = session_field(s, FIELD_TITLE);
	CHECK_STR(v[0], "Deiche an der Weser", "fields: a refused value leaves the field");
	free(v[0]);

	rc = session_set_field(s, FIELD_ASKERS, "", NULL);
	v[0] = session_field(s, FIELD_ASKERS);
	w = written(s);
	CHECK(rc == 0 && v[0] && !strcmp(v[0], "") && w && !strstr(w, "gestellt:") &&
	      strstr(w, "Weser““\n\n„Wir fragen den Senat:"),
	      "fields: askers cleared, the intro goes");
	free(v[0]);
	free(w);
	rc = session_set_field(s, FIELD_ASKERS, "Fraktionen der SPD und DIE LINKE", NULL);
	w = written(s);
	CHECK(rc == 0 && w && strstr(w, "\n\nDie Fraktionen der SPD und DIE LINKE haben folgende "
	                                "Anfrage für die Fragestunde der Bürgerschaft (Land) an "
	                                "den Senat gestellt:\n\n„Wir fragen"),
	      "fields: askers set where there were none, the intro comes back");
	free(w);
	close_opened(&o);

	/* The same value changes nothing: a line as written stays. */
	s = open_fixture(&o, "02-kleine-anfrage-vorlage.txt");
	rc = s ? session_set_field(s, FIELD_DATE, "7. Mai 2024", NULL) : -1;
	rc |= s ? session_set_field(s, FIELD_NUMBER, "21/345", NULL) : -1;
	CHECK(rc == 0 && s && !session_modified(s), "fields: the same value is no change");
	check_written(s, dup_text(o.text ? o.text : ""),
	              "fields: the same value keeps \"07.05.2024\" as written");
	rc = s ? session_set_field(s, FIELD_NUMBER, "Drs. 21 / 999", NULL) : -1;
	check_written(s, replaced(dup_text(o.text ? o.text : ""), "Drs. 21/345", "Drs. 21/999"),
	              "fields: \"Drs.\" and spaces typed with the number go");
	close_opened(&o);
}

static void test_askers_preamble(void)
{
	struct opened o;
	struct session *s = open_fixture(&o, "01-fragestunde-landtag.txt");
	struct editbuf *b = s ? session_askers_preamble(s) : NULL;
	CHECK(b && !strcmp(editbuf_text(b), "") && session_parts(s) == 4,
	      "askers' preamble: empty where there is none, not a part");
	if (b) {
		editbuf_insert(b, "Die Deiche sind alt.\n\nSehr alt.", 31, 1);
		session_saved(s);
		editbuf_insert(b, " Wirklich.", 10, 1);
	}
	CHECK(s && session_modified(s) && session_state(s, 0) == ANSWER_DRAFTED,
	      "askers' preamble: an edit is a change, the answers' states stay");
	check_written(s, replaced(dup_text(o.text), "gestellt:\n\n",
	                          "gestellt:\n\nVorbemerkung der Fragesteller:\n\n"
	                          "Die Deiche sind alt.\n\nSehr alt. Wirklich.\n\n"),
	              "askers' preamble: written with its heading above the lead-in");
	CHECK(s && session_words(s) == session_part_words(s, 1) + session_part_words(s, 2) +
	      session_part_words(s, 3), "askers' preamble: not counted with the Senate's words");
	char *w = s ? written(s) : NULL;
	struct inquiry back;
	int ok = w && !parse(w, strlen(w), &back);
	CHECK(ok && back.preamble.n == 2 && !strcmp(back.preamble.v[1], "Sehr alt. Wirklich.") &&
	      back.preamble_heading && back.nquestions == 3,
	      "askers' preamble: reads back as the preamble");
	if (ok)
		inquiry_free(&back);
	free(w);
	if (s)
		session_saved(s);
	CHECK(s && !session_modified(s), "askers' preamble: saved, nothing is changed");
	close_opened(&o);

	/* One the document had without a heading keeps none. */
	s = open_fixture(&o, "02-kleine-anfrage-vorlage.txt");
	b = s ? session_askers_preamble(s) : NULL;
	CHECK(b && !strncmp(editbuf_text(b), "„Viele Eltern", 14) &&
	      strstr(editbuf_text(b), "\nDer Senat hat im Verkehrsentwicklungsplan"),
	      "askers' preamble: its paragraphs one a line");
	if (b) {
		editbuf_move(b, EB_TEXT_END, 0);
		editbuf_insert(b, " Ergänzung.", strlen(" Ergänzung."), 1);
	}
	check_written(s, replaced(dup_text(o.text ? o.text : ""), "veröffentlicht worden.",
	                          "veröffentlicht worden. Ergänzung."),
	              "askers' preamble: one without a heading gets none when edited");
	close_opened(&o);
}

static void test_restore(void)
{
	struct opened o;
	struct inquiry rec;
	struct session *s = open_fixture(&o, "01-fragestunde-landtag.txt"), *r;
	if (!s) {
		CHECK(0, "restore: fixture 01 opened");
		close_opened(&o);
		return;
	}
	/* Unchanged: nothing to show. */
	r = session_restore(&o.q, &o.q);
	CHECK(r && !session_modified(r) && session_state(r, 1) == ANSWER_DRAFTED,
	      "restore: the saved version itself is not modified");
	check_written(r, dup_text(o.text), "restore: the saved version is written as it was");
	session_free(r);

	/* A changed answer: changed, and undo goes back to the saved text. */
	append(s, 2, " Neu.");
	int ok = !session_to_inquiry(s, &rec);
	r = ok ? session_restore(&o.q, &rec) : NULL;
	char *want = written(s);
	check_written(r, want, "restore: the recovered text is what is written");
	CHECK(r && session_modified(r) && session_state(r, 1) == ANSWER_CHANGED &&
	      session_state(r, 0) == ANSWER_DRAFTED && session_state(r, 2) == ANSWER_DRAFTED,
	      "restore: the recovered answer is changed, the others drafted");
	CHECK(r && editbuf_undo(session_buffer(r, 2)) && !session_modified(r) &&
	      session_state(r, 1) == ANSWER_DRAFTED,
	      "restore: undo goes back to the saved text");
	check_written(r, dup_text(o.text), "restore: after undo the saved file byte for byte");
	session_free(r);
	if (ok)
		inquiry_free(&rec);

	/* Preambles, both. */
	session_free(s);
	s = o.s = session_new(&o.q);
	if (s) {
		append(s, 0, "Vorab.");
		editbuf_insert(session_askers_preamble(s), "Anlass.", 7, 1);
	}
	ok = s && !session_to_inquiry(s, &rec);
	r = ok ? session_restore(&o.q, &rec) : NULL;
	want = s ? written(s) : NULL;
	check_written(r, want, "restore: recovered preambles are written");
	CHECK(r && session_modified(r) && !strcmp(editbuf_text(session_buffer(r, 0)), "Vorab.") &&
	      !strcmp(editbuf_text(session_askers_preamble(r)), "Anlass."),
	      "restore: the preambles hold the recovered text");
	CHECK(r && editbuf_undo(session_buffer(r, 0)) && editbuf_undo(session_askers_preamble(r)) &&
	      !session_modified(r),
	      "restore: undo empties the preambles again, nothing is modified");
	check_written(r, dup_text(o.text), "restore: without the preambles, no headings are left");
	session_free(r);
	if (ok)
		inquiry_free(&rec);

	/* A joined answer has no counterpart; the others do. */
	session_free(s);
	s = o.s = session_new(&o.q);
	ok = s && !session_join(s, 1, NULL) && !session_to_inquiry(s, &rec);
	r = ok ? session_restore(&o.q, &rec) : NULL;
	want = s ? written(s) : NULL;
	check_written(r, want, "restore: a recovered join is written");
	CHECK(r && session_modified(r) && session_parts(r) == 3 &&
	      session_state(r, 0) == ANSWER_CHANGED && session_state(r, 2) == ANSWER_DRAFTED &&
	      !editbuf_undo(session_buffer(r, 1)),
	      "restore: an answer without counterpart is changed, with no saved text to undo to");
	if (r)
		session_saved(r);
	CHECK(r && !session_modified(r), "restore: saved, nothing is changed");
	session_free(r);
	if (ok)
		inquiry_free(&rec);

	/* A header change alone. */
	session_free(s);
	s = o.s = session_new(&o.q);
	ok = s && !session_set_field(s, FIELD_TITLE, "Neuer Titel", NULL) &&
	     !session_to_inquiry(s, &rec);
	r = ok ? session_restore(&o.q, &rec) : NULL;
	CHECK(r && session_modified(r) && session_state(r, 0) == ANSWER_DRAFTED &&
	      !editbuf_modified(session_buffer(r, 1)),
	      "restore: a changed header makes the session modified, the answers unchanged");
	want = s ? written(s) : NULL;
	check_written(r, want, "restore: the recovered header is written");
	session_free(r);
	if (ok)
		inquiry_free(&rec);
	close_opened(&o);
}

void test_session(void)
{
	test_round_trip();
	test_edit();
	test_labels();
	test_part_of_question();
	test_states();
	test_preamble();
	test_words();
	test_doc3_reads();
	test_join();
	test_join_sections();
	test_split();
	test_join_split_fixture();
	test_merge_questions();
	test_markers();
	test_split_question();
	test_question_sections_and_slots();
	test_merge_split_round_trip();
	test_fields();
	test_askers_preamble();
	test_restore();
}
