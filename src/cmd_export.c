/* cmd_export.c: `antwort export`: the answer as text, Markdown or HTML. */
#include "buf.h"
#include "cli.h"
#include "export.h"

#include <stdio.h>
#include <string.h>

static int run(int argc, char **argv)
{
	const char *file = NULL, *format = "txt", *output = "-";
	char what[160];

	for (int i = 1; i < argc; i++) {
		int r;
		if (cli_is_help(argv[i])) {
			fputs(cmd_export.help, stdout);
			return EXIT_OK;
		}
		if ((r = cli_option(argc, argv, &i, "--format", "-f", &format, "export")) ||
		    (r = cli_option(argc, argv, &i, "--output", "-o", &output, "export"))) {
			if (r < 0)
				return EXIT_USAGE;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1]) {
			snprintf(what, sizeof what, "Die Option „%s“ gibt es nicht", argv[i]);
			return cli_usage("export", what);
		}
		if (file)
			return cli_usage("export", "Geben Sie genau eine Datei an");
		file = argv[i];
	}
	if (!file)
		return cli_usage("export", "Es fehlt die Datei, die exportiert werden soll");
	int f = export_format_from_name(format);
	if (f < 0) {
		snprintf(what, sizeof what,
		         "Das Format „%s“ gibt es nicht, nur „txt“, „md“ und „html“", format);
		return cli_usage("export", what);
	}

	struct inquiry q;
	int status = cli_load(file, &q);
	if (status)
		return status;
	struct buf out = BUF_INIT;
	if (export_write(&q, (enum export_format)f, &out)) {
		struct aw_error err;
		aw_fail(&err, AW_ENOMEM, file, "");
		status = cli_fail(&err);
	} else {
		status = cli_output(output, out.s ? out.s : "", out.len);
	}
	buf_free(&out);
	inquiry_free(&q);
	return status;
}

const struct command cmd_export = {
	"export", run,
	"gibt die Antwort als Text, Markdown oder HTML aus",
	"Aufruf: antwort export DATEI [--format txt|md|html] [-o AUSGABE]\n"
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
	"  -h, --help           diese Hilfe\n"
	"\n"
	"DATEI „-“ liest von der Standardeingabe.\n"
	"\n"
	"Rückgabewert: 0 in Ordnung, 1 bei falschem Aufruf, 2 bei Fehlern.\n",
};
