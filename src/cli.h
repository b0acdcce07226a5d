/* cli.h: the frame shared by the subcommands: the command table entry,
 * option reading, loading a document, and the exit statuses.
 *
 * Exit statuses: 0 success, 1 findings (doubts, later spelling errors) or
 * bad usage, 2 errors. Every message to people goes through cli_fail(),
 * which prints the sentence from error.c. */
#ifndef ANTWORT_CLI_H
#define ANTWORT_CLI_H

#include "error.h"
#include "inquiry.h"

enum { EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 1, EXIT_ERROR = 2 };

struct command {
	const char *name;
	int (*run)(int argc, char **argv);  /* argv[0] is the command name */
	const char *summary;                /* one line, German */
	const char *help;                   /* full --help text, German */
};

extern const struct command cmd_parse;
extern const struct command cmd_export;

/* Prints the sentence for err as "antwort: …" on stderr and returns the
 * exit status that goes with it. */
int cli_fail(const struct aw_error *err);

/* A usage error of command cmd: prints the sentence and returns 1. */
int cli_usage(const char *cmd, const char *what);

/* Reads an option that takes a value: "--long VALUE", "--long=VALUE" or
 * "-s VALUE" at argv[*i]. Returns 1 and sets *value (advancing *i past a
 * separate value), 0 when argv[*i] is not this option, -1 when the value
 * is missing (after printing the usage error for cmd). */
int cli_option(int argc, char **argv, int *i, const char *lng, const char *shrt,
               const char **value, const char *cmd);

/* 1 when arg asks for help. */
int cli_is_help(const char *arg);

/* Reads and parses the file at path ("-": standard input) into q.
 * Returns EXIT_OK or the exit status after printing the error. */
int cli_load(const char *path, struct inquiry *q);

/* Writes data to path ("-": standard output), atomically. EXIT_OK or
 * the exit status after printing the error. */
int cli_output(const char *path, const char *data, size_t len);

#endif
