/* test_workspace.c: the workspace library as the editor will use it:
 * saving a model with the version it started from, when someone else has
 * saved the same inquiry in between. The command line cannot reach this
 * path (`antwort save` commits the file as it is), so it is tested here. */
#include "harness.h"
#include "buf.h"
#include "reader.h"
#include "workspace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


static const char doc_text[] =
	"Vorlage für die Sitzung des Senats am 4.4.2017\n\n"
	"„Frage für die Fragestunde – L4 “Videotelefonie in der Verwaltung““\n\n"
	"Die Fraktion der SPD hat folgende Anfrage für die Fragestunde der Bürgerschaft (Land) an den Senat gestellt:\n\n"
	"„Wir fragen den Senat:\n\n"
	"1. Wird Videotelefonie genutzt?\n"
	"2. Welche Vorteile hat sie?\n"
	"3. Gibt es Bedenken?\n\n"
	"Der Senat beantwortet die Anfrage wie folgt:\n\n"
	"Zu Frage 1:\n\nNein.\n\n"
	"Zu Frage 2:\n\nKeine.\n\n"
	"Zu Frage 3:\n\nJa.\n";

/* Replaces the paragraphs of the answer to question n with one. */
static void set_answer(struct inquiry *q, int n, const char *text)
{
	for (size_t i = 0; i < q->nanswers; i++)
		if (q->answers[i].ncovers == 1 && q->answers[i].covers[0] == n) {
			strlist_free(&q->answers[i].paras);
			strlist_add(&q->answers[i].paras, text);
		}
}

static int read_text(const char *text, struct inquiry *q)
{
	struct aw_error err;
	return reader_read(text, strlen(text), "t", NULL, q, &err);
}

static char *slurp_doc(struct workspace *ws, const char *slug)
{
	char rel[WS_PATH_MAX], path[4096];
	snprintf(path, sizeof path, "%s%s", ws_root(ws), ws_doc_path(slug, rel));
	return harness_slurp(path, NULL);
}

void test_workspace(void)
{
	char dir[4096], home[4200], cfg[4300];
	struct aw_error err;
	if (harness_tempdir("ws-unit", dir, sizeof dir)) {
		SKIP("workspace: library", "no temporary folder");
		return;
	}
	/* A private identity, as a user's git configuration would give it. */
	snprintf(home, sizeof home, "%s/home", dir);
	snprintf(cfg, sizeof cfg, "%s/.gitconfig", home);
	mkdir(home, 0700);
	FILE *f = fopen(cfg, "w");
	fputs("[user]\n\tname = Anna Müller\n\temail = anna@example.org\n", f);
	fclose(f);
	char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	setenv("HOME", home, 1);
	char wsdir[4200];
	snprintf(wsdir, sizeof wsdir, "%s/ws", dir);

	CHECK(ws_init(wsdir, &err) == 0, "workspace: init makes a workspace");
	struct workspace *ws = NULL;
	CHECK(ws_open(wsdir, &ws, &err) == 0 && ws, "workspace: open finds it");
	if (!ws)
		goto out;

	struct inquiry q, a, b, c;
	inquiry_init(&q);
	read_text(doc_text, &q);
	char slug[SLUG_MAX + 1];
	struct ws_saved s = {0};
	CHECK(ws_import(ws, &q, slug, &s, &err) == 0 && s.committed, "workspace: import commits");
	CHECK_STR(slug, "2017-04-04-L4-videotelefonie", "workspace: import slug");
	CHECK_STR(s.subject, "Anfrage L4 „Videotelefonie in der Verwaltung“ eingegangen",
	          "workspace: import message");
	char base[WS_ID_LEN + 1];
	memcpy(base, s.id, sizeof base);

	/* Two editors opened the same version; the first saves answer 1. */
	inquiry_init(&a);
	read_text(doc_text, &a);
	set_answer(&a, 1, "Ja, seit 2016.");
	CHECK(ws_save(ws, slug, &a, base, &s, &err) == 0 && s.committed,
	      "workspace: the first editor saves");
	CHECK_STR(s.subject, "Antwort zu Frage 1 überarbeitet", "workspace: save message");
	CHECK(!s.merged, "workspace: a save on the tip merges nothing");

	/* The second saves answer 2 from the same base: merged, not undone. */
	inquiry_init(&b);
	read_text(doc_text, &b);
	set_answer(&b, 2, "Schnellere Abstimmung.");
	CHECK(ws_save(ws, slug, &b, base, &s, &err) == 0 && s.committed,
	      "workspace: the second editor saves on the old base");
	CHECK(s.conflicts.n == 0, "workspace: different answers merge without conflict");
	CHECK(s.merged, "workspace: the save says it was merged");
	char *now = slurp_doc(ws, slug);
	CHECK(now && strstr(now, "Ja, seit 2016.") && strstr(now, "Schnellere Abstimmung."),
	      "workspace: the merged file holds both editors' answers");
	CHECK_STR(s.subject, "Antwort zu Frage 2 überarbeitet",
	          "workspace: the merged save's message names its own change");
	free(now);

	/* A third changes answer 1 as well, from the old base: both kept. */
	inquiry_init(&c);
	read_text(doc_text, &c);
	set_answer(&c, 1, "Nur in Ausnahmefällen.");
	CHECK(ws_save(ws, slug, &c, base, &s, &err) == 0 && s.committed,
	      "workspace: a conflicting save still commits");
	CHECK(s.conflicts.n == 1 && !strcmp(s.conflicts.v[0], "Zu Frage 1"),
	      "workspace: the conflicting answer is reported");
	now = slurp_doc(ws, slug);
	CHECK(now && strstr(now, "<<<<<<< Ihre Fassung\n\nNur in Ausnahmefällen.\n\n=======\n\n"
	                         "Ja, seit 2016.\n\n>>>>>>> Fassung von Anna Müller"),
	      "workspace: both versions of answer 1 are kept between markers");
	CHECK(now && strstr(now, "Schnellere Abstimmung."), "workspace: answer 2 is still there");
	free(now);

	/* Saving what is there already makes no commit. */
	struct buf text = BUF_INIT;
	struct ws_version ver;
	struct inquiry d;
	inquiry_init(&d);
	CHECK(ws_show(ws, slug, NULL, &text, &ver, &err) == 0, "workspace: show the tip");
	read_text(text.s, &d);
	char tip[WS_ID_LEN + 1];
	memcpy(tip, ver.id, sizeof tip);
	CHECK(ws_save(ws, slug, &d, NULL, &s, &err) == 0 && !s.committed && !strcmp(s.id, tip),
	      "workspace: an unchanged save makes no commit");

	struct ws_version *log = NULL;
	size_t n = 0;
	CHECK(ws_log(ws, slug, &log, &n, &err) == 0 && n == 4, "workspace: four versions in the log");
	CHECK(n == 4 && !strcmp(log[0].answers, "1") && !strcmp(log[1].answers, "2") &&
	      !strcmp(log[3].answers, ""), "workspace: the log lists the changed answers");
	CHECK(n == 4 && !strcmp(log[0].author, "Anna Müller"), "workspace: the log names the author");
	free(log);

	/* Someone changed anfrage.txt with another program: the editor's save
	 * must not write over that text. */
	{
		char rel[WS_PATH_MAX], path[4400];
		snprintf(path, sizeof path, "%s%s", ws_root(ws), ws_doc_path(slug, rel));
		/* The same length, so only the stamp's times and the bytes
		 * tell: the index must not vouch for it. */
		char *was = harness_slurp(path, NULL);
		char *same = was ? strstr(was, "Ja, seit 2016.") : NULL;
		if (same) {
			memcpy(same, "JA, SEIT 2016.", 14);
			FILE *w = fopen(path, "w");
			fputs(was, w);
			fclose(w);
			CHECK(ws_save(ws, slug, &d, tip, &s, &err) == AW_EOUTSIDE,
			      "workspace: an outside edit of the same length is refused");
			memcpy(same, "Ja, seit 2016.", 14);
			w = fopen(path, "w");
			fputs(was, w);
			fclose(w);
		} else {
			CHECK(0, "workspace: an outside edit of the same length is refused");
		}
		free(was);
		FILE *g = fopen(path, "a");
		fputs("Von Hand ergänzt.\n", g);
		fclose(g);
		set_answer(&d, 3, "Neu im Editor.");
		CHECK(ws_save(ws, slug, &d, tip, &s, &err) == AW_EOUTSIDE,
		      "workspace: a save over an edit made outside is refused");
		char *disk = harness_slurp(path, NULL);
		CHECK(disk && strstr(disk, "Von Hand ergänzt."), "workspace: the outside edit stays");
		free(disk);
	}

	CHECK(ws_show(ws, slug, "gibtsnicht", &text, NULL, &err) == AW_EREV,
	      "workspace: an unknown revision is AW_EREV");
	CHECK(ws_save(ws, "../../etc", &d, NULL, &s, &err) == AW_ENOINQ,
	      "workspace: a slug that leaves anfragen/ is refused");

	/* The workspace's word list, grown from the editor. */
	char words[4300];
	snprintf(words, sizeof words, "%s/%s", wsdir, WS_WORDS);
	CHECK(ws_add_word(ws, "Wasserstoffkonzpet", &s, &err) == 0 && s.committed,
	      "words: adding a word commits");
	CHECK_STR(s.subject, "Wort „Wasserstoffkonzpet“ ins Wörterbuch aufgenommen",
	          "words: the commit says which word");
	char *list = harness_slurp(words, NULL);
	CHECK(list && strstr(list, "\nWasserstoffkonzpet\n") && list[0] == '#',
	      "words: the list is made with its header and has the word on a line of its own");
	free(list);
	CHECK(ws_add_word(ws, "Wasserstoffkonzpet", &s, &err) == 0 && !s.committed,
	      "words: a word already listed commits nothing");
	f = fopen(words, "a");
	fputs("Handwort", f); /* a hand edit, without a final newline */
	fclose(f);
	CHECK(ws_add_word(ws, "Zweitwort", &s, &err) == 0 && s.committed,
	      "words: a second word commits");
	list = harness_slurp(words, NULL);
	CHECK(list && strstr(list, "\nHandwort\nZweitwort\n"),
	      "words: a hand edit of the list is kept, and the new word goes on a line of its own");
	free(list);
	CHECK(ws_add_word(ws, "zwei Wörter", &s, &err) == AW_EBADWORD,
	      "words: an entry with a blank is refused");
	CHECK(ws_add_word(ws, "", &s, &err) == AW_EBADWORD, "words: an empty entry is refused");

	/* Trailers of inserted templates, and finding them again. */
	struct inquiry t;
	inquiry_init(&t);
	read_text(doc_text, &t);
	set_answer(&t, 1, "Dem Senat liegen keine Erkenntnisse vor.");
	ws_save_file(ws, slug, &s, &err); /* what the test above left on disk, taken in */
	CHECK(ws_save_trailers(ws, slug, &t, NULL, NULL,
	                       "Textbaustein: inneres/keine-erkenntnisse, Stand 15.01.2026\n", &s,
	                       &err) == 0 && s.committed, "trailers: a save with a template trailer");
	struct ws_trailer_use *uses = NULL;
	size_t nuses = 0;
	CHECK(ws_trailer_uses(ws, "Textbaustein", "inneres/keine-erkenntnisse", &uses, &nuses, &err) == 0 &&
	      nuses == 1 && !strcmp(uses[0].slug, slug) &&
	      !strcmp(uses[0].value, "inneres/keine-erkenntnisse, Stand 15.01.2026") &&
	      !strcmp(uses[0].id, s.id), "trailers: the use is found with its inquiry, value and commit");
	free(uses);
	CHECK(ws_trailer_uses(ws, "Textbaustein", "inneres/keine", &uses, &nuses, &err) == 0 &&
	      nuses == 0, "trailers: a name is not found by a part of it");
	free(uses);

	/* The editor hands over the version it holds (t, just saved): the
	 * file as that version wrote it is no outside edit, even where the
	 * index cannot vouch for it; any other text is. */
	{
		char rel[WS_PATH_MAX], path[4400], base_id[WS_ID_LEN + 1];
		snprintf(path, sizeof path, "%s%s", ws_root(ws), ws_doc_path(slug, rel));
		memcpy(base_id, s.id, sizeof base_id);
		char *was = harness_slurp(path, NULL);
		char *at = was ? strstr(was, "keine Erkenntnisse") : NULL;
		struct inquiry u;
		inquiry_init(&u);
		read_text(doc_text, &u);
		set_answer(&u, 1, "Dem Senat liegen inzwischen Erkenntnisse vor.");
		if (at) {
			memcpy(at, "KEINE", 5);
			FILE *w = fopen(path, "w");
			fputs(was, w);
			fclose(w);
		}
		CHECK(at && ws_save_trailers(ws, slug, &u, base_id, &t, NULL, &s, &err) == AW_EOUTSIDE,
		      "held version: an outside edit of the same length is refused");
		if (at) {
			memcpy(at, "keine", 5);
			FILE *w = fopen(path, "w");
			fputs(was, w); /* the same bytes, a new stamp: the index cannot vouch */
			fclose(w);
		}
		CHECK(ws_save_trailers(ws, slug, &u, base_id, &t, NULL, &s, &err) == 0 && s.committed &&
		      !s.merged, "held version: the file as it was saved is taken as it is");
		char *stored = slurp_doc(ws, slug);
		CHECK(stored && strstr(stored, "inzwischen Erkenntnisse"), "held version: the new text is saved");
		free(stored);
		free(was);
		inquiry_free(&u);
	}
	inquiry_free(&t);

	/* The editor holds what it saved, "Ende " with its blank; the stored
	 * text reads back as "Ende". When someone else saves meanwhile, the
	 * merge must start from the stored version, or the blank alone makes
	 * the answer this editor rewrote a conflict. */
	{
		struct inquiry held, theirs, ours;
		char held_id[WS_ID_LEN + 1];
		inquiry_init(&held);
		inquiry_init(&theirs);
		inquiry_init(&ours);
		read_text(doc_text, &held);
		set_answer(&held, 3, "Ende ");
		ws_save_file(ws, slug, &s, &err); /* whatever the test above left */
		CHECK(ws_save(ws, slug, &held, NULL, &s, &err) == 0 && s.committed,
		      "held base: the editor saves a paragraph ending in a blank");
		memcpy(held_id, s.id, sizeof held_id);
		char *stored = slurp_doc(ws, slug);
		read_text(stored ? stored : "", &theirs);
		free(stored);
		set_answer(&theirs, 1, "Von der anderen Seite.");
		CHECK(ws_save(ws, slug, &theirs, held_id, &s, &err) == 0 && s.committed,
		      "held base: someone else saves answer 1 from the stored text");
		read_text(doc_text, &ours);
		set_answer(&ours, 3, "Ganz neu.");
		CHECK(ws_save_trailers(ws, slug, &ours, held_id, &held, NULL, &s, &err) == 0 &&
		      s.committed && s.merged, "held base: the editor's save of answer 3 is merged");
		CHECK(s.conflicts.n == 0, "held base: the blank the stored text lost is no conflict");
		stored = slurp_doc(ws, slug);
		CHECK(stored && strstr(stored, "Von der anderen Seite.") && strstr(stored, "Ganz neu.") &&
		      !strstr(stored, "<<<<<<<"), "held base: both answers are in the merged version");
		free(stored);
		inquiry_free(&held);
		inquiry_free(&theirs);
		inquiry_free(&ours);
	}
	struct ws_saved fs = {0};
	CHECK(ws_add_file(ws, "templates/test/neu.txt", "Ressort: Test\n", 14, "Neu\n", &fs, &err) == 0 &&
	      fs.committed, "files: a new file is committed");
	CHECK(ws_add_file(ws, "templates/test/neu.txt", "x", 1, "Neu\n", &fs, &err) == AW_EEXISTS,
	      "files: an existing file is never overwritten");
	ws_saved_free(&fs);

	buf_free(&text);
	ws_saved_free(&s);
	inquiry_free(&q);
	inquiry_free(&a);
	inquiry_free(&b);
	inquiry_free(&c);
	inquiry_free(&d);
	ws_close(ws);
out:
	if (old_home)
		setenv("HOME", old_home, 1);
	free(old_home);
	char cmd[4300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		SKIP("workspace: cleanup", dir);
}
