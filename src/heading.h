/* heading.h: answer headings ("Zu Frage 1 und 2:", "Zu den Fragen 3 bis
 * 5:") read into the list of question numbers they cover, and made from
 * such a list in the canonical wording. */
#ifndef ANTWORT_HEADING_H
#define ANTWORT_HEADING_H

#include <stddef.h>

/* Reads a heading at the start of line ("Zu Frage 1:", "Zu 1.:",
 * "Antwort zu Frage 1 und 3:", "Zu Frage eins bis drei:"). Returns 1 and sets *covers (sorted,
 * unique, owned by the caller), *n and *rest (the offset of any text after
 * the colon, spaces skipped) when line is a heading; 0 when it is not;
 * AW_ENOMEM. */
int heading_parse(const char *line, int **covers, size_t *n, size_t *rest);

/* Reads "Die Fragen 2 bis 4 werden gemeinsam beantwortet" (a sentence
 * that joins the answers to several questions, placed under the first or
 * the last of them). Returns 1 and sets *covers and *n as above, 0 when
 * line is something else, or AW_ENOMEM. */
int heading_parse_joint(const char *line, int **covers, size_t *n);

/* Question numbers are ints: 3 for "3.", and major * 1000 + minor for
 * decimal numbering ("1.2" is 1002), so that they sort and count alike.
 * Writes the number as people read it ("3", "1.2") into buf; returns buf. */
#define HEADING_DECIMAL 1000
char *heading_label(int number, char buf[16]);

/* "Erstens" … "Zehntens": questions numbered in words. */
#define HEADING_NORDINALS 10
extern const char *const heading_ordinals[HEADING_NORDINALS];

/* The canonical heading for covers[0..n): "Zu Frage 1:", "Zu Frage 1 und
 * 2:", "Zu den Fragen 3 bis 5:", "Zu den Fragen 1, 3 und 5:". Newly
 * allocated; NULL when out of memory. */
char *heading_format(const int *covers, size_t n);

#endif
