/* view_overview.h: the first screen: the workspace's inquiries with their
 * number, title, kind, answered questions and last change; Enter opens
 * one, "Neue Anfrage" takes pasted text or a file and imports it. */
#ifndef ANTWORT_VIEW_OVERVIEW_H
#define ANTWORT_VIEW_OVERVIEW_H

#include "app.h"
#include "slug.h"

/* Runs the overview until the person opens an inquiry (1, its slug in
 * slug) or quits (0). selected, when not empty, is the inquiry to put the
 * cursor on. */
int overview_screen(struct app *a, const char *selected, char slug[SLUG_MAX + 1]);

/* The "Neue Anfrage" dialog on its own: 1 with the slug of the first
 * inquiry imported, 0 when the person cancelled. */
int overview_new_inquiry(struct app *a, char slug[SLUG_MAX + 1]);

#endif
