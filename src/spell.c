/* spell.c: word lists over the system dictionary, with a cache of
 * verdicts; what a text's tokens (tokens.h) mean for the check. */
#include "spell.h"
#include "fileio.h"
#include "speller.h"
#include "tokens.h"
#include "utf8.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SUGGEST_MAX 9
/* Past this many different words the cache starts afresh, so that a very
 * long session cannot grow it without end (a long Große Anfrage has a few
 * thousand different words). */
#define CACHE_MAX (1u << 18)
/* List words compared for suggestions are at most this long, in
 * characters; the edit distance needs a row per character. */
#define NEAR_MAX 64

/* An open-addressing hash map from byte strings to an int: the pooled
 * word lists (value unused) and the cache of verdicts. */
struct hent {
	char *key;          /* NUL-terminated copy, owned */
	size_t len;
	uint64_t hash;
	int val;
};

struct hmap {
	struct hent *v;
	size_t cap, n;      /* cap a power of two, or 0 */
};

struct spell {
	struct speller *dic;
	struct hmap words, cache;
	struct spell_stats st;
};

static uint64_t hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;            /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3u;
	}
	return h;
}

/* The slot holding k, or the empty one where it would go (cap > 0). */
static struct hent *hmap_slot(const struct hmap *m, const char *k, size_t n, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);
	for (;;) {
		struct hent *e = &m->v[i];
		if (!e->key || (e->hash == h && e->len == n && !memcmp(e->key, k, n)))
			return e;
		i = (i + 1) & (m->cap - 1);
	}
}

static struct hent *hmap_get(const struct hmap *m, const char *k, size_t n)
{
	if (!m->n)
		return NULL;
	struct hent *e = hmap_slot(m, k, n, hash(k, n));
	return e->key ? e : NULL;
}

static int hmap_grow(struct hmap *m)
{
	struct hmap nm = {calloc(m->cap ? m->cap * 2 : 64, sizeof(struct hent)),
	                  m->cap ? m->cap * 2 : 64, m->n};
	if (!nm.v)
		return AW_ENOMEM;
	for (size_t i = 0; i < m->cap; i++)
		if (m->v[i].key)
			*hmap_slot(&nm, m->v[i].key, m->v[i].len, m->v[i].hash) = m->v[i];
	free(m->v);
	*m = nm;
	return 0;
}

static int hmap_put(struct hmap *m, const char *k, size_t n, int val)
{
	if ((m->n + 1) * 4 > m->cap * 3 && hmap_grow(m))
		return AW_ENOMEM;
	uint64_t h = hash(k, n);
	struct hent *e = hmap_slot(m, k, n, h);
	if (e->key) {
		e->val = val;
		return 0;
	}
	char *key = malloc(n + 1);
	if (!key)
		return AW_ENOMEM;
	memcpy(key, k, n);
	key[n] = '\0';
	*e = (struct hent){key, n, h, val};
	m->n++;
	return 0;
}

static void hmap_free(struct hmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->v[i].key);
	free(m->v);
	*m = (struct hmap){NULL, 0, 0};
}

static size_t utf8_put(unsigned cp, char *o)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int spell_open(struct spell **out, const char *dict_base, struct aw_error *err)
{
	struct spell *sp = calloc(1, sizeof *sp);
	if (!sp)
		return aw_fail(err, AW_ENOMEM, "", "");
	int rc = speller_open(&sp->dic, dict_base, err);
	if (rc) {
		free(sp);
		return rc;
	}
	*out = sp;
	return 0;
}

void spell_close(struct spell *sp)
{
	if (!sp)
		return;
	speller_close(sp->dic);
	hmap_free(&sp->words);
	hmap_free(&sp->cache);
	free(sp);
}

void spell_get_stats(const struct spell *sp, struct spell_stats *st)
{
	*st = sp->st;
	st->words = sp->words.n;
}

/* w (normalised) in a list, or with a small first letter: a list word
 * may start a sentence. */
static int in_lists(struct spell *sp, const char *w, size_t n)
{
	if (hmap_get(&sp->words, w, n))
		return 1;
	unsigned cp;
	size_t l = utf8_decode(w, n, &cp);
	unsigned lo = tokens_to_lower(cp);
	char buf[256];
	if (lo == cp || n - l + 4 > sizeof buf)
		return 0;
	size_t k = utf8_put(lo, buf);
	memcpy(buf + k, w + l, n - l);
	return hmap_get(&sp->words, buf, k + n - l) != NULL;
}

/* The verdict on one form, without the cache. */
static int lookup(struct spell *sp, const char *w, size_t n)
{
	char small[256], *norm = n <= sizeof small ? small : malloc(n);
	if (!norm)
		return 0;
	size_t m = tokens_normalize(w, n, norm);
	int ok = m > 0 && in_lists(sp, norm, m);
	if (!ok && m > 0) {
		sp->st.dictionary++;
		ok = speller_check(sp->dic, norm, m);
	}
	if (norm != small)
		free(norm);
	return ok;
}

int spell_known(struct spell *sp, const char *word, size_t len)
{
	sp->st.lookups++;
	if (!len)
		return 0;
	struct hent *e = hmap_get(&sp->cache, word, len);
	if (e) {
		sp->st.cached++;
		return e->val;
	}
	int v = lookup(sp, word, len);
	if (sp->cache.n >= CACHE_MAX)
		hmap_free(&sp->cache);
	(void)hmap_put(&sp->cache, word, len, v);   /* out of memory: only slower */
	return v;
}

/* Adds a word form to the pool, composed as lookups are. */
static int add_form(struct spell *sp, const char *w, size_t n)
{
	char small[256], *norm = n <= sizeof small ? small : malloc(n);
	if (!norm)
		return AW_ENOMEM;
	size_t m = tokens_normalize(w, n, norm);
	int rc = m ? hmap_put(&sp->words, norm, m, 1) : 0;
	if (norm != small)
		free(norm);
	/* A cached "unknown" for this word, or for its capitalised form,
	 * would now be wrong; words are added rarely, so start afresh. */
	hmap_free(&sp->cache);
	return rc;
}

int spell_add_word(struct spell *sp, const char *word, size_t len)
{
	return add_form(sp, word, len);
}

/* A sentence for problems about line of path; s[0..n) is the line. */
static int list_problem(struct strlist *problems, int code, const char *path, size_t line,
                        size_t col, const char *s, size_t n)
{
	if (!problems)
		return 0;
	char detail[80], msg[1024];
	size_t keep = n;
	if (keep > 60) {
		keep = 60;
		while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80)
			keep--;
	}
	memcpy(detail, s, keep);
	strcpy(detail + keep, keep < n ? "\xE2\x80\xA6" : "");
	struct aw_error e;
	aw_fail_at(&e, code, path, line, col, code == AW_EWORDUTF8 ? "" : detail);
	return strlist_add(problems, aw_error_message(&e, msg, sizeof msg));
}

/* What may stand in a word-list line: what a checked word is made of
 * (letters, digits, hyphens, apostrophes, the dot of an abbreviation). */
static int list_char(unsigned cp)
{
	return (utf8_class(cp) == UTF8_WORD && cp != 0xFFFD) || cp == '-' || cp == 0x2010 ||
	       cp == 0x2011 || cp == '\'' || cp == 0x2019 || cp == '.';
}

static int add_text(struct spell *sp, const char *path, const char *text, size_t len,
                    struct strlist *problems)
{
	size_t line = 0, at = 0;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		at = 3;
	while (at < len) {
		const char *s = text + at, *nl = memchr(s, '\n', len - at);
		size_t n = nl ? (size_t)(nl - s) : len - at;
		at += n + (nl != NULL);
		line++;
		size_t bl, bc;
		if (utf8_validate(s, n, &bl, &bc)) {
			if (list_problem(problems, AW_EWORDUTF8, path, line, bc, s, n))
				return AW_ENOMEM;
			continue;
		}
		while (n && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
			n--;
		if (!n || *s == '#')
			continue;
		int code = 0;
		for (size_t i = 0; i < n && !code;) {
			unsigned cp;
			i += utf8_decode(s + i, n - i, &cp);
			if (utf8_class(cp) == UTF8_SPACE)
				code = AW_EWORDSPACE;
		}
		for (size_t i = 0; i < n && !code;) {
			unsigned cp;
			i += utf8_decode(s + i, n - i, &cp);
			if (!list_char(cp))
				code = AW_EWORDCHARS;
		}
		int rc = code ? list_problem(problems, code, path, line, 0, s, n) : add_form(sp, s, n);
		if (rc)
			return AW_ENOMEM;
	}
	return 0;
}

int spell_add_list(struct spell *sp, const char *path, struct strlist *problems,
                   struct aw_error *err)
{
	/* Most people have no personal list and most workspaces none of
	 * their own: a missing file is the usual case, not an error. */
	if (access(path, F_OK) && (errno == ENOENT || errno == ENOTDIR))
		return 0;
	struct buf b = BUF_INIT;
	int rc = fileio_read(path, &b, err);
	if (!rc) {
		rc = add_text(sp, path, b.s ? b.s : "", b.len, problems);
		if (rc)
			aw_fail(err, rc, path, "");
	}
	buf_free(&b);
	return rc;
}

int spell_personal_path(struct buf *out)
{
	const char *x = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	out->len = 0;
	/* The XDG specification says to ignore a relative XDG_DATA_HOME. */
	if (x && x[0] == '/')
		return buf_printf(out, "%s/antwort/woerter.txt", x);
	if (home && *home)
		return buf_printf(out, "%s/.local/share/antwort/woerter.txt", home);
	return AW_EOPEN;
}

int spell_system_lists(struct spell *sp, const char *datadir, struct strlist *problems,
                       struct aw_error *err)
{
	struct buf p = BUF_INIT;
	int rc = 0;
	if (datadir) {
		if (buf_printf(&p, "%s/dict/woerter.txt", datadir)) {
			rc = aw_fail(err, AW_ENOMEM, datadir, "");
			goto out;
		}
		if ((rc = spell_add_list(sp, p.s, problems, err)))
			goto out;
	}
	rc = spell_personal_path(&p);
	if (rc == AW_ENOMEM) {
		aw_fail(err, rc, "", "");
		goto out;
	}
	rc = rc ? 0 : spell_add_list(sp, p.s, problems, err);   /* no home: no list */
out:
	buf_free(&p);
	return rc;
}

/* --- checking text ------------------------------------------------------ */

struct hits {
	struct spell_hit *v;
	size_t n, cap;
};

static int hit(struct hits *h, size_t start, size_t end)
{
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 16;
		struct spell_hit *v = realloc(h->v, cap * sizeof *v);
		if (!v)
			return AW_ENOMEM;
		h->v = v;
		h->cap = cap;
	}
	h->v[h->n++] = (struct spell_hit){start, end};
	return 0;
}

static int is_hyphen_at(const char *s, size_t n, size_t *hl)
{
	if (n >= 1 && s[n - 1] == '-') {
		*hl = 1;
		return 1;
	}
	/* U+2010 and U+2011, the typographic and the non-breaking hyphen */
	if (n >= 3 && !memcmp(s + n - 3, "\xE2\x80", 2) &&
	    (s[n - 1] == '\x90' || s[n - 1] == '\x91')) {
		*hl = 3;
		return 1;
	}
	return 0;
}

/* A part p of the word that ends at tend: known as it stands, or with the
 * hyphen that joins it to the next part (the dictionaries know
 * "Informations-" and "Sicherheits-" but not "Sicherheits"), or, for a
 * suspended part, without its hyphen ("Mobil- und Festnetz"). */
static int part_known(struct spell *sp, const char *t, size_t tend, const struct token *p)
{
	const char *w = t + p->start;
	size_t n = p->end - p->start, hl;
	if (spell_known(sp, w, n))
		return 1;
	if (p->end < tend) {
		unsigned cp;
		size_t l = utf8_decode(t + p->end, tend - p->end, &cp);
		return spell_known(sp, w, n + l);
	}
	return n > 1 && is_hyphen_at(w, n, &hl) && spell_known(sp, w, n - hl);
}

/* "geht’s", "gibt's": a verb with a clipped "es". A capitalised stem is a
 * name with a wrong genitive apostrophe ("Bremen’s"), which stays a hit. */
static int clipped_es(struct spell *sp, const char *w, size_t n)
{
	size_t al;
	if (n < 3 || w[n - 1] != 's')
		return 0;
	if (w[n - 2] == '\'')
		al = 1;
	else if (n >= 5 && !memcmp(w + n - 4, "\xE2\x80\x99", 3))
		al = 3;
	else
		return 0;
	unsigned cp;
	utf8_decode(w, n, &cp);
	return tokens_is_lower(cp) && spell_known(sp, w, n - 1 - al);
}

/* One letter (with its accents) before the dot: an initial or a part of
 * "z. B.", which cannot be misspelt in any way a dictionary could tell. */
static int single_letter(const char *w, size_t n)
{
	unsigned cp;
	size_t i = utf8_decode(w, n, &cp);
	while (i < n) {
		i += utf8_decode(w + i, n - i, &cp);
		if (!(cp >= 0x300 && cp <= 0x36F))
			return 0;
	}
	return 1;
}

static int check_token(struct spell *sp, const char *t, size_t len, const struct token *tk,
                       struct hits *h)
{
	const char *w = t + tk->start;
	size_t n = tk->end - tk->start;
	if (tk->kind == TOK_ABBREV) {
		/* The dictionaries know "ca." but not "ca"; "Nr." at the end of
		 * a sentence may also be the word before a full stop. */
		if (single_letter(w, n - 1) || spell_known(sp, w, n) || spell_known(sp, w, n - 1))
			return 0;
		return hit(h, tk->start, tk->end);
	}
	if (tk->kind != TOK_WORD)
		return 0;
	if (spell_known(sp, w, n) || clipped_es(sp, w, n))
		return 0;
	/* An abbreviation the tokenizer does not know, but a list does. */
	if (tk->end < len && t[tk->end] == '.' && spell_known(sp, w, n + 1))
		return 0;
	struct token parts[32];
	size_t np = tokens_parts(t, tk, parts, 32);
	if (np > 32)
		return hit(h, tk->start, tk->end);
	/* Each part, except where a run of parts is a known word of its own:
	 * "Park-and-ride-Plätze" with "Park-and-ride" in a list, "E-Mail-
	 * Adresse". Longest run first; the whole form was asked above. */
	for (size_t i = 0; i < np;) {
		size_t j = np - 1;
		if (i == 0 && j > 0)
			j--;
		for (; j > i; j--) {
			struct token run = {parts[i].start, parts[j].end, TOK_WORD};
			if (part_known(sp, t, tk->end, &run))
				break;
		}
		if (j > i) {
			i = j + 1;
			continue;
		}
		if (parts[i].kind == TOK_WORD && !part_known(sp, t, tk->end, &parts[i]) &&
		    hit(h, parts[i].start, parts[i].end))
			return AW_ENOMEM;
		i++;
	}
	return 0;
}

int spell_check(struct spell *sp, const char *text, size_t len, struct spell_hit **hits,
                size_t *n)
{
	struct hits h = {NULL, 0, 0};
	struct token tk;
	size_t pos = 0;
	while (tokens_next(text, len, &pos, &tk)) {
		if (check_token(sp, text, len, &tk, &h)) {
			free(h.v);
			*hits = NULL;
			*n = 0;
			return AW_ENOMEM;
		}
	}
	*hits = h.v;
	*n = h.n;
	return 0;
}

/* --- suggestions ---------------------------------------------------------- */

static size_t to_cps(const char *s, size_t n, unsigned *cps, size_t max)
{
	size_t k = 0;
	for (size_t i = 0; i < n; k++) {
		if (k == max)
			return max + 1;
		i += utf8_decode(s + i, n - i, &cps[k]);
	}
	return k;
}

/* Edit distance with transpositions (optimal string alignment), in
 * characters; anything above 2 is reported as 3. */
static int distance(const unsigned *a, size_t la, const unsigned *b, size_t lb)
{
	if (la > lb + 2 || lb > la + 2)
		return 3;
	unsigned d[NEAR_MAX + 1][NEAR_MAX + 1];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = (unsigned)i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (unsigned)j;
	for (size_t i = 1; i <= la; i++) {
		unsigned best = 3;
		for (size_t j = 1; j <= lb; j++) {
			unsigned c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < c)
				c = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < c)
				c = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < c)
				c = d[i - 2][j - 2] + 1;
			d[i][j] = c;
			if (c < best)
				best = c;
		}
		if (best > 2)
			return 3;
	}
	return d[la][lb] > 2 ? 3 : (int)d[la][lb];
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends the strings of from to out that out does not hold yet, while
 * out has fewer than max. */
static int merge(struct strlist *out, size_t base, const struct strlist *from, size_t max)
{
	for (size_t i = 0; i < from->n && out->n - base < max; i++) {
		int dup = 0;
		for (size_t j = base; j < out->n && !dup; j++)
			dup = !strcmp(out->v[j], from->v[i]);
		if (!dup && strlist_add(out, from->v[i]))
			return AW_ENOMEM;
	}
	return 0;
}

/* hunspell's suggestions include, now and then, the word itself, a form
 * with a leading hyphen ("-videotelefonei") or a compound it would not
 * accept as a word: only what the check itself accepts is offered. */
static int worth_offering(struct spell *sp, const char *word, size_t len, const char *s)
{
	size_t n = strlen(s);
	if ((n == len && !memcmp(s, word, len)) || (s[0] == '-' && (!len || word[0] != '-')))
		return 0;
	struct spell_hit *h = NULL;
	size_t k = 0;
	if (spell_check(sp, s, n, &h, &k))
		return 1;
	free(h);
	return k == 0;
}

int spell_suggest(struct spell *sp, const char *word, size_t len, struct strlist *out)
{
	struct strlist near[2] = {STRLIST_INIT, STRLIST_INIT}, dic = STRLIST_INIT;
	unsigned a[NEAR_MAX], b[NEAR_MAX];
	size_t base = out->n;
	int rc = 0;
	char *norm = malloc(len ? len : 1);
	if (!norm)
		return AW_ENOMEM;
	size_t m = tokens_normalize(word, len, norm);
	if (!m) {
		free(norm);
		return 0;
	}
	size_t la = to_cps(norm, m, a, NEAR_MAX);
	for (size_t i = 0; la <= NEAR_MAX && i < sp->words.cap && !rc; i++) {
		const struct hent *e = &sp->words.v[i];
		if (!e->key)
			continue;
		size_t lb = to_cps(e->key, e->len, b, NEAR_MAX);
		int d = lb <= NEAR_MAX ? distance(a, la, b, lb) : 3;
		if (d >= 1 && d <= 2)
			rc = strlist_add(&near[d - 1], e->key);
	}
	if (!rc) {
		int k = speller_suggest(sp->dic, norm, m, &dic, SUGGEST_MAX);
		rc = k < 0 ? k : 0;
	}
	for (size_t i = 0, j = 0; !rc && i < dic.n; i++) {
		if (worth_offering(sp, norm, m, dic.v[i]))
			dic.v[j++] = dic.v[i];
		else
			free(dic.v[i]);
		if (i + 1 == dic.n)
			dic.n = j;
	}
	for (int i = 0; i < 2; i++)
		if (near[i].n)
			qsort(near[i].v, near[i].n, sizeof *near[i].v, cmp_str);
	if (!rc)
		rc = merge(out, base, &near[0], SUGGEST_MAX);
	if (!rc)
		rc = merge(out, base, &dic, SUGGEST_MAX);
	if (!rc)
		rc = merge(out, base, &near[1], SUGGEST_MAX);
	strlist_free(&near[0]);
	strlist_free(&near[1]);
	strlist_free(&dic);
	free(norm);
	return rc;
}
