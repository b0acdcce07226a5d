/* search.c: literal, caseless search through PCRE2 (see search.h).
 *
 * The needle is compiled with PCRE2_LITERAL, so nothing in it is special,
 * and PCRE2_UTF | PCRE2_CASELESS, so that case is compared per Unicode
 * character. PCRE2_UCP cannot be added: PCRE2 10.42 refuses it together
 * with PCRE2_LITERAL ("invalid option bits"), and it is not needed, since
 * in UTF mode caseless matching of non-ASCII characters already follows
 * Unicode; UCP only changes \w, \d and the like, which a literal never
 * contains. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "search.h"

#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct search {
	pcre2_code *re;          /* NULL for the empty needle */
	pcre2_match_data *md;    /* reused by every match, hence one thread */
	size_t maxlen;           /* no match is longer than this many bytes */
};

/* A UTF-8 continuation byte: an offset at one lies inside a character. */
static int inside(const char *text, size_t len, size_t pos)
{
	return pos < len && ((unsigned char)text[pos] & 0xC0) == 0x80;
}

/* The first character boundary at or after pos (at most len). PCRE2 with
 * PCRE2_NO_UTF_CHECK must never be started inside a character. */
static size_t boundary_up(const char *text, size_t len, size_t pos)
{
	while (inside(text, len, pos))
		pos++;
	return pos;
}

static size_t boundary_down(const char *text, size_t len, size_t pos)
{
	while (pos > 0 && inside(text, len, pos))
		pos--;
	return pos;
}

int search_new(const char *needle, size_t n, struct search **out, struct aw_error *err)
{
	*out = NULL;
	struct search *s = calloc(1, sizeof *s);
	if (!s)
		return aw_fail(err, AW_ENOMEM, "", "");
	if (n == 0) {
		*out = s;
		return 0;
	}

	int ec;
	PCRE2_SIZE off;
	s->re = pcre2_compile((PCRE2_SPTR)needle, n,
	                      PCRE2_LITERAL | PCRE2_UTF | PCRE2_CASELESS, &ec, &off, NULL);
	if (!s->re) {
		free(s);
		if (ec == PCRE2_ERROR_HEAP_FAILED)
			return aw_fail(err, AW_ENOMEM, "", "");
		PCRE2_UCHAR msg[160];
		char detail[200];
		if (pcre2_get_error_message(ec, msg, sizeof msg) < 0)
			snprintf((char *)msg, sizeof msg, "PCRE2-Fehler %d", ec);
		snprintf(detail, sizeof detail, "%s, Stelle %zu", (const char *)msg, (size_t)off);
		return aw_fail(err, AW_EINTERNAL, "search.c", detail);
	}
	/* Without JIT (not built in, or no executable memory) PCRE2 falls back
	 * to its interpreter on its own; that is slower, not wrong. */
	(void)pcre2_jit_compile(s->re, PCRE2_JIT_COMPLETE);

	s->md = pcre2_match_data_create_from_pattern(s->re, NULL);
	if (!s->md) {
		pcre2_code_free(s->re);
		free(s);
		return aw_fail(err, AW_ENOMEM, "", "");
	}

	/* Caseless matching in PCRE2 pairs one character with one character
	 * (it never folds "ß" into "ss"), so a match has as many characters as
	 * the needle, each at most four bytes. search_prev() uses this bound
	 * to look at a window of the text instead of everything after it. */
	size_t chars = 0;
	for (size_t i = 0; i < n; i++)
		chars += !inside(needle, n, i);
	s->maxlen = chars > SIZE_MAX / 4 ? SIZE_MAX : chars * 4;

	*out = s;
	return 0;
}

void search_free(struct search *s)
{
	if (!s)
		return;
	pcre2_match_data_free(s->md);
	pcre2_code_free(s->re);
	free(s);
}

/* One match in text[0..sublen) starting at or after pos (a boundary). An
 * error other than "no match" can only be a resource limit, which a
 * literal does not reach; it is reported as no match rather than as a
 * failure the editor could do nothing about. */
static int match(const struct search *s, const char *text, size_t sublen, size_t pos,
                 size_t *start, size_t *end)
{
	if (!s->re || !text || pos >= sublen)
		return 0;
	int rc = pcre2_match(s->re, (PCRE2_SPTR)text, sublen, pos, PCRE2_NO_UTF_CHECK, s->md,
	                     NULL);
	if (rc < 0)
		return 0;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
	*start = ov[0];
	*end = ov[1];
	return 1;
}

int search_next(const struct search *s, const char *text, size_t len, size_t from,
                size_t *start, size_t *end)
{
	if (from > len)
		return 0;
	return match(s, text, len, boundary_up(text, len, from), start, end);
}

int search_prev(const struct search *s, const char *text, size_t len, size_t from,
                size_t *start, size_t *end)
{
	if (!s->re || !text)
		return 0;
	size_t hi = from < len ? from : len;   /* matches must start before hi */
	size_t step = 4096;
	/* PCRE2 only searches forwards. Rather than walking all of the text
	 * before from, look at windows ending at hi, each twice as long as the
	 * one before, and take the last match starting in the first window
	 * that has one: "find previous" near the cursor stays cheap in a long
	 * text. */
	while (hi > 0) {
		size_t lo = boundary_down(text, len, hi > step ? hi - step : 0);
		/* A match starting before hi ends by hi + maxlen; cutting the
		 * subject there keeps a window from scanning the rest of the text,
		 * and on a boundary keeps PCRE2 from reading half a character. */
		size_t sub = s->maxlen < len - hi ? hi + s->maxlen : len;
		sub = boundary_up(text, len, sub);

		int found = 0;
		size_t pos = lo, ms, me;
		/* Every start, overlapping ones included: in "aaa" the match of
		 * "aa" before offset 2 is the one at 1. */
		while (pos < hi && match(s, text, sub, pos, &ms, &me) && ms < hi) {
			*start = ms;
			*end = me;
			found = 1;
			pos = boundary_up(text, len, ms + 1);
		}
		if (found)
			return 1;
		hi = lo;
		if (step <= SIZE_MAX / 2)
			step *= 2;
	}
	return 0;
}

size_t search_count(const struct search *s, const char *text, size_t len)
{
	size_t count = 0, pos = 0, start, end;
	/* A non-empty literal never matches the empty string, so end > start
	 * and the loop always advances. */
	while (match(s, text, len, pos, &start, &end)) {
		count++;
		pos = end;
	}
	return count;
}

static int hit_at(struct search_hit *hit, size_t part, size_t start, size_t end, int wrapped)
{
	hit->part = part;
	hit->start = start;
	hit->end = end;
	hit->wrapped = wrapped;
	return 1;
}

int search_across(const struct search *s, const char *const *texts, const size_t *lens,
                  size_t ntexts, size_t part, size_t from, int backward,
                  struct search_hit *hit)
{
	size_t st, en;
	if (!s->re || part >= ntexts)
		return 0;

	if (!backward) {
		if (search_next(s, texts[part], lens[part], from, &st, &en))
			return hit_at(hit, part, st, en, 0);
		for (size_t i = part + 1; i < ntexts; i++)
			if (search_next(s, texts[i], lens[i], 0, &st, &en))
				return hit_at(hit, i, st, en, 0);
		for (size_t i = 0; i < part; i++)
			if (search_next(s, texts[i], lens[i], 0, &st, &en))
				return hit_at(hit, i, st, en, 1);
		/* Back where it began: only what lies before the starting point is
		 * new; the rest was searched first. */
		if (search_next(s, texts[part], lens[part], 0, &st, &en) && st < from)
			return hit_at(hit, part, st, en, 1);
		return 0;
	}

	if (search_prev(s, texts[part], lens[part], from, &st, &en))
		return hit_at(hit, part, st, en, 0);
	for (size_t i = part; i-- > 0;)
		if (search_prev(s, texts[i], lens[i], lens[i], &st, &en))
			return hit_at(hit, i, st, en, 0);
	for (size_t i = ntexts; --i > part;)
		if (search_prev(s, texts[i], lens[i], lens[i], &st, &en))
			return hit_at(hit, i, st, en, 1);
	if (search_prev(s, texts[part], lens[part], lens[part], &st, &en) && st >= from)
		return hit_at(hit, part, st, en, 1);
	return 0;
}
