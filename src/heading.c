/* heading.c: answer headings. A small hand-written reader: the grammar is
 * a list of numbers and ranges joined by commas, "und", "sowie", "bis" and
 * dashes, which a regular expression would only make harder to read. */
#include "heading.h"
#include "buf.h"
#include "error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_QUESTION 999

static const char *skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Matches word w at s followed by a space or end; returns the position
 * after it, or NULL. */
static const char *word(const char *s, const char *w)
{
	size_t n = strlen(w);
	if (strncmp(s, w, n) || (s[n] && s[n] != ' ' && s[n] != '\t'))
		return NULL;
	return s + n;
}

const char *const heading_ordinals[HEADING_NORDINALS] = {
	"Erstens", "Zweitens", "Drittens", "Viertens", "Fünftens", "Sechstens", "Siebtens",
	"Achtens", "Neuntens", "Zehntens",
};

static const char *const number_words[] = {
	"eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
	"elf", "zwölf",
};

static const char *number(const char *s, int *out)
{
	int v = 0, digits = 0;
	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (*s++ - '0');
		if (++digits > 3)
			return NULL;
	}
	if (!digits) {
		/* "Zu Frage eins bis drei:" */
		for (size_t i = 0; i < sizeof number_words / sizeof *number_words; i++) {
			size_t n = strlen(number_words[i]);
			if ((!strncmp(s, number_words[i], n) ||
			     (*s == number_words[i][0] - 32 && !strncmp(s + 1, number_words[i] + 1, n - 1))) &&
			    !((s[n] >= 'a' && s[n] <= 'z') || (unsigned char)s[n] >= 0x80)) {
				*out = (int)i + 1;
				return s + n;
			}
		}
		return NULL;
	}
	if (v == 0)
		return NULL;
	if (*s == '.' && s[1] >= '1' && s[1] <= '9' && v < 100) {
		/* decimal numbering: "Zu Frage 1.2:" */
		int minor = 0, md = 0;
		for (s++; *s >= '0' && *s <= '9'; s++)
			if (++md > 3)
				return NULL;
			else
				minor = minor * 10 + (*s - '0');
		v = v * HEADING_DECIMAL + minor;
	}
	if (*s == '.')           /* "Zu 1.:" and "Zu 1. und 2.:" */
		s++;
	*out = v;
	return s;
}

/* A dash: "-", "–" (U+2013) or "—" (U+2014). */
static const char *dash(const char *s)
{
	if (*s == '-')
		return s + 1;
	if (!strncmp(s, "\xE2\x80\x93", 3) || !strncmp(s, "\xE2\x80\x94", 3))
		return s + 3;
	return NULL;
}

static int add_range(int **v, size_t *n, size_t *cap, int from, int to)
{
	if (from > to || to - from > MAX_QUESTION ||
	    from / HEADING_DECIMAL != to / HEADING_DECIMAL)
		return 0;
	for (int k = from; k <= to; k++) {
		if (*n == *cap) {
			size_t c = *cap ? *cap * 2 : 8;
			int *nv = realloc(*v, c * sizeof *nv);
			if (!nv)
				return AW_ENOMEM;
			*v = nv;
			*cap = c;
		}
		(*v)[(*n)++] = k;
	}
	return 1;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Reads a list of question numbers at s ("1, 3 und 5 bis 7") into a
 * sorted, unique array. Returns the position after it, or NULL (with
 * *rc AW_ENOMEM when that was the reason). */
static const char *list(const char *s, int **covers, size_t *n, int *rc)
{
	int *v = NULL;
	size_t nv = 0, cap = 0;
	const char *t;

	*rc = 0;
	for (;;) {
		int from, to;
		if (!(t = number(s, &from)))
			goto no;
		s = skip_space(t);
		to = from;
		if ((t = word(s, "bis")) || (t = dash(s))) {
			s = skip_space(t);
			if (!(t = number(s, &to)))
				goto no;
			s = skip_space(t);
		}
		int r = add_range(&v, &nv, &cap, from, to);
		if (r < 0)
			*rc = r;
		if (r <= 0)
			goto no;
		if (*s == ',') {
			s = skip_space(s + 1);
			if ((t = word(s, "und")))
				s = skip_space(t);
		} else if ((t = word(s, "und")) || (t = word(s, "sowie"))) {
			s = skip_space(t);
		} else {
			break;
		}
	}
	qsort(v, nv, sizeof *v, cmp_int);
	size_t u = 0;
	for (size_t i = 0; i < nv; i++)
		if (u == 0 || v[u - 1] != v[i])
			v[u++] = v[i];
	*covers = v;
	*n = u;
	return s;
no:
	free(v);
	return NULL;
}

int heading_parse(const char *line, int **covers, size_t *n, size_t *rest)
{
	const char *s = line, *t;
	int rc;

	/* "Antwort zu Frage 1 und 3:" */
	if ((t = word(s, "Antwort")))
		s = skip_space(t);
	if (!(t = word(s, "Zu")) && !(t = word(s, "zu")))
		return 0;
	s = skip_space(t);
	if ((t = word(s, "den")) || (t = word(s, "der")))
		s = skip_space(t);
	if ((t = word(s, "Fragen")) || (t = word(s, "Frage")))
		s = skip_space(t);
	if (!(t = list(s, covers, n, &rc)))
		return rc;
	t = skip_space(t);
	if (*t == ':') {
		*rest = (size_t)(skip_space(t + 1) - line);
		return 1;
	}
	/* "Zu Frage 5" alone on its line, the colon forgotten */
	if (!*t) {
		*rest = (size_t)(t - line);
		return 1;
	}
	free(*covers);
	*covers = NULL;
	return 0;
}

int heading_parse_joint(const char *line, int **covers, size_t *n)
{
	const char *s = line, *t;
	int rc;
	if (!(t = word(s, "Die")) || !(t = word(skip_space(t), "Fragen")))
		return 0;
	if (!(t = list(skip_space(t), covers, n, &rc)))
		return rc;
	s = skip_space(t);
	if (!(t = word(s, "werden")))
		goto no;
	s = skip_space(t);
	if (!(t = word(s, "gemeinsam")) && !(t = word(s, "zusammen")))
		goto no;
	s = skip_space(t);
	if (strncmp(s, "beantwortet", 11) || *n < 2)
		goto no;
	return 1;
no:
	free(*covers);
	*covers = NULL;
	return 0;
}

/* "1", "1 und 2", "3 bis 5", "1, 3 und 5", "1 bis 3 und 5". Runs of three
 * or more consecutive numbers become a range. */
static int format_list(struct buf *b, const int *c, size_t n)
{
	size_t i = 0, items = 0;
	int rc = 0;
	/* Count the items first so the last joiner can be "und". */
	for (size_t j = 0; j < n; items++) {
		size_t k = j;
		while (k + 1 < n && c[k + 1] == c[k] + 1)
			k++;
		j = (k - j >= 2) ? k + 1 : j + 1;
	}
	for (size_t item = 0; i < n; item++) {
		size_t k = i;
		while (k + 1 < n && c[k + 1] == c[k] + 1)
			k++;
		if (item > 0)
			rc |= buf_adds(b, item + 1 == items ? " und " : ", ");
		if (k - i >= 2) {
			char x[16], y[16];
			rc |= buf_printf(b, "%s bis %s", heading_label(c[i], x), heading_label(c[k], y));
			i = k + 1;
		} else {
			char x[16];
			rc |= buf_adds(b, heading_label(c[i], x));
			i++;
		}
	}
	return rc ? AW_ENOMEM : 0;
}

char *heading_label(int number, char buf[16])
{
	if (number >= HEADING_DECIMAL)
		snprintf(buf, 16, "%d.%d", number / HEADING_DECIMAL, number % HEADING_DECIMAL);
	else
		snprintf(buf, 16, "%d", number);
	return buf;
}

char *heading_format(const int *covers, size_t n)
{
	struct buf b = BUF_INIT;
	int rc = 0;
	/* "Frage 1 und 2" is the house wording for a pair; every other group
	 * of several questions reads "den Fragen". */
	int plural = n > 2 || (n == 2 && covers[1] != covers[0] + 1);
	rc |= buf_adds(&b, plural ? "Zu den Fragen " : "Zu Frage ");
	rc |= format_list(&b, covers, n);
	rc |= buf_addc(&b, ':');
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

