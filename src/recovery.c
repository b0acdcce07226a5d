/* recovery.c: the editor's recovery files (recovery.h). */
#include "recovery.h"
#include "fileio.h"
#include "slug.h"
#include "workspace.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define RECOVERY_SUBDIR "antwort/wiederherstellung"

/* snprintf into out; -1 when it did not fit, so that a cut path is never
 * used to write or delete. */
static int fmt_path(char *out, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fmt_path(char *out, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(out, size, fmt, ap);
	va_end(ap);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* Creates the folders of dir from byte `from` on (what lies before is
 * known to exist) and checks that dir is a folder in the end: a regular
 * file standing in the way gives ENOTDIR. 0, or -1 with errno set. */
static int make_dirs(const char *dir, size_t from, mode_t mode)
{
	char path[PATH_MAX];
	if (fmt_path(path, sizeof path, "%s", dir)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (char *p = path + (from ? from : 1); ; p++) {
		if (*p == '/' || !*p) {
			char c = *p;
			*p = '\0';
			if (path[0] && mkdir(path, mode) && errno != EEXIST)
				return -1;
			*p = c;
			if (!c)
				break;
		}
	}
	struct stat st;
	if (stat(path, &st))
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

/* The primary folder and file, inside the git folder. */
static int primary_dir(struct workspace *ws, char *out, size_t size)
{
	return fmt_path(out, size, "%s%s", ws_git_dir(ws), RECOVERY_SUBDIR);
}

static int primary_file(struct workspace *ws, const char *slug, char *out, size_t size)
{
	return fmt_path(out, size, "%s%s/%s.txt", ws_git_dir(ws), RECOVERY_SUBDIR, slug);
}

/* The fallback folder under the user's state folder; -1 when neither
 * XDG_STATE_HOME nor HOME gives an absolute path. */
static int fallback_dir(char *out, size_t size)
{
	const char *state = getenv("XDG_STATE_HOME");
	if (state && state[0] == '/') /* the XDG spec ignores relative ones */
		return fmt_path(out, size, "%s/antwort/wiederherstellung", state);
	const char *home = getenv("HOME");
	if (!home || home[0] != '/')
		return -1;
	return fmt_path(out, size, "%s/.local/state/antwort/wiederherstellung", home);
}

/* FNV-1a: a short, stable name for a workspace's top folder. Not a
 * security measure; it only keeps two workspaces' files apart. */
static uint64_t path_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

static int fallback_file(struct workspace *ws, const char *slug, char *out, size_t size)
{
	char dir[PATH_MAX];
	if (fallback_dir(dir, sizeof dir))
		return -1;
	/* The resolved path, so that the workspace opened through a symbolic
	 * link finds the same file. */
	char *real = realpath(ws_root(ws), NULL);
	unsigned long long h = path_hash(real ? real : ws_root(ws)) >> 16; /* 12 hex digits */
	free(real);
	return fmt_path(out, size, "%s/%s-%012llx.txt", dir, slug, h);
}

int recovery_path(struct workspace *ws, const char *slug, char *out, size_t outsize,
                  struct aw_error *err)
{
	char dir[PATH_MAX], file[PATH_MAX];
	if (outsize)
		out[0] = '\0';
	if (!slug || !slug_valid(slug))
		return aw_fail(err, AW_ENOINQ, "", slug ? slug : "");
	if (primary_dir(ws, dir, sizeof dir) || primary_file(ws, slug, file, sizeof file))
		return aw_fail(err, AW_ERECOVERY, ws_git_dir(ws), aw_strerror(ENAMETOOLONG));
	if (make_dirs(dir, strlen(ws_git_dir(ws)), 0777))
		return aw_fail(err, AW_ERECOVERY, file, aw_strerror(errno));
	if (fmt_path(out, outsize, "%s", file))
		return aw_fail(err, AW_ERECOVERY, file, aw_strerror(ENAMETOOLONG));
	return 0;
}

/* The fallback file, with its folders made (private: the state folder is
 * the user's own). */
static int fallback_path(struct workspace *ws, const char *slug, char *out, size_t size,
                         struct aw_error *err)
{
	char dir[PATH_MAX];
	if (fallback_dir(dir, sizeof dir) || fallback_file(ws, slug, out, size)) {
		out[0] = '\0';
		return aw_fail(err, AW_ERECOVERY, "", "kein Ausweichordner, HOME fehlt");
	}
	if (make_dirs(dir, 0, 0700))
		return aw_fail(err, AW_ERECOVERY, out, aw_strerror(errno));
	return 0;
}

/* 1 when s is a full commit id in hex. */
static int is_commit_id(const char *s)
{
	if (!s || strlen(s) != 40)
		return 0;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f') || (*s >= 'A' && *s <= 'F')))
			return 0;
	return 1;
}

int recovery_save(struct workspace *ws, const char *slug, const char *base, const char *doc,
                  size_t len, struct aw_error *err)
{
	char prim[PATH_MAX], fall[PATH_MAX];
	struct aw_error e1, e2;
	struct buf data = BUF_INIT;
	int rc;

	if (!slug || !slug_valid(slug))
		return aw_fail(err, AW_ENOINQ, "", slug ? slug : "");
	if (buf_printf(&data, "%s\nbasis: %s\nzeit: %lld\n\n", RECOVERY_MAGIC,
	               is_commit_id(base) ? base : "", (long long)time(NULL)) ||
	    (len && buf_add(&data, doc, len))) {
		rc = aw_fail(err, AW_ENOMEM, slug, "");
		goto out;
	}
	prim[0] = '\0';
	rc = recovery_path(ws, slug, prim, sizeof prim, &e1);
	if (!rc)
		rc = fileio_write_atomic(prim, data.s, data.len, &e1);
	if (!rc) {
		/* The fallback may hold an older copy from a time the workspace
		 * was read-only; this one supersedes it. */
		if (!fallback_file(ws, slug, fall, sizeof fall))
			unlink(fall);
		goto out;
	}
	if (!fallback_path(ws, slug, fall, sizeof fall, &e2) &&
	    !fileio_write_atomic(fall, data.s, data.len, &e2)) {
		if (prim[0] || !primary_file(ws, slug, prim, sizeof prim))
			unlink(prim); /* an older copy there would otherwise compete */
		rc = 0;
		goto out;
	}
	char detail[sizeof e1.detail + sizeof fall + sizeof e2.detail + 32];
	snprintf(detail, sizeof detail, "%s; auch nicht unter %s: %s", e1.detail,
	         fall[0] ? fall : "$HOME/.local/state", e2.detail);
	if (!prim[0])
		primary_file(ws, slug, prim, sizeof prim);
	rc = aw_fail(err, AW_ERECOVERY, prim, detail);
out:
	buf_free(&data);
	return rc;
}

/* Reads "<key><digits or hex>\n" at *pos; the value's span goes to
 * *v and *vlen. 0, or -1 when the line is not of that form. */
static int header_line(const char *s, size_t n, size_t *pos, const char *key,
                       const char **v, size_t *vlen)
{
	size_t kl = strlen(key);
	if (n - *pos < kl || memcmp(s + *pos, key, kl))
		return -1;
	const char *nl = memchr(s + *pos + kl, '\n', n - *pos - kl);
	if (!nl)
		return -1;
	*v = s + *pos + kl;
	*vlen = (size_t)(nl - *v);
	*pos = (size_t)(nl - s) + 1;
	return 0;
}

/* Splits the header from the text in r->text; -1 when it is not the
 * header of format 1 (r is then unchanged). */
static int parse(struct recovery *r)
{
	const char *s = r->text.s, *v;
	size_t n = r->text.len, pos = 0, vlen;
	const size_t ml = sizeof RECOVERY_MAGIC - 1;

	if (n <= ml || memcmp(s, RECOVERY_MAGIC, ml) || s[ml] != '\n')
		return -1;
	pos = ml + 1;
	if (header_line(s, n, &pos, "basis: ", &v, &vlen) || (vlen != 0 && vlen != 40))
		return -1;
	char base[41];
	memcpy(base, v, vlen);
	base[vlen] = '\0';
	if (vlen && !is_commit_id(base))
		return -1;
	if (header_line(s, n, &pos, "zeit: ", &v, &vlen) || vlen == 0 || vlen > 18)
		return -1;
	long long t = 0;
	for (size_t i = 0; i < vlen; i++) {
		if (v[i] < '0' || v[i] > '9')
			return -1;
		t = t * 10 + (v[i] - '0');
	}
	if (pos >= n || s[pos] != '\n')
		return -1;
	pos++;
	memcpy(r->base, base, sizeof base);
	r->time = t;
	memmove(r->text.s, s + pos, n - pos);
	r->text.len = n - pos;
	r->text.s[r->text.len] = '\0';
	return 0;
}

/* Reads one candidate into r. A file that is absent (or has a file in
 * place of its folder) or empty leaves r not present; *mtime_ns orders
 * two files written in the same second. */
static int load_one(const char *path, struct recovery *r, long long *mtime_ns,
                    struct aw_error *err)
{
	struct stat st;
	memset(r, 0, sizeof *r);
	if (stat(path, &st)) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		return aw_fail(err, AW_EOPEN, path, aw_strerror(errno));
	}
	int rc = fileio_read(path, &r->text, err);
	if (rc) {
		buf_free(&r->text);
		return rc;
	}
	if (r->text.len == 0) {
		buf_free(&r->text);
		return 0;
	}
	r->present = 1;
	snprintf(r->path, sizeof r->path, "%s", path);
	*mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
	if (parse(r)) {
		r->damaged = 1;
		r->time = (long long)st.st_mtime;
	}
	return 0;
}

int recovery_load(struct workspace *ws, const char *slug, struct recovery *out,
                  struct aw_error *err)
{
	char prim[PATH_MAX], fall[PATH_MAX];
	struct recovery a, b;
	long long ma = 0, mb = 0;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&b, 0, sizeof b);
	if (!slug || !slug_valid(slug))
		return aw_fail(err, AW_ENOINQ, "", slug ? slug : "");
	memset(&a, 0, sizeof a);
	if (!primary_file(ws, slug, prim, sizeof prim) && (rc = load_one(prim, &a, &ma, err)))
		return rc;
	if (!fallback_file(ws, slug, fall, sizeof fall) && (rc = load_one(fall, &b, &mb, err))) {
		recovery_free(&a);
		return rc;
	}
	/* The newer wins; on a tie the primary place. */
	int take_b = b.present && (!a.present || b.time > a.time || (b.time == a.time && mb > ma));
	if (take_b) {
		*out = b;
		recovery_free(&a);
	} else {
		*out = a;
		recovery_free(&b);
	}
	return 0;
}

void recovery_free(struct recovery *r)
{
	if (!r)
		return;
	buf_free(&r->text);
	memset(r, 0, sizeof *r);
}

int recovery_remove(struct workspace *ws, const char *slug, struct aw_error *err)
{
	char path[PATH_MAX];
	int rc = 0;

	if (!slug || !slug_valid(slug))
		return aw_fail(err, AW_ENOINQ, "", slug ? slug : "");
	for (int i = 0; i < 2; i++) {
		int bad = i == 0 ? primary_file(ws, slug, path, sizeof path)
		                 : fallback_file(ws, slug, path, sizeof path);
		if (bad)
			continue;
		/* Both are tried, and the first failure is the one reported. */
		if (unlink(path) && errno != ENOENT && errno != ENOTDIR && !rc)
			rc = aw_fail(err, AW_EWRITE, path, aw_strerror(errno));
	}
	return rc;
}
