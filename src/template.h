/* template.h: the departments' standard positions (Textbausteine): one
 * text file each, templates/<ressort>/<name>.txt, in the workspace and in
 * antwort's own data. Plain C: no curses, no git. Format for people:
 * docs/handbuch.md, chapter "Textbausteine".
 *
 * A file is a header of "Schlüssel: Wert" lines, a blank line, then the
 * paragraphs (separated by blank lines; the lines of one paragraph are
 * joined with a space):
 *
 *     Ressort: Finanzen
 *     Titel: Haushaltsvorbehalt
 *     Schlagworte: Haushalt, Finanzierung
 *     Stand: 15.01.2026
 *     Gültig-bis: 31.12.2026          (optional)
 *     Ansprechpartner: Referat 20     (optional)
 *     Beispiel: ja                    (optional: "ja" or "nein")
 *
 *     Die Maßnahme steht unter dem Vorbehalt …
 *
 * Keys are matched without regard to ASCII case; "Gültig bis" and
 * "Gueltig-bis" are accepted for "Gültig-bis". Dates are "15.01.2026",
 * "15.1.2026", "2026-01-15" or "15. Januar 2026".
 *
 * Placeholders are {{name}} (blanks inside the braces are allowed): a
 * name is letters (umlauts too), digits, '-' and '_', beginning with a
 * letter. The built-ins (TEMPLATE_BUILTINS) are filled from the inquiry;
 * every other name is free and asked for on insertion. "\{{" writes a
 * literal "{{" (the backslash is dropped); a "}}" outside a placeholder
 * is plain text.
 *
 * Every struct template owns its strings; template_lib_free() releases
 * a library and everything in it. Problems are German sentences for
 * people, "file:line: …", appended to a strlist the caller owns. */
#ifndef ANTWORT_TEMPLATE_H
#define ANTWORT_TEMPLATE_H

#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "inquiry.h"
#include "strlist.h"

/* The folder below a workspace's top folder and antwort's data. */
#define TEMPLATE_DIR "templates"

/* The built-in placeholders, in the order the handbook lists them. */
#define TEMPLATE_BUILTINS {"nummer", "titel", "fraktion", "sitzung", "frage", "heute", "ressort"}
#define TEMPLATE_NBUILTINS 7

/* Twelve months after Stand a template is stale. */
#define TEMPLATE_STALE_MONTHS 12

struct template {
	char *name;            /* "finanzen/haushaltssperre": the path below
	                        * templates/ without ".txt" */
	char *path;            /* the file it was read from */
	char *ressort, *titel, *schlagworte, *ansprechpartner;   /* optional ones NULL */
	int stand_y, stand_m, stand_d;   /* Stand */
	int bis_y, bis_m, bis_d;         /* Gültig-bis, 0 when absent */
	int example;           /* "Beispiel: ja" in its header */
	int from_workspace;    /* 1: the workspace's, 0: the project's */
	char *text;            /* the paragraphs joined with '\n', as the editor
	                        * inserts them; placeholders not yet filled */
	size_t titel_line;     /* the file's line of "Titel:" (1-based) */
	size_t body_line;      /* the file's line where the text begins */
};

struct template_lib {
	struct template *v;    /* sorted by name */
	size_t n;
};

#define TEMPLATE_LIB_INIT {NULL, 0}

/* Reads one template from text[0..len) (a file's contents; a UTF-8 BOM
 * and CR before LF are allowed) into *t; path is kept in t->path and used
 * in messages, name in t->name. Returns 0 when the template is usable,
 * AW_EDOC when it is not (required field missing, Stand unreadable, no
 * text, not UTF-8): then *t is empty and the reasons are in problems
 * (may be NULL). Lesser faults (those template_check_text() reports) do
 * not stop it. AW_ENOMEM. */
int template_parse(const char *text, size_t len, const char *path, const char *name,
                   struct template *t, struct strlist *problems);

/* Releases what t owns and leaves it empty. */
void template_free(struct template *t);

/* All templates under the project's folder project_dir (NULL: none) and
 * the workspace's templates folder ws_dir (NULL: none; both are the
 * templates folders themselves), each "<ressort>/<name>.txt" (files
 * directly in the folder count too, named without a ressort; hidden files
 * and folders, and files not ending in ".txt", are skipped). The
 * workspace's win on the same name. A folder that does not exist is no
 * error. Files that do not read give German sentences "file:line: …" in
 * problems (may be NULL) and are left out. lib must be empty
 * (TEMPLATE_LIB_INIT); on failure it is left empty. 0, AW_ENOMEM, or
 * AW_EOPEN/AW_EREAD (err filled) for a folder that exists but cannot be
 * read. */
int template_lib_load(struct template_lib *lib, const char *project_dir, const char *ws_dir,
                      struct strlist *problems, struct aw_error *err);
void template_lib_free(struct template_lib *lib);

/* The template files below the folder dir as template_lib_load() finds
 * them: names ("finanzen/x", prefixed with prefix, which may be NULL)
 * and paths appended to the two lists, sorted by name. A folder that does
 * not exist adds nothing. 0, AW_ENOMEM, AW_EOPEN (err). */
int template_files(const char *dir, const char *prefix, struct strlist *names,
                   struct strlist *paths, struct strlist *problems, struct aw_error *err);

/* A template by name: the exact name, else the one template whose name
 * begins with it, else the one whose part after the ressort ("keine-
 * erkenntnisse") begins with it. NULL when none or several match;
 * template_lookup() tells them apart. */
const struct template *template_find(const struct template_lib *lib, const char *name);

/* Like template_find(), but returns how many match (0, 1, or more) and
 * sets *out to the match when there is exactly one (else NULL). */
size_t template_lookup(const struct template_lib *lib, const char *name,
                       const struct template **out);

/* 1 when stale at date (y, m, d): that day is later than Stand plus
 * twelve months (on the day twelve months after Stand it is still fresh;
 * 29 February plus twelve months is 28 February), or later than
 * Gültig-bis (valid through that day). */
int template_stale(const struct template *t, int y, int m, int d);

/* 1 when the reason is Gültig-bis (past), for the message; else 0. */
int template_expired(const struct template *t, int y, int m, int d);

/* The templates matching query: every word of the query (split at
 * blanks) found, case-insensitive (ASCII and the umlauts Ä Ö Ü), umlauts
 * as written (no "ae" for "ä"), in the title, Schlagworte, Ressort or
 * text. Ranked: every word in the title first; then every word in title,
 * Schlagworte or Ressort; then the rest; within a rank by Titel (German
 * order, umlauts as their base letter), then name. Empty query (or only
 * blanks): all, sorted by Ressort, then Titel, then name. *idx is
 * malloc'd (free(); NULL when *n is 0), indexes into lib->v.
 * 0 or AW_ENOMEM. */
int template_filter(const struct template_lib *lib, const char *query, size_t **idx,
                    size_t *n);

/* 1 when name is a built-in placeholder. */
int template_is_builtin(const char *name);

/* Overwrites every well-formed placeholder in s[0..n) with '0' bytes
 * (the same length, so offsets and columns stay), for the spelling
 * check: names are no words, and a number upsets neither the speller nor
 * the style rules. */
void template_mask(char *s, size_t n);

/* The free placeholders of text (not built-in, well-formed), each once,
 * in order of first appearance, appended to names. 0 or AW_ENOMEM. */
int template_free_names(const char *text, struct strlist *names);

/* The built-in placeholders text uses, each once, in the order of
 * TEMPLATE_BUILTINS, appended to names. 0 or AW_ENOMEM. */
int template_builtin_names(const char *text, struct strlist *names);

/* What fills the built-ins. Any field may be unknown (q NULL, question
 * 0, today 0, ressort NULL): the placeholder then stays and is missing. */
struct template_context {
	const struct inquiry *q;
	int question;               /* number of the question answered, 0 none */
	int today_y, today_m, today_d;
	const char *ressort;        /* usually the template's Ressort */
};

/* Appends text with every placeholder filled to out: built-ins from ctx
 *   nummer   q->number ("L4")
 *   titel    q->title
 *   fraktion q->askers ("Fraktion der SPD")
 *   sitzung  the session date, "4. April 2017"
 *   frage    the question's number ("2")
 *   heute    today, "4. April 2017"
 *   ressort  ctx->ressort
 * and free ones from names/values (parallel lists; either may be NULL).
 * A placeholder with no value (or an empty one) is left as written
 * ("{{name}}") and its name appended to missing (may be NULL), each name
 * once. "\{{" becomes "{{"; a malformed placeholder is copied as it
 * stands. 0 or AW_ENOMEM. */
int template_fill(const char *text, const struct template_context *ctx,
                  const struct strlist *names, const struct strlist *values, struct buf *out,
                  struct strlist *missing);

/* The problems of one template file, as `antwort template check` reports
 * them, appended to problems as "path:line: …" sentences: text not
 * UTF-8; header lines without a colon, unknown keys, keys twice, empty
 * values; Ressort, Titel or Stand missing; dates not understood
 * (Stand, Gültig-bis), Gültig-bis before Stand, "Beispiel" neither "ja"
 * nor "nein"; no text after the header; placeholders "{{" not closed,
 * "{{}}" without a name, names with other characters, and names that
 * look like a misspelt built-in (one letter off, or differing only in
 * case: "{{numer}}", "{{Nummer}}"). Spelling is not checked here (the
 * command does it with check.h). 0 or AW_ENOMEM. */
int template_check_text(const char *text, size_t len, const char *path,
                        struct strlist *problems);

/* Where in a file the Titel line and the text begin (1-based; 0 when
 * there is none), as template_parse() reads them, also for a file with
 * problems; both 0 when the file is not UTF-8. 0 or AW_ENOMEM. */
int template_lines(const char *text, size_t len, size_t *titel_line, size_t *body_line);

/* The problems of a set of templates read together: two with the same
 * name, ASCII case aside (from different folders, or "Finanzen/x.txt"
 * beside "finanzen/x.txt", which collide on Windows shares), and two of one Ressort with the same
 * Titel (the picker could not tell them apart). One sentence per later
 * one, "path:1: …". 0 or AW_ENOMEM. */
int template_check_set(const struct template *v, size_t n, struct strlist *problems);

/* The file text of a new template, appended to out: header in the
 * canonical order (Ressort, Titel, Schlagworte, Stand, Ansprechpartner;
 * the optional ones only when not NULL or empty), a blank line, then the
 * paragraphs of body ('\n' between them, as the editor holds them) with
 * a blank line between each two, ending in '\n'. Empty paragraphs are
 * left out; body is written as it is (placeholders stay placeholders).
 * 0 or AW_ENOMEM. */
int template_format(const char *ressort, const char *titel, const char *schlagworte, int sy,
                    int sm, int sd, const char *ansprechpartner, const char *body,
                    struct buf *out);

/* The same for every field of t (Gültig-bis and "Beispiel: ja" too). */
int template_write(const struct template *t, struct buf *out);

/* A file name for a title: "Haushaltssperre 2026" → "haushaltssperre-2026"
 * (ASCII small letters, digits and '-', umlauts spelt out "ae", "ss"; at
 * most size - 1 bytes, cut at a '-' where possible; "baustein" when
 * nothing is left). Returns 0, AW_ENOMEM, or AW_EINTERNAL when size < 2. */
int template_slug(const char *titel, char *out, size_t size);

/* The commit trailer line for a save that inserted t, without newline:
 * "Textbaustein: finanzen/haushaltssperre, Stand 15.01.2026". Appended
 * to out. 0 or AW_ENOMEM. */
#define TEMPLATE_TRAILER_KEY "Textbaustein"
int template_trailer(const struct template *t, struct buf *out);

/* Reads a date as the header does ("15.01.2026", "15.1.2026",
 * "2026-01-15", "15. Januar 2026"); 0, or -1 when it is not one (or not
 * a day of the calendar, years 1900 to 9999). */
int template_parse_date(const char *s, int *y, int *m, int *d);

/* "15.01.2026" / "4. April 2017" into out (at least 32 bytes); out. */
char *template_date_dots(int y, int m, int d, char *out, size_t size);
char *template_date_long(int y, int m, int d, char *out, size_t size);

#endif
