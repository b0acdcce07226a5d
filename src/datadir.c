/* datadir.c: finding stil.regeln, dict/woerter.txt and templates/ (see
 * datadir.h). */
#include "datadir.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The Makefile passes $(DATADIR); a build without it (the fuzzer's)
 * looks where `make install` puts the data by default. */
#ifndef ANTWORT_DATADIR
#define ANTWORT_DATADIR "/usr/local/share/antwort"
#endif

/* How far above the program's folder a source tree may be:
 * build/antwort is one level down, build/san/antwort two. */
#define SOURCE_LEVELS 3

const char *datadir_installed(void)
{
	return ANTWORT_DATADIR;
}

/* 1 when dir/name is a readable file. A path that does not fit in memory
 * counts as absent. */
static int has(const char *dir, const char *name)
{
	struct buf p = BUF_INIT;
	int ok = !buf_printf(&p, "%s/%s", dir, name) && access(p.s, R_OK) == 0;
	buf_free(&p);
	return ok;
}

static int is_source(const char *dir)
{
	return has(dir, "share/stil.regeln") && has(dir, "dict/woerter.txt");
}

/* Sets the paths for the folder dir, laid out as installed or as a
 * source tree. */
static int set(struct datadir *d, enum datadir_from from, const char *dir, int source)
{
	d->rules.len = d->words.len = d->templates.len = 0;
	d->from = from;
	if (buf_printf(&d->rules, "%s/%s", dir, source ? "share/stil.regeln" : "stil.regeln") ||
	    buf_printf(&d->words, "%s/dict/woerter.txt", dir) ||
	    buf_printf(&d->templates, "%s/templates", dir))
		return AW_ENOMEM;
	return 0;
}

/* The position of the last '/' in s[0..n), or NULL. */
static char *last_slash(char *s, size_t n)
{
	while (n > 0)
		if (s[--n] == '/')
			return s + n;
	return NULL;
}

/* The folder the running program lies in, from /proc/self/exe; 1 when
 * it is known (Linux), 0 when not, AW_ENOMEM. */
static int program_dir(struct buf *out)
{
	size_t cap = 256;
	for (;;) {
		char *s = malloc(cap);
		if (!s)
			return AW_ENOMEM;
		ssize_t n = readlink("/proc/self/exe", s, cap);
		if (n < 0) {
			free(s);
			return 0;
		}
		if ((size_t)n < cap) {
			char *slash = last_slash(s, (size_t)n);
			int rc = slash ? buf_add(out, s, (size_t)(slash - s)) : 0;
			free(s);
			return rc ? rc : slash != NULL;
		}
		free(s);
		cap *= 2;
	}
}

/* Cuts the last component off dir; 0 when there is none left. */
static int up(struct buf *dir)
{
	char *slash = last_slash(dir->s, dir->len);
	if (!slash || dir->len <= 1)
		return 0;
	dir->len = slash == dir->s ? 1 : (size_t)(slash - dir->s);
	dir->s[dir->len] = '\0';
	return 1;
}

int datadir_find(struct datadir *d)
{
	const char *env = getenv("ANTWORT_DATA");
	if (env && *env)
		return set(d, DATADIR_ENV, env, is_source(env));
	if (has(ANTWORT_DATADIR, "stil.regeln"))
		return set(d, DATADIR_INSTALLED, ANTWORT_DATADIR, 0);

	struct buf dir = BUF_INIT, moved = BUF_INIT;
	int rc = program_dir(&dir);
	if (rc <= 0)
		goto none;
	if ((rc = buf_printf(&moved, "%s/../share/antwort", dir.s)))
		goto out;
	if (has(moved.s, "stil.regeln")) {
		rc = set(d, DATADIR_INSTALLED, moved.s, 0);
		goto out;
	}
	for (int level = 0; level <= SOURCE_LEVELS; level++) {
		if (is_source(dir.s)) {
			rc = set(d, DATADIR_SOURCE, dir.s, 1);
			goto out;
		}
		if (!up(&dir))
			break;
	}
none:
	if (rc == 0) {
		d->from = DATADIR_NONE;
		d->rules.len = d->words.len = d->templates.len = 0;
		if (d->rules.s)
			d->rules.s[0] = '\0';
		if (d->words.s)
			d->words.s[0] = '\0';
		if (d->templates.s)
			d->templates.s[0] = '\0';
	}
out:
	buf_free(&dir);
	buf_free(&moved);
	return rc;
}

void datadir_free(struct datadir *d)
{
	buf_free(&d->rules);
	buf_free(&d->words);
	buf_free(&d->templates);
	d->from = DATADIR_NONE;
}
