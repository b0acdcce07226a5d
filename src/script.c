/* script.c: reading a key script line by line into events. */
#include "script.h"
#include "fileio.h"
#include "keymap.h"
#include "utf8.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct script {
	struct buf text;
	const char *path;
	size_t pos;        /* start of the next line */
	size_t line;       /* number of the line being read */
	const char *rest;  /* what is left of a "key" or "type" line */
	size_t restlen;
	int typing;        /* rest holds characters, not key names */
};

int script_open(const char *path, struct script **out, struct aw_error *err)
{
	struct script *sc = calloc(1, sizeof *sc);
	if (!sc)
		return aw_fail(err, AW_ENOMEM, path, "");
	int rc = fileio_read(path, &sc->text, err);
	size_t line, col;
	if (!rc && utf8_validate(sc->text.s ? sc->text.s : "", sc->text.len, &line, &col))
		rc = aw_fail_at(err, AW_EUTF8, path, line, col, "");
	if (rc) {
		script_free(sc);
		return rc;
	}
	sc->path = path;
	*out = sc;
	return 0;
}

void script_free(struct script *sc)
{
	if (!sc)
		return;
	buf_free(&sc->text);
	free(sc);
}

static int fail(struct script *sc, struct aw_error *err, const char *what)
{
	return aw_fail_at(err, AW_ESCRIPT, sc->path, sc->line, 0, what);
}

/* The next word of the pending rest of a "key" line, as a key event. */
static int next_key(struct script *sc, struct event *ev, struct aw_error *err)
{
	while (sc->restlen && *sc->rest == ' ')
		sc->rest++, sc->restlen--;
	size_t n = 0;
	while (n < sc->restlen && sc->rest[n] != ' ')
		n++;
	if (n >= sizeof ev->key)
		return fail(sc, err, "Tastenname zu lang");
	memcpy(ev->key, sc->rest, n);
	ev->key[n] = '\0';
	sc->rest += n;
	sc->restlen -= n;
	while (sc->restlen && *sc->rest == ' ')
		sc->rest++, sc->restlen--;
	if (!keymap_key_valid(ev->key))
		return fail(sc, err, "unbekannte Taste");
	ev->kind = EV_KEY;
	return 1;
}

/* The next character of a "type" line. */
static int next_char(struct script *sc, struct event *ev)
{
	unsigned cp;
	size_t n = utf8_decode(sc->rest, sc->restlen, &cp);
	if (!n)
		n = 1;
	ev->kind = EV_CHAR;
	if (buf_add(&ev->text, sc->rest, n))
		return AW_ENOMEM;
	sc->rest += n;
	sc->restlen -= n;
	return 1;
}

/* Pasted text with its escapes undone. */
static int unescape(struct buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\\' && i + 1 < n) {
			char e = s[++i];
			c = e == 'n' ? '\n' : e == 't' ? '\t' : e;
		}
		if (buf_addc(out, c))
			return AW_ENOMEM;
	}
	return 0;
}

/* 1 when the line starts with the instruction word w, with args after it. */
static int is(const char *line, size_t len, const char *w, const char **args, size_t *alen)
{
	size_t n = strlen(w);
	if (len < n || strncmp(line, w, n) || (len > n && line[n] != ' '))
		return 0;
	*args = line + n + (len > n);
	*alen = len - n - (len > n);
	return 1;
}

int script_next(struct script *sc, struct event *ev, struct aw_error *err)
{
	ev->text.len = 0;
	if (ev->text.s)
		ev->text.s[0] = '\0';
	ev->key[0] = '\0';
	if (sc->restlen)
		return sc->typing ? next_char(sc, ev) : next_key(sc, ev, err);
	while (sc->pos < sc->text.len) {
		const char *line = sc->text.s + sc->pos;
		size_t len = strcspn(line, "\n");
		sc->pos += len + (sc->pos + len < sc->text.len);
		sc->line++;
		/* Trailing blanks are kept for "type" and "paste": they may be
		 * the point of the line. */
		if (len && line[len - 1] == '\r')
			len--;
		if (strncmp(line, "type ", 5) && strncmp(line, "paste ", 6))
			while (len && line[len - 1] == ' ')
				len--;
		if (!len || line[0] == '#')
			continue;
		const char *a;
		size_t alen;
		if (is(line, len, "key", &a, &alen) || is(line, len, "type", &a, &alen)) {
			sc->typing = line[0] == 't';
			sc->rest = a;
			sc->restlen = alen;
			if (!alen)
				return fail(sc, err, sc->typing ? "nichts zu tippen" : "keine Taste angegeben");
			return sc->typing ? next_char(sc, ev) : next_key(sc, ev, err);
		}
		if (is(line, len, "paste", &a, &alen)) {
			ev->kind = EV_PASTE;
			return unescape(&ev->text, a, alen) ? AW_ENOMEM : 1;
		}
		if (is(line, len, "click", &a, &alen) || is(line, len, "resize", &a, &alen)) {
			int resize = line[0] == 'r';
			char tmp[64] = "";
			memcpy(tmp, a, alen < sizeof tmp - 1 ? alen : sizeof tmp - 1);
			int x, y;
			char extra;
			if (sscanf(tmp, "%d %d %c", &x, &y, &extra) != 2 || x < 0 || y < 0)
				return fail(sc, err, "zwei Zahlen erwartet");
			ev->kind = resize ? EV_RESIZE : EV_CLICK;
			/* click ROW COL; resize COLS ROWS */
			ev->row = resize ? y : x;
			ev->col = resize ? x : y;
			return 1;
		}
		if (is(line, len, "idle", &a, &alen) && !alen) {
			ev->kind = EV_IDLE;
			return 1;
		}
		if (is(line, len, "screen", &a, &alen) && !alen) {
			ev->kind = EV_SCREEN;
			return 1;
		}
		if (is(line, len, "signal", &a, &alen)) {
			ev->kind = EV_SIGNAL;
			if (alen == 3 && !strncmp(a, "HUP", 3))
				ev->sig = SIGHUP;
			else if (alen == 4 && !strncmp(a, "TERM", 4))
				ev->sig = SIGTERM;
			else
				return fail(sc, err, "nur HUP oder TERM");
			return 1;
		}
		return fail(sc, err, "unbekannte Anweisung");
	}
	ev->kind = EV_END;
	return 0;
}
