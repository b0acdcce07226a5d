#!/bin/sh
# test_install.sh: make install and uninstall honour PREFIX and DESTDIR.
. "$(dirname "$0")/../lib.sh"
D="$T/dest"
make --no-print-directory -s install DESTDIR="$D" PREFIX=/opt/aw BUILD="${BUILD_DIR:-build}" >"$T/out" 2>&1
check "install: the binary under DESTDIR/PREFIX" test -x "$D/opt/aw/bin/antwort"
check "install: the man page" test -f "$D/opt/aw/share/man/man1/antwort.1"
check "install: examples, templates and dict in share/antwort" \
	sh -c "ls '$D/opt/aw/share/antwort/examples/'*.txt >/dev/null && test -d '$D/opt/aw/share/antwort/templates' && test -d '$D/opt/aw/share/antwort/dict'"
check "install: the house style rules in share/antwort" \
	cmp -s share/stil.regeln "$D/opt/aw/share/antwort/stil.regeln"
check "install: the project word list in share/antwort/dict" \
	cmp -s dict/woerter.txt "$D/opt/aw/share/antwort/dict/woerter.txt"
"$D/opt/aw/bin/antwort" --version >"$T/out" 2>&1
check "install: the installed binary runs" grep -q '^antwort ' "$T/out"
# Staged under DESTDIR, the binary finds its rules beside itself
# (../share/antwort), not in the source tree it was built in.
if [ -r "${ANTWORT_DICT:-/usr/share/hunspell/de_DE}.dic" ]; then
	printf 'Das gilt z.B. hier.\n' >"$T/zb.txt"
	printf '\nregel: hier\nmeldung: Regel der Installation.\n' >>"$D/opt/aw/share/antwort/stil.regeln"
	(cd "$T" && "$D/opt/aw/bin/antwort" check zb.txt >"$T/out" 2>"$T/err")
	check "install: the installed binary applies house style rules" \
		sh -c "grep -q '^zb.txt:1:10: Stil: Zwischen die Teile' '$T/out' && [ ! -s '$T/err' ]"
	# An installation in the default place is preferred to the staged one.
	if [ -e /usr/local/share/antwort/stil.regeln ]; then
		skip "install: the staged rules beside the binary" "antwort ist unter /usr/local installiert"
	else
		check "install: the staged rules beside the binary" \
			grep -qx 'zb.txt:1:15: Stil: Regel der Installation.' "$T/out"
	fi
else
	skip "install: the installed binary applies house style rules" "kein deutsches Wörterbuch"
fi
# The example templates are installed and found beside the binary.
check "install: the example templates in share/antwort/templates" \
	sh -c "[ \$(find '$D/opt/aw/share/antwort/templates' -name '*.txt' | wc -l) -ge 12 ]"
if [ -e /usr/local/share/antwort/stil.regeln ]; then
	skip "install: the installed binary lists the installed templates" "antwort ist unter /usr/local installiert"
else
	(cd "$T" && "$D/opt/aw/bin/antwort" template show keine-erkenntnisse >"$T/out" 2>"$T/err")
	check "install: the installed binary reads the installed templates" \
		grep -qx "Datei:           $D/opt/aw/bin/../share/antwort/templates/inneres/keine-erkenntnisse.txt" "$T/out"
fi
check "install: nothing written outside DESTDIR" test ! -e /opt/aw/bin/antwort
make --no-print-directory -s uninstall DESTDIR="$D" PREFIX=/opt/aw >"$T/out" 2>&1
check "uninstall: removes every installed file" sh -c "[ -z \"\$(find '$D' -type f)\" ]"
