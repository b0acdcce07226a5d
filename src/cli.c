/* cli.c: option reading, loading and output for the subcommands. */
#include "cli.h"
#include "buf.h"
#include "fileio.h"
#include "reader.h"
#include "speller.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_fail(const struct aw_error *err)
{
	char msg[2048];
	fprintf(stderr, "antwort: %s\n", aw_error_message(err, msg, sizeof msg));
	fflush(stderr);
	/* A name or version that does not exist is a wrong call, like a
	 * wrong option: the person can put it right at once. */
	switch (err->code) {
	case AW_EUSAGE: case AW_EMANY: case AW_EWHICH: case AW_ENOINQ: case AW_EAMBIG: case AW_EREV:
		return EXIT_USAGE;
	}
	return EXIT_ERROR;
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

int cli_parse(int argc, char **argv, const struct command *cmd, const struct cli_opt *opts,
              const char **pos, int min, int max, int *npos, const char *missing)
{
	char what[200];
	*npos = 0;
	for (int i = 0; i < max; i++)
		pos[i] = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const struct cli_opt *o;
		if (cli_is_help(a)) {
			fputs(cmd->help, stdout);
			return CLI_DONE;
		}
		for (o = opts; o->lng; o++) {
			size_t n = strlen(o->lng);
			int named = !strcmp(a, o->lng) || (o->shrt && !strcmp(a, o->shrt));
			if (o->flag && named) {
				*o->flag = 1;
				break;
			}
			if (!o->value)
				continue;
			if (!strncmp(a, o->lng, n) && a[n] == '=') {
				*o->value = a + n + 1;
				break;
			}
			if (named) {
				if (i + 1 >= argc) {
					snprintf(what, sizeof what, "Nach „%s“ fehlt der Wert", a);
					return cli_usage(cmd->name, what);
				}
				*o->value = argv[++i];
				break;
			}
		}
		if (o->lng)
			continue;
		if (a[0] == '-' && a[1]) {
			snprintf(what, sizeof what, "Die Option „%s“ gibt es nicht", a);
			return cli_usage(cmd->name, what);
		}
		if (*npos == max) {
			snprintf(what, sizeof what, "Zu viele Angaben: „%s“ ist überzählig", a);
			return cli_usage(cmd->name, what);
		}
		pos[(*npos)++] = a;
	}
	if (*npos < min)
		return cli_usage(cmd->name, missing);
	return 0;
}

int cli_args(int argc, char **argv, const struct command *cmd, const struct cli_opt *opts,
             const char **file)
{
	int n;
	return cli_parse(argc, argv, cmd, opts, file, 1, 1, &n,
	                 "Es fehlt die Datei, die gelesen werden soll");
}

void cli_free(struct inquiry *qs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		inquiry_free(&qs[i]);
	free(qs);
}

int cli_load(const char *cmd, const char *path, const char *only, struct inquiry **qs,
             size_t *n)
{
	struct buf text = BUF_INIT;
	struct aw_error err;
	const char *name = strcmp(path, "-") ? path : "(Standardeingabe)";
	char *end;
	long pick = 0;

	*qs = NULL;
	*n = 0;
	if (only) {
		pick = strtol(only, &end, 10);
		if (*end || pick < 1)
			return cli_usage(cmd, "Nach „--nur“ steht die Nummer einer Anfrage, etwa „--nur 2“");
	}
	int rc = fileio_read(path, &text, &err);
	struct speller_lazy dict = {0};
	struct lexicon lex = {speller_lazy_known, &dict};
	if (!rc)
		rc = reader_read_all(text.s ? text.s : "", text.len, name, &lex, qs, n, &err);
	speller_lazy_close(&dict);
	buf_free(&text);
	if (rc)
		return cli_fail(&err);
	if (pick) {
		if ((size_t)pick > *n) {
			char what[160];
			snprintf(what, sizeof what, "Die Datei %s enthält nur %zu Anfrage%s, nicht %ld",
			         name, *n, *n == 1 ? "" : "n", pick);
			cli_free(*qs, *n);
			*qs = NULL;
			*n = 0;
			aw_fail(&err, AW_EUSAGE, cmd, what);
			return cli_fail(&err);
		}
		struct inquiry chosen = (*qs)[pick - 1];
		inquiry_init(&(*qs)[pick - 1]);
		for (size_t i = 0; i < *n; i++)
			inquiry_free(&(*qs)[i]);
		(*qs)[0] = chosen;
		*n = 1;
	}
	return EXIT_OK;
}

int cli_output(const char *path, const char *data, size_t len)
{
	struct aw_error err;
	if (fileio_write_atomic(path, data, len, &err))
		return cli_fail(&err);
	return EXIT_OK;
}
