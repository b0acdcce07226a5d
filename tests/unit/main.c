/* main.c: runs every unit suite of the model and the workspace library.
 * Linked without curses: neither may need it. */
#include "harness.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int harness_failed;

char *harness_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *s = malloc(cap);
	size_t r;
	while (s && (r = fread(s + n, 1, cap - n - 1, f)) > 0) {
		n += r;
		if (cap - n - 1 == 0) {
			char *t = realloc(s, cap *= 2);
			if (!t)
				free(s);
			s = t;
		}
	}
	fclose(f);
	if (s)
		s[n] = '\0';
	if (len)
		*len = n;
	return s;
}

int harness_tempdir(const char *name, char *out, size_t size)
{
	static unsigned serial;
	const char *tmp = getenv("TMPDIR");
	/* Named by the process and a serial number; a folder an earlier run
	 * of the same process id left behind is passed over, and mkdir()
	 * failing on an existing name keeps two runs apart. */
	for (int tries = 0; tries < 1000; tries++) {
		int n = snprintf(out, size, "%s/antwort-%s.%ld.%u", tmp && *tmp ? tmp : "/tmp", name,
		                 (long)getpid(), serial++);
		if (n < 0 || (size_t)n >= size)
			return -1;
		if (mkdir(out, 0700) == 0)
			return 0;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

const char *harness_fixtures(void)
{
	const char *d = getenv("ANTWORT_FIXTURES");
	return d ? d : "tests/fixtures";
}

const char *harness_shared(void)
{
	const char *d = getenv("ANTWORT_SHARED");
	return d ? d : "../shared";
}

int harness_has_shared(void)
{
	char p[4096];
	snprintf(p, sizeof p, "%s/examples", harness_shared());
	return access(p, R_OK) == 0;
}

int main(void)
{
	test_ws_tls(); /* first: it needs libgit2's first start in this process */
	test_utf8();
	test_error();
	test_heading();
	test_reader();
	test_writer();
	test_export();
	test_clean();
	test_import();
	test_slug();
	test_docparts();
	test_docmerge();
	test_worddiff();
	test_workspace();
	test_keymap();
	test_editbuf();
	test_wrap();
	test_session();
	test_search();
	test_recovery();
	test_overview();
	test_tokens();
	test_spell();
	test_style();
	test_script();
	test_check();
	test_findings();
	test_template();
	return harness_failed ? 1 : 0;
}
