/* summary.c: the at-a-glance structure printed by `antwort parse`. */
#include "summary.h"
#include "error.h"
#include "heading.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIRST_WORDS 8

static int is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t';
}

int summary_first_words(struct buf *out, const char *s, size_t n)
{
	int rc = 0;
	size_t words = 0;
	while (*s) {
		while (is_space(*s))
			s++;
		if (!*s)
			break;
		if (words == n)
			return buf_adds(out, " …");
		const char *w = s;
		while (*s && !is_space(*s))
			s++;
		if (words++)
			rc |= buf_addc(out, ' ');
		rc |= buf_add(out, w, (size_t)(s - w));
	}
	return rc ? AW_ENOMEM : 0;
}

static int field(struct buf *b, const char *label, const char *value)
{
	/* Values start in column 16, one past the longest label (ASCII). */
	return buf_printf(b, "%-15s%s\n", label, value && *value ? value : "–");
}

static int count(struct buf *b, const char *label, size_t n)
{
	if (n == 0)
		return buf_printf(b, "%s: keine\n", label);
	return buf_printf(b, "%s: %zu %s\n", label, n, n == 1 ? "Absatz" : "Absätze");
}

int summary_write(const struct inquiry *q, int explain, struct buf *b)
{
	char date[32] = "";
	int rc = 0;

	if (q->session_year)
		snprintf(date, sizeof date, "%d.%d.%d", q->session_day, q->session_month,
		         q->session_year);
	rc |= field(b, "Art:", inquiry_kind_name(q->kind));
	rc |= field(b, "Parlament:", inquiry_parliament_name(q->parliament));
	rc |= field(b, "Nummer:", q->number);
	rc |= field(b, "Titel:", q->title);
	rc |= field(b, "Fragesteller:", q->askers);
	rc |= field(b, "Senatssitzung:", date);
	rc |= count(b, "Vorbemerkung der Fragesteller", q->preamble.n);
	rc |= buf_printf(b, "Fragen: %zu\n", q->nquestions);
	for (size_t i = 0; i < q->nquestions; i++) {
		const struct question *qu = &q->questions[i];
		if (qu->section)
			rc |= buf_printf(b, "  [%s]\n", qu->section);
		char nr[16];
		heading_label(qu->number, nr);
		rc |= buf_printf(b, qu->number >= HEADING_DECIMAL ? "  %s" : "  %s.", nr);
		if (qu->paras.n) {
			rc |= buf_addc(b, ' ');
			rc |= summary_first_words(b, qu->paras.v[0], FIRST_WORDS);
		}
		rc |= buf_addc(b, '\n');
		for (size_t k = 1; k < qu->paras.n; k++) {
			const char *p = qu->paras.v[k];
			if (inquiry_is_subitem(p)) {
				rc |= buf_printf(b, "     %.3s", p);
				p += 3;
			} else {
				rc |= buf_adds(b, "     + ");
			}
			rc |= summary_first_words(b, p, FIRST_WORDS);
			rc |= buf_addc(b, '\n');
		}
	}
	rc |= count(b, "Vorbemerkung des Senats", q->senate_preamble.n);
	rc |= buf_printf(b, "Antworten: %zu\n", q->nanswers);
	for (size_t i = 0; i < q->nanswers; i++) {
		const struct answer *a = &q->answers[i];
		char *h = heading_format(a->covers, a->ncovers);
		if (!h)
			return AW_ENOMEM;
		rc |= buf_printf(b, "  %s", h);
		free(h);
		if (a->paras.n == 0) {
			rc |= buf_adds(b, " leer\n");
			continue;
		}
		rc |= buf_printf(b, " %zu %s: ", a->paras.n, a->paras.n == 1 ? "Absatz" : "Absätze");
		rc |= summary_first_words(b, a->paras.v[0], FIRST_WORDS);
		rc |= buf_addc(b, '\n');
	}
	if (q->cleaned.n && explain) {
		rc |= buf_adds(b, "Bereinigt:\n");
		for (size_t i = 0; i < q->cleaned.n; i++)
			rc |= buf_printf(b, "  %s\n", q->cleaned.v[i]);
	} else if (q->cleaned.n) {
		rc |= buf_printf(b, "Bereinigt: %zu %s; „antwort parse --explain“ zeigt, was.\n",
		                 q->cleaned.n, q->cleaned.n == 1 ? "Änderung" : "Änderungen");
	}
	if (q->hints.n) {
		rc |= buf_adds(b, "Hinweise:\n");
		for (size_t i = 0; i < q->hints.n; i++)
			rc |= buf_printf(b, "  %s\n", q->hints.v[i]);
	}
	return rc ? AW_ENOMEM : 0;
}
