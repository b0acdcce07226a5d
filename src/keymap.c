/* keymap.c: the command table, the default keys and the user's file. */
#include "keymap.h"
#include "error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name, *label, *help;
} commands[CMD_COUNT] = {
#define KEYMAP_ROW(id, name, label, help) {name, label, help},
	KEYMAP_COMMANDS(KEYMAP_ROW)
#undef KEYMAP_ROW
};

/* Office conventions first (Ctrl-S, Ctrl-Z, …), then what nano users
 * expect; the first key of a command is the one the key line shows. */
static const struct {
	const char *key;
	enum keymap_cmd cmd;
} defaults[] = {
	{"F1", CMD_HELP}, {"^S", CMD_SAVE}, {"^Z", CMD_UNDO}, {"^Y", CMD_REDO},
	{"^F", CMD_FIND}, {"F3", CMD_FIND_NEXT}, {"S-F3", CMD_FIND_PREV}, {"^R", CMD_REPLACE}, {"^G", CMD_GOTO_QUESTION},
	{"M-Down", CMD_NEXT_QUESTION}, {"M-Up", CMD_PREV_QUESTION}, {"Tab", CMD_NEXT_PANE},
	{"BTab", CMD_PREV_PANE}, {"^X", CMD_CUT}, {"^C", CMD_COPY}, {"^V", CMD_PASTE},
	{"M-z", CMD_JOIN_ANSWERS}, {"M-t", CMD_SPLIT_ANSWER}, {"^Q", CMD_QUIT},
	{"M-v", CMD_MERGE_QUESTIONS}, {"M-s", CMD_SPLIT_QUESTION}, {"F2", CMD_HEADER}, {"F7", CMD_CHECK_NEXT},
	{"F4", CMD_TEMPLATE}, {"S-F4", CMD_TEMPLATE_SAVE},
	{"^N", CMD_NEW_INQUIRY}, {"Esc", CMD_CANCEL}, {"^A", CMD_SELECT_ALL},
	{"Left", CMD_LEFT}, {"Right", CMD_RIGHT}, {"Up", CMD_UP}, {"Down", CMD_DOWN},
	{"C-Left", CMD_WORD_LEFT}, {"C-Right", CMD_WORD_RIGHT}, {"Home", CMD_LINE_START},
	{"End", CMD_LINE_END}, {"PgUp", CMD_PAGE_UP}, {"PgDn", CMD_PAGE_DOWN},
	{"C-Up", CMD_PARA_PREV}, {"C-Down", CMD_PARA_NEXT}, {"C-Home", CMD_TEXT_START},
	{"C-End", CMD_TEXT_END}, {"S-Left", CMD_SEL_LEFT}, {"S-Right", CMD_SEL_RIGHT},
	{"S-Up", CMD_SEL_UP}, {"S-Down", CMD_SEL_DOWN}, {"CS-Left", CMD_SEL_WORD_LEFT},
	{"CS-Right", CMD_SEL_WORD_RIGHT}, {"S-Home", CMD_SEL_LINE_START},
	{"S-End", CMD_SEL_LINE_END}, {"Backspace", CMD_DEL_BACK}, {"Del", CMD_DEL_FORWARD},
	{"M-Backspace", CMD_DEL_WORD_BACK}, {"C-Del", CMD_DEL_WORD_FORWARD},
	{"Enter", CMD_NEWLINE},
};

#define NDEFAULTS (sizeof defaults / sizeof *defaults)
#define KEY_MAX 16

struct binding {
	char key[KEY_MAX];
	enum keymap_cmd cmd;
};

struct keymap {
	struct binding *v;
	size_t n, cap;
};

const char *keymap_cmd_name(enum keymap_cmd c)
{
	return c < CMD_COUNT ? commands[c].name : "";
}

const char *keymap_cmd_label(enum keymap_cmd c)
{
	return c < CMD_COUNT ? commands[c].label : NULL;
}

const char *keymap_cmd_help(enum keymap_cmd c)
{
	return c < CMD_COUNT ? commands[c].help : "";
}

int keymap_cmd_by_name(const char *name)
{
	for (int c = 0; c < CMD_COUNT; c++)
		if (!strcmp(commands[c].name, name))
			return c;
	return -1;
}

int keymap_key_valid(const char *k)
{
	static const char *const plain[] = {"Ins", "Del", "C-Del", "Backspace", "M-Backspace",
	                                    "Enter", "Tab", "BTab", "Esc"};
	static const char *const movable[] = {"Left", "Right", "Up", "Down", "Home", "End",
	                                      "PgUp", "PgDn"};
	static const char *const prefixes[] = {"", "S-", "C-", "CS-", "M-"};
	for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
		if (!strcmp(k, plain[i]))
			return 1;
	if (k[0] == '^' && k[1] >= 'A' && k[1] <= 'Z' && !k[2])
		return 1;
	if (k[0] == 'M' && k[1] == '-' && k[2] > ' ' && k[2] < 0x7F && !k[3])
		return 1;
	const char *f = k[0] == 'S' && k[1] == '-' ? k + 2 : k;
	if (f[0] == 'F') {
		char *end;
		long n = strtol(f + 1, &end, 10);
		if (end != f + 1 && !*end && n >= 1 && n <= 12)
			return 1;
	}
	for (size_t p = 0; p < sizeof prefixes / sizeof *prefixes; p++) {
		size_t pl = strlen(prefixes[p]);
		if (strncmp(k, prefixes[p], pl))
			continue;
		for (size_t i = 0; i < sizeof movable / sizeof *movable; i++)
			if (!strcmp(k + pl, movable[i]))
				return 1;
	}
	return 0;
}

/* Binds key to cmd, replacing an earlier binding of the key. */
static int bind(struct keymap *km, const char *key, enum keymap_cmd cmd)
{
	for (size_t i = 0; i < km->n; i++)
		if (!strcmp(km->v[i].key, key)) {
			km->v[i].cmd = cmd;
			return 0;
		}
	if (km->n == km->cap) {
		size_t cap = km->cap ? 2 * km->cap : 64;
		struct binding *v = realloc(km->v, cap * sizeof *v);
		if (!v)
			return AW_ENOMEM;
		km->v = v;
		km->cap = cap;
	}
	snprintf(km->v[km->n].key, KEY_MAX, "%s", key);
	km->v[km->n++].cmd = cmd;
	return 0;
}

struct keymap *keymap_new(void)
{
	struct keymap *km = calloc(1, sizeof *km);
	for (size_t i = 0; km && i < NDEFAULTS; i++)
		if (bind(km, defaults[i].key, defaults[i].cmd)) {
			keymap_free(km);
			return NULL;
		}
	return km;
}

void keymap_free(struct keymap *km)
{
	if (km)
		free(km->v);
	free(km);
}

enum keymap_cmd keymap_lookup(const struct keymap *km, const char *key)
{
	for (size_t i = 0; i < km->n; i++)
		if (!strcmp(km->v[i].key, key))
			return km->v[i].cmd;
	return CMD_NONE;
}

size_t keymap_keys_for(const struct keymap *km, enum keymap_cmd c, const char **keys, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < km->n && n < max; i++)
		if (km->v[i].cmd == c)
			keys[n++] = km->v[i].key;
	return n;
}

const char *keymap_key_for(const struct keymap *km, enum keymap_cmd c)
{
	for (size_t i = 0; i < km->n; i++)
		if (km->v[i].cmd == c)
			return km->v[i].key;
	return NULL;
}

/* Trims spaces and tabs at both ends of s[0..*n); returns the start. */
static const char *trim(const char *s, size_t *n)
{
	while (*n && (*s == ' ' || *s == '\t')) {
		s++;
		(*n)--;
	}
	while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r'))
		(*n)--;
	return s;
}

static int problem(struct strlist *problems, int code, const char *file, size_t line,
                   const char *what, size_t wl)
{
	struct aw_error err;
	char detail[64], msg[512];
	snprintf(detail, sizeof detail, "%.*s", (int)(wl < 48 ? wl : 48), what ? what : "");
	aw_fail_at(&err, code, file, line, 0, detail);
	return strlist_add(problems, aw_error_message(&err, msg, sizeof msg));
}

int keymap_apply(struct keymap *km, const char *text, size_t len, const char *file,
                 struct strlist *problems)
{
	size_t line = 0;
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - (text + at)) : len - at;
		const char *s = trim(text + at, &n);
		at += (nl ? (size_t)(nl - (text + at)) + 1 : len - at);
		line++;
		if (!n || *s == '#')
			continue;
		const char *eq = memchr(s, '=', n);
		if (!eq) {
			if (problem(problems, AW_EKEYSYNTAX, file, line, NULL, 0))
				return AW_ENOMEM;
			continue;
		}
		size_t kl = (size_t)(eq - s), cl = n - kl - 1;
		const char *k = trim(s, &kl), *c = trim(eq + 1, &cl);
		char key[KEY_MAX], cmd[64];
		snprintf(key, sizeof key, "%.*s", (int)kl, k);
		snprintf(cmd, sizeof cmd, "%.*s", (int)cl, c);
		int id = cl < sizeof cmd ? keymap_cmd_by_name(cmd) : -1;
		int rc = 0;
		if (kl >= KEY_MAX || !keymap_key_valid(key))
			rc = problem(problems, AW_EKEYNAME, file, line, k, kl);
		else if (id < 0)
			rc = problem(problems, AW_EKEYCMD, file, line, c, cl);
		else
			rc = bind(km, key, (enum keymap_cmd)id);
		if (rc)
			return AW_ENOMEM;
	}
	return 0;
}
