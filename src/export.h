/* export.h: the finished answer in the formats an office opens: the
 * canonical text layout, Markdown, and a standalone printable HTML page. */
#ifndef ANTWORT_EXPORT_H
#define ANTWORT_EXPORT_H

#include "buf.h"
#include "inquiry.h"

enum export_format { EXPORT_TXT, EXPORT_MD, EXPORT_HTML };

/* "txt", "md", "html" -> format; -1 for an unknown name. */
int export_format_from_name(const char *name);

/* Appends q in format f to out. 0 or AW_ENOMEM. */
int export_write(const struct inquiry *q, enum export_format f, struct buf *out);

#endif
