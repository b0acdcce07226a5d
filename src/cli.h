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

/* 1 when arg asks for help. */
int cli_is_help(const char *arg);

/* One option of a subcommand: with value, it takes one ("--format md",
 * "--format=md", "-f md"); with flag, it is a switch. */
struct cli_opt {
	const char *lng, *shrt;
	const char **value;
	int *flag;
};

/* Reads argv (argv[0] the command's name) against opts (ended by an entry
 * with lng NULL) and the one file argument. Returns 0 to go on, CLI_DONE
 * when it printed the help, or the exit status after a usage error. */
#define CLI_DONE (-1)
int cli_args(int argc, char **argv, const struct command *cmd, const struct cli_opt *opts,
             const char **file);

/* Reads the inquiries in the file at path ("-": standard input) for
 * command cmd. With only ("--nur N"), just the N-th of them. *qs is a new array of
 * *n inquiries (free with cli_free()). Returns EXIT_OK or the exit status
 * after printing the error. */
int cli_load(const char *cmd, const char *path, const char *only, struct inquiry **qs,
             size_t *n);
void cli_free(struct inquiry *qs, size_t n);

/* Writes data to path ("-": standard output), atomically. EXIT_OK or
 * the exit status after printing the error. */
int cli_output(const char *path, const char *data, size_t len);

#endif
