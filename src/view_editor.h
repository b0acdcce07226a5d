/* view_editor.h: the editor screen: the list of questions on the left,
 * the selected question's text above right, the editor for its answer
 * below it, a status line and the key line. It draws a session
 * (session.h) and turns commands into edits of it; saving goes through
 * the workspace. */
#ifndef ANTWORT_VIEW_EDITOR_H
#define ANTWORT_VIEW_EDITOR_H

#include "app.h"

/* What the person did when the editor closed. */
enum editor_exit {
	EDITOR_CLOSED,  /* back to the overview */
	EDITOR_FAILED,  /* the inquiry could not be opened: a->message says why */
};

/* Opens inquiry slug of a->ws and runs the editor until the person closes
 * it (Ctrl-Q, after saving or discarding). */
enum editor_exit editor_run(struct app *a, const char *slug);

#endif
