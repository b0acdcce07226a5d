/* error.c: the German sentences for every error, from the table in error.h. */
#include "error.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char *sentence(int code)
{
	switch (code) {
#define AW_CASE(c, value, s) case c: return s;
	AW_ERRORS(AW_CASE)
#undef AW_CASE
	}
	return "Unbekannter Fehler; bitte melden Sie das dem Entwicklungsteam.";
}

/* Copies src into dst (size n), cutting at a UTF-8 character boundary
 * and marking the cut with "…". */
static void copy_cut(char *dst, size_t n, const char *src)
{
	size_t len = src ? strlen(src) : 0;
	if (len < n) {
		memcpy(dst, src ? src : "", len + 1);
		return;
	}
	size_t keep = n - 4; /* room for "…" (3 bytes) and NUL */
	while (keep > 0 && ((unsigned char)src[keep] & 0xC0) == 0x80)
		keep--;
	memcpy(dst, src, keep);
	memcpy(dst + keep, "\xE2\x80\xA6", 4);
}

int aw_fail_at(struct aw_error *err, int code, const char *file, size_t line,
               size_t col, const char *detail)
{
	if (err) {
		err->code = code;
		copy_cut(err->file, sizeof err->file, file);
		copy_cut(err->detail, sizeof err->detail, detail);
		err->line = line;
		err->col = col;
	}
	return code;
}

int aw_fail(struct aw_error *err, int code, const char *file, const char *detail)
{
	return aw_fail_at(err, code, file, 0, 0, detail);
}

const char *aw_strerror(int errnum)
{
	switch (errnum) {
	case ENOENT: return "Datei oder Ordner nicht gefunden";
	case EACCES: case EPERM: return "keine Berechtigung";
	case ENOSPC: case EDQUOT: return "kein Speicherplatz mehr frei";
	case EROFS: return "das Laufwerk ist schreibgeschützt";
	case ENOTDIR: return "ein Teil des Pfades ist kein Ordner";
	case EISDIR: return "das ist ein Ordner";
	case ENAMETOOLONG: return "der Name ist zu lang";
	case EIO: return "Ein-/Ausgabefehler des Laufwerks";
	case EPIPE: return "der Empfänger hat die Ausgabe geschlossen";
	case EMFILE: case ENFILE: return "zu viele offene Dateien";
	case ENOMEM: return "zu wenig Arbeitsspeicher";
	}
	return strerror(errnum);
}

char *aw_error_message(const struct aw_error *err, char *out, size_t outsize)
{
	const char *s = sentence(err->code);
	size_t o = 0;
	char num[32];

	if (outsize == 0)
		return out;
	while (*s && o + 1 < outsize) {
		const char *fill = NULL;
		size_t skip = 0;
		if (*s == '{') {
			if (!strncmp(s, "{datei}", 7)) {
				fill = err->file[0] ? err->file : "(Eingabe)";
				skip = 7;
			} else if (!strncmp(s, "{detail}", 8)) {
				fill = err->detail;
				skip = 8;
			} else if (!strncmp(s, "{zeile}", 7)) {
				snprintf(num, sizeof num, "%zu", err->line);
				fill = num;
				skip = 7;
			} else if (!strncmp(s, "{spalte}", 8)) {
				snprintf(num, sizeof num, "%zu", err->col);
				fill = num;
				skip = 8;
			}
		}
		if (fill) {
			size_t n = strlen(fill);
			if (n > outsize - 1 - o)
				n = outsize - 1 - o;
			memcpy(out + o, fill, n);
			o += n;
			s += skip;
		} else {
			out[o++] = *s++;
		}
	}
	out[o] = '\0';
	return out;
}
