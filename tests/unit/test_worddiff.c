/* test_worddiff.c: word differences, their spans and how they are printed. */
#include "harness.h"
#include "worddiff.h"

#include <stdlib.h>

/* buf_take() of a buffer never written to, NUL-terminated for sure. */
static char *take(struct buf *b)
{
	if (!b->s && buf_add(b, "", 0))
		return NULL;
	return buf_take(b);
}

/* The spans as "=same|-del|+add|", to compare in one string. */
static char *spans(const struct worddiff *d, const char *a, const char *b)
{
	struct buf s = BUF_INIT;
	for (size_t i = 0; i < d->n; i++) {
		const struct wd_span *sp = &d->v[i];
		buf_addc(&s, sp->op == WD_SAME ? '=' : sp->op == WD_DEL ? '-' : '+');
		buf_add(&s, (sp->op == WD_ADD ? b : a) + sp->off, sp->len);
		buf_addc(&s, '|');
	}
	return take(&s);
}

/* Whether the spans give back both texts: same and deleted spans cover
 * the old text in order, same and added ones spell the new text. */
static int rebuilds(const struct worddiff *d, const char *a, const char *b)
{
	struct buf nb = BUF_INIT;
	size_t at = 0;
	int ok = 1;
	for (size_t i = 0; i < d->n; i++) {
		const struct wd_span *sp = &d->v[i];
		if (!sp->len)
			ok = 0;
		if (sp->op == WD_ADD) {
			buf_add(&nb, b + sp->off, sp->len);
			continue;
		}
		if (sp->off != at)
			ok = 0;
		at = sp->off + sp->len;
		if (sp->op == WD_SAME)
			buf_add(&nb, a + sp->off, sp->len);
	}
	ok = ok && at == strlen(a) && nb.len == strlen(b) && (!nb.len || !memcmp(nb.s, b, nb.len));
	buf_free(&nb);
	return ok;
}

/* Computes and renders; NULL if anything failed. */
static char *render(const char *a, const char *b, enum wd_style style, int changed_only)
{
	struct worddiff d = WORDDIFF_INIT;
	struct buf out = BUF_INIT;
	if (worddiff_compute(a, strlen(a), b, strlen(b), &d))
		return NULL;
	int rc = worddiff_render(&d, a, b, style, changed_only, &out);
	worddiff_free(&d);
	if (rc) {
		buf_free(&out);
		return NULL;
	}
	return take(&out);
}

/* Checks the spans of a against b (and that they rebuild both texts). */
static void expect_spans(const char *a, const char *b, const char *want,
                         size_t wdel, size_t wadd, const char *name)
{
	struct worddiff d = WORDDIFF_INIT;
	char full[200];
	int rc = worddiff_compute(a, strlen(a), b, strlen(b), &d);
	char *got = rc ? NULL : spans(&d, a, b);
	snprintf(full, sizeof full, "worddiff: %s", name);
	CHECK_STR(got, want, full);
	snprintf(full, sizeof full, "worddiff: %s (spans give back both texts)", name);
	CHECK(!rc && rebuilds(&d, a, b), full);
	snprintf(full, sizeof full, "worddiff: %s (counts %zu deleted, %zu added words)",
	         name, wdel, wadd);
	CHECK(!rc && d.words_del == wdel && d.words_add == wadd, full);
	free(got);
	worddiff_free(&d);
}

static void expect_render(const char *a, const char *b, enum wd_style style,
                          int changed_only, const char *want, const char *name)
{
	char full[200];
	char *got = render(a, b, style, changed_only);
	snprintf(full, sizeof full, "worddiff: %s", name);
	CHECK_STR(got, want, full);
	free(got);
}

/* n words "wort0 wort1 …", a paragraph break every 50 words, with word
 * number `changed` replaced by `with` (if not NULL). */
static char *generated(size_t n, size_t changed, const char *with)
{
	struct buf s = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_adds(&s, i % 50 ? " " : ".\n\n");
		if (i == changed && with)
			buf_adds(&s, with);
		else
			buf_printf(&s, "%s%zu", i % 3 ? "Maßnahme" : "Behörde", i);
	}
	buf_adds(&s, ".\n");
	return take(&s);
}

static void test_spans(void)
{
	expect_spans("Die Behörde prüft den Antrag.\n", "Die Behörde prüft den Antrag.\n",
	             "=Die Behörde prüft den Antrag.\n|", 0, 0, "identical texts have no change");
	expect_spans("Die Verwaltung prüft.", "Die Behörde prüft.",
	             "=Die |-Verwaltung|+Behörde|= prüft.|", 1, 1,
	             "a word with an umlaut changes as one word");
	expect_spans("Die Straße ist gesperrt.", "Die Strasse ist gesperrt.",
	             "=Die |-Straße|+Strasse|= ist gesperrt.|", 1, 1, "ß is part of the word");
	expect_spans("Sie nutzen „Videotelefonie“ täglich.", "Sie nutzen „Videokonferenzen“ täglich.",
	             "=Sie nutzen „|-Videotelefonie|+Videokonferenzen|=“ täglich.|", 1, 1,
	             "typographic quotes stay when the word inside changes");
	expect_spans("Erstens, zweitens", "Erstens; zweitens",
	             "=Erstens|-,|+;|= zweitens|", 0, 0, "a comma becomes a semicolon");
	expect_spans("per E-Mail senden", "per E-Post senden",
	             "=per E-|-Mail|+Post|= senden|", 1, 1, "a hyphen splits a word");
	expect_spans("Kosten – rund 5 Mio. €", "Kosten — rund 6 Mio. €",
	             "=Kosten |-–|+—|= rund |-5|+6|= Mio. €|", 1, 1,
	             "dashes and digits are tokens of their own");
	expect_spans("etwa 5\u00a0Prozent", "etwa 7\u00a0Prozent",
	             "=etwa |-5|+7|=\u00a0Prozent|", 1, 1, "a no-break space separates words");
	expect_spans("z.\u202fB. alt", "z.\u202fB. neu",
	             "=z.\u202fB. |-alt|+neu|", 1, 1, "a narrow no-break space is white space");
	expect_spans("beta gamma", "alpha beta gamma",
	             "+alpha |=beta gamma|", 0, 1, "an insertion at the start");
	expect_spans("alpha beta", "alpha beta gamma",
	             "=alpha beta|+ gamma|", 0, 1, "an insertion at the end");
	expect_spans("alpha beta gamma", "beta gamma",
	             "-alpha |=beta gamma|", 1, 0, "a deletion at the start");
	expect_spans("A eins.\n\nB zwei.\n\nC drei.\n", "A eins.\n\nC drei.\n",
	             "=A eins.\n\n|-B zwei.\n\n|=C drei.\n|", 2, 0, "a whole paragraph deleted");
	expect_spans("Die Behörde prüft sofort", "Das Amt prüft sofort",
	             "-Die Behörde|+Das Amt|= prüft sofort|", 2, 2,
	             "changes separated only by white space are joined");
	expect_spans("Die Behörde prüft den\nAntrag sofort", "Das Amt prüft die\nAnfrage sofort",
	             "-Die Behörde|+Das Amt|= prüft |-den\nAntrag|+die\nAnfrage|= sofort|", 4, 4,
	             "joined across a line break, not across an unchanged word");
	expect_spans("Der Bund (und die Länder) zahlt.", "Der Bund zahlt nichts.",
	             "=Der Bund |-(und die Länder) |=zahlt|+ nichts|=.|", 3, 1,
	             "word counts leave out punctuation and spaces");
	expect_spans("a  b", "a b", "=a|-  |+ |=b|", 0, 0, "a change of white space alone is seen");
	expect_spans("", "Neuer Text.", "+Neuer Text.|", 0, 2, "an empty old text");
	expect_spans("Alter Text.", "", "-Alter Text.|", 2, 0, "an empty new text");
	expect_spans("", "", "", 0, 0, "two empty texts");
	expect_spans("a\nb", "a\001b", "=a|-\n|+\001|=b|", 0, 0,
	             "a newline and the byte used to escape it stay different");
}

static void test_render(void)
{
	expect_render("Die Verwaltung prüft.\n", "Die Behörde prüft.\n", WD_PLAIN, 0,
	              "Die [-Verwaltung-]{+Behörde+} prüft.\n", "plain: a changed word");
	expect_render("Sie nutzen „Videotelefonie“.", "Sie nutzen „Videokonferenzen“.", WD_PLAIN, 0,
	              "Sie nutzen „[-Videotelefonie-]{+Videokonferenzen+}“.\n",
	              "plain: quotes unchanged, last line ended");
	expect_render("a b c d\n", "x y c d\n", WD_PLAIN, 0,
	              "[-a b-]{+x y+} c d\n", "plain: joined changes, as git shows them");
	expect_render("alpha beta\n", "alpha beta gamma\n", WD_PLAIN, 0,
	              "alpha beta {+gamma+}\n", "plain: the space before an added word stays outside");
	expect_render("a c\n", "a b c\n", WD_PLAIN, 0,
	              "a {+b+} c\n", "plain: an inserted word, as git shows it");
	expect_render("a b c\n", "a c\n", WD_PLAIN, 0,
	              "a [-b-] c\n", "plain: a deleted word between spaces");
	expect_render("a .\n", "a.\n", WD_PLAIN, 0,
	              "a[- -].\n", "plain: a deleted space keeps its markers");
	expect_render("Die Verwaltung prüft.\n", "Die Behörde prüft.\n", WD_COLOUR, 0,
	              "Die \033[31mVerwaltung\033[m\033[32mBehörde\033[m prüft.\n",
	              "colour: red deleted, green added");
	expect_render("eins\nzwei\ndrei\nvier\n", "eins\nvier\n", WD_PLAIN, 0,
	              "eins\n[-zwei-]\n[-drei-]\nvier\n", "plain: a marker per deleted line");
	expect_render("eins zwei\ndrei vier\n", "eins neu\nganz neu vier\n", WD_PLAIN, 0,
	              "eins [-zwei-]\n[-drei-]{+neu+}\n{+ganz neu+} vier\n",
	              "plain: markers closed and reopened at line ends");
	expect_render("eins\nzwei\ndrei\n", "eins\n", WD_COLOUR, 0,
	              "eins\n\033[31mzwei\033[m\n\033[31mdrei\033[m\n",
	              "colour: each deleted line coloured on its own");
	expect_render("A eins.\n\nB zwei.\n\nC drei.\n", "A eins.\n\nC drei.\n", WD_PLAIN, 0,
	              "A eins.\n\n[-B zwei.-]\n\nC drei.\n", "plain: a deleted paragraph");
	expect_render("gleich\n", "gleich\n", WD_PLAIN, 0, "gleich\n", "plain: no change, text as is");
	expect_render("", "", WD_PLAIN, 0, "", "plain: nothing for two empty texts");
	expect_render("", "Neu hier.\nZweite Zeile.\n", WD_PLAIN, 0,
	              "{+Neu hier.+}\n{+Zweite Zeile.+}\n", "plain: everything added");
	expect_render("Weg damit.", "", WD_COLOUR, 0,
	              "\033[31mWeg damit.\033[m\n", "colour: everything deleted");
}

static void test_changed_only(void)
{
	const char *a = "Erster Absatz bleibt.\n\n"
	                "Zweiter Absatz alt.\n\n"
	                "Dritter Absatz alt.\n\n"
	                "Vierter bleibt.\n\n"
	                "Fünfter bleibt\nauch.\n\n"
	                "Sechster Absatz alt,\nzwei Zeilen.\n\n"
	                "Siebter bleibt.\n";
	const char *b = "Erster Absatz bleibt.\n\n"
	                "Zweiter Absatz neu.\n\n"
	                "Dritter Absatz neu.\n\n"
	                "Vierter bleibt.\n\n"
	                "Fünfter bleibt\nauch.\n\n"
	                "Sechster Absatz neu,\nzwei Zeilen.\n\n"
	                "Siebter bleibt.\n";
	expect_render(a, b, WD_PLAIN, 1,
	              "Zweiter Absatz [-alt-]{+neu+}.\n\n"
	              "Dritter Absatz [-alt-]{+neu+}.\n\n"
	              "…\n\n"
	              "Sechster Absatz [-alt-]{+neu+},\nzwei Zeilen.\n",
	              "changed only: changed paragraphs, … where some were left out");
	expect_render(a, b, WD_COLOUR, 1,
	              "Zweiter Absatz \033[31malt\033[m\033[32mneu\033[m.\n\n"
	              "Dritter Absatz \033[31malt\033[m\033[32mneu\033[m.\n\n"
	              "…\n\n"
	              "Sechster Absatz \033[31malt\033[m\033[32mneu\033[m,\nzwei Zeilen.\n",
	              "changed only: the same in colour");
	expect_render(a, a, WD_PLAIN, 1, "", "changed only: nothing when nothing changed");
	expect_render("A eins.\n\nB zwei.\n\nC drei.\n", "A eins.\n\nC drei.\n", WD_PLAIN, 1,
	              "[-B zwei.-]\n", "changed only: a deleted paragraph alone");
	expect_render("Eins.\n\nZwei.\n", "Eins neu.\n\nZwei.\n", WD_PLAIN, 1,
	              "Eins {+neu+}.\n", "changed only: no … after the last change");
	expect_render("Eins.\n\n\n\nZwei alt.\n", "Eins.\n\n\n\nZwei neu.\n", WD_PLAIN, 1,
	              "Zwei [-alt-]{+neu+}.\n", "changed only: no … before the first change");
}

static void test_large(void)
{
	char *a = generated(20000, 10000, NULL), *b = generated(20000, 10000, "Verwaltungsakt");
	struct worddiff d = WORDDIFF_INIT;
	int rc = worddiff_compute(a, strlen(a), b, strlen(b), &d);
	size_t dels = 0, adds = 0, at = 0;
	int right = 0;
	for (size_t i = 0; !rc && i < d.n; i++) {
		const struct wd_span *sp = &d.v[i];
		if (sp->op == WD_DEL) {
			dels++;
			at = i;
			right = sp->len == strlen("Maßnahme10000") && !memcmp(a + sp->off, "Maßnahme10000", sp->len);
		} else if (sp->op == WD_ADD) {
			adds++;
			right = right && sp->len == strlen("Verwaltungsakt") &&
			        !memcmp(b + sp->off, "Verwaltungsakt", sp->len);
		}
	}
	CHECK(!rc && dels == 1 && adds == 1 && d.n == 4 && at == 1 && right,
	      "worddiff: 20,000 words, one changed: exactly that word deleted and added");
	CHECK(!rc && d.words_del == 1 && d.words_add == 1,
	      "worddiff: 20,000 words, one changed: one word each way");
	CHECK(!rc && rebuilds(&d, a, b), "worddiff: 20,000 words: spans give back both texts");

	struct buf out = BUF_INIT;
	rc = rc ? rc : worddiff_render(&d, a, b, WD_PLAIN, 1, &out);
	CHECK(!rc && out.s && strstr(out.s, "[-Maßnahme10000-]{+Verwaltungsakt+}") &&
	      !strstr(out.s, "…") && !strstr(out.s, "\n\n"),
	      "worddiff: 20,000 words: changed only prints the one paragraph");
	buf_free(&out);
	worddiff_free(&d);
	free(a);
	free(b);
}

void test_worddiff(void)
{
	test_spans();
	test_render();
	test_changed_only();
	test_large();
}
