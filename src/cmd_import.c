/* cmd_import.c: `antwort import`: an inquiry as it arrived, into the
 * workspace, one commit each. */
#include "cli.h"
#include "workspace.h"

#include <stdio.h>

static int run(int argc, char **argv)
{
	const char *file, *only = NULL;
	const struct cli_opt opts[] = {
		{"--nur", "-n", &only, NULL},
		{NULL, NULL, NULL, NULL},
	};
	int status = cli_args(argc, argv, &cmd_import, opts, &file);
	if (status)
		return status == CLI_DONE ? EXIT_OK : status;
	struct workspace *ws;
	if ((status = cli_workspace(&ws)))
		return status;
	struct inquiry *qs;
	size_t n;
	if ((status = cli_load("import", file, only, &qs, &n))) {
		ws_close(ws);
		return status;
	}
	/* A collection goes in whole: one inquiry after the other, each its own
	 * commit; one that is there already does not stop the rest. */
	for (size_t i = 0; i < n; i++) {
		char slug[SLUG_MAX + 1], rel[WS_PATH_MAX];
		struct ws_saved saved = {0};
		struct aw_error err;
		if (ws_import(ws, &qs[i], slug, &saved, &err)) {
			status = cli_fail(&err);
			ws_saved_free(&saved);
			continue;
		}
		printf("Aufgenommen: %s (Version %.*s)\n  %s\n", ws_doc_path(slug, rel),
		       WS_SHORT_LEN, saved.id, saved.subject);
		printf("  Nach dem Bearbeiten sichern mit: antwort save %s\n", slug);
		for (size_t h = 0; h < qs[i].hints.n; h++)
			printf("  Hinweis: %s\n", qs[i].hints.v[h]);
		if (saved.warning[0])
			cli_warn(saved.warning);
		ws_saved_free(&saved);
	}
	fflush(stdout);
	cli_free(qs, n);
	ws_close(ws);
	return status;
}

const struct command cmd_import = {
	"import", run,
	"nimmt eine eingegangene Anfrage in den Arbeitsbereich auf",
	"Aufruf: antwort import DATEI [--nur N]\n"
	"\n"
	"Liest die Anfrage aus DATEI – so, wie sie eingegangen ist: aus dem PDF\n"
	"kopiert, von der Website, als Senatsvorlage – und legt sie im\n"
	"Arbeitsbereich als anfragen/KURZNAME/anfrage.txt an, mit einem leeren\n"
	"„Zu Frage N:“ je Frage. Der Kurzname entsteht aus Sitzungsdatum, Nummer\n"
	"und Titel, etwa 2017-04-04-L4-videotelefonie. Das wird eine Version:\n"
	"„Anfrage L4 „…“ eingegangen“. Ist dieselbe Anfrage schon da, wird keine\n"
	"zweite Kopie angelegt.\n"
	"\n"
	"Enthält DATEI mehrere Anfragen („Anfrage 1:“, „Anfrage 2:“ …), werden alle\n"
	"aufgenommen, jede für sich.\n"
	"\n"
	"Optionen:\n"
	"  -n, --nur N   nur die N-te Anfrage der Datei\n"
	"  -h, --help    diese Hilfe\n"
	"\n"
	"DATEI „-“ liest von der Standardeingabe.\n"
	"\n"
	"Rückgabewert: 0 in Ordnung, 1 bei falschem Aufruf, 2 bei Fehlern.\n",
};
