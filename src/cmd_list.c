/* cmd_list.c: `antwort list`: the inquiries of the workspace. */
#include "cli.h"
#include "fileio.h"
#include "reader.h"
#include "workspace.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

/* Answers with text, out of all answer slots. */
static void answered(const struct inquiry *q, size_t *done, size_t *all)
{
	*done = *all = 0;
	for (size_t i = 0; i < q->nanswers; i++) {
		*all += q->answers[i].ncovers;
		if (q->answers[i].paras.n)
			*done += q->answers[i].ncovers;
	}
}

static int run(int argc, char **argv)
{
	const char *pos[1];
	int n;
	const struct cli_opt opts[] = {{NULL, NULL, NULL, NULL}};
	int status = cli_parse(argc, argv, &cmd_list, opts, pos, 0, 0, &n, "");
	if (status)
		return status == CLI_DONE ? EXIT_OK : status;
	struct workspace *ws;
	if ((status = cli_workspace(&ws)))
		return status;
	struct strlist slugs = STRLIST_INIT;
	struct aw_error err;
	if (ws_list(ws, &slugs, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (!slugs.n)
		printf("Noch keine Anfragen; nehmen Sie eine auf mit: antwort import DATEI\n");
	/* Columns as wide as their widest entry; the kind's names are ASCII
	 * except "Große Anfrage", one cell narrower than its bytes. */
	int sw = 0, kw = (int)strlen("sonstige Anfrage");
	for (size_t i = 0; i < slugs.n; i++)
		if ((int)strlen(slugs.v[i]) > sw)
			sw = (int)strlen(slugs.v[i]);
	for (size_t i = 0; i < slugs.n; i++) {
		char rel[WS_PATH_MAX], path[PATH_MAX];
		struct buf text = BUF_INIT;
		struct inquiry q;
		inquiry_init(&q);
		snprintf(path, sizeof path, "%s%s", ws_root(ws), ws_doc_path(slugs.v[i], rel));
		if (fileio_read(path, &text, &err) ||
		    reader_read(text.s ? text.s : "", text.len, rel, NULL, &q, &err)) {
			status = cli_fail(&err);
		} else {
			size_t done, all;
			answered(&q, &done, &all);
			const char *kind = inquiry_kind_name(q.kind);
			int extra = q.kind == KIND_GROSSE; /* "ß" is two bytes, one cell */
			printf("%-*s  %-*s  %zu/%zu beantwortet  %s\n", sw, slugs.v[i], kw + extra, kind,
			       done, all, q.title ? q.title : "");
		}
		inquiry_free(&q);
		buf_free(&text);
	}
out:
	fflush(stdout);
	strlist_free(&slugs);
	ws_close(ws);
	return status;
}

const struct command cmd_list = {
	"list", run,
	"zeigt die Anfragen im Arbeitsbereich",
	"Aufruf: antwort list\n"
	"\n"
	"Zeigt je Anfrage des Arbeitsbereichs eine Zeile: den Kurznamen (den die\n"
	"anderen Befehle erwarten), die Art, wie viele Fragen schon eine Antwort\n"
	"haben, und den Titel.\n"
	"\n"
	"Rückgabewert: 0 in Ordnung, 1 bei falschem Aufruf, 2 bei Fehlern.\n",
};
