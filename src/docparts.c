/* docparts.c: an inquiry cut into the parts a reviewer talks about, and
 * two versions compared part by part.
 *
 * Every fixed part is made even when empty, so that two versions always
 * have the same fixed keys and only questions and answers come and go.
 * Whatever the model holds beyond the named parts (the lines kept as
 * written, blocks not understood, how questions are numbered, headings in
 * another wording, line ends) goes into "Übriger Text", so that no change
 * of the document goes unseen. */
#include "docparts.h"
#include "error.h"
#include "heading.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Keys to numbers, by open addressing on a hash of the key. The parts of
 * a 200-question inquiry used to be compared each with each, which was a
 * tenth of saving it. The keys are borrowed, not copied. */
struct key_index {
	const char **key;
	size_t *val;
	size_t cap;
};

static int key_index_init(struct key_index *x, size_t n)
{
	x->cap = 16;
	while (x->cap < 2 * n + 2)
		x->cap *= 2;
	x->key = calloc(x->cap, sizeof *x->key);
	x->val = calloc(x->cap, sizeof *x->val);
	return x->key && x->val ? 0 : AW_ENOMEM;
}

static void key_index_free(struct key_index *x)
{
	free(x->key);
	free(x->val);
}

/* The value slot of key, made (with *added = 1) when key is new; the
 * index holds at most half its room, so there always is one. */
static size_t *key_slot(struct key_index *x, const char *key, int *added)
{
	size_t h = 2166136261u; /* FNV-1a */
	for (const unsigned char *c = (const unsigned char *)key; *c; c++)
		h = (h ^ *c) * 16777619u;
	size_t i = h & (x->cap - 1);
	while (x->key[i] && strcmp(x->key[i], key))
		i = (i + 1) & (x->cap - 1);
	*added = !x->key[i];
	if (*added)
		x->key[i] = key;
	return &x->val[i];
}

struct maker {
	struct doc_parts *out;
	size_t cap;
	int rc;
	struct key_index seen; /* each key given so far: how often */
};

/* Appends a part taking key, label and text (NULL: out of memory). Keys
 * are made unique: the second "answer:1" becomes "answer:1#2". */
static struct doc_part *add(struct maker *m, enum dp_kind kind, char *key, char *label,
                            char *text)
{
	struct doc_parts *o = m->out;
	if (!m->rc && key) {
		/* Keys given are never "…#N", so counting them is enough. The
		 * index borrows the first of each key, which the parts keep. */
		int added;
		size_t *same = key_slot(&m->seen, key, &added);
		if (!added) {
			struct buf b = BUF_INIT;
			m->rc = buf_printf(&b, "%s#%zu", key, ++*same + 1);
			free(key);
			key = buf_take(&b);
		}
	}
	if (!m->rc && o->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 16;
		struct doc_part *v = realloc(o->v, cap * sizeof *v);
		if (v) {
			o->v = v;
			m->cap = cap;
		} else {
			m->rc = AW_ENOMEM;
		}
	}
	if (m->rc || !key || !label || !text) {
		m->rc = AW_ENOMEM;
		free(key);
		free(label);
		free(text);
		return NULL;
	}
	struct doc_part *p = &o->v[o->n++];
	*p = (struct doc_part){kind, NULL, 0, key, label, text};
	return p;
}

/* A copy of s, "" for NULL. */
static char *dup(const char *s)
{
	size_t n = s ? strlen(s) + 1 : 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s ? s : "", n);
	return d;
}

/* Appends s as a block: blocks are separated by a blank line. */
static int block(struct buf *b, const char *s)
{
	if (!s || (b->len && buf_adds(b, "\n\n")))
		return s ? AW_ENOMEM : 0;
	return buf_adds(b, s);
}

/* heading then the paragraphs, as blocks. NULL when out of memory. */
static char *paragraphs(const char *heading, const struct strlist *l)
{
	struct buf b = BUF_INIT;
	int rc = block(&b, heading);
	for (size_t i = 0; i < l->n; i++)
		rc |= block(&b, l->v[i]);
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* Length of the session date as written at s ("04.04.2017", "4. 4.
 * 2017", "(Datum offen)"), or 0. */
static size_t date_at(const char *s, size_t at, const struct inquiry *q)
{
	static const char open[] = "(Datum offen)";
	if (!q->session_year)
		return strncmp(s + at, open, sizeof open - 1) ? 0 : sizeof open - 1;
	if (at && s[at - 1] >= '0' && s[at - 1] <= '9')
		return 0;
	const int want[3] = {q->session_day, q->session_month, q->session_year};
	size_t p = at;
	for (int f = 0; f < 3; f++) {
		if (f) {
			if (s[p] != '.')
				return 0;
			for (p++; s[p] == ' '; p++)
				;
		}
		int v = 0;
		size_t d = p;
		for (; s[p] >= '0' && s[p] <= '9' && p - d < 4; p++)
			v = v * 10 + (s[p] - '0');
		if (p == d || v != want[f])
			return 0;
	}
	return s[p] >= '0' && s[p] <= '9' ? 0 : p - at;
}

/* Appends s as a block with the header fields in it replaced by their
 * names: a changed title then reads "Titel geändert", not also a
 * changed title line. */
static int masked(struct buf *b, const char *s, const struct inquiry *q)
{
	const char *field[] = {q->title, q->askers, q->number};
	const char *name[] = {"[Titel]", "[Fragesteller]", "[Nummer]"};
	int rc = 0;
	if (!s)
		return 0;
	if (b->len)
		rc |= buf_adds(b, "\n\n");
	for (size_t i = 0; s[i];) {
		size_t n = date_at(s, i, q);
		const char *as = "[Sitzungsdatum]";
		for (size_t f = 0; !n && f < 3; f++)
			if (field[f] && *field[f] && !strncmp(s + i, field[f], strlen(field[f]))) {
				n = strlen(field[f]);
				as = name[f];
			}
		if (n) {
			rc |= buf_adds(b, as);
			i += n;
		} else {
			rc |= buf_addc(b, s[i++]);
		}
	}
	return rc;
}

static int extras(struct buf *b, const struct inquiry *q, enum part after)
{
	int rc = 0;
	for (size_t i = 0; i < q->nextras; i++)
		if (q->extras[i].after == after)
			rc |= masked(b, q->extras[i].text, q);
	return rc;
}

/* The numbering of the questions as a pattern ("N.", "N)", "Frage N:"),
 * each pattern once: another question numbered alike changes nothing. */
static int numbering(struct buf *b, const struct inquiry *q)
{
	struct buf styles = BUF_INIT;
	int rc = 0;
	for (size_t i = 0; i < q->nquestions; i++) {
		const struct question *qu = &q->questions[i];
		char label[16];
		const char *nr = heading_label(qu->number, label), *at = strstr(qu->marker, nr);
		if (!at && qu->number >= 1 && qu->number <= HEADING_NORDINALS)
			at = strstr(qu->marker, nr = heading_ordinals[qu->number - 1]);
		struct buf one = BUF_INIT;
		if (at)
			rc |= buf_printf(&one, "„%.*sN%s“", (int)(at - qu->marker), qu->marker,
			                 at + strlen(nr));
		else
			rc |= buf_printf(&one, "„%s“", qu->marker);
		if (!rc && !(styles.s && strstr(styles.s, one.s)))
			rc |= buf_printf(&styles, "%s%s", styles.len ? ", " : "", one.s);
		buf_free(&one);
	}
	if (!rc && styles.len && !(rc = block(b, "Nummerierung der Fragen: ")))
		rc = buf_adds(b, styles.s);
	buf_free(&styles);
	return rc;
}

/* Answer headings not in the canonical wording ("Zu 1.:"). */
static int headings(struct buf *b, const struct inquiry *q)
{
	int rc = 0;
	for (size_t i = 0; !rc && i < q->nanswers; i++) {
		const struct answer *a = &q->answers[i];
		char *canon = heading_format(a->covers, a->ncovers);
		if (!canon)
			return AW_ENOMEM;
		if (strcmp(canon, a->heading) && !(rc = block(b, "Überschrift „")))
			rc = buf_printf(b, "%s“ statt „%s“", a->heading, canon);
		free(canon);
	}
	return rc;
}

/* The rest of the document in its order, then its layout. */
static char *other(const struct inquiry *q)
{
	struct buf b = BUF_INIT;
	int rc = extras(&b, q, PART_START);
	rc |= masked(&b, q->session_line, q);
	rc |= extras(&b, q, PART_SESSION);
	rc |= masked(&b, q->title_line, q);
	rc |= extras(&b, q, PART_TITLE);
	rc |= masked(&b, q->intro, q);
	rc |= extras(&b, q, PART_INTRO);
	rc |= extras(&b, q, PART_PREAMBLE);
	rc |= block(&b, q->leadin);
	rc |= extras(&b, q, PART_LEADIN);
	rc |= numbering(&b, q);
	rc |= extras(&b, q, PART_QUESTIONS);
	rc |= masked(&b, q->signature, q);
	rc |= extras(&b, q, PART_SIGNATURE);
	rc |= block(&b, q->senate_leadin);
	rc |= extras(&b, q, PART_SENATE_LEADIN);
	rc |= headings(&b, q);
	rc |= extras(&b, q, PART_END);
	rc |= block(&b, "Zeilenenden: ");
	rc |= buf_printf(&b, "%s\nByte-Order-Mark: %s\nLeerzeilen am Anfang: %zu\n"
	                 "Zeilenende am Schluss: %s", q->crlf ? "CRLF (Windows)" : "LF",
	                 q->bom ? "ja" : "nein", q->leading_blank_lines,
	                 q->final_newline ? "ja" : "nein");
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

static char *printed(const char *fmt, const char *s)
{
	struct buf b = BUF_INIT;
	if (buf_printf(&b, fmt, s)) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

static char *session(const struct inquiry *q)
{
	struct buf b = BUF_INIT;
	if (q->session_year && buf_printf(&b, "%d.%d.%d", q->session_day, q->session_month,
	                                  q->session_year)) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* Gives p its own copy of covers. */
static void set_covers(struct maker *m, struct doc_part *p, const int *covers, size_t n)
{
	if (!p || !n)
		return;
	if (!(p->covers = malloc(n * sizeof *covers))) {
		m->rc = AW_ENOMEM;
		return;
	}
	memcpy(p->covers, covers, n * sizeof *covers);
	p->ncovers = n;
}

static void question(struct maker *m, const struct question *qu)
{
	char nr[16];
	heading_label(qu->number, nr);
	struct doc_part *p = add(m, DP_QUESTION, printed("question:%s", nr),
	                         printed("Frage %s", nr), paragraphs(qu->section, &qu->paras));
	set_covers(m, p, &qu->number, 1);
}

/* "answer:1,2": the questions an answer covers identify it. */
static char *answer_key(const struct answer *a)
{
	struct buf b = BUF_INIT;
	int rc = buf_adds(&b, "answer:");
	for (size_t i = 0; i < a->ncovers; i++) {
		char nr[16];
		rc |= buf_printf(&b, "%s%s", i ? "," : "", heading_label(a->covers[i], nr));
	}
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

static void answer(struct maker *m, const struct answer *a)
{
	/* The label is the canonical heading without its colon. */
	char *label = heading_format(a->covers, a->ncovers);
	if (label)
		label[strlen(label) - 1] = '\0';
	struct doc_part *p = add(m, DP_ANSWER, answer_key(a), label,
	                         paragraphs(a->section, &a->paras));
	set_covers(m, p, a->covers, a->ncovers);
}

int docparts_make(const struct inquiry *q, struct doc_parts *out)
{
	struct maker m = {out, 0, 0, {NULL, NULL, 0}};
	out->v = NULL;
	out->n = 0;
	/* The fixed parts, the questions and the answers. */
	m.rc = key_index_init(&m.seen, q->nquestions + q->nanswers + 8);

	add(&m, DP_SESSION, dup("session"), dup("Sitzungsdatum"), session(q));
	add(&m, DP_NUMBER, dup("number"), dup("Nummer"), dup(q->number));
	add(&m, DP_TITLE, dup("title"), dup("Titel"), dup(q->title));
	add(&m, DP_ASKERS, dup("askers"), dup("Fragesteller"), dup(q->askers));
	add(&m, DP_PREAMBLE, dup("preamble"), dup("Vorbemerkung der Fragesteller"),
	    paragraphs(q->preamble_heading, &q->preamble));
	for (size_t i = 0; i < q->nquestions; i++)
		question(&m, &q->questions[i]);
	add(&m, DP_SENATE_PREAMBLE, dup("senate-preamble"), dup("Vorbemerkung des Senats"),
	    paragraphs(q->senate_preamble_heading, &q->senate_preamble));
	for (size_t i = 0; i < q->nanswers; i++)
		answer(&m, &q->answers[i]);
	add(&m, DP_OTHER, dup("other"), dup("Übriger Text"), other(q));
	key_index_free(&m.seen);
	if (m.rc)
		docparts_free(out);
	return m.rc;
}

void docparts_free(struct doc_parts *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].covers);
		free(p->v[i].key);
		free(p->v[i].label);
		free(p->v[i].text);
	}
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

/* Two versions compared part by part, and what changed said in German.
 *
 * The subject names the answers first (that is what reviewers look for),
 * grouped by what happened to them, in this order: zusammengefasst,
 * aufgeteilt, entworfen, überarbeitet, geleert; then the Senate's
 * preamble, the questions, the askers' preamble, the header fields and
 * the rest. */

#define NONE SIZE_MAX

static const struct doc_part *part(const struct change *c)
{
	return c->new ? c->new : c->old;
}

/* Appends the removed parts of old that follow new part j (NONE: that
 * come before all). */
static void removed(const struct doc_parts *old, const size_t *match, const size_t *after,
                    size_t j, struct change *c, size_t *k)
{
	for (size_t i = 0; i < old->n; i++)
		if (match[i] == NONE && after[i] == j)
			c[(*k)++] = (struct change){&old->v[i], NULL, CH_REMOVED};
}

int changes_compare(const struct doc_parts *old, const struct doc_parts *new,
                    struct change **out, size_t *n)
{
	/* match[i]: the new part of old part i; after[i]: for a removed one,
	 * the new part it follows (NONE: it comes first). */
	size_t *match = malloc((old->n + 1) * sizeof *match);
	size_t *after = malloc((old->n + 1) * sizeof *after);
	/* of_new[j]: the old part of new part j, NONE for a new one */
	size_t *of_new = malloc((new->n + 1) * sizeof *of_new);
	struct change *c = malloc((old->n + new->n + 1) * sizeof *c);
	struct key_index keys = {NULL, NULL, 0};
	size_t k = 0, last = NONE, gone = 0;

	*out = NULL;
	*n = 0;
	if (!match || !after || !of_new || !c || key_index_init(&keys, new->n + old->n)) {
		free(match);
		free(after);
		free(of_new);
		free(c);
		key_index_free(&keys);
		return AW_ENOMEM;
	}
	/* Keys are unique within a version (docparts_make()). */
	for (size_t j = 0; j < new->n; j++) {
		int added;
		*key_slot(&keys, new->v[j].key, &added) = j;
		of_new[j] = NONE;
	}
	for (size_t i = 0; i < old->n; i++) {
		int added;
		size_t *j = key_slot(&keys, old->v[i].key, &added);
		match[i] = added ? NONE : *j;
		if (added)
			*j = NONE; /* the old key is in the index now: never a match */
		if (match[i] != NONE) {
			of_new[match[i]] = i;
			last = match[i];
		} else {
			gone++;
		}
		after[i] = last;
	}
	key_index_free(&keys);
	removed(old, match, after, NONE, c, &k);
	for (size_t j = 0; j < new->n; j++) {
		c[k] = (struct change){NULL, &new->v[j], CH_ADDED};
		if (of_new[j] != NONE) {
			size_t i = of_new[j];
			c[k].old = &old->v[i];
			c[k].status = strcmp(old->v[i].text, new->v[j].text) ? CH_CHANGED : CH_SAME;
		}
		k++;
		if (gone) /* most saves remove no part: no need to look */
			removed(old, match, after, j, c, &k);
	}
	free(match);
	free(after);
	free(of_new);
	*out = c;
	*n = k;
	return 0;
}

/* The subject being written: parts are joined by "; ". */
struct subject {
	struct buf *b;
	int any;
	int rc;
};

static void say(struct subject *s, const char *what)
{
	if (s->any)
		s->rc |= buf_adds(s->b, "; ");
	s->rc |= buf_adds(s->b, what);
	s->any = 1;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Appends the question numbers of the changes c[i] with pick[i] == want,
 * ascending, once each: "1", "1 und 3", "1, 2 und 4". */
static void numbers(struct subject *s, const struct change *c, const int *pick, int want,
                    size_t n)
{
	size_t total = 0, u = 0;
	for (size_t i = 0; i < n; i++)
		if (pick[i] == want)
			total += part(&c[i])->ncovers;
	int *v = malloc((total + 1) * sizeof *v);
	if (!v) {
		s->rc = AW_ENOMEM;
		return;
	}
	for (size_t i = 0, k = 0; i < n; i++)
		if (pick[i] == want) {
			memcpy(v + k, part(&c[i])->covers, part(&c[i])->ncovers * sizeof *v);
			k += part(&c[i])->ncovers;
		}
	qsort(v, total, sizeof *v, cmp_int);
	for (size_t i = 0; i < total; i++)
		if (!u || v[u - 1] != v[i])
			v[u++] = v[i];
	for (size_t i = 0; i < u; i++) {
		char nr[16];
		s->rc |= buf_printf(s->b, "%s%s", i == 0 ? "" : i + 1 == u ? " und " : ", ",
		                    heading_label(v[i], nr));
	}
	free(v);
}

enum verb { V_NONE, V_MERGED, V_SPLIT, V_DRAFTED, V_REVISED, V_CLEARED, V_TAKEN };

static const char *const verb_word[] = {
	[V_MERGED] = "zusammengefasst", [V_SPLIT] = "aufgeteilt", [V_DRAFTED] = "entworfen",
	[V_REVISED] = "überarbeitet", [V_CLEARED] = "geleert",
};

static int covers_has(const struct doc_part *p, int nr)
{
	for (size_t i = 0; i < p->ncovers; i++)
		if (p->covers[i] == nr)
			return 1;
	return 0;
}

static int overlap(const struct doc_part *a, const struct doc_part *b)
{
	for (size_t i = 0; i < a->ncovers; i++)
		if (covers_has(b, a->covers[i]))
			return 1;
	return 0;
}

/* An answer of status st not yet accounted for. */
static int open_answer(const struct change *c, const int *verb, size_t i, enum change_status st)
{
	return part(&c[i])->kind == DP_ANSWER && c[i].status == st && !verb[i];
}

/* Whether the open answers of status st that share questions with the
 * joint answer c[j] are several and cover exactly its questions: then
 * they were merged into it (st: CH_REMOVED) or split from it (CH_ADDED),
 * and are marked V_TAKEN. */
static int regrouped(const struct change *c, size_t n, size_t j, enum change_status st,
                     int *verb)
{
	const struct doc_part *joint = part(&c[j]);
	size_t found = 0;
	for (size_t i = 0; i < n; i++) {
		const struct doc_part *p = part(&c[i]);
		if (!open_answer(c, verb, i, st) || !overlap(p, joint))
			continue;
		for (size_t x = 0; x < p->ncovers; x++)
			if (!covers_has(joint, p->covers[x]))
				return 0;
		found++;
	}
	for (size_t x = 0; x < joint->ncovers; x++) {
		int covered = 0;
		for (size_t i = 0; i < n && !covered; i++)
			covered = open_answer(c, verb, i, st) && covers_has(part(&c[i]), joint->covers[x]);
		if (!covered)
			return 0;
	}
	if (found < 2)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (open_answer(c, verb, i, st) && overlap(part(&c[i]), joint))
			verb[i] = V_TAKEN;
	return 1;
}

/* 1 when questions were added or removed: the numbers then no longer
 * pair the same questions, in the questions or in the answers. */
static int renumbered(const struct change *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (part(&c[i])->kind == DP_QUESTION && (c[i].status == CH_ADDED ||
		                                        c[i].status == CH_REMOVED))
			return 1;
	return 0;
}

/* The answers' texts of one side in order, empty ones left out: equal on
 * both sides when questions were merged or split and the answers only
 * followed them. */
static int answer_texts(const struct change *c, size_t n, int new_side, struct buf *out)
{
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		const struct doc_part *p = new_side ? c[i].new : c[i].old;
		if (p && p->kind == DP_ANSWER && *p->text)
			rc |= buf_adds(out, p->text) | buf_adds(out, "\n\n");
	}
	return rc;
}

static void answers(struct subject *s, const struct change *c, size_t n)
{
	if (renumbered(c, n)) {
		struct buf a = BUF_INIT, b = BUF_INIT;
		if (answer_texts(c, n, 0, &a) || answer_texts(c, n, 1, &b))
			s->rc = AW_ENOMEM;
		else if (a.len != b.len || (a.len && memcmp(a.s, b.s, a.len)))
			say(s, "Antworten angepasst");
		buf_free(&a);
		buf_free(&b);
		return;
	}
	int *verb = calloc(n + 1, sizeof *verb);
	if (!verb) {
		s->rc = AW_ENOMEM;
		return;
	}
	/* First what changed its shape, then the content of the rest. */
	for (size_t i = 0; i < n; i++)
		if (open_answer(c, verb, i, CH_ADDED) && regrouped(c, n, i, CH_REMOVED, verb))
			verb[i] = V_MERGED;
	for (size_t i = 0; i < n; i++)
		if (open_answer(c, verb, i, CH_REMOVED) && regrouped(c, n, i, CH_ADDED, verb))
			verb[i] = V_SPLIT;
	for (size_t i = 0; i < n; i++) {
		if (part(&c[i])->kind != DP_ANSWER || verb[i] || c[i].status == CH_SAME)
			continue;
		int was = c[i].old && *c[i].old->text, is = c[i].new && *c[i].new->text;
		verb[i] = was && is ? V_REVISED : is ? V_DRAFTED : was ? V_CLEARED : V_NONE;
	}
	for (int v = V_MERGED; v <= V_CLEARED && !s->rc; v++) {
		size_t count = 0;
		for (size_t i = 0; i < n; i++)
			count += verb[i] == v;
		if (!count)
			continue;
		/* A merge always joins several answers. */
		say(s, count > 1 || v == V_MERGED ? "Antworten zu Frage " : "Antwort zu Frage ");
		numbers(s, c, verb, v, n);
		s->rc |= buf_printf(s->b, " %s", verb_word[v]);
	}
	free(verb);
}

static void questions(struct subject *s, const struct change *c, size_t n)
{
	int *pick = calloc(n + 1, sizeof *pick);
	size_t count = 0, moved = 0;
	if (!pick) {
		s->rc = AW_ENOMEM;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (part(&c[i])->kind != DP_QUESTION || c[i].status == CH_SAME)
			continue;
		pick[i] = 1;
		count++;
		moved += c[i].status != CH_CHANGED;
	}
	/* With questions added or removed the numbers no longer pair the
	 * same questions: name no single one. */
	if (moved) {
		say(s, "Fragen neu aufgeteilt");
	} else if (count) {
		say(s, count > 1 ? "Fragen " : "Frage ");
		numbers(s, c, pick, 1, n);
		s->rc |= buf_adds(s->b, " geändert");
	}
	free(pick);
}

static void fixed(struct subject *s, const struct change *c, size_t n, enum dp_kind kind,
                  const char *what)
{
	for (size_t i = 0; i < n; i++)
		if (part(&c[i])->kind == kind && c[i].status != CH_SAME) {
			say(s, what);
			return;
		}
}

int changes_message(const struct change *c, size_t n, struct buf *subject)
{
	struct subject s = {subject, 0, 0};
	/* Merged or split questions are the news; the answers only followed. */
	int regrouped_questions = renumbered(c, n);
	if (regrouped_questions)
		questions(&s, c, n);
	answers(&s, c, n);
	fixed(&s, c, n, DP_SENATE_PREAMBLE, "Vorbemerkung geändert");
	if (!regrouped_questions)
		questions(&s, c, n);
	fixed(&s, c, n, DP_PREAMBLE, "Vorbemerkung der Fragesteller geändert");
	fixed(&s, c, n, DP_TITLE, "Titel geändert");
	fixed(&s, c, n, DP_NUMBER, "Nummer geändert");
	fixed(&s, c, n, DP_ASKERS, "Fragesteller geändert");
	fixed(&s, c, n, DP_SESSION, "Sitzungsdatum geändert");
	fixed(&s, c, n, DP_OTHER, "Übriger Text geändert");
	return s.rc ? AW_ENOMEM : 0;
}

int changes_answers(const struct change *c, size_t n, struct buf *list)
{
	int rc = 0, first = 1;
	for (size_t i = 0; i < n; i++) {
		const struct doc_part *p = part(&c[i]);
		if (p->kind != DP_ANSWER || c[i].status == CH_SAME)
			continue;
		if (!first)
			rc |= buf_adds(list, ", ");
		first = 0;
		for (size_t k = 0; k < p->ncovers; k++) {
			char nr[16];
			rc |= buf_printf(list, "%s%s", k ? "+" : "", heading_label(p->covers[k], nr));
		}
	}
	return rc ? AW_ENOMEM : 0;
}
