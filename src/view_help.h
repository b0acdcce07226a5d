/* view_help.h: the help screen (F1): every command with its keys, made
 * from the key table, so it is right whatever the user's file changed. */
#ifndef ANTWORT_VIEW_HELP_H
#define ANTWORT_VIEW_HELP_H

#include "app.h"

void help_show(struct app *a);

#endif
