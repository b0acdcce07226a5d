/* strlist.c: lists of owned strings. */
#include "strlist.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

int strlist_push(struct strlist *l, char *s)
{
	if (!s)
		return AW_ENOMEM;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4;
		char **v = realloc(l->v, cap * sizeof *v);
		if (!v) {
			free(s);
			return AW_ENOMEM;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = s;
	return 0;
}

int strlist_addn(struct strlist *l, const char *s, size_t len)
{
	char *copy = malloc(len + 1);
	if (!copy)
		return AW_ENOMEM;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return strlist_push(l, copy);
}

int strlist_add(struct strlist *l, const char *s)
{
	return strlist_addn(l, s, strlen(s));
}

int strlist_equal(const struct strlist *a, const struct strlist *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]))
			return 0;
	return 1;
}

void strlist_free(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
