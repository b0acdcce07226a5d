#!/bin/sh
# test_man.sh: the man page renders without warnings.
. "$(dirname "$0")/../lib.sh"
if ! command -v groff >/dev/null 2>&1; then
	skip "man: the man page lints clean" "groff fehlt"
	exit 0
fi
groff -man -ww -z -K utf8 docs/antwort.1 >"$T/out" 2>"$T/err"
status=$?
check "man: the man page lints clean" sh -c "[ $status = 0 ] && [ ! -s '$T/err' ]"
groff -man -Tutf8 -K utf8 docs/antwort.1 2>/dev/null >"$T/out"
check "man: the man page documents parse and export" sh -c "grep -q 'parse' '$T/out' && grep -q 'export' '$T/out'"
