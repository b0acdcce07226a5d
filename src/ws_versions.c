/* ws_versions.c: the history of the current branch as the log and the
 * overview need it, one line per commit, kept between runs in
 * .git/antwort/versionen.
 *
 * Why a cache: to list the versions of one inquiry, every commit's trees
 * must be compared with its parents' (which documents changed?), and that
 * is three tree reads per commit and side. Over 2,000 versions that made
 * `antwort log` three times slower than `git log --oneline`, which reads
 * commits only. A commit never changes, so what was found out about it
 * once stays true: the facts are keyed by the commit id, appended when
 * first found, and never rewritten (except at the edge of a shallow
 * clone, where a parent is missing and a fetch may bring it: such a line
 * is not kept). A line that does not parse in every field is worked out
 * again; deleting the file loses nothing but time.
 *
 * The line (fields separated by tabs; in author, subject and answers a
 * backslash, tab or line end is written \\, \t, \n):
 *     id  parents(,)|-  author-time  author-tz  commit-time  author
 *     subject  ?|=answers  changes-vs-parent-1 [changes-vs-parent-2 …]
 * with one changes field per parent (one for a first commit, against
 * nothing): "slug:blob slug:-", the inquiries whose anfrage.txt differs
 * from that parent's, with the blob it has here or "-" when it is gone. */
#include "ws_internal.h"
#include "buf.h"
#include "fileio.h"
#include "slug.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_FILE "antwort/versionen"
#define CACHE_HEADER "# antwort: Versionen, Version 1 (Zwischenspeicher; darf gelöscht werden)\n"
#define NO_PARENT "-"

/* --- the lines ------------------------------------------------------------- */

static int put_escaped(struct buf *b, const char *s)
{
	for (; *s; s++) {
		int rc = *s == '\\' ? buf_adds(b, "\\\\")
		         : *s == '\t' ? buf_adds(b, "\\t")
		         : *s == '\n' ? buf_adds(b, "\\n")
		         : buf_addc(b, *s);
		if (rc)
			return rc;
	}
	return 0;
}

/* Undoes put_escaped() in place. */
static void unescape(char *s)
{
	char *w = s;
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*w++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s;
		} else {
			*w++ = *s;
		}
	}
	*w = '\0';
}

static int parse_ll(const char *s, long long *out)
{
	char *end;
	errno = 0;
	*out = strtoll(s, &end, 10);
	return !*s || *end || errno ? -1 : 0;
}

/* 1 when ch is a well-formed changes field: "" or "slug:<id>" and
 * "slug:-" items separated by single blanks. */
static int changes_ok(const char *ch)
{
	while (*ch) {
		const char *colon = strchr(ch, ':');
		char slug[SLUG_MAX + 1];
		size_t n = colon ? (size_t)(colon - ch) : 0;
		if (!n || n > SLUG_MAX)
			return 0;
		memcpy(slug, ch, n);
		slug[n] = '\0';
		if (!slug_valid(slug))
			return 0;
		const char *v = colon + 1;
		size_t vl = strcspn(v, " ");
		if (vl == 1 ? *v != '-' : vl != GIT_OID_HEXSZ || strspn(v, "0123456789abcdef") < vl)
			return 0;
		ch = v + vl;
		if (*ch == ' ' && !*++ch)
			return 0; /* a blank at the end */
	}
	return 1;
}

/* Parses one line (without its '\n') in place into f; the fields point
 * into line, which must outlive f. parents and changes must have room
 * for as many entries as the line has tabs. -1 when the line is not one
 * of ours, in which case the commit is worked out again. */
static int parse_line(char *line, struct ws_facts *f, git_oid *parents, const char **changes)
{
	char *field[64];
	size_t nf = 0;
	for (char *p = line;; p++) {
		char *tab = strchr(p, '\t');
		if (nf == sizeof field / sizeof *field)
			return -1;
		field[nf++] = p;
		if (!tab)
			break;
		*tab = '\0';
		p = tab;
	}
	/* Seven fixed fields, the answers, and a changes field for each
	 * parent (one for a first commit). */
	if (nf < 9)
		return -1;
	memset(f, 0, sizeof *f);
	long long tz;
	if (strlen(field[0]) != GIT_OID_HEXSZ || git_oid_fromstrn(&f->id, field[0], GIT_OID_HEXSZ) ||
	    parse_ll(field[2], &f->time) || parse_ll(field[3], &tz) || parse_ll(field[4], &f->ctime) ||
	    (field[7][0] != '?' && field[7][0] != '=') || (field[7][0] == '?' && field[7][1]))
		return -1;
	f->tz = (int)tz;
	f->parents = parents;
	if (strcmp(field[1], NO_PARENT)) {
		for (char *s = field[1];; s += GIT_OID_HEXSZ + 1) {
			if (f->nparents == nf || strlen(s) < GIT_OID_HEXSZ ||
			    (s[GIT_OID_HEXSZ] && s[GIT_OID_HEXSZ] != ',') ||
			    git_oid_fromstrn(&parents[f->nparents], s, GIT_OID_HEXSZ))
				return -1;
			f->nparents++;
			if (!s[GIT_OID_HEXSZ])
				break;
		}
	}
	if (nf != 8 + (f->nparents ? f->nparents : 1))
		return -1;
	for (size_t i = 8; i < nf; i++) {
		if (!changes_ok(field[i]))
			return -1;
		changes[i - 8] = field[i];
	}
	f->changes = changes;
	unescape(field[5]);
	unescape(field[6]);
	f->author = field[5];
	f->subject = field[6];
	f->answers = NULL;
	if (field[7][0] == '=') {
		unescape(field[7] + 1);
		f->answers = field[7] + 1;
	}
	return 0;
}

/* --- finding the facts of a commit in git ------------------------------- */

/* The id of entry name of tree t if it is of the given type: 1, else 0. */
static int named(const git_tree *t, const char *name, git_object_t type, git_oid *out)
{
	const git_tree_entry *e = git_tree_entry_byname(t, name);
	int found = e && git_tree_entry_type(e) == type;
	if (found)
		git_oid_cpy(out, git_tree_entry_id(e));
	return found;
}

/* The id of the anfragen/ tree of commit c: 1, 0 when there is none, -1. */
static int folder_of(const git_commit *c, git_oid *out)
{
	git_tree *root = NULL;
	if (git_commit_tree(&root, c))
		return -1;
	int found = named(root, WS_DIR, GIT_OBJECT_TREE, out);
	git_tree_free(root);
	return found;
}

/* The blob of anfrage.txt under entry e of an anfragen/ tree: 1, 0 when
 * there is none, -1. */
static int doc_of(git_repository *repo, const git_tree_entry *e, git_oid *out)
{
	git_tree *t = NULL;
	if (!e || git_tree_entry_type(e) != GIT_OBJECT_TREE)
		return 0;
	if (git_tree_lookup(&t, repo, git_tree_entry_id(e)))
		return -1;
	int found = named(t, WS_DOC, GIT_OBJECT_BLOB, out);
	git_tree_free(t);
	return found;
}

/* Appends to b the documents that differ between the anfragen/ trees
 * here and before (either NULL: none). -1 on a read error. */
static int changes_between(git_repository *repo, const git_tree *here, const git_tree *before,
                           struct buf *b)
{
	int first = 1;
	size_t n = here ? git_tree_entrycount(here) : 0;
	for (size_t i = 0; i < n; i++) {
		const git_tree_entry *e = git_tree_entry_byindex(here, i);
		const char *slug = git_tree_entry_name(e);
		if (!slug_valid(slug))
			continue;
		const git_tree_entry *pe = before ? git_tree_entry_byname(before, slug) : NULL;
		if (pe && git_oid_equal(git_tree_entry_id(pe), git_tree_entry_id(e)))
			continue; /* the same folder: the same document */
		git_oid blob, pblob;
		int r = doc_of(repo, e, &blob), pr = doc_of(repo, pe, &pblob);
		if (r < 0 || pr < 0)
			return -1;
		if (r == pr && (!r || git_oid_equal(&blob, &pblob)))
			continue;
		char hex[GIT_OID_HEXSZ + 1];
		if (r)
			git_oid_tostr(hex, sizeof hex, &blob);
		if (buf_printf(b, "%s%s:%s", first ? "" : " ", slug, r ? hex : "-"))
			return -1;
		first = 0;
	}
	size_t pn = before ? git_tree_entrycount(before) : 0;
	for (size_t i = 0; i < pn; i++) {
		const git_tree_entry *pe = git_tree_entry_byindex(before, i);
		const char *slug = git_tree_entry_name(pe);
		git_oid pblob;
		if (!slug_valid(slug) || (here && git_tree_entry_byname(here, slug)))
			continue;
		int pr = doc_of(repo, pe, &pblob);
		if (pr < 0)
			return -1;
		if (pr && buf_printf(b, "%s%s:-", first ? "" : " ", slug))
			return -1;
		first = pr ? 0 : first;
	}
	return 0;
}

static git_tree *tree_or_null(git_repository *repo, int have, const git_oid *id, int *failed)
{
	git_tree *t = NULL;
	if (have && git_tree_lookup(&t, repo, id))
		*failed = 1;
	return t;
}

/* The answers trailer of a message: 1 with its value in *value (to free),
 * 0 when there is none. */
static int answers_trailer(const char *message, char **value)
{
	git_message_trailer_array tr;
	int found = 0;
	*value = NULL;
	if (git_message_trailers(&tr, message))
		return 0;
	for (size_t i = 0; i < tr.count; i++)
		if (!strcmp(tr.trailers[i].key, "Antworten")) {
			free(*value);
			*value = strdup(strcmp(tr.trailers[i].value, "keine") ? tr.trailers[i].value : "");
			found = *value != NULL;
		}
	git_message_trailer_array_free(&tr);
	return found;
}

/* Writes the cache line of commit id to b (without its '\n'). *lasting
 * is 0 when a parent is missing (the edge of a shallow clone): the line
 * holds for now, but a later fetch may bring the parent, so it is not
 * kept. */
static int facts_line(git_repository *repo, const git_oid *id, struct buf *b, int *lasting)
{
	git_commit *c = NULL;
	char hex[GIT_OID_HEXSZ + 1];
	int rc = git_commit_lookup(&c, repo, id);
	if (rc)
		return rc;
	const git_signature *a = git_commit_author(c);
	unsigned np = git_commit_parentcount(c);
	git_oid here;
	int has_here = folder_of(c, &here);
	char *answers = NULL;
	int failed = has_here < 0;
	*lasting = 1;

	rc = buf_printf(b, "%s\t", git_oid_tostr(hex, sizeof hex, id));
	for (unsigned i = 0; !rc && i < np; i++)
		rc = buf_printf(b, "%s%s", i ? "," : "", git_oid_tostr(hex, sizeof hex, git_commit_parent_id(c, i)));
	if (!rc)
		rc = buf_printf(b, "%s\t%lld\t%d\t%lld\t", np ? "" : NO_PARENT, (long long)a->when.time,
		                a->when.offset, (long long)git_commit_time(c));
	if (!rc && !(rc = put_escaped(b, a->name ? a->name : "")) && !(rc = buf_addc(b, '\t')))
		rc = put_escaped(b, git_commit_summary(c) ? git_commit_summary(c) : "");
	if (!rc) {
		int has = answers_trailer(git_commit_message(c), &answers);
		rc = buf_adds(b, has ? "\t=" : "\t?");
		if (!rc && has)
			rc = put_escaped(b, answers);
	}
	git_tree *dir = failed ? NULL : tree_or_null(repo, has_here == 1, &here, &failed);
	for (unsigned i = 0; !rc && !failed && i < (np ? np : 1); i++) {
		git_oid before;
		int has_before = 0;
		if (np) {
			git_commit *p = NULL;
			/* A parent that is not there (a shallow clone) counts as
			 * an empty one, as for a first commit; any other failure
			 * to read it is an error. */
			int prc = git_commit_parent(&p, c, i);
			if (prc == 0) {
				has_before = folder_of(p, &before);
				git_commit_free(p);
			} else if (prc == GIT_ENOTFOUND) {
				*lasting = 0;
			} else {
				rc = prc;
				break;
			}
			if (has_before < 0) {
				failed = 1;
				break;
			}
		}
		rc = buf_addc(b, '\t');
		if (rc || (has_before == 1 && has_here == 1 && git_oid_equal(&before, &here)))
			continue;
		git_tree *old = tree_or_null(repo, has_before == 1, &before, &failed);
		if (!failed && changes_between(repo, dir, old, b))
			failed = 1;
		git_tree_free(old);
	}
	git_tree_free(dir);
	free(answers);
	git_commit_free(c);
	if (!rc && failed)
		rc = -1;
	return rc;
}

/* --- the history ---------------------------------------------------------------- */

struct node {
	char *line;            /* owned; the facts point into it */
	git_oid *parents;      /* owned, for f.parents */
	const char **changes;  /* owned, for f.changes */
	struct ws_facts f;
	unsigned children;     /* within the walk, for the order */
	size_t ready;          /* when it became ready to be listed */
	int seen;
};

struct table {
	struct node **v;       /* open addressing on the commit id */
	size_t cap, n;
};

static size_t hash_of(const git_oid *id, size_t cap)
{
	size_t h;
	memcpy(&h, id->id, sizeof h);
	return h & (cap - 1);
}

static struct node *table_get(const struct table *t, const git_oid *id)
{
	if (!t->cap)
		return NULL;
	for (size_t i = hash_of(id, t->cap); t->v[i]; i = (i + 1) & (t->cap - 1))
		if (git_oid_equal(&t->v[i]->f.id, id))
			return t->v[i];
	return NULL;
}

static int table_put(struct table *t, struct node *nd)
{
	if (2 * (t->n + 1) > t->cap) {
		size_t ncap = t->cap ? 2 * t->cap : 4096;
		struct node **v = calloc(ncap, sizeof *v);
		if (!v)
			return -1;
		for (size_t i = 0; i < t->cap; i++)
			if (t->v[i]) {
				size_t j = hash_of(&t->v[i]->f.id, ncap);
				while (v[j])
					j = (j + 1) & (ncap - 1);
				v[j] = t->v[i];
			}
		free(t->v);
		t->v = v;
		t->cap = ncap;
	}
	size_t i = hash_of(&nd->f.id, t->cap);
	while (t->v[i])
		i = (i + 1) & (t->cap - 1);
	t->v[i] = nd;
	t->n++;
	return 0;
}

static void node_free(struct node *nd)
{
	if (!nd)
		return;
	free(nd->line);
	free(nd->parents);
	free(nd->changes);
	free(nd);
}

/* A node from one line (copied); NULL when it does not parse. */
static struct node *node_from(const char *line, size_t len)
{
	struct node *nd = calloc(1, sizeof *nd);
	size_t tabs = 0;
	if (!nd || !(nd->line = malloc(len + 1)))
		goto bad;
	memcpy(nd->line, line, len);
	nd->line[len] = '\0';
	/* Room for the parents and their changes: the tabs bound both. */
	for (size_t i = 0; i < len; i++)
		tabs += line[i] == '\t';
	nd->parents = calloc(tabs + 1, sizeof *nd->parents);
	nd->changes = calloc(tabs + 1, sizeof *nd->changes);
	if (!nd->parents || !nd->changes || parse_line(nd->line, &nd->f, nd->parents, nd->changes))
		goto bad;
	return nd;
bad:
	node_free(nd);
	return NULL;
}

static void cache_path(struct workspace *ws, char *out, size_t size)
{
	snprintf(out, size, "%s%s", ws_git_dir(ws), CACHE_FILE);
}

/* Reads the cache into t; a missing or foreign file is an empty cache.
 * *fresh is set when the file must be started anew. */
static int cache_read(struct workspace *ws, struct table *t, int *fresh)
{
	char path[PATH_MAX];
	struct buf text = BUF_INIT;
	cache_path(ws, path, sizeof path);
	*fresh = 1;
	if (fileio_read(path, &text, NULL))
		return 0;
	size_t hl = strlen(CACHE_HEADER);
	if (text.len < hl || memcmp(text.s, CACHE_HEADER, hl)) {
		buf_free(&text);
		return 0;
	}
	*fresh = 0;
	int rc = 0;
	for (size_t at = hl; at < text.len && !rc;) {
		const char *s = text.s + at;
		const char *nl = memchr(s, '\n', text.len - at);
		if (!nl)
			break; /* a line cut short by a crash: found out again */
		struct node *nd = node_from(s, (size_t)(nl - s));
		if (nd && !table_get(t, &nd->f.id) && !(rc = table_put(t, nd)))
			nd = NULL;
		node_free(nd);
		at = (size_t)(nl - text.s) + 1;
	}
	buf_free(&text);
	return rc;
}

/* Appends the new lines; a cache that cannot be written (a read-only
 * workspace) only costs time next run. */
static void cache_append(struct workspace *ws, const struct buf *lines, int fresh)
{
	char path[PATH_MAX], dir[PATH_MAX];
	if (!lines->len)
		return;
	snprintf(dir, sizeof dir, "%santwort", ws_git_dir(ws));
	mkdir(dir, 0777);
	cache_path(ws, path, sizeof path);
	int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (fresh ? O_TRUNC : 0), 0666);
	if (fd < 0)
		return;
	/* One write: lines of two processes appending at once do not mix. */
	struct buf all = BUF_INIT;
	if (!(fresh && buf_adds(&all, CACHE_HEADER)) && !buf_add(&all, lines->s, lines->len)) {
		size_t off = 0;
		while (off < all.len) {
			ssize_t w = write(fd, all.s + off, all.len - off);
			if (w <= 0)
				break;
			off += (size_t)w;
		}
	}
	buf_free(&all);
	close(fd);
}

/* The node of commit id: from the cache, or found out in git and its
 * line added to pending. NULL on failure. */
static struct node *node_of(struct workspace *ws, struct table *t, const git_oid *id,
                            struct buf *pending, int *err)
{
	struct node *nd = table_get(t, id);
	if (nd)
		return nd;
	struct buf line = BUF_INIT;
	int lasting;
	int rc = facts_line(ws->repo, id, &line, &lasting);
	if (!rc && (nd = node_from(line.s, line.len)) && !(rc = table_put(t, nd))) {
		if (lasting && (buf_add(pending, line.s, line.len) || buf_addc(pending, '\n')))
			pending->len = 0; /* not kept, found again next time */
	} else {
		node_free(nd);
		nd = NULL;
		*err = rc ? rc : -1;
	}
	buf_free(&line);
	return nd;
}

/* The heap of commits ready to be listed (all their children are):
 * newest commit time first, as git's --date-order; commits of the same
 * second in the order they became ready, which is fixed by the history
 * (libgit2's own walk leaves such ties to chance). */
struct ready {
	struct node **v;
	size_t n, cap, next;
};

static int ready_before(const struct node *a, const struct node *b)
{
	if (a->f.ctime != b->f.ctime)
		return a->f.ctime > b->f.ctime;
	return a->ready < b->ready;
}

static void ready_swap(struct ready *r, size_t a, size_t b)
{
	struct node *t = r->v[a];
	r->v[a] = r->v[b];
	r->v[b] = t;
}

static int ready_push(struct ready *r, struct node *nd)
{
	if (r->n == r->cap) {
		size_t ncap = r->cap ? 2 * r->cap : 64;
		struct node **v = realloc(r->v, ncap * sizeof *v);
		if (!v)
			return -1;
		r->v = v;
		r->cap = ncap;
	}
	size_t i = r->n++;
	nd->ready = r->next++;
	r->v[i] = nd;
	while (i && ready_before(r->v[i], r->v[(i - 1) / 2])) {
		ready_swap(r, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
	return 0;
}

static struct node *ready_pop(struct ready *r)
{
	if (!r->n)
		return NULL;
	struct node *top = r->v[0];
	r->v[0] = r->v[--r->n];
	for (size_t i = 0;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < r->n && ready_before(r->v[l], r->v[m]))
			m = l;
		if (l + 1 < r->n && ready_before(r->v[l + 1], r->v[m]))
			m = l + 1;
		if (m == i)
			break;
		ready_swap(r, i, m);
		i = m;
	}
	return top;
}

struct ws_history_priv {
	struct table t;
};

int ws_history_walk(struct workspace *ws, struct ws_history *h, struct aw_error *err)
{
	struct buf pending = BUF_INIT;
	struct ready ready = {NULL, 0, 0, 0};
	struct node **stack = NULL;
	size_t sn = 0, scap = 0;
	git_oid head;
	int fresh, gerr = 0, rc;

	memset(h, 0, sizeof *h);
	if (!(h->priv = calloc(1, sizeof *h->priv)))
		goto nomem;
	struct table *t = &h->priv->t;
	if ((rc = git_reference_name_to_id(&head, ws->repo, "HEAD"))) {
		/* A new workspace without a commit has no history. */
		if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH)
			rc = 0;
		else
			rc = ws_git_fail(err, rc, ws_root(ws));
		goto out;
	}
	if (cache_read(ws, t, &fresh))
		goto nomem;

	/* Every commit reachable from HEAD, with how many of its children are
	 * in the walk: a commit is listed only after all of them. */
	struct node *top = node_of(ws, t, &head, &pending, &gerr);
	if (!top)
		goto failed;
	top->seen = 1;
	size_t total = 0;
	for (struct node *nd = top; nd; nd = sn ? stack[--sn] : NULL) {
		total++;
		for (unsigned i = 0; i < nd->f.nparents; i++) {
			struct node *p = node_of(ws, t, &nd->f.parents[i], &pending, &gerr);
			if (!p) {
				/* Not in this repository (a shallow clone): the walk
				 * ends there, as git's does. */
				if (gerr == GIT_ENOTFOUND) {
					gerr = 0;
					continue;
				}
				goto failed;
			}
			p->children++;
			if (p->seen)
				continue;
			p->seen = 1;
			if (sn == scap) {
				size_t ncap = scap ? 2 * scap : 256;
				struct node **s = realloc(stack, ncap * sizeof *s);
				if (!s)
					goto nomem;
				stack = s;
				scap = ncap;
			}
			stack[sn++] = p;
		}
	}
	if (!(h->v = calloc(total, sizeof *h->v)))
		goto nomem;
	if (ready_push(&ready, top))
		goto nomem;
	for (struct node *nd; (nd = ready_pop(&ready));) {
		h->v[h->n++] = &nd->f;
		for (unsigned i = 0; i < nd->f.nparents; i++) {
			struct node *p = table_get(t, &nd->f.parents[i]);
			if (p && --p->children == 0 && ready_push(&ready, p))
				goto nomem;
		}
	}
	cache_append(ws, &pending, fresh);
	rc = 0;
	goto out;
nomem:
	rc = aw_fail(err, AW_ENOMEM, ws_root(ws), "");
	goto out;
failed:
	rc = ws_git_fail(err, gerr ? gerr : -1, ws_root(ws));
out:
	free(stack);
	free(ready.v);
	buf_free(&pending);
	if (rc)
		ws_history_free(h);
	return rc;
}

void ws_history_free(struct ws_history *h)
{
	if (h->priv) {
		for (size_t i = 0; i < h->priv->t.cap; i++)
			node_free(h->priv->t.v[i]);
		free(h->priv->t.v);
		free(h->priv);
	}
	free(h->v);
	memset(h, 0, sizeof *h);
}

/* The blob that changes field ch gives slug: 1 with *blob, 0 when the
 * field does not name it, -1 when it says the document is gone. */
static int change_of(const char *ch, const char *slug, git_oid *blob)
{
	size_t sl = strlen(slug);
	for (const char *s = ch; (s = strstr(s, slug)); s += sl) {
		if ((s != ch && s[-1] != ' ') || s[sl] != ':')
			continue;
		const char *v = s + sl + 1;
		if (*v == '-')
			return -1;
		return git_oid_fromstrn(blob, v, GIT_OID_HEXSZ) ? -1 : 1;
	}
	return 0;
}

int ws_facts_version(const struct ws_facts *f, const char *slug, git_oid *blob)
{
	unsigned n = f->nparents ? f->nparents : 1;
	for (unsigned i = 0; i < n; i++)
		if (change_of(f->changes[i], slug, blob) != 1)
			return 0;
	return 1;
}
