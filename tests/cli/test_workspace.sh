#!/bin/sh
# test_workspace.sh: init, import, save, log, show and diff as reviewers and
# departments use them, each result read back with the real git CLI.
. "$(dirname "$0")/../lib.sh"
ANTWORT=$(cd "$(dirname "$ANTWORT")" && pwd)/$(basename "$ANTWORT")
TOP=$(pwd)
EX="$TOP/share/examples/vorlage-2024-05-14-L7-wasserstoffbusse.txt"
SLUG=2024-05-14-L7-wasserstoffbusse
DOC=anfragen/$SLUG/anfrage.txt
SHARED=${ANTWORT_SHARED:-$TOP/../shared}

git config --global user.name "Anna Müller"
git config --global user.email "anna.mueller@finanzen.bremen.de"
git config --global init.defaultBranch main

ncommits() { git -C "$1" rev-list --count HEAD; }
subject() { git -C "$1" log -1 --format=%s; }

# --- outside a workspace ----------------------------------------------------
mkdir -p "$T/nowhere"
cd "$T/nowhere" || exit 2
run list
check "ws: outside a workspace exits 2" test "$status" = 2
check "ws: outside a workspace says so and names antwort init" \
	grep -q "gehört zu keinem Arbeitsbereich von antwort; legen Sie mit „antwort init“ einen an" "$T/err"

# --- init without a git identity: nothing is created ------------------------
HOME="$T/noid" XDG_CONFIG_HOME="$T/noid/.config" run init "$T/ws0"
check "init: without user.name the message says how to set it" \
	grep -q 'git config --global user.name "Vorname Nachname"' "$T/err"
check "init: without an identity nothing is made, not even the folder" test ! -e "$T/ws0"

# --- init -------------------------------------------------------------------
run init "$T/ws"
check "init: exit 0" test "$status" = 0
check "init: tells what to do next" grep -q 'antwort import DATEI' "$T/out"
check "init: names the folder in full" grep -qx "Arbeitsbereich angelegt in $T/ws." "$T/out"
check "init: one commit with a German message" \
	test "$(git -C "$T/ws" log --format=%s)" = "Arbeitsbereich für antwort angelegt"
git -C "$T/ws" ls-files >"$T/files"
printf 'antwort.conf\ndict/README.md\ntemplates/README.md\n' >"$T/want"
same "init: marker and the READMEs of templates/ and dict/ are committed" "$T/want" "$T/files"
check "init: the branch is main" test "$(git -C "$T/ws" symbolic-ref HEAD)" = refs/heads/main
check "init: git status is clean" test -z "$(git -C "$T/ws" status --porcelain)"
check "init: git fsck --strict is clean" git -C "$T/ws" fsck --strict --no-progress --no-dangling
check "init: the author is the configured one, umlaut intact" \
	test "$(git -C "$T/ws" log -1 --format='%an <%ae>')" = "Anna Müller <anna.mueller@finanzen.bremen.de>"
check "init: the READMEs are German" grep -q 'Textbausteine' "$T/ws/templates/README.md"
run init "$T/ws"
check "init: a second time is refused" \
	sh -c "[ $status = 2 ] && grep -q 'ist bereits ein Arbeitsbereich von antwort' '$T/err'"
git init -q "$T/plain" && mkdir -p "$T/plain/sub"
run init "$T/plain/sub"
check "init: inside another repository names its top folder" \
	grep -q "liegt im Git-Repository $T/plain; legen Sie den Arbeitsbereich in dessen oberstem Ordner an" "$T/err"
mkdir -p "$T/ws/anfragen/sub"
run init "$T/ws/anfragen/sub"
check "init: inside a workspace says it is one, naming its top folder" \
	grep -q "^antwort: $T/ws ist bereits ein Arbeitsbereich von antwort" "$T/err"
rmdir "$T/ws/anfragen/sub" "$T/ws/anfragen"

# An existing repository is adopted in place, its history and files kept.
git init -q "$T/old"
echo "Notizen" >"$T/old/notizen.txt"
git -C "$T/old" add notizen.txt
git -C "$T/old" commit -qm "Notizen"
run init "$T/old"
check "init: an existing repository is adopted" test "$status" = 0
check "init: its history is kept" test "$(ncommits "$T/old")" = 2
check "init: its files are kept" test "$(git -C "$T/old" show HEAD:notizen.txt)" = Notizen
check "init: the adopting commit adds only antwort's files" \
	test "$(git -C "$T/old" show --name-only --format= HEAD | sort | tr '\n' ' ')" = "antwort.conf dict/README.md templates/README.md "

# --- import -----------------------------------------------------------------
cd "$T/ws" || exit 2
run import "$EX"
check "import: exit 0" test "$status" = 0
check "import: names the new file" grep -q "^Aufgenommen: $DOC (Version [0-9a-f]\{7\})" "$T/out"
check "import: the message names number and title" \
	test "$(subject .)" = "Anfrage L7 „Wasserstoffbusse im Bremer Nahverkehr“ eingegangen"
check "import: the commit touches only the inquiry's folder" \
	test "$(git show --name-only --format= HEAD)" = "$DOC"
"$ANTWORT" export "$EX" >"$T/canonical.txt"
git show "HEAD:$DOC" >"$T/committed.txt"
same "import: git show gives the canonical text antwort wrote" "$T/canonical.txt" "$T/committed.txt"
same "import: the working file holds the same bytes" "$T/committed.txt" "$DOC"
check "import: git status is clean afterwards (index up to date)" test -z "$(git status --porcelain)"
run log
check "log: with only one inquiry in the workspace no name is needed" \
	sh -c "[ $status = 0 ] && grep -q 'eingegangen\$' '$T/out'"
before=$(ncommits .)
run import "$EX"
check "import: the same inquiry twice is refused, exit 2" test "$status" = 2
check "import: the refusal says it is there and names the file" \
	grep -q "Die Anfrage L7 Wasserstoffbusse im Bremer Nahverkehr ist schon im Arbeitsbereich ($DOC)" "$T/err"
check "import: no second commit" test "$(ncommits .)" = "$before"
check "import: no second copy" test "$(ls anfragen | wc -l)" = 1

if [ -f "$SHARED/examples/vorlage-2017-04-04-L4-videotelefonie.txt" ]; then
	run import "$SHARED/examples/vorlage-2017-04-04-L4-videotelefonie.txt"
	check "import: the real example gets the slug 2017-04-04-L4-videotelefonie" \
		test -f anfragen/2017-04-04-L4-videotelefonie/anfrage.txt
	check "import: its message" \
		test "$(subject .)" = "Anfrage L4 „Videotelefonie in der öffentlichen Verwaltung“ eingegangen"
else
	skip "import: the real example" "../shared is absent"
fi

# Without date and number the title alone names the folder: a different
# inquiry with the same title gets its own, the same one is refused, and
# umlauts copied in decomposed form name the same folder.
"$ANTWORT" import "$TOP/tests/fixtures/06-anfrage-ohne-kopf.txt" >/dev/null 2>&1
sed 's/?$/ (anders)?/' "$TOP/tests/fixtures/06-anfrage-ohne-kopf.txt" >"$T/anders.txt"
run import "$T/anders.txt"
check "import: another inquiry with the same title gets a folder of its own" \
	grep -q "^Aufgenommen: anfragen/barrierefreie-bushaltestellen-bremerhaven-2/anfrage.txt" "$T/out"
run import "$TOP/tests/fixtures/06-anfrage-ohne-kopf.txt"
check "import: the same inquiry without date and number is refused" grep -q "ist schon im Arbeitsbereich" "$T/err"
printf 'Gr\303\274nfl\303\244chen in Bremen\n\n1. Wie viele gibt es?\n' >"$T/nfc.txt"
printf 'Gru\314\210nfla\314\210chen in Bremen\n\n1. Wie viele gibt es?\n' >"$T/nfd.txt"
run import "$T/nfc.txt"
check "import: umlauts are spelt out in the folder name" grep -q "anfragen/gruenflaechen-bremen/" "$T/out"
run import "$T/nfd.txt"
check "import: decomposed umlauts give the same folder, so no second copy" \
	grep -q "schon im Arbeitsbereich (anfragen/gruenflaechen-bremen/anfrage.txt)" "$T/err"
git rm -rq anfragen/barrierefreie-bushaltestellen-bremerhaven anfragen/barrierefreie-bushaltestellen-bremerhaven-2 anfragen/gruenflaechen-bremen
git commit -qm "Proben entfernt"

run list
check "list: one line per inquiry with answered count and title" \
	grep -q "^$SLUG .*Fragestunde *4/4 beantwortet  Wasserstoffbusse im Bremer Nahverkehr$" "$T/out"

# --- save ---------------------------------------------------------------------
before=$(ncommits .)
run save "$SLUG"
check "save: unchanged file, no commit" test "$(ncommits .)" = "$before"
check "save: unchanged file says so" grep -q "ist unverändert; es gibt nichts zu sichern" "$T/out"

sed -i 's/zwölf Busse mit Brennstoffzellenantrieb/zwölf Busse mit Brennstoffzellenantrieb und Rußfilter/' "$DOC"
cp "$DOC" "$T/v2.txt"
run save "$SLUG"
check "save: a changed answer is one commit" test "$(ncommits .)" = $((before + 1))
check "save: the message names the answer" test "$(subject .)" = "Antwort zu Frage 1 überarbeitet"
check "save: the message is printed with the short id" \
	grep -q "^$SLUG: gesichert als Version [0-9a-f]\{7\}: Antwort zu Frage 1 überarbeitet$" "$T/out"
git show "HEAD:$DOC" >"$T/committed.txt"
same "save: git show gives exactly the bytes of the file" "$T/v2.txt" "$T/committed.txt"
check "save: the trailer lists the answer" \
	test "$(git log -1 --format='%(trailers:key=Antworten,valueonly)' | head -1)" = 1
check "save: git status is clean" test -z "$(git status --porcelain)"
# The index takes the file's stamp from the save, as git's own commit
# would, so git need not read the file again to trust it.
stamp=$(stat -c '%Y %s %i' "$DOC")
check "save: the index entry carries the file's time, size and inode" \
	sh -c "git ls-files --debug '$DOC' | tr -s ' \t' ' ' | awk '/mtime:/ { split(\$2, t, \":\"); m = t[1] } /ino:/ { i = \$4 } /size:/ { s = \$2 } END { print m, s, i }' | grep -qx '$stamp'"

sed -i -e 's/Ausfälle gingen vor allem/Ausfälle gingen überwiegend/' \
       -e 's/nach Auswertung des zweijährigen Probebetriebs/nach Auswertung des dreijährigen Probebetriebs/' "$DOC"
run save "$DOC"
check "save: two answers, one message" \
	test "$(subject .)" = "Antworten zu Frage 2, 3 und 4 überarbeitet"
check "save: the file's path is accepted as the inquiry" test "$status" = 0

# Run from inside the inquiry's folder, without naming it.
sed -i 's/Lieferengpässe traten bisher an vier Tagen auf/Lieferengpässe traten bisher an fünf Tagen auf/' "$DOC"
(cd "anfragen/$SLUG" && "$ANTWORT" save >"$T/out" 2>"$T/err")
check "save: inside the inquiry's folder no name is needed" \
	test "$(subject .)" = "Antwort zu Frage 2 und 3 überarbeitet"
check "save: one commit per real save" test "$(ncommits .)" = $((before + 3))

# A file that no longer reads is refused with file and line; nothing committed.
head_before=$(git rev-parse HEAD)
cp "$DOC" "$T/good.txt"
printf 'Kaputt: \377\n' >>"$DOC"
run save "$SLUG"
check "save: broken UTF-8 is refused, exit 2" test "$status" = 2
check "save: the refusal names file and line" \
	grep -q "$DOC, Zeile [0-9]*, Spalte 9: Hier steht kein gültiges UTF-8" "$T/err"
check "save: after a refusal nothing is committed" test "$(git rev-parse HEAD)" = "$head_before"
printf 'Nur ein Satz ohne Fragen.\n' >"$DOC"
run save "$SLUG"
check "save: a file without questions is refused with file and line" \
	grep -q "$DOC, Zeile 1: In der Datei steht keine nummerierte Frage mehr" "$T/err"
check "save: still nothing committed" test "$(git rev-parse HEAD)" = "$head_before"
cp "$T/good.txt" "$DOC"

run save gibtsnicht
check "save: an unknown inquiry is named" \
	grep -q "Im Arbeitsbereich gibt es keine Anfrage „gibtsnicht“; „antwort list“ zeigt alle" "$T/err"
run save "../../etc"
check "save: a path outside anfragen/ is no inquiry (a wrong call, exit 1)" test "$status" = 1

# --- log ---------------------------------------------------------------------
run log "$SLUG"
check "log: one line per version of this inquiry" test "$(wc -l <"$T/out")" = 4
check "log: newest first, with id, date, author, message and answers" \
	grep -qE "^[0-9a-f]{7}  [0-9]{2}\.[0-9]{2}\.[0-9]{4} [0-9]{2}:[0-9]{2}  Anna Müller  Antwort zu Frage 2 und 3 überarbeitet  \[Antworten: 2\+3\]$" "$T/out"
check "log: the first line is the newest" \
	sh -c "head -1 '$T/out' | grep -q 'Antwort zu Frage 2 und 3 überarbeitet'"
check "log: the import is the oldest, without answers" \
	sh -c "tail -1 '$T/out' | grep -q 'eingegangen\$'"
check "log: ids are git's" test "$(head -c 7 "$T/out")" = "$(git rev-parse --short=7 HEAD)"
run log 2024-05
check "log: a unique beginning of the name is enough" test "$(wc -l <"$T/out")" = 4

(cd "anfragen/$SLUG" && "$ANTWORT" show HEAD~1 >"$T/out" 2>"$T/err")
git show "HEAD~1:$DOC" >"$T/want"
same "show: inside the inquiry's folder the first argument is the version" "$T/want" "$T/out"
(cd "anfragen/$SLUG" && "$ANTWORT" diff HEAD~3 HEAD --stat >"$T/out" 2>"$T/err")
check "diff: inside the inquiry's folder two versions and no name" grep -q "^3 Teile geändert" "$T/out"

# --- show --------------------------------------------------------------------
run show "$SLUG" HEAD~2
git show "HEAD~2:$DOC" >"$T/want"
same "show: REV gives the version as git has it" "$T/want" "$T/out"
run show "$SLUG" "$(git rev-parse --short HEAD~1)"
git show "HEAD~1:$DOC" >"$T/want"
same "show: a short id works" "$T/want" "$T/out"
run show "$SLUG" nichtda
check "show: an unknown revision is refused as a wrong call, exit 1" test "$status" = 1
check "show: the message names the revision and the remedy" \
	grep -q "Die Version „nichtda“ gibt es bei $SLUG nicht; „antwort log $SLUG“ zeigt" "$T/err"

# --- diff ---------------------------------------------------------------------
run diff "$SLUG"
check "diff: by default the last two versions" \
	grep -q "^Vergleich von $(git rev-parse --short=7 HEAD~1) (Anna Müller" "$T/out"
check "diff: grouped by answer" grep -qx "## Zu Frage 2 und 3" "$T/out"
check "diff: word by word with umlauts" grep -q "\[-vier-\]{+fünf+}" "$T/out"
check "diff: only the changed answer" sh -c "! grep -q 'Zu Frage 1\$' '$T/out' && ! grep -q 'Zu Frage 4' '$T/out'"
check "diff: only the changed paragraph" sh -c "! grep -q 'durchschnittlich 87 Prozent' '$T/out'"
check "diff: no colour when not on a terminal" sh -c "! grep -q \"$(printf '\033')\" '$T/out'"
git diff --word-diff=plain HEAD~1 HEAD -- "$DOC" >"$T/gitdiff"
check "diff: git's word diff marks the same words" grep -q "\[-vier-\]{+fünf+}" "$T/gitdiff"
run diff "$SLUG" HEAD~3 HEAD
check "diff: two revisions, several answers" \
	sh -c "grep -qx '## Zu Frage 1' '$T/out' && grep -qx '## Zu Frage 4' '$T/out' && grep -q '\[-zweijährigen-\]{+dreijährigen+}' '$T/out'"
check "diff: an insertion is marked as new words" grep -q "{+und Rußfilter+}" "$T/out"
run diff "$SLUG" HEAD~3 HEAD --stat
check "diff --stat: a line per changed answer with word counts" \
	grep -qE "^Zu Frage 1 +0 Wörter entfernt, 2 hinzugefügt$" "$T/out"
check "diff --stat: a total" grep -qE "^3 Teile geändert, 4 Wörter entfernt, 5 hinzugefügt$" "$T/out"
run diff "$SLUG" --farbe immer
check "diff --farbe immer: red and green as git colours them" \
	sh -c "grep -q \"$(printf '\033')\[31mvier\" '$T/out' && grep -q \"$(printf '\033')\[32mfünf\" '$T/out'"
run diff "$SLUG" HEAD~1 nichtda
check "diff: an unknown revision is refused" grep -q "Die Version „nichtda“ gibt es" "$T/err"

# A version committed with plain git that does not read as an inquiry.
cp "$DOC" "$T/good.txt"
printf 'Kaputt: \377\n' >>"$DOC"
git commit -qam "kaputt mit git"
run diff "$SLUG"
check "diff: a stored version that does not read names file and line" \
	grep -q "Zeile [0-9]*, Spalte 9: Hier steht kein gültiges UTF-8" "$T/err"
# The two versions are read side by side (one on a second thread): the
# error of either side is the one reported.
run diff "$SLUG" HEAD HEAD~1
check "diff: a broken first version is named too, exit 2" \
	sh -c "[ $status = 2 ] && grep -q 'Zeile [0-9]*, Spalte 9: Hier steht kein gültiges UTF-8' '$T/err'"
check "diff: the message names the version that does not read" grep -q "HEAD" "$T/err"
run log "$SLUG"
check "log: a plain git commit is listed with its own message" grep -q "  kaputt mit git" "$T/out"
cp "$T/good.txt" "$DOC"
git commit -qam "repariert mit git"
sed -i 's/Dabei werden auch/Dabei werden zudem/' "$DOC"
git commit -qam "Antwort 4 mit git geändert"
run log "$SLUG"
check "log: the answers of a plain git commit are worked out by reading" \
	grep -q "  Antwort 4 mit git geändert  \[Antworten: 4\]$" "$T/out"

# --- the versions cache (.git/antwort/versionen) ---------------------------
# What log found out about each commit is kept; it must never change what
# log shows, whatever state the file is in.
CACHE=.git/antwort/versionen
cp "$T/out" "$T/log-warm-before"
rm -f "$CACHE"
run log "$SLUG"
same "cache: log without the cache shows the same" "$T/log-warm-before" "$T/out"
check "cache: log writes the cache, with its header" \
	sh -c "head -1 '$CACHE' | grep -q '^# antwort: Versionen, Version 1'"
git rev-list HEAD | sort >"$T/commits"
sed 1d "$CACHE" | cut -f1 | sort >"$T/cached"
same "cache: one line for every commit on the branch" "$T/commits" "$T/cached"
c=$(git rev-parse HEAD~1)
check "cache: a commit's line names the blob of the document it changed" \
	sh -c "grep '^$c' '$CACHE' | grep -q '	$SLUG:$(git rev-parse HEAD~1:"$DOC")\$'"
check "cache: a commit's line has its parent, author, subject and answers" \
	sh -c "grep '^$c' '$CACHE' | cut -f2,6-8 | grep -qx '$(git rev-parse HEAD~2)	$(git log -1 --format=%an "$c")	repariert mit git	?'"
run log "$SLUG"
same "cache: log with the cache shows the same" "$T/log-warm-before" "$T/out"
git log --format=%h -- "$DOC" >"$T/git-ids"
cut -c1-7 "$T/out" >"$T/our-ids"
same "cache: the versions are git log's for the file" "$T/git-ids" "$T/our-ids"
# Damage: a line cut short by a crash, a line of rubbish, a line with a
# bad id; log works them out again from git.
lines=$(wc -l <"$CACHE")
head -c -40 "$CACHE" >"$T/cut" && cp "$T/cut" "$CACHE"
printf 'Unsinn\tohne\tSinn\n' >>"$CACHE"
sed -i '3s/^[0-9a-f]\{6\}/zzzzzz/' "$CACHE"
run log "$SLUG"
same "cache: damaged lines are skipped and worked out again" "$T/log-warm-before" "$T/out"
check "cache: what was worked out again is added" test "$(wc -l <"$CACHE")" -gt "$lines"
printf 'etwas anderes\n' >"$CACHE"
run log "$SLUG"
same "cache: a file that is not the cache is replaced" "$T/log-warm-before" "$T/out"
check "cache: the replaced file starts with the header" \
	sh -c "head -1 '$CACHE' | grep -q '^# antwort: Versionen' && test \$(wc -l <'$CACHE') = $(($(git rev-list --count HEAD) + 1))"
# A new version after the cache was written is found.
sed -i 's/Dabei werden zudem/Dabei werden außerdem/' "$DOC"
"$ANTWORT" save "$SLUG" >/dev/null 2>&1
run log "$SLUG"
check "cache: a version saved after the cache was written is listed first" \
	test "$(head -c 7 "$T/out")" = "$(git rev-parse --short=7 HEAD)"
check "cache: the older versions follow unchanged" \
	sh -c "sed 1d '$T/out' | cmp -s - '$T/log-warm-before'"
# A cache that cannot be read or written (here a folder in its place,
# which stops root too) costs time, never the log.
rm -f "$CACHE"
mkdir "$CACHE"
run log "$SLUG"
rmdir "$CACHE"
check "cache: log works where the cache cannot be written" \
	sh -c "[ $status = 0 ] && sed 1d '$T/out' | cmp -s - '$T/log-warm-before'"

# --- bad cases ---------------------------------------------------------------
sed -i 's/an fünf Tagen/an sechs Tagen/' "$DOC"
touch .git/index.lock
run save "$SLUG"
check "save: a leftover index.lock is named" \
	grep -q "Die Sperrdatei $T/ws/.git/index.lock ist von einem abgebrochenen Git-Programm liegen geblieben" "$T/err"
check "save: the file's text is kept when the lock blocks" grep -q "an sechs Tagen" "$DOC"
rm -f .git/index.lock
run save "$SLUG"
check "save: after removing the lock it saves" test "$(subject .)" = "Antwort zu Frage 2 und 3 überarbeitet"

# An edit made while a save waits is neither overwritten nor lost.
sed -i 's/an sechs Tagen/an sechs Tagen (erste)/' "$DOC"
touch .git/index.lock
"$ANTWORT" save "$SLUG" >/dev/null 2>&1 &
pid=$!
sleep 0.5
sed -i 's/(erste)/(erste, zweite)/' "$DOC"
sleep 0.3
rm -f .git/index.lock
wait $pid
check "save: an edit made while a save waits stays on disk" grep -q "(erste, zweite)" "$DOC"
run save "$SLUG"
check "save: and goes into the next version" sh -c "git show HEAD:$DOC | grep -q '(erste, zweite)'"
sed -i 's/ (erste, zweite)//' "$DOC"
"$ANTWORT" save "$SLUG" >/dev/null 2>&1

sed -i 's/an sechs Tagen/an sechseinhalb Tagen/' "$DOC"
touch -d '1 minute ago' .git/refs/heads/main.lock
run save "$SLUG"
check "save: a branch lock left by a crash is named at once" \
	grep -q "Die Sperrdatei $T/ws/.git/refs/heads/main.lock ist von einem abgebrochenen Git-Programm liegen geblieben" "$T/err"
rm -f .git/refs/heads/main.lock
run save "$SLUG"
check "save: without the branch lock it saves" test "$status" = 0

git checkout -q --detach HEAD
sed -i 's/an sechseinhalb Tagen/an sieben Tagen/' "$DOC"
run save "$SLUG"
check "save: a detached HEAD is refused with the way back" \
	grep -q "Der Arbeitsbereich steht auf keinem Zweig, sondern auf der alten Version [0-9a-f]\{7\}; wechseln Sie mit „git switch main“" "$T/err"
git checkout -q main
run save "$SLUG"
check "save: back on the branch it saves" test "$status" = 0

# Read-only and full workspaces need a mount (root).
mkdir -p "$T/ro" "$T/full"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=8m tmpfs "$T/ro" 2>/dev/null; then
	cp -a "$T/ws" "$T/ro/ws"
	sed -i 's/an sieben Tagen/an acht Tagen/' "$T/ro/ws/$DOC"
	mount -o remount,ro "$T/ro"
	head_before=$(git -C "$T/ro/ws" rev-parse HEAD)
	cd "$T/ro/ws" && run save "$SLUG"
	cd "$T/ws" || exit 2
	check "save: a read-only workspace is refused, exit 2" test "$status" = 2
	check "save: the message says it cannot be written and nothing was saved" \
		grep -q "darf nicht geschrieben werden (das Laufwerk ist schreibgeschützt); .* gespeichert wurde nichts" "$T/err"
	check "save: read-only, the history is unchanged" test "$(git -C "$T/ro/ws" rev-parse HEAD)" = "$head_before"
	umount "$T/ro"
else
	skip "save: read-only workspace" "needs root for a read-only mount"
fi
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=1m tmpfs "$T/full" 2>/dev/null; then
	cp -a "$T/ws" "$T/full/ws"
	head_before=$(git -C "$T/full/ws" rev-parse HEAD)
	sed -i 's/an sieben Tagen/an neun Tagen/' "$T/full/ws/$DOC"
	cp "$T/full/ws/$DOC" "$T/edited.txt"
	dd if=/dev/zero of="$T/full/fill" bs=4k 2>/dev/null
	cd "$T/full/ws" && run save "$SLUG"
	cd "$T/ws" || exit 2
	check "save: a full disk is reported, exit 2" test "$status" = 2
	check "save: the message says the disk is full" grep -q "kein Speicherplatz mehr frei" "$T/err"
	check "save: full disk, the history is unchanged" test "$(git -C "$T/full/ws" rev-parse HEAD)" = "$head_before"
	same "save: full disk, the edited file is intact" "$T/edited.txt" "$T/full/ws/$DOC"
	rm -f "$T/full/fill"
	cd "$T/full/ws" && run save "$SLUG"
	cd "$T/ws" || exit 2
	check "save: with space again it saves" test "$(git -C "$T/full/ws" log -1 --format=%s)" = "Antwort zu Frage 2 und 3 überarbeitet"
	check "save: the repository is sound after the full disk" git -C "$T/full/ws" fsck --strict --no-progress --no-dangling
	umount "$T/full"
else
	skip "save: full disk" "needs root for a small mount"
fi

# --- two processes at once lose nothing ---------------------------------------
"$ANTWORT" import "$TOP/tests/fixtures/02-kleine-anfrage-vorlage.txt" >"$T/out" 2>&1
other=$(ls anfragen | grep -v "$SLUG" | grep -v videotelefonie | head -1)
ODOC=anfragen/$other/anfrage.txt
before=$(ncommits .)
saver() { # FILE SLUG TAG: 15 saves, each adding a numbered word to the last line
	i=1
	while [ $i -le 15 ]; do
		sed -i "\$s/\$/ $3$i/" "$1"
		"$ANTWORT" save "$2" >/dev/null 2>>"$T/conc.err"
		i=$((i + 1))
	done
}
# Packing after nearly every save, so that packs are also combined while
# the other process saves.
git config gc.auto 3
saver "$DOC" "$SLUG" eins & p1=$!
saver "$ODOC" "$other" zwei & p2=$!
wait $p1 $p2
git config --unset gc.auto
check "concurrency: every save of both processes is a commit" test "$(ncommits .)" = $((before + 30))
check "concurrency: no errors" test ! -s "$T/conc.err"
check "concurrency: the last version of each inquiry holds all its words" \
	sh -c "git show HEAD:$DOC | grep -q 'eins15\$' && git show HEAD:$ODOC | grep -q 'zwei15\$'"
git show "HEAD:$DOC" >"$T/c1"
git show "HEAD:$ODOC" >"$T/c2"
same "concurrency: committed and working file agree (1)" "$T/c1" "$DOC"
same "concurrency: committed and working file agree (2)" "$T/c2" "$ODOC"
check "concurrency: git fsck --strict is clean" git fsck --strict --no-progress --no-dangling

# --- a crash at any point leaves the old or the new version ------------------
i=0
while [ $i -lt 12 ]; do
	sed -i "\$s/\$/ absturz$i/" "$DOC"
	"$ANTWORT" save "$SLUG" >/dev/null 2>&1 &
	pid=$!
	sleep 0.00$i 2>/dev/null || sleep 1
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	i=$((i + 1))
done
# A killed git, antwort included, may leave its lock files; antwort names
# them (checked below), removing them is the person's decision.
rm -f .git/index.lock .git/refs/heads/main.lock
check "crash: git fsck is clean after killed saves" git fsck --strict --no-progress --no-dangling
check "crash: the working file reads as an inquiry" sh -c "'$ANTWORT' parse '$DOC' >/dev/null"
run save "$SLUG"
git show "HEAD:$DOC" >"$T/c1"
same "crash: the next save commits what is on disk" "$T/c1" "$DOC"

# --- packing -------------------------------------------------------------------
git config gc.auto 40
i=0
while [ $i -lt 12 ]; do
	sed -i "\$s/\$/ pack$i/" "$DOC"
	"$ANTWORT" save "$SLUG" >/dev/null 2>&1
	i=$((i + 1))
done
git count-objects -v >"$T/count"
check "pack: loose objects are packed when they pile up" grep -q '^packs: [1-9]' "$T/count"
check "pack: few loose objects remain" test "$(sed -n 's/^count: //p' "$T/count")" -le 40
# Each packing adds a pack; they are combined before they pile up.
git config gc.auto 5
i=0
while [ $i -lt 40 ]; do
	sed -i "\$s/\$/ viele$i/" "$DOC"
	"$ANTWORT" save "$SLUG" >/dev/null 2>&1
	i=$((i + 1))
done
check "pack: packs are combined before they pile up" test "$(ls .git/objects/pack/*.pack | wc -l)" -le 17
check "pack: after combining, the last save is there" sh -c "git show HEAD:$DOC | grep -q 'viele39\$'"
check "pack: git fsck --strict is clean" git fsck --strict --no-progress --no-dangling
check "pack: every version is still readable" \
	sh -c "git log --format=%H -- '$DOC' | while read c; do git show \$c:'$DOC' >/dev/null || exit 1; done"

# --- what a save reads -------------------------------------------------------
# The file is read once; the index entry is made from that read's stamp
# rather than by reading and hashing the file again.
cd "$T/ws" || exit 2
if command -v strace >/dev/null 2>&1; then
	printf '\nNoch ein Absatz.\n' >>"$DOC"
	# LeakSanitizer cannot run under ptrace: off for traced runs only.
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -e trace=openat -o "$T/trace" "$ANTWORT" save "$SLUG" >/dev/null 2>&1
	status=$?
	check "save: the file is read once, not again for the index" \
		sh -c "[ $status = 0 ] && [ \$(grep -c '$DOC\", O_RDONLY' '$T/trace') = 1 ]"
	check "save: git status is clean after that save too" test -z "$(git status --porcelain)"
	check "save: and the paragraph is in the version" sh -c "git show HEAD:$DOC | grep -q '^Noch ein Absatz.\$'"
else
	skip "save: the file is read once" "strace missing"
fi

# --- a merge conflict made with plain git, resolved and saved ---------------
# The index entry antwort writes replaces the conflict's stages, as
# git add would.
"$ANTWORT" init "$T/konflikt" >/dev/null 2>&1
cd "$T/konflikt" || exit 2
"$ANTWORT" import "$EX" >/dev/null 2>&1
KDOC=$(ls anfragen/*/anfrage.txt)
git checkout -q -b seite
sed -i 's/Brennstoffzellenantrieb/Wasserstoffantrieb/' "$KDOC"
git commit -qam "seite"
git checkout -q main
sed -i 's/Brennstoffzellenantrieb/Elektroantrieb/' "$KDOC"
git commit -qam "haupt"
git merge -q seite >/dev/null 2>&1
check "conflict: git leaves three stages of the file" test "$(git ls-files --stage "$KDOC" | wc -l)" = 3
git show main:"$KDOC" | sed 's/Elektroantrieb/Hybridantrieb/' >"$KDOC"
run save "$(basename "$(dirname "$KDOC")")"
check "conflict: the resolved file is saved" sh -c "[ $status = 0 ] && git show HEAD:'$KDOC' | grep -q Hybridantrieb"
check "conflict: the index holds the file once, resolved" \
	sh -c "git ls-files --stage '$KDOC' | grep -q ' 0	' && [ \$(git ls-files --stage '$KDOC' | wc -l) = 1 ]"
check "conflict: git status no longer lists it as unmerged" sh -c "! git status --porcelain | grep -q '^UU'"

# --- the versions cache over merges, odd messages and a cold start ------------
# A history made with plain git: a side branch, a merge that combines
# both sides' answers (a version), a merge that takes one side's text (no
# version), a subject with a tab and backslashes. The versions antwort
# lists must be exactly the commits whose document differs from that of
# every parent (worked out here with the git CLI), in git's date order,
# with the cache cold, warm and damaged alike.
"$ANTWORT" init "$T/zweige" >/dev/null 2>&1
cd "$T/zweige" || exit 2
"$ANTWORT" import "$EX" >/dev/null 2>&1
ZDOC=$(ls anfragen/*/anfrage.txt)
ZSLUG=$(basename "$(dirname "$ZDOC")")
n=0
at() { n=$((n + 1)); export GIT_AUTHOR_DATE="2026-01-01T10:$(printf %02d $n):00" GIT_COMMITTER_DATE="2026-01-01T10:$(printf %02d $n):00"; }
at; git checkout -q -b seite
sed -i 's/Brennstoffzellenantrieb/Wasserstoffantrieb/' "$ZDOC"; at; git commit -qam "seite: Antwort 1"
at; git checkout -q main
sed -i 's/an vier Tagen/an fünf Tagen/' "$ZDOC"; at; git commit -qam "$(printf 'haupt:\tTab und \\\\ Schrägstriche')"
at; git merge -q --no-edit seite >/dev/null
M1=$(git rev-parse HEAD)
git checkout -q -b nur-text seite~0
echo anderes >notiz.txt; git add notiz.txt; at; git commit -qm "nur eine Notiz"
git checkout -q main
sed -i 's/Wasserstoffantrieb/Brennstoffzellen-Antrieb/' "$ZDOC"; at; git commit -qam "haupt: Antwort 1 wieder"
at; git merge -q --no-edit -s ours nur-text >/dev/null
unset GIT_AUTHOR_DATE GIT_COMMITTER_DATE
# The oracle: a version differs from every parent's document.
for c in $(git rev-list --date-order HEAD); do
	b=$(git rev-parse -q --verify "$c:$ZDOC") || continue
	version=1
	for p in $(git rev-list --parents -n 1 "$c" | cut -d' ' -f2-); do
		[ "$(git rev-parse -q --verify "$p:$ZDOC")" = "$b" ] && version=0
	done
	[ $version = 1 ] && git rev-parse --short=7 "$c"
done >"$T/oracle"
check "branches: the history has merges" test "$(git rev-list --merges HEAD | wc -l)" = 2
rm -f .git/antwort/versionen
run log "$ZSLUG"
cut -c1-7 "$T/out" >"$T/cold"
same "branches: cold, the versions and their order are git's" "$T/oracle" "$T/cold"
run log "$ZSLUG"
cut -c1-7 "$T/out" >"$T/warm"
same "branches: warm, the same" "$T/oracle" "$T/warm"
check "branches: the tab and backslashes of a subject come back as they were" \
	grep -qF "$(printf 'haupt:\tTab und \\\\ Schrägstriche')" "$T/out"
check "branches: the merge's line has a changes field for each parent" \
	sh -c "grep '^$M1' .git/antwort/versionen | awk -F'\t' '{ exit !(NF == 10) }'"
# A line that lost its changes fields, and one with a malformed change.
sed -i "s/^\($M1\t.*\)\t[^\t]*\t[^\t]*\$/\1/" .git/antwort/versionen
sed -i "s/^\($(git rev-parse HEAD~1)\t.*\t$ZSLUG:\)[0-9a-f]*/\1xyz/" .git/antwort/versionen
sed -i "s/^\($(git rev-parse seite)\t.*\)\t[^\t]*\$/\1/" .git/antwort/versionen
check "branches: the damage is there" \
	sh -c "grep '^$M1' .git/antwort/versionen | awk -F'\t' '{ exit !(NF == 8) }' && grep -q '$ZSLUG:xyz' .git/antwort/versionen &&
	       grep '^$(git rev-parse seite)' .git/antwort/versionen | awk -F'\t' '{ exit !(NF == 8) }'"
run log "$ZSLUG"
cut -c1-7 "$T/out" >"$T/mended"
same "branches: lines cut short or with a malformed change are worked out again" "$T/oracle" "$T/mended"
