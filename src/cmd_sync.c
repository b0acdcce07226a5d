/* cmd_sync.c: `antwort sync`: exchange versions with the team's remote. */
#include "cli.h"
#include "workspace.h"

#include <stdio.h>

static int run(int argc, char **argv)
{
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = {{NULL, NULL, NULL, NULL}};
	int status = cli_parse(argc, argv, &cmd_sync, opts, pos, 0, 1, &n, "");
	if (status)
		return status == CLI_DONE ? EXIT_OK : status;
	struct workspace *ws;
	if ((status = cli_workspace(&ws)))
		return status;
	struct ws_synced s;
	struct aw_error err;
	if (ws_sync(ws, n ? pos[0] : NULL, &s, &err)) {
		status = cli_fail(&err);
	} else if (s.conflicts.n) {
		char count[32];
		if (s.conflicts.n == 1)
			snprintf(count, sizeof count, "einer Stelle");
		else
			snprintf(count, sizeof count, "%zu Stellen", s.conflicts.n);
		printf("Die Fassungen von %s sind übernommen, aber an %s haben beide\n"
		       "Seiten dasselbe geändert. Beide Fassungen stehen jetzt in der Datei\n"
		       "zwischen „<<<<<<< Ihre Fassung“, „=======“ und „>>>>>>> Fassung von …“:\n",
		       s.remote, count);
		for (size_t i = 0; i < s.conflicts.n; i++)
			printf("  %s\n", s.conflicts.v[i]);
		printf("Entscheiden Sie sich je Stelle für eine Fassung (oder verbinden Sie beide),\n"
		       "löschen Sie die drei Markierungszeilen, sichern Sie mit „antwort save“ und\n"
		       "rufen Sie „antwort sync“ erneut auf. Bis dahin wird nichts übertragen.\n");
		status = EXIT_FINDINGS;
	} else {
		if (s.merged)
			printf("Neue Fassungen von %s geholt und mit Ihren zusammengeführt.\n", s.remote);
		else if (s.fetched)
			printf("Neue Fassungen von %s geholt.\n", s.remote);
		if (s.pushed)
			printf("Ihre Fassungen sind jetzt auch in %s (Zweig %s).\n", s.remote, s.branch);
		if (!s.fetched && !s.pushed)
			printf("Der Arbeitsbereich und %s sind auf demselben Stand.\n", s.remote);
	}
	fflush(stdout);
	ws_synced_free(&s);
	ws_close(ws);
	return status;
}

const struct command cmd_sync = {
	"sync", run,
	"gleicht den Arbeitsbereich mit der gemeinsamen Ablage ab",
	"Aufruf: antwort sync [ABLAGE]\n"
	"\n"
	"Holt die Versionen der anderen aus der gemeinsamen Ablage (einem\n"
	"Git-Remote), führt sie mit Ihren zusammen und überträgt Ihre Versionen\n"
	"dorthin. Haben zwei Personen verschiedene Antworten derselben Anfrage\n"
	"geändert, werden beide Änderungen übernommen. Haben beide dieselbe\n"
	"Antwort geändert, geht nichts verloren: beide Fassungen stehen danach\n"
	"zwischen Markierungen in der Datei, antwort nennt die Stellen, und es\n"
	"wird nichts übertragen, bis Sie sich entschieden und gesichert haben.\n"
	"Es wird nie etwas auf der Ablage überschrieben.\n"
	"\n"
	"ABLAGE ist der Name eines eingerichteten Remotes oder eine Adresse: ein\n"
	"Pfad, file://, git://, ssh:// oder https://. Eine Adresse, die Sie zum\n"
	"ersten Mal angeben, merkt sich antwort als „origin“; danach genügt\n"
	"„antwort sync“. Vorher müssen alle Änderungen gesichert sein.\n"
	"Über ssh meldet sich antwort mit den Schlüsseln des ssh-agent an; Adressen,\n"
	"die nach einem Passwort fragen, kann antwort nicht benutzen.\n"
	"\n"
	"Rückgabewert: 0 in Ordnung, 1 wenn Fassungen nebeneinander stehen oder\n"
	"bei falschem Aufruf, 2 bei Fehlern.\n",
};
