/* cmd_check.c: `antwort check`: spelling and house style of the Senate's
 * text, as lines a person or a department's own checks can read. */
#include "check.h"
#include "cli.h"
#include "fileio.h"
#include "reader.h"
#include "utf8.h"
#include "workspace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One stretch of a line to check: text[start..end) on line `line`, whose
 * first byte is at text[bol]. */
struct span {
	size_t start, end, line, bol;
};

struct spans {
	struct span *v;
	size_t n, cap;
};

struct run {
	struct checker *c;
	int all;                    /* --alles: the whole file */
	int words;                  /* --words: unknown words with counts */
	size_t findings;
	struct buf out;
	struct strlist unknown;     /* --words: every unknown word, as found */
	struct strlist sug_word;    /* suggestions already made, by word */
	struct strlist sug_text;
};

static int add_span(struct spans *s, size_t start, size_t end, size_t line, size_t bol)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct span *v = realloc(s->v, cap * sizeof *v);
		if (!v)
			return AW_ENOMEM;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = (struct span){start, end, line, bol};
	return 0;
}

/* The lines of text[body..len): where each starts and ends (without the
 * newline and a CR before it). */
struct lines {
	size_t *start, *end;
	size_t n;
};

static int split_lines(const char *text, size_t len, size_t body, struct lines *l)
{
	size_t cap = 1;
	for (size_t i = body; i < len; i++)
		cap += text[i] == '\n';
	l->start = malloc(cap * sizeof *l->start);
	l->end = malloc(cap * sizeof *l->end);
	l->n = 0;
	if (!l->start || !l->end)
		return AW_ENOMEM;
	for (size_t p = body; p < len;) {
		const char *nl = memchr(text + p, '\n', len - p);
		size_t e = nl ? (size_t)(nl - text) : len, next = nl ? e + 1 : len;
		if (e > p && text[e - 1] == '\r')
			e--;
		l->start[l->n] = p;
		l->end[l->n++] = e;
		p = next;
	}
	return 0;
}

static void lines_free(struct lines *l)
{
	free(l->start);
	free(l->end);
}

static int blank(char c)
{
	return c == ' ' || c == '\t';
}


/* 1 when line i, without the blanks around it, is want (likewise). */
static int line_is(const char *text, const struct lines *l, size_t i, const char *want)
{
	const char *s = text + l->start[i];
	size_t n = l->end[i] - l->start[i], wn = want ? strlen(want) : 0;
	utf8_trim_blanks(&s, &n);
	utf8_trim_blanks(&want, &wn);
	return want && wn && n == wn && !memcmp(s, want, n);
}

/* The first line from `from` on that is want; l->n when there is none. */
static size_t find_line(const char *text, const struct lines *l, size_t from, const char *want)
{
	for (size_t i = from; i < l->n; i++)
		if (line_is(text, l, i, want))
			return i;
	return l->n;
}

/* Where line i's text begins once an answer heading of q that opens it
 * is left out ("Zu Frage 1:", perhaps with the answer after it). */
static size_t after_heading(const char *text, const struct lines *l, size_t i,
                            const struct inquiry *q)
{
	size_t s = l->start[i], e = l->end[i];
	while (s < e && blank(text[s]))
		s++;
	for (size_t a = 0; a < q->nanswers; a++) {
		const char *h = q->answers[a].heading;
		size_t hn = h ? strlen(h) : 0;
		utf8_trim_blanks(&h, &hn);
		if (hn && hn <= e - s && !memcmp(text + s, h, hn)) {
			s += hn;
			while (s < e && blank(text[s]))
				s++;
			break;
		}
	}
	return s;
}

/* The first line of inquiry q (the next of a collection) after line
 * from: the earliest of its head lines that stands in the text. */
static size_t first_line_of(const char *text, const struct lines *l, size_t from,
                            const struct inquiry *q)
{
	const char *head[] = {q->session_line, q->title_line, q->intro, q->leadin};
	size_t first = l->n;
	for (size_t k = 0; k < sizeof head / sizeof *head; k++) {
		size_t i = find_line(text, l, from, head[k]);
		if (i < first)
			first = i;
	}
	return first;
}

/* What to check in text[0..len): every line, or with the inquiries read
 * from it, the Senate's text of each: the lines after its lead-in ("Der
 * Senat beantwortet …") up to the next inquiry, answer headings left
 * out. A text that has neither a lead-in nor numbered questions is no
 * inquiry and checked whole; an inquiry without a lead-in has no text of
 * the Senate yet (*none is set). */
static int select_spans(const char *text, size_t len, size_t body, const struct inquiry *qs,
                        size_t nq, int all, struct spans *out, int *none)
{
	struct lines l = {NULL, NULL, 0};
	int rc = split_lines(text, len, body, &l);
	size_t from = 0, regions = 0, questions = 0;
	for (size_t k = 0; k < nq; k++)
		questions += qs[k].nquestions;
	for (size_t k = 0; !rc && !all && k < nq; k++) {
		size_t lead = find_line(text, &l, from, qs[k].senate_leadin);
		if (lead == l.n)
			continue;   /* made by inquiry_complete(), not in the text */
		size_t end = k + 1 < nq ? first_line_of(text, &l, lead + 1, &qs[k + 1]) : l.n;
		for (size_t i = lead + 1; !rc && i < end; i++) {
			size_t s = after_heading(text, &l, i, &qs[k]);
			if (s < l.end[i])
				rc = add_span(out, s, l.end[i], i + 1, l.start[i]);
		}
		regions++;
		from = end;
	}
	*none = !all && regions == 0 && questions > 0;
	if (!rc && (all || (regions == 0 && questions == 0)))
		for (size_t i = 0; !rc && i < l.n; i++)
			if (l.end[i] > l.start[i])
				rc = add_span(out, l.start[i], l.end[i], i + 1, l.start[i]);
	lines_free(&l);
	return rc;
}

/* Characters from text[from] to text[to]. */
static size_t chars(const char *text, size_t from, size_t to)
{
	size_t n = 0;
	unsigned cp;
	while (from < to) {
		from += utf8_decode(text + from, to - from, &cp);
		n++;
	}
	return n;
}

/* The suggestions for a word as "A, B, C" (borrowed from r), made once
 * per word and run. NULL when out of memory. */
static const char *suggestions(struct run *r, const char *w, size_t n)
{
	for (size_t i = 0; i < r->sug_word.n; i++)
		if (strlen(r->sug_word.v[i]) == n && !memcmp(r->sug_word.v[i], w, n))
			return r->sug_text.v[i];
	struct strlist s = STRLIST_INIT;
	struct buf joined = BUF_INIT;
	int rc = checker_suggest(r->c, w, n, &s);
	for (size_t i = 0; !rc && i < s.n; i++)
		rc = buf_printf(&joined, "%s%s", i ? ", " : "", s.v[i]);
	strlist_free(&s);
	if (!rc)
		rc = strlist_add(&r->sug_text, joined.s ? joined.s : "");
	if (!rc && (rc = strlist_addn(&r->sug_word, w, n)))
		free(r->sug_text.v[--r->sug_text.n]);   /* keep the two in step */
	buf_free(&joined);
	return rc ? NULL : r->sug_text.v[r->sug_text.n - 1];
}

static int report(struct run *r, const char *name, const char *text, const struct span *sp,
                  const struct finding *f)
{
	size_t at = sp->start + f->start, end = sp->start + f->end;
	size_t col = chars(text, sp->bol, at) + 1;
	if (f->kind == FINDING_SPELL) {
		if (r->words)
			return strlist_addn(&r->unknown, text + at, end - at);
		const char *sug = suggestions(r, text + at, end - at);
		if (!sug)
			return AW_ENOMEM;
		if (*sug)
			return buf_printf(&r->out, "%s:%zu:%zu: Rechtschreibung: „%.*s“ – Vorschläge: %s\n",
			                  name, sp->line, col, (int)(end - at), text + at, sug);
		return buf_printf(&r->out, "%s:%zu:%zu: Rechtschreibung: „%.*s“ – keine Vorschläge\n",
		                  name, sp->line, col, (int)(end - at), text + at);
	}
	if (r->words)
		return 0;
	int rc = buf_printf(&r->out, "%s:%zu:%zu: Stil: %s", name, sp->line, col,
	                    checker_rule_message(r->c, f->rule));
	if (!rc && checker_has_replacement(r->c, f->rule)) {
		struct buf rep = BUF_INIT;
		int e = checker_replacement(r->c, f, text + sp->start, sp->end - sp->start, &rep);
		if (e == AW_ENOMEM)
			rc = e;
		else if (!e)
			rc = buf_printf(&r->out, " – Vorschlag: „%s“", rep.s ? rep.s : "");
		buf_free(&rep);
	}
	return rc ? rc : buf_addc(&r->out, '\n');
}

/* Checks one file; name is how it is shown. The exit status for this
 * file's errors (printed), else EXIT_OK. */
static int check_file(struct run *r, const char *name, const char *path)
{
	struct aw_error err;
	struct buf b = BUF_INIT;
	struct inquiry *qs = NULL;
	size_t nq = 0, line, col;
	struct spans sp = {NULL, 0, 0};
	int rc = fileio_read(path, &b, &err);
	if (rc)
		goto out;
	const char *text = b.s ? b.s : "";
	size_t body = b.len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) ? 3 : 0;
	if ((rc = utf8_validate(text, b.len, &line, &col))) {
		aw_fail_at(&err, rc, name, line, col, "");
		goto out;
	}
	/* A text the reader cannot take as an inquiry (no numbered
	 * questions, say) is plain text: checked whole. */
	if (!r->all && reader_read_all(text, b.len, name, NULL, &qs, &nq, &err) == AW_ENOMEM) {
		rc = AW_ENOMEM;
		goto out;
	}
	int none = 0;
	if ((rc = select_spans(text, b.len, body, qs, nq, r->all, &sp, &none))) {
		aw_fail(&err, rc, name, "");
		goto out;
	}
	if (none) {
		char msg[2048];
		aw_fail(&err, AW_ENOSENATE, name, "");
		cli_warn(aw_error_message(&err, msg, sizeof msg));
	}
	for (size_t i = 0; i < sp.n && !rc; i++) {
		struct finding *f = NULL;
		size_t n = 0;
		rc = checker_check(r->c, text + sp.v[i].start, sp.v[i].end - sp.v[i].start, &f, &n);
		for (size_t k = 0; k < n && !rc; k++) {
			rc = report(r, name, text, &sp.v[i], &f[k]);
			r->findings++;
		}
		free(f);
	}
	if (rc)
		aw_fail(&err, rc, name, "");
out:
	cli_free(qs, nq);
	free(sp.v);
	buf_free(&b);
	return rc ? cli_fail(&err) : EXIT_OK;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct counted {
	const char *word;
	size_t n;
};

static int cmp_counted(const void *a, const void *b)
{
	const struct counted *x = a, *y = b;
	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->word, y->word);
}

/* --words: each unknown word once, with how often it came, most frequent
 * first, then in the order of their bytes. */
static int list_words(struct run *r)
{
	struct strlist *u = &r->unknown;
	if (!u->n)
		return 0;
	qsort(u->v, u->n, sizeof *u->v, cmp_str);
	struct counted *c = malloc(u->n * sizeof *c);
	size_t m = 0;
	int rc = 0;
	if (!c)
		return AW_ENOMEM;
	for (size_t i = 0; i < u->n; i++) {
		if (m && !strcmp(c[m - 1].word, u->v[i]))
			c[m - 1].n++;
		else
			c[m++] = (struct counted){u->v[i], 1};
	}
	qsort(c, m, sizeof *c, cmp_counted);
	for (size_t i = 0; i < m && !rc; i++)
		rc = buf_printf(&r->out, "%5zu %s\n", c[i].n, c[i].word);
	free(c);
	return rc;
}

/* What to check: a name to show and a path to read. */
struct target {
	char *name, *path;
};

static int add_target(struct target **t, size_t *n, const char *name, const char *path)
{
	struct target *v = realloc(*t, (*n + 1) * sizeof *v);
	if (!v)
		return AW_ENOMEM;
	*t = v;
	v[*n].name = strdup(name);
	v[*n].path = strdup(path);
	if (!v[*n].name || !v[*n].path) {
		free(v[*n].name);
		free(v[*n].path);
		return AW_ENOMEM;
	}
	(*n)++;
	return 0;
}

/* An inquiry of the workspace as a target: anfragen/<slug>/anfrage.txt,
 * read from the top folder. */
static int add_inquiry(struct target **t, size_t *n, struct workspace *ws, const char *slug)
{
	char rel[WS_PATH_MAX];
	struct buf path = BUF_INIT;
	ws_doc_path(slug, rel);
	int rc = buf_printf(&path, "%s%s", ws_root(ws), rel);
	if (!rc)
		rc = add_target(t, n, rel, path.s);
	buf_free(&path);
	return rc;
}

static int is_file(const char *arg)
{
	struct stat st;
	return !strcmp(arg, "-") || (stat(arg, &st) == 0 && !S_ISDIR(st.st_mode));
}

static int worse(int a, int b)
{
	return a > b ? a : b;
}

static int run(int argc, char **argv)
{
	int all = 0, words = 0, npos = 0, status = EXIT_OK;
	const struct cli_opt opts[] = {
		{"--alles", NULL, NULL, &all},
		{"--words", NULL, NULL, &words},
		{NULL, NULL, NULL, NULL},
	};
	const char **pos = malloc((size_t)(argc > 1 ? argc : 1) * sizeof *pos);
	struct workspace *ws = NULL;
	struct target *t = NULL;
	size_t nt = 0;
	struct strlist problems = STRLIST_INIT, slugs = STRLIST_INIT;
	struct run r = {NULL, 0, 0, 0, BUF_INIT, STRLIST_INIT, STRLIST_INIT, STRLIST_INIT};
	struct aw_error err, ws_err;
	char slug[SLUG_MAX + 1];
	int rc = 0;
	if (!pos) {
		aw_fail(&err, AW_ENOMEM, "check", "");
		return cli_fail(&err);
	}
	status = cli_parse(argc, argv, &cmd_check, opts, pos, 0, argc, &npos, "");
	if (status) {
		status = status == CLI_DONE ? EXIT_OK : status;
		goto out;
	}
	/* The workspace around the current folder: for names of inquiries,
	 * and for its own word list and rules. */
	if (ws_open(NULL, &ws, &ws_err))
		ws = NULL;
	if (npos == 0) {
		if (!ws) {
			status = ws_err.code == AW_ENOWS
			         ? cli_usage("check", "Geben Sie die Datei oder den Kurznamen an, der "
			                              "geprüft werden soll, oder rufen Sie den Befehl in "
			                              "einem Arbeitsbereich auf")
			         : cli_fail(&ws_err);
			goto out;
		}
		/* In an inquiry's folder that inquiry, elsewhere all of them:
		 * what a department's own check of the workspace wants. */
		if (cli_slug_here(ws, slug)) {
			rc = add_inquiry(&t, &nt, ws, slug);
		} else if (ws_list(ws, &slugs, &err)) {
			status = cli_fail(&err);
			goto out;
		}
		for (size_t i = 0; !rc && i < slugs.n; i++)
			rc = add_inquiry(&t, &nt, ws, slugs.v[i]);
	}
	for (int i = 0; !rc && i < npos; i++) {
		if (is_file(pos[i]) || !ws) {
			rc = add_target(&t, &nt, pos[i], pos[i]);
		} else {
			int s = cli_slug(ws, pos[i], slug);
			if (s)
				status = worse(status, s);
			else
				rc = add_inquiry(&t, &nt, ws, slug);
		}
	}
	if (rc) {
		aw_fail(&err, rc, "check", "");
		status = cli_fail(&err);
		goto out;
	}
	if (!nt)
		goto out;

	if (checker_open(&r.c, ws ? ws_root(ws) : NULL, &problems, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	for (size_t i = 0; i < problems.n; i++)
		cli_warn(problems.v[i]);
	r.all = all;
	r.words = words;
	for (size_t i = 0; i < nt; i++)
		status = worse(status, check_file(&r, t[i].name, t[i].path));
	if (words && list_words(&r)) {
		aw_fail(&err, AW_ENOMEM, "check", "");
		status = worse(status, cli_fail(&err));
	}
	if (r.out.len) {
		int s = cli_output("-", r.out.s, r.out.len);
		status = worse(status, s);
	}
	if (!words && r.findings && status == EXIT_OK)
		status = EXIT_FINDINGS;
out:
	checker_close(r.c);
	buf_free(&r.out);
	strlist_free(&r.unknown);
	strlist_free(&r.sug_word);
	strlist_free(&r.sug_text);
	strlist_free(&problems);
	strlist_free(&slugs);
	for (size_t i = 0; i < nt; i++) {
		free(t[i].name);
		free(t[i].path);
	}
	free(t);
	free(pos);
	ws_close(ws);
	return status;
}

const struct command cmd_check = {
	"check", run,
	"prüft Rechtschreibung und Hausstil der Antworten",
	"Aufruf: antwort check [--alles] [KURZNAME | DATEI …]\n"
	"        antwort check --words [--alles] [KURZNAME | DATEI …]\n"
	"\n"
	"Prüft die Rechtschreibung und den Hausstil des Senatstextes: die\n"
	"Vorbemerkung des Senats und die Antworten, also alles nach der Zeile\n"
	"„Der Senat beantwortet …“, ohne die Überschriften „Zu Frage …:“. Eine\n"
	"Textdatei ohne diese Zeile wird ganz geprüft. Jede Fundstelle steht in\n"
	"einer Zeile, Zeile und Spalte (in Zeichen) ab 1:\n"
	"\n"
	"  DATEI:ZEILE:SPALTE: Rechtschreibung: „Wort“ – Vorschläge: A, B, C\n"
	"  DATEI:ZEILE:SPALTE: Stil: Meldung der Regel – Vorschlag: „…“\n"
	"\n"
	"Ohne Angabe die Anfrage, in deren Ordner Sie stehen, sonst alle Anfragen\n"
	"des Arbeitsbereichs. Es gelten das deutsche Wörterbuch, die Wortliste und\n"
	"die Stilregeln von antwort, im Arbeitsbereich dessen dict/woerter.txt und\n"
	"stil.regeln und Ihre persönliche Liste\n"
	"($XDG_DATA_HOME/antwort/woerter.txt, sonst\n"
	"~/.local/share/antwort/woerter.txt). Fehler in diesen Dateien werden als\n"
	"Warnung gemeldet; geprüft wird trotzdem.\n"
	"\n"
	"Optionen:\n"
	"  --alles       die ganze Datei prüfen, auch Kopf und Fragen\n"
	"  --words       statt der Fundstellen die unbekannten Wörter mit ihrer\n"
	"                Häufigkeit, die häufigsten zuerst (für die Wortlisten)\n"
	"  -h, --help    diese Hilfe\n"
	"\n"
	"Rückgabewert: 0 keine Fundstelle, 1 Fundstellen (oder falscher Aufruf),\n"
	"2 bei Fehlern, etwa wenn das deutsche Wörterbuch fehlt. Mit --words 0,\n"
	"wenn kein Fehler auftrat.\n",
};
