/* test_slug.c: folder names made from date, number and title; names that
 * would leave the folder refused. */
#include "harness.h"
#include "reader.h"
#include "slug.h"

#include <stdlib.h>

/* The slug of an inquiry with these fields (NULL: missing; year 0: no
 * date). Every slug made must also be valid. */
static const char *slug_of(int year, int month, int day, const char *number, const char *title)
{
	static char out[SLUG_MAX + 1];
	struct inquiry q;
	inquiry_init(&q);
	q.session_year = year;
	q.session_month = month;
	q.session_day = day;
	q.number = (char *)number;
	q.title = (char *)title;
	slug_make(&q, out);
	if (!slug_valid(out))
		printf("  not a valid slug: %s\n", out);
	return slug_valid(out) ? out : "(ungültig)";
}

/* The slug of a document read from a file. */
static void file_slug(const char *dir, const char *file, const char *want)
{
	char path[1024], name[1200];
	size_t len;
	snprintf(path, sizeof path, "%s/%s", dir, file);
	snprintf(name, sizeof name, "slug: %s", file);
	char *text = harness_slurp(path, &len);
	struct inquiry q;
	struct aw_error err;
	char out[SLUG_MAX + 1] = "";
	if (text && !reader_read(text, len, file, NULL, &q, &err)) {
		slug_make(&q, out);
		inquiry_free(&q);
	}
	CHECK_STR(out, want, name);
	free(text);
}

/* A slug that cannot leave the anfragen/ folder. */
static int safe(const char *s)
{
	return slug_valid(s) && !strchr(s, '/') && !strstr(s, "..") && *s != '.' && *s != '-';
}

static void make(void)
{
	if (harness_has_shared())
		file_slug(harness_shared(), "examples/vorlage-2017-04-04-L4-videotelefonie.txt",
		          "2017-04-04-L4-videotelefonie");
	else
		SKIP("slug: examples/vorlage-2017-04-04-L4-videotelefonie.txt", SHARED_MISSING);
	file_slug("share/examples", "vorlage-2024-05-14-L7-wasserstoffbusse.txt",
	          "2024-05-14-L7-wasserstoffbusse");
	file_slug(harness_fixtures(), "02-kleine-anfrage-vorlage.txt", "2024-05-07-21-345-sichere");
	file_slug(harness_fixtures(), "10-unterschrift.txt", "fahrradparkhaus-bahnhof-vegesack");

	CHECK_STR(slug_of(2024, 5, 14, "L7", "Wasserstoffbusse im Bremer Nahverkehr"),
	          "2024-05-14-L7-wasserstoffbusse", "slug: date and number take one title word");
	CHECK_STR(slug_of(2024, 1, 2, "S12", "Über die Öffnungszeiten der Ämter"),
	          "2024-01-02-S12-oeffnungszeiten",
	          "slug: a leading preposition is skipped, umlauts spelt out, number keeps S");
	CHECK_STR(slug_of(0, 0, 0, NULL, "Überprüfung der Äußeren Öffnungszeiten"),
	          "ueberpruefung-aeusseren-oeffnungszeiten",
	          "slug: capital umlauts and ß in small letters");
	CHECK_STR(slug_of(0, 0, 0, NULL, "GROẞE STRAẞE"), "grosse-strasse",
	          "slug: the capital ß");
	CHECK_STR(slug_of(0, 0, 0, NULL, "Café Crème in Łódź, Ørsted & Šibenik"),
	          "cafe-creme-lodz-orsted", "slug: other accents lose their marks, four words");
	CHECK_STR(slug_of(0, 0, 0, NULL, "„Klimaticket“ für ‚alle‘ – Bremen's \"Zukunft\""),
	          "klimaticket-alle-bremens-zukunft", "slug: quotes and apostrophes dropped");
	CHECK_STR(slug_of(2024, 3, 5, "L2", "E-Mail-Verkehr der Behörden"),
	          "2024-03-05-L2-e-mail-verkehr", "slug: a hyphenated word stays whole");
	CHECK_STR(slug_of(2020, 2, 1, "19/1234", "Haushalt 2020"), "2020-02-01-19-1234-haushalt",
	          "slug: 19/1234 becomes 19-1234");
	CHECK_STR(slug_of(2020, 2, 1, "s3a", "Haushalt"), "2020-02-01-S3A-haushalt",
	          "slug: the number in capitals, so that it cannot read as title");

	CHECK_STR(slug_of(0, 0, 0, "L4", "Videotelefonie in der öffentlichen Verwaltung"),
	          "L4-videotelefonie-oeffentlichen-verwaltung", "slug: no date, four words");
	CHECK_STR(slug_of(2017, 4, 4, NULL, "Videotelefonie in der öffentlichen Verwaltung"),
	          "2017-04-04-videotelefonie-oeffentlichen-verwaltung", "slug: no number, four words");
	CHECK_STR(slug_of(0, 0, 0, NULL, "Busse und Bahnen, Fähren und Räder im Nahverkehr"),
	          "busse-bahnen-faehren-raeder", "slug: at most four words");
	CHECK_STR(slug_of(2024, 5, 14, NULL, "2030: Klimaziele"), "2024-05-14-klimaziele",
	          "slug: after a date, a word of digits alone is left out");
	CHECK_STR(slug_of(0, 0, 0, NULL, "Wer? Wie? Was?"), "wer",
	          "slug: only stop words: the first one");
	CHECK_STR(slug_of(2024, 5, 14, "L1", "Wie und wo?"), "2024-05-14-L1-wie",
	          "slug: only stop words with date and number");
	CHECK_STR(slug_of(2024, 5, 14, "L1", NULL), "2024-05-14-L1", "slug: no title");
	CHECK_STR(slug_of(0, 0, 0, NULL, NULL), "anfrage", "slug: nothing at all");
	CHECK_STR(slug_of(0, 0, 0, "//", "„…“ ?!"), "anfrage", "slug: nothing usable");
	CHECK_STR(slug_of(2024, 13, 1, NULL, "Haushalt"), "haushalt", "slug: an impossible date is left out");

	/* Long titles: whole words, cut only at '-'. */
	CHECK_STR(slug_of(0, 0, 0, NULL, "Verkehrssicherheitsmaßnahmen Schulwegsicherungskonzepte "
	                                   "Radverkehrsinfrastrukturprogramme Stadtteile"),
	          "verkehrssicherheitsmassnahmen-schulwegsicherungskonzepte",
	          "slug: a word that does not fit is left out");
	CHECK_STR(slug_of(2024, 5, 14, "L7", "Bundes-Verkehrs-Wege-Plan-Umsetzungs-Beschleunigungs-"
	                                     "Gesetz-Novellierung"),
	          "2024-05-14-L7-bundes-verkehrs-wege-plan-umsetzungs",
	          "slug: a long hyphenated word is cut at a hyphen");
	const char *s = slug_of(0, 0, 0, NULL, "Donaudampfschifffahrtsgesellschaftskapitänsmützen"
	                                         "herstellungsbetriebsverordnungsnovelle");
	CHECK(strlen(s) == SLUG_MAX && !strncmp(s, "donaudampfschifffahrts", 22),
	      "slug: one word longer than a slug is cut at the limit");
	s = slug_of(2024, 5, 14, "Drs. 21/345 vom 12. März 2024 (Neufassung nach Rücksprache)",
	            "Titel");
	CHECK(safe(s) && strlen(s) <= SLUG_MAX && s[strlen(s) - 1] != '-',
	      "slug: a long number is cut, never ending in '-'");

	/* Titles and numbers that try to leave the folder. */
	const char *evil[][2] = {
		{"../../etc", NULL}, {"/", NULL}, {".hidden", NULL}, {"..", "../.."},
		{"a/../../b", "/etc/passwd"}, {"-rf", "--help"}, {"...", "."},
	};
	int ok = 1;
	for (size_t i = 0; i < sizeof evil / sizeof *evil; i++) {
		const char *a = slug_of(0, 0, 0, evil[i][1], evil[i][0]);
		const char *b = slug_of(2024, 1, 1, evil[i][1], evil[i][0]);
		if (!safe(a) || !safe(b)) {
			printf("  unsafe: %s / %s\n", a, b);
			ok = 0;
		}
	}
	CHECK(ok, "slug: malicious titles and numbers give a safe folder name");
	CHECK_STR(slug_of(0, 0, 0, NULL, "../../etc"), "etc", "slug: ../../etc");
	CHECK_STR(slug_of(0, 0, 0, NULL, "/"), "anfrage", "slug: /");
	CHECK_STR(slug_of(0, 0, 0, NULL, ".hidden"), "hidden", "slug: .hidden");
	CHECK_STR(slug_of(0, 0, 0, "../../etc", NULL), "ETC", "slug: a number ../../etc");
}

static void valid(void)
{
	char longest[SLUG_MAX + 2];
	memset(longest, 'a', SLUG_MAX);
	longest[SLUG_MAX] = '\0';
	CHECK(slug_valid("2017-04-04-L4-videotelefonie") && slug_valid("anfrage") &&
	      slug_valid("a-b") && slug_valid(longest),
	      "slug_valid: slugs accepted, SLUG_MAX bytes too");
	longest[SLUG_MAX] = 'a';
	longest[SLUG_MAX + 1] = '\0';
	CHECK(!slug_valid(longest), "slug_valid: one byte too long");
	CHECK(!slug_valid(NULL) && !slug_valid("") && !slug_valid("-rf") &&
	      !slug_valid(".hidden") && !slug_valid("..") && !slug_valid("a..b") &&
	      !slug_valid("../etc") && !slug_valid("a/b") && !slug_valid("/") &&
	      !slug_valid("a b") && !slug_valid("ärger") && !slug_valid("a_b") &&
	      !slug_valid("a.b"),
	      "slug_valid: paths, dots, spaces and non-ASCII refused");
}

static void identity(void)
{
	CHECK(slug_identity_len("2017-04-04-L4-videotelefonie") == 14,
	      "slug_identity_len: date and number");
	CHECK(slug_identity_len("2020-02-01-19-1234-haushalt") == 19,
	      "slug_identity_len: a number with '-' from 19/1234");
	CHECK(slug_identity_len("2024-03-05-L2-e-mail-verkehr") == 14,
	      "slug_identity_len: a hyphenated title word");
	CHECK(slug_identity_len("2017-04-04-L4") == 0,
	      "slug_identity_len: no title, so no prefix (2017-04-04-L40-… is another)");
	CHECK(slug_identity_len("2017-04-04-videotelefonie") == 0 &&
	      slug_identity_len("L4-videotelefonie") == 0 &&
	      slug_identity_len("videotelefonie") == 0 && slug_identity_len("anfrage") == 0 &&
	      slug_identity_len("") == 0 && slug_identity_len("2017-04-04-") == 0 &&
	      slug_identity_len("2017-04-0x-L4-abc") == 0 &&
	      slug_identity_len("2017-04-04--abc") == 0,
	      "slug_identity_len: 0 without date and number");

	/* A corrected title keeps the identity; another number does not. */
	char a[SLUG_MAX + 1], b[SLUG_MAX + 1];
	snprintf(a, sizeof a, "%s", slug_of(2020, 2, 1, "19/1234", "Haushalt"));
	snprintf(b, sizeof b, "%s", slug_of(2020, 2, 1, "19/1234", "Der Landeshaushalt"));
	size_t id = slug_identity_len(a);
	CHECK(id == 19 && slug_identity_len(b) == id && !strncmp(a, b, id),
	      "slug_identity_len: the same inquiry with another title");
	snprintf(b, sizeof b, "%s", slug_of(2020, 2, 1, "19/12345", "Haushalt"));
	CHECK(strncmp(a, b, id) != 0, "slug_identity_len: another number is another inquiry");
}

void test_slug(void)
{
	make();
	valid();
	identity();
}
