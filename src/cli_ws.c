/* cli_ws.c: what the workspace commands share: opening the workspace and
 * finding the inquiry a person means. */
#include "cli.h"
#include "workspace.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int cli_workspace(struct workspace **ws)
{
	struct aw_error err;
	if (ws_open(NULL, ws, &err))
		return cli_fail(&err);
	return EXIT_OK;
}

int cli_inquiry(const char *arg, struct workspace **ws, char *slug)
{
	int status = cli_workspace(ws);
	if (!status && (status = cli_slug(*ws, arg, slug))) {
		ws_close(*ws);
		*ws = NULL;
	}
	return status;
}

char *cli_when(long long time, int tz, char *out, size_t size)
{
	/* The time as the author saw it, in their time zone. */
	time_t t = (time_t)(time + (long long)tz * 60);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, size, "%d.%m.%Y %H:%M", &tm);
	return out;
}

void cli_warn(const char *sentence)
{
	fprintf(stderr, "antwort: %s\n", sentence);
	fflush(stderr);
}

/* The slug in a path such as "anfragen/<slug>/anfrage.txt", "<slug>/" or
 * an absolute path into the workspace: the component after "anfragen/",
 * or the last one that is not anfrage.txt. */
static void slug_of_path(const char *arg, char *out, size_t size)
{
	const char *p = arg, *hit = strstr(arg, WS_DIR "/");
	while (hit) {
		p = hit + sizeof WS_DIR;
		hit = strstr(p, WS_DIR "/");
	}
	size_t n = strcspn(p, "/");
	if (p == arg && p[n] == '/') {
		/* No "anfragen/" in it: take the last component that names a folder. */
		const char *last = arg;
		for (const char *s = arg; *s; s++)
			if (*s == '/' && s[1] && strcmp(s + 1, WS_DOC) && strcmp(s + 1, WS_DOC "/"))
				last = s + 1;
		p = last;
		n = strcspn(p, "/");
	}
	snprintf(out, size, "%.*s", (int)n, p);
}

int cli_slug_here(struct workspace *ws, char *slug)
{
	char cwd[PATH_MAX], want[SLUG_MAX + 2];
	const char *root = ws_root(ws);
	size_t rl = strlen(root);
	if (getcwd(cwd, sizeof cwd) && !strncmp(cwd, root, rl) &&
	    !strncmp(cwd + rl, WS_DIR "/", sizeof WS_DIR)) {
		slug_of_path(cwd + rl, want, sizeof want);
		if (slug_valid(want) && !ws_has(ws, want, NULL)) {
			memcpy(slug, want, strlen(want) + 1); /* valid: at most SLUG_MAX */
			return 1;
		}
	}
	return 0;
}

/* The inquiry arg names, without printing: 0 and slug set, or the error
 * in err (AW_ENOINQ, AW_EAMBIG, or a failure to list). */
static int resolve(struct workspace *ws, const char *arg, char *slug, struct aw_error *err)
{
	char want[SLUG_MAX + 2];
	if (strchr(arg, '/'))
		slug_of_path(arg, want, sizeof want);
	else if (snprintf(want, sizeof want, "%s", arg) >= (int)sizeof want)
		want[0] = '\0'; /* too long to be a slug or its beginning */
	if (slug_valid(want) && !ws_has(ws, want, NULL)) {
		memcpy(slug, want, strlen(want) + 1);
		return 0;
	}
	/* A unique beginning is enough, as with git's short ids. */
	struct strlist all = STRLIST_INIT;
	int rc = ws_list(ws, &all, err);
	if (rc)
		return rc;
	size_t hits = 0, wl = strlen(want);
	struct buf names = BUF_INIT;
	for (size_t i = 0; i < all.n; i++)
		if (wl && !strncmp(all.v[i], want, wl)) {
			if (!hits++)
				snprintf(slug, SLUG_MAX + 1, "%s", all.v[i]);
			buf_printf(&names, "%s%s", hits > 1 ? ", " : "", all.v[i]);
		}
	strlist_free(&all);
	if (hits == 0)
		rc = aw_fail(err, AW_ENOINQ, "", want);
	else if (hits > 1)
		rc = aw_fail(err, AW_EAMBIG, names.s ? names.s : "", want);
	buf_free(&names);
	return rc;
}

/* The inquiry meant when none is named: the one whose folder we are in,
 * or the only one there is. */
static int implied(struct workspace *ws, char *slug)
{
	struct strlist all = STRLIST_INIT;
	if (cli_slug_here(ws, slug))
		return 1;
	int one = !ws_list(ws, &all, NULL) && all.n == 1;
	if (one)
		memcpy(slug, all.v[0], strlen(all.v[0]) + 1); /* listed: a valid slug */
	strlist_free(&all);
	return one;
}

int cli_slug(struct workspace *ws, const char *arg, char *slug)
{
	struct aw_error err;
	if (!arg) {
		if (implied(ws, slug))
			return EXIT_OK;
		aw_fail(&err, AW_EWHICH, "", "");
		return cli_fail(&err);
	}
	return resolve(ws, arg, slug, &err) ? cli_fail(&err) : EXIT_OK;
}

/* cli_inquiry_revs() without the count. */
static int find_inquiry(const char **pos, int n, struct workspace **ws, char *slug,
                        const char ***revs, int *nrevs)
{
	struct aw_error err;
	int status = cli_workspace(ws);
	if (status)
		return status;
	*revs = pos;
	*nrevs = n;
	/* In an inquiry's folder the first argument may already be a version
	 * ("antwort diff HEAD~2"), unless it names an inquiry. */
	if (n && !resolve(*ws, pos[0], slug, &err)) {
		*revs = pos + 1;
		*nrevs = n - 1;
		return EXIT_OK;
	}
	if (implied(*ws, slug))
		return EXIT_OK;
	status = cli_slug(*ws, n ? pos[0] : NULL, slug);
	ws_close(*ws);
	*ws = NULL;
	return status;
}

int cli_inquiry_revs(const char *cmd, const char **pos, int n, int max_revs,
                     struct workspace **ws, char *slug, const char ***revs, int *nrevs)
{
	int status = find_inquiry(pos, n, ws, slug, revs, nrevs);
	if (!status && *nrevs > max_revs) {
		ws_close(*ws);
		*ws = NULL;
		return cli_usage(cmd, max_revs == 1 ? "Geben Sie höchstens eine Version an"
		                                    : "Geben Sie höchstens zwei Versionen an");
	}
	return status;
}
