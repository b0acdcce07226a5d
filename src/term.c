/* term.c: curses set up, keys named, the terminal restored.
 *
 * Keys with modifiers (Ctrl-Left, Alt-Down …) have no fixed curses codes:
 * the terminal description names them (kLFT5 …) or it does not, in which
 * case the xterm sequences, which tmux and nearly every terminal send,
 * are taught to curses with define_key(). Either way each code gets the
 * name keymap.h uses. */
#include "term.h"
#include "utf8.h"
#include "wrap.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

/* Codes of our own for what curses has none for. */
enum { KEY_PASTE_BEGIN = KEY_MAX + 1, KEY_PASTE_END, KEY_OWN_FIRST };

#define MAX_NAMED 96

static struct {
	int open, headless;
	SCREEN *screen;
	FILE *in, *out;
	int tty;                  /* the terminal's descriptor, or -1 */
	struct termios saved;     /* its state before curses, for emergencies */
	int have_saved;
	int colour;
	int attrs[ROLE_COUNT];
	struct { int code; char name[12]; } named[MAX_NAMED];
	int nnamed, next_code;
} t = {.tty = -1};

static volatile sig_atomic_t signalled;

int term_signalled(void)
{
	return signalled != 0;
}

static void on_signal(int sig)
{
	signalled = sig;
}

/* Puts the terminal back after a crash, with async-signal-safe calls
 * only; then the signal does what it would have done. */
static void on_fatal(int sig)
{
	static const char reset[] = "\033[?2004l\033[?1000l\033[?1006l\033[?25h\033[?1049l\r\n";
	if (t.have_saved) {
		tcsetattr(t.tty, TCSANOW, &t.saved);
		ssize_t w = write(t.tty, reset, sizeof reset - 1);
		(void)w;
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void name_code(int code, const char *name)
{
	if (code <= 0 || t.nnamed == MAX_NAMED)
		return;
	t.named[t.nnamed].code = code;
	snprintf(t.named[t.nnamed].name, sizeof t.named[0].name, "%s", name);
	t.nnamed++;
}

/* Teaches curses the modified arrows and paging keys. */
static void learn_keys(void)
{
	static const struct { const char *cap, *name, *xterm; } keys[] = {
		{"kLFT", "Left", "\033[1;%dD"}, {"kRIT", "Right", "\033[1;%dC"},
		{"kUP", "Up", "\033[1;%dA"}, {"kDN", "Down", "\033[1;%dB"},
		{"kHOM", "Home", "\033[1;%dH"}, {"kEND", "End", "\033[1;%dF"},
		{"kPRV", "PgUp", "\033[5;%d~"}, {"kNXT", "PgDn", "\033[6;%d~"},
		{"kDC", "Del", "\033[3;%d~"},
	};
	static const struct { int n; const char *prefix; } mods[] = {
		{2, "S-"}, {3, "M-"}, {5, "C-"}, {6, "CS-"},
	};
	t.next_code = KEY_OWN_FIRST;
	for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
		for (size_t m = 0; m < sizeof mods / sizeof *mods; m++) {
			char cap[16], name[12], seq[16];
			snprintf(cap, sizeof cap, "%s%d", keys[k].cap, mods[m].n);
			snprintf(name, sizeof name, "%s%s", mods[m].prefix, keys[k].name);
			snprintf(seq, sizeof seq, keys[k].xterm, mods[m].n);
			char *s = tigetstr(cap);
			int code = (s && s != (char *)-1) ? key_defined(s) : 0;
			if (code <= 0) {
				code = key_defined(seq);
				if (code <= 0 && define_key(seq, t.next_code) == OK)
					code = t.next_code++;
			}
			name_code(code, name);
		}
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
}

static void set_role(enum term_role r, int pair, short fg, short bg, int mono, int extra)
{
	if (t.colour) {
		init_pair((short)pair, fg, bg);
		t.attrs[r] = COLOR_PAIR(pair) | extra;
	} else {
		t.attrs[r] = mono;
	}
}

static void set_roles(void)
{
	const char *nc = getenv("NO_COLOR");
	t.colour = !t.headless && has_colors() && !(nc && *nc) && start_color() == OK;
	if (t.colour)
		use_default_colors();
	set_role(ROLE_NORMAL, 1, -1, -1, A_NORMAL, 0);
	set_role(ROLE_TITLE, 2, COLOR_WHITE, COLOR_BLUE, A_REVERSE | A_BOLD, A_BOLD);
	set_role(ROLE_STATUS, 3, COLOR_BLACK, COLOR_CYAN, A_REVERSE, 0);
	set_role(ROLE_KEY, 4, COLOR_BLACK, COLOR_WHITE, A_REVERSE, 0);
	set_role(ROLE_CURSOR_ROW, 5, COLOR_BLACK, COLOR_YELLOW, A_REVERSE, 0);
	set_role(ROLE_DIM, 6, COLOR_BLUE, -1, A_DIM, 0);
	set_role(ROLE_EMPTY, 7, -1, -1, A_NORMAL, 0);
	set_role(ROLE_DRAFTED, 8, COLOR_GREEN, -1, A_NORMAL, 0);
	set_role(ROLE_CHANGED, 9, COLOR_YELLOW, -1, A_BOLD, A_BOLD);
	set_role(ROLE_SELECTION, 10, COLOR_BLACK, COLOR_CYAN, A_REVERSE, 0);
	set_role(ROLE_MATCH, 11, COLOR_BLACK, COLOR_YELLOW, A_UNDERLINE | A_BOLD, 0);
	set_role(ROLE_ERROR, 12, COLOR_WHITE, COLOR_RED, A_BOLD | A_REVERSE, A_BOLD);
	set_role(ROLE_HEADING, 13, COLOR_CYAN, -1, A_BOLD, A_BOLD);
	/* Findings are underlined with or without colour, so they show on
	 * any terminal; colour tells spelling (red) from style (magenta). */
	set_role(ROLE_SPELL, 14, COLOR_RED, -1, A_UNDERLINE, A_UNDERLINE);
	set_role(ROLE_STYLE, 15, COLOR_MAGENTA, -1, A_UNDERLINE | A_DIM, A_UNDERLINE);
}

int term_open(int headless, int cols, int rows, struct aw_error *err)
{
	setlocale(LC_ALL, "");
	const char *cs = nl_langinfo(CODESET);
	if (strcmp(cs, "UTF-8")) {
		const char *loc = setlocale(LC_CTYPE, NULL);
		return aw_fail(err, AW_ELOCALE, "", loc ? loc : cs);
	}
	t.headless = headless;
	if (headless) {
		t.in = fopen("/dev/null", "r");
		t.out = fopen("/dev/null", "w");
		if (!t.in || !t.out) {
			term_close();
			return aw_fail(err, AW_ENOTTY, "/dev/null", aw_strerror(errno));
		}
		t.screen = newterm("xterm-256color", t.out, t.in);
		if (!t.screen)
			t.screen = newterm("xterm", t.out, t.in);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
			return aw_fail(err, AW_ENOTTY, "", "keine Ein- oder Ausgabe im Terminal");
		t.tty = STDOUT_FILENO;
		t.have_saved = tcgetattr(t.tty, &t.saved) == 0;
		const char *term = getenv("TERM");
		t.screen = newterm(term && *term ? term : "xterm", stdout, stdin);
	}
	if (!t.screen) {
		term_close();
		return aw_fail(err, AW_ENOTTY, "", "TERM unbekannt");
	}
	t.open = 1;
	if (headless)
		resizeterm(rows, cols);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	learn_keys();
	set_roles();

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	if (!headless) {
		sa.sa_handler = on_fatal;
		sigaction(SIGSEGV, &sa, NULL);
		sigaction(SIGBUS, &sa, NULL);
		sigaction(SIGFPE, &sa, NULL);
		sigaction(SIGABRT, &sa, NULL);
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(0);
		fputs("\033[?2004h", stdout);
		fflush(stdout);
	}
	return 0;
}

void term_close(void)
{
	if (t.open) {
		if (!t.headless) {
			fputs("\033[?2004l", stdout);
			fflush(stdout);
		}
		endwin();
		delscreen(t.screen);
		t.open = 0;
	}
	if (t.in)
		fclose(t.in);
	if (t.out)
		fclose(t.out);
	t.in = t.out = NULL;
	t.screen = NULL;
}

void term_resize(int cols, int rows)
{
	if (t.open)
		resizeterm(rows, cols);
}

static void key_event(struct event *ev, const char *name)
{
	ev->kind = EV_KEY;
	snprintf(ev->key, sizeof ev->key, "%s", name);
}

/* The name of a curses key code, or NULL. */
static const char *code_name(int code)
{
	static char fn[8];
	static const struct { int code; const char *name; } plain[] = {
		{KEY_LEFT, "Left"}, {KEY_RIGHT, "Right"}, {KEY_UP, "Up"}, {KEY_DOWN, "Down"},
		{KEY_HOME, "Home"}, {KEY_END, "End"}, {KEY_PPAGE, "PgUp"}, {KEY_NPAGE, "PgDn"},
		{KEY_DC, "Del"}, {KEY_IC, "Ins"}, {KEY_BACKSPACE, "Backspace"},
		{KEY_ENTER, "Enter"}, {KEY_BTAB, "BTab"}, {KEY_SLEFT, "S-Left"},
		{KEY_SRIGHT, "S-Right"}, {KEY_SR, "S-Up"}, {KEY_SF, "S-Down"},
		{KEY_SHOME, "S-Home"}, {KEY_SEND, "S-End"}, {KEY_SPREVIOUS, "S-PgUp"},
		{KEY_SNEXT, "S-PgDn"}, {KEY_SDC, "S-Del"},
	};
	for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
		if (plain[i].code == code)
			return plain[i].name;
	for (int i = 0; i < t.nnamed; i++)
		if (t.named[i].code == code)
			return t.named[i].name;
	if (code >= KEY_F(1) && code <= KEY_F(24)) {
		int n = code - KEY_F(0);
		snprintf(fn, sizeof fn, n > 12 ? "S-F%d" : "F%d", n > 12 ? n - 12 : n);
		return fn;
	}
	return NULL;
}

/* Reads a bracketed paste up to its end marker: the text arrives as
 * characters and must not be taken for keys. */
static void read_paste(struct event *ev)
{
	ev->kind = EV_PASTE;
	timeout(1000);
	for (;;) {
		wint_t wc;
		int rc = get_wch(&wc);
		if (rc == ERR || (rc == KEY_CODE_YES && wc == KEY_PASTE_END))
			break;
		if (rc == KEY_CODE_YES) {
			if (wc == KEY_ENTER)
				buf_addc(&ev->text, '\n');
			continue;
		}
		if (wc == '\r')
			wc = '\n';
		char mb[MB_LEN_MAX];
		mbstate_t st;
		memset(&st, 0, sizeof st);
		size_t n = wcrtomb(mb, (wchar_t)wc, &st);
		if (n != (size_t)-1)
			buf_add(&ev->text, mb, n);
	}
}

static void char_event(struct event *ev, wint_t wc)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(mb, (wchar_t)wc, &st);
	if (n == (size_t)-1)
		return;
	ev->kind = EV_CHAR;
	buf_add(&ev->text, mb, n);
}

void term_next(struct event *ev, int timeout_ms)
{
	ev->kind = EV_NONE;
	ev->key[0] = '\0';
	ev->text.len = 0;
	if (ev->text.s)
		ev->text.s[0] = '\0';
	if (signalled) {
		ev->kind = EV_SIGNAL;
		ev->sig = signalled;
		return;
	}
	timeout(timeout_ms);
	wint_t wc;
	int rc = get_wch(&wc);
	if (rc == ERR) {
		if (signalled) {
			ev->kind = EV_SIGNAL;
			ev->sig = signalled;
		}
		return;
	}
	if (rc == KEY_CODE_YES) {
		if (wc == KEY_RESIZE) {
			ev->kind = EV_RESIZE;
		} else if (wc == KEY_PASTE_BEGIN) {
			read_paste(ev);
		} else if (wc == KEY_MOUSE) {
			MEVENT me;
			if (getmouse(&me) != OK)
				return;
			if (me.bstate & BUTTON4_PRESSED)
				key_event(ev, "Up");
			else if (me.bstate & BUTTON5_PRESSED)
				key_event(ev, "Down");
			else {
				ev->kind = EV_CLICK;
				ev->row = me.y;
				ev->col = me.x;
			}
		} else {
			const char *name = code_name((int)wc);
			if (name)
				key_event(ev, name);
		}
		return;
	}
	if (wc == 27) {
		/* Alt-x arrives as Escape and x together; some terminals send
		 * Alt with an arrow the same way. */
		timeout(0);
		wint_t next;
		int r2 = get_wch(&next);
		const char *name = r2 == KEY_CODE_YES ? code_name((int)next) : NULL;
		char alt[16];
		if (r2 == OK && next >= 0x20 && next < 0x7F) {
			snprintf(alt, sizeof alt, "M-%c", (char)next);
			key_event(ev, alt);
		} else if (r2 == OK && (next == 127 || next == 8)) {
			key_event(ev, "M-Backspace");
		} else if (name && !strchr(name, '-') &&
		           snprintf(alt, sizeof alt, "M-%s", name) < (int)sizeof alt) {
			key_event(ev, alt);
		} else {
			/* Not Alt: the key after Escape is its own, a key code put
			 * back as a code, not as a character. */
			if (r2 == KEY_CODE_YES)
				ungetch((int)next);
			else if (r2 == OK)
				unget_wch(next);
			key_event(ev, "Esc");
		}
		return;
	}
	if (wc == '\r' || wc == '\n')
		key_event(ev, "Enter");
	else if (wc == '\t')
		key_event(ev, "Tab");
	else if (wc == 127 || wc == 8)
		key_event(ev, "Backspace");
	else if (wc < 0x20) {
		char name[3] = {'^', (char)('@' + wc), 0};
		key_event(ev, name);
	} else
		char_event(ev, wc);
}

int term_attr(enum term_role role)
{
	return role < ROLE_COUNT ? t.attrs[role] : (int)A_NORMAL;
}

int term_put(int y, int x, const char *text, size_t len, int maxcells, enum term_role role)
{
	if (y < 0 || y >= LINES || x >= COLS || maxcells <= 0)
		return 0;
	if (maxcells > COLS - x)
		maxcells = COLS - x;
	attrset(term_attr(role));
	move(y, x);
	int used = 0;
	size_t i = 0;
	while (i < len) {
		unsigned cp;
		size_t n = utf8_decode(text + i, len - i, &cp);
		if (!n)
			n = 1, cp = '?';
		int w = cp < 0x20 || cp == 0x7F ? 1 : wcwidth((wchar_t)cp);
		if (w < 0)
			w = 1;
		if (used + w > maxcells)
			break;
		if (cp < 0x20 || cp == 0x7F)
			addch(' ');
		else if (w == 0 && used == 0)
			; /* a combining mark with nothing to sit on */
		else
			addnstr(text + i, (int)n);
		used += w;
		i += n;
	}
	attrset(A_NORMAL);
	return used;
}

int term_puts(int y, int x, const char *s, int maxcells, enum term_role role)
{
	return term_put(y, x, s, strlen(s), maxcells, role);
}

void term_fill(int y, int x, int n, enum term_role role)
{
	if (y < 0 || y >= LINES)
		return;
	attrset(term_attr(role));
	for (int i = 0; i < n && x + i < COLS; i++)
		mvaddch(y, x + i, ' ');
	attrset(A_NORMAL);
}

void term_dump(FILE *f)
{
	for (int y = 0; y < LINES; y++) {
		char line[4096];
		size_t len = 0, keep = 0;
		for (int x = 0; x < COLS && len + 16 < sizeof line; x++) {
			cchar_t c;
			wchar_t w[CCHARW_MAX + 1] = {0};
			attr_t a;
			short pair;
			if (mvin_wch(y, x, &c) == ERR || getcchar(&c, w, &a, &pair, NULL) == ERR)
				w[0] = L' ';
			mbstate_t st;
			memset(&st, 0, sizeof st);
			for (int k = 0; w[k] && k < CCHARW_MAX; k++) {
				size_t n = wcrtomb(line + len, w[k], &st);
				if (n != (size_t)-1)
					len += n;
			}
			if (w[0] != L' ')
				keep = len;
			if (wcwidth(w[0]) == 2)
				x++;
		}
		fwrite(line, 1, keep, f);
		fputc('\n', f);
	}
	fflush(f);
}
