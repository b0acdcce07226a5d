/* test_docparts.c: an inquiry cut into parts, two versions compared, and
 * the German commit subject and answer list made from the comparison. */
#include "harness.h"
#include "buf.h"
#include "docparts.h"
#include "heading.h"
#include "reader.h"

#include <stdlib.h>

#define EXAMPLE "examples/vorlage-2017-04-04-L4-videotelefonie.txt"

/* Reads a fixture (or, with dir NULL, the text file itself) with the
 * first from in its text replaced by to. 0 on success. */
static int load(const char *dir, const char *file, const char *from, const char *to,
                struct inquiry *q)
{
	char path[1024];
	size_t len;
	struct aw_error err;
	snprintf(path, sizeof path, "%s/%s", dir, file);
	char *text = harness_slurp(path, &len);
	if (!text)
		return -1;
	struct buf b = BUF_INIT;
	const char *at = from ? strstr(text, from) : NULL;
	if (at) {
		buf_add(&b, text, (size_t)(at - text));
		buf_adds(&b, to);
		buf_adds(&b, at + strlen(from));
	} else {
		buf_add(&b, text, len);
	}
	int rc = (from && !at) || !b.s ? -1 : reader_read(b.s, b.len, file, NULL, q, &err);
	if (from && !at)
		printf("  not in %s: %s\n", file, from);
	buf_free(&b);
	free(text);
	return rc;
}

/* The answer whose first question is nr. */
static struct answer *answer_to(struct inquiry *q, int nr)
{
	for (size_t i = 0; i < q->nanswers; i++)
		if (q->answers[i].ncovers && q->answers[i].covers[0] == nr)
			return &q->answers[i];
	return NULL;
}

static size_t answer_index(struct inquiry *q, int nr)
{
	return (size_t)(answer_to(q, nr) - q->answers);
}

/* Gives paragraphs l the one paragraph text, or none for NULL. */
static void set_text(struct strlist *l, const char *text)
{
	strlist_free(l);
	if (text)
		strlist_add(l, text);
}

/* Inserts at position at an answer to covers[0..n) with text. */
static void add_answer(struct inquiry *q, size_t at, const int *covers, size_t n,
                       const char *text)
{
	int *c = malloc(n * sizeof *c);
	struct answer *a;
	if (c)
		memcpy(c, covers, n * sizeof *c);
	if (!inquiry_add_answer(q, at, c, n, heading_format(covers, n), &a) && text)
		strlist_add(&a->paras, text);
}

/* The subject appended to start and the answer list for a → b. */
static void check_change(const struct inquiry *a, const struct inquiry *b, const char *start,
                         const char *subject, const char *list, const char *name)
{
	struct doc_parts pa, pb;
	struct change *c = NULL;
	size_t n = 0;
	struct buf s = BUF_INIT, l = BUF_INIT;
	char what[300];
	buf_adds(&s, start);
	int rc = docparts_make(a, &pa);
	rc |= docparts_make(b, &pb);
	rc |= changes_compare(&pa, &pb, &c, &n);
	rc |= changes_message(c, n, &s);
	rc |= changes_answers(c, n, &l);
	CHECK_STR(rc ? "(Fehler)" : s.s, subject, name);
	snprintf(what, sizeof what, "%s: the changed answers", name);
	CHECK_STR(rc ? "(Fehler)" : l.s ? l.s : "", list, what);
	free(c);
	buf_free(&s);
	buf_free(&l);
	docparts_free(&pa);
	docparts_free(&pb);
}

/* Loads a fixture twice, lets edit change the second copy and checks
 * the subject and answer list. */
static void edited(const char *dir, const char *file, void (*edit)(struct inquiry *),
                   const char *subject, const char *list, const char *name)
{
	struct inquiry a, b;
	if (!strcmp(dir, harness_shared()) && !harness_has_shared()) {
		SKIP(name, SHARED_MISSING);
		return;
	}
	if (load(dir, file, NULL, NULL, &a)) {
		CHECK(0, name);
		return;
	}
	if (load(dir, file, NULL, NULL, &b)) {
		inquiry_free(&a);
		CHECK(0, name);
		return;
	}
	edit(&b);
	check_change(&a, &b, "", subject, list, name);
	inquiry_free(&a);
	inquiry_free(&b);
}

/* The same with the second copy read from the text with from replaced. */
static void retyped(const char *file, const char *from, const char *to, const char *subject,
                    const char *name)
{
	struct inquiry a, b;
	if (load(harness_fixtures(), file, NULL, NULL, &a)) {
		CHECK(0, name);
		return;
	}
	if (load(harness_fixtures(), file, from, to, &b)) {
		inquiry_free(&a);
		CHECK(0, name);
		return;
	}
	check_change(&a, &b, "", subject, "", name);
	inquiry_free(&a);
	inquiry_free(&b);
}

static void parts(void)
{
	struct inquiry q;
	struct doc_parts p = {NULL, 0};
	if (load(harness_fixtures(), "02-kleine-anfrage-vorlage.txt", NULL, NULL, &q) ||
	    docparts_make(&q, &p)) {
		CHECK(0, "docparts: fixture 02 is cut");
		return;
	}
	inquiry_free(&q); /* the parts own their strings */

	struct buf keys = BUF_INIT;
	for (size_t i = 0; i < p.n; i++)
		buf_printf(&keys, "%s%d:%s=%s", i ? " " : "", (int)p.v[i].kind, p.v[i].key,
		           p.v[i].label);
	CHECK_STR(keys.s, "0:session=Sitzungsdatum 1:number=Nummer 2:title=Titel "
	                  "3:askers=Fragesteller 4:preamble=Vorbemerkung der Fragesteller "
	                  "5:question:1=Frage 1 5:question:2=Frage 2 5:question:3=Frage 3 "
	                  "5:question:4=Frage 4 5:question:5=Frage 5 "
	                  "6:senate-preamble=Vorbemerkung des Senats "
	                  "7:answer:1,2=Zu Frage 1 und 2 7:answer:3,4,5=Zu den Fragen 3 bis 5 "
	                  "8:other=Übriger Text",
	          "docparts: every part in document order with its key and label");
	buf_free(&keys);
	if (p.n != 14) {
		docparts_free(&p);
		return;
	}
	CHECK_STR(p.v[0].text, "7.5.2024", "docparts: session date");
	CHECK_STR(p.v[1].text, "21/345", "docparts: number");
	CHECK_STR(p.v[2].text, "Sichere Radwege auf Bremer Schulwegen", "docparts: title");
	CHECK_STR(p.v[3].text, "Fraktion der FDP", "docparts: askers");
	CHECK(!strncmp(p.v[4].text, "„Viele Eltern", 15) &&
	      strstr(p.v[4].text, "getrennte Radwege.\n\nDer Senat hat"),
	      "docparts: the askers' preamble, paragraphs separated by a blank line");
	CHECK_STR(p.v[6].text, "Welche Mängel wurden dabei festgestellt?", "docparts: a question");
	CHECK(p.v[6].ncovers == 1 && p.v[6].covers[0] == 2, "docparts: a question's number");
	CHECK(!strncmp(p.v[10].text, "Der Senat misst", 15), "docparts: the Senate's preamble");
	CHECK(p.v[11].ncovers == 2 && p.v[11].covers[0] == 1 && p.v[11].covers[1] == 2 &&
	      p.v[12].ncovers == 3 && p.v[12].covers[2] == 5,
	      "docparts: the questions an answer covers");
	CHECK(!strncmp(p.v[11].text, "Seit 2020", 9) &&
	      strstr(p.v[11].text, "überprüft.\n\nFestgestellt") &&
	      !strstr(p.v[11].text, "Zu Frage"),
	      "docparts: an answer is its paragraphs, without the heading");
	CHECK(strstr(p.v[13].text, "am [Sitzungsdatum]") &&
	      strstr(p.v[13].text, "Drs. [Nummer] “[Titel]““") &&
	      strstr(p.v[13].text, "Die [Fragesteller] hat folgende Kleine Anfrage") &&
	      strstr(p.v[13].text, "Wir fragen den Senat:") &&
	      strstr(p.v[13].text, "Nummerierung der Fragen: „N.“") &&
	      strstr(p.v[13].text, "Der Senat beantwortet die Kleine Anfrage wie folgt:") &&
	      strstr(p.v[13].text, "Zeilenenden: LF\nByte-Order-Mark: nein"),
	      "docparts: the rest holds the lines with the header fields named, and the layout");
	docparts_free(&p);
	CHECK(p.v == NULL && p.n == 0, "docparts: freed parts are empty");

	/* Empty parts are there all the same. */
	struct inquiry e;
	inquiry_init(&e);
	if (!docparts_make(&e, &p)) {
		CHECK(p.n == 7 && p.v[0].kind == DP_SESSION && !*p.v[0].text &&
		      p.v[4].kind == DP_PREAMBLE && !*p.v[4].text && p.v[6].kind == DP_OTHER,
		      "docparts: an empty inquiry has every fixed part, empty");
		docparts_free(&p);
	}
	inquiry_free(&e);

	/* Numbering in words and headings in another wording are in the rest. */
	const char *words = "Wir fragen den Senat:\n\nErstens: Eins?\n\nZweitens: Zwei?\n";
	struct aw_error err;
	if (!reader_read(words, strlen(words), "t.txt", NULL, &q, &err)) {
		if (!docparts_make(&q, &p)) {
			CHECK(strstr(p.v[p.n - 1].text, "Nummerierung der Fragen: „N:“\n"),
			      "docparts: numbering in words is one pattern");
			docparts_free(&p);
		}
		inquiry_free(&q);
	}
	if (!load(harness_fixtures(), "18-ueberschriften-kanonisch.txt", NULL, NULL, &q)) {
		if (!docparts_make(&q, &p)) {
			CHECK(strstr(p.v[p.n - 1].text,
			             "Überschrift „Zu den Fragen 1 und 2:“ statt „Zu Frage 1 und 2:“"),
			      "docparts: a heading in another wording is in the rest");
			docparts_free(&p);
		}
		inquiry_free(&q);
	}

	/* Section headings open a question's and an answer's text. */
	if (!load(harness_fixtures(), "15-nur-einige-fragen-beantwortet.txt", NULL, NULL, &q)) {
		q.questions[1].section = strdup("II. Ausbau");
		answer_to(&q, 2)->section = strdup("II. Ausbau");
		if (!docparts_make(&q, &p)) {
			CHECK_STR(p.v[6].text, "II. Ausbau\n\nWie viele Sirenen sollen bis Ende 2025 neu "
			          "installiert werden?", "docparts: a question's section heading");
			CHECK_STR(p.v[11].key, "answer:1", "docparts: an open slot is a part");
			CHECK_STR(p.v[11].text, "", "docparts: an open slot has no text");
			CHECK(!strncmp(p.v[12].text, "II. Ausbau\n\nBis Ende 2025", 24),
			      "docparts: an answer's section heading");
			docparts_free(&p);
		}
		inquiry_free(&q);
	}
}

static void unique_keys(void)
{
	struct inquiry q;
	struct doc_parts p;
	if (load(harness_shared(), EXAMPLE, NULL, NULL, &q))
		return;
	int two = 2;
	add_answer(&q, answer_index(&q, 2) + 1, &two, 1, "Noch einmal.");
	add_answer(&q, answer_index(&q, 2) + 1, &two, 1, NULL);
	if (!docparts_make(&q, &p)) {
		int unique = 1;
		for (size_t i = 0; i < p.n; i++)
			for (size_t k = 0; k < i; k++)
				unique &= strcmp(p.v[i].key, p.v[k].key) != 0;
		CHECK(unique, "docparts: keys are unique");
		CHECK_STR(p.v[11].key, "answer:2#2", "docparts: a second answer to 2");
		CHECK_STR(p.v[12].key, "answer:2#3", "docparts: a third answer to 2");
		CHECK_STR(p.v[12].label, "Zu Frage 2", "docparts: same label for people");
		docparts_free(&p);
	}
	inquiry_free(&q);
}

/* The keys of a comparison, "-" for removed, "+" for added, "*" for
 * changed. */
static void check_order(const struct inquiry *a, const struct inquiry *b, const char *want,
                        const char *name)
{
	struct doc_parts pa, pb;
	struct change *c = NULL;
	size_t n = 0;
	struct buf s = BUF_INIT;
	if (!docparts_make(a, &pa)) {
		if (!docparts_make(b, &pb)) {
			if (!changes_compare(&pa, &pb, &c, &n))
				for (size_t i = 0; i < n; i++) {
					const struct doc_part *p = c[i].new ? c[i].new : c[i].old;
					buf_printf(&s, "%s%s%s", i ? " " : "",
					           (const char *[]){"", "*", "+", "-"}[c[i].status], p->key);
				}
			docparts_free(&pb);
		}
		docparts_free(&pa);
	}
	CHECK_STR(s.s, want, name);
	free(c);
	buf_free(&s);
}

static void merge_1_2(struct inquiry *q)
{
	size_t at = answer_index(q, 1);
	inquiry_remove_answer(q, at);
	inquiry_remove_answer(q, at);
	add_answer(q, at, (const int[]){1, 2}, 2, "Beides zusammen.");
}

static void drop_question_3(struct inquiry *q)
{
	struct question *qu = &q->questions[2];
	free(qu->marker);
	free(qu->section);
	strlist_free(&qu->paras);
	q->nquestions--;
}

static void compare(void)
{
	struct inquiry a, b;
	if (load(harness_shared(), EXAMPLE, NULL, NULL, &a))
		return;
	if (load(harness_shared(), EXAMPLE, NULL, NULL, &b)) {
		inquiry_free(&a);
		return;
	}
	check_order(&a, &b, "session number title askers preamble question:1 question:2 "
	                    "question:3 senate-preamble answer:1 answer:2 answer:3 other",
	            "changes_compare: the same version, part for part");
	merge_1_2(&b);
	set_text(&answer_to(&b, 3)->paras, "Neu.");
	drop_question_3(&b);
	check_order(&a, &b, "session number title askers preamble question:1 question:2 "
	                    "-question:3 senate-preamble -answer:1 -answer:2 +answer:1,2 "
	                    "*answer:3 other",
	            "changes_compare: new order, removed parts where they stood");
	check_order(&b, &a, "session number title askers preamble question:1 question:2 "
	                    "+question:3 senate-preamble -answer:1,2 +answer:1 +answer:2 "
	                    "*answer:3 other",
	            "changes_compare: the other way round");
	inquiry_free(&a);
	inquiry_free(&b);
}

/* Edits of the example (answers 1, 2, 3 apart). */
static void revise_2(struct inquiry *q)
{
	set_text(&answer_to(q, 2)->paras, "Der Senat nutzt Videokonferenzen.");
}

static void revise_1_3(struct inquiry *q)
{
	set_text(&answer_to(q, 1)->paras, "Nein.");
	strlist_add(&answer_to(q, 3)->paras, "Ein weiterer Absatz.");
}

static void merge_and_revise(struct inquiry *q)
{
	merge_1_2(q);
	set_text(&answer_to(q, 3)->paras, "Ja.");
}

static void section_only(struct inquiry *q)
{
	answer_to(q, 2)->section = strdup("II. Kommunikation");
}

/* Edits of fixture 02 (answers 1+2 and 3+4+5). */
static void revise_joint(struct inquiry *q)
{
	set_text(&answer_to(q, 1)->paras, "Seit 2020 wurden 41 Schulen überprüft.");
}

static void split_1_2(struct inquiry *q)
{
	size_t at = answer_index(q, 1);
	inquiry_remove_answer(q, at);
	add_answer(q, at, (const int[]){1}, 1, "An 41 Schulen.");
	add_answer(q, at + 1, (const int[]){2}, 1, NULL);
}

/* Fixture 16: answers 1+3+5 and 2+4. */
static void split_1_3_5(struct inquiry *q)
{
	size_t at = answer_index(q, 1);
	inquiry_remove_answer(q, at);
	add_answer(q, at, (const int[]){1}, 1, "Rund 41.000 Güterzüge.");
	add_answer(q, at + 1, (const int[]){3, 5}, 2, "Etwa 6 Prozent mehr; Anteil 45 Prozent.");
}

static void shrink_1_2(struct inquiry *q)
{
	size_t at = answer_index(q, 1);
	inquiry_remove_answer(q, at);
	add_answer(q, at, (const int[]){1}, 1, "An 41 Schulen.");
}

static void senate_preamble(struct inquiry *q)
{
	set_text(&q->senate_preamble, "Der Senat misst der Sicherheit großes Gewicht bei.");
}

static void question_3(struct inquiry *q)
{
	set_text(&q->questions[2].paras, "Welche Maßnahmen hat der Senat umgesetzt?");
}

static void questions_1_3(struct inquiry *q)
{
	question_3(q);
	strlist_add(&q->questions[0].paras, "Und an wie vielen Bremerhavener Schulen?");
}

static void question_added(struct inquiry *q)
{
	struct question *qu;
	if (!inquiry_add_question(q, 6, strdup("6."), &qu))
		strlist_add(&qu->paras, "Wann kommen die Schulstraßen?");
}

static void question_removed(struct inquiry *q)
{
	struct question *qu = &q->questions[4];
	free(qu->marker);
	strlist_free(&qu->paras);
	q->nquestions--;
}

static void askers_preamble(struct inquiry *q)
{
	set_text(&q->preamble, "Viele Eltern sorgen sich.");
}

static void markers(struct inquiry *q)
{
	for (size_t i = 0; i < q->nquestions; i++)
		q->questions[i].marker[1] = ')';
}

static void line_ends(struct inquiry *q)
{
	q->crlf = true;
}

static void everything(struct inquiry *q)
{
	revise_joint(q);
	senate_preamble(q);
	question_3(q);
	askers_preamble(q);
	free(q->title);
	q->title = strdup("Sichere Schulwege");
	q->bom = true;
}

/* Edits of fixture 15 (slots 1 and 5 open; 2 and 3+4 answered). */
static void draft_1(struct inquiry *q)
{
	set_text(&answer_to(q, 1)->paras, "Derzeit sind 110 Sirenen einsatzbereit.");
}

static void draft_1_5_revise_2(struct inquiry *q)
{
	draft_1(q);
	set_text(&answer_to(q, 5)->paras, "Am 12. September.");
	set_text(&answer_to(q, 2)->paras, "Bis Ende 2025 sollen 86 Sirenen hinzukommen.");
}

static void clear_2(struct inquiry *q)
{
	set_text(&answer_to(q, 2)->paras, NULL);
}

static void clear_2_and_3(struct inquiry *q)
{
	clear_2(q);
	set_text(&answer_to(q, 3)->paras, NULL);
}

/* Fixture 07 has no answers yet. */
static void draft_1_2_4(struct inquiry *q)
{
	set_text(&answer_to(q, 1)->paras, "Rund 300.000 Tonnen.");
	set_text(&answer_to(q, 2)->paras, "Über eine Pipeline.");
	set_text(&answer_to(q, 4)->paras, "50 Millionen Euro.");
}

static void decimal(struct inquiry *q)
{
	set_text(&answer_to(q, 1001)->paras, "Eins.");
	set_text(&answer_to(q, 1002)->paras, "Zwei.");
}

static void nothing(struct inquiry *q)
{
	(void)q;
}

static void messages(void)
{
	const char *f = harness_fixtures(), *s = harness_shared();
	const char *f02 = "02-kleine-anfrage-vorlage.txt";
	const char *f15 = "15-nur-einige-fragen-beantwortet.txt";

	edited(s, EXAMPLE, nothing, "", "", "changes_message: nothing changed, nothing said");
	edited(s, EXAMPLE, revise_2, "Antwort zu Frage 2 überarbeitet", "2",
	       "changes_message: one answer revised");
	edited(s, EXAMPLE, revise_1_3, "Antworten zu Frage 1 und 3 überarbeitet", "1, 3",
	       "changes_message: two answers revised");
	edited(s, EXAMPLE, section_only, "Antwort zu Frage 2 überarbeitet", "2",
	       "changes_message: an answer's section heading is part of it");
	edited(f, f02, revise_joint, "Antwort zu Frage 1 und 2 überarbeitet", "1+2",
	       "changes_message: a joint answer revised");
	edited(f, f15, draft_1, "Antwort zu Frage 1 entworfen", "1",
	       "changes_message: an open slot answered");
	edited(f, f15, draft_1_5_revise_2,
	       "Antworten zu Frage 1 und 5 entworfen; Antwort zu Frage 2 überarbeitet", "1, 2, 5",
	       "changes_message: grouped by verb");
	edited(f, "07-ohne-doppelpunkt-klammerzahlen.txt", draft_1_2_4,
	       "Antworten zu Frage 1, 2 und 4 entworfen", "1, 2, 4",
	       "changes_message: three answers drafted");
	edited(f, f15, clear_2, "Antwort zu Frage 2 geleert", "2",
	       "changes_message: an answer cleared");
	edited(f, f15, clear_2_and_3, "Antworten zu Frage 2, 3 und 4 geleert", "2, 3+4",
	       "changes_message: a single and a joint answer cleared");
	edited(s, EXAMPLE, merge_1_2, "Antworten zu Frage 1 und 2 zusammengefasst", "1, 2, 1+2",
	       "changes_message: two answers merged");
	edited(s, EXAMPLE, merge_and_revise,
	       "Antworten zu Frage 1 und 2 zusammengefasst; Antwort zu Frage 3 überarbeitet",
	       "1, 2, 1+2, 3", "changes_message: merged and revised");
	edited(f, f02, split_1_2, "Antwort zu Frage 1 und 2 aufgeteilt", "1+2, 1, 2",
	       "changes_message: a joint answer split");
	edited(f, "16-nicht-zusammenhaengende-fragen.txt", split_1_3_5,
	       "Antwort zu Frage 1, 3 und 5 aufgeteilt", "1+3+5, 1, 3+5",
	       "changes_message: a joint answer split in a single and a joint one");
	edited(f, f02, shrink_1_2, "Antwort zu Frage 1 entworfen; Antwort zu Frage 1 und 2 geleert",
	       "1+2, 1", "changes_message: other added and removed answers");
	edited(f, f02, senate_preamble, "Vorbemerkung geändert", "",
	       "changes_message: the Senate's preamble");
	edited(f, f02, question_3, "Frage 3 geändert", "", "changes_message: one question");
	edited(f, f02, questions_1_3, "Fragen 1 und 3 geändert", "",
	       "changes_message: two questions");
	edited(f, f02, question_added, "Fragen neu aufgeteilt", "",
	       "changes_message: a question added (numbered alike: the rest is the same)");
	edited(f, f02, question_removed, "Fragen neu aufgeteilt", "",
	       "changes_message: a question removed");
	edited(f, f02, askers_preamble, "Vorbemerkung der Fragesteller geändert", "",
	       "changes_message: the askers' preamble");
	edited(f, f02, markers, "Übriger Text geändert", "",
	       "changes_message: another numbering of the questions");
	edited(f, f02, line_ends, "Übriger Text geändert", "", "changes_message: line ends");
	edited(f, f02, everything,
	       "Antwort zu Frage 1 und 2 überarbeitet; Vorbemerkung geändert; Frage 3 geändert; "
	       "Vorbemerkung der Fragesteller geändert; Titel geändert; Übriger Text geändert",
	       "1+2", "changes_message: the order of the parts");

	/* Header fields changed in the text: the lines that carry them are
	 * not reported a second time. */
	retyped(f02, "Sichere Radwege auf Bremer Schulwegen", "Sichere Schulwege in Bremen",
	        "Titel geändert", "changes_message: the title");
	retyped(f02, "Drs. 21/345", "Drs. 21/354", "Nummer geändert", "changes_message: the number");
	retyped(f02, "Die Fraktion der FDP hat", "Die Fraktion der CDU hat", "Fragesteller geändert",
	        "changes_message: the askers");
	retyped(f02, "07.05.2024", "14.05.2024", "Sitzungsdatum geändert",
	        "changes_message: the session date");
	retyped(f02, "am 07.05.2024", "am (Datum offen)", "Sitzungsdatum geändert",
	        "changes_message: the session date left open");
	retyped("14-unbekannter-text.txt", "Eingang Senatskanzlei: 02.05.2024",
	        "Eingang Senatskanzlei: 03.05.2024", "Übriger Text geändert",
	        "changes_message: a block kept as written");
	retyped(f02, "Kleine Anfrage – Drs. 21/345 “Sichere Radwege auf Bremer Schulwegen",
	        "Kleine Anfrage – Drs. 21/354 “Sichere Radwege an Bremer Schulen",
	        "Titel geändert; Nummer geändert", "changes_message: title and number");

	struct inquiry a, b;
	if (!load(s, EXAMPLE, NULL, NULL, &a)) {
		if (!load(s, EXAMPLE, NULL, NULL, &b)) {
			revise_2(&b);
			check_change(&a, &b, "Entwurf: ", "Entwurf: Antwort zu Frage 2 überarbeitet", "2",
			             "changes_message: appended to what the subject holds");
			inquiry_free(&b);
		}
		inquiry_free(&a);
	}

	/* Decimal numbering: "1.2" as people read it. */
	const char *dec = "Wir fragen den Senat:\n\n1.1 Eins?\n\n1.2 Zwei?\n\n2.1 Drei?\n";
	struct aw_error err;
	if (!reader_read(dec, strlen(dec), "dec.txt", NULL, &a, &err)) {
		if (!reader_read(dec, strlen(dec), "dec.txt", NULL, &b, &err)) {
			decimal(&b);
			check_change(&a, &b, "", "Antworten zu Frage 1.1 und 1.2 entworfen", "1.1, 1.2",
			             "changes_message: decimal question numbers");
			inquiry_free(&b);
		}
		inquiry_free(&a);
	}
}

void test_docparts(void)
{
	parts();
	unique_keys();
	compare();
	messages();
}
