/* cmd_init.c: `antwort init`: makes a folder a workspace. */
#include "cli.h"
#include "workspace.h"

#include <stdio.h>
#include <stdlib.h>

static int run(int argc, char **argv)
{
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = {{NULL, NULL, NULL, NULL}};
	int status = cli_parse(argc, argv, &cmd_init, opts, pos, 0, 1, &n, "");
	if (status)
		return status == CLI_DONE ? EXIT_OK : status;
	struct aw_error err;
	const char *dir = n ? pos[0] : ".";
	if (ws_init(dir, &err))
		return cli_fail(&err);
	char *where = realpath(dir, NULL);
	printf("Arbeitsbereich angelegt in %s.\n"
	       "Nehmen Sie die erste Anfrage auf mit: antwort import DATEI\n", where ? where : dir);
	free(where);
	return EXIT_OK;
}

const struct command cmd_init = {
	"init", run,
	"legt einen Arbeitsbereich an (ein Git-Repository für die Anfragen)",
	"Aufruf: antwort init [ORDNER]\n"
	"\n"
	"Macht ORDNER (Voreinstellung: den aktuellen) zum Arbeitsbereich von antwort:\n"
	"ein Git-Repository mit der Kennzeichnungsdatei antwort.conf und den Ordnern\n"
	"anfragen/ (die Anfragen), templates/ (Textbausteine) und dict/ (Wörter des\n"
	"Teams). Fehlt der Ordner, wird er angelegt; ist er schon ein Git-Repository,\n"
	"wird es an Ort und Stelle übernommen. Die erste Version heißt\n"
	"„Arbeitsbereich für antwort angelegt“.\n"
	"\n"
	"Vorher müssen Name und E-Mail-Adresse für die Versionsgeschichte\n"
	"eingetragen sein (git config --global user.name / user.email).\n"
	"\n"
	"Rückgabewert: 0 in Ordnung, 1 bei falschem Aufruf, 2 bei Fehlern.\n",
};
