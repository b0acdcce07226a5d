/* test_heading.c: answer headings read and written. */
#include "harness.h"
#include "heading.h"

#include <stdlib.h>

/* Parses line and renders the covered numbers as "1,2,3" (or "-"). */
static void covers(const char *line, char *out, size_t size)
{
	int *c = NULL;
	size_t n = 0, rest = 0, o = 0;
	if (heading_parse(line, &c, &n, &rest) != 1) {
		snprintf(out, size, "-");
		return;
	}
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		o += (size_t)snprintf(out + o, size - o, "%s%d", i ? "," : "", c[i]);
	snprintf(out + o, size - o, "|%s", line + rest);
	free(c);
}

static void fmt(const int *c, size_t n, const char *want, const char *name)
{
	char *h = heading_format(c, n);
	CHECK_STR(h, want, name);
	free(h);
}

void test_heading(void)
{
	char got[128];
	static const struct { const char *line, *want; } cases[] = {
		{"Zu Frage 1:", "1|"},
		{"Zu Frage 1 und 2:", "1,2|"},
		{"Zu den Fragen 3 bis 5:", "3,4,5|"},
		{"Zu den Fragen 1, 3 und 5:", "1,3,5|"},
		{"Zu den Fragen 1 bis 3 und 5:", "1,2,3,5|"},
		{"Zu den Fragen 3–5:", "3,4,5|"},
		{"Zu 1.:", "1|"},
		{"Zu 1. und 2.:", "1,2|"},
		{"zu den Fragen 2 und 1:", "1,2|"},
		{"Zu Frage 1: Ja.", "1|Ja."},
		{"Zu Frage 1", "1|"},
		{"Zu Frage 1 bitte", "-"},
		{"Zu den Fragen der Sicherheit:", "-"},
		{"Zu Frage 0:", "-"},
		{"Zu Frage 5 bis 3:", "-"},
		{"Zum Beispiel 1:", "-"},
		{"Zu Frage eins bis drei:", "1,2,3|"},
		{"Zu Frage Zwei:", "2|"},
		{"Antwort zu Frage 1 und 3:", "1,3|"},
		{"Zu Frage zweifach:", "-"},
		{"Siehe Antwort zu Frage 2.", "-"},
		{"Zu a und c bis e)", "-"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char name[160];
		covers(cases[i].line, got, sizeof got);
		snprintf(name, sizeof name, "heading: reads \"%s\"", cases[i].line);
		CHECK_STR(got, cases[i].want, name);
	}

	int *v = NULL;
	size_t n = 0;
	CHECK(heading_parse_joint("Die Fragen 2 bis 4 werden gemeinsam beantwortet.", &v, &n) == 1 &&
	      n == 3 && v[0] == 2 && v[2] == 4, "heading: 'Die Fragen 2 bis 4 werden gemeinsam beantwortet'");
	free(v);
	v = NULL;
	CHECK(heading_parse_joint("Die Fragen 1 und 2 werden zusammen beantwortet:", &v, &n) == 1 &&
	      n == 2, "heading: '… werden zusammen beantwortet'");
	free(v);
	v = NULL;
	CHECK(heading_parse_joint("Die Fragen 1 und 2 sind schwierig.", &v, &n) == 0 && !v,
	      "heading: other sentences about questions are not joint answers");

	fmt((int[]){1}, 1, "Zu Frage 1:", "heading: one question");
	fmt((int[]){1, 2}, 2, "Zu Frage 1 und 2:", "heading: an adjacent pair");
	fmt((int[]){2, 4}, 2, "Zu den Fragen 2 und 4:", "heading: a pair apart");
	fmt((int[]){3, 4, 5}, 3, "Zu den Fragen 3 bis 5:", "heading: a run becomes a range");
	fmt((int[]){1, 3, 5}, 3, "Zu den Fragen 1, 3 und 5:", "heading: a list");
	fmt((int[]){1, 2, 3, 5}, 4, "Zu den Fragen 1 bis 3 und 5:", "heading: range and single");
	fmt((int[]){1, 2, 4, 5}, 4, "Zu den Fragen 1, 2, 4 und 5:", "heading: pairs stay single");
}
