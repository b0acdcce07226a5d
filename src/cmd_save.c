/* cmd_save.c: `antwort save`: commits what someone wrote into anfrage.txt
 * with another editor. */
#include "cli.h"
#include "workspace.h"

#include <stdio.h>

/* Errors about the whole workspace, not one inquiry: saving the next
 * inquiry would only repeat them. */
static int whole_workspace(int code)
{
	return code == AW_EINDEXLOCK || code == AW_ELOCKED || code == AW_EDETACHED ||
	       code == AW_EREADONLY || code == AW_ENOAUTHOR || code == AW_EOWNER ||
	       code == AW_ENOMEM;
}

/* Saves one inquiry and says what happened; the exit status, and in *code
 * the error's code. */
static int save_one(struct workspace *ws, const char *slug, int quiet_unchanged, int *code)
{
	char rel[WS_PATH_MAX];
	struct ws_saved saved = {0};
	struct aw_error err;
	int status = EXIT_OK;
	ws_doc_path(slug, rel);
	*code = 0;
	if ((*code = ws_save_file(ws, slug, &saved, &err))) {
		status = cli_fail(&err);
	} else if (!saved.committed) {
		if (!quiet_unchanged)
			printf("%s ist unverändert; es gibt nichts zu sichern.\n", rel);
	} else {
		printf("%s: gesichert als Version %.*s: %s\n", slug, WS_SHORT_LEN, saved.id,
		       saved.subject);
	}
	if (!status && saved.conflicts.n) {
		struct buf b = BUF_INIT;
		buf_printf(&b, "Achtung: In %s stehen noch zwei Fassungen nebeneinander (", rel);
		for (size_t i = 0; i < saved.conflicts.n; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", saved.conflicts.v[i]);
		buf_adds(&b, "); „antwort sync“ überträgt erst, wenn Sie sich für eine entschieden haben.");
		cli_warn(b.s ? b.s : "");
		buf_free(&b);
	}
	if (!status && saved.warning[0])
		cli_warn(saved.warning);
	fflush(stdout);
	ws_saved_free(&saved);
	return status;
}

static int run(int argc, char **argv)
{
	const char *pos[1];
	int n, all = 0;
	const struct cli_opt opts[] = {
		{"--alle", "-a", NULL, &all},
		{NULL, NULL, NULL, NULL},
	};
	int status = cli_parse(argc, argv, &cmd_save, opts, pos, 0, 1, &n, "");
	if (status)
		return status == CLI_DONE ? EXIT_OK : status;
	struct workspace *ws;
	char slug[SLUG_MAX + 1];
	if ((status = cli_workspace(&ws)))
		return status;
	if (n || (!all && cli_slug_here(ws, slug))) {
		int code;
		if (!(status = cli_slug(ws, n ? pos[0] : NULL, slug)))
			status = save_one(ws, slug, 0, &code);
		ws_close(ws);
		return status;
	}
	/* Not in one inquiry's folder: every inquiry that changed, as
	 * `git commit -a` would, each in its own commit. */
	struct strlist slugs = STRLIST_INIT;
	struct aw_error err;
	if (ws_list(ws, &slugs, &err))
		status = cli_fail(&err);
	for (size_t i = 0; i < slugs.n; i++) {
		int code, s = save_one(ws, slugs.v[i], 1, &code);
		if (s && !status)
			status = s;
		if (whole_workspace(code))
			break;
	}
	if (!status)
		printf("Alle Änderungen sind gesichert.\n");
	fflush(stdout);
	strlist_free(&slugs);
	ws_close(ws);
	return status;
}

const struct command cmd_save = {
	"save", run,
	"sichert Änderungen an einer anfrage.txt als neue Version",
	"Aufruf: antwort save [KURZNAME | --alle]\n"
	"\n"
	"Wer anfragen/KURZNAME/anfrage.txt mit einem anderen Editor geändert hat,\n"
	"sichert die Änderungen damit als neue Version. Die Nachricht sagt, was\n"
	"sich geändert hat, etwa „Antwort zu Frage 2 überarbeitet“. Eine Datei,\n"
	"die sich nicht mehr als Anfrage lesen lässt, wird mit Zeilenangabe\n"
	"abgelehnt; dann wird nichts gesichert. Ohne Änderung entsteht keine\n"
	"Version.\n"
	"\n"
	"KURZNAME: wie „antwort list“ ihn zeigt, ein eindeutiger Anfang davon oder\n"
	"der Pfad der Datei. Ohne Angabe die Anfrage, in deren Ordner Sie stehen;\n"
	"anderswo im Arbeitsbereich (oder mit --alle) jede geänderte Anfrage, jede\n"
	"als eigene Version.\n"
	"\n"
	"Rückgabewert: 0 in Ordnung, 1 bei falschem Aufruf, 2 bei Fehlern.\n",
};
