/* docmerge.h: three-way merge of two versions of one inquiry that grew
 * apart from a common ancestor, part by part (docparts.h), so that two
 * people who changed different answers merge without a conflict.
 *
 * Where both changed the same part differently, nothing is lost: the
 * part holds both versions between git's conflict markers, each marker a
 * paragraph of its own:
 *
 *     <<<<<<< Ihre Fassung
 *     …our paragraphs…
 *     =======
 *     …their paragraphs…
 *     >>>>>>> Fassung von origin/main
 *
 * Such a document still reads and writes like any other; docmerge_markers()
 * finds the parts that still hold markers, which is how antwort knows that
 * a conflict is not yet resolved. */
#ifndef ANTWORT_DOCMERGE_H
#define ANTWORT_DOCMERGE_H

#include "error.h"
#include "inquiry.h"
#include "strlist.h"

#define DOCMERGE_OURS   "<<<<<<< "
#define DOCMERGE_SEP    "======="
#define DOCMERGE_THEIRS ">>>>>>> "

/* Merges ours and theirs, both descended from base (NULL when the two were
 * made independently: every part that differs is then a conflict). out
 * receives a new complete inquiry laid out like ours; ours_name and
 * theirs_name go after the markers ("Ihre Fassung", "Fassung von
 * origin/main"). The labels of conflicting parts ("Zu Frage 2",
 * "Vorbemerkung des Senats") are appended to conflicts. 0 or AW_ENOMEM. */
int docmerge(const struct inquiry *base, const struct inquiry *ours,
             const struct inquiry *theirs, const char *ours_name,
             const char *theirs_name, struct inquiry *out,
             struct strlist *conflicts);

/* Appends to labels the label of every part of q that still holds a
 * conflict marker paragraph. 0 or AW_ENOMEM. */
int docmerge_markers(const struct inquiry *q, struct strlist *labels);

/* 1 when the text has the three marker lines in their order (a lone
 * "=======" under a Markdown heading is none); for files antwort does not
 * parse, such as templates and word lists, and within a part. */
int docmerge_text_has_markers(const char *text, size_t len);

#endif
