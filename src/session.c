/* session.c: an inquiry open in the editor: a private copy of the model,
 * one edit buffer per part and the labels the question list shows; the
 * corrections of the structure and of the header fields.
 *
 * The model is copied field by field (inquiry_copy) rather than through
 * the writer and the reader: that round trip is exact only for canonical
 * documents, and it would run the reader's cleaning a second time.
 *
 * The model's answer paragraphs are the text as opened; the buffers hold
 * the text as edited. session_to_inquiry() keeps the model's paragraphs
 * where a buffer still says the same, which is what keeps an unedited
 * document byte for byte. */
#include "session.h"
#include "buf.h"
#include "error.h"
#include "heading.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PREAMBLE_LABEL "Vorbemerkung des Senats"
#define ASKERS_HEADING "Vorbemerkung der Fragesteller:"

struct partbuf {
	struct editbuf *buf;
	char *label;               /* canonical heading without colon; NULL for part 0 */
	int remade;                /* buffer made anew by a join or split since the last save */
};

struct session {
	struct inquiry q;          /* the copy as opened, with the corrections since */
	size_t nparts;             /* 1 + q.nanswers */
	struct partbuf *parts;     /* [nparts]; part 0 the Senate's preamble */
	struct editbuf *askers;    /* the askers' preamble */
	int reshaped;              /* structure or header changed since the last save */
};

/* ---- text ------------------------------------------------------------- */

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* 1 when text holds nothing but spaces and line ends: such a part gives
 * no paragraphs. */
static int blank(const char *text)
{
	return text[strspn(text, " \t\n")] == '\0';
}

/* The paragraphs joined with '\n', newly allocated ("" for none). */
static char *text_of(const struct strlist *paras)
{
	struct buf b = BUF_INIT;
	int rc = 0;
	for (size_t i = 0; i < paras->n; i++) {
		if (i)
			rc |= buf_addc(&b, '\n');
		rc |= buf_adds(&b, paras->v[i]);
	}
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* The paragraphs one a line, as the buffer holds them. */
static struct editbuf *buffer_of(const struct strlist *paras)
{
	char *t = text_of(paras);
	struct editbuf *eb = t ? editbuf_new(t, strlen(t)) : NULL;
	free(t);
	return eb;
}

/* text[from..to) without the blanks at either end, newly allocated. */
static char *trimmed(const char *text, size_t from, size_t to)
{
	while (from < to && is_blank(text[from]))
		from++;
	while (to > from && is_blank(text[to - 1]))
		to--;
	char *r = malloc(to - from + 1);
	if (r) {
		memcpy(r, text + from, to - from);
		r[to - from] = '\0';
	}
	return r;
}

/* offset clamped to the text and moved back to the start of a UTF-8
 * character, so that a cut never halves one. */
static size_t boundary(const char *text, size_t offset)
{
	size_t len = strlen(text);
	if (offset > len)
		offset = len;
	while (offset > 0 && ((unsigned char)text[offset] & 0xC0) == 0x80)
		offset--;
	return offset;
}

/* 1 when text is exactly v[from..to) joined with '\n'. */
static int same_range(char *const *v, size_t from, size_t to, const char *text)
{
	for (size_t i = from; i < to; i++) {
		if (i > from && *text++ != '\n')
			return 0;
		size_t n = strlen(v[i]);
		if (strncmp(text, v[i], n))
			return 0;
		text += n;
	}
	return *text == '\0';
}

static int same_text(const struct strlist *paras, const char *text)
{
	return same_range(paras->v, 0, paras->n, text);
}

/* Appends copies of v[from..to). */
static int add_range(struct strlist *dst, char *const *v, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (strlist_add(dst, v[i]))
			return AW_ENOMEM;
	return 0;
}

/* Appends the lines of text as paragraphs, trailing spaces trimmed and
 * blank lines dropped. */
static int add_lines(struct strlist *paras, const char *text)
{
	while (*text) {
		size_t n = strcspn(text, "\n"), len = n;
		while (len && (text[len - 1] == ' ' || text[len - 1] == '\t'))
			len--;
		if (len && strlist_addn(paras, text, len))
			return AW_ENOMEM;
		text += n + (text[n] == '\n');
	}
	return 0;
}

/* Replaces paras with the lines of text. A text as it was opened keeps
 * its paragraphs untouched: one that held a line break of its own would
 * otherwise come back as two paragraphs, and an unedited document must
 * be written unchanged. */
static int set_paras(struct strlist *paras, const char *text)
{
	if (same_text(paras, text))
		return 0;
	strlist_free(paras);
	return add_lines(paras, text);
}

/* ---- opening ---------------------------------------------------------- */

/* "Zu Frage 1 und 2": the canonical heading without its colon, so the
 * list reads alike however the document wrote it. */
static char *answer_label(const struct answer *a)
{
	char *h = a->ncovers ? heading_format(a->covers, a->ncovers) : strdup(a->heading);
	if (h) {
		size_t n = strlen(h);
		if (n && h[n - 1] == ':')
			h[n - 1] = '\0';
	}
	return h;
}

static int open_parts(struct session *s)
{
	size_t n = 1 + s->q.nanswers;
	if (!(s->parts = calloc(n, sizeof *s->parts)))
		return AW_ENOMEM;
	s->nparts = n;
	if (!(s->askers = buffer_of(&s->q.preamble)) ||
	    !(s->parts[0].buf = buffer_of(&s->q.senate_preamble)))
		return AW_ENOMEM;
	for (size_t i = 1; i < n; i++)
		if (!(s->parts[i].buf = buffer_of(&s->q.answers[i - 1].paras)) ||
		    !(s->parts[i].label = answer_label(&s->q.answers[i - 1])))
			return AW_ENOMEM;
	return 0;
}

struct session *session_new(const struct inquiry *q)
{
	struct session *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	inquiry_init(&s->q);
	if (inquiry_copy(&s->q, q) || open_parts(s)) {
		session_free(s);
		return NULL;
	}
	return s;
}

void session_free(struct session *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nparts; i++) {
		editbuf_free(s->parts[i].buf);
		free(s->parts[i].label);
	}
	free(s->parts);
	editbuf_free(s->askers);
	inquiry_free(&s->q);
	free(s);
}

/* ---- reading ---------------------------------------------------------- */

const struct inquiry *session_inquiry(const struct session *s)
{
	return &s->q;
}

size_t session_parts(const struct session *s)
{
	return s->nparts;
}

struct editbuf *session_buffer(struct session *s, size_t part)
{
	return part < s->nparts ? s->parts[part].buf : NULL;
}

struct editbuf *session_askers_preamble(struct session *s)
{
	return s->askers;
}

const char *session_part_label(const struct session *s, size_t part)
{
	if (part >= s->nparts)
		return NULL;
	return part ? s->parts[part].label : PREAMBLE_LABEL;
}

size_t session_part_of_question(const struct session *s, size_t qi)
{
	if (qi >= s->q.nquestions)
		return 0;
	int number = s->q.questions[qi].number;
	for (size_t i = 0; i < s->q.nanswers; i++)
		for (size_t k = 0; k < s->q.answers[i].ncovers; k++)
			if (s->q.answers[i].covers[k] == number)
				return i + 1;
	return 0;
}

enum answer_state session_state(const struct session *s, size_t qi)
{
	size_t part = session_part_of_question(s, qi);
	if (!part || blank(editbuf_text(s->parts[part].buf)))
		return ANSWER_EMPTY;
	return editbuf_modified(s->parts[part].buf) || s->parts[part].remade ? ANSWER_CHANGED :
	       ANSWER_DRAFTED;
}

int session_modified(const struct session *s)
{
	if (s->reshaped || editbuf_modified(s->askers))
		return 1;
	for (size_t i = 0; i < s->nparts; i++)
		if (s->parts[i].remade || editbuf_modified(s->parts[i].buf))
			return 1;
	return 0;
}

void session_saved(struct session *s)
{
	for (size_t i = 0; i < s->nparts; i++) {
		editbuf_mark_saved(s->parts[i].buf);
		s->parts[i].remade = 0;
	}
	editbuf_mark_saved(s->askers);
	s->reshaped = 0;
}

size_t session_words(const struct session *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->nparts; i++)
		n += editbuf_words(s->parts[i].buf);
	return n;
}

size_t session_part_words(const struct session *s, size_t part)
{
	return part < s->nparts ? editbuf_words(s->parts[part].buf) : 0;
}

unsigned session_speaking_seconds(const struct session *s, size_t part, unsigned wpm)
{
	if (!wpm)
		return 0;
	unsigned long long w = session_part_words(s, part);
	return (unsigned)((w * 60 + wpm - 1) / wpm);
}

char *session_question_text(const struct session *s, size_t qi)
{
	return qi < s->q.nquestions ? text_of(&s->q.questions[qi].paras) : NULL;
}

/* A preamble written from nothing gets its heading; one the document had
 * without a heading stays as it was written. */
static int new_heading(char **heading, const struct strlist *now, const struct strlist *was,
                       const char *text)
{
	if (!now->n || *heading || was->n)
		return 0;
	return (*heading = strdup(text)) ? 0 : AW_ENOMEM;
}

int session_to_inquiry(const struct session *s, struct inquiry *out)
{
	inquiry_init(out);
	int rc = inquiry_copy(out, &s->q);
	if (!rc)
		rc = set_paras(&out->senate_preamble, editbuf_text(s->parts[0].buf));
	if (!rc)
		rc = set_paras(&out->preamble, editbuf_text(s->askers));
	for (size_t i = 0; !rc && i < out->nanswers; i++)
		rc = set_paras(&out->answers[i].paras, editbuf_text(s->parts[i + 1].buf));
	if (!rc)
		rc = new_heading(&out->senate_preamble_heading, &out->senate_preamble,
		                 &s->q.senate_preamble, PREAMBLE_LABEL ":");
	if (!rc)
		rc = new_heading(&out->preamble_heading, &out->preamble, &s->q.preamble,
		                 ASKERS_HEADING);
	if (!rc)
		rc = inquiry_complete(out);
	if (rc)
		inquiry_free(out);
	return rc;
}

/* ---- structure changes --------------------------------------------------
 * A change is worked out on a copy of the model, and its new buffers are
 * made, before anything of the session is touched: running out of memory
 * halfway leaves the session as it was. change_commit() then cannot
 * fail past its first allocations. */

struct change {
	struct inquiry q;          /* the model after the change */
	size_t remade;             /* part (old numbering) that gets buf, or 0 */
	struct editbuf *buf;
	size_t removed;            /* part (old numbering) taken out, or 0 */
	size_t added;              /* part (new numbering) that is new, or 0 */
	struct editbuf *added_buf;
};

static int change_begin(const struct session *s, struct change *c)
{
	memset(c, 0, sizeof *c);
	return inquiry_copy(&c->q, &s->q);
}

static void change_discard(struct change *c)
{
	inquiry_free(&c->q);
	editbuf_free(c->buf);
	editbuf_free(c->added_buf);
}

static void free_labels(char **labels, size_t n)
{
	for (size_t i = 0; labels && i < n; i++)
		free(labels[i]);
	free(labels);
}

/* The labels of q's parts ([0], the preamble's, stays NULL). */
static char **labels_of(const struct inquiry *q)
{
	size_t n = 1 + q->nanswers;
	char **l = calloc(n, sizeof *l);
	for (size_t i = 1; l && i < n; i++) {
		if (!(l[i] = answer_label(&q->answers[i - 1]))) {
			free_labels(l, n);
			return NULL;
		}
	}
	return l;
}

/* Room for n parts, so that parts_insert() cannot fail. */
static int parts_room(struct session *s, size_t n)
{
	if (n <= s->nparts)
		return 0;
	struct partbuf *p = realloc(s->parts, n * sizeof *p);
	if (!p)
		return AW_ENOMEM;
	s->parts = p;
	return 0;
}

static void parts_remove(struct session *s, size_t at)
{
	editbuf_free(s->parts[at].buf);
	free(s->parts[at].label);
	memmove(&s->parts[at], &s->parts[at + 1], (s->nparts - at - 1) * sizeof *s->parts);
	s->nparts--;
}

static void parts_insert(struct session *s, size_t at, struct editbuf *buf)
{
	memmove(&s->parts[at + 1], &s->parts[at], (s->nparts - at) * sizeof *s->parts);
	s->parts[at] = (struct partbuf){buf, NULL, 1};
	s->nparts++;
}

static void parts_replace(struct session *s, size_t at, struct editbuf *buf)
{
	editbuf_free(s->parts[at].buf);
	s->parts[at].buf = buf;
	s->parts[at].remade = 1;
}

/* Puts the change into the session; takes c in every case. */
static int change_commit(struct session *s, struct change *c)
{
	size_t n = 1 + c->q.nanswers;
	char **labels = labels_of(&c->q);
	if (!labels || parts_room(s, n)) {
		free_labels(labels, n);
		change_discard(c);
		return AW_ENOMEM;
	}
	if (c->remade)
		parts_replace(s, c->remade, c->buf);
	if (c->removed)
		parts_remove(s, c->removed);
	if (c->added)
		parts_insert(s, c->added, c->added_buf);
	/* Labels are always the canonical heading of the covers, so making
	 * them all anew changes only those whose questions changed. */
	for (size_t i = 1; i < n; i++) {
		free(s->parts[i].label);
		s->parts[i].label = labels[i];
	}
	free(labels);
	inquiry_free(&s->q);
	s->q = c->q;
	s->reshaped = 1;
	return 0;
}

/* Commits c when rc is 0, else discards it; fills err on failure. */
static int change_end(struct session *s, struct change *c, int rc, struct aw_error *err)
{
	if (rc)
		change_discard(c);
	else
		rc = change_commit(s, c);
	return rc ? aw_fail(err, rc, NULL, NULL) : 0;
}

/* ---- covers and numbers ----------------------------------------------- */

static int reheading(struct answer *a)
{
	char *h = heading_format(a->covers, a->ncovers);
	if (!h)
		return AW_ENOMEM;
	free(a->heading);
	a->heading = h;
	return 0;
}

/* Sorts the covers ascending and drops duplicates, as the model wants. */
static void tidy_covers(struct answer *a)
{
	for (size_t i = 1; i < a->ncovers; i++)
		for (size_t k = i; k > 0 && a->covers[k - 1] > a->covers[k]; k--) {
			int t = a->covers[k];
			a->covers[k] = a->covers[k - 1];
			a->covers[k - 1] = t;
		}
	size_t n = 0;
	for (size_t i = 0; i < a->ncovers; i++)
		if (!n || a->covers[n - 1] != a->covers[i])
			a->covers[n++] = a->covers[i];
	a->ncovers = n;
}

/* a answers b's questions too; the heading is made anew. */
static int covers_add(struct answer *a, const struct answer *b)
{
	int *c = realloc(a->covers, (a->ncovers + b->ncovers + 1) * sizeof *c);
	if (!c)
		return AW_ENOMEM;
	if (b->ncovers)
		memcpy(c + a->ncovers, b->covers, b->ncovers * sizeof *c);
	a->covers = c;
	a->ncovers += b->ncovers;
	tidy_covers(a);
	return reheading(a);
}

/* Every answer to question `from` answers `to` instead. */
static int covers_map(struct inquiry *q, int from, int to)
{
	for (size_t i = 0; i < q->nanswers; i++) {
		struct answer *a = &q->answers[i];
		int hit = 0;
		for (size_t k = 0; k < a->ncovers; k++)
			if (a->covers[k] == from) {
				a->covers[k] = to;
				hit = 1;
			}
		if (hit) {
			tidy_covers(a);
			if (reheading(a))
				return AW_ENOMEM;
		}
	}
	return 0;
}

/* With decimal numbering ("1.2" is 1002) a question counts within its
 * major number; plain numbers are one series. */
static int series(int n)
{
	return n >= HEADING_DECIMAL ? n / HEADING_DECIMAL : 0;
}

static int after_in_series(int n, int above)
{
	return n > above && series(n) == series(above);
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The marker of a question now numbered `number`, in the shape of
 * marker: "3." "3)" "Frage 3:" "1.3" "Drittens:". */
static char *marker_for(const char *marker, int number)
{
	char label[16];
	struct buf b = BUF_INIT;
	const char *rest = NULL, *d = NULL;
	int rc;
	heading_label(number, label);
	for (size_t i = 0; i < HEADING_NORDINALS && !rest; i++) {
		size_t n = strlen(heading_ordinals[i]);
		if (!strncmp(marker, heading_ordinals[i], n))
			rest = marker + n;
	}
	if (rest && number >= 1 && number <= HEADING_NORDINALS) {
		rc = buf_printf(&b, "%s%s", heading_ordinals[number - 1], rest);
	} else if (!rest && (d = strpbrk(marker, "0123456789"))) {
		const char *e = d;
		while (is_digit(*e) || (*e == '.' && is_digit(e[1])))
			e++;
		rc = buf_printf(&b, "%.*s%s%s", (int)(d - marker), marker, label, e);
	} else {
		/* No word for that number ("Elftens"): the plain shape. */
		rc = buf_printf(&b, "%s.", label);
	}
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* Adds delta to every number after `above` in its series, in the
 * questions (markers following) and the answers (headings following). */
static int renumber(struct inquiry *q, int above, int delta)
{
	for (size_t i = 0; i < q->nquestions; i++) {
		struct question *qu = &q->questions[i];
		if (!after_in_series(qu->number, above))
			continue;
		char *m = marker_for(qu->marker, qu->number + delta);
		if (!m)
			return AW_ENOMEM;
		free(qu->marker);
		qu->marker = m;
		qu->number += delta;
	}
	for (size_t i = 0; i < q->nanswers; i++) {
		struct answer *a = &q->answers[i];
		int moved = 0;
		for (size_t k = 0; k < a->ncovers; k++)
			if (after_in_series(a->covers[k], above)) {
				a->covers[k] += delta;
				moved = 1;
			}
		if (moved && reheading(a))
			return AW_ENOMEM;
	}
	return 0;
}

/* The section heading above an item merged into the one before it now
 * begins at the item after (*next), if that has none; else it is handed
 * back to be kept as a paragraph, since no text may be lost. */
static char *carry_section(char **section, char **next)
{
	char *sec = *section;
	*section = NULL;
	if (sec && next && !*next) {
		*next = sec;
		return NULL;
	}
	return sec;
}

/* ---- joining and splitting answers ------------------------------------ */

/* The texts one after the other as paragraphs, blanks at the seams
 * dropped and blank texts left out (mid may be NULL); *seam is where t2
 * begins. */
static char *joined_text(const char *t1, const char *mid, const char *t2, size_t *seam)
{
	const char *piece[3] = {t1, mid, t2};
	struct buf b = BUF_INIT;
	int rc = 0;
	for (int i = 0; i < 3; i++) {
		char *t = piece[i] ? trimmed(piece[i], 0, strlen(piece[i])) : NULL;
		if (piece[i] && !t)
			rc = AW_ENOMEM;
		if (t && *t && b.len)
			rc |= buf_addc(&b, '\n');
		if (i == 2)
			*seam = b.len;
		if (t)
			rc |= buf_adds(&b, t);
		free(t);
	}
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* Joins answer part y into part x (x < y, the session's numbering): the
 * questions of both, x's text and then y's, y taken out. */
static int join_into(struct change *c, const struct session *s, size_t x, size_t y)
{
	struct answer *a = &c->q.answers[x - 1], *b = &c->q.answers[y - 1];
	char **next = y < c->q.nanswers ? &c->q.answers[y].section : NULL;
	char *mid = carry_section(&b->section, next);
	size_t seam = 0;
	char *text = joined_text(editbuf_text(s->parts[x].buf), mid,
	                         editbuf_text(s->parts[y].buf), &seam);
	int rc = !text || covers_add(a, b) || (mid && strlist_add(&a->paras, mid)) ||
	         add_range(&a->paras, b->paras.v, 0, b->paras.n);
	if (!rc && !(c->buf = editbuf_new(text, strlen(text))))
		rc = 1;
	free(text);
	free(mid);
	if (rc)
		return AW_ENOMEM;
	/* Where session_split() undoes the join. */
	editbuf_set_cursor(c->buf, seam, 0);
	inquiry_remove_answer(&c->q, y - 1);
	c->remade = x;
	c->removed = y;
	return 0;
}

int session_join(struct session *s, size_t part, struct aw_error *err)
{
	struct change c;
	if (part == 0 || part + 1 >= s->nparts)
		return aw_fail(err, AW_ENOJOIN, NULL, NULL);
	int rc = change_begin(s, &c);
	if (!rc)
		rc = join_into(&c, s, part, part + 1);
	return change_end(s, &c, rc, err);
}

/* The paragraphs of the two halves of a cut text. Where the text is
 * still the model's paragraphs and the cut falls between two of them,
 * they are shared out as they are, so that a paragraph holding a line
 * break of its own stays whole (and a join is undone exactly); else each
 * half's lines are its paragraphs. */
static int split_paras(const struct strlist *all, const char *text, const char *before,
                       const char *after, struct strlist *p1, struct strlist *p2)
{
	if (same_text(all, text))
		for (size_t k = 0; k <= all->n; k++)
			if (same_range(all->v, 0, k, before) && same_range(all->v, k, all->n, after))
				return add_range(p1, all->v, 0, k) || add_range(p2, all->v, k, all->n) ?
				       AW_ENOMEM : 0;
	return add_lines(p1, before) || add_lines(p2, after) ? AW_ENOMEM : 0;
}

/* Splits answer part p at the cut into p (all questions but the last)
 * and a new part p + 1 (the last question). */
static int split_into(struct change *c, const struct session *s, size_t p, size_t offset)
{
	const char *text = editbuf_text(s->parts[p].buf);
	size_t cut = boundary(text, offset);
	char *before = trimmed(text, 0, cut), *after = trimmed(text, cut, strlen(text));
	struct strlist p1 = STRLIST_INIT, p2 = STRLIST_INIT;
	struct answer *a = &c->q.answers[p - 1], *na = NULL;
	int last = a->covers[a->ncovers - 1];
	int *covers = malloc(sizeof *covers);
	int rc = !before || !after || !covers ||
	         split_paras(&a->paras, text, before, after, &p1, &p2);
	if (!rc) {
		a->ncovers--;
		strlist_free(&a->paras);
		a->paras = p1;
		p1 = (struct strlist)STRLIST_INIT;
		rc = reheading(a);
	}
	if (!rc) {
		covers[0] = last;
		rc = inquiry_add_answer(&c->q, p, covers, 1, heading_format(&last, 1), &na);
		covers = NULL;  /* the model's now, or freed */
	}
	if (!rc) {
		na->paras = p2;
		p2 = (struct strlist)STRLIST_INIT;
		c->buf = editbuf_new(before, strlen(before));
		c->added_buf = editbuf_new(after, strlen(after));
		rc = !c->buf || !c->added_buf;
	}
	if (!rc) {
		editbuf_set_cursor(c->buf, editbuf_len(c->buf), 0);
		c->remade = p;
		c->added = p + 1;
	}
	free(covers);
	free(before);
	free(after);
	strlist_free(&p1);
	strlist_free(&p2);
	return rc ? AW_ENOMEM : 0;
}

int session_split(struct session *s, size_t part, size_t offset, struct aw_error *err)
{
	struct change c;
	if (part == 0 || part >= s->nparts || s->q.answers[part - 1].ncovers < 2)
		return aw_fail(err, AW_ENOSPLIT, NULL, NULL);
	int rc = change_begin(s, &c);
	if (!rc)
		rc = split_into(&c, s, part, offset);
	return change_end(s, &c, rc, err);
}

/* ---- merging and splitting questions ---------------------------------- */

static void remove_question(struct inquiry *q, size_t at)
{
	struct question *qu = &q->questions[at];
	free(qu->marker);
	free(qu->section);
	strlist_free(&qu->paras);
	memmove(qu, qu + 1, (q->nquestions - at - 1) * sizeof *qu);
	q->nquestions--;
}

/* Moves the last question to index at. */
static void move_last_question(struct inquiry *q, size_t at)
{
	struct question last = q->questions[q->nquestions - 1];
	memmove(&q->questions[at + 1], &q->questions[at],
	        (q->nquestions - 1 - at) * sizeof last);
	q->questions[at] = last;
}

/* Question qi + 1 becomes part of qi: its paragraphs, its answers; the
 * questions after it are numbered one down. */
static int merge_into(struct inquiry *q, size_t qi)
{
	struct question *a = &q->questions[qi], *b = &q->questions[qi + 1];
	char **next = qi + 2 < q->nquestions ? &q->questions[qi + 2].section : NULL;
	char *mid = carry_section(&b->section, next);
	int from = b->number, to = a->number;
	if ((mid && strlist_push(&a->paras, mid)) || add_range(&a->paras, b->paras.v, 0, b->paras.n))
		return AW_ENOMEM;
	remove_question(q, qi + 1);
	return covers_map(q, from, to) || renumber(q, from, -1) ? AW_ENOMEM : 0;
}

int session_merge_questions(struct session *s, size_t qi, struct aw_error *err)
{
	struct change c;
	if (qi + 1 >= s->q.nquestions)
		return aw_fail(err, AW_ENOQMERGE, NULL, NULL);
	size_t pa = session_part_of_question(s, qi), pb = session_part_of_question(s, qi + 1);
	int rc = change_begin(s, &c);
	if (!rc && pa && pb && pa != pb)
		rc = join_into(&c, s, pa < pb ? pa : pb, pa < pb ? pb : pa);
	if (!rc)
		rc = merge_into(&c.q, qi);
	return change_end(s, &c, rc, err);
}

/* The two halves of question qi cut at offset, blanks at the cut
 * dropped; AW_ENOQSPLIT when either is blank or there is no such
 * question. */
static int question_halves(const struct session *s, size_t qi, size_t offset,
                           char **before, char **after)
{
	*before = *after = NULL;
	if (qi >= s->q.nquestions)
		return AW_ENOQSPLIT;
	char *text = session_question_text(s, qi);
	if (!text)
		return AW_ENOMEM;
	size_t cut = boundary(text, offset);
	*before = trimmed(text, 0, cut);
	*after = trimmed(text, cut, strlen(text));
	free(text);
	if (!*before || !*after)
		return AW_ENOMEM;
	return **before && **after ? 0 : AW_ENOQSPLIT;
}

/* Where a slot for question n goes when no part answers the question
 * before it: before the first answer to later questions only, as
 * inquiry_complete() places slots. */
static size_t slot_index(const struct inquiry *q, int n)
{
	for (size_t i = 0; i < q->nanswers; i++)
		if (q->answers[i].ncovers && q->answers[i].covers[0] > n)
			return i;
	return q->nanswers;
}

/* The new question after qi (numbered one up, the later ones too) with
 * an empty answer part of its own after the part that answers qi. */
static int split_question_into(struct change *c, const struct session *s, size_t qi,
                               const char *before, const char *after)
{
	struct inquiry *q = &c->q;
	int n = q->questions[qi].number + 1;
	size_t part = session_part_of_question(s, qi);
	struct question *nq;
	if (renumber(q, n - 1, 1))
		return AW_ENOMEM;
	char *marker = marker_for(q->questions[qi].marker, n);
	if (!marker || inquiry_add_question(q, n, marker, &nq) || add_lines(&nq->paras, after))
		return AW_ENOMEM;
	move_last_question(q, qi + 1);
	strlist_free(&q->questions[qi].paras);
	if (add_lines(&q->questions[qi].paras, before))
		return AW_ENOMEM;
	size_t at = part ? part : slot_index(q, n);
	int *covers = malloc(sizeof *covers);
	if (covers)
		covers[0] = n;
	if (inquiry_add_answer(q, at, covers, 1, heading_format(&n, 1), NULL) ||
	    !(c->added_buf = editbuf_new("", 0)))
		return AW_ENOMEM;
	c->added = at + 1;
	return 0;
}

int session_split_question(struct session *s, size_t qi, size_t offset,
                           struct aw_error *err)
{
	struct change c;
	char *before, *after;
	int rc = question_halves(s, qi, offset, &before, &after);
	if (!rc) {
		rc = change_begin(s, &c);
		if (!rc)
			rc = split_question_into(&c, s, qi, before, after);
		rc = change_end(s, &c, rc, err);
	} else {
		aw_fail(err, rc, NULL, NULL);
	}
	free(before);
	free(after);
	return rc;
}

/* ---- header fields ---------------------------------------------------- */

static const char *const month_names[12] = {
	"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
	"September", "Oktober", "November", "Dezember",
};

const char *session_field_name(enum session_field f)
{
	switch (f) {
	case FIELD_NUMBER: return "Nummer";
	case FIELD_TITLE: return "Titel";
	case FIELD_ASKERS: return "Fragesteller";
	case FIELD_DATE: break;
	}
	return "Sitzungsdatum";
}

static char **field_of(struct inquiry *q, enum session_field f)
{
	return f == FIELD_NUMBER ? &q->number : f == FIELD_TITLE ? &q->title : &q->askers;
}

static const char *field_text(const struct inquiry *q, enum session_field f)
{
	return f == FIELD_NUMBER ? q->number : f == FIELD_TITLE ? q->title : q->askers;
}

char *session_field(const struct session *s, enum session_field f)
{
	const struct inquiry *q = &s->q;
	if (f == FIELD_DATE) {
		char d[64] = "";
		if (q->session_year && q->session_month >= 1 && q->session_month <= 12)
			snprintf(d, sizeof d, "%d. %s %d", q->session_day,
			         month_names[q->session_month - 1], q->session_year);
		return strdup(d);
	}
	const char *v = field_text(q, f);
	return strdup(v ? v : "");
}

/* Reads up to max digits at *p; how many it read. */
static int read_digits(const char **p, int max, int *v)
{
	int n = 0;
	for (*v = 0; n < max && is_digit(**p); n++, (*p)++)
		*v = *v * 10 + (**p - '0');
	return is_digit(**p) ? 0 : n;
}

static int is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

/* A month's name at *p, whole or cut to three letters or more, with an
 * optional dot ("April", "Apr.", "Sept.", "Mrz.", "Maerz"): 1..12, or 0. */
static int read_month(const char **p)
{
	static const char *const lower[12] = {
		"januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
		"september", "oktober", "november", "dezember",
	};
	char w[16];
	size_t n = 0;
	const char *s = *p;
	for (; is_letter(*s); s++) {
		if (n == sizeof w - 1)
			return 0;
		w[n++] = *s >= 'A' && *s <= 'Z' ? (char)(*s + 32) : *s;
	}
	w[n] = '\0';
	for (size_t i = 0; i + 1 < n; i++)     /* "MÄRZ" */
		if (w[i] == '\xC3' && w[i + 1] == '\x84')
			w[i + 1] = '\xA4';
	int m = !strcmp(w, "mrz") || !strcmp(w, "maerz") ? 3 : !strcmp(w, "jänner") ? 1 : 0;
	for (int i = 0; !m && n >= 3 && i < 12; i++)
		if (n <= strlen(lower[i]) && !strncmp(w, lower[i], n))
			m = i + 1;
	if (m)
		*p = s + (*s == '.');
	return m;
}

static int days_in(int month, int year)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return days[month - 1] + (month == 2 && leap);
}

static void skip_spaces(const char **p)
{
	while (**p == ' ')
		(*p)++;
}

/* Reads a date as people type it into *y, *m, *d (all 0 for an open
 * date); 1 when understood. */
static int read_date(const char *s, int *y, int *m, int *d)
{
	const char *p = s;
	int a, b, c;
	*y = *m = *d = 0;
	if (!*s || !strcmp(s, "(Datum offen)"))
		return 1;
	if (read_digits(&p, 4, &a) == 4 && *p == '-') {          /* 2017-04-04 */
		p++;
		if (!read_digits(&p, 2, &b) || *p++ != '-' || !read_digits(&p, 2, &c) || *p)
			return 0;
		*y = a, *m = b, *d = c;
	} else {                                                 /* 4.4.2017, 4. April 2017 */
		p = s;
		if (!read_digits(&p, 2, &a))
			return 0;
		int dot = *p == '.';
		p += dot;
		skip_spaces(&p);
		if (is_digit(*p)) {
			if (!dot || !read_digits(&p, 2, &b) || *p++ != '.')
				return 0;
		} else if (!(b = read_month(&p))) {
			return 0;
		}
		skip_spaces(&p);
		if (read_digits(&p, 4, &c) != 4 || *p)
			return 0;
		*y = c, *m = b, *d = a;
	}
	return *y >= 1000 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= days_in(*m, *y);
}

/* value with white space at both ends dropped and each run inside (line
 * ends from a paste too) made one space. */
static char *tidy(const char *value)
{
	struct buf b = BUF_INIT;
	int rc = 0, gap = 0;
	for (const char *v = value; *v; v++) {
		if (is_blank(*v) || *v == '\r') {
			gap = b.len > 0;
			continue;
		}
		if (gap)
			rc |= buf_addc(&b, ' ');
		gap = 0;
		rc |= buf_addc(&b, *v);
	}
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* Drops prefix from the start of v if it is there; 1 if it was. */
static int drop_prefix(char *v, const char *prefix)
{
	size_t n = strlen(prefix);
	if (strncmp(v, prefix, n) || !v[n])
		return 0;
	memmove(v, v + n, strlen(v + n) + 1);
	return 1;
}

/* The title line quotes the title itself: one pair typed around it goes. */
static void unquote(char *v)
{
	static const char *const pairs[][2] = {
		{"\xE2\x80\x9E", "\xE2\x80\x9C"}, {"\xE2\x80\x9C", "\xE2\x80\x9D"},
		{"\"", "\""}, {"\xC2\xBB", "\xC2\xAB"},
	};
	size_t len = strlen(v);
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		size_t o = strlen(pairs[i][0]), c = strlen(pairs[i][1]);
		if (len >= o + c && !strncmp(v, pairs[i][0], o) && !strcmp(v + len - c, pairs[i][1])) {
			v[len - c] = '\0';
			memmove(v, v + o, len - c - o + 1);
			return;
		}
	}
}

/* The title line writes "Drs. " itself, and its number is one word. */
static void bare_number(char *v)
{
	if (!drop_prefix(v, "Drs.") && !drop_prefix(v, "Drucksache"))
		drop_prefix(v, "Drs");
	size_t n = 0;
	for (size_t i = 0; v[i]; i++)
		if (v[i] != ' ')
			v[n++] = v[i];
	v[n] = '\0';
}

/* The intro adds the article; as the reader reads askers. */
static void bare_askers(char *v)
{
	static const char *const articles[] = {"Die ", "Der ", "Das ", "die ", "der ", "des "};
	static const char *const members[] = {"Abgeordneten ", "Abgeordnete ", "Abgeordneter "};
	for (size_t i = 0; i < sizeof articles / sizeof *articles; i++)
		if (drop_prefix(v, articles[i]))
			break;
	for (size_t i = 0; i < sizeof members / sizeof *members; i++)
		if (drop_prefix(v, members[i]))
			break;
	size_t n = strlen(v);
	while (n && strchr("-,;: ", v[n - 1]))
		v[--n] = '\0';
}

/* The value as the model keeps it; NULL when out of memory. */
static char *field_value(enum session_field f, const char *value)
{
	char *v = tidy(value);
	if (!v)
		return NULL;
	if (f == FIELD_TITLE)
		unquote(v);
	else if (f == FIELD_NUMBER)
		bare_number(v);
	else if (f == FIELD_ASKERS)
		bare_askers(v);
	char *t = tidy(v);   /* what the steps above left at the ends */
	free(v);
	return t;
}

/* The line that shows field f, made anew; *line NULL where there is none
 * (no askers, no intro). */
static int field_line(const struct inquiry *q, enum session_field f, char **line)
{
	*line = f == FIELD_DATE ? inquiry_session_line(q) :
	        f == FIELD_ASKERS ? (q->askers ? inquiry_intro_line(q) : NULL) :
	        inquiry_title_line(q);
	return *line || (f == FIELD_ASKERS && !q->askers) ? 0 : AW_ENOMEM;
}

static char **line_of(struct inquiry *q, enum session_field f)
{
	return f == FIELD_DATE ? &q->session_line : f == FIELD_ASKERS ? &q->intro : &q->title_line;
}

static int set_date(struct session *s, const char *value, struct aw_error *err)
{
	struct inquiry *q = &s->q;
	char *v = tidy(value), *line;
	int y, m, d;
	if (!v)
		return aw_fail(err, AW_ENOMEM, NULL, NULL);
	if (!read_date(v, &y, &m, &d)) {
		int rc = aw_fail(err, AW_EDATE, NULL, v);
		free(v);
		return rc;
	}
	free(v);
	if (y == q->session_year && m == q->session_month && d == q->session_day)
		return 0;
	int was[3] = {q->session_year, q->session_month, q->session_day};
	q->session_year = y, q->session_month = m, q->session_day = d;
	if (field_line(q, FIELD_DATE, &line)) {
		q->session_year = was[0], q->session_month = was[1], q->session_day = was[2];
		return aw_fail(err, AW_ENOMEM, NULL, NULL);
	}
	free(q->session_line);
	q->session_line = line;
	s->reshaped = 1;
	return 0;
}

int session_set_field(struct session *s, enum session_field f, const char *value,
                      struct aw_error *err)
{
	if (f == FIELD_DATE)
		return set_date(s, value, err);
	char *v = field_value(f, value), *line, **field = field_of(&s->q, f);
	if (!v)
		return aw_fail(err, AW_ENOMEM, NULL, NULL);
	if (!*v && f != FIELD_ASKERS) {
		free(v);
		return aw_fail(err, AW_EFIELD, session_field_name(f), NULL);
	}
	if (!*v) {          /* askers may be unknown */
		free(v);
		v = NULL;
	}
	if ((!v && !*field) || (v && *field && !strcmp(v, *field))) {
		free(v);
		return 0;
	}
	char *old = *field;
	*field = v;
	if (field_line(&s->q, f, &line)) {
		*field = old;
		free(v);
		return aw_fail(err, AW_ENOMEM, NULL, NULL);
	}
	free(old);
	free(*line_of(&s->q, f));
	*line_of(&s->q, f) = line;
	s->reshaped = 1;
	return 0;
}

/* ---- recovery --------------------------------------------------------- */

/* *slot becomes a buffer holding the saved paragraphs, with now's text
 * on top as one undo step where it differs. */
static int restore_buffer(struct editbuf **slot, const struct strlist *saved,
                          const struct strlist *now)
{
	struct editbuf *b = buffer_of(saved);
	char *text = text_of(now);
	int rc = !b || !text;
	if (!rc && strcmp(editbuf_text(b), text))
		rc = editbuf_replace(b, 0, editbuf_len(b), text, strlen(text)) != 0;
	free(text);
	if (rc) {
		editbuf_free(b);
		return AW_ENOMEM;
	}
	editbuf_set_cursor(b, 0, 0);
	editbuf_free(*slot);
	*slot = b;
	return 0;
}

/* The answer of q to the same questions as a, or NULL. */
static const struct answer *counterpart(const struct inquiry *q, const struct answer *a)
{
	for (size_t i = 0; i < q->nanswers; i++) {
		const struct answer *b = &q->answers[i];
		if (b->ncovers == a->ncovers &&
		    (a->ncovers ? !memcmp(a->covers, b->covers, a->ncovers * sizeof *a->covers) :
		                  !strcmp(a->heading, b->heading)))
			return b;
	}
	return NULL;
}

/* A heading session_to_inquiry() gave a preamble the saved version did
 * not have is not a difference of its own: the model goes back to the
 * saved "no preamble", and the heading comes again with the text. */
static void drop_added_heading(char **heading, struct strlist *paras,
                               const struct strlist *saved_paras, const char *saved_heading,
                               const char *added)
{
	if (!saved_paras->n && !saved_heading && *heading && !strcmp(*heading, added)) {
		free(*heading);
		*heading = NULL;
		strlist_free(paras);
	}
}

static void without_text(struct inquiry *q)
{
	strlist_free(&q->preamble);
	strlist_free(&q->senate_preamble);
	for (size_t i = 0; i < q->nanswers; i++)
		strlist_free(&q->answers[i].paras);
}

/* *same is 1 when a and b differ in nothing but the parts' text. */
static int same_frame(const struct inquiry *a, const struct inquiry *b, int *same)
{
	struct inquiry x, y;
	if (inquiry_copy(&x, a))
		return AW_ENOMEM;
	if (inquiry_copy(&y, b)) {
		inquiry_free(&x);
		return AW_ENOMEM;
	}
	without_text(&x);
	without_text(&y);
	*same = inquiry_equal(&x, &y);
	inquiry_free(&x);
	inquiry_free(&y);
	return 0;
}

static int restore_parts(struct session *s, const struct inquiry *saved,
                         const struct inquiry *recovered)
{
	if (restore_buffer(&s->parts[0].buf, &saved->senate_preamble,
	                   &recovered->senate_preamble) ||
	    restore_buffer(&s->askers, &saved->preamble, &recovered->preamble))
		return AW_ENOMEM;
	for (size_t i = 0; i < recovered->nanswers; i++) {
		const struct answer *was = counterpart(saved, &recovered->answers[i]);
		if (!was)
			s->parts[i + 1].remade = 1;
		else if (restore_buffer(&s->parts[i + 1].buf, &was->paras,
		                        &recovered->answers[i].paras))
			return AW_ENOMEM;
	}
	return 0;
}

struct session *session_restore(const struct inquiry *saved, const struct inquiry *recovered)
{
	struct session *s = session_new(recovered);
	int same = 0;
	if (!s)
		return NULL;
	drop_added_heading(&s->q.senate_preamble_heading, &s->q.senate_preamble,
	                   &saved->senate_preamble, saved->senate_preamble_heading,
	                   PREAMBLE_LABEL ":");
	drop_added_heading(&s->q.preamble_heading, &s->q.preamble, &saved->preamble,
	                   saved->preamble_heading, ASKERS_HEADING);
	if (restore_parts(s, saved, recovered) || same_frame(saved, &s->q, &same)) {
		session_free(s);
		return NULL;
	}
	s->reshaped = !same;
	return s;
}
