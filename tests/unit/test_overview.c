/* test_overview.c: the editor's list of inquiries (overview.c) over a real
 * workspace: the fields each row reads from the working file, the newest
 * version from one history walk (checked against ws_log()), the order,
 * and a broken document that becomes a row with a problem. */
#include "harness.h"
#include "overview.h"
#include "reader.h"
#include "workspace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A fixture and what a careful reader counts in it by hand. */
struct expect {
	const char *file;
	const char *number, *title, *kind;
	size_t answered, questions;
};

static const struct expect fixtures[] = {
	{"01-fragestunde-landtag.txt", "L2", "Deichschutz an der Unterweser", "Fragestunde", 3, 3},
	{"02-kleine-anfrage-vorlage.txt", "21/345", "Sichere Radwege auf Bremer Schulwegen",
	 "Kleine Anfrage", 5, 5},   /* "Zu Frage 1 und 2", "Zu den Fragen 3 bis 5" */
	{"03-grosse-anfrage-unterpunkte.txt", "21/402", "Kitaplätze für alle Kinder im Land Bremen",
	 "Große Anfrage", 4, 4},
	{"05-anfrage-mit-kopf-ohne-antworten.txt", "L5",
	 "Landstrom für Kreuzfahrtschiffe in Bremerhaven", "Fragestunde", 0, 3},
	{"15-nur-einige-fragen-beantwortet.txt", "21/410", "Sirenen für den Katastrophenschutz",
	 "Kleine Anfrage", 3, 5},   /* 2 and "3 und 4" answered, 1 and 5 empty */
	{"16-nicht-zusammenhaengende-fragen.txt", "21/431", "Güterverkehr auf der Hafenbahn",
	 "Kleine Anfrage", 5, 5},   /* "1, 3 und 5", "2 und 4" */
};
#define NFIX (sizeof fixtures / sizeof *fixtures)

static int read_fixture(const char *name, struct inquiry *q)
{
	char path[4096];
	struct aw_error err;
	size_t len;
	snprintf(path, sizeof path, "%s/%s", harness_fixtures(), name);
	char *text = harness_slurp(path, &len);
	int rc = text ? reader_read(text, len, name, NULL, q, &err) : -1;
	free(text);
	return rc;
}

static const struct overview_row *find(const struct overview_row *rows, size_t n,
                                       const char *slug)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(rows[i].slug, slug))
			return &rows[i];
	return NULL;
}

static int eq(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

/* Replaces the paragraphs of the answer covering question num. */
static void set_answer(struct inquiry *q, int num, const char *text)
{
	for (size_t i = 0; i < q->nanswers; i++)
		for (size_t k = 0; k < q->answers[i].ncovers; k++)
			if (q->answers[i].covers[k] == num) {
				strlist_free(&q->answers[i].paras);
				strlist_add(&q->answers[i].paras, text);
				return;
			}
}

static void doc_file(struct workspace *ws, const char *slug, char *out, size_t size)
{
	char rel[WS_PATH_MAX];
	snprintf(out, size, "%s%s", ws_root(ws), ws_doc_path(slug, rel));
}

void test_overview(void)
{
	char dir[4096], home[4200], cfg[4300], wsdir[4200];
	struct aw_error err;
	struct overview_row *rows = NULL;
	size_t n = 0;
	char slugs[NFIX][SLUG_MAX + 1];

	if (harness_tempdir("overview-unit", dir, sizeof dir)) {
		SKIP("overview: all", "no temporary folder");
		return;
	}
	snprintf(home, sizeof home, "%s/home", dir);
	snprintf(cfg, sizeof cfg, "%s/.gitconfig", home);
	snprintf(wsdir, sizeof wsdir, "%s/ws", dir);
	mkdir(home, 0700);
	FILE *f = fopen(cfg, "w");
	if (f) {
		fputs("[user]\n\tname = Anna Müller\n\temail = anna@example.org\n", f);
		fclose(f);
	}
	char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	setenv("HOME", home, 1);

	struct workspace *ws = NULL;
	if (ws_init(wsdir, &err) || ws_open(wsdir, &ws, &err)) {
		CHECK(0, "overview: a workspace to test in");
		goto out;
	}
	static struct overview_row dummy;
	rows = &dummy; /* must be reset */
	CHECK(overview_load(ws, &rows, &n, &err) == 0 && n == 0 && rows == NULL,
	      "overview: an empty workspace gives no rows");

	time_t t0 = time(NULL);
	int imported = 1;
	for (size_t i = 0; i < NFIX; i++) {
		struct inquiry q;
		struct ws_saved s = {0};
		inquiry_init(&q);
		if (read_fixture(fixtures[i].file, &q) || ws_import(ws, &q, slugs[i], &s, &err))
			imported = 0;
		ws_saved_free(&s);
		inquiry_free(&q);
	}
	CHECK(imported, "overview: the fixtures are imported");
	if (!imported)
		goto close;

	CHECK(overview_load(ws, &rows, &n, &err) == 0 && n == NFIX, "overview: one row per inquiry");
	int fields = 1, versions = 1;
	for (size_t i = 0; i < NFIX && n == NFIX; i++) {
		const struct expect *x = &fixtures[i];
		const struct overview_row *r = find(rows, n, slugs[i]);
		if (!r || !eq(r->number, x->number) || !eq(r->title, x->title) ||
		    !eq(r->kind, x->kind) || r->answered != x->answered ||
		    r->questions != x->questions || r->problem) {
			printf("  %s: %s / %s / %s / %zu/%zu\n", x->file, r && r->number ? r->number : "-",
			       r && r->title ? r->title : "-", r && r->kind ? r->kind : "-",
			       r ? r->answered : 0, r ? r->questions : 0);
			fields = 0;
		}
		/* The one walk must agree with ws_log()'s newest version. */
		struct ws_version *log = NULL;
		size_t nl = 0;
		if (!r || ws_log(ws, slugs[i], &log, &nl, &err) || !nl || strcmp(log[0].id, r->id) ||
		    log[0].time != r->time || log[0].tz != r->tz || strcmp(log[0].author, r->author) ||
		    r->time < (long long)t0)
			versions = 0;
		free(log);
	}
	CHECK(fields, "overview: numbers, titles, kinds and answered counts are exact");
	CHECK(versions, "overview: each row's last change is ws_log()'s newest version");
	CHECK(n == NFIX && eq(rows[0].author, "Anna Müller"), "overview: the author is named");
	/* Imported one after the other: the last import is the newest change,
	 * even within the same second. */
	int order = n == NFIX;
	for (size_t i = 0; order && i < NFIX; i++)
		order = !strcmp(rows[i].slug, slugs[NFIX - 1 - i]);
	CHECK(order, "overview: newest change first");
	overview_free(rows, n);

	/* Saving the oldest one again puts it first. */
	{
		struct inquiry q;
		struct ws_saved s = {0};
		inquiry_init(&q);
		read_fixture(fixtures[0].file, &q);
		set_answer(&q, 1, "Die Arbeiten sind abgeschlossen.");
		CHECK(ws_save(ws, slugs[0], &q, NULL, &s, &err) == 0 && s.committed,
		      "overview: one inquiry saved again");
		CHECK(overview_load(ws, &rows, &n, &err) == 0 && n == NFIX &&
		      !strcmp(rows[0].slug, slugs[0]) && !strcmp(rows[0].id, s.id) &&
		      !strcmp(rows[1].slug, slugs[NFIX - 1]),
		      "overview: the inquiry saved again comes first, the rest keep their order");
		overview_free(rows, n);
		ws_saved_free(&s);
		inquiry_free(&q);
	}

	/* An answer of nothing but (no-break) spaces answers nothing; the
	 * other answer of a combined pair still counts for both. */
	{
		struct inquiry q;
		struct ws_saved s = {0};
		inquiry_init(&q);
		read_fixture(fixtures[5].file, &q);
		set_answer(&q, 1, "\xc2\xa0 \xc2\xa0");
		CHECK(ws_save(ws, slugs[5], &q, NULL, &s, &err) == 0,
		      "overview: an answer blanked out is saved");
		const struct overview_row *r = NULL;
		CHECK(overview_load(ws, &rows, &n, &err) == 0 && (r = find(rows, n, slugs[5])) &&
		      r->answered == 2 && r->questions == 5 && r == &rows[0],
		      "overview: a blank answer answers none of the questions it covers");
		overview_free(rows, n);
		ws_saved_free(&s);
		inquiry_free(&q);
	}

	/* The working file is what counts, saved or not; the last change stays
	 * the last version. */
	{
		char path[4400];
		doc_file(ws, slugs[3], path, sizeof path);
		char *text = harness_slurp(path, NULL);
		char *at = text ? strstr(text, "Zu Frage 2:\n\n") : NULL;
		int ok = 0;
		if (at) {
			FILE *g = fopen(path, "w");
			if (g) {
				fwrite(text, 1, (size_t)(at - text) + strlen("Zu Frage 2:\n\n"), g);
				fputs("Aus technischen Gründen.\n", g);
				fputs(at + strlen("Zu Frage 2:\n\n"), g);
				ok = fclose(g) == 0;
			}
		}
		free(text);
		const struct overview_row *r = NULL;
		CHECK(ok && overview_load(ws, &rows, &n, &err) == 0 && (r = find(rows, n, slugs[3])) &&
		      r->answered == 1 && r->questions == 3 && r != &rows[0],
		      "overview: counts come from the working file, the order from the history");
		overview_free(rows, n);
	}

	/* A document broken on disk: a row with a German problem, the list
	 * intact. */
	{
		char path[4400];
		doc_file(ws, slugs[2], path, sizeof path);
		FILE *g = fopen(path, "ab");
		if (g) {
			fputs("\nKaputt: \xff\xfe\n", g);
			fclose(g);
		}
		const struct overview_row *r = NULL;
		CHECK(overview_load(ws, &rows, &n, &err) == 0 && n == NFIX &&
		      (r = find(rows, n, slugs[2])) != NULL, "overview: a broken document keeps its row");
		CHECK(r && r->problem && strstr(r->problem, "UTF-8") &&
		      strstr(r->problem, "anfrage.txt") && strstr(r->problem, slugs[2]),
		      "overview: the row names the problem in German, with the file");
		CHECK(r && !r->number && !r->title && !r->kind && !r->answered && !r->questions,
		      "overview: the broken row's document fields are empty");
		CHECK(r && r->time >= (long long)t0 && eq(r->author, "Anna Müller"),
		      "overview: the broken row still shows its last version");
		int others = 1;
		for (size_t i = 0; i < n; i++)
			if (r && &rows[i] != r && (rows[i].problem || !rows[i].number))
				others = 0;
		CHECK(others, "overview: the other rows are unaffected");
		overview_free(rows, n);
	}

	/* A document put there by hand and never committed: listed last,
	 * without a version. */
	{
		char folder[4400], path[4500], src[4096];
		snprintf(folder, sizeof folder, "%sanfragen/2099-01-01-L9-neu", ws_root(ws));
		snprintf(path, sizeof path, "%s/anfrage.txt", folder);
		snprintf(src, sizeof src, "%s/%s", harness_fixtures(), fixtures[0].file);
		char *text = harness_slurp(src, NULL);
		FILE *g = mkdir(folder, 0777) == 0 && text ? fopen(path, "w") : NULL;
		if (g) {
			fputs(text, g);
			fclose(g);
		}
		free(text);
		CHECK(overview_load(ws, &rows, &n, &err) == 0 && n == NFIX + 1 &&
		      !strcmp(rows[n - 1].slug, "2099-01-01-L9-neu") && rows[n - 1].time == 0 &&
		      !rows[n - 1].author[0] && !rows[n - 1].id[0] && eq(rows[n - 1].number, "L2"),
		      "overview: a never committed inquiry comes last, without a version");
		overview_free(rows, n);
	}

close:
	ws_close(ws);
out:
	if (old_home)
		setenv("HOME", old_home, 1);
	free(old_home);
	char cmd[4300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		SKIP("overview: cleanup", dir);
}
