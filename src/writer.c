/* writer.c: the canonical text layout.
 *
 * Parts are separated by one blank line; the questions stand on
 * consecutive lines, each further paragraph of a question on a line of its
 * own; each answer is its heading, then its paragraphs, all separated by
 * blank lines. Blocks kept verbatim go back after the part they followed. */
#include "writer.h"
#include "error.h"

#include <string.h>

struct out {
	struct buf text;   /* LF line ends; converted at the end */
	int started;       /* a block has been written */
	int rc;
};

/* Starts a new block: a blank line after the previous one. */
static void block(struct out *o, const char *s)
{
	if (!s)
		return;
	if (o->started)
		o->rc |= buf_adds(&o->text, "\n\n");
	o->rc |= buf_adds(&o->text, s);
	o->started = 1;
}

static void extras(struct out *o, const struct inquiry *q, enum part after)
{
	for (size_t i = 0; i < q->nextras; i++)
		if (q->extras[i].after == after)
			block(o, q->extras[i].text);
}

static void paragraphs(struct out *o, const struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		block(o, l->v[i]);
}

static void questions(struct out *o, const struct inquiry *q)
{
	for (size_t i = 0; i < q->nquestions; i++) {
		const struct question *qu = &q->questions[i];
		/* A section heading stands on its own line above its question. */
		if (qu->section) {
			if (i == 0)
				block(o, qu->section);
			else
				o->rc |= buf_printf(&o->text, "\n%s", qu->section);
		}
		if (i == 0 && !qu->section)
			block(o, qu->marker);
		else
			o->rc |= buf_printf(&o->text, "\n%s", qu->marker);
		for (size_t k = 0; k < qu->paras.n; k++)
			o->rc |= buf_printf(&o->text, "%s%s", k ? "\n" : " ", qu->paras.v[k]);
	}
}

int writer_write(const struct inquiry *q, struct buf *out)
{
	struct out o = {BUF_INIT, 0, 0};

	for (size_t i = 0; i < q->leading_blank_lines; i++)
		o.rc |= buf_addc(&o.text, '\n');
	extras(&o, q, PART_START);
	block(&o, q->session_line);
	extras(&o, q, PART_SESSION);
	block(&o, q->title_line);
	extras(&o, q, PART_TITLE);
	block(&o, q->intro);
	extras(&o, q, PART_INTRO);
	block(&o, q->preamble_heading);
	paragraphs(&o, &q->preamble);
	extras(&o, q, PART_PREAMBLE);
	block(&o, q->leadin);
	extras(&o, q, PART_LEADIN);
	questions(&o, q);
	extras(&o, q, PART_QUESTIONS);
	block(&o, q->signature);
	extras(&o, q, PART_SIGNATURE);
	block(&o, q->senate_leadin);
	extras(&o, q, PART_SENATE_LEADIN);
	block(&o, q->senate_preamble_heading);
	paragraphs(&o, &q->senate_preamble);
	for (size_t i = 0; i < q->nanswers; i++) {
		block(&o, q->answers[i].section);
		block(&o, q->answers[i].heading);
		paragraphs(&o, &q->answers[i].paras);
	}
	extras(&o, q, PART_END);
	if (q->final_newline)
		o.rc |= buf_addc(&o.text, '\n');

	if (q->bom)
		o.rc |= buf_adds(out, "\xEF\xBB\xBF");
	if (!o.rc && o.text.len) {
		if (q->crlf) {
			for (const char *s = o.text.s, *nl; *s; s = nl + 1) {
				nl = strchr(s, '\n');
				if (!nl) {
					o.rc |= buf_adds(out, s);
					break;
				}
				o.rc |= buf_add(out, s, (size_t)(nl - s));
				o.rc |= buf_adds(out, "\r\n");
			}
		} else {
			o.rc |= buf_add(out, o.text.s, o.text.len);
		}
	}
	buf_free(&o.text);
	return o.rc ? AW_ENOMEM : 0;
}
