/* test_findings.c: the editor's per-paragraph cache of findings: offsets
 * into the whole text, answers that stay the same, a cleared cache asked
 * afresh, and a full table emptied rather than grown without end. Needs
 * the German dictionary; skipped without it. */
#include "harness.h"
#include "check.h"
#include "findings.h"
#include "speller.h"
#include "strlist.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The findings of text as "start-end:kind" items, for exact comparison. */
static void describe(struct findings *fc, const char *text, char *out, size_t size)
{
	const struct finding *f;
	size_t n, used = 0;
	out[0] = '\0';
	if (findings_of(fc, text, strlen(text), &f, &n)) {
		snprintf(out, size, "(error)");
		return;
	}
	for (size_t i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%zu-%zu:%c", i ? " " : "",
		                         f[i].start, f[i].end, f[i].kind == FINDING_SPELL ? 's' : 'y');
}

void test_findings(void)
{
	char aff[1024];
	snprintf(aff, sizeof aff, "%s.aff", speller_default_path());
	if (access(aff, R_OK)) {
		SKIP("findings: paragraphs cached", "no German dictionary");
		return;
	}
	struct checker *c;
	struct strlist problems = STRLIST_INIT;
	struct aw_error err;
	if (checker_open(&c, NULL, &problems, &err)) {
		SKIP("findings: paragraphs cached", "the checker did not open");
		strlist_free(&problems);
		return;
	}
	struct findings *fc = findings_new(c);
	CHECK(fc != NULL, "findings: a cache is made");
	char got[512];
	/* "Bürgerschft" at bytes 4..16 of the second paragraph (ü is two). */
	const char *text = "Alles gut.\nDie Bürgerschft tagt.";
	describe(fc, text, got, sizeof got);
	CHECK_STR(got, "15-27:s", "findings: offsets count from the start of the whole text");
	describe(fc, text, got, sizeof got);
	CHECK_STR(got, "15-27:s", "findings: asked again, the same answer (from the cache)");
	describe(fc, "Die Bürgerschft tagt.\n\nAlles gut.", got, sizeof got);
	CHECK_STR(got, "4-16:s", "findings: the same paragraph elsewhere, its offsets moved");
	describe(fc, "Das gilt z.B. hier.", got, sizeof got);
	CHECK_STR(got, "9-13:y", "findings: a style finding is one too");
	describe(fc, "", got, sizeof got);
	CHECK_STR(got, "", "findings: an empty text has none");

	checker_accept(c, "Bürgerschft", strlen("Bürgerschft"));
	describe(fc, text, got, sizeof got);
	CHECK_STR(got, "15-27:s", "findings: an accepted word stays marked until the cache is cleared");
	findings_clear(fc);
	describe(fc, text, got, sizeof got);
	CHECK_STR(got, "", "findings: after clearing, the accepted word is fine");

	/* Far more paragraphs than the table keeps: it is emptied, answers stay right. */
	int right = 1;
	for (int i = 0; i < 9000 && right; i++) {
		char p[64];
		snprintf(p, sizeof p, "Absatz %d mit Bürgerschaftt.", i);
		describe(fc, p, got, sizeof got);
		char want[32];
		size_t at = strlen(p) - strlen("Bürgerschaftt.");
		snprintf(want, sizeof want, "%zu-%zu:s", at, at + strlen("Bürgerschaftt"));
		right = !strcmp(got, want);
	}
	CHECK(right, "findings: 9,000 different paragraphs, each answered right (the table is emptied, not grown)");
	findings_free(fc);
	checker_close(c);
	strlist_free(&problems);
}
