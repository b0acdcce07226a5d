/* cmd_show.c: `antwort show`: an inquiry at one version. */
#include "cli.h"
#include "workspace.h"

#include <stdio.h>

static int run(int argc, char **argv)
{
	const char *pos[2];
	int n;
	const struct cli_opt opts[] = {{NULL, NULL, NULL, NULL}};
	int status = cli_parse(argc, argv, &cmd_show, opts, pos, 0, 2, &n, "");
	if (status)
		return status == CLI_DONE ? EXIT_OK : status;
	struct workspace *ws;
	char slug[SLUG_MAX + 1];
	const char **revs;
	int nrevs;
	if ((status = cli_inquiry_revs("show", pos, n, 1, &ws, slug, &revs, &nrevs)))
		return status;
	struct buf text = BUF_INIT;
	struct aw_error err;
	if (ws_show(ws, slug, nrevs ? revs[0] : NULL, &text, NULL, &err))
		status = cli_fail(&err);
	else
		status = cli_output("-", text.s ? text.s : "", text.len);
	buf_free(&text);
	ws_close(ws);
	return status;
}

const struct command cmd_show = {
	"show", run,
	"gibt eine Anfrage in einer bestimmten Version aus",
	"Aufruf: antwort show [KURZNAME] [VERSION]\n"
	"\n"
	"Gibt anfrage.txt so aus, wie sie in VERSION gesichert wurde; ohne VERSION\n"
	"die neueste. VERSION ist eine Kurzkennung aus „antwort log“ oder alles,\n"
	"was Git als Version versteht: HEAD~2 (die vorvorletzte Version des\n"
	"Arbeitsbereichs), ein Zweig, origin/main. Ohne KURZNAME die Anfrage, in\n"
	"deren Ordner Sie stehen, oder die einzige im Arbeitsbereich.\n"
	"\n"
	"Rückgabewert: 0 in Ordnung, 1 bei falschem Aufruf, 2 bei Fehlern.\n",
};
