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

void test_session(void)
{
	test_round_trip();
	test_edit();
	test_labels();
	test_part_of_question();
	test_states();
	test_preamble();
	test_words();
}
