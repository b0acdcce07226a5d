/* cli.c: option reading, loading and output for the subcommands. */
#include "cli.h"
#include "buf.h"
#include "fileio.h"
#include "reader.h"
#include "speller.h"

#include <stdio.h>
#include <string.h>

int cli_fail(const struct aw_error *err)
{
	char msg[2048];
	fprintf(stderr, "antwort: %s\n", aw_error_message(err, msg, sizeof msg));
	fflush(stderr);
	return err->code == AW_EUSAGE ? EXIT_USAGE : EXIT_ERROR;
}

int cli_usage(const char *cmd, const char *what)
{
	struct aw_error err;
	aw_fail(&err, AW_EUSAGE, cmd, what);
	return cli_fail(&err);
}

int cli_is_help(const char *arg)
{
	return !strcmp(arg, "--help") || !strcmp(arg, "-h") || !strcmp(arg, "--hilfe");
}

int cli_option(int argc, char **argv, int *i, const char *lng, const char *shrt,
               const char **value, const char *cmd)
{
	const char *a = argv[*i];
	size_t n = strlen(lng);
	char what[160];

	if (!strncmp(a, lng, n) && a[n] == '=') {
		*value = a + n + 1;
		return 1;
	}
	if (strcmp(a, lng) && (!shrt || strcmp(a, shrt)))
		return 0;
	if (*i + 1 >= argc) {
		snprintf(what, sizeof what, "Nach „%s“ fehlt der Wert", a);
		cli_usage(cmd, what);
		return -1;
	}
	*value = argv[++*i];
	return 1;
}

int cli_load(const char *path, struct inquiry *q)
{
	struct buf text = BUF_INIT;
	struct aw_error err;
	int rc = fileio_read(path, &text, &err);
	struct speller_lazy dict = {0};
	struct lexicon lex = {speller_lazy_known, &dict};
	if (!rc)
		rc = reader_read(text.s ? text.s : "", text.len,
		                 strcmp(path, "-") ? path : "(Standardeingabe)", &lex, q, &err);
	speller_lazy_close(&dict);
	buf_free(&text);
	return rc ? cli_fail(&err) : EXIT_OK;
}

int cli_output(const char *path, const char *data, size_t len)
{
	struct aw_error err;
	if (fileio_write_atomic(path, data, len, &err))
		return cli_fail(&err);
	return EXIT_OK;
}
