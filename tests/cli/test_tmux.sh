#!/bin/sh
# test_tmux.sh: the editor in a real terminal, as a person uses it. tmux
# runs `make demo`'s script and later `antwort edit`; keys go in with
# send-keys (text with -l, every special key in a call of its own), the
# screen comes back with capture-pane, and every save is read back with
# the git CLI. The recipe follows ../shared/LIBRARIES.md: a private
# socket, LC_ALL=C.UTF-8 given to the pane, remain-on-exit, and waits
# that poll the screen every 20 ms instead of sleeping. The waits give up
# after ANTWORT_TMUX_WAIT seconds (default 10); a passing run takes a few.
#
# Order: the demo opens; typing with umlauts and quotes, saved; undo; find;
# replace all; combining answers; resizing; Escape followed at once by a
# key; a mouse click; bracketed paste; a hang-up with unsaved text, the
# recovery offer and the save after it; a second hang-up right after
# restoring; C-q.
. "$(dirname "$0")/../lib.sh"
ANTWORT=$(cd "$(dirname "$ANTWORT")" && pwd)/$(basename "$ANTWORT")
TOP=$(pwd)

if ! command -v tmux >/dev/null 2>&1; then
	skip "tmux: the editor in a real terminal" "tmux is not installed"
	exit 0
fi

git config --global user.name "Anna Müller"
git config --global user.email "anna.mueller@finanzen.bremen.de"
git config --global init.defaultBranch main

SOCK=$T/sock
unset TMUX TMUX_PANE
trap 'tmux -S "$SOCK" kill-server 2>/dev/null; rm -f "$SOCK"; rm -rf "$T"' EXIT
trap 'exit 130' INT TERM HUP

# The terminal type the pane announces: tmux's own where it is known.
TERMNAME=screen
infocmp tmux-256color >/dev/null 2>&1 && TERMNAME=tmux-256color
# Seconds a wait may take before it fails: generous, CI machines are
# shared and the sanitizer build is slow. Only a failure waits that long.
WAIT=${ANTWORT_TMUX_WAIT:-10}

tm() { tmux -S "$SOCK" "$@"; }

# What runs in a pane: a shell that starts the program with its stderr in
# a file of its own and records its exit status in $T/err.NAME.status.
# (tmux's #{pane_dead_status} is no help here: tmux 3.3a often leaves the
# ended program a zombie for seconds, the pane dead but without a status.)
# In "probe" mode the shell stays, as a person's shell would: it shows the
# status, records the terminal modes and reads one line (a paste), so the
# state the program left the terminal in can be checked.
cat >"$T/pane.sh" <<'EOF2'
err=$1 mode=$2
shift 2
"$@" 2>>"$err"
s=$?
printf '%s\n' "$s" >"$err.status"
if [ "$mode" = probe ]; then
	stty -a >"$err.stty" 2>&1
	printf 'Ende %s\n' "$s"
	IFS= read -r line
	printf '%s\n' "$line" >"$err.probe"
fi
exit "$s"
EOF2

# start NAME DIR MODE PROGRAM...: a new 80x24 session NAME running
# PROGRAM in DIR; its stderr goes to $T/err.NAME.
start() {
	_name=$1 _dir=$2 _mode=$3
	shift 3
	_cmd="exec env LC_ALL=C.UTF-8 LANG=C.UTF-8 TERM=$TERMNAME TMPDIR='$T' sh '$T/pane.sh' '$T/err.$_name' $_mode"
	for _a in "$@"; do
		_cmd="$_cmd '$_a'"
	done
	: >"$T/err.$_name"
	rm -f "$T/err.$_name.status"
	if [ -S "$SOCK" ]; then
		tm new-session -d -s "$_name" -x 80 -y 24 -c "$_dir" "$_cmd"
	else
		tm -f /dev/null start-server \; set-option -g remain-on-exit on \; \
			new-session -d -s "$_name" -x 80 -y 24 -c "$_dir" "$_cmd"
	fi
}

# Keys, each in a send-keys call of its own; text literally.
key() {
	_t=$1
	shift
	for _k in "$@"; do
		tm send-keys -t "$_t" "$_k"
	done
}
typ() { tm send-keys -t "$1" -l "$2"; }

# snap TARGET: the screen as text in $T/screen.
snap() { tm capture-pane -p -t "$1" >"$T/screen" 2>/dev/null; }

# until_screen TARGET COMMAND...: polls the screen every 20 ms until
# COMMAND (which reads $T/screen) succeeds, for at most $WAIT seconds, or
# until the program in the pane has ended (a crash fails at once).
until_screen() {
	_target=$1
	shift
	_left=$((WAIT * 50))
	while [ "$_left" -gt 0 ]; do
		_ended=0
		[ -e "$T/err.$_target.status" ] && _ended=1
		snap "$_target"
		"$@" && return 0
		[ "$_ended" = 1 ] && return 1
		sleep 0.02
		_left=$((_left - 1))
	done
	return 1
}
has() { grep -qF -- "$1" "$T/screen"; }
hasnt() { ! grep -qF -- "$1" "$T/screen"; }
has_re() { grep -qE -- "$1" "$T/screen"; }
# The status line (the rows above the key line that are not the editor's:
# one, or two when its items do not fit in one) and the key line (the
# last). Its items are matched one by one, since it shortens them to fit:
# "Frage 2 von 4" or "Frage 2/4", "Version 1a2b3c4" or "1a2b3c4".
status_line() { head -n -1 "$T/screen" | tail -n 2 | grep -v '│' | tr '\n' ' '; }
key_line() { tail -n 1 "$T/screen"; }
# status_is ERE...: the status line matches every ERE.
status_is() {
	for _re in "$@"; do
		status_line | grep -qE -- "$_re" || return 1
	done
}
item() { printf '(^|[ ·])%s([ ·]|$)' "$1"; }
QUESTION() { item "Frage $1( von |/)4"; }
WORDS() { item "$1 Wörter?"; }
VERSION() { item "(Version )?$1"; }
SAVED=$(item gesichert)
UNSAVED=$(item ungesichert)

# see NAME TARGET TEXT: PASS once TEXT is on the screen; FAIL with the
# last screen when it does not appear. After three such misses the rest
# of the run waits only briefly: one broken step should not make every
# later one wait the full time.
misses=0
missed() {
	fail "$1" "$(cat "$T/screen")"
	misses=$((misses + 1))
	[ "$misses" -ge 3 ] && WAIT=2
}
see() {
	if until_screen "$2" has "$3"; then pass "$1"; else missed "$1"; fi
}
gone() {
	if until_screen "$2" hasnt "$3"; then pass "$1"; else missed "$1"; fi
}
# see_status NAME TARGET ERE...: PASS once the status line matches all.
see_status() {
	_n=$1 _t=$2
	shift 2
	if until_screen "$_t" status_is "$@"; then pass "$_n"; else missed "$_n"; fi
}
# on_screen NAME COMMAND...: the last screen, checked at once.
on_screen() {
	_name=$1
	shift
	if "$@"; then pass "$_name"; else fail "$_name" "$(cat "$T/screen")"; fi
}

# The pane's state, from tmux's formats.
pane() { tm display-message -p -t "$1" "$2"; }
# wait_exit NAME: waits until antwort in session NAME has ended; its exit
# status is then in $T/err.NAME.status.
wait_exit() { wait_file "$T/err.$1.status"; }
wait_file() {
	_left=$((WAIT * 50))
	while [ "$_left" -gt 0 ]; do
		[ -s "$1" ] && return 0
		sleep 0.02
		_left=$((_left - 1))
	done
	return 1
}
exit_status() { cat "$T/err.$1.status" 2>/dev/null; }
# The pid of antwort in session NAME: the pane's shell's child.
antwort_pid() { pgrep -P "$(pane "$1" '#{pane_pid}')" -x antwort | head -n 1; }

# words: the word count the status line shows now.
words() { status_line | sed -n 's/.* \([0-9][0-9]*\) Wörter* .*/\1/p'; }

# A save with C-s: the message names git's short id and subject.
save_and_check() {
	_what=$1 _target=$2
	_before=$(git -C "$WS" rev-parse HEAD)
	key "$_target" C-s
	if until_screen "$_target" saved_since "$_before"; then
		on_screen "$_what: the message shows git's new short id and the subject" \
			has "Gesichert als Version $(git -C "$WS" rev-parse --short=7 HEAD): $(git -C "$WS" log -1 --format=%s)"
		check "$_what: C-s made exactly one commit" \
			test "$(git -C "$WS" rev-parse HEAD~1)" = "$_before"
	else
		missed "$_what: C-s saves, and the message names the new version"
	fi
}
# saved_since COMMIT: HEAD has moved on and the screen names its short id.
saved_since() {
	[ "$(git -C "$WS" rev-parse HEAD)" != "$1" ] &&
		has "Gesichert als Version $(git -C "$WS" rev-parse --short=7 HEAD)"
}

# --- 1. the demo ----------------------------------------------------------------
start demo "$T" probe sh "$TOP/share/demo.sh" "$ANTWORT" "$TOP/share/examples"
TITLE="antwort · Fragestunde L7 · „Wasserstoffbusse im Bremer Nahverkehr“"
if until_screen demo has "$TITLE"; then
	pass "demo: make demo's script opens the editor on the example"
else
	fail "demo: make demo's script opens the editor on the example" \
		"$(cat "$T/screen" "$T/err.demo")"
	exit 1
fi
see_status "demo: the status line names the inquiry and question 1" demo '^ L7 · ' "$(QUESTION 1)"
WS=$(echo "$T"/antwort-demo.*/arbeitsbereich)
check "demo: the scratch workspace is made under TMPDIR" test -d "$WS/.git"
SLUG=$(ls "$WS/anfragen" 2>/dev/null)
DOC=anfragen/$SLUG/anfrage.txt
RECOVERY=$WS/.git/antwort/wiederherstellung/$SLUG.txt
check "demo: the example is imported as one inquiry" test "$SLUG" = 2024-05-14-L7-wasserstoffbusse
check "demo: init and import are the workspace's two commits" \
	test "$(git -C "$WS" rev-list --count HEAD)" = 2
on_screen "demo: the status line says gesichert and shows the imported version's short id" \
	status_is "$SAVED" "$(VERSION "$(git -C "$WS" rev-parse --short=7 HEAD)")"
office_keys() { key_line | grep -q '^F1 Hilfe ' && key_line | grep -qF '^S Sichern'; }
on_screen "demo: the key line shows F1 Hilfe and ^S Sichern" office_keys
on_screen "demo: the list shows the four questions" \
	has_re '^✓ 4 Plant der Senat'

# --- 2. typing into answer 2 with umlauts and typographic quotes --------------
key demo M-Down
see_status "keys: M-Down goes to question 2" demo "$(QUESTION 2)"
on_screen "keys: question 2 shares the answer to 2 and 3" has "Zu Frage 2 und 3: ─"
SENTENCE="Die große Prüfung „Ökobilanz“ läuft – Ergebnis folgt."
key demo Enter C-End Enter
typ demo "$SENTENCE"
see "type: the sentence appears as typed" demo "│$SENTENCE"
on_screen "type: the status line says ungesichert" status_is "$UNSAVED"
on_screen "type: the list marks questions 2 and 3 as changed" has_re '^✎ 3 Wie hoch'
git -C "$WS" show "HEAD:$DOC" >"$T/v1.txt"
save_and_check "save" demo
check "save: the subject names the answer" \
	test "$(git -C "$WS" log -1 --format=%s)" = "Antwort zu Frage 2 und 3 überarbeitet"
git -C "$WS" show "HEAD:$DOC" >"$T/v2.txt"
awk -v s="$SENTENCE" '$0 == "Zu Frage 4:" { print s; print "" } { print }' "$T/v1.txt" >"$T/want"
same "save: the commit holds exactly the sentence, as a new paragraph of answer 2" "$T/want" "$T/v2.txt"
same "save: the working file is the committed text" "$T/v2.txt" "$WS/$DOC"
check "save: git status is clean" test -z "$(git -C "$WS" status --porcelain)"

# --- 3. undo ------------------------------------------------------------------------
key demo Left
see_status "status: the next key brings the status line back: gesichert, the new version" demo \
	"$SAVED" "$(VERSION "$(git -C "$WS" rev-parse --short=7 HEAD)")"
n=$(words)
key demo End
typ demo " Weitere Angaben folgen"
see_status "undo: three words typed" demo "$(WORDS $((n + 3)))"
key demo C-z
see_status "undo: C-z takes one word back" demo "$(WORDS $((n + 2)))"
on_screen "undo: the last typed word is gone from the screen" \
	sh -c "grep -q 'Weitere Angaben' '$T/screen' && ! grep -q 'Angaben folgen' '$T/screen'"
key demo C-z
key demo C-z
see_status "undo: back at the saved text the status says gesichert again" demo \
	"$(WORDS "$n")" "$SAVED"
on_screen "undo: the typed words are all gone" hasnt "Weitere"

# --- 4. find ------------------------------------------------------------------------
# Search runs over the answers and preambles, not over the question texts.
hits=$(sed -n '/^Der Senat beantwortet die Anfrage wie folgt:$/,$p' "$T/v2.txt" | grep -oi wasserstoff | wc -l)
key demo C-f
see "find: C-f asks for the text" demo "Suchen (Enter"
typ demo wasserstoff
key demo Enter
see "find: Enter reports the hits in the answers, ignoring case" demo \
	"„wasserstoff“: $hits Treffer in der Anfrage"
check "find: the example's answers have 3 hits" test "$hits" = 3

# --- 5. replace all -----------------------------------------------------------------
nrep=$(grep -o Betriebshof "$T/v2.txt" | wc -l)
key demo C-r
see "replace: C-r suggests the last search" demo "Ersetzen – suchen nach: wasserstoff"
typ demo Betriebshof
key demo Enter
see "replace: typing replaced the suggestion; it asks for the replacement" demo "Ersetzen durch:"
typ demo Busdepot
key demo Enter
see "replace: each hit is asked about" demo "Diesen Treffer ersetzen?"
typ demo a
see "replace: a replaces all and says how often" demo "$nrep-mal ersetzt."
check "replace: the example has Betriebshof twice" test "$nrep" = 2
save_and_check "replace" demo
check "replace: the subject names the answers changed" \
	test "$(git -C "$WS" log -1 --format=%s)" = "Antworten zu Frage 1, 2 und 3 überarbeitet"
git -C "$WS" show "HEAD:$DOC" >"$T/v3.txt"
sed 's/Betriebshof/Busdepot/g' "$T/v2.txt" >"$T/want"
same "replace: the commit differs only by the replaced word" "$T/want" "$T/v3.txt"

# --- 6. combining answers ---------------------------------------------------------
key demo C-g
see "goto: C-g asks for the question's number" demo "Gehe zu Frage"
typ demo 1
key demo Enter
see_status "goto: question 1 is selected" demo "$(QUESTION 1)"
key demo M-z
see "join: M-z combines answer 1 with the next one" demo \
	"Die Antworten sind zusammengefasst: Zu den Fragen 1 bis 3."
on_screen "join: the heading above the answer is the new one" has "│Zu den Fragen 1 bis 3: ─"
save_and_check "join" demo
check "join: the subject says the answers were combined" \
	test "$(git -C "$WS" log -1 --format=%s)" = "Antworten zu Frage 1, 2 und 3 zusammengefasst"
git -C "$WS" show "HEAD:$DOC" >"$T/v4.txt"
# One heading for all three; the second heading and its blank line gone.
sed -e 's/^Zu Frage 1:$/Zu den Fragen 1 bis 3:/' -e '/^Zu Frage 2 und 3:$/,/^$/d' "$T/v3.txt" >"$T/want"
same "join: the file has one heading, Zu den Fragen 1 bis 3:, and the same text" "$T/want" "$T/v4.txt"

# --- 7. resizing --------------------------------------------------------------------
ID=$(git -C "$WS" rev-parse --short=7 HEAD)
key demo Left
see_status "resize: the status line is back before resizing" demo "$(VERSION "$ID")"
n=$(words)
fits_60x16() {
	[ "$(wc -l <"$T/screen")" = 16 ] && [ "$(wc -L <"$T/screen")" -le 60 ] &&
		status_is '^ L7 · ' "$(QUESTION 1)" "$SAVED" && office_keys
}
tm resize-window -t demo -x 60 -y 16
check "resize: tmux made the window 60x16" \
	test "$(pane demo '#{window_width}x#{window_height}')" = 60x16
if until_screen demo fits_60x16; then
	pass "resize: at 60x16 the status (two rows here) and key lines are at the bottom, within 60 columns"
else
	missed "resize: at 60x16 the status (two rows here) and key lines are at the bottom, within 60 columns"
fi
on_screen "resize: at 60x16 the title and the heading are still drawn" \
	sh -c "head -n 1 '$T/screen' | grep -q '^ antwort · Fragestunde L7' && grep -q '│Zu den Fragen 1 bis 3: ─' '$T/screen'"
tm resize-window -t demo -x 50 -y 12
see "resize: at 50x12 the German notice replaces the screen" demo "Das Fenster ist zu klein für antwort"
on_screen "resize: the notice names the size needed and the size now" \
	sh -c "tr '\n' ' ' <'$T/screen' | grep -q 'mindestens 60 × 16 Zeichen, jetzt sind es 50 × 12'"
on_screen "resize: no editor rows are left on the small screen" hasnt "Sichern"
tm resize-window -t demo -x 80 -y 24
see_status "resize: back at 80x24 the editor returns, unchanged" demo \
	"$(QUESTION 1)" "$(WORDS "$n")" "$SAVED" "$(VERSION "$ID")"
on_screen "resize: back at 80x24 the key line is whole again" office_keys
on_screen "resize: back at 80x24 the title is whole" has "$TITLE"

# --- Escape followed at once by another key (a slow ssh line delivers them
# together; rxvt sends Alt-arrows this way) must not become text.
tm send-keys -t demo Escape Down
key demo M-Down
# (Frage 3 would be right too: rxvt sends Alt-Down as Escape and Down.)
in_q2_or_3() { status_is "$(QUESTION '[23]')"; }
if until_screen demo in_q2_or_3; then
	pass "esc: the key after Escape and Down still works (M-Down)"
else
	missed "esc: the key after Escape and Down still works (M-Down)"
fi
unchanged() { status_is "$SAVED" && hasnt "Ă"; }
on_screen "esc: Escape and Down arriving together insert no character" unchanged
if status_is "$UNSAVED"; then
	key demo C-z    # take the stray character back out
	see_status "esc: C-z removes the stray character" demo "$SAVED"
fi

# --- 9. mouse ---------------------------------------------------------------------
# tmux cannot click, but the bytes a terminal sends for a click can be
# sent raw, in the encoding the pane's terminal type names (kmous=\E[M):
# ESC [ M, button+32, column+33, row+33; a press, then a release.
click() {
	_x=$(printf '%x' $(($2 + 33)))
	_y=$(printf '%x' $(($3 + 33)))
	tm send-keys -t "$1" -H 1b 5b 4d 20 "$_x" "$_y"
	tm send-keys -t "$1" -H 1b 5b 4d 23 "$_x" "$_y"
}
snap demo
row=$(grep -n '^. 4 Plant' "$T/screen" | cut -d: -f1)
click demo 4 $((row - 1))
see_status "mouse: a click on question 4 in the list selects it" demo "$(QUESTION 4)"
snap demo
line=$(grep -n '│Auswertung des zweijährigen' "$T/screen" | head -n 1 | cut -d: -f1)
before=$(sed -n "${line}p" "$T/screen" | sed 's/zweijährigen.*//')
col=$(printf '%s' "$before" | wc -m)
click demo "$col" $((line - 1))
typ demo "knapp "
see "mouse: a click in the answer puts the cursor there for typing" demo "│Auswertung des knapp zweijährigen"

# --- 10. bracketed paste -----------------------------------------------------------
head_before=$(git -C "$WS" rev-parse HEAD)
n=$(words)
printf 'Zeile eins: ^S\023bleibt Text\nZeile zwei: „Zitat“ – Ende ' >"$T/paste.txt"
tm load-buffer -b probe "$T/paste.txt"
tm paste-buffer -p -b probe -t demo
see "paste: the first line arrives as text (the control character Ctrl-S dropped)" demo \
	"│Auswertung des knapp Zeile eins: ^Sbleibt Text"
see "paste: the second line arrives as a line of its own" demo "│Zeile zwei: „Zitat“ – Ende zweijährigen"
on_screen "paste: the Ctrl-S inside the paste did not save" status_is "$UNSAVED"
check "paste: no commit was made" test "$(git -C "$WS" rev-parse HEAD)" = "$head_before"
key demo C-z
gone "paste: one C-z removes the whole paste" demo "Zeile"
on_screen "paste: the text before the paste is back" has "│Auswertung des knapp zweijährigen"
on_screen "paste: the word count is what it was" status_is "$(WORDS "$n")"
save_and_check "click" demo
git -C "$WS" show "HEAD:$DOC" >"$T/v5.txt"
sed 's/Auswertung des zweijährigen/Auswertung des knapp zweijährigen/' "$T/v4.txt" >"$T/want"
same "click: the commit holds the word typed at the click, and nothing pasted" "$T/want" "$T/v5.txt"

# --- 8. hang-up with unsaved text, recovery ------------------------------------
WORDS="Noch ungesicherte Überlegung zur Flotte."
key demo C-End Enter
typ demo "$WORDS"
see "hangup: the unsaved words are on the screen" demo "│$WORDS"
t0=$(date +%s%N)
has_words() { grep -qF -- "$WORDS" "$RECOVERY" 2>/dev/null; }
_left=$((WAIT * 50))
while [ "$_left" -gt 0 ] && ! has_words; do
	sleep 0.02
	_left=$((_left - 1))
done
ms=$((($(date +%s%N) - t0) / 1000000))
# No timing is asserted (machines are shared); the time taken is reported.
# The editor writes at the first second without a key, by construction.
check "hangup: without a signal, the recovery file in .git/antwort/wiederherstellung/ holds the words (after ${ms} ms)" has_words
pid=$(antwort_pid demo)
check "hangup: antwort runs in the pane" test -n "$pid"
kill -HUP "$pid" 2>/dev/null
see "hangup: antwort ends on SIGHUP; the shell shows status 129" demo "Ende 129"
check "hangup: the exit status is 129 (128 + SIGHUP)" test "$(exit_status demo)" = 129
on_screen "hangup: the shell's screen is back (the editor's is gone)" \
	sh -c "! grep -q 'Fragestunde L7' '$T/screen'"
on_screen "hangup: what the demo script printed before the editor is visible again" \
	has "Beispiel: vorlage-2024-05-14-L7-wasserstoffbusse.txt"
check "hangup: the terminal left the alternate screen" test "$(pane demo '#{alternate_on}')" = 0
check "hangup: keypad mode is off again" test "$(pane demo '#{keypad_flag}')" = 0
check "hangup: mouse reporting is off again" test "$(pane demo '#{mouse_any_flag}')" = 0
check "hangup: the terminal is back in line mode with echo (stty)" \
	sh -c "tr ' ;' '\n\n' <'$T/err.demo.stty' | grep -qx icanon && tr ' ;' '\n\n' <'$T/err.demo.stty' | grep -qx echo"
printf 'Probe\n' >"$T/probe.txt"
tm load-buffer -b line "$T/probe.txt"
tm paste-buffer -p -b line -t demo
if wait_file "$T/err.demo.probe"; then
	check "hangup: bracketed paste is off again: a paste reaches the shell as plain text" \
		test "$(cat "$T/err.demo.probe")" = Probe
else
	fail "hangup: the shell after antwort reads a pasted line" "$(snap demo; cat "$T/screen")"
fi
check "hangup: the recovery file is still there" has_words

start wieder "$WS" plain "$ANTWORT" edit
see "recovery: the next start offers the unsaved text" wieder "Ungesicherte Änderungen wiederherstellen?"
see "recovery: the offer shows the typed words as new" wieder "$WORDS"
on_screen "recovery: marked as added with {+…+}" has "{+"
on_screen "recovery: the choices are named" has "w: wiederherstellen   v: verwerfen"
typ wieder w
see "recovery: w restores and says how to save" wieder "Wiederhergestellt. Sichern Sie mit ^S"
key wieder C-g
typ wieder 4
key wieder Enter
see_status "recovery: the restored text is marked ungesichert" wieder "$(QUESTION 4)" "$UNSAVED"
on_screen "recovery: the words are back in answer 4" has "│$WORDS"
on_screen "recovery: the list marks question 4 as changed" has_re '^✎ 4 Plant'
save_and_check "recovery" wieder
check "recovery: the subject names answer 4" \
	test "$(git -C "$WS" log -1 --format=%s)" = "Antwort zu Frage 4 überarbeitet"
git -C "$WS" show "HEAD:$DOC" >"$T/v6.txt"
{ cat "$T/v5.txt"; printf '\n%s\n' "$WORDS"; } >"$T/want"
same "recovery: the commit holds the restored words as the last paragraph" "$T/want" "$T/v6.txt"
check "recovery: after the save the recovery file is gone" test ! -e "$RECOVERY"
check "recovery: git status is clean" test -z "$(git -C "$WS" status --porcelain)"

# A second hang-up right after restoring, before any other key: the words
# are still unsaved, so they must be offered again at the next start.
MORE="Zweiter Gedanke, auch ungesichert."
key wieder C-End Enter
typ wieder "$MORE"
see "again: more unsaved words" wieder "│$MORE"
has_more() { grep -qF -- "$MORE" "$RECOVERY" 2>/dev/null; }
_left=$((WAIT * 50))
while [ "$_left" -gt 0 ] && ! has_more; do
	sleep 0.02
	_left=$((_left - 1))
done
check "again: the recovery file holds them" has_more
kill -HUP "$(antwort_pid wieder)" 2>/dev/null
wait_exit wieder
check "again: SIGHUP ends antwort with status 129" test "$(exit_status wieder)" = 129
start wieder2 "$WS" plain "$ANTWORT" edit
see "again: the words are offered" wieder2 "$MORE"
typ wieder2 w
see "again: w restores them" wieder2 "Wiederhergestellt."
kill -HUP "$(antwort_pid wieder2)" 2>/dev/null
wait_exit wieder2
check "again: SIGHUP right after restoring ends with 129" test "$(exit_status wieder2)" = 129
start wieder3 "$WS" plain "$ANTWORT" edit
until_screen wieder3 has_re 'wiederherstellen\?|Fragestunde L7'
on_screen "again: restored but unsaved words survive a second hang-up (offered again)" \
	has "$MORE"
if has "wiederherstellen?"; then
	typ wieder3 v
	see "again: v discards the copy" wieder3 "Die Sicherungskopie ist verworfen."
fi

# --- the end: C-q, a normal exit (LeakSanitizer runs here in the ASan build) ----
key wieder3 C-q
if wait_exit wieder3; then
	check "quit: C-q ends antwort with status 0" test "$(exit_status wieder3)" = 0
else
	fail "quit: C-q ends antwort" "$(snap wieder3; cat "$T/screen")"
fi
check "quit: nothing unsaved is left behind" test ! -e "$RECOVERY"
check "git: the workspace passes git fsck --strict" \
	git -C "$WS" fsck --strict --no-progress --no-dangling
for f in "$T"/err.demo "$T"/err.wieder "$T"/err.wieder2 "$T"/err.wieder3; do
	if grep -qE 'Sanitizer|runtime error:' "$f"; then
		fail "no sanitizer report: $(basename "$f")" "$(head -40 "$f")"
	fi
done
check "stderr: antwort wrote nothing to stderr behind the screen" \
	test ! -s "$T/err.demo" -a ! -s "$T/err.wieder" -a ! -s "$T/err.wieder2" -a ! -s "$T/err.wieder3"

# --- colours, and none where NO_COLOR asks ----------------------------------------
# capture-pane -e keeps the attributes as escape sequences: a coloured
# title line has a colour code (3x, 4x or 38;5), and NO_COLOR leaves only
# reverse, bold and the like.
colour_codes() { tm capture-pane -e -p -t "$1" | head -n 1 | grep -cE '\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]'; }
start farbe "$WS" plain "$ANTWORT" edit
see "colour: the editor opens" farbe "Fragestunde L7"
check "colour: the title line is drawn in colour" test "$(colour_codes farbe)" -gt 0
key farbe C-q
wait_exit farbe
start ohnefarbe "$WS" plain env NO_COLOR=1 "$ANTWORT" edit
see "NO_COLOR: the editor opens" ohnefarbe "Fragestunde L7"
check "NO_COLOR: the title line has no colour, only attributes" test "$(colour_codes ohnefarbe)" = 0
check "NO_COLOR: the title line is still marked (reverse video)" \
	sh -c "tmux -S '$SOCK' capture-pane -e -p -t ohnefarbe | head -n 1 | grep -q '\[[0-9;]*7[;m]'"
key ohnefarbe C-q
wait_exit ohnefarbe

# --- spelling and house style in the editor (issue 6) ------------------------------
# The check opens at the first pause; misspelt words are underlined (in
# red where there is colour), F7 goes to the next finding and offers the
# dictionary's suggestions and "Zum Wörterbuch hinzufügen".
start pruef "$WS" plain "$ANTWORT" edit
see "check: the editor opens" pruef "Fragestunde L7"
key pruef C-g
typ pruef 4
key pruef Enter
key pruef C-End
key pruef Enter
typ pruef "Die Bürgerschft prüft das Wasserstoffkonzpet."
see "check: the sentence is typed" pruef "Die Bürgerschft prüft das Wasserstoffkonzpet."
see_status "check: after a pause the status line counts the two findings" pruef "$(item '2 Funde( \(F7\))?')"
underlined() {
	tm capture-pane -e -p -t pruef | grep -F 'Bürgerschft' |
		grep -qE '\[([0-9;]*;)?4(;[0-9;]*)?m(.\[[0-9;]*m)*Bürgerschft'
}
if until_screen pruef underlined; then
	pass "check: the misspelt word is underlined on the screen"
else
	fail "check: the misspelt word is underlined on the screen" "$(tm capture-pane -e -p -t pruef | grep -F Bürgerschft | cat -v)"
fi
key pruef C-Home
key pruef F7
see "check: F7 opens the menu for the first misspelt word" pruef "Rechtschreibung: „Bürgerschft“ ist unbekannt"
see "check: the menu numbers the dictionary's suggestions" pruef "1  Bürgerschaft"
typ pruef 1
see "check: 1 puts the first suggestion in" pruef "Die Bürgerschaft prüft das Wasserstoffkonzpet."
see_status "check: one finding is left" pruef "$(item '1 Fund( \(F7\))?')"
key pruef F7
see "check: F7 goes on to the next word" pruef "Rechtschreibung: „Wasserstoffkonzpet“ ist unbekannt"
see "check: the menu offers the workspace dictionary" pruef "w  Zum Wörterbuch hinzufügen"
typ pruef w
see "check: w says where the word went" pruef "„Wasserstoffkonzpet“ steht jetzt im Wörterbuch des Arbeitsbereichs"
check "check: adding the word is a commit of its own" \
	test "$(git -C "$WS" log -1 --format=%s)" = "Wort „Wasserstoffkonzpet“ ins Wörterbuch aufgenommen"
check "check: the commit holds the workspace's word list with the word" \
	sh -c "git -C '$WS' show HEAD:dict/woerter.txt | grep -qx 'Wasserstoffkonzpet'"
check "check: the word list commit touches nothing else" \
	test "$(git -C "$WS" show --format= --name-only HEAD)" = "dict/woerter.txt"
key pruef Right
see_status "check: no findings are left" pruef "$(item 'keine Funde')"
key pruef C-s
see "check: saved" pruef "Gesichert als Version"
check "check: the saved answer holds the corrected sentence" \
	sh -c "git -C '$WS' show 'HEAD:$DOC' | grep -qF 'Die Bürgerschaft prüft das Wasserstoffkonzpet.'"
check "check: the answer's commit comes after the word list's" \
	test "$(git -C "$WS" log -2 --format=%s | tail -n 1)" = "Wort „Wasserstoffkonzpet“ ins Wörterbuch aufgenommen"
key pruef C-q
wait_exit pruef
check "check: the editor ends normally" test "$(exit_status pruef)" = 0

# --- templates in the editor (issue 7) ---------------------------------------------
# Two templates of the workspace's own, committed as a department would:
# one current with a free placeholder, one stale. F4 opens the picker,
# typing filters, Enter asks for the placeholder and inserts; the save's
# commit names the template in a trailer. Shift-F4 saves a marked text as
# a new template, committed.
mkdir -p "$WS/templates/test"
cat >"$WS/templates/test/pruefauftrag.txt" <<'TPL'
Ressort: Test
Titel: Prüfauftrag mit Frist
Schlagworte: Prüfung, Frist
Stand: 01.11.2026

Der Senat hat die zuständige Stelle beauftragt, die Frage {{frage}} der Anfrage {{nummer}} bis zum {{frist}} zu prüfen.
TPL
cat >"$WS/templates/test/altlast.txt" <<'TPL'
Ressort: Test
Titel: Veraltete Altlastposition
Schlagworte: Altlast
Stand: 01.01.2024

Zur Altlastenfrage liegen dem Senat keine neuen Erkenntnisse vor.
TPL
git -C "$WS" add templates >/dev/null 2>&1
git -C "$WS" commit -q -m "Textbausteine des Tests" >/dev/null 2>&1
start baustein "$WS" plain "$ANTWORT" edit
see "template: the editor opens" baustein "Fragestunde L7"
key baustein C-g
typ baustein 3
key baustein Enter
key baustein C-End
key baustein Enter
key baustein F4
see "template: F4 opens the picker" baustein "Textbaustein einfügen"
typ baustein "prüfauftrag"
see "template: typing filters to the template" baustein "Prüfauftrag mit Frist"
see "template: the preview fills in the built-ins (frage, nummer)" baustein "die Frage 3 der Anfrage L7 bis"
see "template: the preview keeps the free placeholder" baustein "zum {{frist}} zu prüfen."
key baustein Enter
see "template: Enter asks for the free placeholder" baustein "Platzhalter {{frist}} (1 von 1):"
typ baustein "31. März 2027"
key baustein Enter
see "template: the filled text is in the answer" baustein "3 der Anfrage L7 bis zum 31. März 2027 zu prüfen."
key baustein C-s
see "template: saved" baustein "Gesichert als Version"
check "template: the commit holds the filled text" \
	sh -c "git -C '$WS' show 'HEAD:$DOC' | grep -qF 'Der Senat hat die zuständige Stelle beauftragt, die Frage 3 der Anfrage L7 bis zum 31. März 2027 zu prüfen.'"
check "template: the commit names the template and its Stand in a trailer" \
	sh -c "git -C '$WS' log -1 --format=%B | grep -qx 'Textbaustein: test/pruefauftrag, Stand 01.11.2026'"
key baustein F4
see "template: the picker again" baustein "Textbaustein einfügen"
typ baustein "altlast"
see "template: a stale template is marked" baustein "veraltet"
key baustein Enter
see "template: inserting a stale one warns first" baustein "Veraltet (Stand älter als zwölf Monate) – trotzdem einfügen?"
typ baustein n
key baustein Escape
see "template: n and Esc go back to the editor" baustein "F4 Baustein"
# Mark the first screen row of the inserted sentence (Up, Home, Shift-End)
# and save it as a template.
key baustein Up
key baustein Home
key baustein S-End
key baustein S-F4
see "template: Shift-F4 asks for the Ressort" baustein "Neuer Textbaustein – Ressort"
typ baustein "Test"
key baustein Enter
typ baustein "Fristauftrag aus dem Editor"
key baustein Enter
typ baustein "Frist"
key baustein Enter
see "template: the new template is saved and named" baustein "Textbaustein gesichert als templates/test/"
check "template: the new template is a commit of its own" \
	test "$(git -C "$WS" log -1 --format=%s)" = "Textbaustein „Fristauftrag aus dem Editor“ angelegt (test/fristauftrag-editor)"
check "template: the new file has the header and the marked text" \
	sh -c "git -C '$WS' show HEAD:templates/test/fristauftrag-editor.txt | grep -qx 'Titel: Fristauftrag aus dem Editor' &&
	       git -C '$WS' show HEAD:templates/test/fristauftrag-editor.txt | grep -qx 'Der Senat hat die zuständige Stelle beauftragt, die Frage'"
check "template: antwort template used lists the answer that used it" \
	sh -c "cd '$WS' && '$ANTWORT' template used test/pruefauftrag | grep -qF '$SLUG'"
key baustein C-q
wait_exit baustein
check "template: the editor ends normally" test "$(exit_status baustein)" = 0

# --- a colleague saves while the editor is open -----------------------------------
# The editor's save finds the other version, merges part by part and
# shows the merge: the colleague's new title appears in the title line.
start zugleich "$WS" plain "$ANTWORT" edit
see "concurrent: the editor opens" zugleich "Fragestunde L7"
key zugleich C-g
typ zugleich 1
key zugleich Enter
key zugleich C-End
typ zugleich " Zusatz."
see "concurrent: the sentence is typed" zugleich "Zusatz."
ZDOC=$(ls "$WS"/anfragen/*/anfrage.txt)
sed -i 's/Wasserstoffbusse im Bremer Nahverkehr/Wasserstoffbusse im Nahverkehr Bremens/' "$ZDOC"
(cd "$WS" && "$ANTWORT" save >/dev/null 2>&1)
colleague=$(git -C "$WS" rev-parse HEAD)
key zugleich C-s
see "concurrent: the save is reported" zugleich "Gesichert als Version"
check "concurrent: the editor's version follows the colleague's" \
	test "$(git -C "$WS" rev-parse HEAD~1)" = "$colleague"
check "concurrent: the saved version holds both changes" \
	sh -c "git -C '$WS' show HEAD:'${ZDOC#"$WS"/}' | grep -q 'Zusatz.' &&
	       git -C '$WS' show HEAD:'${ZDOC#"$WS"/}' | grep -q 'Nahverkehr Bremens'"
see "concurrent: the editor now shows the merged version (the new title)" zugleich "Nahverkehr Bremens"
see "concurrent: and marks the answer saved" zugleich "✓ 1 Wie viele"
key zugleich C-q
wait_exit zugleich
check "concurrent: the editor ends without asking (nothing unsaved)" test "$(exit_status zugleich)" = 0
