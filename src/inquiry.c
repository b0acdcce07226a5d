/* inquiry.c: the inquiry model: ownership, lookup, completion and the
 * canonical wording of header lines. */
#include "inquiry.h"
#include "buf.h"
#include "error.h"
#include "heading.h"

#include <stdlib.h>
#include <string.h>

void inquiry_init(struct inquiry *q)
{
	memset(q, 0, sizeof *q);
	q->final_newline = true;
}

static void question_free(struct question *qu)
{
	free(qu->marker);
	free(qu->section);
	strlist_free(&qu->paras);
}

static void answer_free(struct answer *a)
{
	free(a->covers);
	free(a->heading);
	free(a->section);
	strlist_free(&a->paras);
}

void inquiry_free(struct inquiry *q)
{
	free(q->number);
	free(q->title);
	free(q->askers);
	free(q->session_line);
	free(q->title_line);
	free(q->intro);
	free(q->preamble_heading);
	strlist_free(&q->preamble);
	free(q->leadin);
	for (size_t i = 0; i < q->nquestions; i++)
		question_free(&q->questions[i]);
	free(q->questions);
	free(q->signature);
	free(q->senate_leadin);
	free(q->senate_preamble_heading);
	strlist_free(&q->senate_preamble);
	for (size_t i = 0; i < q->nanswers; i++)
		answer_free(&q->answers[i]);
	free(q->answers);
	for (size_t i = 0; i < q->nextras; i++)
		free(q->extras[i].text);
	free(q->extras);
	strlist_free(&q->hints);
	strlist_free(&q->cleaned);
	inquiry_init(q);
}

/* Grows an array of n elements of size sz by one; 0 or AW_ENOMEM. */
static int grow(void **v, size_t n, size_t sz)
{
	void *nv = realloc(*v, (n + 1) * sz);
	if (!nv)
		return AW_ENOMEM;
	*v = nv;
	return 0;
}

int inquiry_add_question(struct inquiry *q, int number, char *marker,
                         struct question **out)
{
	if (!marker || grow((void **)&q->questions, q->nquestions, sizeof *q->questions)) {
		free(marker);
		return AW_ENOMEM;
	}
	struct question *qu = &q->questions[q->nquestions++];
	memset(qu, 0, sizeof *qu);
	qu->number = number;
	qu->marker = marker;
	if (out)
		*out = qu;
	return 0;
}

int inquiry_add_answer(struct inquiry *q, size_t at, int *covers,
                       size_t ncovers, char *heading, struct answer **out)
{
	if (!covers || !heading || at > q->nanswers ||
	    grow((void **)&q->answers, q->nanswers, sizeof *q->answers)) {
		free(covers);
		free(heading);
		return AW_ENOMEM;
	}
	memmove(&q->answers[at + 1], &q->answers[at],
	        (q->nanswers - at) * sizeof *q->answers);
	q->nanswers++;
	struct answer *a = &q->answers[at];
	memset(a, 0, sizeof *a);
	a->covers = covers;
	a->ncovers = ncovers;
	a->heading = heading;
	if (out)
		*out = a;
	return 0;
}

void inquiry_remove_answer(struct inquiry *q, size_t at)
{
	answer_free(&q->answers[at]);
	memmove(&q->answers[at], &q->answers[at + 1],
	        (q->nanswers - at - 1) * sizeof *q->answers);
	q->nanswers--;
}

int inquiry_add_extra(struct inquiry *q, enum part after, char *text)
{
	if (!text || grow((void **)&q->extras, q->nextras, sizeof *q->extras)) {
		free(text);
		return AW_ENOMEM;
	}
	q->extras[q->nextras].after = after;
	q->extras[q->nextras].text = text;
	q->nextras++;
	return 0;
}

int inquiry_is_subitem(const char *p)
{
	/* Checked left to right, so a short string ends the test at its NUL. */
	if (!(p[0] >= 'a' && p[0] <= 'z' && (p[1] == ')' || p[1] == '.') && p[2] == ' '))
		return 0;
	if (p[1] == ')')
		return 1;
	/* "a. …", but "z. B." and "d. h." are abbreviations. */
	return p[1] == '.' && !(((p[3] >= 'a' && p[3] <= 'z') || (p[3] >= 'A' && p[3] <= 'Z')) &&
	                        p[4] == '.');
}

struct question *inquiry_question(const struct inquiry *q, int number)
{
	for (size_t i = 0; i < q->nquestions; i++)
		if (q->questions[i].number == number)
			return &q->questions[i];
	return NULL;
}

static int covered(const struct inquiry *q, int number)
{
	for (size_t i = 0; i < q->nanswers; i++)
		for (size_t k = 0; k < q->answers[i].ncovers; k++)
			if (q->answers[i].covers[k] == number)
				return 1;
	return 0;
}

static const char *kind_phrase(enum inquiry_kind k)
{
	switch (k) {
	case KIND_FRAGESTUNDE: return "Frage für die Fragestunde";
	case KIND_KLEINE: return "Kleine Anfrage";
	case KIND_GROSSE: return "Große Anfrage";
	case KIND_OTHER: break;
	}
	return "Anfrage";
}

char *inquiry_title_line(const struct inquiry *q)
{
	struct buf b = BUF_INIT;
	int rc = buf_printf(&b, "\xE2\x80\x9E%s", kind_phrase(q->kind));
	if (q->number)
		rc |= buf_printf(&b, " \xE2\x80\x93 %s%s",
		                 strchr(q->number, '/') ? "Drs. " : "", q->number);
	/* The closing pair ““ follows the example: the inner quote closes the
	 * title, the outer one the whole line. */
	rc |= buf_printf(&b, " \xE2\x80\x9C%s\xE2\x80\x9C\xE2\x80\x9C",
	                 q->title ? q->title : "");
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

char *inquiry_session_line(const struct inquiry *q)
{
	struct buf b = BUF_INIT;
	int rc;
	if (q->session_year)
		rc = buf_printf(&b, "Vorlage für die Sitzung des Senats am %d.%d.%d",
		                q->session_day, q->session_month, q->session_year);
	else
		rc = buf_adds(&b, "Vorlage für die Sitzung des Senats am (Datum offen)");
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

char *inquiry_intro_line(const struct inquiry *q)
{
	struct buf b = BUF_INIT;
	const char *a = q->askers;
	int rc = 0;
	int plural = strstr(a, "Fraktionen") || strstr(a, " und ") || strchr(a, ',');

	if (!strncmp(a, "Fraktion", 8))
		rc |= buf_adds(&b, "Die ");
	rc |= buf_printf(&b, "%s %s folgende ", a, plural ? "haben" : "hat");
	switch (q->kind) {
	case KIND_FRAGESTUNDE:
		rc |= buf_printf(&b, "Anfrage für die Fragestunde der %s",
		                 q->parliament == PARL_STADT ? "Stadtbürgerschaft" :
		                 q->parliament == PARL_LANDTAG ? "Bürgerschaft (Land)" :
		                 "Bürgerschaft");
		break;
	case KIND_KLEINE:
	case KIND_GROSSE:
	case KIND_OTHER:
		rc |= buf_adds(&b, kind_phrase(q->kind));
		break;
	}
	rc |= buf_adds(&b, " an den Senat gestellt:");
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

static char *senate_leadin_line(const struct inquiry *q)
{
	struct buf b = BUF_INIT;
	const char *what = q->kind == KIND_KLEINE ? "Kleine Anfrage" :
	                   q->kind == KIND_GROSSE ? "Große Anfrage" : "Anfrage";
	if (buf_printf(&b, "Der Senat beantwortet die %s wie folgt:", what)) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* Inserts an empty slot for question n before the first answer that only
 * covers later questions, so slots follow the order of the questions. */
static int add_slot(struct inquiry *q, int n)
{
	size_t at = q->nanswers;
	for (size_t i = 0; i < q->nanswers; i++) {
		if (q->answers[i].ncovers && q->answers[i].covers[0] > n) {
			at = i;
			break;
		}
	}
	int *covers = malloc(sizeof *covers);
	if (covers)
		covers[0] = n;
	return inquiry_add_answer(q, at, covers, 1, heading_format(&n, 1), NULL);
}

int inquiry_complete(struct inquiry *q)
{
	for (size_t i = 0; i < q->nquestions; i++)
		if (!covered(q, q->questions[i].number) && add_slot(q, q->questions[i].number))
			return AW_ENOMEM;
	if (!q->session_line && !(q->session_line = inquiry_session_line(q)))
		return AW_ENOMEM;
	if (!q->title_line && !(q->title_line = inquiry_title_line(q)))
		return AW_ENOMEM;
	if (!q->intro && q->askers && !(q->intro = inquiry_intro_line(q)))
		return AW_ENOMEM;
	if (!q->leadin && q->nquestions && !(q->leadin = strdup("Wir fragen den Senat:")))
		return AW_ENOMEM;
	if (!q->senate_leadin && !(q->senate_leadin = senate_leadin_line(q)))
		return AW_ENOMEM;
	return 0;
}

const char *inquiry_kind_name(enum inquiry_kind k)
{
	switch (k) {
	case KIND_FRAGESTUNDE: return "Fragestunde";
	case KIND_KLEINE: return "Kleine Anfrage";
	case KIND_GROSSE: return "Große Anfrage";
	case KIND_OTHER: break;
	}
	return "sonstige Anfrage";
}

const char *inquiry_kind_id(enum inquiry_kind k)
{
	switch (k) {
	case KIND_FRAGESTUNDE: return "fragestunde";
	case KIND_KLEINE: return "kleine_anfrage";
	case KIND_GROSSE: return "grosse_anfrage";
	case KIND_OTHER: break;
	}
	return "sonstige";
}

const char *inquiry_parliament_name(enum parliament p)
{
	switch (p) {
	case PARL_LANDTAG: return "Landtag";
	case PARL_STADT: return "Stadtbürgerschaft";
	case PARL_UNKNOWN: break;
	}
	return "unbekannt";
}

const char *inquiry_parliament_id(enum parliament p)
{
	switch (p) {
	case PARL_LANDTAG: return "landtag";
	case PARL_STADT: return "stadtbuergerschaft";
	case PARL_UNKNOWN: break;
	}
	return NULL;
}

static int streq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

int inquiry_equal(const struct inquiry *a, const struct inquiry *b)
{
	if (a->kind != b->kind || a->parliament != b->parliament ||
	    !streq(a->number, b->number) || !streq(a->title, b->title) ||
	    !streq(a->askers, b->askers) || a->session_year != b->session_year ||
	    a->session_month != b->session_month || a->session_day != b->session_day ||
	    !streq(a->session_line, b->session_line) ||
	    !streq(a->title_line, b->title_line) || !streq(a->intro, b->intro) ||
	    !strlist_equal(&a->preamble, &b->preamble) || !streq(a->leadin, b->leadin) ||
	    !streq(a->preamble_heading, b->preamble_heading) ||
	    !streq(a->senate_preamble_heading, b->senate_preamble_heading) ||
	    !streq(a->signature, b->signature) ||
	    !streq(a->senate_leadin, b->senate_leadin) ||
	    !strlist_equal(&a->senate_preamble, &b->senate_preamble) ||
	    a->nquestions != b->nquestions || a->nanswers != b->nanswers ||
	    a->nextras != b->nextras ||
	    a->leading_blank_lines != b->leading_blank_lines ||
	    a->final_newline != b->final_newline || a->crlf != b->crlf || a->bom != b->bom)
		return 0;
	for (size_t i = 0; i < a->nquestions; i++) {
		const struct question *x = &a->questions[i], *y = &b->questions[i];
		if (x->number != y->number || !streq(x->marker, y->marker) ||
		    !streq(x->section, y->section) ||
		    !strlist_equal(&x->paras, &y->paras))
			return 0;
	}
	for (size_t i = 0; i < a->nanswers; i++) {
		const struct answer *x = &a->answers[i], *y = &b->answers[i];
		if (x->ncovers != y->ncovers || !streq(x->heading, y->heading) ||
		    !streq(x->section, y->section) ||
		    memcmp(x->covers, y->covers, x->ncovers * sizeof *x->covers) ||
		    !strlist_equal(&x->paras, &y->paras))
			return 0;
	}
	for (size_t i = 0; i < a->nextras; i++)
		if (a->extras[i].after != b->extras[i].after ||
		    strcmp(a->extras[i].text, b->extras[i].text))
			return 0;
	return 1;
}

/* A copy of s into *dst (NULL stays NULL). 0 or AW_ENOMEM. */
static int copy_str(char **dst, const char *s)
{
	*dst = NULL;
	return s && !(*dst = strdup(s)) ? AW_ENOMEM : 0;
}

static int copy_list(struct strlist *dst, const struct strlist *src)
{
	for (size_t i = 0; i < src->n; i++)
		if (strlist_add(dst, src->v[i]))
			return AW_ENOMEM;
	return 0;
}

int inquiry_copy_question(struct inquiry *dst, const struct question *qu)
{
	char *marker;
	struct question *nq;
	if (copy_str(&marker, qu->marker) ||
	    inquiry_add_question(dst, qu->number, marker, &nq)) /* frees marker */
		return AW_ENOMEM;
	return copy_str(&nq->section, qu->section) || copy_list(&nq->paras, &qu->paras) ?
	       AW_ENOMEM : 0;
}

int inquiry_copy_answer(struct inquiry *dst, size_t at, const struct answer *a)
{
	/* At least one element, so that an answer covering nothing still has
	 * an array, as inquiry_add_answer() requires. */
	int *covers = malloc((a->ncovers ? a->ncovers : 1) * sizeof *covers);
	char *heading = NULL;
	struct answer *na;
	if (covers && a->ncovers)
		memcpy(covers, a->covers, a->ncovers * sizeof *covers);
	if (!covers || copy_str(&heading, a->heading)) {
		free(covers);
		return AW_ENOMEM;
	}
	if (inquiry_add_answer(dst, at, covers, a->ncovers, heading, &na))
		return AW_ENOMEM;
	return copy_str(&na->section, a->section) || copy_list(&na->paras, &a->paras) ?
	       AW_ENOMEM : 0;
}

int inquiry_copy(struct inquiry *dst, const struct inquiry *src)
{
	char **const to[] = {
		&dst->number, &dst->title, &dst->askers, &dst->session_line, &dst->title_line,
		&dst->intro, &dst->preamble_heading, &dst->leadin, &dst->signature,
		&dst->senate_leadin, &dst->senate_preamble_heading,
	};
	const char *const from[] = {
		src->number, src->title, src->askers, src->session_line, src->title_line,
		src->intro, src->preamble_heading, src->leadin, src->signature,
		src->senate_leadin, src->senate_preamble_heading,
	};
	int rc = 0;
	inquiry_init(dst);
	dst->kind = src->kind;
	dst->parliament = src->parliament;
	dst->session_year = src->session_year;
	dst->session_month = src->session_month;
	dst->session_day = src->session_day;
	dst->leading_blank_lines = src->leading_blank_lines;
	dst->final_newline = src->final_newline;
	dst->crlf = src->crlf;
	dst->bom = src->bom;
	for (size_t i = 0; !rc && i < sizeof to / sizeof *to; i++)
		rc = copy_str(to[i], from[i]);
	if (!rc)
		rc = copy_list(&dst->preamble, &src->preamble) ||
		     copy_list(&dst->senate_preamble, &src->senate_preamble) ||
		     copy_list(&dst->hints, &src->hints) || copy_list(&dst->cleaned, &src->cleaned);
	for (size_t i = 0; !rc && i < src->nquestions; i++)
		rc = inquiry_copy_question(dst, &src->questions[i]);
	for (size_t i = 0; !rc && i < src->nanswers; i++)
		rc = inquiry_copy_answer(dst, dst->nanswers, &src->answers[i]);
	for (size_t i = 0; !rc && i < src->nextras; i++) {
		char *text;
		rc = copy_str(&text, src->extras[i].text) ||
		     inquiry_add_extra(dst, src->extras[i].after, text);
	}
	if (rc) {
		inquiry_free(dst);
		return AW_ENOMEM;
	}
	return 0;
}
