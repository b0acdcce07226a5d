/* ws_doc.c: an inquiry into the workspace (import) and each new version of
 * it (save), with commit messages that say in words what changed. */
#include "ws_internal.h"
#include "docmerge.h"
#include "docparts.h"
#include "fileio.h"
#include "reader.h"
#include "writer.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The trailer that lists the changed answers, read back by the log so it
 * need not parse every version again. */
#define TRAILER "Antworten: "
#define TRAILER_NONE "keine"

void ws_saved_free(struct ws_saved *s)
{
	strlist_free(&s->conflicts);
}

static void saved_reset(struct ws_saved *s)
{
	strlist_free(&s->conflicts);
	memset(s, 0, sizeof *s);
}

/* Cuts the first line of message into subject. */
static void take_subject(const char *message, char *subject, size_t size)
{
	const char *nl = strchr(message, '\n');
	int n = (int)(nl ? nl - message : (long)strlen(message));
	snprintf(subject, size, "%.*s", n, message);
}

static int has_slug(const struct strlist *have, const char *slug)
{
	for (size_t i = 0; i < have->n; i++)
		if (!strcmp(have->v[i], slug))
			return 1;
	return 0;
}

/* 1 when the workspace's inquiry slug asks the same questions as q (or
 * cannot be read, which is no reason to make a second copy). */
static int same_questions(struct workspace *ws, const char *slug, const struct inquiry *q)
{
	char rel[WS_PATH_MAX], path[PATH_MAX];
	struct buf text = BUF_INIT;
	struct inquiry have;
	int same = 1;
	inquiry_init(&have);
	snprintf(path, sizeof path, "%s%s", ws->root, ws_doc_path(slug, rel));
	if (!fileio_read(path, &text, NULL) &&
	    !reader_read(text.s ? text.s : "", text.len, rel, NULL, &have, NULL)) {
		same = have.nquestions == q->nquestions;
		for (size_t i = 0; same && i < q->nquestions; i++)
			same = strlist_equal(&have.questions[i].paras, &q->questions[i].paras);
	}
	inquiry_free(&have);
	buf_free(&text);
	return same;
}

/* "Anfrage L4 „Titel“ eingegangen", with the trailer. */
static int import_message(const struct inquiry *q, const char *slug, struct buf *msg)
{
	if (buf_adds(msg, "Anfrage ") ||
	    (q->number && buf_printf(msg, "%s ", q->number)) ||
	    (q->title ? buf_printf(msg, "„%s“", q->title) : buf_adds(msg, slug)) ||
	    buf_adds(msg, " eingegangen\n\n" TRAILER TRAILER_NONE "\n"))
		return AW_ENOMEM;
	return 0;
}

int ws_import(struct workspace *ws, const struct inquiry *q, char slug[SLUG_MAX + 1],
              struct ws_saved *saved, struct aw_error *err)
{
	struct buf text = BUF_INIT, msg = BUF_INIT;
	struct strlist have = STRLIST_INIT;
	char rel[WS_PATH_MAX];
	int rc;

	saved_reset(saved);
	/* Text without a numbered question is not an inquiry: saving it later
	 * would be refused, so it is refused now. */
	if (!q->nquestions)
		return aw_fail(err, AW_ENOQUESTIONS, "", "");
	slug_make(q, slug);
	if ((rc = ws_list(ws, &have, err)))
		goto out;
	/* The same inquiry again, perhaps with its title corrected since:
	 * date and number identify it. Without them the slug is only the
	 * title, which another inquiry may share: then the questions decide,
	 * and a different inquiry gets "-2", "-3", … */
	size_t id = slug_identity_len(slug);
	if (!id)
		for (int k = 2; k < 100 && has_slug(&have, slug) && !same_questions(ws, slug, q); k++) {
			char base[SLUG_MAX + 1];
			size_t bl = strlen(slug);
			char suffix[8];
			int sl = snprintf(suffix, sizeof suffix, "-%d", k);
			if (k > 2) /* drop the previous suffix */
				bl = (size_t)(strrchr(slug, '-') - slug);
			if (bl + (size_t)sl > SLUG_MAX)
				bl = SLUG_MAX - (size_t)sl;
			memcpy(base, slug, bl);
			memcpy(base + bl, suffix, (size_t)sl + 1);
			memcpy(slug, base, bl + (size_t)sl + 1);
		}
	for (size_t i = 0; i < have.n; i++)
		if (!strcmp(have.v[i], slug) || (id && !strncmp(have.v[i], slug, id))) {
			char what[300];
			snprintf(what, sizeof what, "%s%s%s", q->number ? q->number : "",
			         q->number ? " " : "", q->title ? q->title : slug);
			rc = aw_fail(err, AW_EDUP, ws_doc_path(have.v[i], rel), what);
			goto out;
		}

	if (writer_write(q, &text) || import_message(q, slug, &msg)) {
		rc = aw_fail(err, AW_ENOMEM, slug, "");
		goto out;
	}
	ws_doc_path(slug, rel);
	struct ws_file f = {rel, text.s, text.len, NULL};
	git_oid none, id_out, tip;
	memset(&none, 0, sizeof none);
	rc = ws_commit(ws, &f, 1, 0, &none, msg.s, &id_out, &saved->committed, &tip,
	               saved->warning, sizeof saved->warning, err);
	if (rc == WS_RACED || (rc == 0 && !saved->committed)) {
		/* Someone else imported it in the same moment. */
		rc = aw_fail(err, AW_EDUP, rel, q->title ? q->title : slug);
		goto out;
	}
	if (rc)
		goto out;
	git_oid_tostr(saved->id, sizeof saved->id, &id_out);
	take_subject(msg.s, saved->subject, sizeof saved->subject);
out:
	strlist_free(&have);
	buf_free(&text);
	buf_free(&msg);
	return rc;
}

/* Reads a stored version into a model; the name is used in messages. */
static int read_doc(const char *text, size_t len, const char *name, struct inquiry *q,
                    struct aw_error *err)
{
	return reader_read(text, len, name, NULL, q, err);
}

/* The commit message for the change from old to new: the subject in
 * words and the trailer that lists the changed answers. */
static int describe(const struct inquiry *old, const struct inquiry *new, struct buf *msg)
{
	struct doc_parts a = {NULL, 0}, b = {NULL, 0};
	struct change *c = NULL;
	struct buf answers = BUF_INIT;
	size_t n = 0;
	size_t start = msg->len;
	int rc = docparts_make(old, &a);
	if (!rc)
		rc = docparts_make(new, &b);
	if (!rc)
		rc = changes_compare(&a, &b, &c, &n);
	if (!rc)
		rc = changes_message(c, n, msg);
	/* The text changed but no part did: line ends, blank lines. */
	if (!rc && msg->len == start)
		rc = buf_adds(msg, "Form des Dokuments geändert");
	if (!rc)
		rc = changes_answers(c, n, &answers);
	if (!rc)
		rc = buf_printf(msg, "\n\n" TRAILER "%s\n", answers.len ? answers.s : TRAILER_NONE);
	free(c);
	buf_free(&answers);
	docparts_free(&a);
	docparts_free(&b);
	return rc ? AW_ENOMEM : 0;
}

/* The commit a caller's version started from: rev, or the tip. */
static int resolve_commit(struct workspace *ws, const char *rev, const char *slug,
                          git_commit **out, struct aw_error *err)
{
	git_object *obj = NULL;
	int rc = git_revparse_single(&obj, ws->repo, rev ? rev : "HEAD");
	if (rc == GIT_ENOTFOUND || rc == GIT_EINVALIDSPEC || rc == GIT_EAMBIGUOUS)
		return aw_fail(err, AW_EREV, slug, rev ? rev : "HEAD");
	if (rc)
		return ws_git_fail(err, rc, slug);
	git_object *c = NULL;
	rc = git_object_peel(&c, obj, GIT_OBJECT_COMMIT);
	git_object_free(obj);
	if (rc)
		return aw_fail(err, AW_EREV, slug, rev ? rev : "HEAD");
	*out = (git_commit *)c;
	return 0;
}

/* The author of commit id, for "Fassung von Anna Muster". */
static void author_of(git_repository *repo, const git_oid *id, char *out, size_t size)
{
	git_commit *c = NULL;
	snprintf(out, size, "einer anderen Fassung");
	if (git_commit_lookup(&c, repo, id) == 0) {
		snprintf(out, size, "Fassung von %s", git_commit_author(c)->name);
		git_commit_free(c);
	}
}

/* Commits text as the new version of the document at rel, whose version
 * the caller started from is base_doc in base_blob. When another process
 * saved the same document meanwhile, merges the two and tries again; with
 * base_held, base_doc is the caller's own model of that version, and the
 * merge reads the stored one instead, so that it starts from exactly what
 * both sides had (a model written and read back can differ in blanks). */
static int commit_version(struct workspace *ws, const char *rel, struct buf *text,
                          const struct inquiry *new_doc, const struct inquiry *base_doc,
                          int base_held, git_oid base_blob, struct buf *msg,
                          struct ws_saved *saved, struct aw_error *err)
{
	struct inquiry merged, ancestor;
	inquiry_init(&merged);
	inquiry_init(&ancestor);
	for (int round = 0; ; round++) {
		struct ws_file f = {rel, text->s ? text->s : "", text->len, NULL};
		git_oid out, tip;
		int rc = ws_commit(ws, &f, 1, 0, &base_blob, msg->s, &out, &saved->committed, &tip,
		                   saved->warning, sizeof saved->warning, err);
		if (rc != WS_RACED) {
			inquiry_free(&merged);
			inquiry_free(&ancestor);
			if (rc == 0) {
				git_oid_tostr(saved->id, sizeof saved->id, &out);
				take_subject(msg->s, saved->subject, sizeof saved->subject);
			}
			return rc;
		}
		if (round == 50) {
			inquiry_free(&merged);
			inquiry_free(&ancestor);
			return aw_fail(err, AW_ELOCKED, rel, "");
		}
		if (base_held) {
			struct buf stored = BUF_INIT;
			base_held = 0;
			if (!(rc = ws_blob_read(ws->repo, &base_blob, &stored, err)))
				rc = read_doc(stored.s ? stored.s : "", stored.len, rel, &ancestor, err);
			buf_free(&stored);
			if (rc) {
				inquiry_free(&merged);
				return rc;
			}
			base_doc = &ancestor;
		}
		/* Theirs is now the base of the next attempt; ours is merged
		 * into it part by part. */
		saved->merged = 1;
		git_commit *c = NULL;
		struct buf theirs_text = BUF_INIT;
		struct inquiry theirs;
		inquiry_init(&theirs);
		char who[200];
		author_of(ws->repo, &tip, who, sizeof who);
		if ((rc = git_commit_lookup(&c, ws->repo, &tip))) {
			rc = ws_git_fail(err, rc, rel);
		} else if ((rc = ws_blob_at(c, rel, &base_blob, err)) == 1) {
			rc = aw_fail(err, AW_ENOINQ, "", rel); /* deleted meanwhile */
		} else if (!rc && !(rc = ws_blob_read(ws->repo, &base_blob, &theirs_text, err)) &&
		           !(rc = read_doc(theirs_text.s, theirs_text.len, rel, &theirs, err))) {
			struct inquiry next;
			inquiry_init(&next);
			strlist_free(&saved->conflicts);
			if (docmerge(base_doc, new_doc, &theirs, "Ihre Fassung", who, &next,
			             &saved->conflicts)) {
				rc = aw_fail(err, AW_ENOMEM, rel, "");
			} else {
				inquiry_free(&merged);
				merged = next;
				new_doc = &merged;
				text->len = 0;
				if (writer_write(&merged, text))
					rc = aw_fail(err, AW_ENOMEM, rel, "");
			}
		}
		git_commit_free(c);
		buf_free(&theirs_text);
		if (rc) {
			inquiry_free(&theirs);
			inquiry_free(&merged);
			inquiry_free(&ancestor);
			return rc;
		}
		/* Should the branch move again before our commit lands, theirs is
		 * the common ancestor of the next merge. */
		inquiry_free(&ancestor);
		ancestor = theirs;
		base_doc = &ancestor;
	}
}

/* The last committed version of the document at rel in commit c. */
static int version_at(struct workspace *ws, git_commit *c, const char *rel, git_oid *blob,
                      struct buf *text, struct inquiry *doc, struct aw_error *err)
{
	int rc = ws_blob_at(c, rel, blob, err);
	if (rc == 1)
		return aw_fail(err, AW_ENOINQ, "", rel);
	if (!rc)
		rc = ws_blob_read(ws->repo, blob, text, err);
	if (!rc)
		rc = read_doc(text->s ? text->s : "", text->len, rel, doc, err);
	return rc;
}

/* Refuses to write over anfrage.txt when someone changed it with another
 * program since the version the caller started from (base) and since the
 * last saved one: that text would be lost otherwise. */
static int check_disk(struct workspace *ws, const char *rel, const char *slug,
                      const git_oid *base, const struct inquiry *base_doc,
                      struct aw_error *err)
{
	char path[PATH_MAX];
	git_oid disk, tip_blob, tip;
	git_commit *c = NULL;
	snprintf(path, sizeof path, "%s%s", ws->root, rel);
	if (ws_index_vouches(ws, rel, base))
		return 0; /* as the caller knew it, says the index */
	/* Right after a save the index cannot vouch (file and index were
	 * written in the same clock tick), but the caller's version, written
	 * out, is what a save put there: comparing bytes is far cheaper than
	 * hashing them. Equal, the file holds the caller's version, whatever
	 * the stored bytes looked like. */
	if (base_doc) {
		struct buf mine = BUF_INIT, now = BUF_INIT;
		int same = !writer_write(base_doc, &mine) && !fileio_read(path, &now, NULL) &&
		           mine.len == now.len && (!mine.len || !memcmp(mine.s, now.s, mine.len));
		buf_free(&mine);
		buf_free(&now);
		if (same)
			return 0;
	}
	if (git_odb_hashfile(&disk, path, GIT_OBJECT_BLOB) || git_oid_equal(&disk, base))
		return 0; /* missing, or as the caller knew it */
	int same_as_tip = git_reference_name_to_id(&tip, ws->repo, "HEAD") == 0 &&
	                  git_commit_lookup(&c, ws->repo, &tip) == 0 &&
	                  ws_blob_at(c, rel, &tip_blob, NULL) == 0 &&
	                  git_oid_equal(&disk, &tip_blob);
	git_commit_free(c);
	return same_as_tip ? 0 : aw_fail(err, AW_EOUTSIDE, rel, slug);
}

int ws_save(struct workspace *ws, const char *slug, const struct inquiry *doc,
            const char *base, struct ws_saved *saved, struct aw_error *err)
{
	return ws_save_trailers(ws, slug, doc, base, NULL, NULL, saved, err);
}

int ws_save_trailers(struct workspace *ws, const char *slug, const struct inquiry *doc,
                     const char *base, const struct inquiry *base_doc, const char *trailers,
                     struct ws_saved *saved, struct aw_error *err)
{
	char rel[WS_PATH_MAX];
	struct buf text = BUF_INIT, old_text = BUF_INIT, msg = BUF_INIT;
	struct inquiry old;
	git_commit *c = NULL;
	git_oid blob;
	int rc;

	saved_reset(saved);
	inquiry_init(&old);
	if ((rc = ws_has(ws, slug, err)))
		return rc;
	ws_doc_path(slug, rel);
	if ((rc = resolve_commit(ws, base, slug, &c, err)))
		goto out;
	if (base_doc) {
		if ((rc = ws_blob_at(c, rel, &blob, err)) == 1)
			rc = aw_fail(err, AW_ENOINQ, "", rel);
	} else {
		rc = version_at(ws, c, rel, &blob, &old_text, &old, err);
		base_doc = &old;
	}
	if (rc)
		goto out;
	if (writer_write(doc, &text) || describe(base_doc, doc, &msg) ||
	    (trailers && *trailers && buf_adds(&msg, trailers))) {
		rc = aw_fail(err, AW_ENOMEM, rel, "");
		goto out;
	}
	if ((rc = check_disk(ws, rel, slug, &blob, base_doc == &old ? NULL : base_doc, err)))
		goto out;
	rc = commit_version(ws, rel, &text, doc, base_doc, base_doc != &old, blob, &msg, saved, err);
out:
	git_commit_free(c);
	inquiry_free(&old);
	buf_free(&text);
	buf_free(&old_text);
	buf_free(&msg);
	return rc;
}

int ws_save_file(struct workspace *ws, const char *slug, struct ws_saved *saved,
                 struct aw_error *err)
{
	char rel[WS_PATH_MAX], path[PATH_MAX];
	int rc;

	saved_reset(saved);
	if ((rc = ws_has(ws, slug, err)) || (rc = ws_writable(ws, err)))
		return rc;
	ws_doc_path(slug, rel);
	snprintf(path, sizeof path, "%s%s", ws->root, rel);
	/* The file on disk is the truth: it is read afresh whenever another
	 * process committed it in between, and never written by us. */
	for (int round = 0; ; round++) {
		struct buf text = BUF_INIT, old_text = BUF_INIT, msg = BUF_INIT;
		struct inquiry q[2]; /* the file's text, and the last version */
		struct inquiry *const doc = &q[0], *const old = &q[1];
		git_commit *c = NULL;
		git_oid blob, out, tip;
		struct fileio_stamp stamp;
		inquiry_init(doc);
		inquiry_init(old);
		if ((rc = fileio_read_stamped(path, &text, &stamp, err)) ||
		    (rc = resolve_commit(ws, NULL, slug, &c, err)))
			goto next;
		int stored = (rc = ws_blob_at(c, rel, &blob, err)) == 0;
		if (rc < 0 || (stored && (rc = ws_blob_read(ws->repo, &blob, &old_text, err))))
			goto next;
		/* Both versions of a large inquiry are read side by side; the
		 * file's errors come first, as they are the person's to mend. */
		const struct reader_input in[2] = {{text.s ? text.s : "", text.len, rel},
		                                   {old_text.s ? old_text.s : "", old_text.len, rel}};
		rc = stored ? reader_read_pair(in, q, err) : read_doc(in[0].text, in[0].len, rel, doc, err);
		if (rc)
			goto next;
		if (doc->nquestions == 0) {
			rc = aw_fail_at(err, AW_EDOC, rel, 1, 0,
			                "In der Datei steht keine nummerierte Frage mehr");
			goto next;
		}
		if (!stored) {
			/* Put there by hand (or an import cut short): it arrives now. */
			memset(&blob, 0, sizeof blob);
			rc = import_message(doc, slug, &msg) ? aw_fail(err, AW_ENOMEM, rel, "") : 0;
		} else if (describe(old, doc, &msg)) {
			rc = aw_fail(err, AW_ENOMEM, rel, "");
		}
		if (rc)
			goto next;
		struct ws_file f = {rel, text.s, text.len, &stamp};
		rc = ws_commit(ws, &f, 1, WS_ON_DISK, &blob, msg.s, &out, &saved->committed, &tip,
		               saved->warning, sizeof saved->warning, err);
		if (!rc) {
			git_oid_tostr(saved->id, sizeof saved->id, &out);
			take_subject(msg.s, saved->subject, sizeof saved->subject);
			if (docmerge_markers(doc, &saved->conflicts))
				rc = aw_fail(err, AW_ENOMEM, rel, "");
		} else if (rc == WS_RACED && round == 20) {
			rc = aw_fail(err, AW_ELOCKED, rel, "");
		}
next:
		git_commit_free(c);
		inquiry_free(old);
		inquiry_free(doc);
		buf_free(&text);
		buf_free(&old_text);
		buf_free(&msg);
		if (rc != WS_RACED)
			return rc;
	}
}
