/* slug.h: the folder name of an inquiry in a workspace, made from its
 * session date, number and title: "2017-04-04-L4-videotelefonie".
 *
 * A slug is ASCII letters, digits and '-' only (never '/', never "..",
 * never starting with '-' or '.'), at most SLUG_MAX bytes, so it is safe
 * as a path component on every file system and in a URL. */
#ifndef ANTWORT_SLUG_H
#define ANTWORT_SLUG_H

#include <stddef.h>

#include "inquiry.h"

#define SLUG_MAX 64

/* Writes the slug of q into out (SLUG_MAX + 1 bytes). The date and the
 * number identify an inquiry, so with both the title contributes only its
 * first significant word; without them, up to four words. Umlauts are
 * transliterated (ä → ae, ß → ss), everything else that is not a letter
 * or digit becomes one '-'. An inquiry with nothing usable gets "anfrage".
 * Returns out. */
char *slug_make(const struct inquiry *q, char out[SLUG_MAX + 1]);

/* 1 when s is a well-formed slug as described above (used to refuse a
 * user's argument that would leave the anfragen/ folder). */
int slug_valid(const char *s);

/* Length of the part of a slug that identifies the inquiry without its
 * title ("2017-04-04-L4-" → 14), or 0 when the slug has no date and
 * number: two slugs with the same nonzero prefix name the same inquiry. */
size_t slug_identity_len(const char *s);

#endif
