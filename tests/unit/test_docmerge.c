/* test_docmerge.c: three-way merge of an inquiry part by part, the
 * conflict markers it leaves, and finding them again. */
#include "harness.h"
#include "buf.h"
#include "docmerge.h"
#include "reader.h"
#include "writer.h"

#include <stdlib.h>

#define OURS   "Ihre Fassung"
#define THEIRS "Fassung von origin/main"

static const char base_text[] =
	"Vorlage für die Sitzung des Senats am 14.5.2024\n\n"
	"„Frage für die Fragestunde – L7 “Wasserstoffbusse““\n\n"
	"Die Fraktion der CDU hat folgende Anfrage für die Fragestunde der "
	"Bürgerschaft (Land) an den Senat gestellt:\n\n"
	"Vorbemerkung der Fragesteller:\n\n"
	"Bremen erprobt Busse mit Wasserstoff.\n\n"
	"Wir fragen den Senat:\n\n"
	"1. Wie viele Busse gibt es?\n"
	"2. Was kosten sie?\n"
	"3. Wie zuverlässig sind sie?\n"
	"4. Werden es mehr?\n\n"
	"Der Senat beantwortet die Anfrage wie folgt:\n\n"
	"Vorbemerkung des Senats:\n\n"
	"Der Senat begrüßt die Anfrage.\n\n"
	"Zu Frage 1:\n\nZwölf Busse.\n\n"
	"Zu Frage 2:\n\nRund 1,90 Euro je Kilometer.\n\n"
	"Zu Frage 3:\n\nSie standen an 87 Prozent der Tage bereit.\n\n"
	"Zu Frage 4:\n\nDas entscheidet der Senat 2025.\n";

/* text with each from[i] replaced by to[i] (n pairs), newly allocated. */
static char *edited(const char *text, const char *const *pairs, size_t n)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, text);
	for (size_t i = 0; i < 2 * n; i += 2) {
		char *at = b.s ? strstr(b.s, pairs[i]) : NULL;
		if (!at) {
			printf("  not in the text: %s\n", pairs[i]);
			continue;
		}
		struct buf c = BUF_INIT;
		buf_add(&c, b.s, (size_t)(at - b.s));
		buf_adds(&c, pairs[i + 1]);
		buf_adds(&c, at + strlen(pairs[i]));
		buf_free(&b);
		b = c;
	}
	return buf_take(&b);
}

/* Reads the base text with the given replacements into q. */
static int version(struct inquiry *q, const char *const *pairs, size_t n)
{
	char *text = edited(base_text, pairs, n);
	struct aw_error err;
	int rc = text ? reader_read(text, strlen(text), "t.txt", NULL, q, &err) : -1;
	free(text);
	if (rc)
		inquiry_init(q);
	return rc;
}

/* The paragraphs joined with " | ", for one comparison. */
static const char *joined(const struct strlist *l)
{
	static char s[4096];
	size_t n = 0;
	s[0] = '\0';
	for (size_t i = 0; i < l->n && n < sizeof s; i++)
		n += (size_t)snprintf(s + n, sizeof s - n, "%s%s", i ? " | " : "", l->v[i]);
	return s;
}

static const char *answer_text(const struct inquiry *q, size_t i)
{
	return i < q->nanswers ? joined(&q->answers[i].paras) : "(keine Antwort)";
}

/* Written and read again, the merge gives the same model. */
static int round_trip(const struct inquiry *q)
{
	struct buf b = BUF_INIT;
	struct inquiry r;
	struct aw_error err;
	int ok = !writer_write(q, &b) && b.s &&
	         !reader_read(b.s, b.len, "merged.txt", NULL, &r, &err);
	if (ok) {
		ok = inquiry_equal(q, &r);
		inquiry_free(&r);
	}
	if (!ok)
		printf("  not the same after writing and reading:\n%s\n", b.s ? b.s : "");
	buf_free(&b);
	return ok;
}

/* Merges the base text edited by ours and theirs pairs; 0 on success. */
static int merge_edits(const char *const *ours, size_t no, const char *const *theirs, size_t nt,
                       int with_base, struct inquiry *out, struct strlist *conflicts)
{
	struct inquiry b, o, t;
	int rc = version(&b, NULL, 0) | version(&o, ours, no) | version(&t, theirs, nt);
	inquiry_init(out);
	if (!rc)
		rc = docmerge(with_base ? &b : NULL, &o, &t, OURS, THEIRS, out, conflicts);
	inquiry_free(&b);
	inquiry_free(&o);
	inquiry_free(&t);
	return rc;
}

#define N(a) (sizeof (a) / sizeof *(a) / 2)

static void clean_merges(void)
{
	struct inquiry m;
	struct strlist c = STRLIST_INIT;
	static const char *const o1[] = {"Zwölf Busse.", "Vierzehn Busse."};
	static const char *const t3[] = {"Sie standen an 87 Prozent", "Sie standen an 91 Prozent"};

	CHECK(merge_edits(o1, N(o1), t3, N(t3), 1, &m, &c) == 0,
	      "docmerge: two different answers changed merge");
	CHECK(c.n == 0, "docmerge: different answers changed: no conflict");
	CHECK_STR(answer_text(&m, 0), "Vierzehn Busse.", "docmerge: ours' change of answer 1 kept");
	CHECK_STR(answer_text(&m, 2), "Sie standen an 91 Prozent der Tage bereit.",
	          "docmerge: theirs' change of answer 3 taken");
	CHECK(m.nanswers == 4 && !strcmp(m.answers[1].heading, "Zu Frage 2:") &&
	      !strcmp(answer_text(&m, 1), "Rund 1,90 Euro je Kilometer."),
	      "docmerge: the answer neither changed stays as it was");
	CHECK(round_trip(&m), "docmerge: a clean merge reads back as written");
	inquiry_free(&m);

	static const char *const same[] = {"Rund 1,90 Euro", "Rund 2,10 Euro"};
	CHECK(merge_edits(same, N(same), same, N(same), 1, &m, &c) == 0 && c.n == 0,
	      "docmerge: the same answer changed alike: no conflict");
	CHECK_STR(answer_text(&m, 1), "Rund 2,10 Euro je Kilometer.",
	          "docmerge: the same answer changed alike: the change once");
	inquiry_free(&m);

	static const char *const title[] = {"“Wasserstoffbusse““", "“Wasserstoffbusse in Bremen““"};
	CHECK(merge_edits(NULL, 0, title, N(title), 1, &m, &c) == 0 && c.n == 0,
	      "docmerge: a title changed by theirs only: no conflict");
	CHECK_STR(m.title, "Wasserstoffbusse in Bremen", "docmerge: theirs' title taken");
	CHECK_STR(m.title_line, "„Frage für die Fragestunde – L7 “Wasserstoffbusse in Bremen““",
	          "docmerge: theirs' title line taken with it");
	inquiry_free(&m);

	/* Ours the title, theirs the number: the line is made anew. */
	static const char *const number[] = {"– L7 ", "– L9 "};
	CHECK(merge_edits(title, N(title), number, N(number), 1, &m, &c) == 0 && c.n == 0,
	      "docmerge: title and number changed on different sides: no conflict");
	CHECK(m.number && !strcmp(m.number, "L9") && m.title &&
	      !strcmp(m.title, "Wasserstoffbusse in Bremen"),
	      "docmerge: ours' title and theirs' number both kept");
	CHECK_STR(m.title_line, "„Frage für die Fragestunde – L9 “Wasserstoffbusse in Bremen““",
	          "docmerge: the title line says both");
	CHECK(round_trip(&m), "docmerge: the title line made anew reads back");
	inquiry_free(&m);

	static const char *const date[] = {"am 14.5.2024", "am 21.5.2024"};
	static const char *const askers[] = {"Die Fraktion der CDU hat", "Die Fraktion der FDP hat"};
	CHECK(merge_edits(date, N(date), askers, N(askers), 1, &m, &c) == 0 && c.n == 0 &&
	      m.session_day == 21 && m.askers && !strcmp(m.askers, "Fraktion der FDP") &&
	      m.intro && strstr(m.intro, "Fraktion der FDP") &&
	      !strcmp(m.session_line, "Vorlage für die Sitzung des Senats am 21.5.2024"),
	      "docmerge: session date from ours, askers from theirs");
	inquiry_free(&m);
	strlist_free(&c);
}

static void conflicts(void)
{
	struct inquiry m;
	struct strlist c = STRLIST_INIT;
	static const char *const o2[] = {"Rund 1,90 Euro", "Rund 2,10 Euro"};
	static const char *const t2[] = {"Rund 1,90 Euro", "Etwa 1,95 Euro"};

	CHECK(merge_edits(o2, N(o2), t2, N(t2), 1, &m, &c) == 0,
	      "docmerge: one answer changed differently merges");
	CHECK_STR(answer_text(&m, 1),
	          "<<<<<<< Ihre Fassung | Rund 2,10 Euro je Kilometer. | ======= | "
	          "Etwa 1,95 Euro je Kilometer. | >>>>>>> Fassung von origin/main",
	          "docmerge: both versions between the markers, each a paragraph");
	CHECK(c.n == 1 && !strcmp(c.v[0], "Zu Frage 2"), "docmerge: the conflict is named 'Zu Frage 2'");
	CHECK_STR(answer_text(&m, 0), "Zwölf Busse.", "docmerge: the other answers untouched");
	CHECK(round_trip(&m), "docmerge: the markers survive writing and reading");
	struct strlist l = STRLIST_INIT;
	CHECK(docmerge_markers(&m, &l) == 0 && l.n == 1 && !strcmp(l.v[0], "Zu Frage 2"),
	      "docmerge_markers: finds the answer with markers");
	strlist_free(&l);
	inquiry_free(&m);
	strlist_free(&c);

	static const char *const os[] = {"Der Senat begrüßt die Anfrage.", "Der Senat dankt."};
	static const char *const ts[] = {"Der Senat begrüßt die Anfrage.",
	                                 "Der Senat begrüßt die Anfrage sehr.\n\nZweiter Absatz."};
	CHECK(merge_edits(os, N(os), ts, N(ts), 1, &m, &c) == 0 && c.n == 1 &&
	      !strcmp(c.v[0], "Vorbemerkung des Senats"),
	      "docmerge: a conflict in the Senate's preamble is named");
	CHECK_STR(joined(&m.senate_preamble),
	          "<<<<<<< Ihre Fassung | Der Senat dankt. | ======= | "
	          "Der Senat begrüßt die Anfrage sehr. | Zweiter Absatz. | "
	          ">>>>>>> Fassung von origin/main",
	          "docmerge: the Senate's preamble holds both versions");
	CHECK(round_trip(&m), "docmerge: a conflict in the Senate's preamble reads back");
	inquiry_free(&m);
	strlist_free(&c);

	static const char *const op[] = {"erprobt Busse", "testet Busse"};
	static const char *const tp[] = {"erprobt Busse", "kauft Busse"};
	CHECK(merge_edits(op, N(op), tp, N(tp), 1, &m, &c) == 0 && c.n == 1 &&
	      !strcmp(c.v[0], "Vorbemerkung der Fragesteller") && m.preamble.n == 5 &&
	      round_trip(&m),
	      "docmerge: a conflict in the askers' preamble is named and reads back");
	inquiry_free(&m);
	strlist_free(&c);

	static const char *const oq[] = {"2. Was kosten sie?", "2. Was kosten sie je Kilometer?"};
	static const char *const tq[] = {"2. Was kosten sie?", "2. Was kostet ein Bus?"};
	CHECK(merge_edits(oq, N(oq), tq, N(tq), 1, &m, &c) == 0 && c.n == 1 &&
	      !strcmp(c.v[0], "Frage 2"), "docmerge: a conflict in a question is named 'Frage 2'");
	CHECK(m.nquestions == 4 && !strcmp(joined(&m.questions[1].paras),
	                                   "<<<<<<< Ihre Fassung | Was kosten sie je Kilometer? | "
	                                   "======= | Was kostet ein Bus? | "
	                                   ">>>>>>> Fassung von origin/main"),
	      "docmerge: the question holds both versions");
	CHECK(round_trip(&m), "docmerge: a conflict in a question reads back");
	inquiry_free(&m);
	strlist_free(&c);

	static const char *const ot[] = {"“Wasserstoffbusse““", "“Busse““"};
	static const char *const tt[] = {"“Wasserstoffbusse““", "“Wasserstoff““"};
	CHECK(merge_edits(ot, N(ot), tt, N(tt), 1, &m, &c) == 0 && c.n == 1 &&
	      !strcmp(c.v[0], "Titel") && m.title && !strcmp(m.title, "Busse"),
	      "docmerge: the title changed differently: ours kept, 'Titel' named");
	inquiry_free(&m);
	strlist_free(&c);
}

static void structure(void)
{
	struct inquiry m;
	struct strlist c = STRLIST_INIT;
	static const char *const joint[] = {
		"Zu Frage 1:\n\nZwölf Busse.\n\nZu Frage 2:\n\nRund 1,90 Euro je Kilometer.",
		"Zu Frage 1 und 2:\n\nZwölf Busse für rund 1,90 Euro je Kilometer."};
	static const char *const t3[] = {"Sie standen an 87 Prozent", "Sie standen an 91 Prozent"};
	static const char *const t1[] = {"Zwölf Busse.", "Vierzehn Busse."};

	CHECK(merge_edits(joint, N(joint), t3, N(t3), 1, &m, &c) == 0 && c.n == 0,
	      "docmerge: ours joined answers 1 and 2, theirs changed 3: no conflict");
	CHECK(m.nanswers == 3 && m.answers[0].ncovers == 2 &&
	      !strcmp(m.answers[0].heading, "Zu Frage 1 und 2:") &&
	      !strcmp(answer_text(&m, 0), "Zwölf Busse für rund 1,90 Euro je Kilometer.") &&
	      !strcmp(answer_text(&m, 1), "Sie standen an 91 Prozent der Tage bereit."),
	      "docmerge: the joint answer and theirs' change of answer 3 both kept");
	CHECK(round_trip(&m), "docmerge: a joint answer merged reads back");
	inquiry_free(&m);

	CHECK(merge_edits(joint, N(joint), t1, N(t1), 1, &m, &c) == 0,
	      "docmerge: ours joined answers 1 and 2, theirs changed 1: merges");
	CHECK(m.nanswers == 3 && !strcmp(answer_text(&m, 0),
	                                 "Zwölf Busse für rund 1,90 Euro je Kilometer. | "
	                                 "<<<<<<< Ihre Fassung | ======= | Vierzehn Busse. | "
	                                 ">>>>>>> Fassung von origin/main"),
	      "docmerge: theirs' answer 1 kept in a conflict block under the joint answer");
	CHECK(c.n == 1 && !strcmp(c.v[0], "Zu Frage 1 und 2"),
	      "docmerge: the joint answer that holds it is named");
	CHECK(round_trip(&m), "docmerge: the kept answer reads back");
	inquiry_free(&m);
	strlist_free(&c);

	/* The other way round: theirs' structure, ours' lost text. */
	CHECK(merge_edits(t1, N(t1), joint, N(joint), 1, &m, &c) == 0 && c.n == 1 &&
	      !strcmp(c.v[0], "Zu Frage 1 und 2") && m.nanswers == 3 &&
	      !strcmp(answer_text(&m, 0), "Zwölf Busse für rund 1,90 Euro je Kilometer. | "
	                                  "<<<<<<< Ihre Fassung | Vierzehn Busse. | ======= | "
	                                  ">>>>>>> Fassung von origin/main"),
	      "docmerge: theirs joined answers 1 and 2, ours' change of 1 kept in a block");
	inquiry_free(&m);
	strlist_free(&c);

	/* Ours dropped question 4 and its answer; theirs reworded it. */
	static const char *const drop[] = {"\n4. Werden es mehr?", "",
	                                   "\n\nZu Frage 4:\n\nDas entscheidet der Senat 2025.", ""};
	static const char *const q4[] = {"4. Werden es mehr?", "4. Werden es bald mehr?"};
	CHECK(merge_edits(drop, N(drop), q4, N(q4), 1, &m, &c) == 0 && c.n == 1 &&
	      !strcmp(c.v[0], "Frage 4") && m.nquestions == 4 &&
	      !strcmp(joined(&m.questions[3].paras),
	              "<<<<<<< Ihre Fassung | ======= | Werden es bald mehr? | "
	              ">>>>>>> Fassung von origin/main"),
	      "docmerge: a question dropped by ours but changed by theirs comes back");
	CHECK(round_trip(&m), "docmerge: a question brought back reads back");
	inquiry_free(&m);
	strlist_free(&c);

	CHECK(merge_edits(drop, N(drop), NULL, 0, 1, &m, &c) == 0 && c.n == 0 &&
	      m.nquestions == 3 && m.nanswers == 3,
	      "docmerge: a question dropped by ours alone stays dropped");
	inquiry_free(&m);
	strlist_free(&c);
}

static void without_base(void)
{
	struct inquiry m;
	struct strlist c = STRLIST_INIT;
	static const char *const o2[] = {"Rund 1,90 Euro", "Rund 2,10 Euro"};
	static const char *const title[] = {"“Wasserstoffbusse““", "“Busse““"};

	CHECK(merge_edits(NULL, 0, NULL, 0, 0, &m, &c) == 0 && c.n == 0,
	      "docmerge: without a base, equal versions merge cleanly");
	inquiry_free(&m);

	CHECK(merge_edits(o2, N(o2), title, N(title), 0, &m, &c) == 0,
	      "docmerge: without a base, differing versions merge");
	CHECK(c.n == 2 && !strcmp(c.v[0], "Titel") && !strcmp(c.v[1], "Zu Frage 2"),
	      "docmerge: without a base, every part that differs is a conflict");
	CHECK_STR(answer_text(&m, 1),
	          "<<<<<<< Ihre Fassung | Rund 2,10 Euro je Kilometer. | ======= | "
	          "Rund 1,90 Euro je Kilometer. | >>>>>>> Fassung von origin/main",
	          "docmerge: without a base, both versions of the answer kept");
	CHECK_STR(m.title, "Wasserstoffbusse", "docmerge: without a base, ours' title kept");
	CHECK(round_trip(&m), "docmerge: a merge without base reads back");
	inquiry_free(&m);
	strlist_free(&c);
}

/* Two documents that share no history (each reads its head its own
 * way): nothing of theirs is lost, and the result reads back as itself. */
static void unrelated(void)
{
	static const char other[] =
		"Kleine Anfrage der Fraktion DIE LINKE vom 12. März 2024\n\n"
		"„Barrierefreie Bushaltestellen“\n\n"
		"In Bremerhaven fehlen erhöhte Bordsteine.\n\n"
		"Wir fragen den Senat:\n\n"
		"1. Wie viele Haltestellen sind barrierefrei?\n"
		"2. Welche werden 2025 umgebaut?\n";
	struct inquiry o, t, m;
	struct strlist c = STRLIST_INIT;
	struct aw_error err;
	struct buf w = BUF_INIT;
	inquiry_init(&m);
	int rc = version(&o, NULL, 0) | reader_read(other, strlen(other), "t.txt", NULL, &t, &err);
	CHECK(!rc && docmerge(NULL, &o, &t, OURS, THEIRS, &m, &c) == 0 && c.n > 0,
	      "docmerge: two unrelated documents merge with conflicts");
	CHECK(round_trip(&m), "docmerge: the merge of unrelated documents reads back as itself");
	int kept = !writer_write(&m, &w) && w.s && strstr(w.s, "Kleine Anfrage der Fraktion DIE LINKE") &&
	           strstr(w.s, "In Bremerhaven fehlen erhöhte Bordsteine.") &&
	           strstr(w.s, "Welche werden 2025 umgebaut?") &&
	           strstr(w.s, "Das entscheidet der Senat 2025.");
	CHECK(kept, "docmerge: the text of both unrelated documents is kept");
	buf_free(&w);
	strlist_free(&c);
	inquiry_free(&m);
	inquiry_free(&o);
	inquiry_free(&t);
}

static void extras(void)
{
	struct inquiry m;
	struct strlist c = STRLIST_INIT;
	static const char *const oe[] = {
		"am 14.5.2024\n\n", "am 14.5.2024\n\nEingang Senatskanzlei: 02.05.2024\n\n"};
	static const char *const te[] = {
		"am 14.5.2024\n\n", "am 14.5.2024\n\nEingang Senatskanzlei: 03.05.2024\n\n"};
	CHECK(merge_edits(oe, N(oe), te, N(te), 1, &m, &c) == 0 && c.n == 1 &&
	      !strcmp(c.v[0], "Übriger Text") && m.nextras == 2 &&
	      !strcmp(m.extras[0].text, "Eingang Senatskanzlei: 02.05.2024") &&
	      !strcmp(m.extras[1].text, "Eingang Senatskanzlei: 03.05.2024"),
	      "docmerge: blocks kept verbatim added on both sides: both kept, 'Übriger Text'");
	CHECK(round_trip(&m), "docmerge: blocks kept verbatim read back");
	inquiry_free(&m);
	strlist_free(&c);

	CHECK(merge_edits(NULL, 0, te, N(te), 1, &m, &c) == 0 && c.n == 0 && m.nextras == 1,
	      "docmerge: a block added by theirs alone is taken");
	inquiry_free(&m);
	strlist_free(&c);
}

static void markers(void)
{
	struct inquiry q;
	struct strlist l = STRLIST_INIT;
	CHECK(version(&q, NULL, 0) == 0 && docmerge_markers(&q, &l) == 0 && l.n == 0,
	      "docmerge_markers: none in a document without markers");
	inquiry_free(&q);

	static const char *const m[] = {
		"Bremen erprobt Busse mit Wasserstoff.",
		"<<<<<<< Ihre Fassung\n\nBremen erprobt Busse.\n\n=======\n\n>>>>>>> x",
		"3. Wie zuverlässig sind sie?",
		"3. Wie zuverlässig sind sie?\n<<<<<<< Ihre Fassung\n=======\nWie oft fallen sie aus?\n>>>>>>> x",
		"Zwölf Busse.", "<<<<<<< Ihre Fassung\n\nZwölf Busse.\n\n=======\n\nVierzehn.\n\n>>>>>>> x",
		"Das entscheidet der Senat 2025.", "Der Wert ======= steht im Satz."};
	CHECK(version(&q, m, N(m)) == 0 && docmerge_markers(&q, &l) == 0 && l.n == 3 &&
	      !strcmp(l.v[0], "Vorbemerkung der Fragesteller") && !strcmp(l.v[1], "Frage 3") &&
	      !strcmp(l.v[2], "Zu Frage 1"),
	      "docmerge_markers: the preamble, question and answer with markers, in order");
	inquiry_free(&q);
	strlist_free(&l);

	static const char *const yes[] = {
		"<<<<<<< Ihre Fassung\na\n=======\nb\n>>>>>>> Fassung von origin/main",
		"Text\n<<<<<<< x\n=======\n>>>>>>>",
		"a\r\n<<<<<<< x\r\n=======\r\n>>>>>>> y\r\nb",
		"x\n<<<<<<< Ihre Fassung\n\n=======\n\n>>>>>>> z\n",
		"======= \n<<<<<<< a\n======= \nb\n>>>>>>> c"};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		char name[128];
		snprintf(name, sizeof name, "docmerge_text_has_markers: finds the marker in text %zu", i);
		CHECK(docmerge_text_has_markers(yes[i], strlen(yes[i])) == 1, name);
	}
	static const char *const no[] = {
		"", "Der Wert ======= steht im Satz.", "========\n", "x <<<<<<< y\n",
		">>>>>>>> z", "<<<<<<<<", "======x",
		/* single markers, or out of order: a Markdown heading's underline */
		"Hinweis\n=======\n\nText.", "x\n<<<<<<< Ihre Fassung\n", ">>>>>>> Fassung von origin/main",
		">>>>>>> a\n=======\n<<<<<<< b"};
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		char name[128];
		snprintf(name, sizeof name, "docmerge_text_has_markers: no marker in text %zu", i);
		CHECK(docmerge_text_has_markers(no[i], strlen(no[i])) == 0, name);
	}
	CHECK(docmerge_text_has_markers("ab\n=======\n", 6) == 0,
	      "docmerge_text_has_markers: reads no further than len");
}

void test_docmerge(void)
{
	clean_merges();
	conflicts();
	structure();
	without_base();
	unrelated();
	extras();
	markers();
}
