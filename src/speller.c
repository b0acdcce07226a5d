/* speller.c: hunspell behind a UTF-8 interface. */
#include "speller.h"
#include "buf.h"

#include <hunspell.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct speller {
	Hunhandle *h;
	iconv_t to_dic;   /* (iconv_t)-1 when the dictionary is UTF-8 */
	iconv_t from_dic; /* back to UTF-8, for suggestions; likewise */
	char enc[32];
};

const char *speller_default_path(void)
{
	const char *p = getenv("ANTWORT_DICT");
	return p && *p ? p : "/usr/share/hunspell/de_DE";
}

int speller_open(struct speller **out, const char *base, struct aw_error *err)
{
	struct buf aff = BUF_INIT, dic = BUF_INIT;
	struct speller *sp = NULL;
	int rc = 0;

	if (!base)
		base = speller_default_path();
	if (buf_printf(&aff, "%s.aff", base) || buf_printf(&dic, "%s.dic", base)) {
		rc = aw_fail(err, AW_ENOMEM, base, "");
		goto out;
	}
	/* hunspell reports a missing file only on stderr (breaking a curses
	 * screen) and then rejects every word: check first. */
	if (access(aff.s, R_OK) || access(dic.s, R_OK)) {
		rc = aw_fail(err, AW_ENODICT, dic.s, "");
		goto out;
	}
	sp = calloc(1, sizeof *sp);
	if (sp)
		sp->to_dic = sp->from_dic = (iconv_t)-1;
	if (!sp || !(sp->h = Hunspell_create(aff.s, dic.s))) {
		rc = aw_fail(err, AW_ENOMEM, dic.s, "");
		goto out;
	}
	const char *enc = Hunspell_get_dic_encoding(sp->h);
	snprintf(sp->enc, sizeof sp->enc, "%s", enc ? enc : "UTF-8");
	if (enc && strcmp(enc, "UTF-8") && strcmp(enc, "utf-8")) {
		sp->to_dic = iconv_open(enc, "UTF-8");
		sp->from_dic = iconv_open("UTF-8", enc);
		if (sp->to_dic == (iconv_t)-1 || sp->from_dic == (iconv_t)-1) {
			rc = aw_fail(err, AW_ENODICT, dic.s, enc);
			goto out;
		}
	}
	*out = sp;
	sp = NULL;
out:
	speller_close(sp);
	buf_free(&aff);
	buf_free(&dic);
	return rc;
}

/* word[0..len) in the dictionary's encoding, NUL-terminated, into
 * conv[256]; 0 when it is too long or has a character the encoding lacks
 * (such a word cannot be in the dictionary). */
static int encode(struct speller *sp, const char *word, size_t len, char conv[256])
{
	char utf[256];
	if (len == 0 || len >= sizeof utf)
		return 0;
	memcpy(utf, word, len);
	utf[len] = '\0';
	if (sp->to_dic == (iconv_t)-1) {
		memcpy(conv, utf, len + 1);
		return 1;
	}
	char *in = utf, *o = conv;
	size_t inleft = len, outleft = 255;
	iconv(sp->to_dic, NULL, NULL, NULL, NULL);
	if (iconv(sp->to_dic, &in, &inleft, &o, &outleft) == (size_t)-1)
		return 0;
	*o = '\0';
	return 1;
}

int speller_check(struct speller *sp, const char *word, size_t len)
{
	char conv[256];
	return encode(sp, word, len, conv) && Hunspell_spell(sp->h, conv) != 0;
}

const char *speller_encoding(const struct speller *sp)
{
	return sp->enc;
}

/* One suggestion back to UTF-8 and onto out; a suggestion that does not
 * convert is left out rather than shown garbled. */
static int add_from_dic(struct speller *sp, const char *s, struct strlist *out, int *added)
{
	size_t n = strlen(s);
	if (sp->from_dic == (iconv_t)-1) {
		if (strlist_addn(out, s, n))
			return AW_ENOMEM;
		(*added)++;
		return 0;
	}
	/* An 8-bit character becomes at most 3 bytes of UTF-8 (€ in
	 * ISO-8859-15), 4 in any encoding hunspell reads. */
	size_t cap = 4 * n + 1, outleft = cap - 1;
	char *buf = malloc(cap), *o = buf, *in = (char *)s;
	size_t inleft = n;
	if (!buf)
		return AW_ENOMEM;
	iconv(sp->from_dic, NULL, NULL, NULL, NULL);
	if (iconv(sp->from_dic, &in, &inleft, &o, &outleft) != (size_t)-1) {
		if (strlist_addn(out, buf, (size_t)(o - buf))) {
			free(buf);
			return AW_ENOMEM;
		}
		(*added)++;
	}
	free(buf);
	return 0;
}

int speller_suggest(struct speller *sp, const char *word, size_t len, struct strlist *out,
                    size_t max)
{
	char conv[256];
	char **list = NULL;
	int added = 0, rc = 0;
	if (!max || !encode(sp, word, len, conv))
		return 0;
	int n = Hunspell_suggest(sp->h, &list, conv);
	for (int i = 0; i < n && (size_t)added < max && !rc; i++)
		rc = add_from_dic(sp, list[i], out, &added);
	if (list)
		Hunspell_free_list(sp->h, &list, n);
	return rc ? rc : added;
}

void speller_close(struct speller *sp)
{
	if (!sp)
		return;
	if (sp->to_dic != (iconv_t)-1)
		iconv_close(sp->to_dic);
	if (sp->from_dic != (iconv_t)-1)
		iconv_close(sp->from_dic);
	if (sp->h)
		Hunspell_destroy(sp->h);
	free(sp);
}

int speller_lazy_known(void *ctx, const char *word, size_t len)
{
	struct speller_lazy *lz = ctx;
	if (lz->state == 0)
		lz->state = speller_open(&lz->sp, NULL, NULL) ? -1 : 1;
	return lz->state < 0 ? -1 : speller_check(lz->sp, word, len);
}

void speller_lazy_close(struct speller_lazy *lz)
{
	speller_close(lz->sp);
	lz->sp = NULL;
	lz->state = 0;
}
