/* reader.c: text to model.
 *
 * The text is cut into lines and the lines into blocks at blank lines.
 * A small state machine walks the blocks in document order (head, lead-in,
 * questions, Senate's part, answers); in each state a table of PCRE2
 * patterns says what a line or block is. The head is collected first and
 * resolved as a whole once its end is known, because only then can the
 * reader tell a title typed on its own line from the askers' preamble. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "reader.h"
#include "buf.h"
#include "clean.h"
#include "heading.h"
#include "utf8.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum pattern {
	P_SESSION, P_TITLE, P_KINDLINE, P_FRAGESTUNDE_LINE, P_HEADERLINE,
	P_INTRO, P_WORTLAUT, P_LEADIN, P_QUESTION, P_SENATE, P_SIGNATURE, P_DRUCKSACHE,
	P_STADT, P_LAND, P_PREAMBLE_ASKERS, P_PREAMBLE_SENATE, P_ANSWER_LABEL, P_SECTION,
	P_COLLECTION, P_FOOTNOTES, P_DOCTYPE, P_ASKERS_LINE, P_TOPIC, P_DATES_LINE,
	P_WITHDRAWAL, P_CLOSING,
	P_NPATTERNS
};

static const char *const patterns[P_NPATTERNS] = {
	[P_SESSION] = "^Vorlage\\s+für\\s+die\\s+Sitzung\\s+des\\s+Senats(?:\\s+am)?\\s*"
	              "(?:(\\d{1,2})\\.\\s*(\\d{1,2})\\.\\s*(\\d{4})|\\(Datum offen\\))?$",
	/* „Frage für die Fragestunde – L4 “Titel““ */
	[P_TITLE] = "^[„\"“](Frage für die Fragestunde|Kleine Anfrage|Große Anfrage|[^–\"“”„]*?)"
	            "(?:\\s+[–-]\\s+(?:(?:Drs\\.|Drucksache)\\s*)?(\\S+))?\\s+[“\"](.*)[“”\"][“”\"]$",
	/* Kleine Anfrage der Fraktion DIE LINKE vom 12. März 2024 */
	/* Kleine Anfrage der Fraktion DIE LINKE vom 12. März 2024
	 * Anfrage der Abgeordneten … und Fraktion der FDP vom 23. Januar 2020 */
	[P_KINDLINE] = "^(?:(Kleine|Große)\\s+)?Anfrage\\s+(?:der|des|von)\\s+(.+?)(?:\\s+vom\\s+\\d.*)?$",
	/* "Anfrage für die Fragestunde der …", "Fragestunde der Bürgerschaft
	 * (Landtag) am 14. Mai 2025" */
	[P_FRAGESTUNDE_LINE] = "^(?:Anfrage\\s+(?:für\\s+die|zur)\\s+)?Fragestunde\\b.{0,120}(?<![.?!:])$",
	/* Berlin: "der Abgeordneten Hanne Voßkamp (GRÜNE)" under "Schriftliche
	 * Anfrage"; "zum Thema:" above the title; "vom …", "und Antwort vom …" */
	[P_ASKERS_LINE] = "^(?:der|des)\\s+(?:Abgeordnete[nr]?|Fraktion(?:en)?)\\s+.+$",
	[P_TOPIC] = "^zum\\s+Thema:?$",
	[P_DATES_LINE] = "^(?:und\\s+Antwort\\s+)?vom\\s+\\d.*$",
	/* "Die Fraktion der CDU zieht ihre Anfrage … zurück." */
	[P_WITHDRAWAL] = "^(.+?)\\s+(?:zieht|ziehen)\\s+(?:ihre|seine)\\s+.*?Anfrage\\b.*\\bzurück\\b",
	/* "Bremen, den 12. Mai 2025": the closing of a letter */
	[P_CLOSING] = "^\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}[\\p{L}-]+)?,\\s+(?:den\\s+)?\\d{1,2}\\."
	              "\\s*(?:\\d{1,2}\\.|\\p{L}+)\\s*\\d{4}$",
	/* Lines of a parliament's letterhead: known, kept, never a title. */
	[P_HEADERLINE] = "^(?:BREMISCHE\\s+BÜRGERSCHAFT|Bremische\\s+Bürgerschaft|Landtag|"
	                 "Stadtbürgerschaft|\\d{1,2}\\.\\s*Wahlperiode|(?:Drucksache|Drs\\.)\\s*\\d"
	                 "|\\d{1,2}\\.\\s*\\d{1,2}\\.\\s*\\d{2,4}$)",
	[P_INTRO] = "^(.+?)\\s+(?:hat|haben)\\s+(?:die\\s+)?folgende\\s+(.+?)\\s+an\\s+den\\s+"
	            "Senat\\s+gestellt\\s*[:.]?$",
	/* Die Kleine Anfrage … hat folgenden Wortlaut: (other parliaments) */
	[P_WORTLAUT] = "^(?:Die|Der)\\s+(?:\\S+\\s+)?Anfrage(?:\\s+(?:der|des|von)\\s+(.+?))?"
	               "(?:\\s+vom\\s+\\d.*?)?\\s+hat\\s+folgenden\\s+Wortlaut\\s*:?$",
	/* "Kleine Anfrage zur schriftlichen Beantwortung …": what the paper is */
	[P_DOCTYPE] = "^(?:Kleine|Große|Schriftliche|Mündliche|Dringliche)\\s+Anfrage\\b[^:]*$",
	[P_LEADIN] = "^[„\"]?\\s*(?:[^.?!:„\"]{0,60}?\\s)?(?:[Ww]ir\\s+fragen|[Ii]ch\\s+frage|"
	             "fragen\\s+wir|frage\\s+ich)\\s+(?:den\\s+Senat|die\\s+Landesregierung|"
	             "die\\s+Bundesregierung|die\\s+Staatsregierung)\\s*:?$",
	/* 1. Text / 1) Text / 1.2 Text / Frage 1: Text / Erstens: Text, or
	 * the number alone on its line (the words as in heading_ordinals) */
	[P_QUESTION] = "^(?:(\\d{1,2})\\.([1-9]\\d{0,2})\\.?|(\\d{1,3})[.)]|Frage\\s+(\\d{1,3})\\s*:|"
	               "(Erstens|Zweitens|Drittens|"
	               "Viertens|Fünftens|Sechstens|Siebtens|Achtens|Neuntens|Zehntens)\\s*:)"
	               "(?:\\s+(?=\\S)|$)",
	/* Where the government's part begins, in Bremen and elsewhere. */
	[P_SENATE] = "^(?:Der\\s+Senat\\s+beantwortet\\b.*|Antwort\\s+(?:des\\s+Senats|der\\s+"
	             "Landesregierung|der\\s+Bundesregierung|der\\s+Staatsregierung)(?:\\s+(?:auf|zu)"
	             "\\s.*)?:?|(?:Im\\s+Namen|Namens)\\s+(?:des\\s+Senats|der\\s+Landesregierung|der"
	             "\\s+Bundesregierung)\\b.*\\bbeantworte.*)$",
	/* Sofia Leonidakis, Nelson Janßen und Fraktion DIE LINKE */
	[P_SIGNATURE] = "^(?:[^?!:]{0,200}?(?:,\\s+|\\s+und\\s+))?(?:[Dd]ie\\s+)?Fraktion(?:en)?\\s+"
	                "\\S[^?!:]{0,80}(?<!\\.)$",
	[P_DRUCKSACHE] = "\\b(?:Drucksache|Drs\\.)[ \\t]*(\\d{1,2}[ \\t]*/[ \\t]*\\d{1,6})",
	[P_STADT] = "Stadtbürgerschaft|Bürgerschaft\\s*\\(Stadt\\)",
	[P_LAND] = "Landtag|Bürgerschaft\\s*\\(Land\\)",
	[P_PREAMBLE_ASKERS] = "^Vorbemerkung\\s+(?:der\\s+Fragesteller(?:in|innen)?|des\\s+"
	                      "Fragestellers|des\\s+Abgeordneten|der\\s+Abgeordneten|der\\s+Fraktion)\\b",
	[P_PREAMBLE_SENATE] = "^Vorbemerkung\\s+(?:des\\s+Senats|der\\s+Landesregierung|der\\s+"
	                      "Bundesregierung|der\\s+Verwaltung)\\b",
	/* "Antwort: …" directly under a question */
	[P_ANSWER_LABEL] = "^Antwort\\s*:\\s*",
	/* "II. Sanierungsstand": a section of the questions */
	[P_SECTION] = "^[IVX]{1,4}\\.\\s+\\p{Lu}[^?]*$",
	[P_FOOTNOTES] = "^Fußnoten:?$",
	/* "Anfrage 2: Titel": one inquiry of several in a file */
	[P_COLLECTION] = "^Anfrage\\s+(\\d{1,3})\\s*:\\s*(\\S.*)$",
};


/* What a block of the head turned out to be, resolved at the head's end. */
enum head_kind { H_SESSION, H_TITLE, H_INTRO, H_KNOWN, H_UNKNOWN };

struct head_item {
	enum head_kind kind;
	char *text;          /* owned until handed to the model */
	int title_candidate; /* a short line that may be a title */
	int preamble;        /* under a "Vorbemerkung der Fragesteller" */
	size_t line;         /* where it began in the input */
};

enum state { S_HEAD, S_QUESTIONS, S_AFTER_QUESTIONS, S_SENATE, S_ANSWERS, S_END };

struct reader {
	pcre2_code *re[P_NPATTERNS];
	pcre2_match_data *md;
	const char *subject;      /* of the last match, for group() */
	int groups;               /* what the last pcre2_match() returned */
	struct inquiry *q;
	enum state state;
	struct clines text;       /* the cleaned lines */
	struct cline *lines;      /* = text.v */
	size_t nlines;
	struct head_item *head;
	size_t nhead;
	int title_explicit;
	int title_next;           /* after "zum Thema:" */
	int preamble_mode;        /* after "Vorbemerkung der Fragesteller" */
	size_t seg_to;            /* end of the inquiry being read */
	size_t leadin_at;         /* its first lead-in line, or seg_to */
	size_t line;              /* input line of the block being read */
	struct question *cur_q;   /* question receiving paragraphs */
	struct answer *cur_a;     /* answer receiving paragraphs */
	int last_number;          /* number of the last question read */
	int all_ones;             /* every question so far was numbered "1." */
	int renumbered;           /* … and antwort counted them */
	int interleaved;          /* "Antwort:" directly under each question */
	char *section;            /* "II. …" waiting for its first question */
	struct mark {             /* where each answer's heading stood */
		const char *heading;
		size_t line;
	} *marks;
	size_t nmarks;
};

/* ---- patterns ---------------------------------------------------------- */

/* From this many bytes of text on, the patterns are compiled to machine
 * code (PCRE2's JIT): that costs about a millisecond for the table, and
 * pays off once there are thousands of lines to match (a 500 KB inquiry:
 * matching 24 M instructions interpreted, 7 M compiled). */
#define JIT_FROM (64 * 1024)

static int compile_all(struct reader *r, size_t text_len, struct aw_error *err)
{
	for (int i = 0; i < P_NPATTERNS; i++) {
		int ec;
		PCRE2_SIZE off;
		r->re[i] = pcre2_compile((PCRE2_SPTR)patterns[i], PCRE2_ZERO_TERMINATED,
		                         PCRE2_UTF | PCRE2_UCP, &ec, &off, NULL);
		if (!r->re[i]) {
			char msg[160];
			snprintf(msg, sizeof msg, "Muster %d, Stelle %zu", i, (size_t)off);
			return aw_fail(err, AW_EINTERNAL, "reader.c", msg);
		}
		/* Without JIT (a PCRE2 built without it) the interpreter
		 * matches alike, only slower. */
		if (text_len >= JIT_FROM)
			pcre2_jit_compile(r->re[i], PCRE2_JIT_COMPLETE);
	}
	r->md = pcre2_match_data_create(8, NULL);
	return r->md ? 0 : aw_fail(err, AW_ENOMEM, "", "");
}

/* Matches pattern p against s[0..len). The text was validated once in
 * reader_read(), so PCRE2 need not check UTF-8 again on every call (that
 * check is linear per call and made tokenizer loops quadratic). */
static int match(struct reader *r, enum pattern p, const char *s, size_t len)
{
	r->subject = s;
	r->groups = pcre2_match(r->re[p], (PCRE2_SPTR)s, len, 0, PCRE2_NO_UTF_CHECK, r->md, NULL);
	return r->groups > 0;
}

/* Group g of the last match, or NULL/0 when it did not take part. */
static const char *group(struct reader *r, int g, size_t *len)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
	/* Pairs past the highest group that took part hold stale values. */
	if (g >= r->groups || ov[2 * g] == PCRE2_UNSET) {
		*len = 0;
		return NULL;
	}
	*len = ov[2 * g + 1] - ov[2 * g];
	return r->subject + ov[2 * g];
}

/* ---- helpers ----------------------------------------------------------- */

static char *dupn(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* The lines [a, b) joined with sep ("\n" keeps a paragraph as written,
 * " " gives one line to match sentence patterns against). */
static char *join(const struct reader *r, size_t a, size_t b, char sep)
{
	struct buf out = BUF_INIT;
	for (size_t i = a; i < b; i++) {
		if ((i > a && buf_addc(&out, sep)) ||
		    buf_add(&out, r->lines[i].s, r->lines[i].len)) {
			buf_free(&out);
			return NULL;
		}
	}
	return buf_take(&out);
}

static const char *skip_ws(const char *s, size_t *len)
{
	while (*len && (*s == ' ' || *s == '\t')) {
		s++;
		(*len)--;
	}
	return s;
}

static int to_int(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Replaces *field with a copy of s[0..n) unless it is already set. */
static int set_once(char **field, const char *s, size_t n)
{
	if (*field || n == 0)
		return 0;
	return (*field = dupn(s, n)) ? 0 : AW_ENOMEM;
}

static int hint(struct reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int hint(struct reader *r, const char *fmt, ...)
{
	/* Made to measure: a hint quotes lines, and a cut could split a
	 * UTF-8 character. */
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!msg)
		return AW_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return strlist_push(&r->q->hints, msg);
}

/* Parliament and Drucksache number mentioned anywhere in s. */
static int note_metadata(struct reader *r, const char *s, size_t n)
{
	struct inquiry *q = r->q;
	size_t len;
	if (q->parliament == PARL_UNKNOWN) {
		if (match(r, P_STADT, s, n))
			q->parliament = PARL_STADT;
		else if (match(r, P_LAND, s, n))
			q->parliament = PARL_LANDTAG;
	}
	if (!q->number && match(r, P_DRUCKSACHE, s, n)) {
		const char *g = group(r, 1, &len);
		struct buf b = BUF_INIT;
		int rc = 0;
		for (size_t i = 0; i < len; i++)  /* "19 / 1234" -> "19/1234" */
			if (g[i] != ' ' && g[i] != '\t')
				rc |= buf_addc(&b, g[i]);
		if (rc || !(q->number = buf_take(&b))) {
			buf_free(&b);
			return AW_ENOMEM;
		}
	}
	return 0;
}

static void kind_from_words(struct inquiry *q, const char *s)
{
	if (q->kind != KIND_OTHER)
		return;
	if (strstr(s, "Fragestunde"))
		q->kind = KIND_FRAGESTUNDE;
	else if (strstr(s, "Kleine Anfrage") || strstr(s, "Kleinen Anfrage"))
		q->kind = KIND_KLEINE;
	else if (strstr(s, "Große Anfrage") || strstr(s, "Großen Anfrage"))
		q->kind = KIND_GROSSE;
}

/* Askers without the article: "Die Fraktion der SPD" -> "Fraktion der SPD". */
static int set_askers(struct inquiry *q, const char *s, size_t n)
{
	/* "Die Fraktion der SPD" -> "Fraktion der SPD"; "der Abgeordneten
	 * Eva Beispiel (SPD)" -> "Eva Beispiel (SPD)": the names say it. */
	static const char *const articles[] = {"Die ", "Der ", "Das ", "die ", "der ", "des "};
	static const char *const members[] = {"Abgeordneten ", "Abgeordnete ", "Abgeordneter "};
	for (size_t i = 0; i < sizeof articles / sizeof *articles; i++) {
		size_t al = strlen(articles[i]);
		if (n > al && !strncmp(s, articles[i], al)) {
			s += al;
			n -= al;
			break;
		}
	}
	for (size_t i = 0; i < sizeof members / sizeof *members; i++) {
		size_t ml = strlen(members[i]);
		if (n > ml && !strncmp(s, members[i], ml)) {
			s += ml;
			n -= ml;
			break;
		}
	}
	/* No dangling "-" or ",": the intro made from the askers must read
	 * back as an intro after cleaning ("…- hat" would be joined). */
	while (n && strchr("-,;: ", s[n - 1]))
		n--;
	return set_once(&q->askers, s, n);
}

/* ---- the head ---------------------------------------------------------- */

static int head_push(struct reader *r, enum head_kind kind, char *text, int candidate)
{
	if (!text)
		return AW_ENOMEM;
	struct head_item *h = realloc(r->head, (r->nhead + 1) * sizeof *h);
	if (!h) {
		free(text);
		return AW_ENOMEM;
	}
	r->head = h;
	r->head[r->nhead++] = (struct head_item){kind, text, candidate, r->preamble_mode, r->line};
	return 0;
}

/* A title typed on a line of its own: short, and not a sentence. */
static int looks_like_title(const char *s, size_t n)
{
	if (n == 0 || n > 200)
		return 0;
	char last = s[n - 1];
	return !strchr(".!?:;,", last);
}

/* Strips one pair of surrounding quotes from a guessed title. */
static char *unquote(const char *s, size_t n)
{
	static const char *const open[] = {"„", "\"", "“", "»"};
	static const char *const close[] = {"“", "\"", "”", "«"};
	for (size_t i = 0; i < 4; i++) {
		size_t lo = strlen(open[i]), lc = strlen(close[i]);
		if (n >= lo + lc && !strncmp(s, open[i], lo) && !strncmp(s + n - lc, close[i], lc))
			return dupn(s + lo, n - lo - lc);
	}
	return dupn(s, n);
}

/* The text ends with "?", perhaps inside closing quotes: „…?“ */
static int ends_with_question_mark(const char *s, size_t n)
{
	while (n && strchr("\" ", s[n - 1]))
		n--;
	while (n >= 3 && (!strncmp(s + n - 3, "“", 3) || !strncmp(s + n - 3, "”", 3)))
		n -= 3;
	return n && s[n - 1] == '?';
}

/* Text kept verbatim that ends like a question is a doubt: a question
 * the reader did not see as one? With strict, only a question mark that
 * ends the text counts (not one inside a closing quote). */
static int doubt_question_mark(struct reader *r, const char *text, size_t line, int strict)
{
	size_t n = strlen(text);
	if (strict ? !n || text[n - 1] != '?' : !ends_with_question_mark(text, n))
		return 0;
	return hint(r, "Zeile %zu: Hier steht eine Frage ohne Nummer außerhalb der Fragen; "
	            "prüfen Sie, ob sie zur Anfrage gehört.", line);
}

/* Decides what the collected head blocks were and hands them to the model
 * (at_end: the document ended in its head, without questions):
 * without a title line, the first short line is the title; blocks after
 * the intro (or, without one, after the title) are the askers' preamble;
 * everything else is kept verbatim after the part it followed. */
static int resolve_head(struct reader *r, int at_end)
{
	struct inquiry *q = r->q;
	int has_intro = 0, rc = 0;
	size_t guessed = (size_t)-1;

	for (size_t i = 0; i < r->nhead; i++)
		if (r->head[i].kind == H_INTRO)
			has_intro = 1;
	if (!r->title_explicit) {
		for (size_t i = 0; i < r->nhead; i++) {
			if (r->head[i].kind == H_INTRO)
				break;
			if (r->head[i].title_candidate) {
				guessed = i;
				free(q->title);
				q->title = unquote(r->head[i].text, strlen(r->head[i].text));
				if (!q->title)
					return AW_ENOMEM;
				break;
			}
		}
	}

	enum part anchor = PART_START;
	int seen_intro = 0, seen_title = 0;
	for (size_t i = 0; i < r->nhead && !rc; i++) {
		struct head_item *h = &r->head[i];
		char *text = h->text;
		h->text = NULL;
		if (i == guessed) {
			anchor = PART_TITLE;
			seen_title = 1;
			free(text);
			continue;
		}
		switch (h->kind) {
		case H_SESSION: anchor = PART_SESSION; free(text); break;
		case H_TITLE: anchor = PART_TITLE; seen_title = 1; free(text); break;
		case H_INTRO: anchor = PART_INTRO; seen_intro = 1; free(text); break;
		case H_KNOWN: rc = inquiry_add_extra(q, anchor, text); break;
		case H_UNKNOWN:
			/* A text with no questions at all (a withdrawal notice)
			 * has no preamble to them either. */
			if (!at_end && (h->preamble || seen_intro || (!has_intro && seen_title))) {
				/* A preamble may quote an old question („…?“); one
				 * asked in its own words is a doubt. */
				if (!(rc = doubt_question_mark(r, text, h->line, 1)))
					rc = strlist_push(&q->preamble, text);
				else
					free(text);
			} else if (!(rc = doubt_question_mark(r, text, h->line, 0)) &&
			           !(rc = note_metadata(r, text, strlen(text)))) {
				rc = inquiry_add_extra(q, anchor, text);
			} else {
				free(text);
			}
			break;
		}
	}
	return rc;
}

/* One line of the head recognised on its own; returns 1 if it was. */
static int head_line(struct reader *r, const struct cline *l, int *rc)
{
	struct inquiry *q = r->q;
	size_t len;
	const char *g;

	*rc = 0;
	if (match(r, P_SESSION, l->s, l->len)) {
		/* A second session line is not ours to interpret: kept. */
		if (q->session_line) {
			*rc = head_push(r, H_KNOWN, dupn(l->s, l->len), 0);
			return 1;
		}
		if ((g = group(r, 1, &len))) {
			int d = to_int(g, len), m, y;
			g = group(r, 2, &len);
			m = to_int(g, len);
			g = group(r, 3, &len);
			y = to_int(g, len);
			if (d >= 1 && d <= 31 && m >= 1 && m <= 12) {
				q->session_day = d;
				q->session_month = m;
				q->session_year = y;
			}
		}
		if (!(q->session_line = dupn(l->s, l->len)))
			*rc = AW_ENOMEM;
		else
			*rc = head_push(r, H_SESSION, dupn(l->s, l->len), 0);
		return 1;
	}
	if (!q->title_line && match(r, P_TITLE, l->s, l->len)) {
		g = group(r, 1, &len);
		char *kind = dupn(g, len);
		if (!kind) {
			*rc = AW_ENOMEM;
			return 1;
		}
		kind_from_words(q, kind);
		free(kind);
		if ((g = group(r, 2, &len)) && !q->number) {
			while (len && strchr(",;", g[len - 1]))
				len--;
			*rc |= set_once(&q->number, g, len);
		}
		g = group(r, 3, &len);
		free(q->title);
		q->title = len ? dupn(g, len) : NULL;
		if (len && !q->title)
			*rc = AW_ENOMEM;
		r->title_explicit = 1;
		if (!(q->title_line = dupn(l->s, l->len)))
			*rc = AW_ENOMEM;
		if (!*rc)
			*rc = head_push(r, H_TITLE, dupn(l->s, l->len), 0);
		return 1;
	}
	if (match(r, P_KINDLINE, l->s, l->len)) {
		if ((g = group(r, 1, &len)) && q->kind == KIND_OTHER)
			q->kind = *g == 'K' ? KIND_KLEINE : KIND_GROSSE;
		g = group(r, 2, &len);
		*rc = set_askers(q, g, len);
		*rc |= note_metadata(r, l->s, l->len);
		if (!*rc)
			*rc = head_push(r, H_KNOWN, dupn(l->s, l->len), 0);
		return 1;
	}
	if (match(r, P_COLLECTION, l->s, l->len)) {
		/* "Anfrage 2: Titel" names this inquiry of a collection. */
		g = group(r, 2, &len);
		if (!q->title && !(q->title = dupn(g, len)))
			*rc = AW_ENOMEM;
		if (!*rc)
			*rc = head_push(r, H_KNOWN, dupn(l->s, l->len), 0);
		return 1;
	}
	if (r->title_next) {
		/* The line after "zum Thema:" is the title. */
		r->title_next = 0;
		if (!r->title_explicit) {
			free(q->title);
			if (!(q->title = unquote(l->s, l->len)))
				*rc = AW_ENOMEM;
			r->title_explicit = 1;
		}
		if (!*rc)
			*rc = head_push(r, H_KNOWN, dupn(l->s, l->len), 0);
		return 1;
	}
	if (match(r, P_TOPIC, l->s, l->len) || match(r, P_DATES_LINE, l->s, l->len)) {
		r->title_next = match(r, P_TOPIC, l->s, l->len);
		*rc = head_push(r, H_KNOWN, dupn(l->s, l->len), 0);
		return 1;
	}
	if (match(r, P_ASKERS_LINE, l->s, l->len) || match(r, P_WITHDRAWAL, l->s, l->len)) {
		g = group(r, 1, &len);
		*rc = g ? set_askers(q, g, len) : set_askers(q, l->s, l->len);
		if (!*rc)
			*rc = head_push(r, H_KNOWN, dupn(l->s, l->len), 0);
		return 1;
	}
	if (match(r, P_DOCTYPE, l->s, l->len)) {
		kind_from_words(q, l->s);
		*rc = head_push(r, H_KNOWN, dupn(l->s, l->len), 0);
		return 1;
	}
	int fragestunde = match(r, P_FRAGESTUNDE_LINE, l->s, l->len);
	if (fragestunde || match(r, P_HEADERLINE, l->s, l->len)) {
		if (fragestunde)
			kind_from_words(q, "Fragestunde");
		*rc = note_metadata(r, l->s, l->len);
		if (!*rc)
			*rc = head_push(r, H_KNOWN, dupn(l->s, l->len), 0);
		return 1;
	}
	return 0;
}

/* ---- questions and answers --------------------------------------------- */


/* The number of a question line matched by P_QUESTION. */
static int question_number(struct reader *r)
{
	size_t len;
	const char *g;
	if ((g = group(r, 1, &len))) {   /* decimal: 1.2 */
		int major = to_int(g, len);
		g = group(r, 2, &len);
		return major * HEADING_DECIMAL + to_int(g, len);
	}
	if ((g = group(r, 3, &len)) || (g = group(r, 4, &len)))
		return to_int(g, len);
	g = group(r, 5, &len);
	for (size_t i = 0; i < HEADING_NORDINALS; i++)
		if (strlen(heading_ordinals[i]) == len && !strncmp(g, heading_ordinals[i], len))
			return (int)i + 1;
	return 0;
}


/* Starts a question if line l is numbered as the next one; 1 if it did. */
static int question_line(struct reader *r, const struct cline *l, int *rc)
{
	size_t n = l->len;
	const char *s = skip_ws(l->s, &n);
	char *marker;

	*rc = 0;
	if (!match(r, P_QUESTION, s, n))
		return 0;
	int number = question_number(r);
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
	size_t text_at = ov[1];  /* the match ends where the text begins */
	size_t mlen = text_at;
	while (mlen && (s[mlen - 1] == ' ' || s[mlen - 1] == '\t'))
		mlen--;

	if (number <= r->last_number) {
		/* Every question numbered "1." by a broken conversion: count
		 * them, as long as each still reads as a question. */
		if (number == 1 && r->all_ones && ends_with_question_mark(s, n)) {
			number = r->last_number + 1;
			if (!r->renumbered)
				*rc = hint(r, "Zeile %zu: Alle Fragen waren mit „1.“ nummeriert; antwort "
				           "hat sie durchgezählt – prüfen Sie die Aufteilung.", l->orig);
			r->renumbered = 1;
			char m[16];
			snprintf(m, sizeof m, "%d.", number);
			marker = strdup(m);
		} else {
			/* A number that does not count upwards is text inside
			 * a question ("1. Oktober"), not a new one; say so. */
			char nr[16];
			heading_label(r->last_number, nr);
			*rc = hint(r, "Zeile %zu: „%.*s“ zählt nicht weiter (nach Frage %s) und wurde "
			           "als Text von Frage %s gelesen; prüfen Sie die Nummerierung.",
			           l->orig, (int)mlen, s, nr, nr);
			return 0;
		}
	} else {
		/* After 1.3 comes 1.4 or 2.1. */
		int next = number == r->last_number + 1 ||
		           (number % HEADING_DECIMAL == 1 &&
		            number / HEADING_DECIMAL == r->last_number / HEADING_DECIMAL + 1);
		char x[16], y[16];
		if (r->last_number && !next)
			*rc = hint(r, "Zeile %zu: Auf Frage %s folgt Frage %s; prüfen Sie, ob eine Frage "
			           "fehlt oder falsch nummeriert ist.", l->orig,
			           heading_label(r->last_number, x), heading_label(number, y));
		r->all_ones = number == 1 && r->last_number == 0;
		marker = dupn(s, mlen);
	}
	struct question *qu;
	*rc |= inquiry_add_question(r->q, number, marker, &qu);
	if (*rc)
		return 1;
	qu->section = r->section;
	r->section = NULL;
	/* "Frage 1:" alone: the text follows on the next line. */
	if (text_at < n)
		*rc = strlist_addn(&qu->paras, s + text_at, n - text_at);
	r->cur_q = qu;
	r->last_number = number;
	return 1;
}

/* Appends an answer in the Senate's part (taking covers and heading); a
 * section heading read just before it goes with it. */
static int new_answer(struct reader *r, int *covers, size_t n, char *heading)
{
	int rc = inquiry_add_answer(r->q, r->q->nanswers, covers, n, heading, &r->cur_a);
	if (!rc) {
		r->cur_a->section = r->section;
		r->section = NULL;
	}
	return rc;
}

/* An answer to a question that does not exist is a doubt. (Answers to a
 * question already answered are judged at the end, doubt_double_answers.)
 * The hint quotes the heading, not the text after its colon. */
static int doubt_covers(struct reader *r, const int *covers, size_t n, const struct cline *l,
                        size_t heading_len)
{
	const struct inquiry *q = r->q;
	int rc = 0;
	for (size_t k = 0; k < n && !rc; k++) {
		if (q->nquestions && !inquiry_question(q, covers[k])) {
			char nr[16];
			rc = hint(r, "Zeile %zu: „%.*s“ beantwortet Frage %s, die es nicht gibt; prüfen "
			          "Sie die Nummer.", l->orig, (int)heading_len, l->s,
			          heading_label(covers[k], nr));
		}
	}
	return rc;
}

/* Remembers the input line of the current answer's heading. */
static int mark_heading(struct reader *r, size_t line)
{
	struct mark *m = realloc(r->marks, (r->nmarks + 1) * sizeof *m);
	if (!m)
		return AW_ENOMEM;
	r->marks = m;
	r->marks[r->nmarks++] = (struct mark){r->cur_a->heading, line};
	return 0;
}

static size_t marked_line(const struct reader *r, const char *heading)
{
	for (size_t i = 0; i < r->nmarks; i++)
		if (r->marks[i].heading == heading)
			return r->marks[i].line;
	return 0;
}

/* Two answers with text for the same question are a doubt. (Run after
 * the empty slots that other answers cover are gone: an empty "Zu Frage
 * 3:" under a joint answer answers nothing twice.) */
static int doubt_double_answers(struct reader *r)
{
	const struct inquiry *q = r->q;
	int rc = 0;
	for (size_t j = 0; j < q->nanswers && !rc; j++) {
		const struct answer *b = &q->answers[j];
		for (size_t k = 0; k < b->ncovers && !rc; k++) {
			int dup = 0;
			for (size_t i = 0; i < j && !dup; i++)
				for (size_t m = 0; m < q->answers[i].ncovers; m++)
					dup |= q->answers[i].covers[m] == b->covers[k] &&
					       q->answers[i].paras.n && b->paras.n;
			if (!dup)
				continue;
			char nr[16];
			heading_label(b->covers[k], nr);
			size_t line = marked_line(r, b->heading);
			if (line)
				rc = hint(r, "Zeile %zu: Frage %s wird mehrmals beantwortet; fassen Sie die "
				          "Antworten zusammen oder prüfen Sie die Nummern.", line, nr);
			else
				rc = hint(r, "Frage %s wird mehrmals beantwortet; fassen Sie die Antworten "
				          "zusammen oder prüfen Sie die Nummern.", nr);
		}
	}
	return rc;
}

/* Starts an answer at heading line a; returns the lines consumed. */
static size_t heading_block(struct reader *r, size_t a, size_t b, int *rc)
{
	const struct cline *l = &r->lines[a];
	int *covers = NULL;
	size_t n, rest;
	char *s = dupn(l->s, l->len);

	*rc = s ? heading_parse(s, &covers, &n, &rest) : AW_ENOMEM;
	free(s);
	if (*rc <= 0)
		return 1;
	/* The heading ends at its colon; text after it is the answer. */
	size_t hl = rest;
	while (hl && (l->s[hl - 1] == ' ' || l->s[hl - 1] == '\t'))
		hl--;
	if ((*rc = doubt_covers(r, covers, n, l, hl))) {
		free(covers);
		return 1;
	}
	*rc = new_answer(r, covers, n, dupn(l->s, hl));
	if (!*rc)
		*rc = mark_heading(r, l->orig);
	if (*rc)
		return 1;
	r->state = S_ANSWERS;
	if (rest < l->len) {
		/* "Zu Frage 1: Ja." – the rest of the line and block is the
		 * answer's first paragraph. */
		struct buf p = BUF_INIT;
		*rc = buf_add(&p, l->s + rest, l->len - rest);
		for (size_t i = a + 1; i < b && !*rc; i++)
			*rc = buf_addc(&p, '\n') | buf_add(&p, r->lines[i].s, r->lines[i].len);
		if (!*rc)
			*rc = strlist_push(&r->cur_a->paras, buf_take(&p));
		else
			buf_free(&p);
		return b - a;
	}
	return 1;
}

/* Starts an answer to question number at line a whose heading the text
 * did not have ("Antwort: …", a question repeated above its answer): the
 * heading is the canonical one, and the rest of the line after a label is
 * its first paragraph. Returns the lines consumed (1). */
static size_t start_answer_for(struct reader *r, int number, size_t a, int *rc)
{
	const struct cline *l = &r->lines[a];
	int *covers = malloc(sizeof *covers);
	if (covers)
		covers[0] = number;
	*rc = new_answer(r, covers, 1, heading_format(&number, 1));
	if (*rc)
		return 1;
	r->state = S_ANSWERS;
	size_t n = l->len, rest = 0;
	const char *s = skip_ws(l->s, &n);
	if (match(r, P_ANSWER_LABEL, s, n))
		rest = pcre2_get_ovector_pointer(r->md)[1];
	else
		return 1;  /* a repeated question: its text is already ours */
	/* The lines after it are read one by one: the next question may
	 * follow directly. */
	if (rest < n)
		*rc = strlist_addn(&r->cur_a->paras, s + rest, n - rest);
	return 1;
}

/* "Vorbemerkung der Fragesteller:" alone, not the start of its text. */
static int is_preamble_heading(const struct cline *l)
{
	return l->len <= 80 && !memchr(l->s, '.', l->len) &&
	       (l->s[l->len - 1] == ':' || !memchr(l->s, ':', l->len));
}

static int is_heading(const struct cline *l)
{
	int *covers = NULL;
	size_t n, rest;
	char *s = dupn(l->s, l->len);
	int rc = s ? heading_parse(s, &covers, &n, &rest) : 0;
	free(covers);
	free(s);
	return rc == 1;
}

/* The head: header lines, intro, lead-in, and blocks kept for later. */
static size_t step_head(struct reader *r, size_t a, size_t b, int *rc)
{
	struct inquiry *q = r->q;
	const struct cline *l = &r->lines[a];
	size_t n = l->len;
	const char *s = skip_ws(l->s, &n);

	char *joined = join(r, a, b, ' ');
	if (!joined) {
		*rc = AW_ENOMEM;
		return b - a;
	}
	size_t jl = strlen(joined);
	if (!q->intro && match(r, P_WORTLAUT, joined, jl)) {
		/* "Die Kleine Anfrage der … vom … hat folgenden Wortlaut:" */
		size_t len;
		const char *g = group(r, 1, &len);
		if (g)
			*rc = set_askers(q, g, len);
		kind_from_words(q, joined);
		*rc |= note_metadata(r, joined, jl);
		if (!*rc && !(q->intro = join(r, a, b, '\n')))
			*rc = AW_ENOMEM;
		free(joined);
		if (!*rc)
			*rc = head_push(r, H_INTRO, join(r, a, b, '\n'), 0);
		return b - a;
	}
	if (!q->intro && match(r, P_INTRO, joined, jl)) {
		size_t len;
		const char *g = group(r, 1, &len);
		*rc = set_askers(q, g, len);
		g = group(r, 2, &len);
		char *what = dupn(g, len);
		if (what)
			kind_from_words(q, what);
		else
			*rc = AW_ENOMEM;
		free(what);
		*rc |= note_metadata(r, joined, jl);
		if (!*rc && !(q->intro = join(r, a, b, '\n')))
			*rc = AW_ENOMEM;
		free(joined);
		if (!*rc)
			*rc = head_push(r, H_INTRO, join(r, a, b, '\n'), 0);
		return b - a;
	}
	free(joined);
	/* (The intro is tried before all else: the askers it names may begin
	 * with a number or a parliament's name.) */
	if (head_line(r, l, rc))
		return 1;
	if (match(r, P_PREAMBLE_ASKERS, l->s, l->len)) {
		r->preamble_mode = 1;
		/* The heading alone on its line is the preamble's heading. */
		if (!q->preamble_heading && is_preamble_heading(l)) {
			*rc = set_once(&q->preamble_heading, l->s, l->len);
			return 1;
		}
	}
	/* Before the lead-in ("Wir fragen den Senat:"), a numbered list is
	 * the askers' text, not their questions. */
	int listed = r->leadin_at > a && r->leadin_at < r->seg_to;
	if (match(r, P_LEADIN, l->s, l->len) || (!listed && match(r, P_QUESTION, s, n))) {
		/* The lead-in, or questions without one. */
		if ((*rc = resolve_head(r, 0)))
			return 1;
		r->state = S_QUESTIONS;
		if (match(r, P_LEADIN, l->s, l->len)) {
			*rc = set_once(&q->leadin, l->s, l->len);
			return 1;
		}
		return 0; /* the same line again, now as a question */
	}
	/* A title is neither the askers' name nor a parliament's. */
	int candidate = b - a == 1 && looks_like_title(l->s, l->len) &&
	                !match(r, P_SIGNATURE, l->s, l->len) &&
	                !match(r, P_HEADERLINE, l->s, l->len);
	if (!*rc)
		*rc = head_push(r, H_UNKNOWN, join(r, a, b, '\n'), candidate);
	return b - a;
}

/* The questions: each line is a question, a sub-item or a further
 * paragraph of the current question; a signature line ends them. */
static size_t step_questions(struct reader *r, size_t a, size_t b, int *rc)
{
	struct inquiry *q = r->q;
	const struct cline *l = &r->lines[a];
	size_t n = l->len;
	const char *s = skip_ws(l->s, &n);

	if (r->state == S_QUESTIONS && b - a == 1 && q->nquestions && !q->signature &&
	    match(r, P_SIGNATURE, l->s, l->len) && !match(r, P_QUESTION, s, n)) {
		*rc = set_once(&q->signature, l->s, l->len);
		if (!*rc && !q->askers)
			*rc = set_askers(q, l->s, l->len);
		r->state = S_AFTER_QUESTIONS;
		return 1;
	}
	if (r->state == S_AFTER_QUESTIONS) {
		char *t = join(r, a, b, '\n');
		if (!t)
			*rc = AW_ENOMEM;
		else if (!(*rc = doubt_question_mark(r, t, l->orig, 0)))
			*rc = inquiry_add_extra(q, PART_SIGNATURE, t);
		else
			free(t);
		return b - a;
	}
	size_t i = a;
	for (; i < b && !*rc; i++) {
		const struct cline *li = &r->lines[i];
		if (i > a && (match(r, P_SENATE, li->s, li->len) || is_heading(li)))
			break;
		if (question_line(r, li, rc) || *rc)
			continue;
		n = li->len;
		s = skip_ws(li->s, &n);
		if (r->cur_q && match(r, P_ANSWER_LABEL, s, n)) {
			/* "Antwort: …" under its question: answers interleaved. */
			r->interleaved = 1;
			return i - a + start_answer_for(r, r->cur_q->number, i, rc);
		}
		if (match(r, P_SECTION, s, n)) {
			/* A section heading belongs to the next question. */
			free(r->section);
			if (!(r->section = dupn(s, n)))
				*rc = AW_ENOMEM;
			continue;
		}
		if (r->cur_q) {
			const struct strlist *p = &r->cur_q->paras;
			/* A paragraph of its own that asks again, after a question
			 * that already ended: perhaps a question without a number. */
			if (i == a && p->n && ends_with_question_mark(s, n) && !inquiry_is_subitem(s) &&
			    ends_with_question_mark(p->v[p->n - 1], strlen(p->v[p->n - 1]))) {
				char nr[16];
				*rc = hint(r, "Zeile %zu: Diese Zeile endet mit „?“, hat aber keine Nummer; "
				           "antwort hat sie zu Frage %s gezählt – prüfen Sie, ob es eine "
				           "eigene Frage ist.", li->orig, heading_label(r->cur_q->number, nr));
			}
			if (!*rc)
				*rc = strlist_addn(&r->cur_q->paras, s, n);
		} else { /* text between the lead-in and the first question */
			char *t = dupn(s, n);
			if (!t)
				*rc = AW_ENOMEM;
			else if (!(*rc = doubt_question_mark(r, t, li->orig, 0)))
				*rc = inquiry_add_extra(q, PART_LEADIN, t);
			else
				free(t);
		}
	}
	return i - a;
}

/* The current (last) answer also covers covers[0..n) (taking that array):
 * its heading becomes the canonical one for all of them. (The empty slots
 * of those questions before it go in drop_answered_slots().) */
static int merge_into_answer(struct reader *r, int *covers, size_t n)
{
	struct answer *cur = r->cur_a;
	int *u = malloc((cur->ncovers + n) * sizeof *u);
	size_t nu = 0, i = 0, k = 0;
	if (!u) {
		free(covers);
		return AW_ENOMEM;
	}
	while (i < cur->ncovers || k < n) {   /* merge two sorted lists */
		int x = i < cur->ncovers && (k >= n || cur->covers[i] <= covers[k]) ?
		        cur->covers[i++] : covers[k++];
		if (!nu || u[nu - 1] != x)
			u[nu++] = x;
	}
	free(covers);
	char *h = heading_format(u, nu);
	if (!h) {
		free(u);
		return AW_ENOMEM;
	}
	for (size_t m = 0; m < r->nmarks; m++)
		if (r->marks[m].heading == cur->heading)
			r->marks[m].heading = h;
	free(cur->covers);
	free(cur->heading);
	cur->covers = u;
	cur->ncovers = nu;
	cur->heading = h;
	return 0;
}

/* 1 when text (a question repeated above its answer) is question qu's. */
static int same_question(const struct question *qu, const char *text, size_t n)
{
	if (!qu->paras.n)
		return 0;
	const char *p = qu->paras.v[0];
	size_t pl = strlen(p), k = pl < n ? pl : n;
	if (k > 60)
		k = 60;
	return k >= 10 && !strncmp(p, text, k);
}

/* Lines in the Senate's part that are not plain paragraphs: a question
 * repeated above its answer (counted once), the next question where
 * answers are interleaved with questions, and "Die Fragen 2 bis 4 werden
 * gemeinsam beantwortet". Returns the lines consumed, 0 for a plain
 * paragraph (or, with r->state set back to S_QUESTIONS, for the next
 * question to be read again). */
static size_t answer_part_line(struct reader *r, size_t a, size_t b, int *rc)
{
	struct inquiry *q = r->q;
	const struct cline *l = &r->lines[a];
	size_t n = l->len;
	const char *s = skip_ws(l->s, &n);

	*rc = 0;
	if (match(r, P_QUESTION, s, n)) {
		int number = question_number(r);
		size_t at = pcre2_get_ovector_pointer(r->md)[1];
		struct question *qu = inquiry_question(q, number);
		if (qu && same_question(qu, s + at, n - at)) {
			/* The question again, above its answer; several repeated
			 * one after the other share the answer below them. */
			if (r->cur_a && r->cur_a->paras.n == 0 && r->state == S_ANSWERS) {
				for (size_t k = 0; k < r->cur_a->ncovers; k++)
					if (r->cur_a->covers[k] == number)
						return 1;
				int *one = malloc(sizeof *one);
				if (!one) {
					*rc = AW_ENOMEM;
					return 1;
				}
				*one = number;
				*rc = merge_into_answer(r, one, 1);
				return 1;
			}
			return start_answer_for(r, number, a, rc);
		}
		/* The next question where answers are interleaved with them, or
		 * the first where the questions only come with their answers
		 * (Berlin: "Im Namen des Senats …", then question, answer, …). */
		if (!qu && number == r->last_number + 1 && (r->interleaved || !q->nquestions)) {
			r->interleaved = 1;
			r->state = S_QUESTIONS;
			return 0;
		}
		return 0;
	}
	int *covers = NULL;
	size_t nc;
	char *line = dupn(l->s, l->len);
	if (!line) {
		*rc = AW_ENOMEM;
		return 1;
	}
	int joint = heading_parse_joint(line, &covers, &nc);
	free(line);
	if (joint < 0) {
		*rc = joint;
		return 1;
	}
	if (!joint)
		return 0;
	if (!r->cur_a || r->cur_a->paras.n) {
		/* A joint answer without a heading of its own. */
		*rc = new_answer(r, covers, nc, heading_format(covers, nc));
		r->state = S_ANSWERS;
	} else {
		*rc = merge_into_answer(r, covers, nc);
	}
	if (!*rc)
		*rc = strlist_push(&r->cur_a->paras, join(r, a, b, '\n'));
	return b - a;
}

/* A section heading that no question or answer followed is kept where it
 * stood: after the questions, or at the end. */
static int flush_section(struct reader *r, enum part where)
{
	if (!r->section)
		return 0;
	int rc = inquiry_add_extra(r->q, where, r->section);
	r->section = NULL;
	return rc;
}

/* Handles lines [a, b) of one block in the current state and returns how
 * many it consumed, so that a block such as "Wir fragen den Senat:\n1. …"
 * is taken apart line by line where it must be. Returns 0 only after a
 * change of state that wants the same line read again. */
static size_t step(struct reader *r, size_t a, size_t b, int *rc)
{
	struct inquiry *q = r->q;
	const struct cline *l = &r->lines[a];

	*rc = 0;
	/* Footnotes and a letter's closing ("Bremen, den 12. Mai 2025") end
	 * the document: kept as they are, at the end. */
	if (r->state == S_END || match(r, P_FOOTNOTES, l->s, l->len) ||
	    (r->state != S_HEAD && match(r, P_CLOSING, l->s, l->len))) {
		if (r->state == S_HEAD && (*rc = resolve_head(r, 0)))
			return 1;
		r->state = S_END;
		*rc = inquiry_add_extra(q, PART_END, join(r, a, b, '\n'));
		return b - a;
	}
	/* The government's opening after its preamble ("Vorbemerkung der
	 * Landesregierung" first, then "Namens der Landesregierung …"). */
	if (r->state == S_SENATE && match(r, P_SENATE, l->s, l->len)) {
		if (!q->senate_leadin) {
			*rc = set_once(&q->senate_leadin, l->s, l->len);
			return 1;
		}
		if (!q->senate_preamble.n) {
			/* Bremen: "Antwort des Senats auf die Kleine Anfrage …",
			 * then "Der Senat beantwortet …": both openings stay. */
			*rc = inquiry_add_extra(q, PART_SENATE_LEADIN, dupn(l->s, l->len));
			return 1;
		}
	}
	/* The Senate's part and answer headings end whatever came before;
	 * a section heading still waiting for a question stays with them. */
	if (r->state == S_QUESTIONS && (match(r, P_SENATE, l->s, l->len) || is_heading(l) ||
	                                match(r, P_PREAMBLE_SENATE, l->s, l->len)) &&
	    (*rc = flush_section(r, PART_QUESTIONS)))
		return 1;
	if (r->state < S_SENATE && match(r, P_SENATE, l->s, l->len)) {
		if (r->state == S_HEAD && (*rc = resolve_head(r, 0)))
			return 1;
		*rc = set_once(&q->senate_leadin, l->s, l->len);
		r->state = S_SENATE;
		return 1;
	}
	if (r->state <= S_SENATE && match(r, P_PREAMBLE_SENATE, l->s, l->len)) {
		/* "Vorbemerkung des Senats", with or without a lead-in before. */
		if (r->state == S_HEAD && (*rc = resolve_head(r, 0)))
			return 1;
		r->state = S_SENATE;
		if (!q->senate_preamble_heading && is_preamble_heading(l)) {
			*rc = set_once(&q->senate_preamble_heading, l->s, l->len);
			return 1;
		}
		*rc = strlist_push(&q->senate_preamble, join(r, a, b, '\n'));
		return b - a;
	}
	if (is_heading(l)) {
		if (r->state == S_HEAD && (*rc = resolve_head(r, 0)))
			return 1;
		return heading_block(r, a, b, rc);
	}
	if (r->state >= S_SENATE) {
		size_t used = answer_part_line(r, a, b, rc);
		if (used || *rc)
			return used ? used : 1;
		if (r->state == S_QUESTIONS)
			return 0;  /* interleaved: the next question, read again */
	}
	switch (r->state) {
	case S_HEAD:
		return step_head(r, a, b, rc);
	case S_QUESTIONS:
	case S_AFTER_QUESTIONS:
		return step_questions(r, a, b, rc);
	case S_END:   /* handled above */
		break;
	case S_SENATE:
	case S_ANSWERS: {
		size_t n = l->len;
		const char *s = skip_ws(l->s, &n);
		if (b - a == 1 && match(r, P_SECTION, s, n)) {
			/* "II. Finanzierung" again, above the answers of its part */
			free(r->section);
			*rc = (r->section = dupn(s, n)) ? 0 : AW_ENOMEM;
			return 1;
		}
		/* A paragraph ends where a heading follows without a blank line;
		 * with answers interleaved, after each line (the next question
		 * may follow). */
		size_t e = a + 1;
		while (!r->interleaved && e < b && !is_heading(&r->lines[e]))
			e++;
		struct strlist *to = r->state == S_SENATE ? &q->senate_preamble : &r->cur_a->paras;
		*rc = strlist_push(to, join(r, a, e, '\n'));
		return e - a;
	}
	}
	return b - a;
}

/* ---- checks after reading ---------------------------------------------- */

/* Empty slots whose questions another answer already answers ("Zu Frage
 * 3:" left under "Die Fragen 2 bis 4 werden gemeinsam beantwortet") go. */
static void drop_answered_slots(struct inquiry *q)
{
	for (size_t j = q->nanswers; j-- > 0;) {
		const struct answer *an = &q->answers[j];
		int redundant = an->paras.n == 0 && an->ncovers > 0;
		for (size_t m = 0; redundant && m < an->ncovers; m++) {
			int found = 0;
			for (size_t k = 0; k < q->nanswers && !found; k++)
				if (k != j && q->answers[k].paras.n)
					for (size_t t = 0; t < q->answers[k].ncovers; t++)
						found |= q->answers[k].covers[t] == an->covers[m];
			redundant = found;
		}
		if (redundant)
			inquiry_remove_answer(q, j);
	}
}

/* Is paragraph p still the askers' (a sub-item, another question, or a
 * note such as "Bitte nach Jahren aufschlüsseln.")? */
static int asks(const char *p)
{
	static const char *const notes[] = {
		"Bitte ", "Falls ", "Sofern ", "Wenn ja", "Wenn nein", "Gegebenenfalls ", "Ggf. ",
		"ggf. ", "Sollte ", "Soweit ",
	};
	if (inquiry_is_subitem(p) || ends_with_question_mark(p, strlen(p)))
		return 1;
	for (size_t i = 0; i < sizeof notes / sizeof *notes; i++)
		if (!strncmp(p, notes[i], strlen(notes[i])))
			return 1;
	return 0;
}

/* Where each question is followed by its answer with no heading at all,
 * the text under a question that is not itself a question is its answer.
 * Only when most questions look like that and the document has no Senate
 * part of its own: a question of several paragraphs is far more common. */
static int answers_below_questions(struct reader *r)
{
	struct inquiry *q = r->q;
	size_t with_tail = 0;
	if (q->nanswers || q->senate_leadin || q->nquestions < 2)
		return 0;
	for (size_t i = 0; i < q->nquestions; i++) {
		const struct strlist *p = &q->questions[i].paras;
		for (size_t k = 1; k < p->n; k++)
			if (!asks(p->v[k])) {
				with_tail++;
				break;
			}
	}
	if (with_tail * 2 < q->nquestions + 1)
		return 0;
	for (size_t i = 0; i < q->nquestions; i++) {
		struct question *qu = &q->questions[i];
		struct strlist *p = &qu->paras;
		size_t k = 1;
		while (k < p->n && asks(p->v[k]))
			k++;
		if (k >= p->n)
			continue;
		int *covers = malloc(sizeof *covers);
		struct answer *an;
		if (covers)
			covers[0] = qu->number;
		if (inquiry_add_answer(q, q->nanswers, covers, 1, heading_format(&qu->number, 1), &an))
			return AW_ENOMEM;
		/* Move the paragraphs one by one; each belongs to exactly one
		 * list at every moment (strlist_push frees on failure). */
		while (p->n > k) {
			char *para = p->v[k];
			memmove(&p->v[k], &p->v[k + 1], (p->n - k - 1) * sizeof *p->v);
			p->n--;
			if (strlist_push(&an->paras, para))
				return AW_ENOMEM;
		}
	}
	return hint(r, "Die Antworten standen ohne Überschrift unter den Fragen; antwort hat den "
	            "Text unter jeder Frage als ihre Antwort gelesen – prüfen Sie die Aufteilung.");
}

static int check_questions(struct reader *r)
{
	if (r->q->nquestions == 0)
		return hint(r, "Es wurden keine nummerierten Fragen erkannt; prüfen Sie, ob die "
		            "Fragen mit „1.“, „1)“ oder „Frage 1:“ beginnen.");
	return 0;
}

/* ---- entry ------------------------------------------------------------- */

static void reader_free(struct reader *r)
{
	for (int i = 0; i < P_NPATTERNS; i++)
		pcre2_code_free(r->re[i]);
	pcre2_match_data_free(r->md);
	clines_free(&r->text);
	free(r->section);
	free(r->marks);
	for (size_t i = 0; i < r->nhead; i++)
		free(r->head[i].text);
	free(r->head);
}

/* Forgets everything about the inquiry read before, keeping the patterns
 * and the lines. */
static void reader_reset(struct reader *r, struct inquiry *q)
{
	for (size_t i = 0; i < r->nhead; i++)
		free(r->head[i].text);
	free(r->head);
	free(r->section);
	free(r->marks);
	r->marks = NULL;
	r->nmarks = 0;
	r->head = NULL;
	r->nhead = 0;
	r->section = NULL;
	r->state = S_HEAD;
	r->title_explicit = r->title_next = r->preamble_mode = 0;
	r->cur_q = NULL;
	r->cur_a = NULL;
	r->last_number = r->all_ones = r->renumbered = r->interleaved = 0;
	r->q = q;
}

/* Reads lines [from, to) as one inquiry into q. 0 or AW_ENOMEM. */
static int read_inquiry(struct reader *r, size_t from, size_t to, struct inquiry *q)
{
	int rc = 0;
	reader_reset(r, q);
	r->leadin_at = r->seg_to = to;
	for (size_t k = from; k < to && r->leadin_at == to; k++)
		if (match(r, P_LEADIN, r->lines[k].s, r->lines[k].len))
			r->leadin_at = k;
	size_t i = from;
	while (i < to && r->lines[i].len == 0)
		i++;
	while (i < to) {
		size_t b = i;
		while (b < to && r->lines[b].len)
			b++;
		while (i < b) {
			r->line = r->lines[i].orig;
			i += step(r, i, b, &rc);
			if (rc)
				return rc;
		}
		while (i < to && r->lines[i].len == 0)
			i++;
	}
	if (r->state == S_HEAD && (rc = resolve_head(r, 1)))
		return rc;
	/* Fragestunde numbers say where they were asked: L4, S12. */
	if (q->parliament == PARL_UNKNOWN && q->number &&
	    (q->number[0] == 'L' || q->number[0] == 'S') &&
	    q->number[1] >= '0' && q->number[1] <= '9')
		q->parliament = q->number[0] == 'L' ? PARL_LANDTAG : PARL_STADT;
	if ((rc = flush_section(r, r->state == S_QUESTIONS ? PART_QUESTIONS : PART_END)))
		return rc;
	drop_answered_slots(q);
	if ((rc = doubt_double_answers(r)) || (rc = answers_below_questions(r)) ||
	    (rc = check_questions(r)))
		return rc;
	return 0;
}

/* Where a file holds several inquiries ("Anfrage 1: …", "Anfrage 2: …",
 * numbered from 1 without gaps), the lines at which each begins; returns
 * how many (0 for an ordinary file). */
static size_t collection(struct reader *r, size_t *starts, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nlines && n < max; i++) {
		if (!match(r, P_COLLECTION, r->lines[i].s, r->lines[i].len))
			continue;
		size_t len;
		const char *g = group(r, 1, &len);
		if (to_int(g, len) == (int)n + 1)
			starts[n++] = i;
	}
	return n >= 2 ? n : 0;
}

/* The input line a cleaning note names ("Zeile 12: …"). */
static size_t note_line(const char *note)
{
	size_t line = 0;
	sscanf(note, "Zeile %zu:", &line);
	return line;
}

/* What stands above the first inquiry of a collection (its own heading)
 * says what kind they all are and where they were asked; it is kept,
 * first, with the first inquiry. */
static int collection_head(struct reader *r, size_t from, size_t to, struct inquiry *qs,
                           size_t n)
{
	while (to > from && r->lines[to - 1].len == 0)
		to--;
	if (from >= to)
		return 0;
	char *head = join(r, from, to, '\n');
	if (!head)
		return AW_ENOMEM;
	size_t hl = strlen(head);
	enum parliament parl = match(r, P_STADT, head, hl) ? PARL_STADT :
	                       match(r, P_LAND, head, hl) ? PARL_LANDTAG : PARL_UNKNOWN;
	for (size_t k = 0; k < n; k++) {
		kind_from_words(&qs[k], head);
		if (qs[k].parliament == PARL_UNKNOWN)
			qs[k].parliament = parl;
	}
	struct inquiry *q = &qs[0];
	if (inquiry_add_extra(q, PART_START, head))
		return AW_ENOMEM;
	struct extra e = q->extras[q->nextras - 1];
	memmove(&q->extras[1], &q->extras[0], (q->nextras - 1) * sizeof *q->extras);
	q->extras[0] = e;
	return 0;
}

int reader_read_all(const char *text, size_t len, const char *name,
                    const struct lexicon *lex, struct inquiry **out, size_t *count,
                    struct aw_error *err)
{
	struct reader r = {0};
	struct buf norm = BUF_INIT;
	struct strlist cleaned = STRLIST_INIT;
	struct inquiry *qs = NULL;
	size_t nq = 0, line, col, starts[256];
	int rc, bom = 0, crlf, final_newline;

	*out = NULL;
	*count = 0;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
		bom = 1;
		text += 3;
		len -= 3;
	}
	if ((rc = utf8_validate(text, len, &line, &col)))
		return aw_fail_at(err, rc, name, line, col, "");

	/* CRLF files are read as LF and written back as CRLF. Any other
	 * carriage return is a line break too (old Mac files), and a run of
	 * them counts once: CR is never text. */
	const char *nl = memchr(text, '\n', len);
	crlf = nl && nl > text && nl[-1] == '\r';
	/* Text without a CR is read as it is; otherwise the runs between
	 * CRs are copied whole. */
	const char *body = text;
	size_t blen = len;
	const char *cr = memchr(text, '\r', len);
	if (cr) {
		for (size_t i = 0; i < len && !rc;) {
			size_t end = cr ? (size_t)(cr - text) : len;
			if (end > i)
				rc = buf_add(&norm, text + i, end - i);
			if (end == len || rc)
				break;
			for (i = end + 1; i < len && text[i] == '\r'; i++)
				;
			if (!(i < len && text[i] == '\n'))
				rc = buf_addc(&norm, '\n');
			cr = i < len ? memchr(text + i, '\r', len - i) : NULL;
		}
		body = norm.s;
		blen = norm.len;
	}
	final_newline = blen > 0 && body[blen - 1] == '\n';
	if (rc)
		goto fail;

	if ((rc = compile_all(&r, blen, err)))
		goto out;
	if ((rc = clines_from_text(&r.text, body ? body : "", blen)) ||
	    (rc = clean_all(&r.text, lex, &cleaned)))
		goto fail;
	r.lines = r.text.v;
	r.nlines = r.text.n;
	size_t first = 0;
	while (first < r.nlines && r.lines[first].len == 0)
		first++;
	if (first == r.nlines) {
		rc = aw_fail(err, AW_EEMPTY, name, "");
		goto out;
	}

	size_t ns = collection(&r, starts, sizeof starts / sizeof *starts);
	size_t want = ns ? ns : 1;
	if (!(qs = calloc(want, sizeof *qs))) {
		rc = AW_ENOMEM;
		goto fail;
	}
	for (; nq < want; nq++) {
		struct inquiry *q = &qs[nq];
		size_t from = ns ? starts[nq] : 0;
		size_t to = ns && nq + 1 < ns ? starts[nq + 1] : r.nlines;
		inquiry_init(q);
		q->bom = bom;
		q->crlf = crlf;
		if (!ns) {
			q->leading_blank_lines = first;
			q->final_newline = final_newline;
		}
		if ((rc = read_inquiry(&r, from, to, q))) {
			nq++;  /* so that it is freed */
			goto fail;
		}
		/* Each inquiry of a collection gets the notes on its own lines. */
		size_t lo = r.lines[from].orig, hi = to < r.nlines ? r.lines[to].orig : (size_t)-1;
		for (size_t k = 0; k < cleaned.n && !rc; k++) {
			size_t at = note_line(cleaned.v[k]);
			if (!ns || (at >= lo && at < hi) || (nq == 0 && at < lo))
				rc = strlist_add(&q->cleaned, cleaned.v[k]);
		}
		if (rc) {
			nq++;
			goto fail;
		}
	}
	if (ns && (rc = collection_head(&r, first, starts[0], qs, nq)))
		goto fail;
	for (size_t k = 0; k < nq; k++)
		if ((rc = inquiry_complete(&qs[k])))
			goto fail;
	*out = qs;
	*count = nq;
	qs = NULL;
	nq = 0;
out:
	for (size_t k = 0; k < nq; k++)
		inquiry_free(&qs[k]);
	free(qs);
	reader_free(&r);
	buf_free(&norm);
	strlist_free(&cleaned);
	return rc;
fail:
	rc = aw_fail(err, rc, name, "");
	goto out;
}

int reader_read(const char *text, size_t len, const char *name,
                const struct lexicon *lex, struct inquiry *q, struct aw_error *err)
{
	struct inquiry *all;
	size_t n;
	int rc = reader_read_all(text, len, name, lex, &all, &n, err);
	inquiry_init(q);
	if (rc)
		return rc;
	if (n != 1) {
		char detail[32];
		snprintf(detail, sizeof detail, "%zu", n);
		for (size_t k = 0; k < n; k++)
			inquiry_free(&all[k]);
		free(all);
		return aw_fail(err, AW_EMANY, name, detail);
	}
	*q = all[0];
	free(all);
	return 0;
}

struct pair_side {
	const struct reader_input *in;
	struct inquiry *q;
	struct aw_error err;
	int rc;
};

static void *read_side(void *arg)
{
	struct pair_side *s = arg;
	s->rc = reader_read(s->in->text, s->in->len, s->in->name, NULL, s->q, &s->err);
	return NULL;
}

int reader_read_pair(const struct reader_input in[2], struct inquiry out[2],
                     struct aw_error *err)
{
	struct pair_side side[2] = {{&in[0], &out[0], {0}, 0}, {&in[1], &out[1], {0}, 0}};
	pthread_t t;
	int threaded = pthread_create(&t, NULL, read_side, &side[0]) == 0;
	if (!threaded)
		read_side(&side[0]);
	read_side(&side[1]);
	if (threaded)
		pthread_join(t, NULL);
	for (int k = 0; k < 2; k++)
		if (side[k].rc) {
			if (err)
				*err = side[k].err;
			inquiry_free(&out[0]);
			inquiry_free(&out[1]);
			inquiry_init(&out[0]);
			inquiry_init(&out[1]);
			return side[k].rc;
		}
	return 0;
}
