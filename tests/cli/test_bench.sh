#!/bin/sh
# test_bench.sh: a smoke run of `make bench` at tiny sizes (bench/run.sh with
# BENCH_SIZE=smoke), so that the bench cannot rot unnoticed. It checks the
# content of the table only: every row is there, the figures are figures,
# results.md is written. No timing is ever asserted.
. "$(dirname "$0")/../lib.sh"
TOP=$(pwd)
GEN=${BUILD_DIR:-build}/bench-gen
if [ ! -x "$GEN" ]; then
	GEN=$T/bench-gen
	cc -std=c17 -D_DEFAULT_SOURCE -O1 -o "$GEN" bench/gen.c || { fail "bench: gen.c builds"; exit 0; }
fi

# --- the generator is deterministic and writes the canonical layout ----------
"$GEN" doc 5 300 >"$T/a.txt" && "$GEN" doc 5 300 >"$T/b.txt"
same "bench: gen doc gives the same bytes every time" "$T/a.txt" "$T/b.txt"
check "bench: gen doc has 5 questions and their answers" \
	sh -c "[ \$(grep -c '^Zu Frage [0-9]*:\$' '$T/a.txt') = 5 ] && grep -qx '5\\. .*?“' '$T/a.txt'"
run parse "$T/a.txt"
check "bench: antwort parse reads the generated inquiry without doubts" test "$status" = 0
check "bench: it finds 5 questions" grep -qx 'Fragen: 5' "$T/out"
run check --alles "$T/a.txt"
check "bench: the generated text has no spelling or style findings" \
	sh -c "[ $status = 0 ] && [ ! -s '$T/out' ]"
"$GEN" history 5 300 3 0000000000000000000000000000000000000000 a/anfrage.txt >"$T/h1"
"$GEN" history 5 300 3 0000000000000000000000000000000000000000 a/anfrage.txt >"$T/h2"
same "bench: gen history gives the same stream every time" "$T/h1" "$T/h2"
check "bench: gen history writes 3 commits with the trailer antwort save writes" \
	sh -c "[ \$(grep -c '^commit refs/heads/main\$' '$T/h1') = 3 ] && [ \$(grep -c '^Antworten: [0-9]*\$' '$T/h1') = 3 ]"

# --- the smoke run ---------------------------------------------------------------
BENCH_SIZE=smoke BENCH_DATA="$T/data" BENCH_OUT="$T/results.md" \
	sh bench/run.sh "$ANTWORT" "$GEN" >"$T/table" 2>"$T/err"
status=$?
check "bench: the smoke run exits 0" test "$status" = 0
check "bench: no sanitizer report from antwort in the bench" \
	sh -c "! grep -qE 'Sanitizer|runtime error:' '$T/data/stderr.log' '$T/err'"
same "bench: results.md holds the table that was printed" "$T/table" "$T/results.md"
check "bench: the header names the sizes" grep -q '5 Fragen, .* 20 Versionen, 100 Tastendrücke' "$T/table"
for m in "Öffnen und Lesen" "Erster Bildschirm" "Rechtschreibung" "Tastendruck, Mittel" \
	"Tastendruck, Median (je Taste gemessen)" "Tastendruck, schlechtester" "Sichern im Editor" "Sichern als Befehl" "Wortvergleich" \
	"antwort log über 20 Versionen" "Spitzenspeicher"; do
	check "bench: the table has the row „$m“" grep -q "^| $m" "$T/table"
done
# Every measured row: antwort's figure is a number with its unit, and where a
# reference was measured, its figure and the ratio are numbers too.
awk -F' [|] ' '/^[|] / && !/^[|] Messung/ && !/nicht messbar/ {
	if ($2 !~ /^[0-9]+\.[0-9]+ (ms|MiB)$/) { print "antwort: " $0; bad = 1 }
	if ($3 ~ /^[0-9]/ && $3 !~ /^[0-9]+\.[0-9]+ ms [(]/) { print "Referenz: " $0; bad = 1 }
	if ($3 ~ /^[0-9]/ && $4 !~ /^[0-9]+\.[0-9]+×$/) { print "Verhältnis: " $0; bad = 1 }
	if ($6 !~ /^(ja|nein|–) [|]$/) { print "erreicht: " $0; bad = 1 }
} END { exit bad }' "$T/table" >"$T/bad"
check "bench: every figure and ratio is a number (none asserted)" test ! -s "$T/bad"
[ -s "$T/bad" ] && cat "$T/bad"
check "bench: git and antwort references both measured" \
	sh -c "grep -q '(git commit -q -a) | [0-9.]*×' '$T/table' && grep -q '(git log --oneline) | [0-9.]*×' '$T/table' && grep -q '(git diff --word-diff) | [0-9.]*×' '$T/table'"
check "bench: the workspace has the generated history (import + 20 + the saves)" \
	test "$(git -C "$T/data/ws" rev-list --count HEAD)" -ge 22
check "bench: the bench's saves are commits antwort made, the workspace is clean" \
	test -z "$(git -C "$T/data/ws" status --porcelain)"
cd "$TOP" || exit 2
