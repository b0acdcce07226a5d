/* session.c: an inquiry open in the editor: a private copy of the model,
 * one edit buffer per part and the labels the question list shows.
 *
 * The model is copied field by field (inquiry_copy) rather than through
 * the writer and the reader: that round trip is exact only for canonical
 * documents, and it would run the reader's cleaning a second time. */
#include "session.h"
#include "buf.h"
#include "error.h"
#include "heading.h"

#include <stdlib.h>
#include <string.h>

#define PREAMBLE_LABEL "Vorbemerkung des Senats"

struct session {
	struct inquiry q;          /* the copy as opened */
	size_t nparts;             /* 1 + q.nanswers */
	struct editbuf **bufs;     /* [nparts] */
	char **labels;             /* [nparts]; labels[0] unused: PREAMBLE_LABEL */
};

/* The paragraphs one a line, as the buffer holds them. */
static struct editbuf *buffer_of(const struct strlist *paras)
{
	struct buf b = BUF_INIT;
	int rc = 0;
	for (size_t i = 0; i < paras->n; i++) {
		if (i)
			rc |= buf_addc(&b, '\n');
		rc |= buf_adds(&b, paras->v[i]);
	}
	struct editbuf *eb = rc ? NULL : editbuf_new(b.s ? b.s : "", b.len);
	buf_free(&b);
	return eb;
}

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

struct session *session_new(const struct inquiry *q)
{
	struct session *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	inquiry_init(&s->q);
	if (inquiry_copy(&s->q, q)) {
		session_free(s);
		return NULL;
	}
	size_t n = 1 + s->q.nanswers;
	s->bufs = calloc(n, sizeof *s->bufs);
	s->labels = calloc(n, sizeof *s->labels);
	if (!s->bufs || !s->labels) {
		session_free(s);
		return NULL;
	}
	s->nparts = n;
	if (!(s->bufs[0] = buffer_of(&s->q.senate_preamble))) {
		session_free(s);
		return NULL;
	}
	for (size_t i = 0; i < s->q.nanswers; i++) {
		if (!(s->bufs[i + 1] = buffer_of(&s->q.answers[i].paras)) ||
		    !(s->labels[i + 1] = answer_label(&s->q.answers[i]))) {
			session_free(s);
			return NULL;
		}
	}
	return s;
}

void session_free(struct session *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nparts; i++) {
		editbuf_free(s->bufs[i]);
		free(s->labels[i]);
	}
	free(s->bufs);
	free(s->labels);
	inquiry_free(&s->q);
	free(s);
}

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
	return part < s->nparts ? s->bufs[part] : NULL;
}

const char *session_part_label(const struct session *s, size_t part)
{
	if (part >= s->nparts)
		return NULL;
	return part ? s->labels[part] : PREAMBLE_LABEL;
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

/* 1 when text holds nothing but spaces and line ends: such a part gives
 * no paragraphs. */
static int blank(const char *text)
{
	return text[strspn(text, " \t\n")] == '\0';
}

enum answer_state session_state(const struct session *s, size_t qi)
{
	size_t part = session_part_of_question(s, qi);
	if (!part || blank(editbuf_text(s->bufs[part])))
		return ANSWER_EMPTY;
	return editbuf_modified(s->bufs[part]) ? ANSWER_CHANGED : ANSWER_DRAFTED;
}

int session_modified(const struct session *s)
{
	for (size_t i = 0; i < s->nparts; i++)
		if (editbuf_modified(s->bufs[i]))
			return 1;
	return 0;
}

void session_saved(struct session *s)
{
	for (size_t i = 0; i < s->nparts; i++)
		editbuf_mark_saved(s->bufs[i]);
}

size_t session_words(const struct session *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->nparts; i++)
		n += editbuf_words(s->bufs[i]);
	return n;
}

size_t session_part_words(const struct session *s, size_t part)
{
	return part < s->nparts ? editbuf_words(s->bufs[part]) : 0;
}

unsigned session_speaking_seconds(const struct session *s, size_t part, unsigned wpm)
{
	if (!wpm)
		return 0;
	unsigned long long w = session_part_words(s, part);
	return (unsigned)((w * 60 + wpm - 1) / wpm);
}

/* 1 when text is exactly the paragraphs joined with '\n'. */
static int same_text(const struct strlist *paras, const char *text)
{
	for (size_t i = 0; i < paras->n; i++) {
		if (i && *text++ != '\n')
			return 0;
		size_t n = strlen(paras->v[i]);
		if (strncmp(text, paras->v[i], n))
			return 0;
		text += n;
	}
	return *text == '\0';
}

/* Replaces paras with the lines of text, trailing spaces trimmed, blank
 * lines dropped. A text as it was opened keeps its paragraphs untouched:
 * one that held a line break of its own would otherwise come back as
 * two paragraphs, and an unedited document must be written unchanged. */
static int set_paras(struct strlist *paras, const char *text)
{
	if (same_text(paras, text))
		return 0;
	strlist_free(paras);
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

int session_to_inquiry(const struct session *s, struct inquiry *out)
{
	inquiry_init(out);
	int rc = inquiry_copy(out, &s->q);
	if (!rc)
		rc = set_paras(&out->senate_preamble, editbuf_text(s->bufs[0]));
	for (size_t i = 0; !rc && i < out->nanswers; i++)
		rc = set_paras(&out->answers[i].paras, editbuf_text(s->bufs[i + 1]));
	/* A preamble written from nothing gets the heading; one the document
	 * had without a heading stays as it was written. */
	if (!rc && out->senate_preamble.n && !out->senate_preamble_heading &&
	    !s->q.senate_preamble.n &&
	    !(out->senate_preamble_heading = strdup(PREAMBLE_LABEL ":")))
		rc = AW_ENOMEM;
	if (!rc)
		rc = inquiry_complete(out);
	if (rc)
		inquiry_free(out);
	return rc;
}
