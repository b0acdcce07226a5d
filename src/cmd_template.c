/* cmd_template.c: `antwort template`: the departments' templates
 * (Textbausteine) on the command line: list, show, new, check, used. */
#include "check.h"
#include "cli.h"
#include "datadir.h"
#include "fileio.h"
#include "template.h"
#include "utf8.h"
#include "workspace.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

/* One entry per subcommand, for its --help and its usage messages
 * ("antwort template list --help"). */
struct sub {
	struct command cmd;
	int (*run)(int argc, char **argv);
};

static int worse(int a, int b)
{
	return a > b ? a : b;
}

/* Characters, not bytes, so that "Bürgerschaft" pads like ASCII. */
static int width(const char *s)
{
	int w = 0;
	for (; s && *s; s++)
		w += ((unsigned char)*s & 0xC0) != 0x80;
	return w;
}

static void pad(const char *s, int w)
{
	fputs(s, stdout);
	for (int k = width(s); k < w; k++)
		putchar(' ');
}

static void today(int *y, int *m, int *d)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
}

static int fail_memory(const char *what)
{
	struct aw_error err;
	aw_fail(&err, AW_ENOMEM, what, "");
	return cli_fail(&err);
}

/* The sentence for "not in a workspace", kept by open_ws() for the
 * commands that need one. */
static struct aw_error no_ws;

/* The workspace's templates folder ("<root>templates") when the current
 * folder is in a workspace; *ws stays NULL otherwise. */
static int open_ws(struct workspace **ws, struct buf *dir)
{
	*ws = NULL;
	if (ws_open(NULL, ws, &no_ws)) {
		*ws = NULL;
		return no_ws.code == AW_ENOWS ? 0 : cli_fail(&no_ws);
	}
	if (buf_printf(dir, "%s%s", ws_root(*ws), TEMPLATE_DIR))
		return fail_memory("template");
	return 0;
}

/* Loads the library: the project's templates and the workspace's. Files
 * that do not read are warned about. */
static int load(struct template_lib *lib, struct workspace **ws)
{
	struct datadir d = DATADIR_INIT;
	struct buf wsdir = BUF_INIT;
	struct strlist problems = STRLIST_INIT;
	struct aw_error err;
	int status = open_ws(ws, &wsdir);
	if (status)
		goto out;
	if (datadir_find(&d)) {
		status = fail_memory("template");
		goto out;
	}
	if (template_lib_load(lib, d.templates.len ? d.templates.s : NULL,
	                      wsdir.len ? wsdir.s : NULL, &problems, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	for (size_t i = 0; i < problems.n; i++)
		cli_warn(problems.v[i]);
out:
	strlist_free(&problems);
	buf_free(&wsdir);
	datadir_free(&d);
	return status;
}

/* The one template a person means by name; prints the error otherwise. */
static int find(const struct template_lib *lib, const char *name, const struct template **t)
{
	struct aw_error err;
	size_t n = template_lookup(lib, name, t);
	if (n == 1)
		return EXIT_OK;
	if (n == 0) {
		aw_fail(&err, AW_ENOTEMPLATE, "", name);
	} else {
		struct buf which = BUF_INIT;
		size_t len = strlen(name);
		for (size_t i = 0, shown = 0; i < lib->n; i++) {
			const char *s = lib->v[i].name, *slash = strrchr(s, '/');
			if (strncmp(s, name, len) && strncmp(slash ? slash + 1 : s, name, len))
				continue;
			if (shown++ == 4) {
				buf_adds(&which, ", …");
				break;
			}
			buf_printf(&which, "%s%s", shown > 1 ? ", " : "", s);
		}
		aw_fail(&err, AW_ETEMPLATEAMBIG, which.s ? which.s : "", name);
		buf_free(&which);
	}
	cli_fail(&err);
	return EXIT_USAGE;   /* a name that does not exist is a wrong call */
}

/* ---- list ---- */

static const struct sub sub_list;

/* 1 when t belongs to the ressort r: its Ressort or its folder, without
 * regard to case. */
static int in_ressort(const struct template *t, const char *r)
{
	size_t n = strlen(r);
	const char *slash = strchr(t->name, '/');
	if (!strcasecmp(t->ressort, r))
		return 1;
	/* Umlauts in a Ressort: compare the folder too ("finanzen"). */
	return slash && (size_t)(slash - t->name) == n && !strncasecmp(t->name, r, n);
}

static int run_list(int argc, char **argv)
{
	const char *ressort = NULL, *at = NULL;
	int stale_only = 0, npos = 0;
	const struct cli_opt opts[] = {
		{"--ressort", "-r", &ressort, NULL},
		{"--veraltet", NULL, NULL, &stale_only},
		{"--stichtag", NULL, &at, NULL},
		{NULL, NULL, NULL, NULL},
	};
	const char **pos = malloc((size_t)(argc > 1 ? argc : 1) * sizeof *pos);
	struct template_lib lib = TEMPLATE_LIB_INIT;
	struct workspace *ws = NULL;
	struct buf query = BUF_INIT;
	size_t *idx = NULL, n = 0;
	int y, m, d, status;
	if (!pos)
		return fail_memory("template list");
	status = cli_parse(argc, argv, &sub_list.cmd, opts, pos, 0, argc, &npos, "");
	if (status) {
		status = status == CLI_DONE ? EXIT_OK : status;
		goto out;
	}
	today(&y, &m, &d);
	if (at && template_parse_date(at, &y, &m, &d)) {
		status = cli_usage(sub_list.cmd.name, "Der Stichtag ist kein Datum; schreiben Sie "
		                   "ihn wie „15.01.2026“");
		goto out;
	}
	if ((status = load(&lib, &ws)))
		goto out;
	for (int i = 0; i < npos; i++)
		if (buf_printf(&query, "%s%s", i ? " " : "", pos[i])) {
			status = fail_memory("template list");
			goto out;
		}
	if (template_filter(&lib, query.s ? query.s : "", &idx, &n)) {
		status = fail_memory("template list");
		goto out;
	}
	/* Keep what is asked for; then the columns fit their widest entry. */
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		const struct template *t = &lib.v[idx[i]];
		if ((ressort && !in_ressort(t, ressort)) || (stale_only && !template_stale(t, y, m, d)))
			continue;
		idx[kept++] = idx[i];
	}
	if (!kept) {
		printf(stale_only ? "Kein Textbaustein ist veraltet.\n"
		                  : "Keine Textbausteine gefunden.\n");
		goto out;
	}
	int rw = width("Ressort"), nw = width("Name"), tw = width("Titel");
	for (size_t i = 0; i < kept; i++) {
		const struct template *t = &lib.v[idx[i]];
		rw = width(t->ressort) > rw ? width(t->ressort) : rw;
		nw = width(t->name) > nw ? width(t->name) : nw;
		tw = width(t->titel) > tw ? width(t->titel) : tw;
	}
	pad("Ressort", rw + 2);
	pad("Name", nw + 2);
	pad("Titel", tw + 2);
	printf("Stand\n");
	for (size_t i = 0; i < kept; i++) {
		const struct template *t = &lib.v[idx[i]];
		char date[32];
		pad(t->ressort, rw + 2);
		pad(t->name, nw + 2);
		pad(t->titel, tw + 2);
		fputs(template_date_dots(t->stand_y, t->stand_m, t->stand_d, date, sizeof date),
		      stdout);
		if (template_expired(t, y, m, d))
			printf("  veraltet (Gültig-bis %s)",
			       template_date_dots(t->bis_y, t->bis_m, t->bis_d, date, sizeof date));
		else if (template_stale(t, y, m, d))
			fputs("  veraltet", stdout);
		if (t->example)
			fputs("  Beispiel", stdout);
		putchar('\n');
	}
out:
	fflush(stdout);
	free(idx);
	buf_free(&query);
	template_lib_free(&lib);
	ws_close(ws);
	free(pos);
	return status;
}

static const struct sub sub_list = {
	{"template list", NULL,
	 "listet die Textbausteine",
	 "Aufruf: antwort template list [--ressort RESSORT] [--veraltet]\n"
	 "                              [--stichtag DATUM] [SUCHWORT …]\n"
	 "\n"
	 "Zeigt je Textbaustein eine Zeile: Ressort, Name, Titel und Stand, dazu\n"
	 "„veraltet“ (Stand älter als zwölf Monate oder Gültig-bis überschritten)\n"
	 "und „Beispiel“ (ein mitgelieferter Beispielbaustein). Gelesen werden die\n"
	 "Bausteine des Arbeitsbereichs (templates/) und die mitgelieferten; bei\n"
	 "gleichem Namen gilt der des Arbeitsbereichs. Sortiert nach Ressort und\n"
	 "Titel; mit Suchwörtern nur die Bausteine, die jedes Wort in Titel,\n"
	 "Schlagworten, Ressort oder Text enthalten, Treffer im Titel zuerst.\n"
	 "\n"
	 "Optionen:\n"
	 "  -r, --ressort RESSORT  nur dieses Ressort (wie im Kopf oder als Ordner)\n"
	 "  --veraltet             nur veraltete Bausteine\n"
	 "  --stichtag DATUM       veraltet zu diesem Tag statt heute, etwa zum\n"
	 "                         Sitzungstag: „--stichtag 15.01.2027“\n"
	 "  -h, --help             diese Hilfe\n"
	 "\n"
	 "Rückgabewert: 0 in Ordnung, 1 bei falschem Aufruf, 2 bei Fehlern.\n"},
	run_list,
};

/* ---- show ---- */

static const struct sub sub_show;

static int run_show(int argc, char **argv)
{
	const char *pos[1];
	int npos;
	const struct cli_opt opts[] = {{NULL, NULL, NULL, NULL}};
	struct template_lib lib = TEMPLATE_LIB_INIT;
	struct workspace *ws = NULL;
	struct strlist names = STRLIST_INIT;
	const struct template *t;
	int y, m, d;
	int status = cli_parse(argc, argv, &sub_show.cmd, opts, pos, 1, 1, &npos,
	                       "Geben Sie den Namen des Textbausteins an, wie „antwort "
	                       "template list“ ihn zeigt");
	if (status)
		return status == CLI_DONE ? EXIT_OK : status;
	if ((status = load(&lib, &ws)) || (status = find(&lib, pos[0], &t)))
		goto out;
	today(&y, &m, &d);
	char date[32];
	printf("Name:            %s\n", t->name);
	printf("Datei:           %s\n", t->path);
	printf("Ressort:         %s\n", t->ressort);
	printf("Titel:           %s\n", t->titel);
	if (t->schlagworte)
		printf("Schlagworte:     %s\n", t->schlagworte);
	printf("Stand:           %s%s\n",
	       template_date_dots(t->stand_y, t->stand_m, t->stand_d, date, sizeof date),
	       template_stale(t, y, m, d) && !template_expired(t, y, m, d)
	       ? " (veraltet: älter als zwölf Monate)" : "");
	if (t->bis_y)
		printf("Gültig-bis:      %s%s\n",
		       template_date_dots(t->bis_y, t->bis_m, t->bis_d, date, sizeof date),
		       template_expired(t, y, m, d) ? " (veraltet: überschritten)" : "");
	if (t->ansprechpartner)
		printf("Ansprechpartner: %s\n", t->ansprechpartner);
	if (t->example)
		printf("Beispiel:        ja\n");
	putchar('\n');
	for (const char *s = t->text; *s;) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		printf("%.*s\n", (int)n, s);
		s += n;
		if (*s) {
			s++;
			putchar('\n');
		}
	}
	if (template_free_names(t->text, &names)) {
		status = fail_memory("template show");
		goto out;
	}
	struct strlist built = STRLIST_INIT;
	if (template_builtin_names(t->text, &built)) {
		status = fail_memory("template show");
		goto out;
	}
	int any = built.n > 0;
	for (size_t i = 0; i < built.n; i++)
		printf("%s%s", i ? ", " : "\nEingebaute Platzhalter: ", built.v[i]);
	if (any)
		putchar('\n');
	strlist_free(&built);
	for (size_t i = 0; i < names.n; i++)
		printf("%s%s", i ? ", " : any ? "Freie Platzhalter:      " : "\nFreie Platzhalter: ",
		       names.v[i]);
	if (names.n)
		putchar('\n');
out:
	fflush(stdout);
	strlist_free(&names);
	template_lib_free(&lib);
	ws_close(ws);
	return status;
}

static const struct sub sub_show = {
	{"template show", NULL,
	 "zeigt einen Textbaustein",
	 "Aufruf: antwort template show NAME\n"
	 "\n"
	 "Zeigt den Kopf und den Text eines Textbausteins, die Platzhalter noch\n"
	 "ungefüllt, und darunter, welche eingebauten und welche freien\n"
	 "Platzhalter er hat. NAME wie „antwort template list“ ihn zeigt\n"
	 "(„finanzen/haushaltsvorbehalt“), ein eindeutiger Anfang davon oder der\n"
	 "Teil nach dem Ressort („haushaltsvorbehalt“).\n"
	 "\n"
	 "Rückgabewert: 0 in Ordnung, 1 bei falschem Aufruf oder unbekanntem\n"
	 "Namen, 2 bei Fehlern.\n"},
	run_show,
};

/* ---- new ---- */

static const struct sub sub_new;

static int run_new(int argc, char **argv)
{
	const char *pos[1];
	const char *ressort = NULL, *titel = NULL, *schlagworte = NULL, *stand = NULL,
	           *ansprech = NULL, *text = NULL;
	int npos;
	const struct cli_opt opts[] = {
		{"--ressort", "-r", &ressort, NULL},
		{"--titel", "-t", &titel, NULL},
		{"--schlagworte", "-s", &schlagworte, NULL},
		{"--stand", NULL, &stand, NULL},
		{"--ansprechpartner", "-a", &ansprech, NULL},
		{"--text", NULL, &text, NULL},
		{NULL, NULL, NULL, NULL},
	};
	struct workspace *ws = NULL;
	struct buf dir = BUF_INIT, rel = BUF_INIT, path = BUF_INIT, file = BUF_INIT,
	           body = BUF_INIT;
	struct aw_error err;
	int y, m, d;
	int status = cli_parse(argc, argv, &sub_new.cmd, opts, pos, 0, 0, &npos, "");
	if (status)
		return status == CLI_DONE ? EXIT_OK : status;
	if (!ressort || !*ressort || !titel || !*titel) {
		return cli_usage(sub_new.cmd.name, "Geben Sie mindestens Ressort und Titel an: "
		                 "--ressort RESSORT --titel TITEL");
	}
	today(&y, &m, &d);
	if (stand && template_parse_date(stand, &y, &m, &d))
		return cli_usage(sub_new.cmd.name, "Der Stand ist kein Datum; schreiben Sie ihn "
		                 "wie „15.01.2026“");
	if ((status = open_ws(&ws, &dir)))
		goto out;
	if (!ws) {
		status = cli_fail(&no_ws);
		goto out;
	}
	if (text && !strcmp(text, "-")) {
		if (fileio_read("-", &body, &err)) {
			status = cli_fail(&err);
			goto out;
		}
		text = body.s ? body.s : "";
	}
	if (text) {
		size_t line, col;
		if (utf8_validate(text, strlen(text), &line, &col)) {
			aw_fail_at(&err, AW_EUTF8, "--text", line, col, "");
			status = cli_fail(&err);
			goto out;
		}
	}
	char rslug[SLUG_MAX + 1], tslug[SLUG_MAX + 1];
	template_slug(ressort, rslug, sizeof rslug);
	template_slug(titel, tslug, sizeof tslug);
	if (buf_printf(&rel, "%s/%s/%s.txt", TEMPLATE_DIR, rslug, tslug) ||
	    buf_printf(&path, "%s%s", ws_root(ws), rel.s) ||
	    template_format(ressort, titel, schlagworte, y, m, d, ansprech, text, &file)) {
		status = fail_memory("template new");
		goto out;
	}
	struct stat st;
	if (lstat(path.s, &st) == 0) {
		aw_fail(&err, AW_EEXISTS, rel.s, "");
		status = cli_fail(&err);
		goto out;
	}
	/* The folders, then the file: exclusively, so that a file made
	 * meanwhile is not overwritten either. */
	for (char *p = path.s + strlen(ws_root(ws)); (p = strchr(p, '/')); p++) {
		*p = '\0';
		int r = mkdir(path.s, 0777);
		int e = errno;
		*p = '/';
		if (r && e != EEXIST) {
			aw_fail(&err, AW_EWRITE, rel.s, aw_strerror(e));
			status = cli_fail(&err);
			goto out;
		}
	}
	FILE *f = fopen(path.s, "wx");
	if (!f) {
		aw_fail(&err, errno == EEXIST ? AW_EEXISTS : AW_EWRITE, rel.s, aw_strerror(errno));
		status = cli_fail(&err);
		goto out;
	}
	int ok = fwrite(file.s, 1, file.len, f) == file.len;
	ok &= fclose(f) == 0;
	if (!ok) {
		aw_fail(&err, AW_EWRITE, rel.s, aw_strerror(errno));
		remove(path.s);
		status = cli_fail(&err);
		goto out;
	}
	printf("%s\n", rel.s);
	if (!text)
		fprintf(stderr, "antwort: Schreiben Sie den Text des Bausteins unter den Kopf und "
		        "prüfen Sie ihn mit „antwort template check %s“.\n", rel.s);
out:
	fflush(stdout);
	buf_free(&dir);
	buf_free(&rel);
	buf_free(&path);
	buf_free(&file);
	buf_free(&body);
	ws_close(ws);
	return status;
}

static const struct sub sub_new = {
	{"template new", NULL,
	 "legt einen Textbaustein an",
	 "Aufruf: antwort template new --ressort RESSORT --titel TITEL\n"
	 "                             [--schlagworte WÖRTER] [--stand DATUM]\n"
	 "                             [--ansprechpartner WER] [--text TEXT | --text -]\n"
	 "\n"
	 "Schreibt im Arbeitsbereich die Datei templates/RESSORT/TITEL.txt (beide\n"
	 "Namen in kleinen Buchstaben ohne Umlaute, „Haushaltssperre 2026“ wird\n"
	 "„haushaltssperre-2026“) mit dem Kopf und gibt ihren Pfad aus. Stand ist\n"
	 "heute, wenn nicht anders angegeben. Ohne --text bleibt der Text leer:\n"
	 "schreiben Sie ihn mit einem Editor unter den Kopf; bis dahin meldet\n"
	 "„antwort template check“ den Baustein als unvollständig und der Editor\n"
	 "bietet ihn nicht an. --text - liest den Text von der Standardeingabe;\n"
	 "Absätze trennt eine Zeile. Eine vorhandene Datei wird nie überschrieben.\n"
	 "\n"
	 "Die Datei wird nicht in die Versionsgeschichte übernommen; das tun Sie,\n"
	 "wenn der Text fertig und geprüft ist: git add DATEI, git commit, dann\n"
	 "„antwort sync“ (siehe Handbuch, Kapitel „Textbausteine“).\n"
	 "\n"
	 "Rückgabewert: 0 angelegt, 1 bei falschem Aufruf, 2 bei Fehlern, etwa\n"
	 "wenn es die Datei schon gibt.\n"},
	run_new,
};

/* ---- check ---- */

static const struct sub sub_check;

/* What `template check` looks at: a file, how it is shown, its name. */
struct target {
	char *shown, *path, *name;
};

struct targets {
	struct target *v;
	size_t n;
};

static int add_target(struct targets *t, const char *shown, const char *path, const char *name)
{
	struct target *v = realloc(t->v, (t->n + 1) * sizeof *v);
	if (!v)
		return AW_ENOMEM;
	t->v = v;
	v[t->n] = (struct target){strdup(shown), strdup(path), strdup(name)};
	if (!v[t->n].shown || !v[t->n].path || !v[t->n].name) {
		free(v[t->n].shown);
		free(v[t->n].path);
		free(v[t->n].name);
		return AW_ENOMEM;
	}
	t->n++;
	return 0;
}

/* The name a file or folder has below the nearest "templates" folder
 * above it ("finanzen/x" for ".../templates/finanzen/x.txt"), without
 * ".txt"; for a path in no templates folder, its folder and base name. */
static int name_of(const char *path, int is_dir, struct buf *out)
{
	char real[PATH_MAX];
	const char *p = realpath(path, real) ? real : path;
	const char *t = NULL;
	for (const char *s = p; (s = strstr(s, "/" TEMPLATE_DIR)); s++)
		if (s[sizeof TEMPLATE_DIR] == '/' || s[sizeof TEMPLATE_DIR] == '\0')
			t = s;
	const char *rest;
	if (t) {
		rest = t + sizeof TEMPLATE_DIR;
		rest += *rest == '/';
	} else if (is_dir) {
		rest = "";
	} else {
		/* The last two components. */
		const char *last = strrchr(p, '/');
		rest = p;
		if (last) {
			const char *prev = last;
			while (prev > p && prev[-1] != '/')
				prev--;
			rest = prev > p ? prev : last + 1;
		}
	}
	size_t n = strlen(rest);
	if (!is_dir && n > 4 && !strcmp(rest + n - 4, ".txt"))
		n -= 4;
	return buf_add(out, rest, n);
}

/* The targets of one argument: a file, or the templates in a folder. */
static int add_arg(struct targets *t, const char *arg, struct strlist *problems,
                   struct aw_error *err)
{
	struct stat st;
	struct buf name = BUF_INIT;
	struct strlist names = STRLIST_INIT, paths = STRLIST_INIT;
	int rc = 0;
	if (stat(arg, &st))
		return aw_fail(err, AW_EOPEN, arg, aw_strerror(errno));
	if (!(rc = name_of(arg, S_ISDIR(st.st_mode), &name)) && !S_ISDIR(st.st_mode)) {
		rc = add_target(t, arg, arg, name.s);
	} else if (!rc) {
		rc = template_files(arg, name.len ? name.s : NULL, &names, &paths, problems, err);
		for (size_t i = 0; !rc && i < paths.n; i++)
			rc = add_target(t, paths.v[i], paths.v[i], names.v[i]);
	}
	if (rc == AW_ENOMEM)
		aw_fail(err, rc, arg, "");
	buf_free(&name);
	strlist_free(&names);
	strlist_free(&paths);
	return rc;
}

/* Characters from s to s + n. */
static size_t chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* Spelling and style of one line (the Titel's value, or a line of the
 * text) at text[from..to) on line no; findings appended to out. */
static int spell_line(struct checker *c, const char *shown, const char *text, size_t bol,
                      size_t from, size_t to, size_t no, struct strlist *found)
{
	char *line = malloc(to - from + 1);
	struct finding *f = NULL;
	size_t nf = 0;
	if (!line)
		return AW_ENOMEM;
	memcpy(line, text + from, to - from);
	line[to - from] = '\0';
	template_mask(line, to - from);
	int rc = checker_check(c, line, to - from, &f, &nf);
	for (size_t k = 0; !rc && k < nf; k++) {
		size_t col = chars(text + bol, from - bol + f[k].start) + 1;
		const char *w = text + from + f[k].start;
		int wn = (int)(f[k].end - f[k].start);
		struct buf one = BUF_INIT, *out = &one;
		if (f[k].kind == FINDING_SPELL) {
			struct strlist sug = STRLIST_INIT;
			rc = checker_suggest(c, w, (size_t)wn, &sug);
			if (!rc)
				rc = buf_printf(out, "%s:%zu:%zu: Rechtschreibung: „%.*s“ – %s", shown, no,
				                col, wn, w, sug.n ? "Vorschläge: " : "keine Vorschläge");
			for (size_t i = 0; !rc && i < sug.n; i++)
				rc = buf_printf(out, "%s%s", i ? ", " : "", sug.v[i]);
			strlist_free(&sug);
		} else {
			rc = buf_printf(out, "%s:%zu:%zu: Stil: %s", shown, no, col,
			                checker_rule_message(c, f[k].rule));
			if (!rc && checker_has_replacement(c, f[k].rule)) {
				struct buf rep = BUF_INIT;
				int e = checker_replacement(c, &f[k], line, to - from, &rep);
				if (e == AW_ENOMEM)
					rc = e;
				else if (!e)
					rc = buf_printf(out, " – Vorschlag: „%s“", rep.s ? rep.s : "");
				buf_free(&rep);
			}
		}
		if (!rc)
			rc = strlist_push(found, buf_take(&one));
		buf_free(&one);
	}
	free(f);
	free(line);
	return rc;
}

/* Spelling and style of a template that read: its Titel and its text,
 * line by line as they stand in the file. */
static int spell_file(struct checker *c, const struct target *tg, const char *text,
                      size_t len, struct strlist *found)
{
	size_t no = 0, pos = 0, titel_line, body_line;
	int rc = template_lines(text, len, &titel_line, &body_line);
	if (rc || !body_line)
		body_line = (size_t)-1;   /* no text to check (or not UTF-8) */
	while (!rc && pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t bol = pos, eol = nl ? (size_t)(nl - text) : len;
		pos = nl ? eol + 1 : len;
		no++;
		if (eol > bol && text[eol - 1] == '\r')
			eol--;
		size_t from = bol;
		if (no == titel_line) {
			const char *colon = memchr(text + bol, ':', eol - bol);
			from = colon ? (size_t)(colon - text) + 1 : eol;
		} else if (no < body_line) {
			continue;
		}
		while (from < eol && (text[from] == ' ' || text[from] == '\t'))
			from++;
		if (no == 1 && from < 3 && len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
			from = 3;
		if (from < eol)
			rc = spell_line(c, tg->shown, text, bol, from, eol, no, found);
	}
	return rc;
}

/* The line a message "FILE:LINE:…" is about; prefix is FILE's length. */
static unsigned long line_of(const char *msg, size_t prefix)
{
	return strtoul(msg + prefix + 1, NULL, 10);
}

/* Appends the messages of one file to out, in the order of their lines
 * (stable: on one line, the file's problems before its spelling). */
static int emit(struct strlist *m, size_t prefix, struct buf *out)
{
	for (size_t i = 1; i < m->n; i++)
		for (size_t k = i; k > 0 && line_of(m->v[k - 1], prefix) > line_of(m->v[k], prefix);
		     k--) {
			char *t = m->v[k];
			m->v[k] = m->v[k - 1];
			m->v[k - 1] = t;
		}
	int rc = 0;
	for (size_t i = 0; !rc && i < m->n; i++)
		rc = buf_printf(out, "%s\n", m->v[i]);
	return rc;
}

static int run_check(int argc, char **argv)
{
	int npos = 0, status = EXIT_OK;
	const struct cli_opt opts[] = {{NULL, NULL, NULL, NULL}};
	const char **pos = malloc((size_t)(argc > 1 ? argc : 1) * sizeof *pos);
	struct workspace *ws = NULL;
	struct targets tg = {NULL, 0};
	struct strlist problems = STRLIST_INIT, loadp = STRLIST_INIT;
	struct template *ts = NULL;
	struct checker *c = NULL;
	struct buf dir = BUF_INIT, out = BUF_INIT, text = BUF_INIT;
	struct aw_error err;
	size_t nts = 0, findings = 0;
	int rc = 0;
	if (!pos)
		return fail_memory("template check");
	status = cli_parse(argc, argv, &sub_check.cmd, opts, pos, 0, argc, &npos, "");
	if (status) {
		status = status == CLI_DONE ? EXIT_OK : status;
		goto out;
	}
	if ((status = open_ws(&ws, &dir)))
		goto out;
	if (!npos) {
		if (!ws) {
			status = cli_usage(sub_check.cmd.name, "Geben Sie die Dateien oder Ordner an, "
			                   "die geprüft werden sollen, oder rufen Sie den Befehl in "
			                   "einem Arbeitsbereich auf");
			goto out;
		}
		/* The workspace's templates, shown from its top folder. */
		struct strlist names = STRLIST_INIT, paths = STRLIST_INIT;
		rc = template_files(dir.s, NULL, &names, &paths, &loadp, &err);
		for (size_t i = 0; !rc && i < paths.n; i++)
			rc = add_target(&tg, paths.v[i] + strlen(ws_root(ws)), paths.v[i], names.v[i]);
		strlist_free(&names);
		strlist_free(&paths);
		if (rc) {
			status = cli_fail(&err);
			goto out;
		}
		if (!tg.n) {
			printf("Im Arbeitsbereich gibt es noch keine Textbausteine (%s/).\n",
			       TEMPLATE_DIR);
			goto out;
		}
	}
	for (int i = 0; i < npos; i++)
		if ((rc = add_arg(&tg, pos[i], &loadp, &err))) {
			status = worse(status, cli_fail(&err));
			if (rc == AW_ENOMEM)
				goto out;
		}
	for (size_t i = 0; i < loadp.n; i++)
		cli_warn(loadp.v[i]);
	if (loadp.n)
		status = worse(status, EXIT_ERROR);

	struct strlist cp = STRLIST_INIT;
	int r = checker_open(&c, ws ? ws_root(ws) : NULL, &cp, &err);
	strlist_free(&cp);   /* problems of the word lists are antwort check's business */
	if (r == AW_ENODICT) {
		char msg[2048];
		cli_warn(aw_error_message(&err, msg, sizeof msg));
		cli_warn("Die Rechtschreibung der Textbausteine wird daher nicht geprüft.");
		c = NULL;
	} else if (r) {
		status = cli_fail(&err);
		goto out;
	}

	if (tg.n && !(ts = calloc(tg.n, sizeof *ts))) {
		status = fail_memory("template check");
		goto out;
	}
	for (size_t i = 0; i < tg.n; i++) {
		text.len = 0;
		if ((rc = fileio_read(tg.v[i].path, &text, &err))) {
			status = worse(status, cli_fail(&err));
			if (rc == AW_ENOMEM)
				goto out;
			continue;
		}
		const char *s = text.s ? text.s : "";
		rc = template_check_text(s, text.len, tg.v[i].shown, &problems);
		if (!rc && c)
			rc = spell_file(c, &tg.v[i], s, text.len, &problems);
		if (!rc)
			rc = emit(&problems, strlen(tg.v[i].shown), &out);
		findings += problems.n;
		strlist_free(&problems);
		/* Names and titles are compared among the templates that read. */
		if (!rc) {
			rc = template_parse(s, text.len, tg.v[i].shown, tg.v[i].name, &ts[nts], NULL);
			if (rc == AW_EDOC)
				rc = 0;
			else if (!rc)
				nts++;
		}
		if (rc) {
			status = fail_memory("template check");
			goto out;
		}
	}
	if (template_check_set(ts, nts, &problems)) {
		status = fail_memory("template check");
		goto out;
	}
	for (size_t k = 0; k < problems.n; k++) {
		buf_printf(&out, "%s\n", problems.v[k]);
		findings++;
	}
	if (out.len)
		status = worse(status, cli_output("-", out.s, out.len));
	if (findings)
		status = worse(status, EXIT_FINDINGS);
out:
	fflush(stdout);
	checker_close(c);
	for (size_t i = 0; i < nts; i++)
		template_free(&ts[i]);
	free(ts);
	for (size_t i = 0; i < tg.n; i++) {
		free(tg.v[i].shown);
		free(tg.v[i].path);
		free(tg.v[i].name);
	}
	free(tg.v);
	strlist_free(&problems);
	strlist_free(&loadp);
	buf_free(&dir);
	buf_free(&out);
	buf_free(&text);
	ws_close(ws);
	free(pos);
	return status;
}

static const struct sub sub_check = {
	{"template check", NULL,
	 "prüft Textbausteine",
	 "Aufruf: antwort template check [DATEI | ORDNER …]\n"
	 "\n"
	 "Prüft Textbausteine, bevor sie weitergegeben werden: die Pflichtfelder\n"
	 "(Ressort, Titel, Stand), unbekannte oder doppelte Felder, die Daten\n"
	 "(Stand, Gültig-bis), ob nach dem Kopf Text folgt, die Platzhalter\n"
	 "(„{{“ ohne „}}“, „{{}}“, unzulässige Namen, Namen, die einem\n"
	 "eingebauten Platzhalter bis auf einen Buchstaben gleichen), doppelte\n"
	 "Namen und doppelte Titel eines Ressorts, und – wenn das deutsche\n"
	 "Wörterbuch installiert ist – Rechtschreibung und Hausstil von Titel und\n"
	 "Text wie „antwort check“. Jede Meldung steht in einer Zeile:\n"
	 "\n"
	 "  DATEI:ZEILE: Meldung\n"
	 "  DATEI:ZEILE:SPALTE: Rechtschreibung: „Wort“ – Vorschläge: A, B, C\n"
	 "\n"
	 "Ohne Angabe alle Bausteine im Ordner templates/ des Arbeitsbereichs;\n"
	 "ein Ordner wird mit seinen Unterordnern geprüft (Dateien auf „.txt“).\n"
	 "\n"
	 "Rückgabewert: 0 keine Meldung, 1 Meldungen (oder falscher Aufruf), 2 bei\n"
	 "Fehlern, etwa wenn eine Datei nicht zu lesen ist.\n"},
	run_check,
};

/* ---- used ---- */

static const struct sub sub_used;

static int run_used(int argc, char **argv)
{
	const char *pos[1];
	int npos;
	const struct cli_opt opts[] = {{NULL, NULL, NULL, NULL}};
	struct template_lib lib = TEMPLATE_LIB_INIT;
	struct workspace *ws = NULL;
	struct ws_trailer_use *u = NULL;
	struct aw_error err;
	size_t n = 0;
	int status = cli_parse(argc, argv, &sub_used.cmd, opts, pos, 1, 1, &npos,
	                       "Geben Sie den Namen des Textbausteins an, wie „antwort "
	                       "template list“ ihn zeigt");
	if (status)
		return status == CLI_DONE ? EXIT_OK : status;
	if ((status = load(&lib, &ws)))
		goto out;
	if (!ws) {
		status = cli_fail(&no_ws);
		goto out;
	}
	/* A template that is gone has its history still: a name that
	 * matches no template is looked for as it is. */
	const struct template *t;
	size_t matches = template_lookup(&lib, pos[0], &t);
	if (matches > 1 && (status = find(&lib, pos[0], &t)))
		goto out;
	const char *name = t ? t->name : pos[0];
	if (ws_trailer_uses(ws, TEMPLATE_TRAILER_KEY, name, &u, &n, &err)) {
		status = cli_fail(&err);
		goto out;
	}
	if (!n) {
		printf("Der Textbaustein „%s“ wurde noch in keiner gesicherten Antwort verwendet.\n",
		       name);
		goto out;
	}
	int aw = 0, sw = 0;
	for (size_t i = 0; i < n; i++) {
		aw = width(u[i].author) > aw ? width(u[i].author) : aw;
		sw = width(u[i].slug) > sw ? width(u[i].slug) : sw;
	}
	for (size_t i = 0; i < n; i++) {
		char when[32];
		const char *stand = strstr(u[i].value, ", Stand ");
		printf("%.*s  %s  ", WS_SHORT_LEN, u[i].id, cli_when(u[i].time, u[i].tz, when,
		                                                     sizeof when));
		pad(u[i].author, aw + 2);
		pad(u[i].slug, sw + 2);
		fputs(u[i].subject, stdout);
		if (stand)
			printf("  [Stand %s]", stand + strlen(", Stand "));
		putchar('\n');
	}
out:
	fflush(stdout);
	free(u);
	template_lib_free(&lib);
	ws_close(ws);
	return status;
}

static const struct sub sub_used = {
	{"template used", NULL,
	 "zeigt, wo ein Textbaustein verwendet wurde",
	 "Aufruf: antwort template used NAME\n"
	 "\n"
	 "Zeigt je gesicherter Version, in der der Textbaustein im Editor\n"
	 "eingefügt wurde, eine Zeile, die neueste zuerst: Kurzkennung, Datum und\n"
	 "Uhrzeit, wer gesichert hat, die Anfrage (Kurzname), was sich geändert\n"
	 "hat, und in eckigen Klammern den Stand des Bausteins beim Einfügen. So\n"
	 "findet ein Ressort nach einer Änderung seiner Position die Antworten, die\n"
	 "noch die alte enthalten. Der Name darf auch zu einem Baustein gehören,\n"
	 "den es nicht mehr gibt.\n"
	 "\n"
	 "Rückgabewert: 0 in Ordnung, 1 bei falschem Aufruf, 2 bei Fehlern.\n"},
	run_used,
};

/* ---- the command ---- */

static const struct sub *const subs[] = {&sub_list, &sub_show, &sub_new, &sub_check, &sub_used};
#define NSUBS (sizeof subs / sizeof *subs)

static int run(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("template", "Es fehlt, was getan werden soll: list, show, new, "
		                 "check oder used");
	if (cli_is_help(argv[1])) {
		fputs(cmd_template.help, stdout);
		return EXIT_OK;
	}
	for (size_t i = 0; i < NSUBS; i++)
		if (!strcmp(argv[1], subs[i]->cmd.name + strlen("template ")))
			return subs[i]->run(argc - 1, argv + 1);
	char what[200];
	snprintf(what, sizeof what, "„%s“ gibt es bei „antwort template“ nicht; möglich sind "
	         "list, show, new, check und used", argv[1]);
	return cli_usage("template", what);
}

const struct command cmd_template = {
	"template", run,
	"Textbausteine der Ressorts: list, show, new, check, used",
	"Aufruf: antwort template list [--ressort RESSORT] [--veraltet] [SUCHWORT …]\n"
	"        antwort template show NAME\n"
	"        antwort template new --ressort RESSORT --titel TITEL [--text TEXT]\n"
	"        antwort template check [DATEI | ORDNER …]\n"
	"        antwort template used NAME\n"
	"\n"
	"Textbausteine sind die Standardpositionen der Ressorts, eine Textdatei je\n"
	"Baustein in templates/RESSORT/NAME.txt im Arbeitsbereich; antwort bringt\n"
	"Beispiele mit. Im Editor fügt F4 einen Baustein ein.\n"
	"\n"
	"  list   listet die Bausteine: Ressort, Name, Titel, Stand, veraltet\n"
	"  show   zeigt einen Baustein mit seinen Platzhaltern\n"
	"  new    legt einen neuen Baustein im Arbeitsbereich an\n"
	"  check  prüft Bausteine: Kopf, Daten, Platzhalter, Rechtschreibung\n"
	"  used   zeigt die Antworten, in die ein Baustein eingefügt wurde\n"
	"\n"
	"„antwort template BEFEHL --help“ beschreibt einen Befehl genauer; das\n"
	"Format steht im Handbuch, Kapitel „Textbausteine“.\n"
	"\n"
	"Rückgabewert: 0 in Ordnung, 1 Meldungen von check oder falscher Aufruf,\n"
	"2 bei Fehlern.\n",
};
