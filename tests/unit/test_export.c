/* test_export.c: Markdown and HTML renderings. */
#include "harness.h"
#include "buf.h"
#include "export.h"
#include "reader.h"

#include <stdlib.h>

static char *export_str(const char *in, enum export_format f)
{
	struct inquiry q;
	struct aw_error err;
	struct buf b = BUF_INIT;
	if (reader_read(in, strlen(in), "t.txt", NULL, &q, &err))
		return NULL;
	export_write(&q, f, &b);
	inquiry_free(&q);
	return buf_take(&b);
}

static const char doc[] =
	"Vorlage für die Sitzung des Senats am 4.4.2017\n\n"
	"„Frage für die Fragestunde – L4 “Radwege & <Brücken>““\n\n"
	"Wir fragen den Senat:\n\n"
	"1. Wie viele *Radwege* gibt es?\n"
	"a) in Bremen,\n"
	"2. Was kostet # das?\n\n"
	"Der Senat beantwortet die Anfrage wie folgt:\n\n"
	"Zu Frage 1:\n\n"
	"2016 wurden 12 km gebaut.\n\n"
	"1. Absatz, der wie eine Liste aussieht.\n";

void test_export(void)
{
	CHECK(export_format_from_name("html") == EXPORT_HTML && export_format_from_name("pdf") < 0,
	      "export: format names");

	char *md = export_str(doc, EXPORT_MD);
	CHECK(md && strstr(md, "# „Frage für die Fragestunde – L4 “Radwege & \\<Brücken\\>““\n"),
	      "export md: title line as heading, angle brackets escaped");
	CHECK(md && strstr(md, "\n1. Wie viele \\*Radwege\\* gibt es?\n    a) in Bremen,\n2. Was kostet \\# das?"),
	      "export md: questions as a numbered list with sub-items");
	CHECK(md && strstr(md, "## Zu Frage 1:\n\n2016 wurden 12 km gebaut."),
	      "export md: answer headings");
	CHECK(md && strstr(md, "\n\n1\\. Absatz, der wie eine Liste aussieht."),
	      "export md: a paragraph starting with a number does not become a list");
	CHECK(md && strstr(md, "## Zu Frage 2:\n"), "export md: the empty slot is shown");
	free(md);

	char *html = export_str(doc, EXPORT_HTML);
	CHECK(html && !strncmp(html, "<!DOCTYPE html>\n<html lang=\"de\">", 32) &&
	      strstr(html, "<meta charset=\"utf-8\">") && strstr(html, "</html>\n"),
	      "export html: a standalone German page in UTF-8");
	CHECK(html && strstr(html, "<title>L4 – Radwege &amp; &lt;Brücken&gt;</title>"),
	      "export html: title escaped");
	CHECK(html && strstr(html, "<li value=\"1\">Wie viele *Radwege* gibt es?<p class=\"unterpunkt\">a) in Bremen,</p></li>"),
	      "export html: questions keep their numbers and sub-items");
	CHECK(html && strstr(html, "<h2>Zu Frage 1:</h2>\n<p>2016 wurden 12 km gebaut.</p>"),
	      "export html: answers under their headings");
	CHECK(html && strstr(html, "@media print") && strstr(html, "@page { size: A4"),
	      "export html: printable on A4");
	CHECK(html && strstr(html, "<h2>Zu Frage 2:</h2>\n<p class=\"leer\">(noch nicht beantwortet)</p>"),
	      "export html: an unanswered question is marked");
	free(html);
}
