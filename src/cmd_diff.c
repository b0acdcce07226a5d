/* cmd_diff.c: `antwort diff`: what changed between two versions of an
 * inquiry, answer by answer, word by word. */
#include "cli.h"
#include "docparts.h"
#include "reader.h"
#include "workspace.h"
#include "worddiff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void version_line(struct buf *out, const struct ws_version *v)
{
	char when[32];
	buf_printf(out, "%.*s (%s, %s)", WS_SHORT_LEN, v->id, v->author,
	           cli_when(v->time, v->tz, when, sizeof when));
}

static const char *words(size_t n)
{
	return n == 1 ? "Wort" : "Wörter";
}

/* Appends the diff of two read versions to out. */
static int render(const struct doc_parts *pa, const struct doc_parts *pb, int stat, int colour,
                  struct buf *out)
{
	struct change *c = NULL;
	size_t n = 0, parts = 0, del = 0, add = 0;
	int rc = changes_compare(pa, pb, &c, &n);
	for (size_t i = 0; !rc && i < n; i++) {
		if (c[i].status == CH_SAME)
			continue;
		const struct doc_part *p = c[i].new ? c[i].new : c[i].old;
		const char *x = c[i].old ? c[i].old->text : "";
		const char *y = c[i].new ? c[i].new->text : "";
		struct worddiff d = WORDDIFF_INIT;
		if ((rc = worddiff_compute(x, strlen(x), y, strlen(y), &d)))
			break;
		const char *state = c[i].status == CH_ADDED ? " (neu)"
		                    : c[i].status == CH_REMOVED ? " (entfernt)" : "";
		parts++;
		del += d.words_del;
		add += d.words_add;
		if (stat)
			rc = buf_printf(out, "%-28s %zu %s entfernt, %zu hinzugefügt%s\n", p->label,
			                d.words_del, words(d.words_del), d.words_add, state);
		else if (!(rc = buf_printf(out, "%s## %s%s%s\n", colour ? "\033[1m" : "", p->label,
		                           state, colour ? "\033[m" : "")))
			rc = worddiff_render(&d, x, y, colour ? WD_COLOUR : WD_PLAIN, 1, out);
		if (!rc && !stat && out->len && out->s[out->len - 1] != '\n')
			rc = buf_addc(out, '\n');
		if (!rc && !stat)
			rc = buf_addc(out, '\n');
		worddiff_free(&d);
	}
	if (!rc && parts == 0)
		rc = buf_adds(out, "Die beiden Versionen unterscheiden sich im Text nicht.\n");
	else if (!rc && stat)
		rc = buf_printf(out, "%zu Teil%s geändert, %zu %s entfernt, %zu hinzugefügt\n",
		                parts, parts == 1 ? "" : "e", del, words(del), add);
	free(c);
	return rc ? AW_ENOMEM : 0;
}

static int run(int argc, char **argv)
{
	const char *pos[3], *colour_opt = "auto";
	int n, stat = 0;
	const struct cli_opt opts[] = {
		{"--stat", NULL, NULL, &stat},
		{"--farbe", NULL, &colour_opt, NULL},
		{"--color", NULL, &colour_opt, NULL},
		{NULL, NULL, NULL, NULL},
	};
	int status = cli_parse(argc, argv, &cmd_diff, opts, pos, 0, 3, &n, "");
	if (status)
		return status == CLI_DONE ? EXIT_OK : status;
	int colour;
	if (!strcmp(colour_opt, "auto"))
		colour = isatty(STDOUT_FILENO);
	else if (!strcmp(colour_opt, "immer") || !strcmp(colour_opt, "always"))
		colour = 1;
	else if (!strcmp(colour_opt, "nie") || !strcmp(colour_opt, "never"))
		colour = 0;
	else
		return cli_usage("diff", "Nach „--farbe“ steht „auto“, „immer“ oder „nie“");

	struct workspace *ws;
	char slug[SLUG_MAX + 1];
	const char **revs;
	int nrevs;
	if ((status = cli_inquiry_revs("diff", pos, n, 2, &ws, slug, &revs, &nrevs)))
		return status;
	struct aw_error err;
	struct ws_version *log = NULL, va, vb;
	size_t nlog = 0;
	const char *ra = nrevs > 0 ? revs[0] : NULL, *rb = nrevs > 1 ? revs[1] : NULL;
	struct buf ta = BUF_INIT, tb = BUF_INIT, out = BUF_INIT;
	struct inquiry q[2];
	struct doc_parts pa = {NULL, 0}, pb = {NULL, 0};
	inquiry_init(&q[0]);
	inquiry_init(&q[1]);
	if (!ra) {
		/* The last two versions of this inquiry, not of the workspace. */
		if (ws_log(ws, slug, &log, &nlog, &err)) {
			status = cli_fail(&err);
			goto out;
		}
		if (nlog < 2) {
			printf("Von %s gibt es erst eine Version; es gibt nichts zu vergleichen.\n", slug);
			goto out;
		}
		ra = log[1].id;
		rb = log[0].id;
	}
	if (ws_show(ws, slug, ra, &ta, &va, &err) || ws_show(ws, slug, rb, &tb, &vb, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	/* Reading both is most of a diff's work: side by side (reader.h). */
	const struct reader_input in[2] = {{ta.s ? ta.s : "", ta.len, ra},
	                                   {tb.s ? tb.s : "", tb.len, rb ? rb : "HEAD"}};
	if (reader_read_pair(in, q, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (docparts_make(&q[0], &pa) || docparts_make(&q[1], &pb)) {
		aw_fail(&err, AW_ENOMEM, slug, "");
		status = cli_fail(&err);
		goto out;
	}
	if ((!stat && (buf_adds(&out, "Vergleich von ") || (version_line(&out, &va), 0) ||
	               buf_adds(&out, "\n          mit ") || (version_line(&out, &vb), 0) ||
	               buf_adds(&out, "\n\n"))) ||
	    render(&pa, &pb, stat, colour, &out)) {
		aw_fail(&err, AW_ENOMEM, slug, "");
		status = cli_fail(&err);
		goto out;
	}
	status = cli_output("-", out.s, out.len);
out:
	fflush(stdout);
	free(log);
	inquiry_free(&q[0]);
	inquiry_free(&q[1]);
	docparts_free(&pa);
	docparts_free(&pb);
	buf_free(&ta);
	buf_free(&tb);
	buf_free(&out);
	ws_close(ws);
	return status;
}

const struct command cmd_diff = {
	"diff", run,
	"vergleicht zwei Versionen einer Anfrage Wort für Wort",
	"Aufruf: antwort diff [KURZNAME] [VERSION1 [VERSION2]] [--stat] [--farbe auto|immer|nie]\n"
	"\n"
	"Zeigt, was sich zwischen zwei Versionen der Anfrage geändert hat,\n"
	"geordnet nach Antworten („## Zu Frage 2“) und anderen Teilen, nur die\n"
	"geänderten Absätze, Wort für Wort: am Bildschirm entfernte Wörter rot,\n"
	"neue grün; in eine Datei oder Pipe als [-alt-]{+neu+} wie bei\n"
	"„git diff --word-diff=plain“.\n"
	"\n"
	"Ohne VERSION die letzten beiden Versionen der Anfrage; mit einer VERSION\n"
	"diese und die neueste; mit zweien genau diese beiden. Versionen wie bei\n"
	"„antwort show“: Kurzkennungen aus „antwort log“, HEAD~1 und so weiter.\n"
	"Ohne KURZNAME die Anfrage, in deren Ordner Sie stehen, oder die einzige im\n"
	"Arbeitsbereich.\n"
	"\n"
	"Optionen:\n"
	"  --stat          nur je geänderten Teil die Zahl entfernter und neuer Wörter\n"
	"  --farbe WANN    auto (Voreinstellung: Farbe nur am Bildschirm), immer, nie\n"
	"  -h, --help      diese Hilfe\n"
	"\n"
	"Rückgabewert: 0 in Ordnung, 1 bei falschem Aufruf, 2 bei Fehlern.\n",
};
