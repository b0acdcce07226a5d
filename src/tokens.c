/* tokens.c: German administrative text into the units a spelling check
 * looks at. One left-to-right pass, no allocation; see tokens.h for what
 * stays together and why. */
#include "tokens.h"
#include "utf8.h"

#include <string.h>

/* The longest run looked at for an address. Every token that starts with
 * an ASCII letter or digit looks ahead this far at most, which keeps a
 * text without spaces ("a.b.c.d…") linear; no real address is longer. */
#define ADDR_MAX 2048

/* Abbreviations whose dot belongs to them though they have more than one
 * letter (single letters always keep their dot). Only forms that are not
 * also ordinary words, so that "diese Art." still ends a sentence; the
 * checker tries "word." for any other word followed by a dot, so a form
 * missing here is still accepted when a list or the dictionary has it. */
static const char *const abbrevs[] = {
	"Abb", "Abh", "Abs", "Abschn", "Anl", "Anm", "Aufl", "Az", "Bd", "Bearb",
	"Bhf", "Bl", "Bsp", "Buchst", "Dipl", "Dr", "Drs", "Fa", "Fr", "Hbf", "Hr",
	"Hrsg", "Ing", "Jg", "Jh", "Jhd", "Kap", "Mio", "Mrd", "Nr", "Nrn", "Pkt",
	"Prof", "Rn", "Rz", "Std", "Str", "Tab", "Tel", "Tsd", "Verf", "Ziff", "bspw",
	"bzgl", "bzw", "ca", "dgl", "ebd", "ehem", "etc", "evtl", "ff", "ggf", "gem",
	"gez", "inkl", "insb", "jew", "lt", "mind", "rd", "sog", "usf", "usw", "vgl",
	"zzgl",
};

static size_t dec(const char *t, size_t lim, size_t i, unsigned *cp)
{
	return utf8_decode(t + i, lim - i, cp);
}

static int is_digit(unsigned cp)
{
	return cp >= '0' && cp <= '9';
}

/* ¹ ² ³ and the super- and subscript digits: "CO₂" and "m²" are codes. */
static int is_small_digit(unsigned cp)
{
	return cp == 0xB9 || cp == 0xB2 || cp == 0xB3 || (cp >= 0x2070 && cp <= 0x2079) ||
	       (cp >= 0x2080 && cp <= 0x2089);
}

/* Inside a word without being a letter of its own: combining marks (a
 * decomposed "ü" is "u" and U+0308), the soft hyphen, zero-width joiners. */
static int is_mark(unsigned cp)
{
	return (cp >= 0x300 && cp <= 0x36F) || cp == 0xAD || cp == 0x200C || cp == 0x200D ||
	       (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
	       (cp >= 0xFE20 && cp <= 0xFE2F);
}

static int is_word(unsigned cp)
{
	return utf8_class(cp) == UTF8_WORD;
}

static int is_letter(unsigned cp)
{
	return is_word(cp) && !is_digit(cp) && !is_small_digit(cp) && !is_mark(cp);
}

static int is_hyphen(unsigned cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static int is_apostrophe(unsigned cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

int tokens_is_upper(unsigned cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp >= 0xC0 && cp <= 0xDE)
		return cp != 0xD7;
	if (cp >= 0x100 && cp <= 0x17F) {
		/* Latin Extended-A pairs capital and small letter, but the pairs
		 * shift by one after ĸ and again after ŷ. */
		if (cp <= 0x137 || (cp >= 0x14A && cp <= 0x177))
			return cp % 2 == 0;
		if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
			return cp % 2 == 1;
		return cp == 0x178;
	}
	return (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) || (cp >= 0x400 && cp <= 0x42F) ||
	       cp == 0x1E9E;
}

int tokens_is_lower(unsigned cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	if (cp >= 0xDF && cp <= 0xFF)
		return cp != 0xF7;
	if (cp >= 0x100 && cp <= 0x17F)
		return !tokens_is_upper(cp);
	return (cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x45F);
}

unsigned tokens_to_lower(unsigned cp)
{
	if (!tokens_is_upper(cp))
		return cp;
	if (cp < 0x80 || cp <= 0xDE || (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F))
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 0x50;
	if (cp == 0x178)
		return 0xFF;
	if (cp == 0x1E9E)
		return 0xDF;
	return cp + 1;                          /* Latin Extended-A */
}

/* One run of letters and digits: what a segment holds decides its kind. */
struct seg {
	size_t letters, digits, upper, group;   /* group: digits since a separator */
	unsigned last;                          /* the last letter */
	int decimal;                            /* a ',', ':' or '/' between digits */
};

/* The segment at i (word characters; ".,:/" between two digits, so that
 * "1.000", "4.4.2017", "12:30" and "19/1234" stay whole; an apostrophe
 * between letters). Returns its end, never beyond lim. */
static size_t segment(const char *t, size_t lim, size_t i, struct seg *s)
{
	memset(s, 0, sizeof *s);
	unsigned prev = 0;
	size_t j = i;
	while (j < lim) {
		unsigned cp;
		size_t l = dec(t, lim, j, &cp);
		if (is_word(cp)) {
			if (is_digit(cp) || is_small_digit(cp)) {
				s->digits++;
				s->group = is_digit(prev) || is_small_digit(prev) ? s->group + 1 : 1;
			} else if (!is_mark(cp)) {
				s->letters++;
				s->upper += tokens_is_upper(cp) != 0;
				s->last = cp;
			}
			if (!is_mark(cp))
				prev = cp;
			j += l;
			continue;
		}
		if (is_digit(prev) && j + 1 < lim && is_digit((unsigned char)t[j + 1]) &&
		    (cp == '.' || cp == ',' || cp == ':' || cp == '/')) {
			s->decimal |= cp != '.';
			prev = cp;
			j++;
			continue;
		}
		if (is_apostrophe(cp) && prev && is_letter(prev) && j + l < lim) {
			unsigned nx;
			dec(t, lim, j + l, &nx);
			if (is_letter(nx)) {
				prev = cp;
				j += l;
				continue;
			}
		}
		break;
	}
	return j;
}

static enum tok_kind seg_kind(const struct seg *s)
{
	if (s->digits)
		return s->letters ? TOK_CODE : TOK_NUMBER;
	if (s->letters <= 1)
		return TOK_OTHER;
	/* All capitals, or all but a plural s: "SPD", "IT", "PCs". */
	if (s->upper == s->letters || (s->upper >= 2 && s->upper + 1 == s->letters && s->last == 's'))
		return TOK_ACRONYM;
	return TOK_WORD;
}

/* A run of segments joined by single hyphens, with a suspended final
 * hyphen where the last part has letters and the hyphen is followed by
 * neither a word nor another hyphen ("Sicherheits- und", "Ein-/Ausgang";
 * "--" is a dash). */
struct compound {
	size_t end, nseg;
	unsigned kinds;         /* bit per enum tok_kind of the parts */
	int suspended;
	struct seg last;
};

static void scan_compound(const char *t, size_t lim, size_t i, struct compound *c)
{
	memset(c, 0, sizeof *c);
	size_t j = i;
	for (;;) {
		j = segment(t, lim, j, &c->last);
		c->kinds |= 1u << seg_kind(&c->last);
		c->nseg++;
		if (j >= lim)
			break;
		unsigned cp, nx = ' ';
		size_t l = dec(t, lim, j, &cp);
		if (!is_hyphen(cp))
			break;
		if (j + l < lim)
			dec(t, lim, j + l, &nx);
		if (is_word(nx) && !is_mark(nx)) {
			j += l;
			continue;
		}
		if (!is_hyphen(nx) && c->last.letters) {
			j += l;
			c->suspended = 1;
		}
		break;
	}
	c->end = j;
}

static enum tok_kind compound_kind(unsigned kinds)
{
	if (kinds & (1u << TOK_WORD))
		return TOK_WORD;
	if (kinds == 1u << TOK_NUMBER)
		return TOK_NUMBER;
	if (kinds == 1u << TOK_OTHER)
		return TOK_OTHER;
	if ((kinds & (1u << TOK_ACRONYM)) && !(kinds & ~((1u << TOK_ACRONYM) | (1u << TOK_OTHER))))
		return TOK_ACRONYM;
	return TOK_CODE;
}

static int is_abbrev(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof abbrevs / sizeof *abbrevs; i++)
		if (strlen(abbrevs[i]) == n && !memcmp(abbrevs[i], w, n))
			return 1;
	return 0;
}

/* Characters of an address, ASCII part (RFC 3986 less the quote, the
 * brackets, comma and semicolon, which in prose close the sentence). */
static int addr_ascii(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("-._~:/?#@!$&*+=%", c));
}

/* The run of address characters at i, without the punctuation that ends
 * the sentence after it. Non-ASCII letters count (Bremen has umlaut
 * domains). */
static size_t addr_run(const char *t, size_t len, size_t i)
{
	size_t lim = len - i > ADDR_MAX ? i + ADDR_MAX : len, j = i;
	while (j < lim) {
		unsigned char c = (unsigned char)t[j];
		if (c < 0x80) {
			if (!addr_ascii(c))
				break;
			j++;
			continue;
		}
		unsigned cp;
		size_t l = dec(t, len, j, &cp);
		if (!is_word(cp) || j + l > lim)
			break;
		j += l;
	}
	while (j > i && strchr(".:!?", t[j - 1]))
		j--;
	return j;
}

static int has_prefix_ci(const char *s, size_t n, const char *p)
{
	size_t pl = strlen(p);
	if (n <= pl)
		return 0;
	for (size_t i = 0; i < pl; i++)
		if ((s[i] | 0x20) != p[i] && s[i] != p[i])
			return 0;
	return 1;
}

static int is_tld(const char *s, size_t n)
{
	static const char *const tlds[] = {
		"de", "com", "org", "net", "eu", "info", "gov", "edu", "int", "io",
		"at", "ch", "nl", "be", "lu", "dk", "fr", "uk", "pl", "bremen",
	};
	for (size_t i = 0; i < sizeof tlds / sizeof *tlds; i++)
		if (strlen(tlds[i]) == n && !memcmp(tlds[i], s, n))
			return 1;
	return 0;
}

/* Length of a domain name at s[0..n) ("bremen.de", "www.finanzen.bremen.de"):
 * labels of letters, digits and hyphens joined by single dots, at least
 * two, the last a known top-level domain (any of two or more ASCII letters
 * when any_tld, as after the @ of an address). 0 when there is none. */
static size_t domain_len(const char *s, size_t n, int any_tld)
{
	size_t i = 0, labels = 0, last = 0, end = 0;
	for (;;) {
		size_t b = i;
		while (i < n && (addr_ascii((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80) &&
		       !strchr(".:/?#@!$&*+=%~_", s[i]))
			i++;
		if (i == b)
			break;
		labels++;
		last = b;
		end = i;
		if (i + 1 < n && s[i] == '.')
			i++;
		else
			break;
	}
	if (labels < 2)
		return 0;
	size_t tl = end - last;
	if (any_tld) {
		if (tl < 2)
			return 0;
		for (size_t k = last; k < end; k++)
			if (!((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z'))
				return 0;
		return end;
	}
	return is_tld(s + last, tl) ? end : 0;
}

/* An address starting at i: a URL (scheme, "www." or a domain name with
 * a known top-level domain, with its path) or an e-mail address. */
static int scan_address(const char *t, size_t len, size_t i, struct token *out)
{
	size_t e = addr_run(t, len, i), n = e - i;
	const char *s = t + i;
	if (n < 4)
		return 0;
	out->start = i;
	if (has_prefix_ci(s, n, "mailto:")) {
		out->end = e;
		out->kind = TOK_EMAIL;
		return 1;
	}
	if (has_prefix_ci(s, n, "https://") || has_prefix_ci(s, n, "http://") ||
	    has_prefix_ci(s, n, "ftp://") || has_prefix_ci(s, n, "www.")) {
		out->end = e;
		out->kind = TOK_URL;
		return 1;
	}
	const char *at = memchr(s, '@', n);
	if (at) {
		size_t local = (size_t)(at - s);
		if (!local)
			return 0;
		for (size_t k = 0; k < local; k++) {
			unsigned char c = (unsigned char)s[k];
			if (!(c < 0x80 && (addr_ascii(c) && !strchr(":/?#@!$&*=~", c))))
				return 0;
		}
		size_t d = domain_len(at + 1, n - local - 1, 1);
		if (!d)
			return 0;
		out->end = i + local + 1 + d;
		out->kind = TOK_EMAIL;
		return 1;
	}
	size_t d = domain_len(s, n, 0);
	if (!d)
		return 0;
	/* A path belongs to the address; anything else after the name
	 * ("bremen.de:" in a sentence) does not. */
	out->end = d < n && s[d] == '/' ? e : i + d;
	out->kind = TOK_URL;
	return 1;
}

int tokens_next(const char *t, size_t len, size_t *pos, struct token *out)
{
	size_t i = *pos;
	unsigned cp = 0;
	size_t l = 0;
	while (i < len) {
		l = dec(t, len, i, &cp);
		if (utf8_class(cp) != UTF8_SPACE)
			break;
		i += l;
	}
	if (i >= len) {
		*pos = len;
		return 0;
	}
	unsigned char c = (unsigned char)t[i];
	if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || is_digit(c)) {
		if (scan_address(t, len, i, out)) {
			*pos = out->end;
			return 1;
		}
	}
	out->start = i;
	if (!is_word(cp) || is_mark(cp)) {
		out->end = i + l;
		out->kind = TOK_OTHER;
		*pos = out->end;
		return 1;
	}

	struct compound co;
	scan_compound(t, len, i, &co);
	size_t end = co.end;
	enum tok_kind kind = compound_kind(co.kinds);
	if (co.nseg == 1 && !co.suspended && end < len && t[end] == '.') {
		if (kind == TOK_NUMBER) {
			/* An ordinal keeps its dot ("3.", "21.", "am 4.4."); a year,
			 * an amount ("1,90.") or a time before a full stop does not. */
			if (co.last.group >= 1 && co.last.group <= 2 && !co.last.decimal)
				end++;
		} else if (!co.last.digits && co.last.letters) {
			/* "z.B.", "i.d.R.", "u.a.": letters and dots with no space;
			 * no abbreviation has more than five parts. */
			size_t k = end;
			int chain = 0;
			while (k + 1 < len && t[k] == '.' && chain < 4) {
				struct seg s2;
				size_t e2 = segment(t, len, k + 1, &s2);
				if (e2 == k + 1 || s2.digits || !s2.letters || e2 >= len || t[e2] != '.')
					break;
				chain++;
				k = e2;
			}
			if (chain) {
				end = k + 1;
				kind = TOK_ABBREV;
			} else if (co.last.letters == 1 || is_abbrev(t + i, end - i)) {
				end++;
				kind = TOK_ABBREV;
			}
		}
	}
	out->end = end;
	out->kind = kind;
	*pos = end;
	return 1;
}

size_t tokens_parts(const char *text, const struct token *t, struct token *parts, size_t max)
{
	if (t->kind != TOK_WORD) {
		if (max)
			parts[0] = *t;
		return 1;
	}
	size_t n = 0, j = t->start;
	while (j < t->end) {
		struct seg s;
		size_t e = segment(text, t->end, j, &s), next = t->end;
		struct token p = {j, e, seg_kind(&s)};
		if (e == j)
			break;
		if (e < t->end) {
			unsigned cp;
			size_t l = dec(text, t->end, e, &cp);
			if (is_hyphen(cp)) {
				next = e + l;
				if (next == t->end)
					p.end = next;           /* the suspended hyphen */
			} else {
				p.end = t->end;
			}
		}
		if (n < max)
			parts[n] = p;
		n++;
		j = next;
	}
	return n;
}

/* "u" + U+0308 -> "ü": the Latin-1 letters, which is all a German
 * dictionary holds. Upper-case rows; a small letter is 0x20 above both. */
static unsigned compose(unsigned base, unsigned mark)
{
	static const struct {
		char base;
		unsigned short mark;
		unsigned char comp;
	} tab[] = {
		{'A', 0x300, 0xC0}, {'A', 0x301, 0xC1}, {'A', 0x302, 0xC2}, {'A', 0x303, 0xC3},
		{'A', 0x308, 0xC4}, {'A', 0x30A, 0xC5}, {'C', 0x327, 0xC7}, {'E', 0x300, 0xC8},
		{'E', 0x301, 0xC9}, {'E', 0x302, 0xCA}, {'E', 0x308, 0xCB}, {'I', 0x300, 0xCC},
		{'I', 0x301, 0xCD}, {'I', 0x302, 0xCE}, {'I', 0x308, 0xCF}, {'N', 0x303, 0xD1},
		{'O', 0x300, 0xD2}, {'O', 0x301, 0xD3}, {'O', 0x302, 0xD4}, {'O', 0x303, 0xD5},
		{'O', 0x308, 0xD6}, {'U', 0x300, 0xD9}, {'U', 0x301, 0xDA}, {'U', 0x302, 0xDB},
		{'U', 0x308, 0xDC}, {'Y', 0x301, 0xDD},
	};
	if (base == 'y' && mark == 0x308)
		return 0xFF;
	unsigned small = base >= 'a' && base <= 'z';
	unsigned up = small ? base - 0x20 : base;
	for (size_t i = 0; i < sizeof tab / sizeof *tab; i++)
		if ((unsigned)tab[i].base == up && tab[i].mark == mark)
			return tab[i].comp + (small ? 0x20u : 0u);
	return 0;
}

size_t tokens_normalize(const char *w, size_t n, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t l = utf8_decode(w + i, n - i, &cp);
		if (cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF) {
			i += l;
			continue;
		}
		if (cp == 0x2019 || cp == 0x02BC) {
			out[o++] = '\'';
			i += l;
			continue;
		}
		if (cp == 0x2010 || cp == 0x2011) {
			out[o++] = '-';
			i += l;
			continue;
		}
		if (cp >= 0x300 && cp <= 0x36F && o > 0 && (unsigned char)out[o - 1] < 0x80) {
			unsigned c = compose((unsigned char)out[o - 1], cp);
			if (c) {
				/* Three bytes in (letter and mark), two out. */
				out[o - 1] = (char)(0xC0 | (c >> 6));
				out[o++] = (char)(0x80 | (c & 0x3F));
				i += l;
				continue;
			}
		}
		memcpy(out + o, w + i, l);
		o += l;
		i += l;
	}
	return o;
}
