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
extern const struct command cmd_init;
extern const struct command cmd_import;
extern const struct command cmd_list;
extern const struct command cmd_save;
extern const struct command cmd_log;
extern const struct command cmd_show;
extern const struct command cmd_diff;
extern const struct command cmd_sync;
extern const struct command cmd_edit;
extern const struct command cmd_check;
extern const struct command cmd_template;

/* `antwort` alone inside a workspace: the overview. The exit status, or
 * -1 when the current folder is in no workspace. */
int cmd_edit_overview(void);

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
 * with lng NULL) and between min and max arguments that are not options,
 * stored in pos[0..*npos). missing is the sentence for too few. Returns 0
 * to go on, CLI_DONE when it printed the help, or the exit status after a
 * usage error. */
#define CLI_DONE (-1)
int cli_parse(int argc, char **argv, const struct command *cmd, const struct cli_opt *opts,
              const char **pos, int min, int max, int *npos, const char *missing);

/* cli_parse() for exactly one file argument. */
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

/* The workspace commands share these (cli_ws.c). */
struct workspace;

/* Opens the workspace around the current folder for command cmd; on
 * failure prints the sentence and returns the exit status. */
int cli_workspace(struct workspace **ws);

/* Finds the inquiry a person means by arg: its slug, a unique beginning of
 * one ("2017-04-04-L4"), or its folder or anfrage.txt as a path; with arg
 * NULL, the inquiry whose folder the current folder is in, or the only one
 * of the workspace. Writes the slug
 * to slug (SLUG_MAX + 1 bytes). EXIT_OK or the exit status after printing
 * the error. */
int cli_slug(struct workspace *ws, const char *arg, char *slug);

/* cli_workspace() and cli_slug() in one: on success *ws is open and
 * slug set; otherwise the error is printed and nothing is left open. */
int cli_inquiry(const char *arg, struct workspace **ws, char *slug);

/* For commands that take [KURZNAME] [VERSION…]: opens the workspace and
 * finds the inquiry, from pos[0] or as cli_slug() does without a name;
 * *revs and *nrevs are the arguments left for versions, at most max_revs
 * of them (more is a usage error of command cmd). */
int cli_inquiry_revs(const char *cmd, const char **pos, int n, int max_revs,
                     struct workspace **ws, char *slug, const char ***revs, int *nrevs);

/* "29.11.2026 10:14" for a time stamp and its offset in minutes. */
char *cli_when(long long time, int tz, char *out, size_t size);

/* 1 when the current folder is inside an inquiry's folder, whose slug is
 * then written to slug. */
int cli_slug_here(struct workspace *ws, char *slug);

/* Prints the German sentence of a warning on stderr ("antwort: …"). */
void cli_warn(const char *sentence);

#endif
