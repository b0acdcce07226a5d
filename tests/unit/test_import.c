/* test_import.c: the shapes inquiries really arrive in, read into the
 * model, and the round trip of a cleaned document. */
#include "harness.h"
#include "buf.h"
#include "reader.h"
#include "writer.h"

#include <stdlib.h>

static int rd(const char *text, struct inquiry *q)
{
	struct aw_error err;
	return reader_read(text, strlen(text), "t.txt", NULL, q, &err);
}

static int has_hint(const struct inquiry *q, const char *part)
{
	for (size_t i = 0; i < q->hints.n; i++)
		if (strstr(q->hints.v[i], part))
			return 1;
	return 0;
}

static int covers(const struct answer *a, const char *want)
{
	char got[64] = "";
	size_t o = 0;
	for (size_t i = 0; i < a->ncovers && o < sizeof got - 8; i++)
		o += (size_t)snprintf(got + o, sizeof got - o, "%s%d", i ? "," : "", a->covers[i]);
	return !strcmp(got, want);
}

static char *wr(const struct inquiry *q)
{
	struct buf b = BUF_INIT;
	writer_write(q, &b);
	return buf_take(&b);
}

/* Writing a cleaned document and reading it again changes nothing. */
static void stable(const char *text, const char *name)
{
	struct inquiry a, b;
	char *w1, *w2 = NULL;
	int ok = rd(text, &a) == 0;  /* a is empty on failure, so freeing it is safe */
	w1 = ok ? wr(&a) : NULL;
	ok = ok && rd(w1, &b) == 0;
	if (ok) {
		w2 = wr(&b);
		ok = inquiry_equal(&a, &b) && !strcmp(w1, w2) && b.cleaned.n == 0;
		inquiry_free(&b);
	}
	CHECK(ok, name);
	inquiry_free(&a);
	free(w1);
	free(w2);
}

static const char pdf[] =
	"BREMISCHE BÜRGERSCHAFT                          Drucksache 21/812\n"
	"Landtag                                                12.03.2024\n"
	"21. Wahlperiode\n\n"
	"Kleine Anfrage der Fraktion der FDP vom 12. März 2024\n\n"
	"Ausbau der Wasserkraft an der Weser\n\n"
	"Das Wasserkraft-\n"
	"werk am Weserwehr liefert seit über zehn Jahren Strom für\n"
	"rund 5.000 Haushalte. Nach Angaben des Betreibers1 ist eine\n"
	"Erweiterung möglich, die ins- besondere die Fischtreppe\n"
	"betrifft.\n\n"
	"Drucksache 21/812                                     – 2 –\n\n"
	"Wir fragen den Senat:\n"
	"1. Wie viel Strom hat das Wasserkraftwerk in den Jahren 2020\n"
	"bis 2023 jeweils erzeugt?\n"
	"2. Welche Pläne zur Erweiterung sind dem Senat bekannt, und\n"
	"wie bewertet er sie aus IT-Sicherheits- und Umweltsicht?\n"
	"3. Welche Kosten würden auf das Land zukommen?\n";

static void from_pdf(void)
{
	struct inquiry q;
	CHECK(rd(pdf, &q) == 0, "import: text copied out of a PDF is read");
	CHECK(q.nquestions == 3 &&
	      !strcmp(q.questions[0].paras.v[0],
	              "Wie viel Strom hat das Wasserkraftwerk in den Jahren 2020 bis 2023 jeweils erzeugt?"),
	      "import: a hard-wrapped question becomes one paragraph");
	CHECK(q.preamble.n == 1 && strstr(q.preamble.v[0], "Das Wasserkraftwerk am Weserwehr") &&
	      strstr(q.preamble.v[0], "des Betreibers ist") && strstr(q.preamble.v[0], "insbesondere"),
	      "import: hyphenation, footnote and line breaks cleaned in the preamble");
	CHECK(q.nquestions == 3 && strstr(q.questions[1].paras.v[0], "IT-Sicherheits- und Umweltsicht"),
	      "import: a suspended hyphen survives");
	CHECK(!strcmp(q.number, "21/812") && q.parliament == PARL_LANDTAG && q.kind == KIND_KLEINE &&
	      !strcmp(q.title, "Ausbau der Wasserkraft an der Weser"),
	      "import: number, parliament, kind and title from the letterhead");
	int page = 0;
	for (size_t i = 0; i < q.cleaned.n; i++)
		page |= strstr(q.cleaned.v[i], "Zeile 15: Seitenkopf oder Seitenzahl") != NULL;
	CHECK(page, "import: the page break is removed and named with its line");
	inquiry_free(&q);
	stable(pdf, "import: a cleaned PDF text written and read again stays byte for byte");
}

static void numbering(void)
{
	struct inquiry q;
	CHECK(rd("Ich frage die Landesregierung:\n\nErstens: Wie?\nZweitens: Wo?\n"
	         "a. in Bremen,\nb. in Bremerhaven?\nDrittens: Wann?\n", &q) == 0 &&
	      q.nquestions == 3 && q.questions[1].paras.n == 3 &&
	      !strcmp(q.questions[2].marker, "Drittens:"),
	      "import: 'Erstens:' numbering and 'a.' sub-items");
	inquiry_free(&q);

	CHECK(rd("Wir fragen den Senat:\n\nI. Sanierungsstand\n1. Wie viele?\n2. Wo?\n"
	         "II. Finanzierung\n3. Was kostet das?\n", &q) == 0 && q.nquestions == 3 &&
	      q.questions[0].section && !strcmp(q.questions[0].section, "I. Sanierungsstand") &&
	      !q.questions[1].section && !strcmp(q.questions[2].section, "II. Finanzierung"),
	      "import: Roman section headings, numbers running on across them");
	inquiry_free(&q);

	CHECK(rd("Wir fragen den Senat:\n\n1.1 Wie?\n1.2 Wo?\n2.1 Wann?\n\n"
	         "Zu Frage 1.1 und 1.2:\n\nSo.\n\nZu 2.1:\n\nJa.\n", &q) == 0 && q.nquestions == 3 &&
	      q.questions[2].number == 2001 && q.nanswers == 2 && covers(&q.answers[0], "1001,1002") &&
	      q.hints.n == 0, "import: decimal numbering 1.1, 1.2, 2.1 and answers to them");
	char *w = wr(&q);
	CHECK(w && strstr(w, "1.1 Wie?\n1.2 Wo?\n2.1 Wann?") && strstr(w, "Zu 2.1:\n\nJa."),
	      "import: decimal numbers written back as they were");
	free(w);
	inquiry_free(&q);

	CHECK(rd("Wir fragen den Senat:\n\n1. Wie viele?\n1. Wo genau?\n1. Wann?\n", &q) == 0 &&
	      q.nquestions == 3 && !strcmp(q.questions[2].marker, "3.") &&
	      has_hint(&q, "Alle Fragen waren mit „1.“ nummeriert"),
	      "import: a list all numbered '1.' is counted, with a hint");
	inquiry_free(&q);

	CHECK(rd("Wir fragen den Senat:\n\n1. A?\n2. B?\n2. C?\n3. D?\n", &q) == 0 &&
	      q.nquestions == 3 && has_hint(&q, "Zeile 5: „2.“ zählt nicht weiter"),
	      "import: a repeated number is a doubt with its line");
	inquiry_free(&q);

	CHECK(rd("Wir fragen den Senat:\n\n1. Wie viele?\n\nUnd warum nicht mehr?\n", &q) == 0 &&
	      has_hint(&q, "Zeile 5: Diese Zeile endet mit „?“, hat aber keine Nummer"),
	      "import: a question without a number is a doubt");
	inquiry_free(&q);

	CHECK(rd("Im Vorfeld hieß es: Warum dauert das so lange?\n\nWir fragen den Senat:\n\n1. Wann?\n",
	         &q) == 0 && has_hint(&q, "Zeile 1: Hier steht eine Frage ohne Nummer"),
	      "import: a question mark outside the questions is a doubt");
	inquiry_free(&q);
}

static void preambles(void)
{
	struct inquiry q;
	CHECK(rd("Radwege in Bremen\n\nDer Beschluss sah vor:\n1. mehr Radwege,\n2. mehr Geld.\n\n"
	         "Wir fragen den Senat:\n\n1. Was ist daraus geworden?\n", &q) == 0 &&
	      q.nquestions == 1 && q.preamble.n == 1 && strstr(q.preamble.v[0], "2. mehr Geld."),
	      "import: a numbered list before the lead-in is not the questions, even without a heading");
	inquiry_free(&q);
	CHECK(rd("Radwege in Bremen\n\nVorbemerkung der Fragesteller\nDer Senat hat viel versprochen.\n\n"
	         "Wir fragen den Senat:\n\n1. Was ist daraus geworden?\n", &q) == 0 &&
	      q.preamble_heading && !strcmp(q.preamble_heading, "Vorbemerkung der Fragesteller") &&
	      q.preamble.n == 1, "import: a preamble heading directly above its text is held apart");
	inquiry_free(&q);
	CHECK(rd("Titel der Anfrage\n\nVorbemerkung der Fragesteller:\n\n"
	         "Der Senat hatte zugesagt:\n1. mehr Personal,\n2. mehr Geld.\n\n"
	         "Damals fragten wir: „Wann kommt das Geld?“\n\n"
	         "Wir fragen den Senat:\n\n1. Was ist daraus geworden?\n", &q) == 0 &&
	      q.nquestions == 1 && q.preamble.n == 2 && !has_hint(&q, "ohne Nummer") &&
	      !strcmp(q.preamble_heading, "Vorbemerkung der Fragesteller:"),
	      "import: a numbered list and an old question in the preamble are not questions");
	inquiry_free(&q);

	CHECK(rd("Die Kleine Anfrage der Abgeordneten Eva Beispiel (SPD) vom 3. Mai 2024 hat "
	         "folgenden Wortlaut:\n\nIch frage die Landesregierung:\n\n1. Wie?\n\n"
	         "Namens der Landesregierung beantwortet der Minister die Kleine Anfrage wie folgt:\n\n"
	         "Vorbemerkung der Landesregierung:\n\nEs gilt Folgendes.\n\nZu Frage 1:\n\nSo.\n",
	         &q) == 0 && q.kind == KIND_KLEINE && q.intro && q.senate_leadin &&
	      strstr(q.senate_leadin, "Namens der Landesregierung") && q.senate_preamble.n == 1 &&
	      !strcmp(q.senate_preamble_heading, "Vorbemerkung der Landesregierung:") &&
	      q.nanswers == 1 && q.answers[0].paras.n == 1,
	      "import: another Land's lead-ins and the government's preamble");
	inquiry_free(&q);
}

static void answers(void)
{
	struct inquiry q;
	CHECK(rd("Wir fragen den Senat:\n\n1. Wie viele Turnhallen sind gesperrt?\n"
	         "2. Wann beginnt die Sanierung der Hallen?\n\nAntwort des Senats\n\n"
	         "1. Wie viele Turnhallen sind gesperrt?\n\nVier.\n\n"
	         "2. Wann beginnt die Sanierung der Hallen?\n\nIm März.\n", &q) == 0 &&
	      q.nquestions == 2 && q.nanswers == 2 && q.answers[0].paras.n == 1 &&
	      !strcmp(q.answers[1].paras.v[0], "Im März.") && !strcmp(q.answers[1].heading, "Zu Frage 2:"),
	      "import: questions repeated above their answers are counted once");
	inquiry_free(&q);

	CHECK(rd("Wir fragen den Senat:\n\n1. A?\n2. B?\n3. C?\n4. D?\n\n"
	         "Der Senat beantwortet die Anfrage wie folgt:\n\nZu Frage 1:\n\nEins.\n\n"
	         "Zu Frage 2:\n\nZu Frage 3:\n\nZu Frage 4:\n\n"
	         "Die Fragen 2 bis 4 werden gemeinsam beantwortet.\n\nGemeinsam.\n", &q) == 0 &&
	      q.nanswers == 2 && covers(&q.answers[1], "2,3,4") &&
	      !strcmp(q.answers[1].heading, "Zu den Fragen 2 bis 4:") && q.answers[1].paras.n == 2,
	      "import: 'Die Fragen 2 bis 4 werden gemeinsam beantwortet' under the last of them");
	inquiry_free(&q);

	CHECK(rd("Wir fragen den Senat:\n\n1. A?\n2. B?\n\nAntwort des Senats Zu Frage 1: Ja.\n\n"
	         "Antwort zu Frage 2: Nein.\n", &q) == 0 && q.nanswers == 2 &&
	      !strcmp(q.answers[0].paras.v[0], "Ja.") && !strcmp(q.senate_leadin, "Antwort des Senats"),
	      "import: a heading run on into the Senate's line");
	inquiry_free(&q);

	CHECK(rd("Frage 1: Wie viele Anträge gab es?\nAntwort: 120 Anträge.\n"
	         "Frage 2: Wie viele wurden bewilligt?\nAntwort: 80.\n", &q) == 0 &&
	      q.nquestions == 2 && q.nanswers == 2 && !strcmp(q.answers[1].paras.v[0], "80."),
	      "import: 'Antwort:' directly under each question");
	inquiry_free(&q);

	CHECK(rd("Wir fragen den Senat:\n\n1. Wie viele Anträge gab es?\n"
	         "Es gab 120 Anträge.\n2. Wie viele wurden bewilligt?\nBewilligt wurden 80.\n", &q) == 0 &&
	      q.nquestions == 2 && q.nanswers == 2 && q.questions[0].paras.n == 1 &&
	      !strcmp(q.answers[0].paras.v[0], "Es gab 120 Anträge.") &&
	      has_hint(&q, "ohne Überschrift"),
	      "import: answers directly below their questions, no heading at all");
	inquiry_free(&q);

	CHECK(rd("Wir fragen den Senat:\n\n1. A?\n2. B?\n\nZu Frage 1:\n\nSiehe Antwort zu Frage 2.\n\n"
	         "Zu Frage 2:\n\nSo.\n", &q) == 0 && q.nanswers == 2 &&
	      !strcmp(q.answers[0].paras.v[0], "Siehe Antwort zu Frage 2."),
	      "import: an answer that refers elsewhere is an answer");
	inquiry_free(&q);

	CHECK(rd("Die Fraktion der SPD zieht ihre Anfrage vom 3. Mai 2024 zurück.\n", &q) == 0 &&
	      q.nquestions == 0 && has_hint(&q, "keine nummerierten Fragen"),
	      "import: a withdrawal notice has no questions, and says so");
	inquiry_free(&q);
}

static void collections(void)
{
	const char *text = "Fragestunde der Stadtbürgerschaft\n\n"
	                   "Anfrage 1: Turnhallen\n\nWir fragen den Senat:\n\n1. Wie viele?\n\n"
	                   "Anfrage 2: Radwege\n\nWir fragen den Senat:\n\n1. Wie lang?\n2. Wo?\n";
	struct inquiry *all = NULL, one;
	struct aw_error err;
	size_t n = 0;
	CHECK(reader_read_all(text, strlen(text), "t.txt", NULL, &all, &n, &err) == 0 && n == 2 &&
	      !strcmp(all[1].title, "Radwege") && all[1].nquestions == 2 &&
	      all[0].kind == KIND_FRAGESTUNDE && all[1].parliament == PARL_STADT,
	      "import: a file of several inquiries is read as several");
	for (size_t i = 0; i < n; i++)
		inquiry_free(&all[i]);
	free(all);
	CHECK(reader_read(text, strlen(text), "t.txt", NULL, &one, &err) == AW_EMANY &&
	      !strcmp(err.detail, "2"), "import: reading one inquiry from a collection is refused");
}

void test_import(void)
{
	from_pdf();
	numbering();
	preambles();
	answers();
	collections();
}
