/* cmd_edit.c: `antwort edit` and `antwort` alone in a workspace: the
 * workbench on the terminal. ANTWORT_SCRIPT runs it headless against a
 * key script (script.h) and prints the screen: for tests. */
#include "cli.h"
#include "app.h"
#include "view_editor.h"
#include "view_overview.h"
#include "workspace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The editor on slug (or, with slug NULL, the overview first). */
static int workbench(struct workspace *ws, const char *slug)
{
	struct app a;
	struct aw_error err;
	const char *script = getenv("ANTWORT_SCRIPT");
	if (app_open(&a, ws, script && *script ? script : NULL, &err))
		return cli_fail(&err);
	int status = EXIT_OK;
	char cur[SLUG_MAX + 1] = "";
	if (slug) {
		snprintf(cur, sizeof cur, "%s", slug);
		if (editor_run(&a, cur) == EDITOR_FAILED) {
			char msg[sizeof a.message];
			memcpy(msg, a.message, sizeof msg);
			app_close(&a);
			fprintf(stderr, "antwort: %s\n", msg);
			return EXIT_ERROR;
		}
	} else {
		while (overview_screen(&a, cur, cur))
			editor_run(&a, cur);
	}
	app_close(&a);
	return status;
}

static int is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* FILE.txt that is not in the workspace yet: imported, then opened. */
static int import_and_open(struct workspace *ws, const char *path)
{
	struct inquiry *qs;
	size_t n;
	int status = cli_load("edit", path, NULL, &qs, &n);
	if (status)
		return status;
	char slug[SLUG_MAX + 1] = "";
	for (size_t i = 0; i < n; i++) {
		char s[SLUG_MAX + 1];
		struct ws_saved saved = {0};
		struct aw_error err;
		if (ws_import(ws, &qs[i], s, &saved, &err))
			status = cli_fail(&err);
		else if (!slug[0])
			memcpy(slug, s, sizeof slug);
		ws_saved_free(&saved);
	}
	cli_free(qs, n);
	return slug[0] ? workbench(ws, slug) : status;
}

static int run(int argc, char **argv)
{
	const char *pos[1];
	int npos = 0;
	const struct cli_opt opts[] = {{NULL, NULL, NULL, NULL}};
	int status = cli_parse(argc, argv, &cmd_edit, opts, pos, 0, 1, &npos, "");
	if (status)
		return status == CLI_DONE ? EXIT_OK : status;
	struct workspace *ws;
	if ((status = cli_workspace(&ws)))
		return status;
	char slug[SLUG_MAX + 1];
	const char *arg = npos ? pos[0] : NULL;
	size_t len = arg ? strlen(arg) : 0;
	/* A text file given by path is an inquiry to import unless it is one
	 * of the workspace's own documents. */
	if (arg && is_file(arg) && !(len >= 12 && !strcmp(arg + len - 12, "/" WS_DOC)) &&
	    strcmp(arg, WS_DOC)) {
		status = import_and_open(ws, arg);
	} else if (!(status = cli_slug(ws, arg, slug))) {
		status = workbench(ws, slug);
	}
	ws_close(ws);
	return status;
}

int cmd_edit_overview(void)
{
	struct workspace *ws;
	struct aw_error err;
	int rc = ws_open(NULL, &ws, &err);
	if (rc == AW_ENOWS)
		return -1;
	if (rc)
		return cli_fail(&err);
	int status = workbench(ws, NULL);
	ws_close(ws);
	return status;
}

const struct command cmd_edit = {
	"edit", run, "öffnet eine Anfrage im Editor (ohne Befehl: die Übersicht)",
	"Aufruf: antwort edit [KURZNAME|DATEI.txt]\n"
	"\n"
	"Öffnet eine Anfrage des Arbeitsbereichs im Editor: links die Fragen, rechts\n"
	"oben der Text der gewählten Frage, darunter die Antwort. Strg-S sichert eine\n"
	"neue Version, Strg-Q beendet, F1 zeigt alle Tasten.\n"
	"\n"
	"  KURZNAME   eine Anfrage, wie „antwort list“ sie zeigt (ein eindeutiger\n"
	"             Anfang genügt); ohne Angabe die Anfrage, in deren Ordner Sie\n"
	"             stehen, oder die einzige des Arbeitsbereichs\n"
	"  DATEI.txt  eine neu eingegangene Anfrage als Textdatei: sie wird erst\n"
	"             aufgenommen (wie mit „antwort import“) und dann geöffnet\n"
	"\n"
	"„antwort“ ohne Befehl öffnet im Arbeitsbereich die Übersicht aller Anfragen.\n"
	"Ungesicherter Text wird laufend in eine Sicherungskopie geschrieben und beim\n"
	"nächsten Öffnen angeboten. Das Handbuch (docs/handbuch.md) beschreibt den\n"
	"Editor ausführlich.\n",
};
