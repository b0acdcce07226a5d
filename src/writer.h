/* writer.h: model to text in the canonical layout (the layout of a Senate
 * Vorlage), restoring the line ends, byte order mark, leading blank lines
 * and final newline the document was read with. */
#ifndef ANTWORT_WRITER_H
#define ANTWORT_WRITER_H

#include "buf.h"
#include "inquiry.h"

/* Appends the document to out. 0 or AW_ENOMEM. */
int writer_write(const struct inquiry *q, struct buf *out);

#endif
