/* slug.c: the folder name of an inquiry: "2017-04-04-L4-videotelefonie".
 *
 * The parts are the date (YYYY-MM-DD), the number and words of the title,
 * joined by '-'. Since '-' also stands inside a part ("19/1234" becomes
 * "19-1234", "E-Mail" "e-mail"), slug_identity_len() tells the number
 * from the title by case: the number is written in capitals ("L4", "S12")
 * and the title in small letters. So after the date, the fields without a
 * small letter are the number, and the first field with one begins the
 * title. slug_make() keeps that readable: after a date it takes only
 * title words that have a letter. */
#include "slug.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

/* How a character counts in a slug. */
enum kind {
	K_SEP,     /* ends a word: space, punctuation, anything unknown */
	K_JOIN,    /* joins inside a word: the hyphens */
	K_DROP,    /* left out: quotes and apostrophes */
	K_LETTERS, /* spelt in ASCII letters or digits */
};

/* Latin-1 small letters U+00E0 … U+00FF in ASCII; capitals map here
 * too. U+00F7 (÷) is no letter. */
static const char *const latin1[32] = {
	"a", "a", "a", "a", "ae", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "oe", NULL, "o", "u", "u", "u", "ue", "y", "th", "y",
};

/* Latin Extended-A U+0100 … U+017F (Polish, Czech, Turkish, … names):
 * each letter's base letter; Ĳ and Œ are spelt out below. */
static const char latin_ext_a[] =
	"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllllln"
	"nnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
_Static_assert(sizeof latin_ext_a == 0x80 + 1, "one letter per character");

/* Classifies the character cp; a letter's ASCII spelling (lower case)
 * goes to sp. */
static enum kind classify(unsigned cp, char sp[3])
{
	sp[0] = sp[1] = sp[2] = '\0';
	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
			sp[0] = (char)cp;
			return K_LETTERS;
		}
		if (cp >= 'A' && cp <= 'Z') {
			sp[0] = (char)(cp - 'A' + 'a');
			return K_LETTERS;
		}
		if (cp == '-')
			return K_JOIN;
		return cp == '"' || cp == '\'' || cp == '`' ? K_DROP : K_SEP;
	}
	if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7) {
		strcpy(sp, cp == 0xDF ? "ss" : latin1[(cp | 0x20) - 0xE0]);
		return K_LETTERS;
	}
	if (cp >= 0x100 && cp <= 0x17F) {
		if (cp == 0x132 || cp == 0x133)
			strcpy(sp, "ij");
		else if (cp == 0x152 || cp == 0x153)
			strcpy(sp, "oe");
		else
			sp[0] = latin_ext_a[cp - 0x100];
		return K_LETTERS;
	}
	if (cp >= 0x300 && cp <= 0x36F) /* combining accents, as after a copy from a Mac */
		return K_DROP;
	switch (cp) {
	case 0x1E9E: /* capital ß */
		strcpy(sp, "ss");
		return K_LETTERS;
	case 0x2010: /* hyphen */
	case 0x2011: /* non-breaking hyphen */
		return K_JOIN;
	case 0xAB: case 0xBB: case 0xB4: case 0x2039: case 0x203A:
	case 0x2018: case 0x2019: case 0x201A: case 0x201B:
	case 0x201C: case 0x201D: case 0x201E: case 0x201F:
		return K_DROP;
	}
	return K_SEP;
}

/* Reads the next word of s into w: ASCII letters and digits with single
 * '-' only inside, at most SLUG_MAX bytes (the rest of a longer word is
 * dropped). With whole, separators join like hyphens, so all of s is one
 * word; with upper, letters are capitals. Returns where the word ended,
 * or NULL when no word is left. */
static const char *next_word(const char *s, int whole, int upper, char w[SLUG_MAX + 1])
{
	size_t len = 0, rest = strlen(s);
	while (rest) {
		char sp[3];
		unsigned cp;
		size_t n = utf8_decode(s, rest, &cp);
		/* "u" + combining diaeresis is "ü", spelt "ue" like the composed
		 * one, so both spellings of a title give the same slug. */
		if (cp == 0x308 && len && len < SLUG_MAX && strchr("aouAOU", w[len - 1])) {
			w[len++] = upper ? 'E' : 'e';
			rest -= n;
			s += n;
			continue;
		}
		enum kind k = classify(cp, sp);
		if (k == K_SEP && whole)
			k = K_JOIN;
		rest -= n;
		if (k == K_SEP && len) {
			s += n;
			break;
		}
		if (k == K_JOIN && len && w[len - 1] != '-' && len < SLUG_MAX)
			w[len++] = '-';
		for (size_t i = 0; k == K_LETTERS && sp[i] && len < SLUG_MAX; i++)
			w[len++] = upper && sp[i] >= 'a' && sp[i] <= 'z' ? (char)(sp[i] - 'a' + 'A') : sp[i];
		s += n;
	}
	while (len && w[len - 1] == '-')
		len--;
	w[len] = '\0';
	return len ? s : NULL;
}

/* Words that say nothing about the subject: articles, prepositions,
 * conjunctions and question words, spelt as next_word() spells them. */
static const char *const stop_words[] = {
	"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem",
	"einen", "im", "in", "ins", "am", "an", "auf", "aus", "zu", "zur", "zum", "und",
	"oder", "von", "vom", "fuer", "mit", "bei", "beim", "nach", "ueber", "um", "durch",
	"gegen", "ohne", "wie", "was", "wer", "wo", "wann", "warum", "wieso", "weshalb",
	"welche", "welcher", "welches", "welchen", "welchem",
};

static int is_stop_word(const char *w)
{
	for (size_t i = 0; i < sizeof stop_words / sizeof *stop_words; i++)
		if (!strcmp(w, stop_words[i]))
			return 1;
	return 0;
}

static int has_letter(const char *w)
{
	for (; *w; w++)
		if ((*w >= 'a' && *w <= 'z') || (*w >= 'A' && *w <= 'Z'))
			return 1;
	return 0;
}

/* Appends piece to out[0..*len) behind a '-'. What does not fit is cut
 * at a '-' inside piece; a piece without one is cut anywhere only when
 * hard (the first title word: a cut word says more than none). Returns 1
 * when all of piece fit, 0 when the slug is full. */
static int append(char *out, size_t *len, const char *piece, int hard)
{
	size_t sep = *len ? 1 : 0, n = strlen(piece);
	if (*len + sep + n > SLUG_MAX) {
		size_t room = *len + sep < SLUG_MAX ? SLUG_MAX - *len - sep : 0;
		n = 0;
		for (size_t k = room; k > 0 && !n; k--)
			if (piece[k] == '-')
				n = k;
		if (!n && hard)
			n = room;
		if (!n)
			return 0;
		if (sep)
			out[(*len)++] = '-';
		memcpy(out + *len, piece, n);
		*len += n;
		out[*len] = '\0';
		return 0;
	}
	if (sep)
		out[(*len)++] = '-';
	memcpy(out + *len, piece, n + 1);
	*len += n;
	return 1;
}

char *slug_make(const struct inquiry *q, char out[SLUG_MAX + 1])
{
	char w[SLUG_MAX + 1];
	size_t len = 0;
	int dated = q->session_year >= 1 && q->session_year <= 9999 &&
	            q->session_month >= 1 && q->session_month <= 12 &&
	            q->session_day >= 1 && q->session_day <= 31;
	int numbered = 0, room = 1;

	out[0] = '\0';
	if (dated) {
		char date[16];
		snprintf(date, sizeof date, "%04d-%02d-%02d", q->session_year, q->session_month,
		         q->session_day);
		room = append(out, &len, date, 1);
	}
	if (room && q->number && next_word(q->number, 1, 1, w))
		room = numbered = append(out, &len, w, 1);

	/* With date and number one word names the subject; else up to four
	 * tell inquiries apart. After a date, a word of digits alone would
	 * read as a number (see above), so only words with a letter count. */
	size_t want = dated && numbered ? 1 : 4, taken = 0;
	char first[SLUG_MAX + 1] = "";
	for (const char *s = q->title; room && s && taken < want && (s = next_word(s, 0, 0, w));) {
		if (dated && !has_letter(w))
			continue;
		if (!*first)
			strcpy(first, w);
		if (is_stop_word(w))
			continue;
		room = append(out, &len, w, taken == 0);
		taken++;
	}
	if (room && !taken && *first)
		append(out, &len, first, 1);
	if (!len)
		strcpy(out, "anfrage");
	return out;
}

int slug_valid(const char *s)
{
	size_t n = 0;
	/* Without '.' and '/' there is no "..", no hidden name, no path. */
	if (!s || !*s || *s == '-')
		return 0;
	for (; s[n]; n++) {
		char c = s[n];
		if (n >= SLUG_MAX ||
		    !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-'))
			return 0;
	}
	return 1;
}

size_t slug_identity_len(const char *s)
{
	static const char shape[] = "dddd-dd-dd-";
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != '-')
			return 0;
	/* Fields without small letters are the number; the title must
	 * follow, else "…-L4" would claim "…-L40-…" as the same inquiry. */
	size_t p = sizeof shape - 1, fields = 0;
	for (;;) {
		size_t k = p;
		int small = 0;
		for (; s[k] && s[k] != '-'; k++)
			small |= s[k] >= 'a' && s[k] <= 'z';
		if (k == p)
			return 0;
		if (small)
			return fields ? p : 0;
		if (!s[k])
			return 0;
		fields++;
		p = k + 1;
	}
}
