/* speller.c: hunspell behind a UTF-8 interface. */
#include "speller.h"
#include "buf.h"

#include <hunspell.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct speller {
	Hunhandle *h;
	iconv_t to_dic;   /* (iconv_t)-1 when the dictionary is UTF-8 */
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
		sp->to_dic = (iconv_t)-1;
	if (!sp || !(sp->h = Hunspell_create(aff.s, dic.s))) {
		rc = aw_fail(err, AW_ENOMEM, dic.s, "");
		goto out;
	}
	const char *enc = Hunspell_get_dic_encoding(sp->h);
	if (enc && strcmp(enc, "UTF-8") && strcmp(enc, "utf-8")) {
		sp->to_dic = iconv_open(enc, "UTF-8");
		if (sp->to_dic == (iconv_t)-1) {
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

int speller_check(struct speller *sp, const char *word, size_t len)
{
	char utf[256], conv[256];
	if (len == 0 || len >= sizeof utf)
		return 0;
	memcpy(utf, word, len);
	utf[len] = '\0';
	if (sp->to_dic == (iconv_t)-1)
		return Hunspell_spell(sp->h, utf) != 0;
	char *in = utf, *o = conv;
	size_t inleft = len, outleft = sizeof conv - 1;
	iconv(sp->to_dic, NULL, NULL, NULL, NULL);
	/* A character the dictionary's encoding lacks cannot be in it. */
	if (iconv(sp->to_dic, &in, &inleft, &o, &outleft) == (size_t)-1)
		return 0;
	*o = '\0';
	return Hunspell_spell(sp->h, conv) != 0;
}

void speller_close(struct speller *sp)
{
	if (!sp)
		return;
	if (sp->to_dic != (iconv_t)-1)
		iconv_close(sp->to_dic);
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
