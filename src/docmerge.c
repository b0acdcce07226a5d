/* docmerge.c: three-way merge of an inquiry, part by part.
 *
 * The result starts as a copy of ours; each part then takes theirs where
 * only theirs changed it, and holds both versions between conflict
 * markers where both changed it differently. Questions are matched by
 * number, answers by the questions they cover (the n-th of equal keys
 * with the n-th, should a document repeat one). Finally the result is
 * written and read back, so that it is the model of the text it saves. */
#include "docmerge.h"
#include "buf.h"
#include "heading.h"
#include "reader.h"
#include "writer.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OTHER_TEXT      "Übriger Text"
#define PREAMBLE        "Vorbemerkung der Fragesteller"
#define SENATE_PREAMBLE "Vorbemerkung des Senats"

struct merge {
	const struct inquiry *b, *o, *t; /* b NULL: no common ancestor */
	const char *ours_name, *theirs_name;
	struct inquiry *res;
	struct strlist *conflicts;
	char *head_block;     /* both versions of header fields, or NULL */
};

/* ---- strings, lists and copies ------------------------------------------ */

static int streq(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* Replaces *dst with a copy of s (which may be NULL). 0 or AW_ENOMEM. */
static int set_str(char **dst, const char *s)
{
	char *c = NULL;
	if (s) {
		size_t n = strlen(s) + 1;
		if (!(c = malloc(n)))
			return AW_ENOMEM;
		memcpy(c, s, n);
	}
	free(*dst);
	*dst = c;
	return 0;
}

/* Appends copies of the strings of src (NULL: none). */
static int list_append(struct strlist *dst, const struct strlist *src)
{
	for (size_t i = 0; src && i < src->n; i++)
		if (strlist_add(dst, src->v[i]))
			return AW_ENOMEM;
	return 0;
}

/* Replaces the list dst with l, which it takes over. */
static void list_replace(struct strlist *dst, struct strlist *l)
{
	strlist_free(dst);
	*dst = *l;
}

static int list_set(struct strlist *dst, const struct strlist *src)
{
	struct strlist l = STRLIST_INIT;
	if (list_append(&l, src)) {
		strlist_free(&l);
		return AW_ENOMEM;
	}
	list_replace(dst, &l);
	return 0;
}

/* The string fields of struct inquiry, for copying and for the search for
 * markers in the text between the parts. */
static const size_t text_fields[] = {
	offsetof(struct inquiry, number), offsetof(struct inquiry, title),
	offsetof(struct inquiry, askers), offsetof(struct inquiry, session_line),
	offsetof(struct inquiry, title_line), offsetof(struct inquiry, intro),
	offsetof(struct inquiry, preamble_heading), offsetof(struct inquiry, leadin),
	offsetof(struct inquiry, signature), offsetof(struct inquiry, senate_leadin),
	offsetof(struct inquiry, senate_preamble_heading),
};

static char **text_at(struct inquiry *q, size_t off)
{
	return (char **)((char *)q + off);
}

static const char *ctext_at(const struct inquiry *q, size_t off)
{
	return *(char *const *)((const char *)q + off);
}

static struct strlist *list_at(struct inquiry *q, size_t off)
{
	return (struct strlist *)((char *)q + off);
}

static const struct strlist *clist_at(const struct inquiry *q, size_t off)
{
	return (const struct strlist *)((const char *)q + off);
}

/* ---- labels ----------------------------------------------------------- */

/* Appends label unless the list has it already. */
static int note(struct strlist *l, const char *label)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], label))
			return 0;
	return strlist_add(l, label);
}

static int note_question(struct strlist *l, int number)
{
	char nr[16], label[32];
	snprintf(label, sizeof label, "Frage %s", heading_label(number, nr));
	return note(l, label);
}

/* "Zu Frage 1 und 2": the canonical heading without its colon. */
static int note_answer(struct strlist *l, const struct answer *a)
{
	char *h = heading_format(a->covers, a->ncovers);
	if (!h)
		return AW_ENOMEM;
	size_t n = strlen(h);
	if (n && h[n - 1] == ':')
		h[n - 1] = '\0';
	int rc = note(l, h);
	free(h);
	return rc;
}

/* ---- three-way decisions ---------------------------------------------- */

enum pick { PICK_OURS, PICK_THEIRS, PICK_CONFLICT };

/* ob, tb: ours, theirs equal the base (never, without one); ot: ours
 * equals theirs. */
static enum pick pick(int ob, int tb, int ot)
{
	if (ot || tb)
		return PICK_OURS;
	if (ob)
		return PICK_THEIRS;
	return PICK_CONFLICT;
}

/* Sets *dst to the merge of one string (has_base 0: no base to compare
 * with). 1 when both changed it differently and ours was kept, 0, or
 * AW_ENOMEM. */
static int merge_str(char **dst, int has_base, const char *b, const char *o, const char *t)
{
	enum pick p = pick(has_base && streq(o, b), has_base && streq(t, b), streq(o, t));
	if (set_str(dst, p == PICK_THEIRS ? t : o))
		return AW_ENOMEM;
	return p == PICK_CONFLICT;
}

/* Appends both versions between the markers, each marker a paragraph;
 * o or t NULL leaves that side empty. */
static int conflict_block(const struct merge *m, struct strlist *dst, const struct strlist *o,
                          const struct strlist *t)
{
	struct buf ours = BUF_INIT, theirs = BUF_INIT;
	int rc = buf_printf(&ours, "%s%s", DOCMERGE_OURS, m->ours_name) |
	         buf_printf(&theirs, "%s%s", DOCMERGE_THEIRS, m->theirs_name);
	if (!rc)
		rc = strlist_push(dst, buf_take(&ours)) || list_append(dst, o) ||
		     strlist_add(dst, DOCMERGE_SEP) || list_append(dst, t) ||
		     strlist_push(dst, buf_take(&theirs));
	buf_free(&ours);
	buf_free(&theirs);
	return rc ? AW_ENOMEM : 0;
}

/* Sets *dst to the merge of a list of paragraphs (b NULL: no base). 1 when
 * both changed it differently and it now holds the conflict block, 0, or
 * AW_ENOMEM. */
static int merge_paras(const struct merge *m, struct strlist *dst, const struct strlist *b,
                       const struct strlist *o, const struct strlist *t)
{
	enum pick p = pick(b && strlist_equal(o, b), b && strlist_equal(t, b), strlist_equal(o, t));
	struct strlist l = STRLIST_INIT;
	int rc = p == PICK_CONFLICT ? conflict_block(m, &l, o, t) :
	         list_append(&l, p == PICK_THEIRS ? t : o);
	if (rc) {
		strlist_free(&l);
		return AW_ENOMEM;
	}
	list_replace(dst, &l);
	return p == PICK_CONFLICT;
}

/* ---- the head --------------------------------------------------------- */

static int same_date(const struct inquiry *a, const struct inquiry *b)
{
	return a->session_year == b->session_year && a->session_month == b->session_month &&
	       a->session_day == b->session_day;
}

static int same_title(const struct inquiry *a, const struct inquiry *b)
{
	return a->kind == b->kind && streq(a->number, b->number) && streq(a->title, b->title);
}

static int same_askers(const struct inquiry *a, const struct inquiry *b)
{
	return a->kind == b->kind && a->parliament == b->parliament && streq(a->askers, b->askers);
}

static int same_kind(const struct inquiry *a, const struct inquiry *b)
{
	return a->kind == b->kind;
}

static const struct {
	size_t off;
	const char *label;
} header_texts[] = {
	{offsetof(struct inquiry, number), "Nummer"},
	{offsetof(struct inquiry, title), "Titel"},
	{offsetof(struct inquiry, askers), "Fragesteller"},
	{offsetof(struct inquiry, leadin), OTHER_TEXT},
	{offsetof(struct inquiry, signature), OTHER_TEXT},
};

/* Lines kept as written that say what fields of the model say. */
static const struct {
	size_t off;
	const char *label;
	int (*same)(const struct inquiry *, const struct inquiry *);
} header_lines[] = {
	{offsetof(struct inquiry, session_line), "Sitzungsdatum", same_date},
	{offsetof(struct inquiry, title_line), "Titel", same_title},
	{offsetof(struct inquiry, intro), "Fragesteller", same_askers},
	{offsetof(struct inquiry, senate_leadin), OTHER_TEXT, same_kind},
};

#define PICK(f) pick(b && o->f == b->f, b && t->f == b->f, o->f == t->f)

/* Header fields both changed: ours stays in the header and both values
 * go into one block between markers under the title, so that the
 * conflict is visible, kept and blocks a push until someone chooses. */
struct head_conflicts {
	struct buf ours, theirs;
};

static int head_conflict(struct head_conflicts *h, struct strlist *conflicts,
                         const char *label, const char *ov, const char *tv)
{
	/* A field and the line that shows it (the title and the title line)
	 * conflict together: the field's values say it once. */
	size_t ll = strlen(label);
	for (const char *s = h->ours.s; s && *s; s = strchr(s, '\n') ? strchr(s, '\n') + 1 : "")
		if (!strncmp(s, label, ll) && s[ll] == ':')
			return note(conflicts, label);
	if (buf_printf(&h->ours, "%s: %s\n", label, ov ? ov : "–") ||
	    buf_printf(&h->theirs, "%s: %s\n", label, tv ? tv : "–"))
		return AW_ENOMEM;
	return note(conflicts, label);
}

static int head_conflicts_block(struct merge *m, struct head_conflicts *h)
{
	struct buf block = BUF_INIT;
	int rc = 0;
	if (h->ours.len &&
	    (buf_printf(&block, "%s%s\n%s%s\n%s%s%s", DOCMERGE_OURS, m->ours_name, h->ours.s,
	                DOCMERGE_SEP, h->theirs.s, DOCMERGE_THEIRS, m->theirs_name) ||
	     !(m->head_block = buf_take(&block))))
		rc = AW_ENOMEM;
	buf_free(&block);
	buf_free(&h->ours);
	buf_free(&h->theirs);
	return rc;
}

static char *date_text(const struct inquiry *q, char out[32])
{
	if (!q->session_year)
		return NULL;
	snprintf(out, 32, "%d.%d.%d", q->session_day, q->session_month, q->session_year);
	return out;
}

static int merge_head(struct merge *m)
{
	const struct inquiry *b = m->b, *o = m->o, *t = m->t;
	struct inquiry *r = m->res;
	struct head_conflicts h = {BUF_INIT, BUF_INIT};
	char od[32], td[32];
	int rc = 0;

	switch (pick(b && same_date(o, b), b && same_date(t, b), same_date(o, t))) {
	case PICK_THEIRS:
		r->session_year = t->session_year;
		r->session_month = t->session_month;
		r->session_day = t->session_day;
		break;
	case PICK_CONFLICT:
		rc |= head_conflict(&h, m->conflicts, "Sitzungsdatum", date_text(o, od), date_text(t, td));
		break;
	case PICK_OURS:
		break;
	}
	switch (PICK(kind)) {
	case PICK_THEIRS: r->kind = t->kind; break;
	case PICK_CONFLICT:
		rc |= head_conflict(&h, m->conflicts, "Art", inquiry_kind_name(o->kind),
		                    inquiry_kind_name(t->kind));
		break;
	case PICK_OURS: break;
	}
	switch (PICK(parliament)) {
	case PICK_THEIRS: r->parliament = t->parliament; break;
	case PICK_CONFLICT:
		rc |= head_conflict(&h, m->conflicts, "Parlament", inquiry_parliament_name(o->parliament),
		                    inquiry_parliament_name(t->parliament));
		break;
	case PICK_OURS: break;
	}
	/* Layout is no content: where both changed it, ours stays. */
	if (PICK(leading_blank_lines) == PICK_THEIRS)
		r->leading_blank_lines = t->leading_blank_lines;
	if (PICK(final_newline) == PICK_THEIRS)
		r->final_newline = t->final_newline;
	if (PICK(crlf) == PICK_THEIRS)
		r->crlf = t->crlf;
	if (PICK(bom) == PICK_THEIRS)
		r->bom = t->bom;

	for (size_t i = 0; !rc && i < sizeof header_texts / sizeof *header_texts; i++) {
		size_t off = header_texts[i].off;
		int c = merge_str(text_at(r, off), b != NULL, b ? ctext_at(b, off) : NULL,
		                  ctext_at(o, off), ctext_at(t, off));
		rc = c < 0 ? c : c ? head_conflict(&h, m->conflicts, header_texts[i].label,
		                                   ctext_at(o, off), ctext_at(t, off)) : 0;
	}
	for (size_t i = 0; !rc && i < sizeof header_lines / sizeof *header_lines; i++) {
		size_t off = header_lines[i].off;
		char **line = text_at(r, off);
		int c = merge_str(line, b != NULL, b ? ctext_at(b, off) : NULL, ctext_at(o, off),
		                  ctext_at(t, off));
		if (c < 0) {
			rc = c;
			break;
		}
		/* A line from one version while its fields came partly from
		 * the other would read back differently: inquiry_complete()
		 * makes it anew from the merged fields. */
		const struct inquiry *v[] = {o, t, b};
		size_t k = 0;
		while (k < 3 && !(v[k] && streq(ctext_at(v[k], off), *line) && header_lines[i].same(v[k], r)))
			k++;
		if (k == 3) {
			free(*line);
			*line = NULL;
		} else if (c) {
			rc = head_conflict(&h, m->conflicts, header_lines[i].label, ctext_at(o, off),
			                   ctext_at(t, off));
		}
	}
	if (head_conflicts_block(m, &h))
		rc = AW_ENOMEM;
	return rc ? AW_ENOMEM : 0;
}

#undef PICK

/* A preamble and its heading. */
static int merge_preamble(struct merge *m, size_t list_off, size_t head_off, const char *label,
                          const char *canonical)
{
	const struct inquiry *v[] = {m->o, m->t, m->b};
	struct strlist *paras = list_at(m->res, list_off);
	char **head = text_at(m->res, head_off);
	int ch = merge_str(head, m->b != NULL, m->b ? ctext_at(m->b, head_off) : NULL,
	                   ctext_at(m->o, head_off), ctext_at(m->t, head_off));
	int cp = merge_paras(m, paras, m->b ? clist_at(m->b, list_off) : NULL,
	                     clist_at(m->o, list_off), clist_at(m->t, list_off));
	if (ch < 0 || cp < 0)
		return AW_ENOMEM;
	if ((ch || cp) && note(m->conflicts, label))
		return AW_ENOMEM;
	if (!paras->n || *head)
		return 0;
	/* Paragraphs without a heading read back as the preamble only as
	 * they stood in a version; else they need one. */
	for (size_t k = 0; k < 3; k++)
		if (v[k] && !ctext_at(v[k], head_off) && strlist_equal(clist_at(v[k], list_off), paras))
			return 0;
	for (size_t k = 0; k < 3; k++)
		if (v[k] && ctext_at(v[k], head_off))
			return set_str(head, ctext_at(v[k], head_off));
	return set_str(head, canonical);
}

/* ---- questions -------------------------------------------------------- */

static const struct question *find_question(const struct inquiry *q, int number, size_t occ)
{
	for (size_t i = 0; q && i < q->nquestions; i++) {
		if (q->questions[i].number != number)
			continue;
		if (!occ)
			return &q->questions[i];
		occ--;
	}
	return NULL;
}

/* How many questions before the i-th have its number. */
static size_t question_occ(const struct inquiry *q, size_t i)
{
	size_t k = 0;
	for (size_t j = 0; j < i; j++)
		k += q->questions[j].number == q->questions[i].number;
	return k;
}

static int same_numbers(const struct inquiry *a, const struct inquiry *b)
{
	if (a->nquestions != b->nquestions)
		return 0;
	for (size_t i = 0; i < a->nquestions; i++)
		if (a->questions[i].number != b->questions[i].number)
			return 0;
	return 1;
}

/* Appends to dst the merge of the question that s (of the version giving
 * the structure) is. */
static int merge_question(struct merge *m, struct inquiry *dst, const struct question *s,
                          size_t occ)
{
	const struct question *qb = find_question(m->b, s->number, occ);
	const struct question *qo = find_question(m->o, s->number, occ);
	const struct question *qt = find_question(m->t, s->number, occ);
	if (inquiry_copy_question(dst, s))
		return AW_ENOMEM;
	if (!qo || !qt)
		return 0; /* only one version has it: that one */
	struct question *r = &dst->questions[dst->nquestions - 1];
	int c1 = merge_str(&r->marker, qb != NULL, qb ? qb->marker : NULL, qo->marker, qt->marker);
	int c2 = merge_str(&r->section, qb != NULL, qb ? qb->section : NULL, qo->section, qt->section);
	int c3 = merge_paras(m, &r->paras, qb ? &qb->paras : NULL, &qo->paras, &qt->paras);
	if (c1 < 0 || c2 < 0 || c3 < 0)
		return AW_ENOMEM;
	return c1 || c2 || c3 ? note_question(m->conflicts, s->number) : 0;
}

/* A question of x (the side whose structure was not taken) missing from
 * dst comes back, in number order, as a conflict when x changed or added
 * it. */
static int keep_lost_question(struct merge *m, struct inquiry *dst, const struct question *x,
                              size_t occ, int theirs)
{
	const struct question *xb = find_question(m->b, x->number, occ);
	if (find_question(dst, x->number, occ) || !x->paras.n ||
	    (xb && strlist_equal(&xb->paras, &x->paras)))
		return 0;
	struct strlist l = STRLIST_INIT;
	if (inquiry_copy_question(dst, x) ||
	    conflict_block(m, &l, theirs ? NULL : &x->paras, theirs ? &x->paras : NULL)) {
		strlist_free(&l);
		return AW_ENOMEM;
	}
	size_t n = dst->nquestions - 1, at = 0;
	list_replace(&dst->questions[n].paras, &l);
	while (at < n && dst->questions[at].number <= x->number)
		at++;
	struct question moved = dst->questions[n];
	memmove(&dst->questions[at + 1], &dst->questions[at], (n - at) * sizeof moved);
	dst->questions[at] = moved;
	return note_question(m->conflicts, x->number);
}

/* The structure (the list of numbers) comes from the side that changed
 * it, ours if both did. */
static int merge_questions(struct merge *m)
{
	int theirs = m->b && same_numbers(m->b, m->o) && !same_numbers(m->b, m->t);
	const struct inquiry *s = theirs ? m->t : m->o, *x = theirs ? m->o : m->t;
	struct inquiry tmp;
	int rc = 0;

	inquiry_init(&tmp);
	for (size_t i = 0; !rc && i < s->nquestions; i++)
		rc = merge_question(m, &tmp, &s->questions[i], question_occ(s, i));
	for (size_t i = 0; !rc && i < x->nquestions; i++)
		rc = keep_lost_question(m, &tmp, &x->questions[i], question_occ(x, i), !theirs);
	if (!rc) {
		struct question *v = m->res->questions;
		size_t n = m->res->nquestions;
		m->res->questions = tmp.questions;
		m->res->nquestions = tmp.nquestions;
		tmp.questions = v;
		tmp.nquestions = n;
	}
	inquiry_free(&tmp);
	return rc;
}

/* ---- answers ---------------------------------------------------------- */

static int same_covers(const struct answer *a, const int *covers, size_t n)
{
	return a->ncovers == n && (!n || !memcmp(a->covers, covers, n * sizeof *covers));
}

static const struct answer *find_answer(const struct inquiry *q, const struct answer *key,
                                        size_t occ)
{
	for (size_t i = 0; q && i < q->nanswers; i++) {
		if (!same_covers(&q->answers[i], key->covers, key->ncovers))
			continue;
		if (!occ)
			return &q->answers[i];
		occ--;
	}
	return NULL;
}

static size_t answer_occ(const struct inquiry *q, size_t i)
{
	size_t k = 0;
	for (size_t j = 0; j < i; j++)
		k += same_covers(&q->answers[j], q->answers[i].covers, q->answers[i].ncovers);
	return k;
}

static int covers_question(const struct answer *a, int number)
{
	for (size_t k = 0; k < a->ncovers; k++)
		if (a->covers[k] == number)
			return 1;
	return 0;
}

static int same_keys(const struct inquiry *a, const struct inquiry *b)
{
	if (a->nanswers != b->nanswers)
		return 0;
	for (size_t i = 0; i < a->nanswers; i++)
		if (!same_covers(&a->answers[i], b->answers[i].covers, b->answers[i].ncovers))
			return 0;
	return 1;
}

/* Merges the text of the i-th answer of the result with the answers of
 * the same key in the three versions. */
static int merge_answer(struct merge *m, size_t i)
{
	struct answer *r = &m->res->answers[i];
	size_t occ = answer_occ(m->res, i);
	const struct answer *ab = find_answer(m->b, r, occ);
	const struct answer *ao = find_answer(m->o, r, occ), *at = find_answer(m->t, r, occ);
	if (!ao || !at) {
		/* Only one version has it (or neither: a new empty slot). */
		const struct answer *p = ao ? ao : at;
		return p && (set_str(&r->heading, p->heading) || set_str(&r->section, p->section) ||
		             list_set(&r->paras, &p->paras)) ? AW_ENOMEM : 0;
	}
	/* Two wordings of the same heading are no conflict: ours stays. */
	int c1 = merge_str(&r->heading, ab != NULL, ab ? ab->heading : NULL, ao->heading, at->heading);
	int c2 = merge_str(&r->section, ab != NULL, ab ? ab->section : NULL, ao->section, at->section);
	int c3 = merge_paras(m, &r->paras, ab ? &ab->paras : NULL, &ao->paras, &at->paras);
	if (c1 < 0 || c2 < 0 || c3 < 0)
		return AW_ENOMEM;
	return c2 || c3 ? note_answer(m->conflicts, r) : 0;
}

/* An answer of x (the side whose structure was not taken) whose key is
 * gone from the result, but whose text x changed or added, goes as a
 * conflict block under the answer to its first question (or the last). */
static int keep_lost_answer(struct merge *m, const struct answer *a, size_t occ, int theirs)
{
	struct inquiry *r = m->res;
	const struct answer *ab = find_answer(m->b, a, occ);
	if (!a->paras.n || find_answer(r, a, occ) || (ab && strlist_equal(&ab->paras, &a->paras)))
		return 0;
	if (!r->nanswers) {
		if (inquiry_copy_answer(r, 0, a))
			return AW_ENOMEM;
		strlist_free(&r->answers[0].paras);
	}
	struct answer *to = &r->answers[r->nanswers - 1];
	for (size_t i = 0; a->ncovers && i < r->nanswers; i++) {
		if (covers_question(&r->answers[i], a->covers[0])) {
			to = &r->answers[i];
			break;
		}
	}
	if (conflict_block(m, &to->paras, theirs ? NULL : &a->paras, theirs ? &a->paras : NULL))
		return AW_ENOMEM;
	return note_answer(m->conflicts, to);
}

/* The structure (the list of covers sets) is theirs if only theirs
 * changed it, else ours. */
static int keys_from_theirs(const struct merge *m)
{
	return m->b && same_keys(m->b, m->o) && !same_keys(m->b, m->t);
}

static int answers_structure(struct merge *m)
{
	const struct inquiry *s = keys_from_theirs(m) ? m->t : m->o;
	struct inquiry tmp;
	int rc = 0;

	inquiry_init(&tmp);
	for (size_t i = 0; !rc && i < s->nanswers; i++)
		rc = inquiry_copy_answer(&tmp, tmp.nanswers, &s->answers[i]);
	if (!rc) {
		struct answer *v = m->res->answers;
		size_t n = m->res->nanswers;
		m->res->answers = tmp.answers;
		m->res->nanswers = tmp.nanswers;
		tmp.answers = v;
		tmp.nanswers = n;
	}
	inquiry_free(&tmp);
	return rc;
}

/* Every answer of the result merged; then what the side whose structure
 * was not taken would lose. */
static int answers_text(struct merge *m)
{
	int theirs = keys_from_theirs(m);
	const struct inquiry *x = theirs ? m->o : m->t;
	int rc = 0;
	for (size_t i = 0; !rc && i < m->res->nanswers; i++)
		rc = merge_answer(m, i);
	for (size_t i = 0; !rc && i < x->nanswers; i++)
		rc = keep_lost_answer(m, &x->answers[i], answer_occ(x, i), !theirs);
	return rc;
}

/* ---- blocks kept verbatim --------------------------------------------- */

/* The blocks kept after part p are the same in a and b. */
static int same_extras(const struct inquiry *a, const struct inquiry *b, enum part p)
{
	size_t i = 0, j = 0;
	for (;;) {
		while (i < a->nextras && a->extras[i].after != p)
			i++;
		while (j < b->nextras && b->extras[j].after != p)
			j++;
		if (i == a->nextras || j == b->nextras)
			return i == a->nextras && j == b->nextras;
		if (strcmp(a->extras[i].text, b->extras[j].text))
			return 0;
		i++;
		j++;
	}
}

static int has_extra(const struct inquiry *q, enum part p, const char *text)
{
	for (size_t i = 0; q && i < q->nextras; i++)
		if (q->extras[i].after == p && !strcmp(q->extras[i].text, text))
			return 1;
	return 0;
}

static int add_extra(struct inquiry *dst, enum part p, const char *text)
{
	char *copy = NULL;
	set_str(&copy, text); /* left NULL, it fails the add */
	return inquiry_add_extra(dst, p, copy);
}

/* Per part they follow, as one list; where both changed it, ours and
 * after them the blocks only theirs has. */
static int merge_extras(struct merge *m)
{
	const struct inquiry *b = m->b, *o = m->o, *t = m->t;
	struct inquiry tmp;
	int rc = 0;

	inquiry_init(&tmp);
	for (enum part p = PART_START; !rc && p <= PART_END; p++) {
		enum pick k = pick(b && same_extras(o, b, p), b && same_extras(t, b, p),
		                   same_extras(o, t, p));
		const struct inquiry *from = k == PICK_THEIRS ? t : o;
		for (size_t i = 0; !rc && i < from->nextras; i++)
			if (from->extras[i].after == p)
				rc = add_extra(&tmp, p, from->extras[i].text);
		for (size_t i = 0; !rc && k == PICK_CONFLICT && i < t->nextras; i++) {
			const char *text = t->extras[i].text;
			if (t->extras[i].after == p && !has_extra(o, p, text) && !has_extra(b, p, text))
				rc = add_extra(&tmp, p, text) || note(m->conflicts, OTHER_TEXT);
		}
	}
	if (!rc) {
		struct extra *v = m->res->extras;
		size_t n = m->res->nextras;
		m->res->extras = tmp.extras;
		m->res->nextras = tmp.nextras;
		tmp.extras = v;
		tmp.nextras = n;
	}
	inquiry_free(&tmp);
	return rc ? AW_ENOMEM : 0;
}

/* ---- the merge -------------------------------------------------------- */

/* The reader takes header fields from several lines (title line, intro,
 * kept blocks such as "Kleine Anfrage der …") and joint answers from
 * sentences, so lines merged from two versions can say something other
 * than the merged fields. The text is what is saved: the result becomes
 * the model of its own text (as merged, should that not read back). */
static int as_read_back(struct inquiry *q)
{
	struct buf text = BUF_INIT;
	struct inquiry r;
	int rc = writer_write(q, &text);
	if (!rc)
		rc = reader_read(text.s ? text.s : "", text.len, "", NULL, &r, NULL);
	buf_free(&text);
	if (rc)
		return rc == AW_ENOMEM ? rc : 0;
	if (inquiry_equal(q, &r)) {
		inquiry_free(&r);
		return 0;
	}
	inquiry_free(q);
	*q = r;
	strlist_free(&q->hints);
	strlist_free(&q->cleaned);
	return 0;
}

int docmerge(const struct inquiry *base, const struct inquiry *ours,
             const struct inquiry *theirs, const char *ours_name,
             const char *theirs_name, struct inquiry *out,
             struct strlist *conflicts)
{
	struct merge m = {base, ours, theirs, ours_name, theirs_name, out, conflicts, NULL};
	/* The reader's notes describe a text the merge was not read from. */
	int rc = inquiry_copy(out, ours);
	if (!rc) {
		strlist_free(&out->hints);
		strlist_free(&out->cleaned);
	}
	if (!rc)
		rc = merge_head(&m);
	if (!rc)
		rc = merge_preamble(&m, offsetof(struct inquiry, preamble),
		                    offsetof(struct inquiry, preamble_heading), PREAMBLE,
		                    PREAMBLE ":");
	if (!rc)
		rc = merge_questions(&m);
	if (!rc)
		rc = merge_preamble(&m, offsetof(struct inquiry, senate_preamble),
		                    offsetof(struct inquiry, senate_preamble_heading),
		                    SENATE_PREAMBLE, SENATE_PREAMBLE ":");
	if (!rc)
		rc = answers_structure(&m);
	/* Slots for unanswered questions (a slot may find its text in one
	 * of the versions) and the header lines made anew. */
	if (!rc)
		rc = inquiry_complete(out);
	if (!rc)
		rc = answers_text(&m);
	if (!rc)
		rc = merge_extras(&m);
	/* After the blocks of both versions: the header conflicts under the
	 * title, where a reader looks for the title. */
	int head_block = m.head_block != NULL;
	if (!rc && m.head_block) {
		rc = inquiry_add_extra(out, PART_TITLE, m.head_block);
		m.head_block = NULL;
	}
	free(m.head_block);
	if (!rc)
		rc = as_read_back(out);
	/* Every part that now holds markers is named, also where reading
	 * back moved them or ours had them already; the block of header
	 * fields is named by its fields already. */
	struct strlist found = STRLIST_INIT;
	if (!rc)
		rc = docmerge_markers(out, &found);
	for (size_t i = 0; !rc && i < found.n; i++)
		if (!head_block || strcmp(found.v[i], OTHER_TEXT))
			rc = note(conflicts, found.v[i]);
	strlist_free(&found);
	if (rc) {
		inquiry_free(out);
		return AW_ENOMEM;
	}
	return 0;
}

/* ---- markers ---------------------------------------------------------- */

int docmerge_text_has_markers(const char *text, size_t len)
{
	static const char *const marks[] = {DOCMERGE_OURS, DOCMERGE_SEP, DOCMERGE_THEIRS};
	const size_t ml = sizeof DOCMERGE_SEP - 1;
	size_t want = 0; /* the three markers count only in their order */
	for (size_t at = 0; at < len;) {
		const char *s = text + at;
		size_t n = len - at;
		/* Seven signs and then a space or the end of the line: eight
		 * '=' or a row of them inside a sentence are no marker, and a
		 * lone "=======" under a Markdown heading is none either. */
		for (size_t k = 0; k < 3; k++)
			if (n >= ml && !memcmp(s, marks[k], ml) &&
			    (n == ml || s[ml] == ' ' || s[ml] == '\n' || s[ml] == '\r')) {
				if (k == want && ++want == 3)
					return 1;
				if (k == 0)
					want = 1;
			}
		const char *nl = memchr(s, '\n', n);
		if (!nl)
			break;
		at = (size_t)(nl - text) + 1;
	}
	return 0;
}

static int str_has_markers(const char *s)
{
	return s && docmerge_text_has_markers(s, strlen(s));
}

/* The paragraphs as one text: the markers are paragraphs of their own. */
static int list_has_markers(const struct strlist *l)
{
	struct buf all = BUF_INIT;
	for (size_t i = 0; i < l->n; i++)
		if (buf_adds(&all, l->v[i]) || buf_addc(&all, '\n')) {
			buf_free(&all);
			return 1; /* out of memory: rather a false alarm than a missed conflict */
		}
	int found = all.s && docmerge_text_has_markers(all.s, all.len);
	buf_free(&all);
	return found;
}

int docmerge_markers(const struct inquiry *q, struct strlist *labels)
{
	int rc = 0, other = 0;
	if (list_has_markers(&q->preamble))
		rc |= note(labels, PREAMBLE);
	for (size_t i = 0; i < q->nquestions; i++)
		if (list_has_markers(&q->questions[i].paras) || str_has_markers(q->questions[i].section))
			rc |= note_question(labels, q->questions[i].number);
	if (list_has_markers(&q->senate_preamble))
		rc |= note(labels, SENATE_PREAMBLE);
	for (size_t i = 0; i < q->nanswers; i++)
		if (list_has_markers(&q->answers[i].paras) || str_has_markers(q->answers[i].section))
			rc |= note_answer(labels, &q->answers[i]);
	/* Markers elsewhere (a conflict in the head git left in the text)
	 * are unresolved all the same. */
	for (size_t i = 0; i < sizeof text_fields / sizeof *text_fields; i++)
		other |= str_has_markers(ctext_at(q, text_fields[i]));
	/* A block of markers that someone split with a blank line reads back
	 * as several extras: they count together. */
	struct strlist extras = {NULL, 0, 0};
	for (size_t i = 0; i < q->nextras; i++)
		if (strlist_add(&extras, q->extras[i].text))
			other = 1; /* out of memory: rather a false alarm */
	other |= list_has_markers(&extras);
	strlist_free(&extras);
	if (other)
		rc |= note(labels, OTHER_TEXT);
	return rc ? AW_ENOMEM : 0;
}
