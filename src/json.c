/* json.c: the inquiry as JSON. Written by hand: the structure is small and
 * fixed, and a JSON library would be a dependency for a hundred lines. */
#include "json.h"
#include "error.h"
#include "heading.h"

#include <stdio.h>
#include <string.h>

int json_string(struct buf *b, const char *s)
{
	int rc = 0;
	if (!s)
		return buf_adds(b, "null");
	rc |= buf_addc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '"': rc |= buf_adds(b, "\\\""); break;
		case '\\': rc |= buf_adds(b, "\\\\"); break;
		case '\n': rc |= buf_adds(b, "\\n"); break;
		case '\t': rc |= buf_adds(b, "\\t"); break;
		case '\r': rc |= buf_adds(b, "\\r"); break;
		default:
			if (c < 0x20)
				rc |= buf_printf(b, "\\u%04x", c);
			else
				rc |= buf_addc(b, (char)c);
		}
	}
	rc |= buf_addc(b, '"');
	return rc ? AW_ENOMEM : 0;
}

static int string_array(struct buf *b, const struct strlist *l, const char *indent)
{
	int rc = buf_addc(b, '[');
	for (size_t i = 0; i < l->n; i++) {
		rc |= buf_printf(b, "%s\n%s  ", i ? "," : "", indent);
		rc |= json_string(b, l->v[i]);
	}
	if (l->n)
		rc |= buf_printf(b, "\n%s", indent);
	rc |= buf_addc(b, ']');
	return rc;
}

/* The paragraphs joined by blank lines, as one text: only the sub-items
 * (subitems 1), only the others (0) or all (-1). */
static int joined(struct buf *b, const struct strlist *l, int subitems)
{
	struct buf t = BUF_INIT;
	int rc = 0;
	for (size_t i = 0; i < l->n; i++) {
		const char *p = l->v[i];
		if (subitems >= 0 && inquiry_is_subitem(p) != subitems)
			continue;
		if (t.len)
			rc |= buf_adds(&t, "\n\n");
		rc |= buf_adds(&t, p);
	}
	rc |= json_string(b, t.s ? t.s : "");
	buf_free(&t);
	return rc;
}

static int question(struct buf *b, const struct question *qu)
{
	char nr[16];
	int rc = buf_printf(b, "    {\n      \"number\": %d,\n      \"label\": \"%s\",\n"
	                    "      \"marker\": ", qu->number, heading_label(qu->number, nr));
	rc |= json_string(b, qu->marker);
	rc |= buf_adds(b, ",\n      \"section\": ");
	rc |= json_string(b, qu->section);
	rc |= buf_adds(b, ",\n      \"text\": ");
	rc |= joined(b, &qu->paras, 0);
	rc |= buf_adds(b, ",\n      \"subitems\": [");
	size_t n = 0;
	for (size_t i = 0; i < qu->paras.n; i++) {
		const char *p = qu->paras.v[i];
		if (!inquiry_is_subitem(p))
			continue;
		rc |= buf_printf(b, "%s\n        {\"label\": \"%c\", \"text\": ", n++ ? "," : "", p[0]);
		rc |= json_string(b, p + 3);
		rc |= buf_addc(b, '}');
	}
	rc |= buf_adds(b, n ? "\n      ],\n      \"paragraphs\": " : "],\n      \"paragraphs\": ");
	rc |= string_array(b, &qu->paras, "      ");
	rc |= buf_adds(b, "\n    }");
	return rc;
}

static int answer(struct buf *b, const struct answer *a)
{
	int rc = buf_adds(b, "    {\n      \"questions\": [");
	for (size_t i = 0; i < a->ncovers; i++)
		rc |= buf_printf(b, "%s%d", i ? ", " : "", a->covers[i]);
	rc |= buf_adds(b, "],\n      \"heading\": ");
	rc |= json_string(b, a->heading);
	rc |= buf_adds(b, ",\n      \"section\": ");
	rc |= json_string(b, a->section);
	rc |= buf_adds(b, ",\n      \"text\": ");
	rc |= joined(b, &a->paras, -1);
	rc |= buf_adds(b, ",\n      \"paragraphs\": ");
	rc |= string_array(b, &a->paras, "      ");
	rc |= buf_adds(b, "\n    }");
	return rc;
}

int json_write(const struct inquiry *q, struct buf *b)
{
	char date[16];
	int rc = 0;

	rc |= buf_printf(b, "{\n  \"kind\": \"%s\",\n  \"parliament\": ", inquiry_kind_id(q->kind));
	rc |= json_string(b, inquiry_parliament_id(q->parliament));
	rc |= buf_adds(b, ",\n  \"number\": ");
	rc |= json_string(b, q->number);
	rc |= buf_adds(b, ",\n  \"title\": ");
	rc |= json_string(b, q->title);
	rc |= buf_adds(b, ",\n  \"askers\": ");
	rc |= json_string(b, q->askers);
	rc |= buf_adds(b, ",\n  \"session_date\": ");
	if (q->session_year) {
		snprintf(date, sizeof date, "%04d-%02d-%02d", q->session_year,
		         q->session_month, q->session_day);
		rc |= json_string(b, date);
	} else {
		rc |= buf_adds(b, "null");
	}
	rc |= buf_adds(b, ",\n  \"intro\": ");
	rc |= json_string(b, q->intro);
	rc |= buf_adds(b, ",\n  \"askers_preamble_heading\": ");
	rc |= json_string(b, q->preamble_heading);
	rc |= buf_adds(b, ",\n  \"askers_preamble\": ");
	rc |= string_array(b, &q->preamble, "  ");
	rc |= buf_adds(b, ",\n  \"questions\": [");
	for (size_t i = 0; i < q->nquestions; i++) {
		rc |= buf_adds(b, i ? ",\n" : "\n");
		rc |= question(b, &q->questions[i]);
	}
	rc |= buf_adds(b, q->nquestions ? "\n  ],\n  \"senate_preamble_heading\": " :
	               "],\n  \"senate_preamble_heading\": ");
	rc |= json_string(b, q->senate_preamble_heading);
	rc |= buf_adds(b, ",\n  \"senate_preamble\": ");
	rc |= string_array(b, &q->senate_preamble, "  ");
	rc |= buf_adds(b, ",\n  \"answers\": [");
	for (size_t i = 0; i < q->nanswers; i++) {
		rc |= buf_adds(b, i ? ",\n" : "\n");
		rc |= answer(b, &q->answers[i]);
	}
	rc |= buf_adds(b, q->nanswers ? "\n  ],\n  \"hints\": " : "],\n  \"hints\": ");
	rc |= string_array(b, &q->hints, "  ");
	rc |= buf_adds(b, ",\n  \"cleaned\": ");
	rc |= string_array(b, &q->cleaned, "  ");
	rc |= buf_adds(b, "\n}\n");
	return rc ? AW_ENOMEM : 0;
}
