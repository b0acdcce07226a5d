/* clean.c: cleaning pasted text, one step per concern.
 *
 * The steps work on whole lines and keep, for every line, the number of
 * the input line it began on, so that doubts and the --explain log can
 * point a person to the place in the file they pasted. */
#include "clean.h"
#include "error.h"
#include "heading.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- lines -------------------------------------------------------------- */

static int clines_insert(struct clines *l, size_t at, const char *s, size_t n, size_t orig)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		struct cline *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return AW_ENOMEM;
		l->v = v;
		l->cap = cap;
	}
	char *copy = malloc(n + 1);
	if (!copy)
		return AW_ENOMEM;
	memcpy(copy, s, n);
	copy[n] = '\0';
	memmove(&l->v[at + 1], &l->v[at], (l->n - at) * sizeof *l->v);
	l->v[at] = (struct cline){copy, n, orig};
	l->n++;
	return 0;
}

static void clines_remove(struct clines *l, size_t at)
{
	free(l->v[at].s);
	memmove(&l->v[at], &l->v[at + 1], (l->n - at - 1) * sizeof *l->v);
	l->n--;
}

/* Replaces line i's text with s (taking ownership). */
static void clines_set(struct clines *l, size_t i, char *s)
{
	free(l->v[i].s);
	l->v[i].s = s;
	l->v[i].len = strlen(s);
}

int clines_from_text(struct clines *out, const char *s, size_t n)
{
	size_t line = 1;
	for (size_t i = 0; i <= n;) {
		const char *nl = i < n ? memchr(s + i, '\n', n - i) : NULL;
		size_t end = nl ? (size_t)(nl - s) : n;
		if (end == n && i == n && n > 0 && s[n - 1] == '\n')
			break; /* no empty line after the final newline */
		if (clines_insert(out, out->n, s + i, end - i, line++))
			return AW_ENOMEM;
		i = end + 1;
	}
	return 0;
}

int clines_to_text(const struct clines *l, struct buf *out)
{
	int rc = 0;
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			rc |= buf_addc(out, '\n');
		rc |= buf_add(out, l->v[i].s, l->v[i].len);
	}
	return rc ? AW_ENOMEM : 0;
}

void clines_free(struct clines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].s);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* ---- characters ------------------------------------------------------- */

static int is_upper(unsigned c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
	       (c >= 0x100 && c <= 0x17F && !(c & 1));
}

static int is_lower(unsigned c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
	       (c >= 0x100 && c <= 0x17F && (c & 1));
}

static int is_letter(unsigned c)
{
	return is_upper(c) || is_lower(c);
}

static unsigned cp_at(const char *s, size_t *len)
{
	unsigned c;
	size_t avail = 0;   /* the bytes up to the NUL, at most 4: no strlen() of the rest */
	while (avail < 4 && s[avail])
		avail++;
	size_t n = utf8_decode(s, avail, &c);
	if (len)
		*len = n;
	return c;
}

/* The code point that ends at s + i (i > 0), and where it starts. */
static unsigned cp_before(const char *s, size_t i, size_t *start)
{
	size_t k = i - 1;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	if (start)
		*start = k;
	unsigned c;
	utf8_decode(s + k, i - k, &c);
	return c;
}

static size_t nchars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static int blank(const struct cline *c)
{
	return c->len == 0;
}

static int note(struct strlist *log, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int note(struct strlist *log, size_t line, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	if (!log)
		return 0;
	int n = snprintf(msg, sizeof msg, "Zeile %zu: ", line);
	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
	va_end(ap);
	return strlist_add(log, msg);
}

/* A short excerpt of s for a log message: at most 40 characters. */
static void excerpt(char *out, size_t size, const char *s, size_t n)
{
	size_t o = 0, chars = 0, i = 0;
	while (i < n && o + 5 < size && chars < 40) {
		size_t k = i + 1;
		while (k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
			k++;
		memcpy(out + o, s + i, k - i);
		o += k - i;
		i = k;
		chars++;
	}
	if (i < n && o + 4 <= size) {
		memcpy(out + o, "…", 3);
		o += 3;
	}
	out[o] = '\0';
}

/* 1 known, 0 unknown, -1 no dictionary to ask. */
static int known(const struct lexicon *lex, const char *w, size_t n)
{
	return lex ? lex->known(lex->ctx, w, n) : -1;
}

/* ---- structure ---------------------------------------------------------- */

static int prefix(const char *s, const char *p)
{
	return !strncmp(s, p, strlen(p));
}


int clean_starts_structure(const char *s)
{
	static const char *const starts[] = {
		"Wir fragen", "Ich frage", "Antwort des Senats", "Antwort der Landesregierung",
		"Der Senat beantwortet", "Vorbemerkung", "Frage ", "Zu Frage", "Zu den Fragen",
		"zu Frage", "zu den Fragen", "Antwort zu ", "Antwort:", "Die Fragen ",
	};
	const char *d = s;
	while (*s == ' ')
		s++;
	for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
		if (prefix(s, starts[i]))
			return 1;
	for (size_t i = 0; i < HEADING_NORDINALS; i++)
		if (prefix(s, heading_ordinals[i]))
			return 1;
	/* 1. / 1) / 1.1 / Zu 1.: */
	d = s;
	if (prefix(d, "Zu "))
		d += 3;
	const char *e = d;
	while (*e >= '0' && *e <= '9' && e - d < 3)
		e++;
	if (e > d) {
		while (*e == '.' && e[1] >= '0' && e[1] <= '9') /* 1.1 */
			for (e++; *e >= '0' && *e <= '9'; e++)
				;
		if ((*e == '.' || *e == ')') && (e[1] == ' ' || e[1] == ':' || !e[1]))
			return 1;
		if (*e == ' ' && e - d > 2 && e[-2] == '.')
			return 1;
	}
	/* a) / a. */
	if (*s >= 'a' && *s <= 'z' && (s[1] == ')' || s[1] == '.') && s[2] == ' ')
		return 1;
	/* Roman section headings: I. / IV. followed by a capital */
	e = s;
	while (*e == 'I' || *e == 'V' || *e == 'X')
		e++;
	if (e > s && e - s <= 4 && *e == '.' && e[1] == ' ' && is_upper(cp_at(e + 2, NULL)))
		return 1;
	return 0;
}

/* ---- collapsed documents ---------------------------------------------- */

/* In a document that lost its line breaks, does a line begin after the
 * space at s[k]? Before what reads as structure after a sentence's end,
 * before the header parts of a Vorlage, and after the intro sentence. */
static int collapsed_break(const char *s, size_t k)
{
	static const char *const header[] = {
		"„Frage für die Fragestunde", "„Kleine Anfrage", "„Große Anfrage",
		"Die Fraktion ", "Die Fraktionen ", "Der Senat beantwortet",
	};
	const char *rest = s + k + 1;
	unsigned before = cp_before(s, k, NULL);
	int ended = (before < 128 && strchr(".?!:\"", (int)before)) || before == 0x201C ||
	            before == 0x201D;
	if (ended && clean_starts_structure(rest))
		return 1;
	if (ended || (before >= '0' && before <= '9'))
		for (size_t i = 0; i < sizeof header / sizeof *header; i++)
			if (prefix(rest, header[i]))
				return 1;
	return k >= 9 && !strncmp(s + k - 9, "gestellt:", 9);
}

int clean_collapsed(struct clines *l, struct strlist *log)
{
	size_t lines = 0, longest = 0;
	for (size_t i = 0; i < l->n; i++) {
		if (!blank(&l->v[i]))
			lines++;
		if (l->v[i].len > longest)
			longest = l->v[i].len;
	}
	/* Only a document of a few very long lines lost its line breaks. */
	if (lines > 3 || longest < 300)
		return 0;
	for (size_t i = 0; i < l->n; i++) {
		const char *s = l->v[i].s;
		for (size_t k = 1; k + 1 < l->v[i].len; k++) {
			if (s[k] != ' ' || s[k + 1] == ' ')
				continue;
			if (!collapsed_break(s, k))
				continue;
			/* Break here: the rest becomes a line of its own after a
			 * blank line, and is looked at again as line i + 2. */
			char ex[160];
			size_t orig = l->v[i].orig;
			excerpt(ex, sizeof ex, s + k + 1, l->v[i].len - k - 1);
			if (clines_insert(l, i + 1, s + k + 1, l->v[i].len - k - 1, orig) ||
			    clines_insert(l, i + 1, "", 0, orig))
				return AW_ENOMEM;
			l->v[i].s[k] = '\0';
			l->v[i].len = k;
			if (note(log, orig, "Zeilenumbruch vor „%s“ wiederhergestellt "
			         "(der Text stand in einer Zeile).", ex))
				return AW_ENOMEM;
			break;
		}
	}
	return 0;
}

/* ---- run-on headings ---------------------------------------------------- */

int clean_run_on_headings(struct clines *l, struct strlist *log)
{
	static const char *const openings[] = {
		"Antwort des Senats ", "Antwort der Landesregierung ", "Antwort der Bundesregierung ",
	};
	for (size_t i = 0; i < l->n; i++) {
		const char *s = l->v[i].s;
		for (size_t k = 0; k < sizeof openings / sizeof *openings; k++) {
			if (s[0] != openings[k][0])
				continue;   /* most lines: at once */
			size_t n = strlen(openings[k]);
			if (strncmp(s, openings[k], n) || !(prefix(s + n, "Zu ") || prefix(s + n, "zu ")) ||
			    !clean_starts_structure(s + n))
				continue;
			size_t orig = l->v[i].orig;
			if (clines_insert(l, i + 1, s + n, l->v[i].len - n, orig) ||
			    clines_insert(l, i + 1, "", 0, orig))
				return AW_ENOMEM;
			l->v[i].len = n - 1;
			l->v[i].s[n - 1] = '\0';
			if (note(log, orig, "Überschrift „%.*s…“ auf eine eigene Zeile gesetzt.", 12,
			         l->v[i + 2].s))
				return AW_ENOMEM;
			break;
		}
	}
	return 0;
}

/* ---- web-page navigation ----------------------------------------------- */

/* A line of a web page's menus, breadcrumbs and footer: "Startseite",
 * "Leichte Sprache | English", "Sie sind hier: …", "© …". */
static int is_navigation(const char *s)
{
	static const char *const words[] = {
		"Startseite", "Parlament", "Abgeordnete", "Ausschüsse", "Drucksachen", "Suche",
		"Menü", "Navigation", "Hauptnavigation", "Sitemap", "Drucken", "Teilen", "Zurück",
		"Zurück zur Übersicht", "Nach oben", "Impressum", "Datenschutz",
		"Datenschutzerklärung", "Barrierefreiheit", "Kontakt", "Leichte Sprache",
		"Gebärdensprache", "English", "Aktuelles", "Presse", "Mediathek", "Termine",
		"Newsletter", "Login", "Zum Inhalt springen", "Cookie-Einstellungen",
		"Seite drucken", "Seite teilen", "Service", "Home",
	};
	if (prefix(s, "Sie sind hier:") || prefix(s, "©"))
		return 1;
	/* every item of the line, split at " | ", is a navigation word: a
	 * word the line goes on with, followed by " | " or the end (no word
	 * holds a "|"), so that a line of text is given up after its first
	 * bytes instead of searched to its end */
	for (const char *t = s; *t;) {
		size_t n = 0;
		for (size_t i = 0; i < sizeof words / sizeof *words && !n; i++) {
			if (words[i][0] != t[0])
				continue;
			size_t wl = strlen(words[i]);
			if (!strncmp(t, words[i], wl) && (!t[wl] || !strncmp(t + wl, " | ", 3)))
				n = wl;
		}
		if (!n)
			return 0;
		t += n;
		if (*t)
			t += 3;
	}
	return *s != '\0';
}

int clean_navigation(struct clines *l, struct strlist *log)
{
	/* Only runs of at least two navigation lines (blank lines between
	 * them allowed) go: a title "Datenschutz" alone stays. */
	for (size_t i = 0; i < l->n;) {
		if (!is_navigation(l->v[i].s)) {
			i++;
			continue;
		}
		size_t j = i, lines = 0;
		while (j < l->n && (blank(&l->v[j]) || is_navigation(l->v[j].s)))
			lines += !blank(&l->v[j++]);
		while (j > i && blank(&l->v[j - 1]))
			j--;
		if (lines < 2) {
			i = j;
			continue;
		}
		for (size_t k = i; k < j; k++)
			if (!blank(&l->v[k]) &&
			    note(log, l->v[k].orig, "Navigation der Webseite „%s“ entfernt.", l->v[k].s))
				return AW_ENOMEM;
		/* Remove the run and the blank lines after it. */
		while (j < l->n && blank(&l->v[j]))
			j++;
		for (size_t k = i; k < j; k++)
			clines_remove(l, i);
	}
	return 0;
}

/* ---- letter spacing ---------------------------------------------------- */

/* A line of single characters separated by single spaces, words by two or
 * more: "V o r b e m e r k u n g   d e s   S e n a t s". */
static char *unspace(const char *s, size_t n)
{
	size_t letters = 0, i = 0, o = 0, first;
	/* Most lines have two characters in a row at once: given up before
	 * the copy is made. */
	if (cp_at(s, &first) == ' ' || first >= n || s[first] != ' ')
		return NULL;
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	while (i < n) {
		size_t cl;
		unsigned c = cp_at(s + i, &cl);
		if (c == ' ')
			goto no;
		letters += is_letter(c);
		memcpy(out + o, s + i, cl);
		o += cl;
		i += cl;
		if (i == n)
			break;
		if (s[i] != ' ')
			goto no;            /* two characters in a row: a word */
		size_t gap = 0;
		while (i < n && s[i] == ' ')
			gap++, i++;
		if (gap >= 2)
			out[o++] = ' ';
	}
	out[o] = '\0';
	if (letters >= 4)
		return out;
no:
	free(out);
	return NULL;
}

int clean_letter_spacing(struct clines *l, struct strlist *log)
{
	for (size_t i = 0; i < l->n; i++) {
		struct cline *c = &l->v[i];
		const char *s = c->s;
		size_t n = c->len;
		while (n && s[n - 1] == ' ')
			n--;
		while (n && *s == ' ')
			s++, n--;
		if (n < 7)
			continue;
		char *u = unspace(s, n);
		if (!u)
			continue;
		char ex[160];
		excerpt(ex, sizeof ex, s, n);
		int rc = note(log, c->orig, "Sperrschrift „%s“ zu „%s“ zusammengezogen.", ex, u);
		clines_set(l, i, u);
		if (rc)
			return AW_ENOMEM;
	}
	return 0;
}

/* ---- white space ------------------------------------------------------- */

/* Word processors put no-break spaces into "Zu Frage 1:" and "1. Wie":
 * where the line begins a question or heading only with ordinary spaces,
 * those are made ordinary (elsewhere a no-break space is typography and
 * stays). Returns 1 if the line changed. */
static int plain_structure_spaces(struct cline *c)
{
	if (!strstr(c->s, "\xC2\xA0"))
		return 0;
	char *t = strdup(c->s);
	if (!t)
		return 0;
	size_t o = 0;
	for (size_t k = 0; t[k]; k++) {
		if (k < 24 && (unsigned char)t[k] == 0xC2 && (unsigned char)t[k + 1] == 0xA0) {
			t[o++] = ' ';
			k++;
		} else {
			t[o++] = t[k];
		}
	}
	t[o] = '\0';
	if (o == c->len || !clean_starts_structure(t)) {
		free(t);
		return 0;
	}
	free(c->s);
	c->s = t;
	c->len = o;
	return 1;
}

/* Would the loop in clean_whitespace() change line c? Only blanks at its
 * ends, a tab or three spaces in a row do; most lines have none, and the
 * library's searches find out faster than a copy. */
static int blanks_to_tidy(const struct cline *c)
{
	if (c->len == 0)
		return 0;
	return c->s[0] == ' ' || c->s[0] == '\t' || c->s[c->len - 1] == ' ' ||
	       c->s[c->len - 1] == '\t' || memchr(c->s, '\t', c->len) ||
	       strlen(c->s) != c->len || strstr(c->s, "   ");
}

int clean_whitespace(struct clines *l, struct strlist *log)
{
	for (size_t i = 0; i < l->n; i++) {
		if (plain_structure_spaces(&l->v[i]) &&
		    note(log, l->v[i].orig, "Geschützte Leerzeichen in „%.20s…“ durch gewöhnliche ersetzt.",
		         l->v[i].s))
			return AW_ENOMEM;
		struct cline *c = &l->v[i];
		if (!blanks_to_tidy(c))
			continue;
		char *out = malloc(c->len + 1);
		size_t o = 0, k = 0;
		int changed = 0;
		if (!out)
			return AW_ENOMEM;
		while (k < c->len && (c->s[k] == ' ' || c->s[k] == '\t'))
			k++;
		while (k < c->len) {
			if (c->s[k] == ' ' || c->s[k] == '\t') {
				size_t run = 0, tabs = 0;
				while (k < c->len && (c->s[k] == ' ' || c->s[k] == '\t'))
					tabs += c->s[k] == '\t', run++, k++;
				if (k == c->len)
					break;            /* trailing blanks */
				if (tabs || run >= 3) {
					out[o++] = ' ';
					changed = 1;
				} else {
					memset(out + o, ' ', run);
					o += run;
				}
				continue;
			}
			out[o++] = c->s[k++];
		}
		out[o] = '\0';
		if (changed && note(log, c->orig, "Tabulatoren und Leerraum vereinheitlicht.")) {
			free(out);
			return AW_ENOMEM;
		}
		clines_set(l, i, out);
	}
	return 0;
}

/* ---- page furniture ---------------------------------------------------- */

/* What a line of page furniture is made of: the parliament's name, the
 * Drucksache number, the period, a date and a page number. */
enum { F_NONE, F_HEADER, F_PAGE };

static int all_digits(const char *s, size_t n, size_t max)
{
	return n >= 1 && n <= max && strspn(s, "0123456789") >= n;
}

/* "20/1234" */
static int is_paper_number(const char *s, size_t n)
{
	const char *slash = memchr(s, '/', n);
	return slash && all_digits(s, (size_t)(slash - s), 2) &&
	       all_digits(slash + 1, n - (size_t)(slash - s) - 1, 6);
}

/* "12.03.2024" or "21." */
static int is_date_or_ordinal(const char *s, size_t n)
{
	size_t digits = 0, dots = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.')
			dots++;
		else if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else
			return 0;
	}
	return digits && dots && s[n - 1] != '.' ? dots == 2 : (dots == 1 && digits <= 2);
}

/* The Drucksache number ("20/1234") in line s, or NULL; *n its length. */
static const char *paper_in(const char *s, size_t *n)
{
	for (const char *t = s; *t;) {
		while (*t == ' ')
			t++;
		const char *e = t;
		while (*e && *e != ' ')
			e++;
		if (e > t && is_paper_number(t, (size_t)(e - t))) {
			*n = (size_t)(e - t);
			return t;
		}
		t = e;
	}
	return NULL;
}

static int same_paper(const char *a, const char *b)
{
	size_t na, nb;
	const char *pa = paper_in(a, &na), *pb = paper_in(b, &nb);
	return pa && pb && na == nb && !strncmp(pa, pb, na);
}

/* F_PAGE for a line that holds a page number and nothing but furniture
 * ("– 2 –", "Drucksache 21/812  – 2 –", "Seite 3 von 8"), F_HEADER for
 * one that is furniture without a page number ("Bremische Bürgerschaft
 * Drucksache 21/812"), F_NONE for text. */
static int furniture(const char *s)
{
	static const char *const words[] = {
		"BREMISCHE", "BÜRGERSCHAFT", "Bremische", "Bürgerschaft", "Landtag",
		"Stadtbürgerschaft", "(Landtag)", "(Land)", "(Stadt)", "Wahlperiode",
		"Deutscher", "Bundestag", "Abgeordnetenhaus", "Drucksache", "Drs.", "von",
	};
	static const char *const dashes[] = {"–", "—", "-"};
	int page = 0, strong = 0, tokens = 0;
	const char *prev = "";
	size_t prevn = 0;

	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		const char *t = s;
		while (*s && *s != ' ')
			s++;
		size_t n = (size_t)(s - t);
		int ok = 0;
		tokens++;
		/* (The first byte rules out most words before strlen().) */
		for (size_t i = 0; i < sizeof words / sizeof *words && !ok; i++)
			if (words[i][0] == t[0] && strlen(words[i]) == n && !strncmp(t, words[i], n)) {
				ok = 1;
				strong |= i < 15;   /* everything but "von" */
			}
		for (size_t i = 0; i < 3 && !ok; i++)
			ok = strlen(dashes[i]) == n && !strncmp(t, dashes[i], n);
		if (!ok && is_paper_number(t, n))
			ok = strong = 1;
		if (!ok && is_date_or_ordinal(t, n))
			ok = 1;
		if (!ok && all_digits(t, n, 4)) {
			/* a page number: after "Seite" or "von", or between dashes */
			ok = 1;
			int dashed = prevn && (prev[0] == '-' || !strncmp(prev, "–", 3) || !strncmp(prev, "—", 3));
			int after_seite = prevn == 5 && !strncmp(prev, "Seite", 5);
			int after_von = prevn == 3 && !strncmp(prev, "von", 3);
			/* (A number alone on its line is judged by the caller:
			 * "2024" alone is a year, not page 2024.) */
			page |= dashed || after_seite || after_von;
		}
		if (!ok && n == 5 && !strncmp(t, "Seite", 5))
			ok = 1;
		if (!ok)
			return F_NONE;
		prev = t;
		prevn = n;
	}
	if (!tokens)
		return F_NONE;
	return page ? F_PAGE : strong ? F_HEADER : F_NONE;
}

static int ends_sentence(const struct cline *c)
{
	if (!c->len)
		return 1;
	size_t st;
	unsigned last = cp_before(c->s, c->len, &st);
	return last == '.' || last == '?' || last == '!' || last == ':' || last == 0x201C ||
	       last == '"';
}

static int lone_number(const struct clines *l, size_t i)
{
	return all_digits(l->v[i].s, l->v[i].len, 3) && (i == 0 || blank(&l->v[i - 1])) &&
	       (i + 1 >= l->n || blank(&l->v[i + 1]));
}

int clean_page_furniture(struct clines *l, struct strlist *log)
{
	char *drop = calloc(l->n ? l->n : 1, 1);
	/* furniture() of each line, asked for again and again below */
	char *kind = malloc(l->n ? l->n : 1);
	size_t bare = 0;
	int rc = 0;
	if (!drop || !kind) {
		free(drop);
		free(kind);
		return AW_ENOMEM;
	}

	/* A number alone between blank lines is a page number only where
	 * there are several; in a table copied cell by cell it has
	 * neighbours and stays. */
	for (size_t i = 0; i < l->n; i++) {
		bare += lone_number(l, i);
		kind[i] = (char)furniture(l->v[i].s);
	}
	for (size_t i = 0; i < l->n && !rc; i++) {
		const struct cline *c = &l->v[i];
		int f = kind[i];
		if (f == F_PAGE || (bare >= 2 && lone_number(l, i))) {
			drop[i] = 1;
			rc = note(log, c->orig, "Seitenkopf oder Seitenzahl „%s“ entfernt.", c->s);
			continue;
		}
		if (f != F_HEADER)
			continue;
		/* A running header repeats on every page: each copy after the
		 * first goes (same text, or the same Drucksache number). */
		for (size_t k = 0; k < i; k++) {
			if (!drop[k] && kind[k] != F_NONE &&
			    (!strcmp(l->v[k].s, c->s) || same_paper(l->v[k].s, c->s))) {
				drop[i] = 1;
				rc = note(log, c->orig, "wiederholte Kopfzeile „%s“ entfernt.", c->s);
				break;
			}
		}
	}

	/* A header line on the same page break as a page number or a
	 * repeated header is furniture too ("21. Wahlperiode" under
	 * "Drucksache 21/812 – 2 –"), even the first time it is seen. */
	for (int changed = 1; changed && !rc;) {
		changed = 0;
		for (size_t i = 0; i < l->n && !rc; i++) {
			if (drop[i] || kind[i] != F_HEADER)
				continue;
			for (int dir = -1; dir <= 1; dir += 2) {
				size_t k = i;
				while ((dir < 0 ? k > 0 : k + 1 < l->n)) {
					k += (size_t)dir;
					if (!blank(&l->v[k]) && !drop[k])
						break;
					if (drop[k]) {
						drop[i] = 1;
						changed = 1;
						rc = note(log, l->v[i].orig, "Kopfzeile „%s“ entfernt.", l->v[i].s);
						break;
					}
				}
				if (drop[i])
					break;
			}
		}
	}

	/* Remove the dropped lines. Where a run of them (with the blank
	 * lines around) cut a sentence, the two halves meet again on
	 * adjacent lines; otherwise one blank line stays between them. */
	size_t o = 0;
	for (size_t i = 0; i < l->n && !rc;) {
		if (!drop[i] && !(blank(&l->v[i]) && i + 1 < l->n && drop[i + 1])) {
			l->v[o++] = l->v[i++];
			continue;
		}
		size_t j = i;
		int any = 0;
		while (j < l->n && (drop[j] || blank(&l->v[j]))) {
			any |= drop[j];
			j++;
		}
		if (!any) {
			while (i < j)
				l->v[o++] = l->v[i++];
			continue;
		}
		int cut = o > 0 && j < l->n && !ends_sentence(&l->v[o - 1]) &&
		          !clean_starts_structure(l->v[j].s);
		int keep_blank = !cut && o > 0 && j < l->n;
		for (size_t k = i; k < j; k++) {
			if (keep_blank && !drop[k] && blank(&l->v[k])) {
				l->v[o++] = l->v[k];
				keep_blank = 0;
			} else {
				free(l->v[k].s);
			}
		}
		i = j;
	}
	if (!rc)
		l->n = o;
	free(drop);
	free(kind);
	return rc;
}

/* ---- footnotes ---------------------------------------------------------- */

static int is_abbreviation(const char *w, size_t n)
{
	static const char *const abbr[] = {
		"Abs", "Nr", "Art", "S", "Ziff", "Kap", "Anl", "Bd", "Drs", "Drucks", "Bl", "Az",
		"Nrn", "Tz", "Rn", "Vers", "Jg",
	};
	for (size_t i = 0; i < sizeof abbr / sizeof *abbr; i++)
		if (strlen(abbr[i]) == n && !strncmp(w, abbr[i], n))
			return 1;
	return 0;
}

/* Is the digit run at s[d..e) a footnote number glued to the text? */
static int glued_footnote(const char *s, size_t len, size_t d, size_t e,
                          const struct lexicon *lex)
{
	if (d == 0 || e - d > 2)
		return 0;
	if (e < len && !strchr(" .,;:!?)", s[e]))
		return 0;
	size_t st;
	unsigned before = cp_before(s, d, &st);
	size_t wend = d;
	if (before < 128 && strchr(".,;:!?\"", (int)before)) {
		/* "betragen.2": punctuation between word and number, and the
		 * number ends the sentence's word. */
		if (e < len && s[e] != ' ')
			return 0;
		if (st == 0)
			return 0;
		wend = st;
		before = cp_before(s, wend, &st);
	} else if (before == 0x201C || before == 0x201D) {
		wend = st;
		if (wend == 0)
			return 0;
		before = cp_before(s, wend, &st);
	}
	if (!is_lower(before))
		return 0;
	/* The word before: letters back to the last non-letter. */
	size_t ws = wend, letters = 0, upper_inside = 0;
	while (ws > 0) {
		size_t p;
		unsigned c = cp_before(s, ws, &p);
		if (!is_letter(c))
			break;
		letters++;
		upper_inside += is_upper(c);
		ws = p;
	}
	if (letters < 3 || is_abbreviation(s + ws, wend - ws))
		return 0;
	int word = known(lex, s + ws, wend - ws);
	if (word >= 0) {
		/* The dictionary knows the word, and not the word with the
		 * number ("Migranten" yes, "Migranten1" no; "CO2" would stay). */
		return word && (wend != d || known(lex, s + ws, e - ws) == 0);
	}
	/* Without a dictionary: a plain lowercase word of four letters or
	 * more, at most its first letter a capital. */
	return letters >= 4 && upper_inside <= 1 && !is_upper(cp_before(s, wend, NULL));
}

/* The footnote texts ("1 Quelle: …") of the numbers removed from the text
 * go to the end, under "Fußnoten:", so that they are kept but no longer
 * read as part of a question or an answer. */
static int move_footnote_texts(struct clines *l, const char *seen, struct strlist *log)
{
	size_t moved = 0, n = l->n;
	int in_note = 0;   /* the line before was (part of) a footnote */
	for (size_t i = 0; i < n;) {
		const char *s = l->v[i].s;
		int num = 0;
		size_t k = 0;
		if (blank(&l->v[i])) {
			in_note = 0;
			i++;
			continue;
		}
		while (s[k] >= '0' && s[k] <= '9' && k < 2)
			num = num * 10 + (s[k++] - '0');
		int numbered = k && s[k] == ' ' && s[k + 1];
		/* A footnote begins a block ("1 Quelle: …" after a blank line)
		 * or follows another; its further lines come along. A numbered
		 * line inside a paragraph ("3 Jahren …") is text. */
		int starts = numbered && num < 100 && seen[num] &&
		             (i == 0 || blank(&l->v[i - 1]) || in_note);
		if (!starts && !(in_note && !numbered)) {
			in_note = 0;
			i++;
			continue;
		}
		if (!moved++ && (clines_insert(l, l->n, "", 0, l->v[i].orig) ||
		                 clines_insert(l, l->n, "Fußnoten:", strlen("Fußnoten:"), l->v[i].orig)))
			return AW_ENOMEM;
		char ex[160];
		excerpt(ex, sizeof ex, s, l->v[i].len);
		if (starts &&
		    note(log, l->v[i].orig, "Fußnotentext „%s“ ans Ende unter „Fußnoten:“ gestellt.", ex))
			return AW_ENOMEM;
		/* Move the line itself: append a copy, remove the original. */
		if (clines_insert(l, l->n, s, l->v[i].len, l->v[i].orig))
			return AW_ENOMEM;
		clines_remove(l, i);
		n--;
		in_note = 1;
		/* A footnote block standing alone leaves a doubled blank line. */
		if (i > 0 && i < n && blank(&l->v[i]) && blank(&l->v[i - 1])) {
			clines_remove(l, i);
			n--;
			in_note = 0;
		}
	}
	return 0;
}

int clean_footnotes(struct clines *l, const struct lexicon *lex, struct strlist *log)
{
	char seen[100] = {0};
	for (size_t i = 0; i < l->n; i++) {
		struct cline *c = &l->v[i];
		for (size_t d = 1; d < c->len; d++) {
			/* Digits are rare: on to the next one. */
			d += strcspn(c->s + d, "123456789");
			if (d >= c->len)
				break;
			if (!(c->s[d] >= '1' && c->s[d] <= '9') ||
			    (c->s[d - 1] >= '0' && c->s[d - 1] <= '9'))
				continue;
			size_t e = d;
			while (e < c->len && c->s[e] >= '0' && c->s[e] <= '9')
				e++;
			if (!glued_footnote(c->s, c->len, d, e, lex))
				continue;
			size_t ws = d;
			while (ws > 0 && c->s[ws - 1] != ' ')
				ws--;
			char word[160];
			excerpt(word, sizeof word, c->s + ws, e - ws);
			if (note(log, c->orig, "Fußnotenzahl %.*s an „%s“ entfernt.", (int)(e - d),
			         c->s + d, word))
				return AW_ENOMEM;
			int num = 0;
			for (size_t k = d; k < e; k++)
				num = num * 10 + (c->s[k] - '0');
			seen[num] = 1;
			memmove(c->s + d, c->s + e, c->len - e + 1);
			c->len -= e - d;
		}
	}
	return move_footnote_texts(l, seen, log);
}

/* ---- hyphenation ------------------------------------------------------- */

static int is_conjunction(const char *s)
{
	static const char *const conj[] = {
		"und ", "oder ", "sowie ", "bzw. ", "beziehungsweise ", "als ", "noch ", "wie ",
		"bis ", "und,", "oder,",
	};
	for (size_t i = 0; i < sizeof conj / sizeof *conj; i++)
		if (prefix(s, conj[i]))
			return 1;
	return !strcmp(s, "und") || !strcmp(s, "oder") || !strcmp(s, "bis");
}

/* Length in bytes of the run of letters at s. */
static size_t letters_at(const char *s)
{
	size_t i = 0, cl;
	while (s[i] && is_letter(cp_at(s + i, &cl)))
		i += cl;
	return i;
}

/* The run of letters that ends at s + end. */
static size_t letters_before(const char *s, size_t end)
{
	size_t i = end, p;
	while (i > 0 && is_letter(cp_before(s, i, &p)))
		i = p;
	return i;
}

/* Decides a hyphen between w1 and w2 (w2 begins lowercase): 1 keep it,
 * 0 it only split the word. */
static int keep_hyphen(const char *w1, size_t n1, const char *w2, size_t n2,
                       const struct lexicon *lex)
{
	/* "E-mail", "IT-gestützt": a part in capitals or a single letter
	 * keeps its hyphen, whatever the dictionary knows ("Email" is a
	 * word too: enamel). */
	size_t upper = 0, chars = 0, cl;
	for (size_t i = 0; i < n1; i += cl) {
		upper += is_upper(cp_at(w1 + i, &cl));
		chars++;
	}
	if (chars == 1 || (chars >= 2 && upper == chars))
		return 1;
	/* The dictionary: the joined word is German ("Wasserkraftwerk"):
	 * the hyphen only split it. The joined word is not, but the two
	 * parts with the hyphen are: a compound written with a hyphen. */
	char w[256];
	if (n1 + n2 + 1 >= sizeof w)
		return 0;
	memcpy(w, w1, n1);
	memcpy(w + n1, w2, n2);
	if (known(lex, w, n1 + n2) != 0)
		return 0;
	memcpy(w + n1, "-", 1);
	memcpy(w + n1 + 1, w2, n2);
	return known(lex, w, n1 + n2 + 1) == 1;
}

int clean_hyphenation(struct clines *l, const struct lexicon *lex, struct strlist *log)
{
	/* At line ends. */
	for (size_t i = 0; i + 1 < l->n; i++) {
		struct cline *c = &l->v[i], *next = &l->v[i + 1];
		if (c->len < 2 || c->s[c->len - 1] != '-' || blank(next))
			continue;
		size_t w1 = letters_before(c->s, c->len - 1);
		size_t n1 = c->len - 1 - w1;
		size_t n2 = letters_at(next->s);
		unsigned before = cp_before(c->s, c->len - 1, NULL);
		if (n2 == 0 || (n1 == 0 && !(before >= '0' && before <= '9')))
			continue;
		int conj = is_conjunction(next->s);
		int upper = is_upper(cp_at(next->s, NULL));
		const char *sep;
		if (conj)
			sep = " ";        /* "IT-Sicherheits- und …" */
		else if (upper || n1 == 0 || keep_hyphen(c->s + w1, n1, next->s, n2, lex))
			sep = "";         /* "E-Mail", "BVN-Mobil", "18-jährige" */
		else
			sep = NULL;       /* "Wasserkraft-werk" */
		size_t keep = sep ? c->len : c->len - 1;
		size_t sl = sep ? strlen(sep) : 0;
		char *s = malloc(keep + sl + next->len + 1);
		if (!s)
			return AW_ENOMEM;
		memcpy(s, c->s, keep);
		memcpy(s + keep, sep ? sep : "", sl);
		memcpy(s + keep + sl, next->s, next->len + 1);
		/* The whole token before the hyphen, "18" of "18-jährige" too. */
		size_t t1 = c->len - 1;
		while (t1 > 0 && c->s[t1 - 1] != ' ')
			t1--;
		char w[200];
		snprintf(w, sizeof w, "%.*s-%s%.*s", (int)(c->len - 1 - t1), c->s + t1,
		         conj ? " " : "", (int)n2, next->s);
		if (note(log, c->orig, conj ? "Zeilenumbruch in „%s“ entfernt, Ergänzungsstrich bleibt." :
		                       sep ? "Zeilenumbruch in „%s“ entfernt, Bindestrich bleibt." :
		                             "Silbentrennung „%s“ aufgehoben.", w)) {
			free(s);
			return AW_ENOMEM;
		}
		clines_set(l, i, s);
		clines_remove(l, i + 1);
		i--; /* the joined line may end in a hyphen again */
	}
	/* Inside a line: "ins- besondere". */
	for (size_t i = 0; i < l->n; i++) {
		struct cline *c = &l->v[i];
		for (size_t k = 1; k + 2 < c->len; k++) {
			/* Most lines have no hyphen: on to the next one. */
			const char *h = memchr(c->s + k, '-', c->len - 2 - k);
			if (!h)
				break;
			k = (size_t)(h - c->s);
			if (c->s[k + 1] != ' ')
				continue;
			size_t w1 = letters_before(c->s, k);
			if (w1 == k || !is_lower(cp_at(c->s + k + 2, NULL)) ||
			    is_conjunction(c->s + k + 2))
				continue;
			/* A hyphen after a comma-separated list ("Landes-, Bundes-")
			 * is never this case: it is followed by a comma. */
			size_t n2 = letters_at(c->s + k + 2);
			if (keep_hyphen(c->s + w1, k - w1, c->s + k + 2, n2, lex))
				continue;
			char w[200];
			snprintf(w, sizeof w, "%.*s- %.*s", (int)(k - w1), c->s + w1, (int)n2, c->s + k + 2);
			if (note(log, c->orig, "Silbentrennung „%s“ aufgehoben.", w))
				return AW_ENOMEM;
			memmove(c->s + k, c->s + k + 2, c->len - k - 1);
			c->len -= 2;
		}
	}
	return 0;
}

/* ---- hard-wrapped lines ------------------------------------------------- */

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

size_t clean_wrap_width(const struct clines *l)
{
	size_t *len = malloc((l->n ? l->n : 1) * sizeof *len), n = 0, w = 0;
	if (!len)
		return 0;
	for (size_t i = 0; i + 1 < l->n; i++)
		if (!blank(&l->v[i]) && !blank(&l->v[i + 1]) &&
		    !clean_starts_structure(l->v[i + 1].s))
			len[n++] = nchars(l->v[i].s, l->v[i].len);
	if (n >= 3) {
		qsort(len, n, sizeof *len, cmp_size);
		w = len[(n * 9) / 10 == n ? n - 1 : (n * 9) / 10];
		size_t near = 0;
		for (size_t i = 0; i < n; i++)
			near += len[i] * 10 >= w * 7;
		if (w > 130 || near * 2 < n || near < 3)
			w = 0;
	}
	/* Text wrapped at w has (almost) no line longer than w; a document
	 * of whole paragraphs, as antwort writes it, has many. */
	size_t lines = 0, longer = 0;
	for (size_t i = 0; w && i < l->n; i++) {
		if (blank(&l->v[i]))
			continue;
		lines++;
		longer += nchars(l->v[i].s, l->v[i].len) > w + 10;
	}
	if (w && longer * 10 > lines)
		w = 0;
	free(len);
	return w;
}

int clean_join_lines(struct clines *l, size_t w, struct strlist *log)
{
	size_t joined = 0;
	if (!w)
		return 0;
	for (size_t i = 0; i + 1 < l->n; i++) {
		if (blank(&l->v[i]))
			continue;
		/* tail: the length of the last input line now at the end of
		 * line i; a short one ended its paragraph. */
		size_t tail = nchars(l->v[i].s, l->v[i].len);
		while (i + 1 < l->n) {
			struct cline *c = &l->v[i], *next = &l->v[i + 1];
			if (blank(next) || clean_starts_structure(next->s))
				break;
			if (tail * 10 < w * 6 || cp_before(c->s, c->len, NULL) == ':') {
				if (ends_sentence(c) && clines_insert(l, i + 1, "", 0, next->orig))
					return AW_ENOMEM;
				break;
			}
			/* A long line that ends a sentence may end its paragraph
			 * too: left as it is. (Joining it would also join the
			 * paragraphs antwort writes on consecutive lines under a
			 * question, and reading its own output must change
			 * nothing.) */
			if (ends_sentence(c))
				break;
			char *s = malloc(c->len + 1 + next->len + 1);
			if (!s)
				return AW_ENOMEM;
			memcpy(s, c->s, c->len);
			s[c->len] = ' ';
			memcpy(s + c->len + 1, next->s, next->len + 1);
			tail = nchars(next->s, next->len);
			clines_set(l, i, s);
			clines_remove(l, i + 1);
			joined++;
		}
	}
	if (!joined)
		return 0;
	return note(log, l->n ? l->v[0].orig : 1,
	            "Der Text war fest umbrochen (etwa %zu Zeichen je Zeile); %zu Zeilenumbrüche "
	            "innerhalb von Absätzen wurden entfernt.", w, joined);
}

int clean_all(struct clines *l, const struct lexicon *lex, struct strlist *log)
{
	int rc;
	if ((rc = clean_collapsed(l, log)) || (rc = clean_run_on_headings(l, log)) ||
	    (rc = clean_letter_spacing(l, log)) || (rc = clean_whitespace(l, log)) ||
	    (rc = clean_navigation(l, log)) || (rc = clean_page_furniture(l, log)) ||
	    (rc = clean_footnotes(l, lex, log)))
		return rc;
	/* The width is measured before hyphenated words join their lines,
	 * which makes those lines longer than the text was wrapped at. */
	size_t w = clean_wrap_width(l);
	if ((rc = clean_hyphenation(l, lex, log)) || (rc = clean_join_lines(l, w, log)))
		return rc;
	return 0;
}
