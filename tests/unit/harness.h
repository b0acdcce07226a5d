/* harness.h: a minimal unit-test harness. Each check prints one line,
 * "PASS: name" or "FAIL: name (file:line: detail)"; tests/run.sh counts
 * them. Checks compare content, never only return codes. */
#ifndef ANTWORT_HARNESS_H
#define ANTWORT_HARNESS_H

#include <stdio.h>
#include <string.h>

extern int harness_failed;

#define CHECK(cond, name) do { \
	if (cond) { \
		printf("PASS: %s\n", name); \
	} else { \
		printf("FAIL: %s (%s:%d: %s)\n", name, __FILE__, __LINE__, #cond); \
		harness_failed++; \
	} \
	fflush(stdout); \
} while (0)

#define CHECK_STR(got, want, name) do { \
	const char *g_ = (got), *w_ = (want); \
	if (g_ && w_ && !strcmp(g_, w_)) { \
		printf("PASS: %s\n", name); \
	} else { \
		printf("FAIL: %s (%s:%d: got \"%s\", want \"%s\")\n", name, __FILE__, \
		       __LINE__, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
		harness_failed++; \
	} \
	fflush(stdout); \
} while (0)

#define SKIP(name, why) do { printf("SKIP: %s (%s)\n", name, why); fflush(stdout); } while (0)

/* The suites, one per model module. */
void test_utf8(void);
void test_ws_tls(void);
void test_error(void);
void test_heading(void);
void test_reader(void);
void test_writer(void);
void test_export(void);
void test_clean(void);
void test_import(void);
void test_slug(void);
void test_docparts(void);
void test_docmerge(void);
void test_worddiff(void);
void test_workspace(void);
void test_keymap(void);
void test_editbuf(void);
void test_wrap(void);
void test_session(void);
void test_search(void);
void test_recovery(void);
void test_overview(void);
void test_script(void);
void test_tokens(void);
void test_spell(void);
void test_style(void);
void test_check(void);
void test_findings(void);
void test_template(void);

/* Makes a private folder "$TMPDIR/antwort-NAME.??????" (default /tmp)
 * into out; 0, or -1 when it cannot. */
int harness_tempdir(const char *name, char *out, size_t size);

/* Reads a whole file into a malloc'd string; NULL if it cannot. */
char *harness_slurp(const char *path, size_t *len);

/* The folder of the fixtures and of ../shared, from the environment. */
const char *harness_fixtures(void);
const char *harness_shared(void);
/* 1 when ../shared (or ANTWORT_SHARED) holds its examples: tests of them
 * skip with a message where it is absent. */
int harness_has_shared(void);
#define SHARED_MISSING "../shared fehlt (ANTWORT_SHARED)"

#endif
