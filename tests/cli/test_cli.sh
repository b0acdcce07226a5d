#!/bin/sh
# test_cli.sh: antwort parse and antwort export as a person uses them.
. "$(dirname "$0")/../lib.sh"
FIX=tests/fixtures
SHARED=${ANTWORT_SHARED:-../shared}

# --- help and version, in German ---------------------------------------
run --help
check "cli: --help lists the commands in German" \
	grep -q '^  parse    zeigt, wie antwort eine Anfrage' "$T/out"
check "cli: --help exits 0" test "$status" = 0
run --version
check "cli: --version names the version" grep -qE '^antwort [0-9]+\.[0-9]+\.[0-9]+$' "$T/out"
run parse --help
check "cli: parse --help explains the command" grep -q '^Aufruf: antwort parse \[--format text|json\] \[--explain\] \[--nur N\] DATEI' "$T/out"
run export --help
check "cli: export --help explains the formats" grep -q 'txt (Voreinstellung), md oder html' "$T/out"
run help export
check "cli: 'antwort help export' shows the command's help" grep -q '^Aufruf: antwort export' "$T/out"

# --- bad usage: exit 1, one sentence that says what to do ---------------
run frobnicate
check "cli: unknown command exits 1" test "$status" = 1
check "cli: unknown command is named, with the remedy" \
	grep -qx 'antwort: Den Befehl „frobnicate“ gibt es nicht; „antwort --help“ zeigt alle Befehle.' "$T/err"
run
check "cli: no command shows the help on stderr, exit 1" sh -c "[ $status = 1 ] && grep -q '^Befehle:' '$T/err'"
run parse
check "cli: parse without a file says what is missing" \
	grep -qx 'antwort: Es fehlt die Datei, die gelesen werden soll; „antwort parse --help“ zeigt, wie der Befehl aufgerufen wird.' "$T/err"
run parse --format yaml "$FIX/01-fragestunde-landtag.txt"
check "cli: unknown parse format refused, exit 1" sh -c "[ $status = 1 ] && grep -q 'Das Format „yaml“ gibt es nicht' '$T/err'"
run export --format pdf "$FIX/01-fragestunde-landtag.txt"
check "cli: unknown export format refused" grep -q 'nur „txt“, „md“ und „html“' "$T/err"
run export "$FIX/01-fragestunde-landtag.txt" -o
check "cli: -o without a value refused" grep -q 'Nach „-o“ fehlt der Wert' "$T/err"
run parse --gibtsnicht x.txt
check "cli: unknown option refused" sh -c "[ $status = 1 ] && grep -q 'Die Option „--gibtsnicht“ gibt es nicht' '$T/err'"

# --- the structure of every fixture --------------------------------------
n=0
for f in "$FIX"/*.txt; do
	n=$((n + 1))
	run parse "$f"
	same "parse: structure of $(basename "$f")" "${f%.txt}.expect" "$T/out"
done
check "parse: at least 12 fixtures" test "$n" -ge 12

# Text as it really arrives: PDF copies, web pages, other parliaments.
for f in tests/import/*.txt; do
	run parse "$f"
	same "import: structure of $(basename "$f")" "${f%.txt}.expect" "$T/out"
	# The cleaned document, written and read again, stays byte for byte.
	"$ANTWORT" export "$f" >"$T/w1.txt" 2>/dev/null
	"$ANTWORT" export "$T/w1.txt" >"$T/w2.txt" 2>/dev/null
	same "import: $(basename "$f") cleaned, written and read again stays the same" "$T/w1.txt" "$T/w2.txt"
done

run parse "$FIX/01-fragestunde-landtag.txt"
check "parse: a clean document exits 0" test "$status" = 0
printf 'Wir fragen den Senat:\n\n1. A?\n2. B?\n4. D?\n' >"$T/gap.txt"
run parse "$T/gap.txt"
check "parse: doubts are shown as hints and exit 1" sh -c "[ $status = 1 ] && grep -q '^Hinweise:' '$T/out' && grep -q 'Auf Frage 2 folgt Frage 4' '$T/out'"

# --- JSON -----------------------------------------------------------------
run parse --format json "$FIX/02-kleine-anfrage-vorlage.txt"
check "json: kind and number" sh -c "grep -q '\"kind\": \"kleine_anfrage\",' '$T/out' && grep -q '\"number\": \"21/345\",' '$T/out'"
check "json: an answer covering questions 3 to 5" grep -q '"questions": \[3, 4, 5\],' "$T/out"
check "json: session date in ISO form" grep -q '"session_date": "2024-05-07",' "$T/out"
run parse -f json "$FIX/03-grosse-anfrage-unterpunkte.txt"
check "json: sub-items with label and text" grep -q '{"label": "a", "text": ' "$T/out"
printf 'Wir fragen den Senat:\n\n1. Sagt er „Nein“ oder "Ja"\\?\n' >"$T/esc.txt"
run parse --format=json "$T/esc.txt"
check "json: quotes and backslashes escaped" grep -qF '"text": "Sagt er „Nein“ oder \"Ja\"\\?",' "$T/out"
if command -v python3 >/dev/null 2>&1; then
	for f in "$FIX"/*.txt; do
		"$ANTWORT" parse --format json "$f" >"$T/j.json" 2>/dev/null
		if ! python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/j.json" 2>"$T/err"; then
			fail "json: valid JSON for $(basename "$f")" "$(cat "$T/err")"
		fi
	done
	pass "json: every fixture gives JSON that a parser accepts"
else
	skip "json: every fixture gives JSON that a parser accepts" "python3 fehlt"
fi

# --- export ---------------------------------------------------------------
ex=share/examples/vorlage-2024-05-14-L7-wasserstoffbusse.txt
run export "$ex"
same "export txt: the bundled example written back byte for byte" "$ex" "$T/out"
run export "$ex" --format md -o "$T/a.md"
check "export md: written to the -o file" grep -q '^## Zu Frage 2 und 3:$' "$T/a.md"
check "export md: nothing on stdout with -o" test ! -s "$T/out"
run export --format html "$ex" --output "$T/a.html"
check "export html: standalone page with the title" sh -c "grep -q '^<!DOCTYPE html>' '$T/a.html' && grep -q '<title>L7 – Wasserstoffbusse im Bremer Nahverkehr</title>' '$T/a.html'"
run export "$FIX/05-anfrage-mit-kopf-ohne-antworten.txt"
check "export txt: an inquiry alone becomes the Vorlage skeleton" sh -c "grep -q '^Der Senat beantwortet die' '$T/out' && [ \$(grep -c '^Zu Frage [0-9]*:\$' '$T/out') -ge 2 ]"
cat "$ex" | "$ANTWORT" export - >"$T/stdin.txt" 2>"$T/err"
same "export: '-' reads standard input" "$ex" "$T/stdin.txt"
cp "$FIX/13-crlf.txt" "$T/crlf.txt"
run export "$T/crlf.txt"
cr=$(printf '\r')
check "export txt: CRLF line ends kept" sh -c "grep -q '$cr\$' '$T/out' && ! grep -qv '$cr\$' '$T/out'"
run export "$FIX/12-bom.txt"
check "export txt: BOM kept" sh -c "head -c 3 '$T/out' | od -An -tx1 | grep -q 'ef bb bf'"

# The real example from ../shared, byte for byte.
if [ -d "$SHARED/examples" ]; then
	for f in "$SHARED"/examples/*.txt; do
		run export "$f"
		same "export txt: $(basename "$f") written back byte for byte" "$f" "$T/out"
		run export "$f" -o "$T/copy.txt"
		run parse --format json "$f"
		cp "$T/out" "$T/j1"
		run parse --format json "$T/copy.txt"
		same "parse: $(basename "$f") read, written, read gives the same structure" "$T/j1" "$T/out"
	done
else
	skip "export txt: the real example written back byte for byte" "../shared fehlt"
fi

# --- bad input: a clear message, nothing written ---------------------------
printf 'Wir fragen den Senat:\n\n1. Gr\374\337e?\n' >"$T/latin1.txt"
printf 'alt\n' >"$T/keep.txt"
run export "$T/latin1.txt" -o "$T/keep.txt"
check "bad input: broken UTF-8 exits 2" test "$status" = 2
check "bad input: broken UTF-8 named with file, line and column" \
	grep -qx "antwort: $T/latin1.txt, Zeile 3, Spalte 6: Hier steht kein gültiges UTF-8; speichern Sie die Datei im Editor als „UTF-8“ und versuchen Sie es erneut." "$T/err"
check "bad input: the output file is untouched" sh -c "[ \"\$(cat '$T/keep.txt')\" = alt ]"
check "bad input: nothing on stdout" test ! -s "$T/out"
printf 'Wir fragen\000 den Senat:\n' >"$T/nul.txt"
run parse "$T/nul.txt"
check "bad input: a NUL byte is named with line and column" sh -c "[ $status = 2 ] && grep -q 'nul.txt, Zeile 1, Spalte 11: Die Datei enthält ein Nullbyte' '$T/err'"
run export "$T/nul.txt" -o "$T/new.txt"
check "bad input: no output file is created" test ! -e "$T/new.txt"
run parse "$T/gibtsnicht.txt"
check "bad input: a missing file exits 2 with the reason" sh -c "[ $status = 2 ] && grep -q 'gibtsnicht.txt lässt sich nicht öffnen (Datei oder Ordner nicht gefunden); prüfen Sie' '$T/err'"
run parse "$T"
check "bad input: a folder is refused" grep -q 'ist ein Ordner, keine Datei' "$T/err"
: >"$T/empty.txt"
run parse "$T/empty.txt"
check "bad input: an empty file is refused" sh -c "[ $status = 2 ] && grep -q 'empty.txt enthält keinen Text' '$T/err'"
# A read-only file system and a full disk, made for real where we may
# mount (root); elsewhere a folder without write permission stands in.
mkdir -p "$T/ro" "$T/full"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o ro,size=64k tmpfs "$T/ro" 2>/dev/null; then
	run export "$ex" -o "$T/ro/out.txt"
	umount "$T/ro"
	check "bad input: a read-only file system is named, exit 2" sh -c "[ $status = 2 ] && grep -q 'out.txt konnte nicht geschrieben werden (das Laufwerk ist schreibgeschützt)' '$T/err'"
elif [ "$(id -u)" != 0 ]; then
	chmod 555 "$T/ro"
	run export "$ex" -o "$T/ro/out.txt"
	check "bad input: a read-only folder is refused" sh -c "[ $status = 2 ] && grep -q 'konnte nicht geschrieben werden' '$T/err'"
else
	skip "bad input: a read-only file system is named" "tmpfs lässt sich nicht einhängen"
fi
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=32k tmpfs "$T/full" 2>/dev/null; then
	printf 'alte Fassung\n' >"$T/full/keep.txt"
	dd if=/dev/zero of="$T/full/filler" bs=1k count=64 2>/dev/null
	run export "$ex" -o "$T/full/keep.txt"
	left=$(ls "$T/full" | tr '\n' ' ')
	kept=$(cat "$T/full/keep.txt")
	umount "$T/full"
	check "bad input: a full disk is named, exit 2" sh -c "[ $status = 2 ] && grep -q 'keep.txt konnte nicht geschrieben werden (kein Speicherplatz mehr frei)' '$T/err'"
	check "bad input: on a full disk the old file is kept whole" test "$kept" = "alte Fassung"
	check "bad input: on a full disk no temporary file is left" test "$left" = "filler keep.txt "
else
	skip "bad input: a full disk keeps the old file" "tmpfs lässt sich nicht einhängen"
fi
run export "$ex" -o "$T/gibtsnicht/out.txt"
check "bad input: a missing output folder is named" sh -c "[ $status = 2 ] && grep -q 'gibtsnicht/out.txt konnte nicht geschrieben werden' '$T/err'"
if [ -w /dev/full ]; then
	"$ANTWORT" export "$ex" >/dev/full 2>"$T/err"
	status=$?
	check "bad input: a full disk on output exits 2 and says so" sh -c "[ $status = 2 ] && grep -qx 'antwort: Die Ausgabe ließ sich nicht schreiben (kein Speicherplatz mehr frei); prüfen Sie, wohin sie umgeleitet ist, und ob dort Platz frei ist.' '$T/err'"
fi
printf 'alt\n' >"$T/ziel.txt"
ln -s ziel.txt "$T/verweis.txt"
run export "$ex" -o "$T/verweis.txt"
check "export: through a symbolic link the file it points to is replaced, the link stays" \
	sh -c "[ -L '$T/verweis.txt' ] && cmp -s '$ex' '$T/ziel.txt'"
check "bad input: no temporary files left behind" sh -c "! ls '$T' | grep -q '\\.tmp\\.'"
