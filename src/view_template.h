/* view_template.h: the template picker (F4) and saving a marked text as
 * a new template (Shift-F4), over the library template.h reads. */
#ifndef ANTWORT_VIEW_TEMPLATE_H
#define ANTWORT_VIEW_TEMPLATE_H

#include "app.h"
#include "buf.h"
#include "inquiry.h"

/* Lets the person find a template by typing, see it filled in for the
 * inquiry q (answering question number question, 0 for none), warns
 * about a stale one, and asks for its free placeholders. 1 with the
 * filled text in out and the commit trailer line (template.h) in
 * trailer; 0 when cancelled or there are none (a->message says why). */
int template_pick(struct app *a, const struct inquiry *q, int question, struct buf *out,
                  struct buf *trailer);

/* Asks for the new template's Ressort, Titel and Schlagworte, writes
 * templates/<ressort>/<name>.txt in the workspace with text as its body
 * and today's Stand, and commits it. 0, or an error already shown. */
int template_save_text(struct app *a, const char *text);

#endif
