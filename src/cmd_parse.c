/* cmd_parse.c: `antwort parse`: shows how antwort split a document. */
#include "buf.h"
#include "cli.h"
#include "json.h"
#include "summary.h"

#include <stdio.h>
#include <string.h>

static int run(int argc, char **argv)
{
	const char *file, *format = "text", *only = NULL;
	int explain = 0;
	const struct cli_opt opts[] = {
		{"--format", "-f", &format, NULL},
		{"--nur", "-n", &only, NULL},
		{"--explain", "-e", NULL, &explain},
		{NULL, NULL, NULL, NULL},
	};
	int status = cli_args(argc, argv, &cmd_parse, opts, &file);
	if (status)
		return status == CLI_DONE ? EXIT_OK : status;
	int json = !strcmp(format, "json");
	if (!json && strcmp(format, "text")) {
		char what[160];
		snprintf(what, sizeof what, "Das Format „%s“ gibt es nicht, nur „text“ und „json“", format);
		return cli_usage("parse", what);
	}

	struct inquiry *qs;
	size_t n;
	if ((status = cli_load("parse", file, only, &qs, &n)))
		return status;
	struct buf out = BUF_INIT;
	int rc = 0, doubts = 0;
	/* A file of several inquiries is shown as all of them; JSON then
	 * gives an array of the objects it gives for one. */
	if (n > 1)
		rc |= buf_printf(&out, json ? "[\n" : "Die Datei enthält %zu Anfragen; "
		                 "„--nur N“ zeigt eine davon.\n", n);
	for (size_t i = 0; i < n; i++) {
		if (n > 1 && !json)
			rc |= buf_printf(&out, "\n== Anfrage %zu von %zu ==\n", i + 1, n);
		if (json && i)
			rc |= buf_adds(&out, ",\n");
		rc |= json ? json_write(&qs[i], &out) : summary_write(&qs[i], explain, &out);
		doubts |= qs[i].hints.n > 0;
	}
	if (n > 1 && json)
		rc |= buf_adds(&out, "]\n");
	if (rc) {
		struct aw_error err;
		aw_fail(&err, AW_ENOMEM, file, "");
		status = cli_fail(&err);
	} else {
		status = cli_output("-", out.s, out.len);
	}
	/* Doubts about the split are findings: a script can tell. */
	if (!status && doubts)
		status = EXIT_FINDINGS;
	buf_free(&out);
	cli_free(qs, n);
	return status;
}

const struct command cmd_parse = {
	"parse", run,
	"zeigt, wie antwort eine Anfrage in Fragen und Antworten aufteilt",
	"Aufruf: antwort parse [--format text|json] [--explain] [--nur N] DATEI\n"
	"\n"
	"Liest eine Anfrage oder eine Senatsvorlage und zeigt, was antwort darin\n"
	"erkannt hat: Art, Nummer, Titel, Fragesteller, jede Frage mit ihren ersten\n"
	"Worten und jede Antwort mit den Fragen, die sie beantwortet. So sehen Sie\n"
	"auf einen Blick, ob die Aufteilung stimmt. Wo antwort unsicher ist, nennt\n"
	"es unter „Hinweise“ die Zeile und was zu prüfen ist.\n"
	"\n"
	"Text aus PDF-Dateien, Webseiten und E-Mails wird vorher bereinigt\n"
	"(Zeilenumbrüche, Silbentrennung, Seitenzahlen, Fußnotenzahlen, Sperrschrift).\n"
	"\n"
	"Optionen:\n"
	"  -f, --format text   Übersicht zum Lesen (Voreinstellung)\n"
	"  -f, --format json   dieselbe Struktur für Programme (siehe docs/json.md)\n"
	"  -e, --explain       listet jede Bereinigung des eingefügten Textes mit\n"
	"                      ihrer Zeilennummer\n"
	"  -n, --nur N         bei einer Datei mit mehreren Anfragen nur die N-te\n"
	"  -h, --help          diese Hilfe\n"
	"\n"
	"DATEI „-“ liest von der Standardeingabe.\n"
	"\n"
	"Rückgabewert: 0 in Ordnung, 1 bei Zweifeln an der Aufteilung (Hinweise)\n"
	"oder falschem Aufruf, 2 bei Fehlern (Datei fehlt, kein gültiges UTF-8, …).\n",
};
