#!/bin/sh
# bench/run.sh ANTWORT GEN: measures antwort against the tools a user would
# otherwise use, on the same data in the same run, and prints the ratios as
# a Markdown table (also written to $BENCH_OUT, default bench/results.md).
#
#   BENCH_SIZE=full   200 questions, 60,000 words, 2,000 versions, 10,000
#                     keystrokes, 5 runs each (BENCH_RUNS overrides)
#   BENCH_SIZE=smoke  5 questions, 300 words, 20 versions, 100 keystrokes,
#                     1 run: only proves the bench still works
#   BENCH_DATA        where the data is generated (default
#                     ${TMPDIR:-/tmp}/antwort-bench, outside any repository; it is
#                     replaced on every run)
#
# Times are wall-clock medians from `date +%s%N` around each process; peak
# memory is GNU time's %M. Nothing here asserts a timing: the last column
# only reports whether the issue's target is met in this run.
set -u

if [ $# != 2 ]; then
	echo "Aufruf: sh bench/run.sh ANTWORT GEN" >&2
	exit 1
fi
abs() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd)" "$(basename "$1")"); }
ANTWORT=$(abs "$1")
GEN=$(abs "$2")
OUT=${BENCH_OUT:-bench/results.md}
case $OUT in /*) ;; *) OUT=$(pwd)/$OUT ;; esac
D=${BENCH_DATA:-${TMPDIR:-/tmp}/antwort-bench}

case ${BENCH_SIZE:-full} in
full)  Q=200 W=60000 V=2000 KEYS=10000 RUNS=${BENCH_RUNS:-5} BACK=50 ;;
smoke) Q=5 W=300 V=20 KEYS=100 RUNS=${BENCH_RUNS:-1} BACK=5 ;;
*) echo "run.sh: BENCH_SIZE ist full oder smoke" >&2; exit 1 ;;
esac

rm -rf "$D" && mkdir -p "$D/home" || exit 2
D=$(cd "$D" && pwd)
# Hermetic: no user configuration, a fixed identity, time zone and locale.
export HOME="$D/home" XDG_CONFIG_HOME="$D/home/.config" XDG_DATA_HOME="$D/home/.local/share"
export TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8 GIT_CONFIG_NOSYSTEM=1 GIT_PAGER=cat PAGER=cat
git config --global user.name "Bench Mark"
git config --global user.email bench@example.org
git config --global init.defaultBranch main

die() { echo "run.sh: $*" >&2; exit 2; }
note() { printf '%s\n' "$*" >&2; }

# --- the data --------------------------------------------------------------
note "Daten: $Q Fragen, $W Wörter, $V Versionen, $KEYS Tastendrücke, $RUNS Läufe"
"$GEN" doc "$Q" "$W" >"$D/anfrage.txt" || die "gen doc fehlgeschlagen"
WS=$D/ws
"$ANTWORT" init "$WS" >/dev/null || die "antwort init fehlgeschlagen"
(cd "$WS" && "$ANTWORT" import "$D/anfrage.txt" >/dev/null) || die "antwort import fehlgeschlagen"
SLUG=$(ls "$WS/anfragen")
DOC=anfragen/$SLUG/anfrage.txt
cmp -s "$D/anfrage.txt" "$WS/$DOC" || note "Warnung: import hat den erzeugten Text verändert"
# The history: VERSIONS commits of one changed word each, as antwort save
# would have written them, appended on top of the import by fast-import.
"$GEN" history "$Q" "$W" "$V" "$(git -C "$WS" rev-parse HEAD)" "$DOC" |
	git -C "$WS" fast-import --quiet || die "git fast-import fehlgeschlagen"
git -C "$WS" reset -q --hard || die "git reset fehlgeschlagen"
REV1=$(git -C "$WS" rev-parse --short "HEAD~$BACK")
REV2=$(git -C "$WS" rev-parse --short HEAD)
FILE=$WS/$DOC
# The reference repository for `git commit`: an identical copy.
cp -a "$WS" "$D/ref" || die "Kopie fehlgeschlagen"
REF=$D/ref

# The editor's scripts: only the first screen; and KEYS keystrokes typed
# into an answer (words and Enter, ASCII so that one byte is one key).
printf 'screen\n' >"$D/screen.keys"
awk -v n="$KEYS" 'BEGIN {
	split("Senat Verwaltung Kosten Programm und der mit Mittel Planung Bericht", w, " ")
	print "key Tab Tab C-End"
	left = n - 1; line = ""; i = 0
	while (left > 0) {
		word = w[i++ % 10 + 1] " "
		if (length(line) + length(word) > 70 || length(word) > left) {
			if (line != "") { print "type " line; line = "" }
			if (left > 0) { print "key Enter"; left-- }
			continue
		}
		line = line word; left -= length(word)
	}
	if (line != "") print "type " line
}' >"$D/keys.keys"

# --- measuring -----------------------------------------------------------------
now() { date +%s%N; }
# once CMD...: runs CMD quietly in the current folder, prints its wall time
# in microseconds. Its stderr is kept in $D/stderr.log; a failing command
# (exit above 1) is noted in $D/failed and fails the bench at the end,
# since its time means nothing.
once() {
	s=$(now)
	"$@" >/dev/null 2>>"$D/stderr.log"
	rc=$?
	e=$(now)
	if [ "$rc" -gt 1 ]; then
		note "fehlgeschlagen (Exit $rc): $*"
		echo "$*: Exit $rc" >>"$D/failed"
	fi
	echo $(((e - s) / 1000))
}
median() { sort -n | awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : "" }'; }
# med CMD...: the median of RUNS runs, in microseconds.
med() {
	k=0
	while [ "$k" -lt "$RUNS" ]; do once "$@"; k=$((k + 1)); done | median
}

edit() { ANTWORT_SCRIPT="$1" ANTWORT_SCREEN=100x40 "$ANTWORT" edit "$SLUG"; }
# Saves and their references: each save's text is kept (version K of
# kind NAME in $D/NAME.K), and git commits the very same text in the copy
# right after, so that both meet the machine in the same mood (shared
# machines have slow spells lasting seconds).
# One word of the last line changed, then `antwort save`.
save_once() {
	case $(sed -n '$s/ .*//p' "$FILE") in Zudem) new=Ferner ;; *) new=Zudem ;; esac
	sed -i "\$s/^[^ ]*/$new/" "$FILE"
	(cd "$WS" && once "$ANTWORT" save "$SLUG")
	cp "$FILE" "$D/cli.$1"
}
# The editor's save, as people save: one word typed into an answer, then
# ^S; its time is that of the ^S key alone (ANTWORT_KEYTIMES: handling
# and redraw).
printf 'key Tab Tab C-End\ntype  Zudem\nkey ^S\n' >"$D/save.keys"
edsave_once() {
	before=$(git -C "$WS" rev-parse HEAD)
	ANTWORT_KEYTIMES="$D/kt" ANTWORT_SCRIPT="$D/save.keys" ANTWORT_SCREEN=100x40 \
		"$ANTWORT" edit "$SLUG" >/dev/null 2>>"$D/stderr.log"
	if [ "$(git -C "$WS" rev-parse HEAD)" = "$before" ]; then
		note "Sichern im Editor: keine neue Version"
		echo "Sichern im Editor: keine neue Version" >>"$D/failed"
	fi
	tail -n 1 "$D/kt"
	cp "$FILE" "$D/ed.$1"
}
# commit_once NAME K: the reference for save K of kind NAME.
commit_once() {
	cp "$D/$1.$2" "$REF/$DOC"
	(cd "$REF" && once git commit -q -a -m x)
}

cd "$WS" || exit 2
note "Öffnen und Lesen …";     parse=$(med "$ANTWORT" parse "$FILE");  cat_=$(med cat "$FILE")
note "Erster Bildschirm …";    screen=$(med edit "$D/screen.keys")
note "Rechtschreibung …";      check=$(med "$ANTWORT" check --alles "$FILE")
if command -v hunspell >/dev/null 2>&1; then
	hun=$(med hunspell -l -d de_DE "$FILE")
else
	hun=""; note "hunspell fehlt (make bench installiert es): keine Referenz"
fi
note "Tastendrücke …";         keys=$(med edit "$D/keys.keys")
git -C "$WS" status --porcelain | grep -q . && git -C "$WS" checkout -q -- . # nothing was saved
note "Wortvergleich …";        diff=$(med "$ANTWORT" diff "$SLUG" "$REV1" "$REV2")
gdiff=$(med git diff --word-diff "$REV1" "$REV2" -- "$DOC")
note "Versionsliste …";        log=$(med "$ANTWORT" log "$SLUG");     glog=$(med git log --oneline)
note "Sichern …"
: >"$D/save"; : >"$D/commit"; : >"$D/edsave"; : >"$D/edcommit"
k=0
while [ "$k" -lt "$RUNS" ]; do
	save_once "$k" >>"$D/save"
	commit_once cli "$k" >>"$D/commit"
	k=$((k + 1))
done
k=0
while [ "$k" -lt "$RUNS" ]; do
	(cd "$WS" && edsave_once "$k") >>"$D/edsave"
	commit_once ed "$k" >>"$D/edcommit"
	k=$((k + 1))
done
git -C "$WS" status --porcelain | grep -q . && die "Sichern hat nicht alles gesichert"
save=$(median <"$D/save"); commit=$(median <"$D/commit")
edsave=$(median <"$D/edsave"); edcommit=$(median <"$D/edcommit")
note "Zeit je Taste …"
# The headless editor writes each key's time (handling and redraw) in
# microseconds when ANTWORT_KEYTIMES names a file.
ANTWORT_KEYTIMES="$D/keytimes" ANTWORT_SCRIPT="$D/keys.keys" ANTWORT_SCREEN=100x40 \
	"$ANTWORT" edit "$SLUG" >/dev/null 2>>"$D/stderr.log"
git -C "$WS" status --porcelain | grep -q . && git -C "$WS" checkout -q -- .
key_med=$(median <"$D/keytimes")
key_max=$(sort -n "$D/keytimes" | tail -n 1)
note "Speicher …"
rss=""
if [ -x /usr/bin/time ]; then
	ANTWORT_SCRIPT="$D/keys.keys" ANTWORT_SCREEN=100x40 /usr/bin/time -f %M -o "$D/rss" \
		"$ANTWORT" edit "$SLUG" >/dev/null 2>&1
	rss=$(tail -1 "$D/rss")
	case $rss in *[!0-9]* | "") note "kein Spitzenspeicher: $rss"; rss="" ;; esac
	git -C "$WS" status --porcelain | grep -q . && git -C "$WS" checkout -q -- .
else
	note "/usr/bin/time fehlt (make bench installiert es): kein Spitzenspeicher"
fi

# --- the table -----------------------------------------------------------------
# row MEASURE ANTWORT-µs REFERENCE-NAME REFERENCE-µs TARGET-RATIO|"" ABS-TARGET-µs|"" TARGET-TEXT
row() {
	awk -v m="$1" -v a="$2" -v rn="$3" -v r="$4" -v tr="$5" -v ta="$6" -v tt="$7" 'BEGIN {
		ms = (a == "") ? "–" : sprintf("%.2f ms", a / 1000)
		ref = (r == "") ? rn : sprintf("%.2f ms (%s)", r / 1000, rn)
		ratio = (a == "" || r == "" || r == 0) ? "–" : sprintf("%.2f×", a / r)
		met = "–"
		if (tr != "" && a != "" && r != "" && r > 0) met = (a / r <= tr) ? "ja" : "nein"
		if (ta != "" && a != "") met = (a <= ta) ? "ja" : "nein"
		printf "| %s | %s | %s | %s | %s | %s |\n", m, ms, ref, ratio, tt, met
	}'
}
per_key=$(awk -v k="$keys" -v s="$screen" -v n="$KEYS" 'BEGIN { v = (k - s) / n; printf "%.3f", v < 0 ? 0 : v }')
{
	echo "$("$ANTWORT" --version 2>/dev/null | head -1), $(date -u +%Y-%m-%d), $(uname -m), $(nproc 2>/dev/null || echo ?) CPUs;" \
		"$Q Fragen, $(wc -w <"$D/anfrage.txt") Wörter ($(wc -c <"$D/anfrage.txt") Bytes), $V Versionen, $KEYS Tastendrücke; Median aus $RUNS Läufen"
	echo
	echo "| Messung | antwort | Referenz (gleicher Lauf) | Verhältnis | Ziel | erreicht |"
	echo "|---|---|---|---|---|---|"
	row "Öffnen und Lesen (antwort parse)" "$parse" "cat, Untergrenze" "$cat_" "" "" "–"
	row "Erster Bildschirm im Editor" "$screen" "–" "" "" 150000 "< 150 ms"
	row "Rechtschreibung des ganzen Texts (check --alles)" "$check" "hunspell -l -d de_DE" "$hun" 1 "" "≤ 1× hunspell -l"
	row "Tastendruck, Mittel ((gesamt − Start) / $KEYS)" "$per_key" "–" "" "" 1000 "< 1 ms Median"
	row "Tastendruck, Median (je Taste gemessen)" "$key_med" "–" "" "" 1000 "< 1 ms"
	row "Tastendruck, schlechtester" "$key_max" "–" "" "" 5000 "< 5 ms"
	row "Sichern im Editor (^S nach einem getippten Wort)" "$edsave" "git commit -q -a" "$edcommit" 0.5 "" "< 0.5× git commit"
	row "Sichern als Befehl (antwort save, ein Wort geändert)" "$save" "git commit -q -a" "$commit" 0.5 "" "< 0.5× git commit"
	row "Wortvergleich zweier Versionen ($BACK auseinander)" "$diff" "git diff --word-diff" "$gdiff" 1 "" "≤ 1× git diff --word-diff"
	row "antwort log über $V Versionen" "$log" "git log --oneline" "$glog" 1 "" "≤ 1× git log --oneline"
	if [ -n "$rss" ]; then
		awk -v k="$rss" 'BEGIN { printf "| Spitzenspeicher (RSS) des Editors mit dem Dokument | %.1f MiB | – | – | < 64 MiB | %s |\n", k / 1024, (k < 65536) ? "ja" : "nein" }'
	else
		echo "| Spitzenspeicher (RSS) des Editors mit dem Dokument | – | – | – | < 64 MiB | – |"
	fi
} >"$D/table"
cat "$D/table"
cp "$D/table" "$OUT" || die "kann $OUT nicht schreiben"
note "geschrieben: $OUT"
if [ -s "$D/failed" ]; then
	note "Diese Messungen sind fehlgeschlagen, ihre Zeiten gelten nicht:"
	sed 's/^/  /' "$D/failed" >&2
	exit 2
fi
