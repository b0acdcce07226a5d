/* template.c: reading, checking, finding and filling the departments'
 * templates (Textbausteine); see template.h for the format. */
#include "template.h"
#include "fileio.h"
#include "slug.h"
#include "utf8.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const builtins[] = TEMPLATE_BUILTINS;
_Static_assert(sizeof builtins / sizeof *builtins == TEMPLATE_NBUILTINS,
               "TEMPLATE_NBUILTINS counts TEMPLATE_BUILTINS");

static const char *const months[12] = {
	"Januar", "Februar", "März", "April", "Mai", "Juni",
	"Juli", "August", "September", "Oktober", "November", "Dezember",
};

/* How deep below a templates folder files are looked for:
 * <ressort>/<name>.txt is one level, a subfolder of a ressort two. */
#define MAX_DEPTH 3

/* Quoted values in messages are cut to this many bytes. */
#define QUOTE_MAX 60

static int blank(char c)
{
	return c == ' ' || c == '\t';
}



/* n cut to at most QUOTE_MAX bytes, at a character's start. */
static int quote_len(const char *s, size_t n)
{
	if (n <= QUOTE_MAX)
		return (int)n;
	n = QUOTE_MAX;
	while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}

/* Appends "path:line: " and the sentence to problems (may be NULL). */
__attribute__((format(printf, 4, 5)))
static int say(struct strlist *problems, const char *path, size_t line, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	if (!problems)
		return 0;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	struct buf b = BUF_INIT;
	int rc = buf_printf(&b, "%s:%zu: %s", path, line, msg);
	if (!rc)
		rc = strlist_push(problems, buf_take(&b));
	buf_free(&b);
	return rc;
}

/* ---- Dates ---- */

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static int valid_date(int y, int m, int d)
{
	return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

/* A date as one number that orders like the date. */
static long date_key(int y, int m, int d)
{
	return (long)y * 10000 + m * 100 + d;
}

/* Reads min to max digits at *s into *out. */
static int digits(const char **s, int min, int max, int *out)
{
	int n = 0, v = 0;
	while (n < max && **s >= '0' && **s <= '9') {
		v = v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	*out = v;
	return n >= min && !(**s >= '0' && **s <= '9');
}

/* Compares s[0..n) with want, ASCII letters without regard to case. */
static int same_ci(const char *s, size_t n, const char *want)
{
	if (strlen(want) != n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char a = s[i], b = want[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (char)(b - 'A' + 'a');
		if (a != b)
			return 0;
	}
	return 1;
}

int template_parse_date(const char *s, int *y, int *m, int *d)
{
	size_t n = strlen(s);
	utf8_trim_blanks(&s, &n);
	char tmp[64];
	if (n == 0 || n >= sizeof tmp)
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	const char *p = tmp;
	int a, b, c;
	if (digits(&p, 4, 4, &a) && *p == '-') {            /* 2026-01-15 */
		p++;
		if (!digits(&p, 1, 2, &b) || *p++ != '-' || !digits(&p, 1, 2, &c) || *p)
			return -1;
		*y = a, *m = b, *d = c;
		return valid_date(a, b, c) ? 0 : -1;
	}
	p = tmp;
	if (!digits(&p, 1, 2, &a) || *p++ != '.')
		return -1;
	if (*p >= '0' && *p <= '9') {                       /* 15.01.2026 */
		if (!digits(&p, 1, 2, &b) || *p++ != '.' || !digits(&p, 4, 4, &c) || *p)
			return -1;
		*y = c, *m = b, *d = a;
		return valid_date(c, b, a) ? 0 : -1;
	}
	while (blank(*p))                                   /* 15. Januar 2026 */
		p++;
	const char *w = p;
	while (*p && !blank(*p))
		p++;
	size_t wn = (size_t)(p - w);
	b = 0;
	for (int k = 0; k < 12 && !b; k++)
		if (same_ci(w, wn, months[k]))
			b = k + 1;
	if (!b && same_ci(w, wn, "Maerz"))
		b = 3;
	while (blank(*p))
		p++;
	if (!b || p == w + wn || !digits(&p, 4, 4, &c) || *p)
		return -1;
	*y = c, *m = b, *d = a;
	return valid_date(c, b, a) ? 0 : -1;
}

char *template_date_dots(int y, int m, int d, char *out, size_t size)
{
	snprintf(out, size, "%02d.%02d.%04d", d, m, y);
	return out;
}

char *template_date_long(int y, int m, int d, char *out, size_t size)
{
	snprintf(out, size, "%d. %s %d", d, m >= 1 && m <= 12 ? months[m - 1] : "?", y);
	return out;
}

int template_expired(const struct template *t, int y, int m, int d)
{
	return t->bis_y && date_key(y, m, d) > date_key(t->bis_y, t->bis_m, t->bis_d);
}

int template_stale(const struct template *t, int y, int m, int d)
{
	if (template_expired(t, y, m, d))
		return 1;
	if (!valid_date(t->stand_y, t->stand_m, t->stand_d))
		return 0;
	int months_total = t->stand_y * 12 + (t->stand_m - 1) + TEMPLATE_STALE_MONTHS;
	int ly = months_total / 12, lm = months_total % 12 + 1;
	int ld = t->stand_d <= month_days(ly, lm) ? t->stand_d : month_days(ly, lm);
	return date_key(y, m, d) > date_key(ly, lm, ld);
}

/* ---- Placeholders ---- */

enum ph_kind {
	PH_NONE,      /* no more in the text */
	PH_ESCAPE,    /* "\{{": a literal "{{" */
	PH_OK,        /* "{{name}}" */
	PH_UNCLOSED,  /* "{{" without "}}" on its line */
	PH_EMPTY,     /* "{{}}" or "{{  }}" */
	PH_BADNAME,   /* "{{Betrag in Euro}}" */
};

struct ph {
	enum ph_kind kind;
	size_t start, end;        /* the whole span in the text */
	size_t name, name_len;    /* the name, without blanks around it */
};

/* A letter, digit, '-' or '_' at s (first: a letter); its length in
 * bytes, or 0. */
static size_t name_char(const char *s, size_t n, int first)
{
	unsigned char c = (unsigned char)*s;
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 1;
	if (c < 0x80)
		return !first && ((c >= '0' && c <= '9') || c == '-' || c == '_');
	unsigned cp;
	size_t len = utf8_decode(s, n, &cp);
	return cp != 0xFFFD && utf8_class(cp) == UTF8_WORD ? len : 0;
}

static int valid_name(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t k = name_char(s + i, n - i, i == 0);
		if (!k)
			return 0;
		i += k;
	}
	return n > 0;
}

/* The next placeholder or escape in s[from..n). A placeholder closes on
 * its own line. */
static void next_ph(const char *s, size_t n, size_t from, struct ph *p)
{
	for (size_t i = from; i + 1 < n; i++) {
		if (s[i] == '\\' && i + 2 < n && s[i + 1] == '{' && s[i + 2] == '{') {
			*p = (struct ph){PH_ESCAPE, i, i + 3, 0, 0};
			return;
		}
		if (s[i] != '{' || s[i + 1] != '{')
			continue;
		size_t j = i + 2;
		while (j + 1 < n && s[j] != '\n' && !(s[j] == '}' && s[j + 1] == '}'))
			j++;
		if (j + 1 >= n || s[j] == '\n') {
			*p = (struct ph){PH_UNCLOSED, i, i + 2, 0, 0};
			return;
		}
		const char *name = s + i + 2;
		size_t len = j - (i + 2);
		utf8_trim_blanks(&name, &len);
		enum ph_kind k = !len ? PH_EMPTY : valid_name(name, len) ? PH_OK : PH_BADNAME;
		*p = (struct ph){k, i, j + 2, (size_t)(name - s), len};
		return;
	}
	p->kind = PH_NONE;
	p->start = p->end = n;
}

static int is_builtin_n(const char *s, size_t n)
{
	for (size_t k = 0; k < TEMPLATE_NBUILTINS; k++)
		if (strlen(builtins[k]) == n && !memcmp(builtins[k], s, n))
			return 1;
	return 0;
}

int template_is_builtin(const char *name)
{
	return is_builtin_n(name, strlen(name));
}

static char lower_ascii(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* 1 when a[0..an) and b[0..bn) differ (ASCII case aside) by at most one
 * letter changed, added, dropped, or two neighbours swapped. */
static int one_off(const char *a, size_t an, const char *b, size_t bn)
{
	if (an < bn) {
		const char *t = a;
		size_t tn = an;
		a = b, an = bn, b = t, bn = tn;
	}
	if (an - bn > 1)
		return 0;
	size_t i = 0;
	while (i < bn && lower_ascii(a[i]) == lower_ascii(b[i]))
		i++;
	if (i == bn)
		return 1;
	if (an == bn + 1) {
		for (size_t k = i; k < bn; k++)
			if (lower_ascii(a[k + 1]) != lower_ascii(b[k]))
				return 0;
		return 1;
	}
	size_t rest = i + 1;
	if (i + 1 < an && lower_ascii(a[i]) == lower_ascii(b[i + 1]) &&
	    lower_ascii(a[i + 1]) == lower_ascii(b[i]))
		rest = i + 2;
	for (size_t k = rest; k < an; k++)
		if (lower_ascii(a[k]) != lower_ascii(b[k]))
			return 0;
	return 1;
}

/* The built-in that name looks like a misspelling of, or NULL (also for
 * a built-in itself). */
static const char *near_builtin(const char *s, size_t n)
{
	if (is_builtin_n(s, n))
		return NULL;
	for (size_t k = 0; k < TEMPLATE_NBUILTINS; k++)
		if (one_off(s, n, builtins[k], strlen(builtins[k])))
			return builtins[k];
	return NULL;
}

void template_mask(char *s, size_t n)
{
	struct ph p;
	for (size_t i = 0; i < n; i = p.end) {
		next_ph(s, n, i, &p);
		if (p.kind == PH_NONE)
			break;
		if (p.kind == PH_OK)
			memset(s + p.start, '0', p.end - p.start);
	}
}

static int listed(const struct strlist *l, const char *s, size_t n)
{
	for (size_t i = 0; i < l->n; i++)
		if (strlen(l->v[i]) == n && !memcmp(l->v[i], s, n))
			return 1;
	return 0;
}

int template_free_names(const char *text, struct strlist *names)
{
	size_t n = strlen(text);
	struct ph p;
	for (size_t i = 0; i < n; i = p.end) {
		next_ph(text, n, i, &p);
		if (p.kind == PH_NONE)
			break;
		const char *name = text + p.name;
		if (p.kind == PH_OK && !is_builtin_n(name, p.name_len) &&
		    !listed(names, name, p.name_len)) {
			int rc = strlist_addn(names, name, p.name_len);
			if (rc)
				return rc;
		}
	}
	return 0;
}

int template_builtin_names(const char *text, struct strlist *names)
{
	size_t n = strlen(text);
	int used[TEMPLATE_NBUILTINS] = {0};
	struct ph p;
	for (size_t i = 0; i < n; i = p.end) {
		next_ph(text, n, i, &p);
		if (p.kind == PH_NONE)
			break;
		for (size_t k = 0; p.kind == PH_OK && k < TEMPLATE_NBUILTINS; k++)
			if (strlen(builtins[k]) == p.name_len &&
			    !memcmp(builtins[k], text + p.name, p.name_len))
				used[k] = 1;
	}
	for (size_t k = 0; k < TEMPLATE_NBUILTINS; k++)
		if (used[k] && !listed(names, builtins[k], strlen(builtins[k]))) {
			int rc = strlist_add(names, builtins[k]);
			if (rc)
				return rc;
		}
	return 0;
}

/* The value of a built-in in ctx (tmp holds numbers and dates), or NULL
 * when it is not known. */
static const char *builtin_value(const char *name, size_t n, const struct template_context *ctx,
                                 char *tmp, size_t size)
{
	const struct inquiry *q = ctx ? ctx->q : NULL;
#define IS(s) (n == sizeof s - 1 && !memcmp(name, s, n))
	if (IS("nummer"))
		return q ? q->number : NULL;
	if (IS("titel"))
		return q ? q->title : NULL;
	if (IS("fraktion"))
		return q ? q->askers : NULL;
	if (IS("sitzung"))
		return q && valid_date(q->session_year, q->session_month, q->session_day)
		       ? template_date_long(q->session_year, q->session_month, q->session_day, tmp,
		                            size)
		       : NULL;
	if (IS("frage")) {
		if (!ctx || ctx->question <= 0)
			return NULL;
		snprintf(tmp, size, "%d", ctx->question);
		return tmp;
	}
	if (IS("heute"))
		return ctx && valid_date(ctx->today_y, ctx->today_m, ctx->today_d)
		       ? template_date_long(ctx->today_y, ctx->today_m, ctx->today_d, tmp, size)
		       : NULL;
	if (IS("ressort"))
		return ctx ? ctx->ressort : NULL;
#undef IS
	return NULL;
}

int template_fill(const char *text, const struct template_context *ctx,
                  const struct strlist *names, const struct strlist *values, struct buf *out,
                  struct strlist *missing)
{
	size_t n = strlen(text);
	struct ph p;
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i = p.end) {
		next_ph(text, n, i, &p);
		if ((rc = buf_add(out, text + i, p.start - i)) || p.kind == PH_NONE)
			break;
		if (p.kind == PH_ESCAPE || p.kind == PH_UNCLOSED) {
			rc = buf_add(out, "{{", 2);
			continue;
		}
		const char *name = text + p.name, *value = NULL;
		char tmp[64];
		if (p.kind == PH_OK) {
			for (size_t k = 0; names && k < names->n && !value; k++)
				if (strlen(names->v[k]) == p.name_len &&
				    !memcmp(names->v[k], name, p.name_len))
					value = values && k < values->n ? values->v[k] : NULL;
			if (!value || !*value)
				value = builtin_value(name, p.name_len, ctx, tmp, sizeof tmp);
		}
		if (value && *value) {
			rc = buf_adds(out, value);
			continue;
		}
		rc = buf_add(out, text + p.start, p.end - p.start);
		if (!rc && p.kind == PH_OK && missing && !listed(missing, name, p.name_len))
			rc = strlist_addn(missing, name, p.name_len);
	}
	return rc;
}

/* ---- Reading a file ---- */

enum key { K_RESSORT, K_TITEL, K_SCHLAGWORTE, K_STAND, K_BIS, K_ANSPRECH, K_BEISPIEL, NKEYS };

static const char *const key_names[NKEYS] = {
	"Ressort", "Titel", "Schlagworte", "Stand", "Gültig-bis", "Ansprechpartner", "Beispiel",
};

/* s folded for matching: ASCII capitals and the Latin-1 ones (Ä Ö Ü …)
 * small. malloc'd; NULL when out of memory. */
static char *fold(const char *s, size_t n)
{
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		out[i] = lower_ascii((char)c);
		if (c == 0xC3 && i + 1 < n) {
			unsigned char c2 = (unsigned char)s[i + 1];
			out[++i] = (char)(c2 >= 0x80 && c2 <= 0x9E && c2 != 0x97 ? c2 + 0x20 : c2);
		}
	}
	out[n] = '\0';
	return out;
}

/* The key a header line names, or -1. */
static int key_of(const char *s, size_t n)
{
	static const struct {
		const char *spelling;
		enum key key;
	} known[] = {
		{"ressort", K_RESSORT}, {"titel", K_TITEL}, {"schlagworte", K_SCHLAGWORTE},
		{"stand", K_STAND}, {"gültig-bis", K_BIS}, {"gültig bis", K_BIS},
		{"gueltig-bis", K_BIS}, {"gueltig bis", K_BIS}, {"ansprechpartner", K_ANSPRECH},
		{"beispiel", K_BEISPIEL},
	};
	char *f = fold(s, n);
	int k = -1;
	for (size_t i = 0; f && k < 0 && i < sizeof known / sizeof *known; i++)
		if (!strcmp(f, known[i].spelling))
			k = (int)known[i].key;
	free(f);
	return k;
}

/* What scan() found in one file. */
struct scan {
	const char *path;
	struct strlist problems;
	size_t *lines;            /* the line of each problem, to sort them */
	size_t cap;
	int fatal;                /* the template cannot be used */
	char *val[NKEYS];
	size_t line[NKEYS];
	int y[2], m[2], d[2];     /* Stand, Gültig-bis */
	struct buf body;
	size_t body_line;
};

__attribute__((format(printf, 3, 4)))
static int problem(struct scan *sc, size_t line, const char *fmt, ...)
{
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (sc->problems.n == sc->cap) {
		size_t cap = sc->cap ? sc->cap * 2 : 8;
		size_t *v = realloc(sc->lines, cap * sizeof *v);
		if (!v)
			return AW_ENOMEM;
		sc->lines = v;
		sc->cap = cap;
	}
	int rc = say(&sc->problems, sc->path, line, "%s", msg);
	if (!rc)
		sc->lines[sc->problems.n - 1] = line;
	return rc;
}

/* Moves the problems, in the order of their lines, to out (may be NULL). */
static int hand_over(struct scan *sc, struct strlist *out)
{
	int rc = 0;
	size_t n = sc->problems.n;
	/* Insertion sort: stable, and a file has few problems. */
	for (size_t i = 1; i < n; i++)
		for (size_t k = i; k > 0 && sc->lines[k - 1] > sc->lines[k]; k--) {
			size_t tl = sc->lines[k];
			char *ts = sc->problems.v[k];
			sc->lines[k] = sc->lines[k - 1];
			sc->problems.v[k] = sc->problems.v[k - 1];
			sc->lines[k - 1] = tl;
			sc->problems.v[k - 1] = ts;
		}
	for (size_t i = 0; i < n; i++) {
		char *s = sc->problems.v[i];
		sc->problems.v[i] = NULL;
		if (!rc && out)
			rc = strlist_push(out, s);
		else
			free(s);
	}
	sc->problems.n = 0;
	return rc;
}

static void scan_free(struct scan *sc)
{
	for (int k = 0; k < NKEYS; k++)
		free(sc->val[k]);
	strlist_free(&sc->problems);
	free(sc->lines);
	buf_free(&sc->body);
}

/* The next line of text[*pos..len) without its newline (and a CR before
 * it) into s[0..n); *no counts lines. 0 at the end. */
static int next_line(const char *text, size_t len, size_t *pos, size_t *no, const char **s,
                     size_t *n)
{
	if (*pos >= len)
		return 0;
	const char *nl = memchr(text + *pos, '\n', len - *pos);
	size_t e = nl ? (size_t)(nl - text) : len;
	*s = text + *pos;
	*n = e - *pos;
	if (*n && (*s)[*n - 1] == '\r')
		(*n)--;
	*pos = nl ? e + 1 : len;
	(*no)++;
	return 1;
}

/* Characters in s[0..n). */
static size_t chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* The placeholder problems of one line of the text. */
static int check_placeholders(struct scan *sc, const char *s, size_t n, size_t no)
{
	struct ph p;
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i = p.end) {
		next_ph(s, n, i, &p);
		const char *whole = s + p.start, *name = s + p.name;
		int wl = quote_len(whole, p.end - p.start);
		switch (p.kind) {
		case PH_NONE:
			return 0;
		case PH_ESCAPE:
			break;
		case PH_UNCLOSED:
			rc = problem(sc, no, "Der Platzhalter in Spalte %zu wird nicht mit „}}“ "
			             "geschlossen; ein Platzhalter steht in einer Zeile, wie "
			             "„{{nummer}}“ (für „{{“ als Text schreiben Sie „\\{{“).",
			             chars(s, p.start) + 1);
			break;
		case PH_EMPTY:
			rc = problem(sc, no, "„%.*s“ ist ein Platzhalter ohne Namen; schreiben Sie "
			             "den Namen zwischen die Klammern, wie „{{nummer}}“.", wl, whole);
			break;
		case PH_BADNAME:
			rc = problem(sc, no, "„%.*s“: Ein Platzhaltername besteht aus Buchstaben, "
			             "Ziffern, „-“ und „_“ und beginnt mit einem Buchstaben.", wl, whole);
			break;
		case PH_OK: {
			const char *b = near_builtin(name, p.name_len);
			if (b)
				rc = problem(sc, no, "„%.*s“ ähnelt dem eingebauten Platzhalter "
				             "„{{%s}}“; schreiben Sie ihn genau so oder wählen Sie einen "
				             "deutlich anderen Namen.", wl, whole, b);
			break;
		}
		}
	}
	return rc;
}

/* Reads the header and the text of a file, collecting its problems. 0 or
 * AW_ENOMEM; sc->fatal when the template cannot be used. */
static int scan(const char *text, size_t len, struct scan *sc)
{
	size_t bad_line, bad_col, pos = 0, no = 0, first = 0, header_end = 0;
	const char *s;
	size_t n;
	int rc = utf8_validate(text, len, &bad_line, &bad_col);
	if (rc) {
		sc->fatal = 1;
		if (rc == AW_ENUL)
			return problem(sc, bad_line, "Hier steht ein Nullbyte (Spalte %zu); ein "
			               "Textbaustein ist reiner Text in UTF-8.", bad_col);
		return problem(sc, bad_line, "Hier steht kein gültiges UTF-8 (Spalte %zu); "
		               "speichern Sie die Datei als „UTF-8“.", bad_col);
	}
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		pos = 3;

	/* The header: from the first line that is not blank to a blank one. */
	while (!rc && next_line(text, len, &pos, &no, &s, &n)) {
		utf8_trim_blanks(&s, &n);
		if (!n) {
			if (!first)
				continue;
			header_end = no;
			break;
		}
		if (!first)
			first = no;
		const char *colon = memchr(s, ':', n);
		if (!colon) {
			rc = problem(sc, no, "Im Kopf fehlt hier der Doppelpunkt; schreiben Sie "
			             "„Schlüssel: Wert“ und lassen Sie vor dem Text eine Leerzeile.");
			continue;
		}
		const char *key = s, *val = colon + 1;
		size_t kn = (size_t)(colon - s), vn = n - kn - 1;
		utf8_trim_blanks(&key, &kn);
		utf8_trim_blanks(&val, &vn);
		int k = key_of(key, kn);
		if (k < 0) {
			rc = problem(sc, no, "Das Feld „%.*s“ kennt antwort nicht; erlaubt sind "
			             "Ressort, Titel, Schlagworte, Stand, Gültig-bis, Ansprechpartner "
			             "und Beispiel.", quote_len(key, kn), key);
			continue;
		}
		if (sc->val[k]) {
			rc = problem(sc, no, "Das Feld „%s“ steht zum zweiten Mal im Kopf; es gilt "
			             "das erste.", key_names[k]);
			continue;
		}
		if (!(sc->val[k] = strndup(val, vn)))
			return AW_ENOMEM;
		sc->line[k] = no;
		if (vn)
			continue;
		if (k == K_RESSORT || k == K_TITEL || k == K_STAND) {
			sc->fatal = 1;
			rc = problem(sc, no, "Das Feld „%s“ ist leer; tragen Sie einen Wert ein.",
			             key_names[k]);
		} else {
			rc = problem(sc, no, "Das Feld „%s“ ist leer; tragen Sie einen Wert ein oder "
			             "lassen Sie die Zeile weg.", key_names[k]);
		}
	}
	if (!header_end)
		header_end = no ? no : 1;

	/* The text: paragraphs separated by blank lines. */
	int in_para = 0;
	while (!rc && next_line(text, len, &pos, &no, &s, &n)) {
		rc = check_placeholders(sc, s, n, no);
		utf8_trim_blanks(&s, &n);
		if (!n) {
			in_para = 0;
			continue;
		}
		if (!sc->body_line)
			sc->body_line = no;
		if (!rc && sc->body.len)
			rc = buf_addc(&sc->body, in_para ? ' ' : '\n');
		if (!rc)
			rc = buf_add(&sc->body, s, n);
		in_para = 1;
	}

	static const enum key required[] = {K_RESSORT, K_TITEL, K_STAND};
	for (size_t i = 0; !rc && i < sizeof required / sizeof *required; i++)
		if (!sc->val[required[i]]) {
			sc->fatal = 1;
			rc = problem(sc, first ? first : 1, "Im Kopf fehlt das Feld „%s“; jeder "
			             "Textbaustein braucht Ressort, Titel und Stand.",
			             key_names[required[i]]);
		}
	static const enum key dates[] = {K_STAND, K_BIS};
	for (int i = 0; !rc && i < 2; i++) {
		const char *v = sc->val[dates[i]];
		if (!v || !*v)
			continue;
		if (template_parse_date(v, &sc->y[i], &sc->m[i], &sc->d[i])) {
			sc->fatal = 1;
			sc->y[i] = 0;
			rc = problem(sc, sc->line[dates[i]], "„%.*s“ ist bei „%s“ kein gültiges "
			             "Datum; schreiben Sie es wie „15.01.2026“.",
			             quote_len(v, strlen(v)), v, key_names[dates[i]]);
		}
	}
	if (!rc && sc->y[0] && sc->y[1] &&
	    date_key(sc->y[1], sc->m[1], sc->d[1]) < date_key(sc->y[0], sc->m[0], sc->d[0])) {
		char a[32], b[32];
		rc = problem(sc, sc->line[K_BIS], "Gültig-bis (%s) liegt vor dem Stand (%s); "
		             "prüfen Sie beide Daten.",
		             template_date_dots(sc->y[1], sc->m[1], sc->d[1], a, sizeof a),
		             template_date_dots(sc->y[0], sc->m[0], sc->d[0], b, sizeof b));
	}
	const char *ex = sc->val[K_BEISPIEL];
	if (!rc && ex && *ex && !same_ci(ex, strlen(ex), "ja") && !same_ci(ex, strlen(ex), "nein"))
		rc = problem(sc, sc->line[K_BEISPIEL], "Bei „Beispiel“ steht „ja“ oder „nein“, "
		             "nicht „%.*s“.", quote_len(ex, strlen(ex)), ex);
	if (!rc && !sc->body.len) {
		sc->fatal = 1;
		rc = problem(sc, header_end, "Nach dem Kopf folgt kein Text; schreiben Sie die "
		             "Absätze des Bausteins nach einer Leerzeile unter den Kopf.");
	}
	return rc;
}

void template_free(struct template *t)
{
	free(t->name);
	free(t->path);
	free(t->ressort);
	free(t->titel);
	free(t->schlagworte);
	free(t->ansprechpartner);
	free(t->text);
	memset(t, 0, sizeof *t);
}

/* Takes sc->val[k] when it is not empty; NULL otherwise. */
static char *take(struct scan *sc, enum key k)
{
	char *v = sc->val[k];
	if (!v || !*v)
		return NULL;
	sc->val[k] = NULL;
	return v;
}

int template_parse(const char *text, size_t len, const char *path, const char *name,
                   struct template *t, struct strlist *problems)
{
	struct scan sc;
	memset(&sc, 0, sizeof sc);
	memset(t, 0, sizeof *t);
	sc.path = path;
	int rc = scan(text, len, &sc);
	if (!rc && sc.fatal) {
		rc = hand_over(&sc, problems);
		if (!rc)
			rc = AW_EDOC;
		goto out;
	}
	if (rc)
		goto out;
	t->ressort = take(&sc, K_RESSORT);
	t->titel = take(&sc, K_TITEL);
	t->schlagworte = take(&sc, K_SCHLAGWORTE);
	t->ansprechpartner = take(&sc, K_ANSPRECH);
	t->stand_y = sc.y[0], t->stand_m = sc.m[0], t->stand_d = sc.d[0];
	t->bis_y = sc.y[1], t->bis_m = sc.m[1], t->bis_d = sc.d[1];
	t->example = sc.val[K_BEISPIEL] && same_ci(sc.val[K_BEISPIEL],
	                                           strlen(sc.val[K_BEISPIEL]), "ja");
	t->titel_line = sc.line[K_TITEL];
	t->body_line = sc.body_line;
	t->text = buf_take(&sc.body);
	t->name = strdup(name ? name : "");
	t->path = strdup(path ? path : "");
	if (!t->text || !t->name || !t->path) {
		template_free(t);
		rc = AW_ENOMEM;
	}
out:
	scan_free(&sc);
	return rc;
}

int template_check_text(const char *text, size_t len, const char *path,
                        struct strlist *problems)
{
	struct scan sc;
	memset(&sc, 0, sizeof sc);
	sc.path = path;
	int rc = scan(text, len, &sc);
	if (!rc)
		rc = hand_over(&sc, problems);
	scan_free(&sc);
	return rc;
}

int template_lines(const char *text, size_t len, size_t *titel_line, size_t *body_line)
{
	struct scan sc;
	memset(&sc, 0, sizeof sc);
	sc.path = "";
	int rc = scan(text, len, &sc);
	/* Not UTF-8: scan() stopped before the first line, both stay 0. */
	*titel_line = rc ? 0 : sc.line[K_TITEL];
	*body_line = rc ? 0 : sc.body_line;
	scan_free(&sc);
	return rc;
}

int template_check_set(const struct template *v, size_t n, struct strlist *problems)
{
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++)
		for (size_t j = 0; j < i && !rc; j++) {
			char *n1 = fold(v[i].name, strlen(v[i].name));
			char *n2 = fold(v[j].name, strlen(v[j].name));
			int same = n1 && n2 && !strcmp(n1, n2);
			rc = n1 && n2 ? 0 : AW_ENOMEM;
			free(n1);
			free(n2);
			if (same) {
				rc = say(problems, v[i].path, 1, "Den Namen „%s“ hat auch %s; benennen "
				         "Sie eine der beiden Dateien um.", v[i].name, v[j].path);
				break;
			}
			if (rc)
				break;
			char *r1 = fold(v[i].ressort, strlen(v[i].ressort));
			char *r2 = fold(v[j].ressort, strlen(v[j].ressort));
			char *t1 = fold(v[i].titel, strlen(v[i].titel));
			char *t2 = fold(v[j].titel, strlen(v[j].titel));
			if (!r1 || !r2 || !t1 || !t2)
				rc = AW_ENOMEM;
			else if (!strcmp(r1, r2) && !strcmp(t1, t2))
				rc = say(problems, v[i].path, v[i].titel_line ? v[i].titel_line : 1,
				         "Den Titel „%s“ hat im Ressort %s auch %s; im Editor wären die "
				         "beiden nicht zu unterscheiden – ändern Sie einen der Titel.",
				         v[i].titel, v[i].ressort, v[j].path);
			free(r1);
			free(r2);
			free(t1);
			free(t2);
		}
	return rc;
}

/* ---- The library ---- */

/* A file found below a templates folder. */
struct found {
	char *name, *path;
};

struct founds {
	struct found *v;
	size_t n, cap;
};

static int add_found(struct founds *f, const char *name, size_t name_len, const char *path)
{
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 32;
		struct found *v = realloc(f->v, cap * sizeof *v);
		if (!v)
			return AW_ENOMEM;
		f->v = v;
		f->cap = cap;
	}
	char *nm = strndup(name, name_len), *p = strdup(path);
	if (!nm || !p) {
		free(nm);
		free(p);
		return AW_ENOMEM;
	}
	f->v[f->n++] = (struct found){nm, p};
	return 0;
}

static void founds_free(struct founds *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].name);
		free(f->v[i].path);
	}
	free(f->v);
}

/* Collects the .txt files below dir; rel is the name so far ("" at the
 * top). A top folder that is missing is no error; one that cannot be
 * read is (err); a subfolder that cannot be read is a problem. */
static int walk(const char *dir, const char *rel, int depth, struct founds *f,
                struct strlist *problems, struct aw_error *err)
{
	DIR *d = opendir(dir);
	if (!d) {
		int e = errno;
		if (depth == 0 && (e == ENOENT || e == ENOTDIR))
			return 0;
		if (depth == 0)
			return aw_fail(err, AW_EOPEN, dir, aw_strerror(e));
		return say(problems, dir, 1, "Der Ordner lässt sich nicht lesen (%s); die "
		           "Textbausteine darin fehlen.", aw_strerror(e));
	}
	struct buf path = BUF_INIT, name = BUF_INIT;
	struct dirent *de;
	int rc = 0;
	while (!rc && (de = readdir(d))) {
		const char *base = de->d_name;
		size_t bn = strlen(base);
		struct stat st;
		if (base[0] == '.')
			continue;
		path.len = name.len = 0;
		if ((rc = buf_printf(&path, "%s/%s", dir, base)) ||
		    (rc = buf_printf(&name, "%s%s%s", rel, *rel ? "/" : "", base)))
			break;
		if (stat(path.s, &st))
			continue;   /* a dangling link: nothing to read */
		if (S_ISDIR(st.st_mode)) {
			if (depth + 1 < MAX_DEPTH)
				rc = walk(path.s, name.s, depth + 1, f, problems, err);
		} else if (S_ISREG(st.st_mode) && bn > 4 && !strcmp(base + bn - 4, ".txt")) {
			rc = add_found(f, name.s, name.len - 4, path.s);
		}
	}
	closedir(d);
	buf_free(&path);
	buf_free(&name);
	return rc;
}

static int cmp_found(const void *a, const void *b)
{
	return strcmp(((const struct found *)a)->name, ((const struct found *)b)->name);
}

/* Reads the templates of one folder into lib (grown; names already
 * there are replaced). */
static int load_dir(struct template_lib *lib, const char *dir, int from_workspace,
                    struct strlist *problems, struct aw_error *err)
{
	struct founds f = {NULL, 0, 0};
	struct buf text = BUF_INIT;
	int rc = walk(dir, "", 0, &f, problems, err);
	if (rc)
		goto out;
	if (f.n)
		qsort(f.v, f.n, sizeof *f.v, cmp_found);
	for (size_t i = 0; i < f.n && !rc; i++) {
		struct aw_error rerr;
		struct template t;
		text.len = 0;
		int r = fileio_read(f.v[i].path, &text, &rerr);
		if (r == AW_ENOMEM) {
			rc = r;
			break;
		}
		if (r) {
			char msg[2048];
			rc = say(problems, f.v[i].path, 1, "%s", aw_error_message(&rerr, msg, sizeof msg));
			continue;
		}
		r = template_parse(text.s ? text.s : "", text.len, f.v[i].path, f.v[i].name, &t,
		                   problems);
		if (r == AW_EDOC)
			continue;
		if ((rc = r))
			break;
		t.from_workspace = from_workspace;
		size_t at = lib->n;
		for (size_t k = 0; k < lib->n; k++)
			if (!strcmp(lib->v[k].name, t.name))
				at = k;
		if (at < lib->n) {
			template_free(&lib->v[at]);
			lib->v[at] = t;
			continue;
		}
		struct template *v = realloc(lib->v, (lib->n + 1) * sizeof *v);
		if (!v) {
			template_free(&t);
			rc = AW_ENOMEM;
			break;
		}
		lib->v = v;
		lib->v[lib->n++] = t;
	}
out:
	if (rc == AW_ENOMEM && err)
		aw_fail(err, rc, dir, "");
	founds_free(&f);
	buf_free(&text);
	return rc;
}

int template_files(const char *dir, const char *prefix, struct strlist *names,
                   struct strlist *paths, struct strlist *problems, struct aw_error *err)
{
	struct founds f = {NULL, 0, 0};
	int rc = walk(dir, prefix ? prefix : "", 0, &f, problems, err);
	if (!rc && f.n)
		qsort(f.v, f.n, sizeof *f.v, cmp_found);
	for (size_t i = 0; !rc && i < f.n; i++)
		if (!(rc = strlist_add(names, f.v[i].name)))
			rc = strlist_add(paths, f.v[i].path);
	if (rc == AW_ENOMEM && err)
		aw_fail(err, rc, dir, "");
	founds_free(&f);
	return rc;
}

static int cmp_template(const void *a, const void *b)
{
	return strcmp(((const struct template *)a)->name, ((const struct template *)b)->name);
}

int template_lib_load(struct template_lib *lib, const char *project_dir, const char *ws_dir,
                      struct strlist *problems, struct aw_error *err)
{
	int rc = 0;
	lib->v = NULL;
	lib->n = 0;
	if (project_dir && *project_dir)
		rc = load_dir(lib, project_dir, 0, problems, err);
	if (!rc && ws_dir && *ws_dir)
		rc = load_dir(lib, ws_dir, 1, problems, err);
	if (rc) {
		template_lib_free(lib);
		return rc;
	}
	if (lib->n)
		qsort(lib->v, lib->n, sizeof *lib->v, cmp_template);
	return 0;
}

void template_lib_free(struct template_lib *lib)
{
	for (size_t i = 0; i < lib->n; i++)
		template_free(&lib->v[i]);
	free(lib->v);
	lib->v = NULL;
	lib->n = 0;
}

static int begins(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

size_t template_lookup(const struct template_lib *lib, const char *name,
                       const struct template **out)
{
	size_t count = 0;
	*out = NULL;
	if (!name || !*name)
		return 0;
	for (size_t i = 0; i < lib->n; i++)
		if (!strcmp(lib->v[i].name, name)) {
			*out = &lib->v[i];
			return 1;
		}
	for (int pass = 0; pass < 2 && !count; pass++)
		for (size_t i = 0; i < lib->n; i++) {
			const char *s = lib->v[i].name, *slash = strrchr(s, '/');
			if (pass == 1)
				s = slash ? slash + 1 : s;
			if (begins(s, name) && count++ == 0)
				*out = &lib->v[i];
		}
	if (count != 1)
		*out = NULL;
	return count;
}

const struct template *template_find(const struct template_lib *lib, const char *name)
{
	const struct template *t;
	return template_lookup(lib, name, &t) == 1 ? t : NULL;
}

/* ---- Filtering ---- */

/* The key that orders s as German is ordered in lists: small letters,
 * umlauts as their base letter, ß as "ss". malloc'd, NULL on failure. */
static char *sort_key(const char *s)
{
	size_t n = strlen(s);
	char *f = fold(s, n), *out = malloc(2 * n + 1);
	size_t o = 0;
	if (!f || !out) {
		free(f);
		free(out);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)f[i];
		if (c == 0xC3 && i + 1 < n) {
			unsigned char c2 = (unsigned char)f[i + 1];
			const char *base = c2 == 0xA4 ? "a" : c2 == 0xB6 ? "o" : c2 == 0xBC ? "u"
			                 : c2 == 0x9F ? "ss" : NULL;
			if (base) {
				for (; *base; base++)
					out[o++] = *base;
				i++;
				continue;
			}
		}
		out[o++] = (char)c;
	}
	out[o] = '\0';
	free(f);
	return out;
}

struct ranked {
	size_t idx;
	int rank;
	char *ressort, *titel;    /* sort keys */
	const char *name;
};

static int cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	int c;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->ressort && y->ressort && (c = strcmp(x->ressort, y->ressort)))
		return c;
	if ((c = strcmp(x->titel, y->titel)))
		return c;
	return strcmp(x->name, y->name);
}

/* The folded words of query. */
static int query_words(const char *query, struct strlist *words)
{
	const char *s = query ? query : "";
	while (*s) {
		while (*s && (blank(*s) || *s == '\n'))
			s++;
		const char *w = s;
		while (*s && !blank(*s) && *s != '\n')
			s++;
		if (s > w) {
			char *f = fold(w, (size_t)(s - w));
			int rc = strlist_push(words, f);
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* The rank of t for the words: 0 all in the title, 1 all in title,
 * Schlagworte or Ressort, 2 all somewhere, -1 not all found. */
static int rank_of(const struct template *t, const struct strlist *words, int *rank)
{
	const char *fields[4] = {t->titel, t->schlagworte, t->ressort, t->text};
	char *f[4] = {NULL, NULL, NULL, NULL};
	int rc = 0, in_title = 1, in_head = 1;
	for (int k = 0; k < 4; k++)
		if (fields[k] && !(f[k] = fold(fields[k], strlen(fields[k]))))
			rc = AW_ENOMEM;
	*rank = -1;
	for (size_t i = 0; !rc && i < words->n; i++) {
		const char *w = words->v[i];
		int t0 = f[0] && strstr(f[0], w);
		int h = t0 || (f[1] && strstr(f[1], w)) || (f[2] && strstr(f[2], w));
		if (!h && !(f[3] && strstr(f[3], w)))
			goto out;
		in_title &= t0;
		in_head &= h;
	}
	*rank = in_title ? 0 : in_head ? 1 : 2;
out:
	for (int k = 0; k < 4; k++)
		free(f[k]);
	return rc;
}

int template_filter(const struct template_lib *lib, const char *query, size_t **idx,
                    size_t *n)
{
	struct strlist words = STRLIST_INIT;
	struct ranked *r = lib->n ? calloc(lib->n, sizeof *r) : NULL;
	size_t m = 0;
	int rc = lib->n && !r ? AW_ENOMEM : query_words(query, &words);
	*idx = NULL;
	*n = 0;
	for (size_t i = 0; !rc && i < lib->n; i++) {
		const struct template *t = &lib->v[i];
		int rank = 0;
		if (words.n && (rc = rank_of(t, &words, &rank)))
			break;
		if (rank < 0)
			continue;
		r[m] = (struct ranked){i, rank, NULL, sort_key(t->titel), t->name};
		if (!words.n)
			r[m].ressort = sort_key(t->ressort);
		m++;
		if (!r[m - 1].titel || (!words.n && !r[m - 1].ressort))
			rc = AW_ENOMEM;
	}
	if (!rc && m) {
		qsort(r, m, sizeof *r, cmp_ranked);
		if (!(*idx = malloc(m * sizeof **idx)))
			rc = AW_ENOMEM;
		for (size_t i = 0; !rc && i < m; i++)
			(*idx)[i] = r[i].idx;
		if (!rc)
			*n = m;
	}
	for (size_t i = 0; i < m; i++) {
		free(r[i].ressort);
		free(r[i].titel);
	}
	free(r);
	strlist_free(&words);
	return rc;
}

/* ---- Writing ---- */

/* "Key: value\n", line breaks in the value made blanks; nothing when the
 * value is empty. */
static int header_line(struct buf *out, const char *key, const char *val)
{
	if (!val || !*val)
		return 0;
	int rc = buf_printf(out, "%s: ", key);
	for (const char *s = val; !rc && *s; s++)
		rc = buf_addc(out, *s == '\n' || *s == '\r' ? ' ' : *s);
	return rc ? rc : buf_addc(out, '\n');
}

static int write_file(const char *ressort, const char *titel, const char *schlagworte, int sy,
                      int sm, int sd, int by, int bm, int bd, const char *ansprechpartner,
                      int example, const char *body, struct buf *out)
{
	char date[32];
	int rc = header_line(out, "Ressort", ressort);
	if (!rc)
		rc = header_line(out, "Titel", titel);
	if (!rc)
		rc = header_line(out, "Schlagworte", schlagworte);
	if (!rc)
		rc = header_line(out, "Stand", template_date_dots(sy, sm, sd, date, sizeof date));
	if (!rc && by)
		rc = header_line(out, "Gültig-bis", template_date_dots(by, bm, bd, date, sizeof date));
	if (!rc)
		rc = header_line(out, "Ansprechpartner", ansprechpartner);
	if (!rc && example)
		rc = header_line(out, "Beispiel", "ja");
	if (!rc)
		rc = buf_addc(out, '\n');
	int paras = 0;
	for (const char *s = body ? body : ""; !rc && *s;) {
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		const char *p = s;
		s += n + (e != NULL);
		utf8_trim_blanks(&p, &n);
		if (!n)
			continue;
		if (paras++)
			rc = buf_addc(out, '\n');
		if (!rc)
			rc = buf_add(out, p, n);
		if (!rc)
			rc = buf_addc(out, '\n');
	}
	return rc;
}

int template_format(const char *ressort, const char *titel, const char *schlagworte, int sy,
                    int sm, int sd, const char *ansprechpartner, const char *body,
                    struct buf *out)
{
	return write_file(ressort, titel, schlagworte, sy, sm, sd, 0, 0, 0, ansprechpartner, 0,
	                  body, out);
}

int template_write(const struct template *t, struct buf *out)
{
	return write_file(t->ressort, t->titel, t->schlagworte, t->stand_y, t->stand_m,
	                  t->stand_d, t->bis_y, t->bis_m, t->bis_d, t->ansprechpartner,
	                  t->example, t->text, out);
}

int template_slug(const char *titel, char *out, size_t size)
{
	if (size < 2)
		return AW_EINTERNAL;
	struct inquiry q;
	char s[SLUG_MAX + 1];
	memset(&q, 0, sizeof q);
	q.title = (char *)(titel ? titel : "");
	slug_make(&q, s);
	/* slug_make() says "anfrage" when nothing in the title was usable. */
	if (!strcmp(s, "anfrage")) {
		char *f = fold(q.title, strlen(q.title));
		if (!f)
			return AW_ENOMEM;
		if (!strstr(f, "anfrage"))
			strcpy(s, "baustein");
		free(f);
	}
	/* slug_make() spells in ASCII and keeps '-' between words; what does
	 * not fit in out is cut at a '-' where there is one. */
	for (char *p = s; *p; p++)
		*p = lower_ascii(*p);
	size_t n = strlen(s);
	if (n >= size) {
		size_t k = size - 1;
		while (k > 0 && s[k] != '-')
			k--;
		n = k ? k : size - 1;
		while (n > 1 && s[n - 1] == '-')
			n--;
	}
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

int template_trailer(const struct template *t, struct buf *out)
{
	char date[32];
	return buf_printf(out, "%s: %s, Stand %s", TEMPLATE_TRAILER_KEY, t->name,
	                  template_date_dots(t->stand_y, t->stand_m, t->stand_d, date, sizeof date));
}
