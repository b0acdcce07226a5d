/* recovery.h: the editor's recovery file, the unsaved text of one inquiry
 * kept outside the history so that a crash, a closed terminal or a killed
 * session loses at most the last two seconds of typing.
 *
 * The module owns where such a file lives, its format, and writing,
 * finding and removing it. It never commits anything and never touches
 * the inquiry's own anfrage.txt. When to write (two seconds after the last
 * keystroke, on SIGHUP/SIGTERM via a flag) is the editor's business; none
 * of this is async-signal-safe.
 *
 * Where: inside the repository's git folder,
 *     <gitdir>/antwort/wiederherstellung/<slug>.txt
 * so git never commits it, `git status` stays quiet, and it stays with the
 * workspace but never travels through sync. When that folder cannot be
 * written (a read-only workspace), the file goes to
 *     $XDG_STATE_HOME/antwort/wiederherstellung/<slug>-<hash>.txt
 * ($HOME/.local/state when XDG_STATE_HOME is unset or not absolute), where
 * <hash> is 12 hex digits of the workspace's top folder, so that two
 * workspaces holding the same inquiry do not share a file.
 *
 * Format (UTF-8 text, LF):
 *     antwort-wiederherstellung 1
 *     basis: <40 hex digits: the commit the text started from, or empty>
 *     zeit: <seconds since 1970>
 *     <blank line>
 *     <the document text exactly as given, to the end of the file>
 *
 * A file whose header is not exactly that (damaged, or written by a newer
 * antwort) is never ignored or deleted: recovery_load() offers its whole
 * content as text with damaged = 1, so nothing typed is lost. */
#ifndef ANTWORT_RECOVERY_H
#define ANTWORT_RECOVERY_H

#include <stddef.h>

#include "buf.h"
#include "error.h"

struct workspace;

#define RECOVERY_MAGIC "antwort-wiederherstellung 1"

/* The primary recovery file of inquiry slug into out, creating the folders
 * <gitdir>/antwort/wiederherstellung on the way. AW_ENOINQ for a slug that
 * is not one (it would leave the folder), AW_ERECOVERY with the folder and
 * the reason when it cannot be made. */
int recovery_path(struct workspace *ws, const char *slug, char *out, size_t outsize,
                  struct aw_error *err);

/* Writes doc[0..len) with base (a 40-hex commit id; NULL or anything else
 * is written as an empty base, since the text matters more than where it
 * started) and the current time, atomically (fileio_write_atomic): the
 * primary place first, else the fallback. After a successful write the
 * copy in the other place, now older, is removed if it can be. AW_ENOINQ
 * for a bad slug; AW_ERECOVERY naming the primary file, with both reasons,
 * when neither place can be written. */
int recovery_save(struct workspace *ws, const char *slug, const char *base, const char *doc,
                  size_t len, struct aw_error *err);

/* What recovery_load() found. The struct owns text (recovery_free()). */
struct recovery {
	int present;         /* 0: there is nothing to offer, the rest is empty */
	int damaged;         /* 1: the header did not read; text is the whole
	                      * file as found, base is empty, time its mtime */
	char path[1024];     /* the file offered */
	char base[41];       /* the commit the text started from, or "" */
	long long time;      /* when it was written, seconds since 1970 */
	struct buf text;     /* the document text, byte for byte */
};

/* Looks for the recovery file of inquiry slug in both places; when both
 * hold one, the newer wins (by its zeit line, then by the file's mtime),
 * and the other stays where it is until recovery_remove(). An empty file
 * holds nothing and counts as none. A file that is there but cannot be
 * read is an error (AW_EREAD, AW_EOPEN, …) rather than silently passed
 * over; *out is then not present. out need not be initialised. */
int recovery_load(struct workspace *ws, const char *slug, struct recovery *out,
                  struct aw_error *err);

void recovery_free(struct recovery *r);

/* Removes the recovery files of inquiry slug from both places (after a
 * save, or when the person declines the offer); a missing file is fine.
 * AW_EWRITE naming a file that is there and could not be removed. */
int recovery_remove(struct workspace *ws, const char *slug, struct aw_error *err);

#endif
