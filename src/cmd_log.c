/* cmd_log.c: `antwort log`: one line per version of an inquiry. */
#include "cli.h"
#include "workspace.h"

#include <stdio.h>
#include <stdlib.h>

/* Characters, not bytes, so that "Jürgen" pads like "Juergen". */
static size_t width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		w += ((unsigned char)*s & 0xC0) != 0x80;
	return w;
}

static int run(int argc, char **argv)
{
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = {{NULL, NULL, NULL, NULL}};
	int status = cli_parse(argc, argv, &cmd_log, opts, pos, 0, 1, &n, "");
	if (status)
		return status == CLI_DONE ? EXIT_OK : status;
	struct workspace *ws;
	char slug[SLUG_MAX + 1];
	if ((status = cli_inquiry(n ? pos[0] : NULL, &ws, slug)))
		return status;
	struct ws_version *v;
	size_t nv;
	struct aw_error err;
	if (ws_log(ws, slug, &v, &nv, &err)) {
		status = cli_fail(&err);
		ws_close(ws);
		return status;
	}
	size_t aw = 0;
	for (size_t i = 0; i < nv; i++)
		if (width(v[i].author) > aw)
			aw = width(v[i].author);
	for (size_t i = 0; i < nv; i++) {
		char when[32];
		printf("%.*s  %s  %s%*s  %s", WS_SHORT_LEN, v[i].id,
		       cli_when(v[i].time, v[i].tz, when, sizeof when), v[i].author,
		       (int)(aw - width(v[i].author)), "", v[i].subject);
		if (v[i].answers[0])
			printf("  [Antworten: %s]", v[i].answers);
		putchar('\n');
	}
	fflush(stdout);
	free(v);
	ws_close(ws);
	return EXIT_OK;
}

const struct command cmd_log = {
	"log", run,
	"zeigt die Versionen einer Anfrage",
	"Aufruf: antwort log [KURZNAME]\n"
	"\n"
	"Zeigt je gesicherter Version der Anfrage eine Zeile, die neueste zuerst:\n"
	"Kurzkennung der Version, Datum und Uhrzeit, wer gesichert hat, was sich\n"
	"geändert hat, und in eckigen Klammern die Antworten, die betroffen sind.\n"
	"Die Kurzkennung nehmen „antwort show“ und „antwort diff“ entgegen.\n"
	"\n"
	"KURZNAME: wie „antwort list“ ihn zeigt oder ein eindeutiger Anfang davon;\n"
	"ohne Angabe die Anfrage, in deren Ordner Sie stehen, oder die einzige im\n"
	"Arbeitsbereich.\n"
	"\n"
	"Rückgabewert: 0 in Ordnung, 1 bei falschem Aufruf, 2 bei Fehlern.\n",
};
