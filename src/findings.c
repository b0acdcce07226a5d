/* findings.c: an open-addressing table from a paragraph's text to its
 * findings (offsets from the paragraph's start). */
#include "findings.h"
#include "error.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	uint64_t hash;
	char *text;               /* NULL: free slot */
	size_t len;
	struct finding *v;
	size_t n;
};

struct findings {
	struct checker *c;
	struct entry *tab;
	size_t cap, used;         /* cap a power of two */
	struct finding *out;      /* the last answer of findings_of() */
	size_t nout, capout;
};

/* A table this full is emptied rather than grown: the editor shows a few
 * hundred paragraphs, and an edit session makes new ones all day. */
#define MAX_USED 8192

static uint64_t hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

struct findings *findings_new(struct checker *c)
{
	struct findings *f = calloc(1, sizeof *f);
	if (f && !(f->tab = calloc(f->cap = 256, sizeof *f->tab))) {
		free(f);
		f = NULL;
	}
	if (f)
		f->c = c;
	return f;
}

void findings_clear(struct findings *f)
{
	for (size_t i = 0; i < f->cap; i++) {
		free(f->tab[i].text);
		free(f->tab[i].v);
	}
	memset(f->tab, 0, f->cap * sizeof *f->tab);
	f->used = 0;
}

void findings_free(struct findings *f)
{
	if (!f)
		return;
	findings_clear(f);
	free(f->tab);
	free(f->out);
	free(f);
}

static int grow(struct findings *f)
{
	size_t cap = f->cap * 2;
	struct entry *tab = calloc(cap, sizeof *tab);
	if (!tab)
		return AW_ENOMEM;
	for (size_t i = 0; i < f->cap; i++)
		if (f->tab[i].text) {
			size_t j = f->tab[i].hash & (cap - 1);
			while (tab[j].text)
				j = (j + 1) & (cap - 1);
			tab[j] = f->tab[i];
		}
	free(f->tab);
	f->tab = tab;
	f->cap = cap;
	return 0;
}

/* The entry of paragraph s[0..n), checked now if it is new. */
static const struct entry *lookup(struct findings *f, const char *s, size_t n)
{
	uint64_t h = hash(s, n);
	size_t i = h & (f->cap - 1);
	for (; f->tab[i].text; i = (i + 1) & (f->cap - 1))
		if (f->tab[i].hash == h && f->tab[i].len == n && !memcmp(f->tab[i].text, s, n))
			return &f->tab[i];
	if (f->used >= MAX_USED) {
		findings_clear(f);
		i = h & (f->cap - 1);
	} else if (2 * (f->used + 1) > f->cap) {
		if (grow(f))
			return NULL;
		i = h & (f->cap - 1);
		while (f->tab[i].text)
			i = (i + 1) & (f->cap - 1);
	}
	struct entry e = {h, malloc(n + 1), n, NULL, 0};
	if (!e.text || checker_check(f->c, s, n, &e.v, &e.n)) {
		free(e.text);
		return NULL;
	}
	memcpy(e.text, s, n);
	e.text[n] = '\0';
	f->tab[i] = e;
	f->used++;
	return &f->tab[i];
}

int findings_of(struct findings *f, const char *text, size_t len, const struct finding **out,
                size_t *n)
{
	f->nout = 0;
	for (size_t p = 0; p <= len;) {
		const char *nl = memchr(text + p, '\n', len - p);
		size_t end = nl ? (size_t)(nl - text) : len;
		const struct entry *e = end > p ? lookup(f, text + p, end - p) : NULL;
		if (end > p && !e)
			return AW_ENOMEM;
		for (size_t k = 0; e && k < e->n; k++) {
			if (f->nout == f->capout) {
				size_t cap = f->capout ? 2 * f->capout : 32;
				struct finding *v = realloc(f->out, cap * sizeof *v);
				if (!v)
					return AW_ENOMEM;
				f->out = v;
				f->capout = cap;
			}
			struct finding x = e->v[k];
			x.start += p;
			x.end += p;
			f->out[f->nout++] = x;
		}
		if (!nl)
			break;
		p = end + 1;
	}
	*out = f->out;
	*n = f->nout;
	return 0;
}
