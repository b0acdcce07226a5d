#!/bin/sh
# test_check.sh: antwort check as people and departments' own checks use
# it: the exact lines, the layers of word lists and rules, the exit status.
. "$(dirname "$0")/../lib.sh"
ANTWORT=$(cd "$(dirname "$ANTWORT")" && pwd)/$(basename "$ANTWORT")
TOP=$(pwd)
EX="$TOP/share/examples/vorlage-2024-05-14-L7-wasserstoffbusse.txt"
SLUG=2024-05-14-L7-wasserstoffbusse
DOC=anfragen/$SLUG/anfrage.txt
SHARED=${ANTWORT_SHARED:-$TOP/../shared}
DICT=${ANTWORT_DICT:-/usr/share/hunspell/de_DE}

if [ ! -r "$DICT.dic" ] || [ ! -r "$DICT.aff" ]; then
	skip "check: spelling and house style" "kein deutsches Wörterbuch unter $DICT"
	exit 0
fi

# The rules and the project list of this source tree, even where another
# antwort is installed (the default lookup is checked once below).
export ANTWORT_DATA="$TOP"

# The suggestions after the first depend on the dictionary's version:
# compare them only up to the first.
first_suggestion() { sed 's/\(Vorschläge: [^,]*\),.*/\1/' "$1"; }

cd "$T" || exit 2

# --- a file: line and column in characters ----------------------------------
# Umlauts before both findings: the columns in bytes would be 33 and 46.
printf 'Die Bürgerschaft hat über die Bürgerschft z.B. beraten.\nÄrger über Größe und Qzxvbnmq.\n' >t.txt
run check t.txt
check "check: findings exit 1" test "$status" = 1
first_suggestion "$T/out" >"$T/got"
cat >"$T/want" <<'EOF'
t.txt:1:31: Rechtschreibung: „Bürgerschft“ – Vorschläge: Bürgerschaft
t.txt:1:43: Stil: Zwischen die Teile einer Abkürzung gehört ein Leerzeichen, etwa „z. B.“, „d. h.“, „u. a.“. – Vorschlag: „z. B.“
t.txt:2:22: Rechtschreibung: „Qzxvbnmq“ – keine Vorschläge
EOF
same "check: spelling and style with line and character column" "$T/want" "$T/got"
check "check: nothing on stderr for a good run" test ! -s "$T/err"

printf 'Der Senat begrüßt die Initiative.\n' >gut.txt
run check gut.txt
check "check: a clean text exits 0" test "$status" = 0
check "check: a clean text prints nothing" sh -c "[ ! -s '$T/out' ] && [ ! -s '$T/err' ]"

# Byte order mark and CRLF do not shift lines or columns.
printf '\357\273\277Gr\303\274\303\237e an die Bürgerschft.\r\nZweite Zeile z.B. hier.\r\n' >crlf.txt
run check crlf.txt
first_suggestion "$T/out" >"$T/got"
cat >"$T/want" <<'EOF'
crlf.txt:1:14: Rechtschreibung: „Bürgerschft“ – Vorschläge: Bürgerschaft
crlf.txt:2:14: Stil: Zwischen die Teile einer Abkürzung gehört ein Leerzeichen, etwa „z. B.“, „d. h.“, „u. a.“. – Vorschlag: „z. B.“
EOF
same "check: BOM and CRLF leave lines and columns as people count them" "$T/want" "$T/got"

# --- errors ------------------------------------------------------------------
run check fehlt.txt
check "check: a missing file exits 2" test "$status" = 2
check "check: a missing file is named" grep -q "^antwort: Die Datei fehlt.txt lässt sich nicht öffnen" "$T/err"
printf 'Gr\374\337e\n' >latin1.txt
run check latin1.txt
check "check: Latin-1 is refused with line and column" \
	sh -c "[ $status = 2 ] && grep -q '^antwort: latin1.txt, Zeile 1, Spalte 3: Hier steht kein gültiges UTF-8' '$T/err'"
run check gut.txt fehlt.txt t.txt
check "check: an error among findings exits 2, the others are still checked" \
	sh -c "[ $status = 2 ] && grep -q '^t.txt:1:31: ' '$T/out'"
ANTWORT_DICT="$T/nirgends/de_DE" run check t.txt
check "check: without the German dictionary exit 2" test "$status" = 2
check "check: without the German dictionary the sentence says how to install it" \
	grep -qx "antwort: Das deutsche Wörterbuch $T/nirgends/de_DE.dic fehlt; installieren Sie es mit „make deps“ (oder „apt-get install hunspell-de-de-frami“)." "$T/err"
check "check: without the dictionary no findings are printed" test ! -s "$T/out"
run check --gibtsnicht t.txt
check "check: an unknown option is a usage error" \
	sh -c "[ $status = 1 ] && grep -q 'Die Option „--gibtsnicht“ gibt es nicht' '$T/err'"
run check
check "check: without a file outside a workspace: usage error" \
	sh -c "[ $status = 1 ] && grep -q 'Geben Sie die Datei oder den Kurznamen an' '$T/err'"
run check --help
check "check: --help is German and names the output" \
	sh -c "[ $status = 0 ] && grep -q 'DATEI:ZEILE:SPALTE: Rechtschreibung' '$T/out'"
run --help
check "check: listed in antwort --help" grep -q '^  check ' "$T/out"

# --- antwort's own data: project list and rules ----------------------------
printf 'Wasserstoff aus einem Elektrolyseur.\n' >projekt.txt
run check projekt.txt
check "check: the project's word list knows Elektrolyseur" \
	sh -c "[ $status = 0 ] && [ ! -s '$T/out' ]"
mkdir -p "$T/leer"
ANTWORT_DATA="$T/leer" run check projekt.txt t.txt
check "check: without antwort's data a warning names where it looked" \
	grep -qx "antwort: Die Hausregeln und die Wortliste von antwort fehlen ($T/leer/stil.regeln); geprüft wird nur mit dem Wörterbuch – installieren Sie antwort mit „make install“ oder setzen Sie ANTWORT_DATA auf den Ordner mit „stil.regeln“ und „dict/woerter.txt“." "$T/err"
check "check: without antwort's data the dictionary still checks, without rules" \
	sh -c "grep -q '^projekt.txt:1:23: Rechtschreibung: „Elektrolyseur“' '$T/out' && ! grep -q 'Stil:' '$T/out'"
(unset ANTWORT_DATA; run check t.txt
 check "check: without ANTWORT_DATA the installed rules or the source tree's" \
	sh -c "[ $status = 1 ] && grep -q '^t.txt:1:43: Stil: ' '$T/out' && [ ! -s '$T/err' ]")

# --- the personal list --------------------------------------------------------
printf 'Ostendorf und Hinrichsen antworten.\n' >namen.txt
run check namen.txt
check "check: names are unknown at first" test "$(grep -c Rechtschreibung "$T/out")" = 2
mkdir -p "$XDG_DATA_HOME/antwort"
printf '# meine Wörter\nHinrichsen\n' >"$XDG_DATA_HOME/antwort/woerter.txt"
run check namen.txt
check "check: the personal list clears its word" \
	sh -c "[ $status = 1 ] && grep -q '„Ostendorf“' '$T/out' && ! grep -q '„Hinrichsen“' '$T/out'"
printf 'Hinrichsen\nzwei Wörter\n' >"$XDG_DATA_HOME/antwort/woerter.txt"
run check namen.txt
check "check: a bad line of the personal list warns with file and line, the rest loads" \
	sh -c "grep -q '^antwort: $XDG_DATA_HOME/antwort/woerter.txt, Zeile 2: „zwei Wörter“ sind mehrere Wörter' '$T/err' && ! grep -q '„Hinrichsen“' '$T/out'"
rm "$XDG_DATA_HOME/antwort/woerter.txt"

# --- --words -----------------------------------------------------------------
printf 'Qzwort und Bzwort.\nQzwort, Czwort und Azwort.\nBzwort vor Qzwort.\n' >woerter.txt
run check --words woerter.txt
cat >"$T/want" <<'EOF'
    3 Qzwort
    2 Bzwort
    1 Azwort
    1 Czwort
EOF
same "check --words: counts, most frequent first, then alphabetical" "$T/want" "$T/out"
check "check --words: exit 0" test "$status" = 0
run check --words woerter.txt namen.txt
check "check --words: counts over several files" \
	sh -c "grep -qx '    3 Qzwort' '$T/out' && grep -qx '    1 Ostendorf' '$T/out'"

# --- an inquiry in a workspace -----------------------------------------------
git config --global user.name "Anna Müller"
git config --global user.email "anna.mueller@finanzen.bremen.de"
git config --global init.defaultBranch main
"$ANTWORT" init "$T/ws" >/dev/null 2>&1 && cd "$T/ws" && "$ANTWORT" import "$EX" >/dev/null 2>&1
check "check: workspace with the example" test -f "$T/ws/$DOC"
run check $SLUG
check "check: the bundled example is clean" sh -c "[ $status = 0 ] && [ ! -s '$T/out' ]"
# A typo in a question (the askers' text) and one in an answer; the
# answer also names Hinrichsen and the BSAG.
sed -i -e 's/^1\. Wie viele Busse/1. Wie vielle Busse/' \
	-e 's/^Die Bremer Straßenbahn AG setzt seit Dezember 2023/Die BSAG setzt seit Dezembr 2023 nach Hinrichsen/' "$DOC"
grep -n 'vielle\|Dezembr' "$DOC" | cut -d: -f1 | tr '\n' ' ' >"$T/lines"
check "check: the typos are on lines 9 and 18" test "$(cat "$T/lines")" = "9 18 "
run check $SLUG
first_suggestion "$T/out" >"$T/got"
cat >"$T/want" <<EOF
$DOC:18:21: Rechtschreibung: „Dezembr“ – Vorschläge: Dezember
$DOC:18:39: Rechtschreibung: „Hinrichsen“ – Vorschläge: Hinrichten
EOF
same "check: in an inquiry only the Senate's text is checked" "$T/want" "$T/got"
check "check: the inquiry's findings exit 1" test "$status" = 1
run check
first_suggestion "$T/out" >"$T/got2"
same "check: without a name, all inquiries of the workspace" "$T/want" "$T/got2"
cd "anfragen/$SLUG" && run check && cd "$T/ws"
first_suggestion "$T/out" >"$T/got2"
same "check: in the inquiry's folder, that inquiry" "$T/want" "$T/got2"
run check 2024-05
first_suggestion "$T/out" >"$T/got2"
same "check: a unique beginning of the name is enough" "$T/want" "$T/got2"
run check "$DOC"
first_suggestion "$T/out" >"$T/got2"
same "check: the document's path works as well" "$T/want" "$T/got2"
run check --alles $SLUG
check "check --alles: the question's typo too" \
	sh -c "grep -q '^$DOC:9:8: Rechtschreibung: „vielle“' '$T/out' && grep -q '^$DOC:18:21: ' '$T/out'"
run check gibtsnicht
check "check: an inquiry that does not exist" \
	sh -c "[ $status = 1 ] && grep -q 'gibt es keine Anfrage „gibtsnicht“' '$T/err'"

# The workspace's own word list, shared through git.
mkdir -p dict
printf 'Hinrichsen\n' >dict/woerter.txt
run check $SLUG
check "check: the workspace's dict/woerter.txt clears a word" \
	sh -c "grep -q '„Dezembr“' '$T/out' && ! grep -q '„Hinrichsen“' '$T/out'"
mkdir -p "$T/elsewhere" && cp "$T/namen.txt" "$T/elsewhere/"
(cd "$T/elsewhere" && "$ANTWORT" check namen.txt >"$T/out" 2>"$T/err")
check "check: outside the workspace its list does not apply" grep -q '„Hinrichsen“' "$T/out"
(cd anfragen && "$ANTWORT" check "$T/namen.txt" >"$T/out" 2>"$T/err")
check "check: a file checked inside the workspace gets its list" \
	sh -c "grep -q '„Ostendorf“' '$T/out' && ! grep -q '„Hinrichsen“' '$T/out'"

# The workspace's own rules, and a broken one.
cat >stil.regeln <<'EOF'
# Hausregeln des Teams
regel: \bBSAG\b
meldung: Schreiben Sie den Namen aus: „Bremer Straßenbahn AG“.
ersatz: Bremer Straßenbahn AG
EOF
run check $SLUG
first_suggestion "$T/out" >"$T/got"
cat >"$T/want" <<EOF
$DOC:18:5: Stil: Schreiben Sie den Namen aus: „Bremer Straßenbahn AG“. – Vorschlag: „Bremer Straßenbahn AG“
$DOC:18:21: Rechtschreibung: „Dezembr“ – Vorschläge: Dezember
EOF
same "check: the workspace's stil.regeln adds a rule" "$T/want" "$T/got"
cat >stil.regeln <<'EOF'
# Hausregeln des Teams
regel: (Dezember
meldung: Diese Regel ist kaputt.

regel: \bBSAG\b
meldung: Schreiben Sie den Namen aus: „Bremer Straßenbahn AG“.
ersatz: Bremer Straßenbahn AG
EOF
run check $SLUG
check "check: a broken rule warns with file, line and PCRE2's message" \
	grep -qx "antwort: $T/ws/stil.regeln, Zeile 2, Spalte 17: Das Suchmuster dieser Stilregel ist fehlerhaft (missing closing parenthesis) – die Regel wird übergangen, die übrigen gelten weiter." "$T/err"
first_suggestion "$T/out" >"$T/got"
same "check: with a broken rule the other rules and the spelling still apply" "$T/want" "$T/got"
check "check: a broken rule does not change the exit status" test "$status" = 1

cd "$T" || exit 2

# --- the real example ---------------------------------------------------------
if ls "$SHARED"/examples/*.txt >/dev/null 2>&1; then
	for f in "$SHARED"/examples/*.txt; do
		run check "$f"
		check "check: $(basename "$f"): no spelling finding" sh -c "! grep -q 'Rechtschreibung' '$T/out'"
		check "check: $(basename "$f"): only style findings, no warnings" \
			sh -c "! grep -v ': Stil: ' '$T/out' | grep -q . && [ ! -s '$T/err' ]"
	done
	V="$SHARED/examples/vorlage-2017-04-04-L4-videotelefonie.txt"
	if [ -f "$V" ]; then
		run check "$V"
		cat >"$T/want" <<EOF
$V:19:77: Stil: Zwischen die Teile einer Abkürzung gehört ein Leerzeichen, etwa „z. B.“, „d. h.“, „u. a.“. – Vorschlag: „z. B.“
$V:29:78: Stil: Zwischen die Teile einer Abkürzung gehört ein Leerzeichen, etwa „z. B.“, „d. h.“, „u. a.“. – Vorschlag: „z. B.“
EOF
		same "check: the real example: the two „z.B.“ of the answers, not the question's" "$T/want" "$T/out"
	fi
else
	skip "check: the real example" "$SHARED/examples fehlt"
fi
