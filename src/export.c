/* export.c: Markdown and HTML renderings of the document; the text layout
 * is the writer's. Both renderings follow the order of the Vorlage. */
#include "export.h"
#include "error.h"
#include "heading.h"
#include "writer.h"

#include <string.h>

int export_format_from_name(const char *name)
{
	if (!strcmp(name, "txt"))
		return EXPORT_TXT;
	if (!strcmp(name, "md"))
		return EXPORT_MD;
	if (!strcmp(name, "html"))
		return EXPORT_HTML;
	return -1;
}

/* ---- Markdown ----------------------------------------------------------- */

/* Text with Markdown's active characters escaped, and a line start that
 * would begin a list, quote or heading neutralised. */
static int md_text(struct buf *b, const char *s)
{
	int rc = 0, bol = 1;
	for (; *s; s++) {
		if (bol) {
			const char *d = s;
			while (*d >= '0' && *d <= '9')
				d++;
			if (d > s && (*d == '.' || *d == ')')) {
				rc |= buf_add(b, s, (size_t)(d - s));
				rc |= buf_addc(b, '\\');
				s = d;
			} else if (strchr("-+>", *s) && *s) {
				rc |= buf_addc(b, '\\');
			}
		}
		bol = *s == '\n';
		if (strchr("\\`*_[]<>#|", *s))
			rc |= buf_addc(b, '\\');
		rc |= buf_addc(b, *s);
	}
	return rc;
}

static int md_para(struct buf *b, const char *s)
{
	int rc = 0;
	if (!s)
		return 0;
	if (b->len)
		rc |= buf_adds(b, "\n\n");
	rc |= md_text(b, s);
	return rc;
}

static int md_paras(struct buf *b, const struct strlist *l)
{
	int rc = 0;
	for (size_t i = 0; i < l->n; i++)
		rc |= md_para(b, l->v[i]);
	return rc;
}

static int md_extras(struct buf *b, const struct inquiry *q, enum part after)
{
	int rc = 0;
	for (size_t i = 0; i < q->nextras; i++)
		if (q->extras[i].after == after)
			rc |= md_para(b, q->extras[i].text);
	return rc;
}

static int markdown(const struct inquiry *q, struct buf *out)
{
	struct buf b = BUF_INIT;
	int rc = 0;

	rc |= md_extras(&b, q, PART_START);
	rc |= md_para(&b, q->session_line);
	rc |= md_extras(&b, q, PART_SESSION);
	rc |= buf_adds(&b, b.len ? "\n\n# " : "# ");
	rc |= md_text(&b, q->title_line);
	rc |= md_extras(&b, q, PART_TITLE);
	rc |= md_para(&b, q->intro);
	rc |= md_extras(&b, q, PART_INTRO);
	rc |= md_para(&b, q->preamble_heading);
	rc |= md_paras(&b, &q->preamble);
	rc |= md_extras(&b, q, PART_PREAMBLE);
	rc |= md_para(&b, q->leadin);
	rc |= md_extras(&b, q, PART_LEADIN);
	for (size_t i = 0; i < q->nquestions; i++) {
		const struct question *qu = &q->questions[i];
		if (qu->section) {
			rc |= buf_adds(&b, "\n\n### ");
			rc |= md_text(&b, qu->section);
			rc |= buf_addc(&b, '\n');
		}
		char nr[16];
		heading_label(qu->number, nr);
		rc |= buf_printf(&b, qu->number >= HEADING_DECIMAL ? "%s%s " : "%s%s. ",
		                 i && !qu->section ? "\n" : "\n\n", nr);
		for (size_t k = 0; k < qu->paras.n; k++) {
			if (k)
				rc |= buf_adds(&b, inquiry_is_subitem(qu->paras.v[k]) ? "\n    " : "\n\n    ");
			rc |= md_text(&b, qu->paras.v[k]);
		}
	}
	rc |= md_extras(&b, q, PART_QUESTIONS);
	rc |= md_para(&b, q->signature);
	rc |= md_extras(&b, q, PART_SIGNATURE);
	rc |= md_para(&b, q->senate_leadin);
	rc |= md_extras(&b, q, PART_SENATE_LEADIN);
	rc |= md_para(&b, q->senate_preamble_heading);
	rc |= md_paras(&b, &q->senate_preamble);
	for (size_t i = 0; i < q->nanswers; i++) {
		if (q->answers[i].section) {
			rc |= buf_adds(&b, "\n\n### ");
			rc |= md_text(&b, q->answers[i].section);
		}
		rc |= buf_adds(&b, "\n\n## ");
		rc |= md_text(&b, q->answers[i].heading);
		rc |= md_paras(&b, &q->answers[i].paras);
	}
	rc |= md_extras(&b, q, PART_END);
	rc |= buf_addc(&b, '\n');
	if (!rc)
		rc = buf_add(out, b.s, b.len);
	buf_free(&b);
	return rc;
}

/* ---- HTML --------------------------------------------------------------- */

static int html_text(struct buf *b, const char *s)
{
	int rc = 0;
	for (; *s; s++) {
		switch (*s) {
		case '&': rc |= buf_adds(b, "&amp;"); break;
		case '<': rc |= buf_adds(b, "&lt;"); break;
		case '>': rc |= buf_adds(b, "&gt;"); break;
		case '"': rc |= buf_adds(b, "&quot;"); break;
		case '\n': rc |= buf_adds(b, "<br>\n"); break;
		default: rc |= buf_addc(b, *s);
		}
	}
	return rc;
}

static int html_el(struct buf *b, const char *tag, const char *cls, const char *s)
{
	int rc = 0;
	if (!s)
		return 0;
	rc |= cls ? buf_printf(b, "<%s class=\"%s\">", tag, cls) : buf_printf(b, "<%s>", tag);
	rc |= html_text(b, s);
	rc |= buf_printf(b, "</%s>\n", tag);
	return rc;
}

static int html_paras(struct buf *b, const struct strlist *l, const char *cls)
{
	int rc = 0;
	for (size_t i = 0; i < l->n; i++)
		rc |= html_el(b, "p", cls, l->v[i]);
	return rc;
}

static int html_extras(struct buf *b, const struct inquiry *q, enum part after)
{
	int rc = 0;
	for (size_t i = 0; i < q->nextras; i++)
		if (q->extras[i].after == after)
			rc |= html_el(b, "p", "unverstanden", q->extras[i].text);
	return rc;
}

static const char html_style[] =
	"body { font-family: \"Liberation Sans\", Arial, sans-serif; font-size: 11pt;\n"
	"       line-height: 1.45; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #000; }\n"
	"h1 { font-size: 13pt; margin: 1.5em 0 1em; }\n"
	"h2 { font-size: 11pt; margin: 1.5em 0 0.5em; }\n"
	".sitzung { font-weight: bold; }\n"
	"ol.fragen { padding-left: 2em; }\n"
	"ol.fragen li { margin-bottom: 0.4em; }\n"
	"ol.fragen p { margin: 0.3em 0; }\n"
	".leer { color: #666; font-style: italic; }\n"
	"ol.fragen li.dezimal { list-style: none; margin-left: -2em; }\n"
	"@page { size: A4; margin: 2.5cm 2cm; }\n"
	"@media print { body { max-width: none; margin: 0; padding: 0; }\n"
	"  h2 { break-after: avoid; } p { orphans: 3; widows: 3; } }\n";

static int html(const struct inquiry *q, struct buf *b)
{
	int rc = 0;

	rc |= buf_adds(b, "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
	               "<meta name=\"generator\" content=\"antwort\">\n<title>");
	if (q->number) {
		rc |= html_text(b, q->number);
		rc |= buf_adds(b, " – ");
	}
	rc |= html_text(b, q->title ? q->title : "Anfrage");
	rc |= buf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", html_style);
	rc |= html_extras(b, q, PART_START);
	rc |= html_el(b, "p", "sitzung", q->session_line);
	rc |= html_extras(b, q, PART_SESSION);
	rc |= html_el(b, "h1", NULL, q->title_line);
	rc |= html_extras(b, q, PART_TITLE);
	rc |= html_el(b, "p", "einleitung", q->intro);
	rc |= html_extras(b, q, PART_INTRO);
	rc |= html_el(b, "h3", NULL, q->preamble_heading);
	rc |= html_paras(b, &q->preamble, "vorbemerkung");
	rc |= html_extras(b, q, PART_PREAMBLE);
	rc |= html_el(b, "p", NULL, q->leadin);
	rc |= html_extras(b, q, PART_LEADIN);
	if (q->nquestions)
		rc |= buf_adds(b, "<ol class=\"fragen\">\n");
	for (size_t i = 0; i < q->nquestions; i++) {
		const struct question *qu = &q->questions[i];
		if (qu->section) {
			rc |= buf_adds(b, "</ol>\n");
			rc |= html_el(b, "h3", NULL, qu->section);
			rc |= buf_adds(b, "<ol class=\"fragen\">\n");
		}
		char nr[16];
		if (qu->number >= HEADING_DECIMAL)
			rc |= buf_printf(b, "<li class=\"dezimal\"><span class=\"nr\">%s</span> ",
			                 heading_label(qu->number, nr));
		else
			rc |= buf_printf(b, "<li value=\"%d\">", qu->number);
		for (size_t k = 0; k < qu->paras.n; k++) {
			if (k)
				rc |= buf_adds(b, inquiry_is_subitem(qu->paras.v[k]) ?
				               "<p class=\"unterpunkt\">" : "<p>");
			rc |= html_text(b, qu->paras.v[k]);
			if (k)
				rc |= buf_adds(b, "</p>");
		}
		rc |= buf_adds(b, "</li>\n");
	}
	if (q->nquestions)
		rc |= buf_adds(b, "</ol>\n");
	rc |= html_extras(b, q, PART_QUESTIONS);
	rc |= html_el(b, "p", "unterschrift", q->signature);
	rc |= html_extras(b, q, PART_SIGNATURE);
	rc |= html_el(b, "p", NULL, q->senate_leadin);
	rc |= html_extras(b, q, PART_SENATE_LEADIN);
	rc |= html_el(b, "h3", NULL, q->senate_preamble_heading);
	rc |= html_paras(b, &q->senate_preamble, "vorbemerkung");
	for (size_t i = 0; i < q->nanswers; i++) {
		rc |= html_el(b, "h3", NULL, q->answers[i].section);
		rc |= html_el(b, "h2", NULL, q->answers[i].heading);
		if (q->answers[i].paras.n == 0)
			rc |= html_el(b, "p", "leer", "(noch nicht beantwortet)");
		rc |= html_paras(b, &q->answers[i].paras, NULL);
	}
	rc |= html_extras(b, q, PART_END);
	rc |= buf_adds(b, "</body>\n</html>\n");
	return rc;
}

int export_write(const struct inquiry *q, enum export_format f, struct buf *out)
{
	int rc = 0;
	switch (f) {
	case EXPORT_TXT: rc = writer_write(q, out); break;
	case EXPORT_MD: rc = markdown(q, out); break;
	case EXPORT_HTML: rc = html(q, out); break;
	}
	return rc ? AW_ENOMEM : 0;
}
