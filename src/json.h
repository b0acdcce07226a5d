/* json.h: the structure of an inquiry for programs (`antwort parse
 * --format json`). The schema is documented in docs/json.md. */
#ifndef ANTWORT_JSON_H
#define ANTWORT_JSON_H

#include "buf.h"
#include "inquiry.h"

/* Appends the JSON document (UTF-8, two-space indent, final newline) to
 * out. 0 or AW_ENOMEM. */
int json_write(const struct inquiry *q, struct buf *out);

/* Appends s as a JSON string literal, or null for NULL. */
int json_string(struct buf *out, const char *s);

#endif
