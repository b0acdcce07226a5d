#!/bin/sh
# test_editor.sh: the editor and the overview driven headless by key
# scripts (ANTWORT_SCRIPT, src/script.h), as a person would use them: every
# check reads the printed screens or the result in git (git log, git show,
# git status), never only an exit status.
. "$(dirname "$0")/../lib.sh"
ANTWORT=$(cd "$(dirname "$ANTWORT")" && pwd)/$(basename "$ANTWORT")
TOP=$(pwd)
EX="$TOP/share/examples/vorlage-2024-05-14-L7-wasserstoffbusse.txt"
FIX="$TOP/tests/fixtures"
SLUG=2024-05-14-L7-wasserstoffbusse
DOC=anfragen/$SLUG/anfrage.txt
RECOVERY=.git/antwort/wiederherstellung/$SLUG.txt

git config --global user.name "Anna Müller"
git config --global user.email "anna.mueller@finanzen.bremen.de"
git config --global init.defaultBranch main
# The recovery file's fallback folder, kept inside the scratch folder too.
export XDG_STATE_HOME="$T/home/.local/state"

# --- helpers -------------------------------------------------------------------
# The key script comes on stdin: `keys <<EOF … EOF`, then `edit ARGS…` runs
# antwort ARGS headless against it ($SCREEN, default 80x24). The screens go
# to $T/out, one after the other, $ROWS lines each; stderr to $T/err. A
# killing time limit ($LIMIT seconds) turns a hang into a failure.
keys() { cat >"$T/keys"; }
edit() {
	ANTWORT_SCRIPT="$T/keys" ANTWORT_SCREEN="${SCREEN:-80x24}" \
		timeout -s KILL "${LIMIT:-30}" "$ANTWORT" "$@" >"$T/out" 2>"$T/err"
	status=$?
	ROWS=${SCREEN:-80x24}
	ROWS=${ROWS#*x}
	if grep -qE 'Sanitizer|runtime error:' "$T/err"; then
		fail "no sanitizer report: antwort $* with $(head -3 "$T/keys" | tr '\n' ';')…" "$(head -30 "$T/err")"
	fi
}
# shot N: the N-th screen printed.
shot() { sed -n "$((($1 - 1) * ROWS + 1)),$(($1 * ROWS))p" "$T/out"; }
# shots: how many screens were printed.
shots() { echo $(($(wc -l <"$T/out") / ROWS)); }
# row N R: row R (from 1) of screen N.
row() { shot "$1" | sed -n "${2}p"; }
# statusline N / keyline N: the last two rows of screen N.
statusline() { row "$1" $((ROWS - 1)); }
keyline() { row "$1" "$ROWS"; }
# bottom N: the last four rows of screen N joined by spaces: a long message
# is wrapped over the status line and the rows around it.
bottom() { shot "$1" | tail -4 | tr '\n' ' '; echo; }
# seere NAME N ERE: a row of screen N matches the extended regular expression.
seere() {
	if shot "$2" | grep -qE -- "$3"; then pass "$1"; else
		fail "$1" "no row of screen $2 matches: $3
$(shot "$2")"; fi
}

# see NAME N TEXT: screen N shows TEXT (exactly, grep -F); notsee the opposite.
see() {
	if shot "$2" | grep -qF -- "$3"; then pass "$1"; else
		fail "$1" "screen $2 lacks: $3
$(shot "$2")
stderr: $(head -3 "$T/err")"; fi
}
notsee() {
	if ! shot "$2" | grep -qF -- "$3"; then pass "$1"; else
		fail "$1" "screen $2 shows: $3
$(shot "$2")"; fi
}
# rowmatch N R ERE: row R of screen N matches the extended regular expression.
rowmatch() { row "$1" "$2" | grep -qE -- "$3"; }
# eq NAME GOT WANT
eq() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "got:  $2
want: $3"; fi
}
subject() { git log -1 --format=%s; }
short() { git rev-parse --short=7 HEAD; }
# docver [FILE]: the short id of the last version of the inquiry (as
# "antwort log" shows it), which the status line names.
docver() { git rev-parse --short=7 "$(git log -1 --format=%H -- "${1:-$DOC}")"; }
ncommits() { git rev-list --count HEAD; }
clean() { test -z "$(git status --porcelain)"; }

# A file's text as one `paste` line of a key script.
as_paste() { sed 's/\\/\\\\/g' "$1" | awk 'BEGIN { ORS = "" } NR > 1 { print "\\n" } { print }'; }

# --- a workspace with the example: a Fragestunde, 4 questions, all answered ---
"$ANTWORT" init "$T/ws" >/dev/null 2>&1
cd "$T/ws" || exit 2
"$ANTWORT" import "$EX" >/dev/null 2>&1
check "setup: the example is in the workspace" test -f "$DOC"

# --- the editor screen ----------------------------------------------------------
keys <<'EOF'
screen
EOF
edit edit "$SLUG"
check "screen: a script ending without quitting exits 0" test "$status" = 0
eq "screen: the final screen is printed too when the script ends" "$(shots)" 2
eq "screen: the title line names kind, number and title" "$(row 1 1)" \
	" antwort · Fragestunde L7 · „Wasserstoffbusse im Bremer Nahverkehr“"
eq "screen: the list starts with the two preambles, empty" \
	"$(row 1 2 | sed 's/ *│.*//')|$(row 1 3 | sed 's/ *│.*//')" "· Vorbem. Fragest.|· Vorbem. Senat"
shot 1 | sed -n '4,7p' | sed 's/│.*//' >"$T/got"
printf '%s\n' "✓ 1 Wie viele Busse mi" "✓ 2 Welche Erfahrungen" "✓ 3 Wie hoch sind die " \
	"✓ 4 Plant der Senat, d" >"$T/want"
same "screen: one list row per question, ✓ for a saved answer" "$T/want" "$T/got"
see "screen: the question text of the selected question" 1 "│Wie viele Busse mit Brennstoffzellenantrieb sind derzeit"
see "screen: the answer's heading" 1 "│Zu Frage 1: ───"
see "screen: the answer's text" 1 "│Die Bremer Straßenbahn AG setzt seit Dezember 2023 zwölf"
eq "screen: the status line at 80 columns: number, question, words, speaking time, state, version, in short forms" \
	"$(statusline 1)" " L7 · Frage 1/4 · 59 Wörter · Redezeit 0:33 (110/Min.) · gesichert · $(short)"
eq "screen: the key line" "$(keyline 1)" "F1 Hilfe  ^S Sichern  ^Q Beenden  F4 Baustein  F7 Prüfen  ^F Suchen  ^R Ersetzen"

SCREEN=100x24; edit edit "$SLUG"; SCREEN=
eq "screen: at 100 columns the status line has the long forms" "$(statusline 1)" \
	" L7 · Frage 1 von 4 · 59 Wörter · Redezeit 0:33 bei 110 Wörtern/Min. · gesichert · Version $(short)"
see "screen: at 100 columns the key line names more keys" 1 "F7 Prüfen  ^F Suchen  ^R Ersetzen  ^G Gehe zu"
see "screen: at 100 columns the list is wider" 1 "✓ 1 Wie viele Busse mit Brenns│"

# sprechtempo in antwort.conf sets the words per minute (committed with git,
# as the handbook says, so that the workspace stays clean).
printf 'sprechtempo = 118\n' >>antwort.conf
git commit -qm "Sprechtempo" antwort.conf
SCREEN=100x24; edit edit "$SLUG"; SCREEN=
see "screen: sprechtempo = 118 in antwort.conf: 59 words take 0:30" 1 "· Redezeit 0:30 bei 118 Wörtern/Min. ·"
see "screen: the version shown is the inquiry's last, not the commit of antwort.conf" 1 "· gesichert · Version $(docver)"
printf 'sprechtempo = 5000\n' >>antwort.conf
SCREEN=100x24; edit edit "$SLUG"; SCREEN=
see "screen: a later sprechtempo out of range is passed over" 1 "· Redezeit 0:30 bei 118 Wörtern/Min. ·"
git checkout -q antwort.conf

# --- typing umlauts, quotes, dashes and a wide character; saving with ^S --------
before=$(docver)
git show "HEAD:$DOC" | sed 's/die höheren Wartungskosten\.$/& Grüße „an alle“ – Maß… 中文/' >"$T/want"
keys <<'EOF'
key M-Down
key Enter C-End
type  Grüße „an alle“ – Maß… 中文
screen
key ^S
screen
key Esc
screen
key ^Q
EOF
edit edit "$SLUG"
see "type: umlauts, „quotes“, – … and 中 appear as typed" 1 "│Wartungskosten. Grüße „an alle“ – Maß… 中文"
see "type: a changed combined answer marks both its questions ✎ (2)" 1 "✎ 2 Welche Erfahrungen│"
see "type: a changed combined answer marks both its questions ✎ (3)" 1 "✎ 3 Wie hoch sind die │"
see "type: the other answers stay ✓" 1 "✓ 1 Wie viele Busse mi│"
eq "type: the status line says ungesichert, with the words and time of the answer" "$(statusline 1)" \
	" L7 · Frage 2/4 · 115 Wörter · Redezeit 0:59 (118/Min.) · ungesichert · $before"
git show "HEAD:$DOC" >"$T/got"
same "save: the commit holds exactly the typed text" "$T/want" "$T/got"
eq "save: the message names the answer (2 and 3 are answered together)" "$(subject)" \
	"Antwort zu Frage 2 und 3 überarbeitet"
eq "save: the trailer names the combined answer" \
	"$(git log -1 --format='%(trailers:key=Antworten,valueonly)' | head -1)" "2+3"
check "save: git status is clean afterwards" clean
same "save: the working file holds the committed text" "$T/want" "$DOC"
eq "save: the editor says so, with the new short id and the message" "$(statusline 2)" \
	"Gesichert als Version $(short): Antwort zu Frage 2 und 3 überarbeitet"
eq "save: then the status line shows gesichert and the new version" "$(statusline 3)" \
	" L7 · Frage 2/4 · 115 Wörter · Redezeit 0:59 (118/Min.) · gesichert · $(short)"
see "save: the marks are ✓ again" 3 "✓ 2 Welche Erfahrungen│"
eq "save: ^Q without changes closes at once (no final screen)" "$(shots)|$status" "3|0"

# --- undo and redo, by word ------------------------------------------------------
head0=$(git rev-parse HEAD)
keys <<'EOF'
key Enter C-End
type  Erstes Zweites
key ^Z
screen
key ^Y
screen
key ^Z ^Z
key Esc
screen
key ^Z
screen
key ^Q
EOF
edit edit "$SLUG"
see "undo: one ^Z keeps the first word" 1 "│Erstes"
notsee "undo: one ^Z takes back the second word only" 1 "Zweites"
see "redo: ^Y brings the word back" 2 "│Erstes Zweites"
notsee "undo: a second ^Z takes back the first word" 3 "Erstes"
eq "undo: back at the saved text the status says gesichert" "$(statusline 3)" \
	" L7 · Frage 1/4 · 59 Wörter · Redezeit 0:30 (118/Min.) · gesichert · $(short)"
eq "undo: nothing left to undo is said" "$(statusline 4)" "Es gibt nichts mehr rückgängig zu machen."
eq "undo: nothing to save, nothing committed" "$(git rev-parse HEAD)" "$head0"

# --- paste: text, never commands, and one undo step -------------------------------
keys <<'EOF'
key Enter C-End Enter
paste Eingefügt eins ^S\nZeile zwei\n^Q Zeile drei
screen
key ^Z
key Esc
screen
key ^Z
key Esc
screen
key ^Q
EOF
edit edit "$SLUG"
shot 1 | sed -n 's/^ *│//p' | grep -E 'Eingefügt|Zeile' >"$T/got"
printf '%s\n' "Eingefügt eins ^S" "Zeile zwei" "^Q Zeile drei" >"$T/want"
same "paste: every pasted line is a paragraph of text, ^S and ^Q included" "$T/want" "$T/got"
see "paste: nothing was saved by the pasted ^S" 1 "· ungesichert ·"
notsee "paste: one ^Z takes back the whole paste" 2 "Zeile zwei"
see "paste: ... and only the paste (the Enter before it stays)" 2 "· ungesichert ·"
see "paste: a second ^Z takes back the Enter" 3 "· gesichert ·"
eq "paste: the program was not quit by the pasted ^Q, nor anything committed" \
	"$(shots)|$(git rev-parse HEAD)" "3|$head0"

# --- selection, cut, copy, paste --------------------------------------------------
git show "HEAD:$DOC" >"$T/orig"
git show "HEAD:$DOC" | sed -e 's/^Die Bremer Straßenbahn AG setzt/Bremer Straßenbahn AG setzt/' \
	-e 's/zu sammeln\.$/zu sammeln.Die Bremer/' >"$T/want"
keys <<'EOF'
key Enter C-Home
key S-Right S-Right S-Right S-Right
key ^X
screen
key C-End
key ^V
key C-Home
key S-Right S-Right S-Right S-Right S-Right S-Right
key ^C
key C-End
key ^V
key ^S
key ^Q
EOF
edit edit "$SLUG"
see "select: S-Right marks four characters, ^X cuts them: the answer starts with the next word" 1 \
	"│Bremer Straßenbahn AG setzt seit Dezember 2023 zwölf"
git show "HEAD:$DOC" >"$T/got"
same "select: ^V pastes what was cut, ^C copies without cutting; all saved" "$T/want" "$T/got"
eq "select: the message names answer 1" "$(subject)" "Antwort zu Frage 1 überarbeitet"
# Back to the text as imported, with the command line, for what follows.
cp "$T/orig" "$DOC"
"$ANTWORT" save "$SLUG" >/dev/null 2>&1
same "select: (the text as before, saved with antwort save)" "$T/orig" "$DOC"

head0b=$(git rev-parse HEAD)
# Copying from the question text (by clicking) and pasting into the answer.
keys <<'EOF'
click 2 30
key End S-Home
key ^C
click 6 23
key ^V
screen
key ^Q
type n
EOF
edit edit "$SLUG"
see "click: a row copied from the question text is pasted where the answer was clicked" 1 \
	"│im Linienverkehr der Bremer Straßenbahn AG im Einsatz,Die"
eq "click: ^Q n after that leaves the history alone" "$(git rev-parse HEAD)" "$head0b"

# --- search -------------------------------------------------------------------------
keys <<'EOF'
key Enter C-Home
key ^F
type STÖRUNGEN
key Enter
screen
type XX
key Esc
screen
key ^Z
key ^F
type wasserstoff
key Enter
key F3
type YY
key Esc
screen
key ^Z
key C-Home
key ^F
type gibtsnicht
screen
key Enter
key F3
screen
key ^Q
EOF
edit edit "$SLUG"
eq "find: Enter tells how often the text occurs (case and umlauts ignored)" "$(statusline 1)" \
	"„STÖRUNGEN“: 1 Treffer in der Anfrage; F3 springt zum nächsten."
see "find: the cursor is at the match, in the answer that has it" 2 "vor allem auf XXStörungen an"
see "find: ... which is now selected" 2 " L7 · Frage 2/4 ·"
see "find: F3 goes to the next match" 3 "allem der YYWasserstoffpreis und"
see "find: the first match is left as it was" 3 "mit Wasserstoff aus einem"
eq "find: while typing a text that does not occur, the key line says so" "$(keyline 4)" \
	"„gibtsnicht“ kommt nicht vor."
see "find: ... under the prompt" 4 "Suchen (Enter: fertig, Esc: zurück): gibtsnicht"
see "find: F3 on a text that does not occur says so" 5 "„gibtsnicht“ kommt nicht vor."
eq "find: the search changed nothing" "$(git rev-parse HEAD)|$(shots)" "$head0b|5"

keys <<'EOF'
key Enter C-Home
key ^F
type kühlung
screen
key Esc
type ZZ
key Esc
screen
key ^Q
type n
EOF
edit edit "$SLUG"
see "find: while typing, the editor jumps to the match in answer 2" 1 "│Zu Frage 2 und 3: ───"
eq "find: the prompt is in the status line" "$(statusline 1)" "Suchen (Enter: fertig, Esc: zurück): kühlung"
see "find: Esc goes back to answer 1" 2 " L7 · Frage 1/4 ·"
see "find: ... to the very place where the search started" 2 "│ZZDie Bremer Straßenbahn AG setzt"

# --- replace --------------------------------------------------------------------------
keys <<'EOF'
key ^G
type 2
key Enter
key C-Home
key ^R
type prozent
key Enter
type vH
key Enter
screen
type n
type j
type j
screen
key Esc
key ^S
key ^R
type nichtda
key Enter
screen
key ^Q
EOF
edit edit "$SLUG"
eq "replace: asks at each match" "$(statusline 1)" \
	"Diesen Treffer ersetzen?  j: ja   n: nein   a: alle   Esc: aufhören"
eq "replace: after one round through the inquiry it says how often it replaced" \
	"$(statusline 2)" "2-mal ersetzt."
git show "HEAD:$DOC" | grep -o '[0-9]* \(Prozent\|vH\)' | tr '\n' ' ' >"$T/got"
eq "replace: j replaced, n kept; the saved commit has it" "$(cat "$T/got")" "87 Prozent 60 vH 35 vH "
eq "replace: saved as a change of answer 2 and 3" "$(subject)" "Antwort zu Frage 2 und 3 überarbeitet"
eq "replace: a text that does not occur is not asked for a replacement" "$(statusline 3)" \
	"„nichtda“ kommt nicht vor; nichts ersetzt."

head1=$(git rev-parse HEAD)
keys <<'EOF'
key ^G
type 2
key Enter
key C-Home
key ^R
type Euro
key Enter
type Euro (EUR)
key Enter
type a
screen
key Esc
screen
key ^Q
type n
EOF
LIMIT=5; edit edit "$SLUG"; LIMIT=
if [ "$status" = 137 ]; then
	fail "replace: a (all) with a replacement that contains the text ends (no endless loop)" \
		"killed after 5 s: the replacement is replaced again and again"
else
	pass "replace: a (all) with a replacement that contains the text ends (no endless loop)"
	eq "replace: a (all) replaces the one match once" "$(statusline 1)" "1-mal ersetzt."
	eq "replace: a (all): the text has the replacement once" "$(shot 2 | grep -o '(EUR)' | wc -l)" 1
fi
eq "replace: a (all), then ^Q n: nothing committed" "$(git rev-parse HEAD)" "$head1"

# --- go to a question, next and previous, panes ----------------------------------------
keys <<'EOF'
key ^G
type 4
key Enter
screen
key ^G
type 9
key Enter
screen
key M-Up
screen
key M-Up M-Up
screen
key M-Up
screen
key M-Down M-Down
screen
key ^Q
EOF
edit edit "$SLUG"
see "goto: ^G 4 shows answer 4" 1 "│Zu Frage 4: ───"
see "goto: ... and selects question 4" 1 " L7 · Frage 4/4 ·"
eq "goto: a number that is no question is named, with the numbers there are" "$(statusline 2)" \
	"Eine Frage „9“ gibt es nicht; die Anfrage hat die Fragen 1 bis 4."
see "goto: M-Up goes to the previous question" 3 " L7 · Frage 3/4 ·"
see "goto: question 3 shows the combined answer" 3 "│Zu Frage 2 und 3: ───"
see "goto: M-Up twice more reaches question 1" 4 " L7 · Frage 1/4 ·"
see "goto: M-Up from question 1 reaches the Senate's preamble" 5 " L7 · Vorbemerkung ·"
see "goto: ... with its own heading" 5 "│Vorbemerkung des Senats: ───"
see "goto: M-Down twice from there is question 2" 6 " L7 · Frage 2/4 ·"

keys <<'EOF'
key Tab
type Q
screen
key Tab
type Antwortfokus
key Tab
key Down
screen
key Up
screen
key ^Q
type n
EOF
edit edit "$SLUG"
eq "panes: Tab from the list goes to the question text, which takes no typing" "$(statusline 1)" \
	"Der Fragentext ist schreibgeschützt; mit Tab geht es zur Antwort."
notsee "panes: the Q typed there went nowhere" 1 "│QDie"
see "panes: a second Tab goes to the answer, where typing lands" 2 "✎ 1 Wie viele Busse mi│"
see "panes: a third Tab goes to the list, where Down selects the next question" 2 " L7 · Frage 2/4 ·"
see "panes: back on question 1, its answer has the text" 3 "│AntwortfokusDie Bremer Straßenbahn"
eq "panes: ^Q n discards: nothing committed" "$(git rev-parse HEAD)" "$head1"
check "panes: ^Q n discards: the file is untouched" clean

# --- structure: combine and split answers, merge and split questions ---------------------
"$ANTWORT" import "$FIX/01-fragestunde-landtag.txt" >/dev/null 2>&1
L2=2024-05-21-L2-deichschutz
L2DOC=anfragen/$L2/anfrage.txt
check "setup: fixture 01 (three answers) imported" test -f "$L2DOC"
keys <<'EOF'
key M-z
screen
key ^S
key Enter C-Home C-Down
key M-t
screen
key ^S
key ^Q
EOF
edit edit "$L2"
eq "join: M-z combines answer 1 with answer 2" "$(statusline 1)" \
	"Die Antworten sind zusammengefasst: Zu Frage 1 und 2."
see "join: the heading is the combined one" 1 "│Zu Frage 1 und 2: ───"
see "join: both questions are marked changed (1)" 1 "✎ 1 Wie weit ist die E│"
see "join: both questions are marked changed (2)" 1 "✎ 2 Welche Abschnitte │"
eq "join: the saved message" "$(git log -1 --skip=1 --format=%s)" "Antworten zu Frage 1 und 2 zusammengefasst"
git show "HEAD~1:$L2DOC" | grep '^Zu ' | tr '\n' '|' >"$T/got"
eq "join: the saved file has the heading „Zu Frage 1 und 2:“" "$(cat "$T/got")" "Zu Frage 1 und 2:|Zu Frage 3:|"
git show "HEAD~1:$L2DOC" | sed -n '/^Zu Frage 1 und 2:$/,/^Zu Frage 3:$/p' | grep -c . >"$T/got"
eq "join: the combined answer holds all four paragraphs" "$(cat "$T/got")" 6
eq "split: M-t splits at the cursor" "$(statusline 2)" "Die Antwort ist getrennt."
see "split: answer 1 is left with its first paragraph" 2 "│Zu Frage 1: ───"
notsee "split: the second paragraph went to answer 2" 2 "Die Arbeiten am Abschnitt Rönnebeck"
eq "split: the saved message" "$(subject)" "Antwort zu Frage 1 und 2 aufgeteilt"
git show "HEAD:$L2DOC" | sed -n '/^Zu Frage 2:$/,/^Zu Frage 3:$/p' | grep . >"$T/got"
printf '%s\n' "Zu Frage 2:" \
	"Die Arbeiten am Abschnitt Rönnebeck haben im März 2024 begonnen und sollen im Herbst 2025 abgeschlossen sein." \
	"Der Abschnitt Blumenthal wird bis Ende 2026 fertiggestellt." \
	"Für den Abschnitt Farge läuft derzeit das Planfeststellungsverfahren; ein Baubeginn ist frühestens 2027 möglich." \
	"Zu Frage 3:" >"$T/want"
same "split: answer 2 is the text from the cursor on" "$T/want" "$T/got"
check "structure: git status is clean" clean

keys <<'EOF'
key M-Down
key M-v
screen
key ^S
key Enter
key M-s
screen
key Tab Tab
key C-Down
key M-s
screen
key ^S
key ^Q
EOF
edit edit "$L2"
eq "merge: M-v joins question 2 with question 3" "$(statusline 1)" "Die Fragen sind verbunden."
see "merge: question 2's text now holds question 3's" 1 "│Wie hoch sind die dafür eingeplanten Landes- und"
notsee "merge: there is no question 3 any more" 1 "3 Wie hoch"
git show "HEAD~1:$L2DOC" | sed -n '/^2\. /,/^Der Senat/p' >"$T/got"
printf '%s\n' "2. Welche Abschnitte sollen bis Ende 2026 fertiggestellt sein?" \
	"Wie hoch sind die dafür eingeplanten Landes- und Bundesmittel?“" "" \
	"Der Senat beantwortet die Anfrage wie folgt:" >"$T/want"
same "merge: the saved file has one question 2 with both paragraphs" "$T/want" "$T/got"
msg=$(git log -1 --skip=1 --format=%s)
case $msg in
*"Fragen neu aufgeteilt"*) pass "merge: the saved message says the questions were regrouped" ;;
*) fail "merge: the saved message says the questions were regrouped" "message: $msg" ;;
esac
# Answer 3's text is intact (it is part of answer 2 now): nothing was emptied.
case $msg in
*geleert*) fail "merge: the saved message does not claim an answer was emptied" "message: $msg" ;;
*) pass "merge: the saved message does not claim an answer was emptied" ;;
esac
bottom 2 >"$T/got"
check "split question: M-s outside the question text says how it works" \
	grep -qF "Setzen Sie mit Tab den Cursor in den Fragentext, dorthin, wo die neue Frage beginnen soll, und drücken Sie dann M-s." "$T/got"
eq "split question: Tab Tab and M-s at the cursor split it" "$(statusline 3)" \
	"Die Frage ist geteilt; die neue Frage hat eine eigene, leere Antwort."
see "split question: the new question 3 has an empty answer" 3 "· 3 Wie hoch sind die │"
git show "HEAD:$L2DOC" | sed -n '/^1\. /,/^Der Senat/p' >"$T/got"
printf '%s\n' "1. Wie weit ist die Erhöhung der Deiche an der Unterweser zwischen Bremen-Nord und Bremerhaven fortgeschritten?" \
	"2. Welche Abschnitte sollen bis Ende 2026 fertiggestellt sein?" \
	"3. Wie hoch sind die dafür eingeplanten Landes- und Bundesmittel?“" "" \
	"Der Senat beantwortet die Anfrage wie folgt:" >"$T/want"
same "split question: the saved file numbers the new question 3" "$T/want" "$T/got"
eq "split question: the saved message" "$(subject)" "Fragen neu aufgeteilt"
check "split question: the saved file has an empty answer to question 3 at the end" \
	test "$(git show "HEAD:$L2DOC" | tail -1)" = "Zu Frage 3:"

# --- header fields (F2) -------------------------------------------------------------------
keys <<'EOF'
key F2
screen
type L12
key Enter
type „Deichschutz an Unterweser und Lesum“
key Enter
type Die Fraktion der FDP
key Enter
type 31.2.2024
key Enter
screen
type 3. Juni 2024
key Enter
screen
key ^S
key ^Q
EOF
edit edit "$L2"
eq "header: F2 asks for the number first, offering the old one" "$(statusline 1)" \
	"Nummer (Enter: übernehmen, Esc: Ende): L2"
see "header: a date that does not exist is offered again" 2 "Sitzungsdatum (Enter: übernehmen, Esc: Ende): 21. Mai 2024"
see "header: a date that does not exist is refused with a German sentence" 2 \
	"Das Datum „31.2.2024“ ist nicht zu verstehen"
eq "header: after the last field it says so" "$(statusline 3)" "Die Kopfdaten sind übernommen."
eq "header: the title line shows the new number and title (quotes dropped)" "$(row 3 1)" \
	" antwort · Fragestunde L12 · „Deichschutz an Unterweser und Lesum“"
git show "HEAD:$L2DOC" | sed -n '1,5p' >"$T/got"
printf '%s\n' "Vorlage für die Sitzung des Senats am 3.6.2024" "" \
	"„Frage für die Fragestunde – L12 “Deichschutz an Unterweser und Lesum““" "" \
	"Die Fraktion der FDP hat folgende Anfrage für die Fragestunde der Bürgerschaft (Land) an den Senat gestellt:" >"$T/want"
same "header: the saved file has date, number, title and askers" "$T/want" "$T/got"
eq "header: the saved message names the four fields" "$(subject)" \
	"Titel geändert; Nummer geändert; Fragesteller geändert; Sitzungsdatum geändert"
check "header: the folder name stays" test -f "$L2DOC"

# --- quitting with unsaved changes -----------------------------------------------------------
keys <<'EOF'
key Enter C-End
type  Mit j gesichert.
key ^Q
screen
type j
EOF
edit edit "$SLUG"
eq "quit: ^Q with changes asks, the whole question in 80 columns" "$(statusline 1)" \
	"Änderungen sichern?  j: ja   n: nein, verwerfen   Esc: zurück zum Text"
eq "quit: j saves and closes" "$status|$(shots)|$(subject)" "0|1|Antwort zu Frage 1 überarbeitet"
check "quit: j: the commit has the text" sh -c "git show HEAD:$DOC | grep -q 'zu sammeln. Mit j gesichert.\$'"
check "quit: j: git status clean" clean

head2=$(git rev-parse HEAD)
keys <<'EOF'
key Enter C-End
type  Verwerfen bitte.
idle
key ^Q
type n
EOF
edit edit "$SLUG"
eq "quit: n discards: exit 0, no commit" "$status|$(git rev-parse HEAD)" "0|$head2"
check "quit: n discards: the recovery file written by the pause is gone" test ! -e "$RECOVERY"
check "quit: n discards: the file is unchanged" clean

keys <<'EOF'
key Enter C-End
type  Weiter bearbeiten.
key ^Q
key Esc
screen
key ^Q
type n
EOF
edit edit "$SLUG"
see "quit: Esc stays in the editor with the text" 1 "│Mit j gesichert. Weiter bearbeiten."
see "quit: Esc: still ungesichert" 1 " L7 · Frage 1/4 · 64 Wörter · Redezeit 0:33 (118/Min.) · ungesichert ·"

# --- the recovery file ------------------------------------------------------------------------
keys <<'EOF'
key Enter C-End
type  Weitere Fahrzeuge sind bestellt.
idle
EOF
edit edit "$SLUG"
check "recovery: a pause writes the recovery file in .git/antwort/wiederherstellung/" test -f "$RECOVERY"
eq "recovery: it starts with its header and the version it is based on" \
	"$(sed -n '1,2p' "$RECOVERY" | tr '\n' '|')" "antwort-wiederherstellung 1|basis: $head2|"
check "recovery: it holds the typed words" grep -q "Mit j gesichert. Weitere Fahrzeuge sind bestellt.$" "$RECOVERY"
check "recovery: git status stays clean" clean
eq "recovery: nothing committed" "$(git rev-parse HEAD)" "$head2"

keys <<'EOF'
screen
key Esc
screen
key ^Q
EOF
edit edit "$SLUG"
eq "recovery: the next start offers it" "$(row 1 1)" " Ungesicherte Änderungen wiederherstellen?"
see "recovery: the offer shows the typed words as added" 1 "gesichert. {+Weitere Fahrzeuge sind bestellt.+}"
eq "recovery: the offer names the keys" "$(keyline 1)" "w: wiederherstellen   v: verwerfen"
eq "recovery: the offer wants a choice: Esc and ^Q leave it on the screen" \
	"$(row 2 1)|$(row 3 1)|$status" " Ungesicherte Änderungen wiederherstellen?| Ungesicherte Änderungen wiederherstellen?|0"
check "recovery: undecided, the file is kept as it was" \
	grep -q "Mit j gesichert. Weitere Fahrzeuge sind bestellt.$" "$RECOVERY"

keys <<'EOF'
type w
key Enter C-End
type  Noch ein Satz.
signal HUP
screen
EOF
edit edit "$SLUG"
eq "recovery: SIGHUP mid-edit ends with 129, printing the screen" "$status|$(shots)" "129|1"
check "recovery: SIGHUP writes the recovery file, the restored and the new words" \
	grep -q "Mit j gesichert. Weitere Fahrzeuge sind bestellt. Noch ein Satz.$" "$RECOVERY"
check "recovery: after SIGHUP git status is clean, nothing committed" \
	sh -c "[ -z \"\$(git status --porcelain)\" ] && [ \"\$(git rev-parse HEAD)\" = $head2 ]"

keys <<'EOF'
screen
type w
key Esc
screen
key ^S
key Esc
screen
key ^Q
EOF
edit edit "$SLUG"
see "recovery: the offer shows the words typed before the hang-up" 1 \
	"gesichert. {+Weitere Fahrzeuge sind bestellt. Noch"
see "recovery: ... to the last one" 1 "ein Satz.+}"
see "recovery: w restores the text into the editor" 2 "│Mit j gesichert. Weitere Fahrzeuge sind bestellt. Noch"
see "recovery: w: the answer is marked changed" 2 "✎ 1 Wie viele Busse mi│"
see "recovery: w: the state is ungesichert" 2 " L7 · Frage 1/4 · 69 Wörter · Redezeit 0:36 (118/Min.) · ungesichert ·"
eq "recovery: ^S commits the restored text" "$(subject)" "Antwort zu Frage 1 überarbeitet"
check "recovery: ... with the words" \
	sh -c "git show HEAD:$DOC | grep -q 'Mit j gesichert. Weitere Fahrzeuge sind bestellt. Noch ein Satz.\$'"
check "recovery: after the save the recovery file is gone" test ! -e "$RECOVERY"
see "recovery: the status line shows the new version" 3 "· gesichert · $(short)"

keys <<'EOF'
key Enter C-End
type  Zu verwerfen.
signal TERM
EOF
edit edit "$SLUG"
eq "recovery: SIGTERM ends with 143" "$status" 143
check "recovery: SIGTERM writes the recovery file" grep -q "Zu verwerfen.$" "$RECOVERY"
keys <<'EOF'
type v
screen
key ^Q
EOF
edit edit "$SLUG"
eq "recovery: v discards it and says so" "$(statusline 1)" "Die Sicherungskopie ist verworfen."
notsee "recovery: v: the editor has the saved text" 1 "Zu verwerfen."
check "recovery: v: the file is gone" test ! -e "$RECOVERY"

# --- window size ---------------------------------------------------------------------------
keys <<'EOF'
resize 50 12
screen
type X
resize 60 16
screen
resize 80 24
screen
key ^Q
EOF
edit edit "$SLUG"
sed -n '1,12p' "$T/out" | tr '\n' ' ' >"$T/got"
check "resize: 50x12 shows the German notice, with both sizes" grep -qF \
	"Das Fenster ist zu klein für antwort: es braucht mindestens 60 × 16 Zeichen, jetzt sind es 50 × 12. Bitte vergrößern Sie das Fenster; bis dahin werden Tasten nicht angenommen." "$T/got"
eq "resize: 60x16 works: the title line, cut at the window's edge" "$(sed -n 13p "$T/out")" \
	" antwort · Fragestunde L7 · „Wasserstoffbusse im Bremer Nahv"
eq "resize: 60x16: the status line takes two rows, nothing left out (1)" "$(sed -n 26p "$T/out")" \
	" L7 · Frage 1/4 · 69 Wörter · Redezeit 0:36 (118/Min.)"
eq "resize: 60x16: the status line takes two rows, nothing left out (2)" "$(sed -n 27p "$T/out")" \
	" gesichert · $(short)"
check "resize: what was typed while the window was too small went nowhere" \
	sh -c "! sed -n '13,52p' '$T/out' | grep -q 'Satz.X'"
eq "resize: 60x16: the key line" "$(sed -n 28p "$T/out")" "F1 Hilfe  ^S Sichern  ^Q Beenden  F4 Baustein  F7 Prüfen"
eq "resize: back to 80x24, the status line with the speaking time" "$(sed -n 51p "$T/out")" \
	" L7 · Frage 1/4 · 69 Wörter · Redezeit 0:36 (118/Min.) · gesichert · $(short)"
eq "resize: 12 + 16 + 24 rows were printed" "$(wc -l <"$T/out")" 52

# --- the user's key file -------------------------------------------------------------------
mkdir -p "$XDG_CONFIG_HOME/antwort"
printf '# meine Tasten\n\n^P = sichern\nKaputt ohne Gleichheitszeichen\nM-q = beenden\n' \
	>"$XDG_CONFIG_HOME/antwort/tasten"
keys <<'EOF'
screen
key Enter C-End
type  Mit Strg-P.
key ^P
screen
key M-q
EOF
edit edit "$SLUG"
bottom 1 >"$T/got"
check "keys: a wrong line is reported with file and line number" grep -qF \
	"$XDG_CONFIG_HOME/antwort/tasten, Zeile 4: Hier fehlt das „=“; schreiben Sie" "$T/got"
see "keys: the line before it applies: ^P saves" 2 "Gesichert als Version $(short): Antwort zu Frage 1 überarbeitet"
check "keys: ... the text typed is committed" sh -c "git show HEAD:$DOC | grep -q 'Mit Strg-P.\$'"
eq "keys: the line after it applies: M-q quits" "$status|$(shots)" "0|2"
rm -f "$XDG_CONFIG_HOME/antwort/tasten"

# --- help -------------------------------------------------------------------------------------
keys <<'EOF'
key F1
screen
key Esc
screen
key ^Q
EOF
edit edit "$SLUG"
eq "help: F1 shows the help screen" "$(row 1 1)" " Hilfe – alle Tasten"
seere "help: lists ^S with its sentence and command name" 1 '^\^S +sichert die Anfrage als neue Version \(sichern\)$'
seere "help: lists ^Z" 1 '^\^Z +nimmt die letzte Änderung zurück \(rückgängig\)$'
see "help: names the key file" 1 "Datei ~/.config/antwort/tasten"
eq "help: Esc returns to the editor" "$(keyline 2)" "F1 Hilfe  ^S Sichern  ^Q Beenden  F4 Baustein  F7 Prüfen  ^F Suchen  ^R Ersetzen"

# --- spelling and house style: marks counted, F7 menu, rule applied, ignored ----------
# A workspace of its own, so that only the typed sentence has findings.
"$ANTWORT" init "$T/wsc" >/dev/null 2>&1
cd "$T/wsc" || exit 2
"$ANTWORT" import "$EX" >/dev/null 2>&1
keys <<'EOF'
key ^G
type 1
key Enter
key C-End
key Enter
type Das gilt z.B. für die Wasserstofflotte.
screen
idle
screen
key C-Home
key F7
screen
type r
screen
key F7
screen
type i
key Right
screen
key ^S
key ^Q
EOF
edit edit "$SLUG"
notsee "check: before the first pause the check is not open (no count)" 1 "Funde"
see "check: after a pause the status line counts the findings" 2 "2 Funde (F7)"
see "check: F7 on a style finding names the rule" 3 "Stil: Zwischen die Teile einer Abkürzung gehört ein Leerzeichen"
see "check: ... and offers its replacement" 3 "r  Regel anwenden: „z.B.“ wird zu „z. B.“"
see "check: r applies the rule" 4 "Das gilt z. B. für die Wasserstofflotte."
see "check: one finding is left" 4 "1 Fund (F7)"
see "check: F7 goes on to the misspelt word" 5 "Rechtschreibung: „Wasserstofflotte“ ist unbekannt"
see "check: the menu offers to ignore it" 5 "i  Ignorieren (bis antwort geschlossen wird)"
see "check: i ignores it: no findings left" 6 "keine Funde"
eq "check: ignoring commits nothing, the save holds the applied rule" "$(subject)" \
	"Antwort zu Frage 1 überarbeitet"
check "check: the saved text has „z. B.“ and the ignored word" \
	sh -c "git show HEAD:anfragen/$SLUG/anfrage.txt | grep -qF 'Das gilt z. B. für die Wasserstofflotte.'"
check "check: ignoring does not touch the workspace's word list" \
	sh -c "! git show HEAD:dict/woerter.txt 2>/dev/null | grep -q Wasserstofflotte"
cd "$T/ws" || exit 2

# --- templates: an undone insertion is not named in the commit ------------------
mkdir -p "$T/wsc/templates/test"
printf 'Ressort: Test\nTitel: Kurzposition\nStand: 01.11.2026\n\nDazu liegen dem Senat keine Erkenntnisse vor.\n' \
	>"$T/wsc/templates/test/kurz.txt"
cd "$T/wsc" || exit 2
git add templates >/dev/null 2>&1 && git commit -q -m "Baustein" >/dev/null 2>&1
keys <<'EOF'
key ^G
type 2
key Enter
key C-End
key Enter
key F4
type kurzposition
key Enter
key ^Z
key Enter
type Eigener Satz.
key ^S
key F4
type kurzposition
key Enter
key ^S
key ^Q
EOF
edit edit "$SLUG"
eq "template: a save after the insertion was undone names no template" \
	"$(git log -1 --skip=1 --format=%B | grep -c '^Textbaustein:')" 0
eq "template: a save with the template in the text names it" \
	"$(git log -1 --format=%B | grep '^Textbaustein:')" "Textbaustein: test/kurz, Stand 01.11.2026"
check "template: the inserted text is in the saved answer" \
	sh -c "git show HEAD:anfragen/$SLUG/anfrage.txt | grep -qF 'Dazu liegen dem Senat keine Erkenntnisse vor.'"
cd "$T/ws" || exit 2

# --- the overview and a new inquiry ------------------------------------------------------------
"$ANTWORT" init "$T/ov" >/dev/null 2>&1
cd "$T/ov" || exit 2
"$ANTWORT" import "$EX" >/dev/null 2>&1
before=$(ncommits)
{
	printf 'screen\nkey Enter\nscreen\nkey ^Q\nscreen\nkey ^N\npaste '
	as_paste "$FIX/05-anfrage-mit-kopf-ohne-antworten.txt"
	printf '\nscreen\nkey ^S\nscreen\ntype j\nscreen\nkey ^Q\nscreen\nkey ^Q\n'
} | keys
edit
check "overview: antwort alone exits 0 after ^Q" test "$status" = 0
eq "overview: the title names the workspace" "$(row 1 1)" " antwort · Übersicht · $T/ov/"
eq "overview: the column heads" "$(row 1 2)" "Nr.    Titel                Art            Antw. Letzte Änderung  von"
check "overview: a row with number, title, kind, answered 4/4, date and author" \
	rowmatch 1 3 '^L7 +Wasserstoffbusse im +Fragestunde +4/4 +[0-9]{2}\.[0-9]{2}\.[0-9]{4} [0-9]{2}:[0-9]{2} Anna Müller$'
eq "overview: the last screen is the overview again" "$(shots)" 7
see "overview: the count in the status line" 1 " 1 Anfrage im Arbeitsbereich"
eq "overview: the key line" "$(keyline 1)" "Enter Öffnen  ^N Neue Anfrage  F1 Hilfe  ^Q Beenden"
eq "overview: Enter opens the editor" "$(row 2 1)" " antwort · Fragestunde L7 · „Wasserstoffbusse im Bremer Nahverkehr“"
eq "overview: ^Q from the editor returns to the overview" "$(row 3 1)" " antwort · Übersicht · $T/ov/"
eq "new: ^N opens the page for a new inquiry" "$(row 4 1)" " antwort · Neue Anfrage"
see "new: the pasted text is shown" 4 "1. Wie viele Kreuzfahrtschiffe haben im Jahr 2023 in Bremerhaven die"
see "new: the key line offers checking" 4 "^S Prüfen  Esc Abbrechen"
eq "new: ^S shows how antwort split it" "$(row 5 1)" " Neue Anfrage – so hat antwort sie aufgeteilt"
see "new: ... the number" 5 "Nummer:        L5"
see "new: ... three questions" 5 "Fragen: 3"
eq "new: ... and asks" "$(keyline 5)" "j: aufnehmen   n oder Esc: zurück zum Text"
eq "new: j imports: one commit with the German message" "$(ncommits)|$(subject)" \
	"$((before + 1))|Anfrage L5 „Landstrom für Kreuzfahrtschiffe in Bremerhaven“ eingegangen"
eq "new: j opens the new inquiry" "$(row 6 1)" \
	" antwort · Fragestunde L5 · „Landstrom für Kreuzfahrtschiffe in Bremerhaven“"
shot 6 | sed -n '4,6p' | awk '{ print $1, $2 }' >"$T/got"
printf '%s\n' "· 1" "· 2" "· 3" >"$T/want"
same "new: its unanswered questions are marked ·" "$T/want" "$T/got"
see "new: an empty answer invites writing" 6 "(noch kein Text – einfach lostippen)"
check "new: the overview then lists it first, with 0/3 answered" \
	rowmatch 7 3 '^L5 +Landstrom für Kreuzf +Fragestunde +0/3 '
see "new: ... two inquiries now" 7 " 2 Anfragen im Arbeitsbereich"
check "new: git status is clean" clean

# A text without numbered questions is shown, and refused on j.
before=$(ncommits)
keys <<'EOF'
key ^N
paste Nur ein Satz ohne Fragen.\nUnd noch einer.
key ^S
screen
type j
screen
key Esc
key ^Q
EOF
edit
see "new: a text without numbered questions: the preview shows none" 1 "Fragen: 0"
eq "new: ... j keeps the paste page open" "$(row 2 1)" " antwort · Neue Anfrage"
bottom 2 >"$T/got"
check "new: ... and says why nothing was taken in" grep -qF \
	"Im Text ist keine nummerierte Frage zu erkennen; prüfen Sie, ob die Fragen mit „1.“, „1)“ oder „Frage 1:“ beginnen – aufgenommen wurde nichts." "$T/got"
eq "new: ... nothing committed, Esc and ^Q end normally" "$(ncommits)|$status" "$before|0"

# --- antwort edit FILE.txt, and without a terminal ----------------------------------------------
keys <<'EOF'
screen
key M-Up
screen
key M-Up
screen
key ^G
type 4
key Enter
screen
key ^Q
EOF
SCREEN=100x24; edit edit "$FIX/02-kleine-anfrage-vorlage.txt"; SCREEN=
eq "edit FILE: imports with the German message" "$(subject)" \
	"Anfrage 21/345 „Sichere Radwege auf Bremer Schulwegen“ eingegangen"
eq "edit FILE: and opens it" "$(row 1 1)" " antwort · Kleine Anfrage 21/345 · „Sichere Radwege auf Bremer Schulwegen“"
see "edit FILE: both preambles are there (✓)" 1 "✓ Vorbem. Fragest.  "
eq "edit FILE: a Kleine Anfrage has no speaking time" "$(statusline 1)" \
	" 21/345 · Frage 1 von 5 · 28 Wörter · gesichert · Version $(short)"
see "edit FILE: the Senate's preamble" 2 "│Vorbemerkung des Senats: ───"
see "edit FILE: ... its text" 2 "│Der Senat misst der Sicherheit auf Schulwegen eine hohe Bedeutung"
see "edit FILE: ... with the askers' preamble above it to read" 2 "│Vorbemerkung der Fragesteller:"
see "edit FILE: the askers' preamble" 3 "│Vorbemerkung der Fragesteller: ───"
see "edit FILE: ... its state in the status line" 3 " 21/345 · Vorbemerkung Fragesteller ·"
see "edit FILE: question 4 shows the answer to 3 to 5, its heading as written" 4 "│Zu den Fragen 3 bis 5: ───"
see "edit FILE: ... and its words" 4 " 21/345 · Frage 4 von 5 · 56 Wörter · gesichert ·"
check "edit FILE: the file is in the workspace" \
	sh -c "ls anfragen/*/anfrage.txt | grep -q 21-345"

ANTWORT_SCRIPT= timeout -s KILL 10 "$ANTWORT" edit "$SLUG" </dev/null >"$T/out" 2>"$T/err"
status=$?
eq "no terminal: antwort edit exits 2" "$status" 2
check "no terminal: says in German that it needs a terminal" grep -qF \
	"antwort: Der Editor braucht ein Terminal (keine Ein- oder Ausgabe im Terminal); starten Sie antwort in einem Terminalfenster oder nutzen Sie die Befehle wie „antwort list“." "$T/err"
ANTWORT_SCRIPT= timeout -s KILL 10 "$ANTWORT" </dev/null >"$T/out" 2>"$T/err"
eq "no terminal: antwort alone in a workspace exits 2 with the same sentence" \
	"$?|$(grep -c 'Der Editor braucht ein Terminal' "$T/err")" "2|1"

printf 'key Down\nkey Strg-S\n' | keys
edit edit "$SLUG"
eq "script: a wrong key ends the run with exit 2" "$status" 2
check "script: ... naming the script and the line" grep -qF \
	"antwort: $T/keys, Zeile 2: unbekannte Taste – das Tastenskript wird hier abgebrochen." "$T/err"

# --- a save that fails keeps the text -------------------------------------------------------------
cd "$T/ws" || exit 2
mkdir -p "$T/ro"
keys <<'EOF'
key Enter C-End
type  Schreibschutzwort
key ^S
screen
key Esc
screen
idle
EOF
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=8m tmpfs "$T/ro" 2>/dev/null; then
	cp -a "$T/ws" "$T/ro/ws"
	mount -o remount,ro "$T/ro"
	how="read-only mount"
elif [ "$(id -u)" != 0 ]; then
	cp -a "$T/ws" "$T/ro/ws"
	chmod -R a-w "$T/ro/ws"
	how="no write permission"
else
	how=""
fi
if [ -n "$how" ]; then
	head_ro=$(git -C "$T/ro/ws" rev-parse HEAD)
	cd "$T/ro/ws" || exit 2
	edit edit "$SLUG"
	cd "$T/ws" || exit 2
	bottom 1 >"$T/got"
	check "save fails ($how): the German error is shown" \
		grep -qF "Im Arbeitsbereich $T/ro/ws/ darf nicht geschrieben werden" "$T/got"
	check "save fails: the whole sentence, to its end" \
		grep -qF "arbeiten Sie in einer eigenen Kopie – gespeichert wurde nichts." "$T/got"
	see "save fails: the text stays in the editor" 1 "│ein Satz. Mit Strg-P. Schreibschutzwort"
	see "save fails: a later screen still shows it" 2 "│ein Satz. Mit Strg-P. Schreibschutzwort"
	see "save fails: ... as ungesichert" 2 "· ungesichert ·"
	eq "save fails: the history is unchanged" "$(git -C "$T/ro/ws" rev-parse HEAD)" "$head_ro"
	check "save fails: the recovery file goes to the user's state folder instead" sh -c \
		"grep -l Schreibschutzwort '$XDG_STATE_HOME'/antwort/wiederherstellung/$SLUG-*.txt >/dev/null"
	if [ "$how" = "read-only mount" ]; then umount "$T/ro"; else chmod -R u+w "$T/ro/ws"; fi
else
	skip "save fails: read-only workspace" "root without a tmpfs mount"
fi
