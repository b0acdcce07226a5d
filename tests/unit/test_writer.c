/* test_writer.c: the canonical layout written from the model. */
#include "harness.h"
#include "buf.h"
#include "reader.h"
#include "writer.h"

#include <stdlib.h>

static char *rewrite(const char *in)
{
	struct inquiry q;
	struct aw_error err;
	struct buf b = BUF_INIT;
	if (reader_read(in, strlen(in), "t.txt", NULL, &q, &err))
		return NULL;
	writer_write(&q, &b);
	inquiry_free(&q);
	return buf_take(&b);
}

void test_writer(void)
{
	char *w = rewrite("Vorlage für die Sitzung des Senats am 1.2.2024\n\n"
	                  "„Frage für die Fragestunde – L1 “T““\n\n"
	                  "Wir fragen den Senat:\n\n"
	                  "1. Eins?\n\n"
	                  "Mehr zu eins.\n\n"
	                  "2. Zwei?\n\n"
	                  "Der Senat beantwortet die Anfrage wie folgt:\n\n"
	                  "Zu Frage 1: Ja.\n"
	                  "Zweite Zeile.\n\n"
	                  "Zu Frage 2:\n\nNein.\n");
	CHECK_STR(w, "Vorlage für die Sitzung des Senats am 1.2.2024\n\n"
	             "„Frage für die Fragestunde – L1 “T““\n\n"
	             "Wir fragen den Senat:\n\n"
	             "1. Eins?\n"
	             "Mehr zu eins.\n"
	             "2. Zwei?\n\n"
	             "Der Senat beantwortet die Anfrage wie folgt:\n\n"
	             "Zu Frage 1:\n\n"
	             "Ja.\nZweite Zeile.\n\n"
	             "Zu Frage 2:\n\nNein.\n",
	          "writer: questions on consecutive lines, a run-on heading on its own line");
	free(w);

	w = rewrite("Die Fraktion der CDU hat folgende Anfrage für die Fragestunde der "
	            "Stadtbürgerschaft an den Senat gestellt:\n\n"
	            "Wir fragen den Senat:\n\n1. Wo?\n");
	CHECK(w && strstr(w, "„Frage für die Fragestunde “““\n\nDie Fraktion der CDU hat folgende"),
	      "writer: title line made for a Fragestunde without number and title");
	free(w);

	w = rewrite("Wir fragen den Senat:\n\n1. Wo?\n\nAnna Beispiel und Fraktion der SPD\n");
	CHECK(w && strstr(w, "1. Wo?\n\nAnna Beispiel und Fraktion der SPD\n\nDer Senat beantwortet") &&
	      strstr(w, "Anna Beispiel und Fraktion der SPD haben folgende Anfrage"),
	      "writer: the signature stays under the questions and names the askers");
	free(w);
}
