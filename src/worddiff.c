/* worddiff.c: word differences through libgit2's xdiff, one token a line.
 *
 * Both texts are cut into tokens (worddiff.h says which), each token is
 * written as one line of a buffer, and git_diff_buffers() compares the two
 * buffers with no context. Its hunks, in token numbers, are joined where
 * only white space lies between them and turned into spans over the
 * original texts; the encoded buffers are thrown away. */
#include "worddiff.h"
#include "error.h"
#include "utf8.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

/* ---- tokens ------------------------------------------------------------- */

/* The token kinds are utf8.h's character classes. */
enum { T_WORD = UTF8_WORD, T_SPACE = UTF8_SPACE, T_PUNCT = UTF8_PUNCT };

struct tok {
	size_t off;          /* the token runs to the next token's off */
	unsigned char kind;
};

struct toks {
	struct tok *v;       /* n tokens and a sentinel at the text's end */
	size_t n, cap;
};

/* The class of the character at s[i], its length in *len. */
static int class_at(const char *s, size_t n, size_t i, size_t *len)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80) {
		*len = 1;
		return utf8_class(c);
	}
	unsigned cp;
	*len = utf8_decode(s + i, n - i, &cp);
	return utf8_class(cp);
}

static int toks_push(struct toks *t, size_t off, int kind)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 256;
		struct tok *v = realloc(t->v, cap * sizeof *v);
		if (!v)
			return AW_ENOMEM;
		t->v = v;
		t->cap = cap;
	}
	t->v[t->n++] = (struct tok){off, (unsigned char)kind};
	return 0;
}

static int ascii_alnum(unsigned char c)
{
	unsigned l = c | 0x20u;
	return (l >= 'a' && l <= 'z') || (c >= '0' && c <= '9');
}

/* One pass, every character classified once. */
static int tokenize(const char *s, size_t n, struct toks *t)
{
	size_t i = 0, len = 0;
	int kind = n ? class_at(s, n, 0, &len) : 0;

	/* About one token in four bytes in German prose: few reallocations. */
	t->cap = n / 4 + 16;
	if (!(t->v = malloc(t->cap * sizeof *t->v)))
		return AW_ENOMEM;
	while (i < n) {
		size_t start = i;
		int k = kind;
		i += len;
		if (k == T_WORD)        /* the common case, without decoding */
			while (i < n && ascii_alnum((unsigned char)s[i]))
				i++;
		kind = i < n ? class_at(s, n, i, &len) : 0;
		if (k != T_PUNCT) {
			while (i < n && kind == k) {
				i += len;
				kind = i < n ? class_at(s, n, i, &len) : 0;
			}
		}
		if (toks_push(t, start, k))
			return AW_ENOMEM;
	}
	/* The sentinel: token i is s[v[i].off .. v[i+1].off). */
	if (toks_push(t, n, 0))
		return AW_ENOMEM;
	t->n--;
	return 0;
}

/* Writes each token as one line. Only white-space tokens hold a newline,
 * but any token may hold the escape byte or a NUL, so all three are
 * escaped: equal tokens give equal lines and different ones different
 * lines. */
static char *encode(const char *s, const struct toks *t, size_t *outlen)
{
	size_t from = t->v[0].off, to = t->v[t->n].off, size = to - from + t->n;
	for (size_t i = from; i < to; i++)
		if (s[i] == '\n' || s[i] == '\001' || s[i] == '\0')
			size++;
	char *e = malloc(size ? size : 1);
	if (!e)
		return NULL;
	char *p = e;
	for (size_t k = 0; k < t->n; k++) {
		for (size_t i = t->v[k].off; i < t->v[k + 1].off; i++) {
			char c = s[i];
			if (c == '\n' || c == '\001' || c == '\0') {
				*p++ = '\001';
				*p++ = c == '\n' ? 'n' : c == '\001' ? 'e' : '0';
			} else {
				*p++ = c;
			}
		}
		*p++ = '\n';
	}
	*outlen = size;
	return e;
}

/* ---- hunks -------------------------------------------------------------- */

struct hunk {
	size_t os, ol, ns, nl;  /* 0-based token numbers and counts */
};

struct hunks {
	struct hunk *v;
	size_t n, cap;
	int err;
};

static int on_hunk(const git_diff_delta *delta, const git_diff_hunk *h, void *payload)
{
	struct hunks *hs = payload;
	(void)delta;
	if (hs->n == hs->cap) {
		size_t cap = hs->cap ? hs->cap * 2 : 64;
		struct hunk *v = realloc(hs->v, cap * sizeof *v);
		if (!v) {
			hs->err = AW_ENOMEM;
			return -1;
		}
		hs->v = v;
		hs->cap = cap;
	}
	/* Like "@@ -3,0 +4,2 @@": an empty side names the line before it. */
	size_t ol = (size_t)h->old_lines, nl = (size_t)h->new_lines;
	size_t os = (size_t)h->old_start, ns = (size_t)h->new_start;
	hs->v[hs->n++] = (struct hunk){ol ? os - 1 : os, ol, nl ? ns - 1 : ns, nl};
	return 0;
}

/* ---- spans -------------------------------------------------------------- */

static int span_push(struct worddiff *d, enum wd_op op, size_t off, size_t len)
{
	if (!len)
		return 0;
	if (d->n && d->v[d->n - 1].op == op && d->v[d->n - 1].off + d->v[d->n - 1].len == off) {
		d->v[d->n - 1].len += len;
		return 0;
	}
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct wd_span *v = realloc(d->v, cap * sizeof *v);
		if (!v)
			return AW_ENOMEM;
		d->v = v;
		d->cap = cap;
	}
	d->v[d->n++] = (struct wd_span){op, off, len};
	return 0;
}

static size_t count_words(const struct toks *t, size_t from, size_t to)
{
	size_t w = 0;
	for (size_t i = from; i < to; i++)
		w += t->v[i].kind == T_WORD;
	return w;
}

static int all_space(const struct toks *t, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (t->v[i].kind != T_SPACE)
			return 0;
	return 1;
}

/* Joins hunks with only white space between them, in place, and turns
 * them into spans. */
static int build_spans(struct hunks *hs, const struct toks *ta, const struct toks *tb,
                       struct worddiff *out)
{
	size_t m = 0;
	for (size_t i = 0; i < hs->n; i++) {
		struct hunk h = hs->v[i];
		/* In order and inside the texts, or we misread libgit2. */
		size_t oprev = m ? hs->v[m - 1].os + hs->v[m - 1].ol : 0;
		size_t nprev = m ? hs->v[m - 1].ns + hs->v[m - 1].nl : 0;
		if (h.os < oprev || h.ns < nprev || h.os + h.ol > ta->n || h.ns + h.nl > tb->n)
			return AW_EINTERNAL;
		if (m) {
			struct hunk *p = &hs->v[m - 1];
			if (all_space(ta, p->os + p->ol, h.os)) {
				p->ol = h.os + h.ol - p->os;
				p->nl = h.ns + h.nl - p->ns;
				continue;
			}
		}
		hs->v[m++] = h;
	}
	hs->n = m;

	size_t at = 0;  /* the next old token not yet in a span */
	for (size_t i = 0; i < hs->n; i++) {
		const struct hunk *h = &hs->v[i];
		size_t oe = h->os + h->ol, ne = h->ns + h->nl;
		if (span_push(out, WD_SAME, ta->v[at].off, ta->v[h->os].off - ta->v[at].off) ||
		    span_push(out, WD_DEL, ta->v[h->os].off, ta->v[oe].off - ta->v[h->os].off) ||
		    span_push(out, WD_ADD, tb->v[h->ns].off, tb->v[ne].off - tb->v[h->ns].off))
			return AW_ENOMEM;
		out->words_del += count_words(ta, h->os, oe);
		out->words_add += count_words(tb, h->ns, ne);
		at = oe;
	}
	return span_push(out, WD_SAME, ta->v[at].off, ta->v[ta->n].off - ta->v[at].off);
}

/* 1 when token i of a and token k of b are the same bytes. */
static int same_token(const char *a, const struct toks *ta, size_t i, const char *b,
                      const struct toks *tb, size_t k)
{
	size_t la = ta->v[i + 1].off - ta->v[i].off, lb = tb->v[k + 1].off - tb->v[k].off;
	return la == lb && !memcmp(a + ta->v[i].off, b + tb->v[k].off, la);
}

static int diff_tokens(const char *a, const struct toks *ta, const char *b,
                       const struct toks *tb, struct hunks *hs)
{
	size_t ea_len, eb_len;
	char *ea = encode(a, ta, &ea_len), *eb = encode(b, tb, &eb_len);
	int rc = 0;

	if (!ea || !eb) {
		rc = AW_ENOMEM;
		goto out;
	}
	if (git_libgit2_init() < 0) {
		rc = AW_EINTERNAL;
		goto out;
	}
	git_diff_options opts;
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.context_lines = 0;
	opts.interhunk_lines = 0;
	opts.flags |= GIT_DIFF_FORCE_TEXT;  /* the escape bytes must not look binary */
	int grc = git_diff_buffers(ea, ea_len, "a", eb, eb_len, "b", &opts,
	                           NULL, NULL, on_hunk, NULL, hs);
	git_libgit2_shutdown();
	if (hs->err)
		rc = hs->err;
	else if (grc < 0)
		rc = AW_EINTERNAL;
out:
	free(ea);
	free(eb);
	return rc;
}

int worddiff_compute(const char *a, size_t alen, const char *b, size_t blen,
                     struct worddiff *out)
{
	struct toks ta = {0}, tb = {0};
	struct hunks hs = {0};
	int rc;

	*out = (struct worddiff)WORDDIFF_INIT;
	if (alen == blen && (!alen || !memcmp(a, b, alen)))
		return span_push(out, WD_SAME, 0, alen);
	if ((rc = tokenize(a, alen, &ta)) || (rc = tokenize(b, blen, &tb)))
		goto out;
	/* One side empty: nothing for xdiff to find. */
	if (!ta.n || !tb.n) {
		rc = span_push(out, WD_DEL, 0, alen);
		if (!rc)
			rc = span_push(out, WD_ADD, 0, blen);
		out->words_del = count_words(&ta, 0, ta.n);
		out->words_add = count_words(&tb, 0, tb.n);
		goto out;
	}
	/* Only the tokens between the common beginning and end go to xdiff
	 * (which would trim them itself, after encoding and hashing all of
	 * them): a paragraph with one word changed is a diff of a few tokens,
	 * not of hundreds. */
	size_t pre = 0, suf = 0;
	while (pre < ta.n && pre < tb.n && same_token(a, &ta, pre, b, &tb, pre))
		pre++;
	while (suf < ta.n - pre && suf < tb.n - pre &&
	       same_token(a, &ta, ta.n - 1 - suf, b, &tb, tb.n - 1 - suf))
		suf++;
	struct toks va = {ta.v + pre, ta.n - pre - suf, 0}, vb = {tb.v + pre, tb.n - pre - suf, 0};
	if ((rc = diff_tokens(a, &va, b, &vb, &hs)))
		goto out;
	for (size_t i = 0; i < hs.n; i++) {
		hs.v[i].os += pre;
		hs.v[i].ns += pre;
	}
	rc = build_spans(&hs, &ta, &tb, out);
out:
	free(ta.v);
	free(tb.v);
	free(hs.v);
	if (rc)
		worddiff_free(out);
	return rc;
}

void worddiff_free(struct worddiff *d)
{
	free(d->v);
	*d = (struct worddiff)WORDDIFF_INIT;
}

/* ---- rendering ---------------------------------------------------------- */

/* Which output lines show a change, for changed_only. */
struct lineflags {
	unsigned char *v;
	size_t n, cap;
	unsigned char cur;
};

static int line_end(struct lineflags *lf)
{
	if (!lf)
		return 0;
	if (lf->n == lf->cap) {
		size_t cap = lf->cap ? lf->cap * 2 : 256;
		unsigned char *v = realloc(lf->v, cap);
		if (!v)
			return AW_ENOMEM;
		lf->v = v;
		lf->cap = cap;
	}
	lf->v[lf->n++] = lf->cur;
	lf->cur = 0;
	return 0;
}

static int emit_same(struct buf *out, const char *s, size_t n, struct lineflags *lf)
{
	if (buf_add(out, s, n))
		return AW_ENOMEM;
	if (lf) {
		const char *end = s + n, *p;
		while ((p = memchr(s, '\n', (size_t)(end - s)))) {
			if (line_end(lf))
				return AW_ENOMEM;
			s = p + 1;
		}
	}
	return 0;
}

/* As git's word diff: the marker is closed before each newline and opened
 * again after it, and an empty piece of a line gets no marker at all. */
static int emit_change(struct buf *out, enum wd_op op, const char *s, size_t n,
                       enum wd_style style, struct lineflags *lf)
{
	const char *open, *close;
	if (style == WD_COLOUR) {
		open = op == WD_DEL ? "\033[31m" : "\033[32m";
		close = "\033[m";
	} else {
		open = op == WD_DEL ? "[-" : "{+";
		close = op == WD_DEL ? "-]" : "+}";
	}
	while (n) {
		const char *p = memchr(s, '\n', n);
		size_t seg = p ? (size_t)(p - s) : n;
		if (seg) {
			if (buf_adds(out, open) || buf_add(out, s, seg) || buf_adds(out, close))
				return AW_ENOMEM;
			if (lf)
				lf->cur = 1;
		}
		if (!p)
			break;
		if (buf_addc(out, '\n') || line_end(lf))
			return AW_ENOMEM;
		n -= seg + 1;
		s = p + 1;
	}
	return 0;
}

/* A word inserted or deleted on its own takes one of the spaces around it
 * along; git prints such spaces outside the markers ("a [-b-] c", "a
 * {+b+}"), and so do we, unless the change is nothing but white space. */
static void edge_space(const char *s, size_t n, size_t *lead, size_t *trail)
{
	size_t i = 0, j = n;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	while (j > i && (s[j - 1] == ' ' || s[j - 1] == '\t'))
		j--;
	for (size_t k = i; k < j; k++)
		if (s[k] != '\n' && s[k] != '\r' && s[k] != ' ' && s[k] != '\t') {
			*lead = i;
			*trail = n - j;
			return;
		}
}

static int render_all(const struct worddiff *d, const char *a, const char *b,
                      enum wd_style style, struct buf *out, struct lineflags *lf)
{
	size_t start = out->len;
	for (size_t i = 0; i < d->n; i++) {
		const struct wd_span *sp = &d->v[i];
		if (sp->op == WD_SAME) {
			if (emit_same(out, a + sp->off, sp->len, lf))
				return AW_ENOMEM;
			continue;
		}
		const char *s = (sp->op == WD_DEL ? a : b) + sp->off;
		size_t lead = 0, trail = 0;
		int pure = sp->op == WD_DEL ? i + 1 == d->n || d->v[i + 1].op != WD_ADD
		                            : i == 0 || d->v[i - 1].op != WD_DEL;
		if (pure)
			edge_space(s, sp->len, &lead, &trail);
		if (emit_same(out, s, lead, lf) ||
		    emit_change(out, sp->op, s + lead, sp->len - lead - trail, style, lf) ||
		    emit_same(out, s + sp->len - trail, trail, lf))
			return AW_ENOMEM;
	}
	/* Lines, so the last one ends too. */
	if (out->len > start && out->s[out->len - 1] != '\n')
		if (buf_addc(out, '\n') || line_end(lf))
			return AW_ENOMEM;
	return 0;
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' && s[i] != '\v')
			return 0;
	return 1;
}

int worddiff_render(const struct worddiff *d, const char *a, const char *b,
                    enum wd_style style, int changed_only, struct buf *out)
{
	if (!changed_only)
		return render_all(d, a, b, style, out, NULL);

	/* Renders everything, then keeps the paragraphs with a changed line.
	 * Paragraphs are judged on the output, so a blank line counts whether
	 * it is unchanged (the new text's layout) or inside a change. */
	struct buf full = BUF_INIT;
	struct lineflags lf = {0};
	int rc = render_all(d, a, b, style, &full, &lf);
	size_t pos = 0, line = 0;
	int printed = 0, skipped = 0;

	while (!rc && line < lf.n) {
		/* Skips blank lines, then takes one paragraph. */
		const char *nl = memchr(full.s + pos, '\n', full.len - pos);
		size_t end = (size_t)(nl - full.s);
		if (blank(full.s + pos, end - pos)) {
			pos = end + 1;
			line++;
			continue;
		}
		size_t pstart = pos;
		int changed = 0;
		while (line < lf.n) {
			nl = memchr(full.s + pos, '\n', full.len - pos);
			end = (size_t)(nl - full.s);
			if (blank(full.s + pos, end - pos))
				break;
			changed |= lf.v[line];
			pos = end + 1;
			line++;
		}
		if (!changed) {
			skipped = printed;
			continue;
		}
		if (printed && buf_adds(out, skipped ? "\n…\n\n" : "\n"))
			rc = AW_ENOMEM;
		else if (buf_add(out, full.s + pstart, pos - pstart))
			rc = AW_ENOMEM;
		printed = 1;
		skipped = 0;
	}
	buf_free(&full);
	free(lf.v);
	return rc;
}
