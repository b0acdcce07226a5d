/* workspace.h: the workspace, a git repository that holds the inquiries
 * and every saved version of them. The only module that talks to git, and
 * it does so through libgit2 alone.
 *
 * Layout (docs/workspace.md):
 *     antwort.conf                  marks the folder as a workspace
 *     anfragen/<slug>/anfrage.txt   one inquiry with its answers
 *     templates/, dict/             the team's paragraphs and words
 *
 * Every save is one commit on the current branch, built from the parent
 * commit's tree (never through the shared index) and published by moving
 * the branch with compare-and-swap, so that two antwort processes never
 * undo each other's work. The working file is written before the branch
 * moves: a crash leaves either the old version or the new one on disk, and
 * the next save picks up whatever is there.
 *
 * A struct workspace owns the repository handle; nothing here keeps a
 * pointer into a caller's model. */
#ifndef ANTWORT_WORKSPACE_H
#define ANTWORT_WORKSPACE_H

#include <stddef.h>

#include "buf.h"
#include "error.h"
#include "inquiry.h"
#include "slug.h"
#include "strlist.h"

#define WS_MARKER "antwort.conf"
#define WS_DIR "anfragen"
#define WS_DOC "anfrage.txt"

/* A commit id in hex, and the short form people read. */
#define WS_ID_LEN 40
#define WS_SHORT_LEN 7

struct workspace;

/* Makes dir (created if missing; "." when NULL) a workspace: a new git
 * repository, or the existing one whose top folder dir is, adopted in
 * place. Writes the marker and the READMEs of templates/ and dict/ and
 * commits them. AW_EWSEXISTS, AW_EINREPO, AW_EBARE, AW_ENOAUTHOR, … */
int ws_init(const char *dir, struct aw_error *err);

/* Finds the workspace that holds the folder start (NULL: the current
 * one), looking upwards as git does. AW_ENOWS when there is none. */
int ws_open(const char *start, struct workspace **out, struct aw_error *err);
void ws_close(struct workspace *ws);

/* The workspace's top folder, ending in '/'. */
const char *ws_root(const struct workspace *ws);

/* The repository's git folder (usually the top folder's ".git/"), ending
 * in '/': a place for antwort's own files that git never commits or
 * lists as changed (the editor's recovery files, recovery.h). */
const char *ws_git_dir(const struct workspace *ws);

/* The path of an inquiry's document relative to the top folder
 * ("anfragen/<slug>/anfrage.txt"); out must hold WS_PATH_MAX bytes. */
#define WS_PATH_MAX (sizeof WS_DIR + SLUG_MAX + sizeof WS_DOC + 2)
char *ws_doc_path(const char *slug, char out[WS_PATH_MAX]);

/* What a save did. */
struct ws_saved {
	int committed;                    /* 0: nothing had changed */
	char id[WS_ID_LEN + 1];           /* the new commit (or the current one) */
	char subject[512];                /* the commit's first line */
	struct strlist conflicts;         /* parts merged with markers after a
	                                   * concurrent save of the same inquiry */
	char warning[512];                /* a German sentence, or empty */
	int merged;                       /* someone else had saved the same
	                                   * inquiry: what is stored is the merge */
};

void ws_saved_free(struct ws_saved *s);

/* Takes a newly read inquiry into the workspace: writes
 * anfragen/<slug>/anfrage.txt in the canonical layout and commits it as
 * "Anfrage L4 „Titel“ eingegangen". The slug is written to slug.
 * AW_EDUP when the inquiry is there already. */
int ws_import(struct workspace *ws, const struct inquiry *q, char slug[SLUG_MAX + 1],
              struct ws_saved *saved, struct aw_error *err);

/* Saves doc as the new version of inquiry slug: writes the file and
 * commits it when it differs from the last version, with a message that
 * says what changed. base is the commit the caller's version started from
 * (NULL: the current one); when someone else saved the same inquiry since,
 * both versions are merged part by part (docmerge.h) and conflicts are
 * listed in saved->conflicts. */
int ws_save(struct workspace *ws, const char *slug, const struct inquiry *doc,
            const char *base, struct ws_saved *saved, struct aw_error *err);

/* ws_save() with more trailer lines for the commit message, each ending
 * in '\n' ("Textbaustein: inneres/keine-erkenntnisse, Stand 15.01.2026\n"):
 * they go under the "Antworten:" trailer, for ws_trailer_uses(). A caller
 * that still holds the version base as it read or saved it passes it as
 * base_doc, and it is not read and parsed again (a third of a save of a
 * large inquiry); NULL reads it. */
int ws_save_trailers(struct workspace *ws, const char *slug, const struct inquiry *doc,
                     const char *base, const struct inquiry *base_doc, const char *trailers,
                     struct ws_saved *saved, struct aw_error *err);

/* One commit that carries a trailer line "KEY: VALUE". */
struct ws_trailer_use {
	char id[WS_ID_LEN + 1];
	long long time;
	int tz;
	char author[128];
	char subject[256];
	char slug[SLUG_MAX + 1];          /* the inquiry it changed, or empty */
	char value[256];                  /* the trailer's value */
};

/* The commits on the current branch, newest first, whose message has a
 * trailer line "key: VALUE" with VALUE starting with value_prefix
 * followed by the end, a comma or a blank (so "inneres/x" does not find
 * "inneres/xy"). *out is a new array (free()). */
int ws_trailer_uses(struct workspace *ws, const char *key, const char *value_prefix,
                    struct ws_trailer_use **out, size_t *n, struct aw_error *err);

/* Writes a new file at rel (from the top folder; its folders are made)
 * with data[0..len) and commits it with message. AW_EEXISTS when the
 * file is there already: nothing is overwritten. */
int ws_add_file(struct workspace *ws, const char *rel, const char *data, size_t len,
                const char *message, struct ws_saved *saved, struct aw_error *err);

/* Commits what is in anfragen/<slug>/anfrage.txt now, as someone wrote it
 * with another editor: the bytes as they are, once they read as an
 * inquiry (else AW_EDOC / AW_EUTF8 with file and line, nothing committed). */
int ws_save_file(struct workspace *ws, const char *slug, struct ws_saved *saved,
                 struct aw_error *err);

/* The team's word list for the spelling check, shared through git. */
#define WS_WORDS "dict/woerter.txt"

/* Adds word to the workspace's word list (WS_WORDS, made if missing) and
 * commits it as "Wort „…“ ins Wörterbuch aufgenommen"; a word already
 * listed commits nothing (saved->committed 0). What is on disk in the
 * list is kept, hand edits included. AW_EBADWORD for an empty word or
 * one with blanks. */
int ws_add_word(struct workspace *ws, const char *word, struct ws_saved *saved,
                struct aw_error *err);

/* Checks that slug names an inquiry of the workspace (AW_ENOINQ if not). */
int ws_has(struct workspace *ws, const char *slug, struct aw_error *err);

/* The slugs of all inquiries in the workspace, sorted. */
int ws_list(struct workspace *ws, struct strlist *slugs, struct aw_error *err);

/* One version of an inquiry, as the log shows it. */
struct ws_version {
	char id[WS_ID_LEN + 1];
	long long time;                   /* seconds since 1970, author time */
	int tz;                           /* offset in minutes */
	char author[128];
	char subject[256];
	char answers[128];                /* "2, 1+3", or empty */
};

/* The versions of inquiry slug, newest first: the commits on the current
 * branch that changed its document. *out is a new array (free()). */
int ws_log(struct workspace *ws, const char *slug, struct ws_version **out, size_t *n,
           struct aw_error *err);

/* The document of inquiry slug at revision rev (anything git's revision
 * syntax accepts: "HEAD~2", a short id, a branch; NULL: the current
 * version). The commit's id, author, time and subject go to ver when not
 * NULL (ver->answers stays empty). AW_EREV when rev does not name a
 * version that has the document. */
int ws_show(struct workspace *ws, const char *slug, const char *rev, struct buf *text,
            struct ws_version *ver, struct aw_error *err);

/* What a sync did. */
struct ws_synced {
	char remote[320];                 /* name or address */
	char branch[256];
	int fetched;                      /* the remote had versions we lacked */
	int merged;                       /* a merge commit was made */
	int pushed;                       /* our versions are on the remote now */
	struct strlist conflicts;         /* "anfragen/x/anfrage.txt: Zu Frage 2" */
};

void ws_synced_free(struct ws_synced *s);

/* Fetches from remote (a configured name or an address; NULL: the one
 * configured, "origin" first), merges part by part, and pushes when no
 * conflict is open. Never forces. An address given when none is
 * configured is remembered as "origin". Conflicts are committed with both
 * versions between markers, listed in out->conflicts, and nothing is
 * pushed until they are resolved. */
int ws_sync(struct workspace *ws, const char *remote, struct ws_synced *out,
            struct aw_error *err);

#endif
