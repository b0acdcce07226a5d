/* cmd_export.c: `antwort export`: the answer as text, Markdown or HTML. */
#include "buf.h"
#include "cli.h"
#include "export.h"

#include <stdio.h>
#include <string.h>

static int run(int argc, char **argv)
{
	const char *file, *format = "txt", *output = "-", *only = NULL;
	const struct cli_opt opts[] = {
		{"--format", "-f", &format, NULL},
		{"--output", "-o", &output, NULL},
		{"--nur", "-n", &only, NULL},
		{NULL, NULL, NULL, NULL},
	};
	int status = cli_args(argc, argv, &cmd_export, opts, &file);
	if (status)
		return status == CLI_DONE ? EXIT_OK : status;
	int f = export_format_from_name(format);
	if (f < 0) {
		char what[160];
		snprintf(what, sizeof what,
		         "Das Format „%s“ gibt es nicht, nur „txt“, „md“ und „html“", format);
		return cli_usage("export", what);
	}

	struct inquiry *qs;
	size_t n;
	if ((status = cli_load("export", file, only, &qs, &n)))
		return status;
	struct aw_error err;
	struct buf out = BUF_INIT;
	if (n > 1) {
		char count[32];
		snprintf(count, sizeof count, "%zu", n);
		aw_fail(&err, AW_EMANY, file, count);
		status = cli_fail(&err);
	} else if (export_write(&qs[0], (enum export_format)f, &out)) {
		aw_fail(&err, AW_ENOMEM, file, "");
		status = cli_fail(&err);
	} else {
		status = cli_output(output, out.s ? out.s : "", out.len);
	}
	buf_free(&out);
	cli_free(qs, n);
	return status;
}

const struct command cmd_export = {
	"export", run,
	"gibt die Antwort als Text, Markdown oder HTML aus",
	"Aufruf: antwort export DATEI [--format txt|md|html] [-o AUSGABE] [--nur N]\n"
	"\n"
	"Liest eine Anfrage oder Senatsvorlage und gibt sie im gewünschten Format\n"
	"aus. „txt“ ist das Layout der Senatsvorlage, wie es antwort speichert;\n"
	"„md“ ist Markdown; „html“ eine eigenständige Seite, die sich im Browser\n"
	"öffnen und auf A4 drucken lässt. Eine Anfrage ohne Antworten wird als\n"
	"vollständiges Vorlagengerüst mit einem „Zu Frage N:“ je Frage ausgegeben.\n"
	"\n"
	"Optionen:\n"
	"  -f, --format FORMAT  txt (Voreinstellung), md oder html\n"
	"  -o, --output DATEI   in diese Datei schreiben statt auf die Standardausgabe;\n"
	"                       eine vorhandene Datei wird erst ersetzt, wenn die neue\n"
	"                       vollständig geschrieben ist\n"
	"  -n, --nur N          bei einer Datei mit mehreren Anfragen die N-te\n"
	"  -h, --help           diese Hilfe\n"
	"\n"
	"DATEI „-“ liest von der Standardeingabe.\n"
	"\n"
	"Rückgabewert: 0 in Ordnung, 1 bei falschem Aufruf, 2 bei Fehlern.\n",
};
