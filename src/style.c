/* style.c: the house style rules (see style.h and share/stil.regeln). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "style.h"

#include "fileio.h"
#include "utf8.h"

#include <errno.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* MULTILINE because a rule sees one paragraph (line) and ^ $ should mean
 * its start and end; NEVER_BACKSLASH_C because \C matches one byte and
 * could end a hit inside a character. */
#define COMPILE_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_MULTILINE | PCRE2_NEVER_BACKSLASH_C)
/* NOTEMPTY: an empty hit marks nothing, and without it a pattern such as
 * "x*" would "match" at every position instead of finding the x's. */
#define MATCH_OPTIONS (PCRE2_NO_UTF_CHECK | PCRE2_NOTEMPTY)

/* Bounds for one paragraph, so that a badly written rule from a user's
 * file (nested quantifiers) gives up on that paragraph instead of hanging
 * the editor. The shipped rules stay far below both. */
#define MATCH_LIMIT 1000000u
#define JIT_STACK_MAX (1024u * 1024u)

struct rule {
	pcre2_code *re;
	pcre2_match_data *md;   /* reused by every match of this rule */
	char *message;
	char *replacement;      /* NULL: no ersatz; "" deletes the hit */
	size_t file;            /* index into struct style.files */
	size_t line;            /* line of "regel:" */
};

struct style {
	struct rule *v;
	size_t n, cap;
	struct strlist files;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jstack;    /* NULL when JIT is unavailable */
};

int style_new(struct style **out)
{
	*out = NULL;
	struct style *st = calloc(1, sizeof *st);
	if (!st)
		return AW_ENOMEM;
	st->mctx = pcre2_match_context_create(NULL);
	if (!st->mctx) {
		free(st);
		return AW_ENOMEM;
	}
	pcre2_set_match_limit(st->mctx, MATCH_LIMIT);
	/* JIT code keeps its backtracking on a stack of its own, 32 KB by
	 * default, which a long paragraph can exhaust; a larger one lets such
	 * paragraphs be checked. Without it, matching still works. */
	st->jstack = pcre2_jit_stack_create(32 * 1024, JIT_STACK_MAX, NULL);
	if (st->jstack)
		pcre2_jit_stack_assign(st->mctx, NULL, st->jstack);
	*out = st;
	return 0;
}

void style_free(struct style *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->n; i++) {
		pcre2_match_data_free(st->v[i].md);
		pcre2_code_free(st->v[i].re);
		free(st->v[i].message);
		free(st->v[i].replacement);
	}
	free(st->v);
	strlist_free(&st->files);
	pcre2_jit_stack_free(st->jstack);
	pcre2_match_context_free(st->mctx);
	free(st);
}

size_t style_rules(const struct style *st)
{
	return st->n;
}

const char *style_message(const struct style *st, size_t rule)
{
	return rule < st->n ? st->v[rule].message : "";
}

const char *style_origin(const struct style *st, size_t rule, size_t *line)
{
	if (rule >= st->n)
		return NULL;
	if (line)
		*line = st->v[rule].line;
	return st->files.v[st->v[rule].file];
}

int style_has_replacement(const struct style *st, size_t rule)
{
	return rule < st->n && st->v[rule].replacement != NULL;
}

/* ---- the replacement: $N, ${N}, $$ ---- */

/* Walks rep[0..n). With out == NULL only checks that no group above
 * `groups` is named (*bad gets the first such reference, as written);
 * otherwise appends the expansion, taking groups from ov (rc pairs set,
 * as pcre2_match returned) over text. A "$" not followed by a digit, "{"
 * digits "}" or "$" stands for itself, so "5 $" in an ersatz needs no
 * escaping. */
static int expand(const char *rep, size_t n, uint32_t groups, const char *text,
                  const PCRE2_SIZE *ov, int rc, struct buf *out, char *bad, size_t badsize)
{
	size_t i = 0;
	while (i < n) {
		if (rep[i] != '$' || i + 1 == n) {
			size_t j = i + 1;
			while (j < n && rep[j] != '$')
				j++;
			if (out && buf_add(out, rep + i, j - i))
				return AW_ENOMEM;
			i = j;
			continue;
		}
		size_t j = i + 1, num = 0, digits = 0;
		int braced = rep[j] == '{';
		if (rep[j] == '$') {
			if (out && buf_addc(out, '$'))
				return AW_ENOMEM;
			i = j + 1;
			continue;
		}
		if (braced)
			j++;
		while (j < n && rep[j] >= '0' && rep[j] <= '9') {
			if (num < 100000)   /* beyond any pattern's groups; no overflow */
				num = num * 10 + (size_t)(rep[j] - '0');
			j++;
			digits++;
		}
		if (digits == 0 || (braced && (j == n || rep[j] != '}'))) {
			if (out && buf_addc(out, '$'))
				return AW_ENOMEM;
			i++;
			continue;
		}
		if (braced)
			j++;
		if (!out) {
			if (num > groups) {
				snprintf(bad, badsize, "%.*s", (int)(j - i), rep + i);
				return AW_ESTYLEGROUP;
			}
		} else if (num < (size_t)rc && ov[2 * num] != PCRE2_UNSET) {
			if (buf_add(out, text + ov[2 * num], ov[2 * num + 1] - ov[2 * num]))
				return AW_ENOMEM;
		}
		i = j;
	}
	return 0;
}

/* ---- reading a rules file ---- */

/* Appends the sentence for one problem. 0 or AW_ENOMEM. */
static int report(struct strlist *problems, int code, const char *file, size_t line,
                  size_t col, const char *detail)
{
	if (!problems)
		return 0;
	struct aw_error e;
	char msg[2048];
	aw_fail_at(&e, code, file, line, col, detail);
	return strlist_add(problems, aw_error_message(&e, msg, sizeof msg));
}

/* Characters (not bytes) in s[0..n), for columns people count. */
static size_t chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

enum { K_REGEL, K_MELDUNG, K_ERSATZ, K_COUNT };
static const char *const key_names[K_COUNT] = {"regel", "meldung", "ersatz"};

/* A block of lines between blank lines, as read so far. */
struct block {
	int open;             /* some line of it has been read */
	int bad;              /* a problem was reported: skip it */
	size_t first;         /* its first line */
	int has[K_COUNT];
	const char *val[K_COUNT];
	size_t len[K_COUNT];
	size_t line[K_COUNT];
	size_t col[K_COUNT];  /* column (characters, 1-based) where the value starts */
};

static int add_rule(struct style *st, pcre2_code *re, const struct block *b)
{
	struct rule r = {0};
	r.re = re;
	r.file = st->files.n - 1;
	r.line = b->line[K_REGEL];
	r.md = pcre2_match_data_create_from_pattern(re, NULL);
	r.message = malloc(b->len[K_MELDUNG] + 1);
	if (b->has[K_ERSATZ])
		r.replacement = malloc(b->len[K_ERSATZ] + 1);
	if (!r.md || !r.message || (b->has[K_ERSATZ] && !r.replacement))
		goto fail;
	memcpy(r.message, b->val[K_MELDUNG], b->len[K_MELDUNG]);
	r.message[b->len[K_MELDUNG]] = '\0';
	if (r.replacement) {
		memcpy(r.replacement, b->val[K_ERSATZ], b->len[K_ERSATZ]);
		r.replacement[b->len[K_ERSATZ]] = '\0';
	}
	if (st->n == st->cap) {
		size_t cap = st->cap ? st->cap * 2 : 32;
		struct rule *v = realloc(st->v, cap * sizeof *v);
		if (!v)
			goto fail;
		st->v = v;
		st->cap = cap;
	}
	st->v[st->n++] = r;
	return 0;
fail:
	pcre2_match_data_free(r.md);
	pcre2_code_free(re);
	free(r.message);
	free(r.replacement);
	return AW_ENOMEM;
}

/* Turns a finished block into a rule, or reports why it cannot be one. */
static int finish(struct style *st, struct block *b, const char *file, struct strlist *problems)
{
	if (!b->open || b->bad)
		return 0;
	for (int k = K_REGEL; k <= K_MELDUNG; k++)
		if (!b->has[k] || b->len[k] == 0)
			return report(problems, AW_ESTYLEMISSING, file,
			              b->has[k] ? b->line[k] : b->first, 0, key_names[k]);

	int ec;
	PCRE2_SIZE off;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)b->val[K_REGEL], b->len[K_REGEL],
	                               COMPILE_OPTIONS, &ec, &off, NULL);
	if (!re) {
		if (ec == PCRE2_ERROR_HEAP_FAILED)
			return AW_ENOMEM;
		PCRE2_UCHAR msg[256];
		if (pcre2_get_error_message(ec, msg, sizeof msg) < 0)
			snprintf((char *)msg, sizeof msg, "PCRE2-Fehler %d", ec);
		if (off > b->len[K_REGEL])
			off = b->len[K_REGEL];
		return report(problems, AW_ESTYLEPAT, file, b->line[K_REGEL],
		              b->col[K_REGEL] + chars(b->val[K_REGEL], off), (const char *)msg);
	}

	if (b->has[K_ERSATZ]) {
		uint32_t groups = 0;
		char bad[64];
		pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &groups);
		if (expand(b->val[K_ERSATZ], b->len[K_ERSATZ], groups, NULL, NULL, 0, NULL, bad,
		           sizeof bad)) {
			pcre2_code_free(re);
			return report(problems, AW_ESTYLEGROUP, file, b->line[K_ERSATZ], 0, bad);
		}
	}
	/* Without JIT (not built in, or no executable memory) PCRE2 uses its
	 * interpreter: slower, not wrong. */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return add_rule(st, re, b);
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* One line of a block, not blank and not a comment. */
static int read_line(struct block *b, const char *s, size_t n, size_t lineno,
                     const char *file, struct strlist *problems)
{
	const char *colon = memchr(s, ':', n);
	if (!colon) {
		b->bad = 1;
		return report(problems, AW_ESTYLELINE, file, lineno, 0, "");
	}
	size_t ks = 0, ke = (size_t)(colon - s);
	while (ks < ke && is_blank(s[ks]))
		ks++;
	while (ke > ks && is_blank(s[ke - 1]))
		ke--;
	int k = 0;
	while (k < K_COUNT && !(strlen(key_names[k]) == ke - ks &&
	                        !strncasecmp(s + ks, key_names[k], ke - ks)))
		k++;
	if (k == K_COUNT || b->has[k]) {
		/* What stood before the colon, perhaps a whole sentence: cut on a
		 * character boundary so the message stays valid UTF-8. */
		char key[160];
		size_t kl = ke - ks;
		if (kl >= sizeof key) {
			kl = sizeof key - 1;
			while (kl > 0 && ((unsigned char)s[ks + kl] & 0xC0) == 0x80)
				kl--;
		}
		memcpy(key, s + ks, kl);
		key[kl] = '\0';
		b->bad = 1;
		return report(problems, k == K_COUNT ? AW_ESTYLEKEY : AW_ESTYLEDUP, file, lineno, 0,
		              key);
	}
	/* Spaces around the value are not part of it: nobody can see a
	 * trailing space in a file. A pattern that must begin or end with one
	 * writes it as \x20 or [ ]. */
	size_t vs = (size_t)(colon - s) + 1, ve = n;
	while (vs < ve && is_blank(s[vs]))
		vs++;
	while (ve > vs && is_blank(s[ve - 1]))
		ve--;
	b->has[k] = 1;
	b->val[k] = s + vs;
	b->len[k] = ve - vs;
	b->line[k] = lineno;
	b->col[k] = chars(s, vs) + 1;
	return 0;
}

int style_load(struct style *st, const char *text, size_t len, const char *file,
               struct strlist *problems)
{
	if (strlist_add(&st->files, file ? file : ""))
		return AW_ENOMEM;
	file = st->files.v[st->files.n - 1];

	struct block b = {0};
	size_t pos = 0, lineno = 0;
	int rc = 0;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		pos = 3;   /* a BOM from a Windows editor */
	while (pos <= len && rc == 0) {
		if (pos == len && (len == 0 || text[len - 1] == '\n'))
			break;   /* no line after the final newline */
		const char *s = text + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;
		pos += n + 1;
		lineno++;
		if (n > 0 && s[n - 1] == '\r')
			n--;

		size_t i = 0;
		while (i < n && is_blank(s[i]))
			i++;
		if (i == n) {
			rc = finish(st, &b, file, problems);
			memset(&b, 0, sizeof b);
			continue;
		}
		/* Comments are never read, so they neither open a block nor
		 * need to be valid UTF-8. */
		if (s[i] == '#')
			continue;
		if (!b.open) {
			b.open = 1;
			b.first = lineno;
		}
		if (b.bad)
			continue;
		size_t eline, ecol;
		if (utf8_validate(s, n, &eline, &ecol)) {
			b.bad = 1;
			rc = report(problems, AW_EUTF8, file, lineno, ecol, "");
			continue;
		}
		rc = read_line(&b, s, n, lineno, file, problems);
	}
	if (rc == 0)
		rc = finish(st, &b, file, problems);
	return rc;
}

int style_load_file(struct style *st, const char *path, struct strlist *problems,
                    struct aw_error *err)
{
	struct stat sb;
	if (stat(path, &sb) != 0 && errno == ENOENT)
		return 0;   /* no rules file: no style check, not an error */
	struct buf b = BUF_INIT;
	int rc = fileio_read(path, &b, err);
	if (rc == 0) {
		rc = style_load(st, b.s ? b.s : "", b.len, path, problems);
		if (rc)
			aw_fail(err, rc, path, "");
	}
	buf_free(&b);
	return rc;
}

/* ---- checking ---- */

struct hits {
	struct style_hit *v;
	size_t n, cap;
};

static int push_hit(struct hits *h, size_t start, size_t end, size_t rule)
{
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 64;
		if (cap > SIZE_MAX / sizeof *h->v)
			return AW_ENOMEM;
		struct style_hit *v = realloc(h->v, cap * sizeof *v);
		if (!v)
			return AW_ENOMEM;
		h->v = v;
		h->cap = cap;
	}
	h->v[h->n++] = (struct style_hit){start, end, rule};
	return 0;
}

/* The next place to try after a match ending at end that was tried from
 * pos: end itself, or (should a match not advance) the next character,
 * so the loop always moves on. */
static size_t next_pos(const char *text, size_t pos, size_t end, size_t lim)
{
	if (end > pos)
		return end;
	pos++;
	while (pos < lim && ((unsigned char)text[pos] & 0xC0) == 0x80)
		pos++;
	return pos;
}

/* Runs one rule over the paragraph text[ls..le). The subject ends at le,
 * so nothing matches across the paragraph's end, while lookbehinds still
 * see what comes before ls. For each match calls back with the ovector;
 * the callback returns 0 to go on, 1 to stop, <0 for an error. */
typedef int (*match_fn)(void *ctx, const PCRE2_SIZE *ov, int rc);

static int run_rule(const struct style *st, const struct rule *r, const char *text,
                    size_t ls, size_t le, match_fn fn, void *ctx)
{
	size_t pos = ls;
	while (pos < le) {
		int rc = pcre2_match(r->re, (PCRE2_SPTR)text, le, pos, MATCH_OPTIONS, r->md,
		                     st->mctx);
		if (rc == PCRE2_ERROR_NOMEMORY)
			return AW_ENOMEM;
		if (rc < 0)
			return 0;   /* no match, or a limit reached: nothing more here */
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
		int c = fn(ctx, ov, rc);
		if (c)
			return c < 0 ? c : 0;
		pos = next_pos(text, pos, ov[1], le);
	}
	return 0;
}

struct collect {
	struct hits *h;
	size_t rule;
};

static int collect_hit(void *ctx, const PCRE2_SIZE *ov, int rc)
{
	struct collect *c = ctx;
	(void)rc;
	if (ov[1] <= ov[0])
		return 0;
	return push_hit(c->h, ov[0], ov[1], c->rule);
}

static int cmp_hit(const void *a, const void *b)
{
	const struct style_hit *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return (x->rule > y->rule) - (x->rule < y->rule);
}

int style_check(const struct style *st, const char *text, size_t len,
                struct style_hit **hits, size_t *n)
{
	struct hits h = {0};
	int rc = 0;
	*hits = NULL;
	*n = 0;
	for (size_t ls = 0; ls < len && rc == 0;) {
		const char *nl = memchr(text + ls, '\n', len - ls);
		size_t le = nl ? (size_t)(nl - text) : len;
		for (size_t r = 0; r < st->n && rc == 0 && le > ls; r++) {
			struct collect c = {&h, r};
			rc = run_rule(st, &st->v[r], text, ls, le, collect_hit, &c);
		}
		ls = le + 1;
	}
	if (rc) {
		free(h.v);
		return rc;
	}
	if (h.n > 1)
		qsort(h.v, h.n, sizeof *h.v, cmp_hit);
	if (h.n == 0) {
		free(h.v);
		h.v = NULL;
	}
	*hits = h.v;
	*n = h.n;
	return 0;
}

/* ---- the replacement for one hit ---- */

struct refind {
	const struct style_hit *hit;
	const char *text;
	const char *replacement;
	struct buf *out;
	int found;
};

static int refind_hit(void *ctx, const PCRE2_SIZE *ov, int rc)
{
	struct refind *f = ctx;
	if (ov[0] > f->hit->start)
		return 1;   /* past it: the text has changed */
	if (ov[0] != f->hit->start || ov[1] != f->hit->end)
		return 0;
	f->found = 1;
	int e = expand(f->replacement, strlen(f->replacement), 0, f->text, ov, rc, f->out, NULL,
	               0);
	return e ? e : 1;
}

int style_replacement(const struct style *st, const struct style_hit *h, const char *text,
                      size_t len, struct buf *out)
{
	if (h->rule >= st->n || !st->v[h->rule].replacement)
		return AW_EINTERNAL;
	if (h->start >= h->end || h->end > len)
		return AW_ESTYLEGONE;
	/* The paragraph of the hit, searched as style_check() did: a match
	 * found through \K or a lookbehind may begin before the hit, so
	 * matching from the hit alone could give other groups. */
	size_t ls = h->start, le;
	while (ls > 0 && text[ls - 1] != '\n')
		ls--;
	const char *nl = memchr(text + h->start, '\n', len - h->start);
	le = nl ? (size_t)(nl - text) : len;
	if (h->end > le)
		return AW_ESTYLEGONE;

	struct buf tmp = BUF_INIT;
	struct refind f = {h, text, st->v[h->rule].replacement, &tmp, 0};
	int rc = run_rule(st, &st->v[h->rule], text, ls, le, refind_hit, &f);
	if (rc == 0 && !f.found)
		rc = AW_ESTYLEGONE;
	if (rc == 0 && buf_add(out, tmp.s ? tmp.s : "", tmp.len))
		rc = AW_ENOMEM;
	buf_free(&tmp);
	return rc;
}
