/* datadir.h: where antwort's own data is: the house style rules
 * (stil.regeln), the project's word list (dict/woerter.txt) and the
 * example templates (templates/, template.h).
 *
 * Looked for in this order, the first that applies wins:
 *   1. $ANTWORT_DATA, when set and not empty: a folder laid out as
 *      installed (stil.regeln, dict/woerter.txt, templates/) or a source
 *      tree (share/stil.regeln, dict/woerter.txt, templates/); taken even
 *      when the files
 *      are missing, so that a test can switch the data off;
 *   2. the installed folder compiled in (ANTWORT_DATADIR, the Makefile's
 *      $(DATADIR)), when it has stil.regeln;
 *   3. <folder of the program>/../share/antwort, when it has stil.regeln
 *      (an installation moved elsewhere, or staged with DESTDIR);
 *   4. the source tree the program was built in: from the folder of
 *      /proc/self/exe (build/antwort, build/san/antwort) up to three
 *      folders higher, the first that holds share/stil.regeln and
 *      dict/woerter.txt.
 *
 * The templates folder is <folder>/templates in both layouts.
 *
 * struct datadir owns its three paths; datadir_free() releases them. */
#ifndef ANTWORT_DATADIR_H
#define ANTWORT_DATADIR_H

#include "buf.h"

enum datadir_from {
	DATADIR_NONE,       /* nothing found: both paths empty */
	DATADIR_ENV,        /* $ANTWORT_DATA */
	DATADIR_INSTALLED,  /* ANTWORT_DATADIR, or ../share/antwort beside the program */
	DATADIR_SOURCE,     /* the source tree around the program */
};

struct datadir {
	enum datadir_from from;
	struct buf rules;   /* the rules file's path ("" when none) */
	struct buf words;   /* the project word list's path ("" when none) */
	struct buf templates; /* the example templates' folder ("" when none);
	                       * it need not exist */
};

#define DATADIR_INIT {DATADIR_NONE, BUF_INIT, BUF_INIT, BUF_INIT}

/* Fills d (initialised with DATADIR_INIT, or used before) as above. The
 * files need not exist when d->from is DATADIR_ENV. 0 or AW_ENOMEM. */
int datadir_find(struct datadir *d);

/* The installed folder compiled into the program. */
const char *datadir_installed(void);

void datadir_free(struct datadir *d);

#endif
