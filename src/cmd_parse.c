/* cmd_parse.c: `antwort parse`: shows how antwort split a document. */
#include "buf.h"
#include "cli.h"
#include "json.h"
#include "summary.h"

#include <stdio.h>
#include <string.h>

static int run(int argc, char **argv)
{
	const char *file = NULL, *format = "text";
	int explain = 0;
	char what[160];

	for (int i = 1; i < argc; i++) {
		int r;
		if (cli_is_help(argv[i])) {
			fputs(cmd_parse.help, stdout);
			return EXIT_OK;
		}
		if ((r = cli_option(argc, argv, &i, "--format", "-f", &format, "parse"))) {
			if (r < 0)
				return EXIT_USAGE;
			continue;
		}
		if (!strcmp(argv[i], "--explain") || !strcmp(argv[i], "-e")) {
			explain = 1;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1]) {
			snprintf(what, sizeof what, "Die Option „%s“ gibt es nicht", argv[i]);
			return cli_usage("parse", what);
		}
		if (file)
			return cli_usage("parse", "Geben Sie genau eine Datei an");
		file = argv[i];
	}
	if (!file)
		return cli_usage("parse", "Es fehlt die Datei, die gelesen werden soll");
	int json = !strcmp(format, "json");
	if (!json && strcmp(format, "text")) {
		snprintf(what, sizeof what, "Das Format „%s“ gibt es nicht, nur „text“ und „json“", format);
		return cli_usage("parse", what);
	}

	struct inquiry q;
	int status = cli_load(file, &q);
	if (status)
		return status;
	struct buf out = BUF_INIT;
	if (json ? json_write(&q, &out) : summary_write(&q, explain, &out)) {
		struct aw_error err;
		aw_fail(&err, AW_ENOMEM, file, "");
		status = cli_fail(&err);
	} else {
		status = cli_output("-", out.s, out.len);
	}
	/* Doubts about the split are findings: a script can tell. */
	if (!status && q.hints.n)
		status = EXIT_FINDINGS;
	buf_free(&out);
	inquiry_free(&q);
	return status;
}

const struct command cmd_parse = {
	"parse", run,
	"zeigt, wie antwort eine Anfrage in Fragen und Antworten aufteilt",
	"Aufruf: antwort parse [--format text|json] [--explain] DATEI\n"
	"\n"
	"Liest eine Anfrage oder eine Senatsvorlage und zeigt, was antwort darin\n"
	"erkannt hat: Art, Nummer, Titel, Fragesteller, jede Frage mit ihren ersten\n"
	"Worten und jede Antwort mit den Fragen, die sie beantwortet. So sehen Sie\n"
	"auf einen Blick, ob die Aufteilung stimmt.\n"
	"\n"
	"Optionen:\n"
	"  -f, --format text   Übersicht zum Lesen (Voreinstellung)\n"
	"  -f, --format json   dieselbe Struktur für Programme (siehe docs/json.md)\n"
	"  -e, --explain       listet jede Bereinigung des eingefügten Textes mit\n"
	"                      Zeilennummer (Silbentrennung, Seitenzahlen, Fußnoten, …)\n"
	"  -h, --help          diese Hilfe\n"
	"\n"
	"DATEI „-“ liest von der Standardeingabe.\n"
	"\n"
	"Rückgabewert: 0 in Ordnung, 1 bei Zweifeln an der Aufteilung (Hinweise)\n"
	"oder falschem Aufruf, 2 bei Fehlern (Datei fehlt, kein gültiges UTF-8, …).\n",
};
