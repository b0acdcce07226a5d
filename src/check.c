/* check.c: the spelling and house style check behind one facade: every
 * layer loaded in order, the findings of both merged. */
#include "check.h"
#include "datadir.h"
#include "spell.h"
#include "style.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct checker {
	struct spell *sp;
	struct style *st;
};

/* A file that exists but cannot be read (a folder, no permission) is a
 * problem to report, not a reason to check nothing: its sentence goes to
 * problems. Only running out of memory stops the loading. */
static int note(int rc, const struct aw_error *e, struct strlist *problems)
{
	if (!rc)
		return 0;
	if (rc == AW_ENOMEM)
		return rc;
	char msg[2048];
	if (problems && strlist_add(problems, aw_error_message(e, msg, sizeof msg)))
		return AW_ENOMEM;
	return 0;
}

static int load_list(struct checker *c, const char *path, struct strlist *problems)
{
	struct aw_error e;
	return note(spell_add_list(c->sp, path, problems, &e), &e, problems);
}

static int load_rules(struct checker *c, const char *path, struct strlist *problems)
{
	struct aw_error e;
	return note(style_load_file(c->st, path, problems, &e), &e, problems);
}

static int missing(const char *path)
{
	return access(path, F_OK) != 0;
}

/* The project's list and rules. Without them the check still runs, on
 * the dictionary alone, but the person should know why it says less. */
static int load_project(struct checker *c, struct strlist *problems)
{
	struct datadir d = DATADIR_INIT;
	int rc = datadir_find(&d);
	if (rc)
		goto out;
	if (d.from == DATADIR_NONE || missing(d.rules.s)) {
		struct aw_error e;
		aw_fail(&e, AW_ENODATA, d.from == DATADIR_NONE ? datadir_installed() : d.rules.s, "");
		if ((rc = note(AW_ENODATA, &e, problems)))
			goto out;
	}
	if (d.from != DATADIR_NONE && !(rc = load_list(c, d.words.s, problems)))
		rc = load_rules(c, d.rules.s, problems);
out:
	datadir_free(&d);
	return rc;
}

/* The workspace's own files, beside its inquiries. */
static int load_workspace(struct checker *c, const char *root, struct strlist *problems)
{
	struct buf p = BUF_INIT;
	int rc = buf_printf(&p, "%sdict/woerter.txt", root);
	if (!rc)
		rc = load_list(c, p.s, problems);
	p.len = 0;
	if (!rc && !(rc = buf_printf(&p, "%sstil.regeln", root)))
		rc = load_rules(c, p.s, problems);
	buf_free(&p);
	return rc;
}

static int load_personal(struct checker *c, struct strlist *problems)
{
	struct buf p = BUF_INIT;
	int rc = spell_personal_path(&p);
	if (rc == AW_EOPEN)
		rc = 0;             /* neither XDG_DATA_HOME nor HOME: no list */
	else if (!rc)
		rc = load_list(c, p.s, problems);
	buf_free(&p);
	return rc;
}

int checker_open(struct checker **out, const char *ws_root, struct strlist *problems,
                 struct aw_error *err)
{
	struct checker *c = calloc(1, sizeof *c);
	int rc;
	*out = NULL;
	if (!c)
		return aw_fail(err, AW_ENOMEM, "", "");
	if ((rc = spell_open(&c->sp, NULL, err)))
		goto fail;
	if ((rc = style_new(&c->st)) || (rc = load_project(c, problems)) ||
	    (ws_root && (rc = load_workspace(c, ws_root, problems))) ||
	    (rc = load_personal(c, problems))) {
		rc = aw_fail(err, AW_ENOMEM, "", "");
		goto fail;
	}
	*out = c;
	return 0;
fail:
	checker_close(c);
	return rc;
}

void checker_close(struct checker *c)
{
	if (!c)
		return;
	spell_close(c->sp);
	style_free(c->st);
	free(c);
}

static int cmp_finding(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind == FINDING_SPELL ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return (x->rule > y->rule) - (x->rule < y->rule);
}

int checker_check(struct checker *c, const char *text, size_t len, struct finding **out,
                  size_t *n)
{
	struct spell_hit *sh = NULL;
	struct style_hit *yh = NULL;
	size_t ns = 0, ny = 0;
	struct finding *f = NULL;
	int rc;
	*out = NULL;
	*n = 0;
	if (!text || !len)
		return 0;
	if ((rc = spell_check(c->sp, text, len, &sh, &ns)) ||
	    (rc = style_check(c->st, text, len, &yh, &ny)))
		goto out;
	if (ns + ny == 0)
		goto out;
	if (!(f = malloc((ns + ny) * sizeof *f))) {
		rc = AW_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < ns; i++)
		f[i] = (struct finding){sh[i].start, sh[i].end, FINDING_SPELL, 0};
	for (size_t i = 0; i < ny; i++)
		f[ns + i] = (struct finding){yh[i].start, yh[i].end, FINDING_STYLE, yh[i].rule};
	/* Both lists are sorted already; a sort of the few findings of a
	 * paragraph costs less than being clever. */
	qsort(f, ns + ny, sizeof *f, cmp_finding);
	*out = f;
	*n = ns + ny;
out:
	free(sh);
	free(yh);
	return rc;
}

const char *checker_rule_message(const struct checker *c, size_t rule)
{
	return style_message(c->st, rule);
}

int checker_has_replacement(const struct checker *c, size_t rule)
{
	return rule < style_rules(c->st) && style_has_replacement(c->st, rule);
}

int checker_replacement(const struct checker *c, const struct finding *f, const char *text,
                        size_t len, struct buf *out)
{
	if (f->kind != FINDING_STYLE)
		return AW_EINTERNAL;
	struct style_hit h = {f->start, f->end, f->rule};
	return style_replacement(c->st, &h, text, len, out);
}

int checker_suggest(struct checker *c, const char *word, size_t len, struct strlist *out)
{
	return spell_suggest(c->sp, word, len, out);
}

int checker_accept(struct checker *c, const char *word, size_t len)
{
	return spell_add_word(c->sp, word, len);
}
