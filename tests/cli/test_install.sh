#!/bin/sh
# test_install.sh: make install and uninstall honour PREFIX and DESTDIR.
. "$(dirname "$0")/../lib.sh"
D="$T/dest"
make --no-print-directory -s install DESTDIR="$D" PREFIX=/opt/aw BUILD="${BUILD_DIR:-build}" >"$T/out" 2>&1
check "install: the binary under DESTDIR/PREFIX" test -x "$D/opt/aw/bin/antwort"
check "install: the man page" test -f "$D/opt/aw/share/man/man1/antwort.1"
check "install: examples, templates and dict in share/antwort" \
	sh -c "ls '$D/opt/aw/share/antwort/examples/'*.txt >/dev/null && test -d '$D/opt/aw/share/antwort/templates' && test -d '$D/opt/aw/share/antwort/dict'"
"$D/opt/aw/bin/antwort" --version >"$T/out" 2>&1
check "install: the installed binary runs" grep -q '^antwort ' "$T/out"
check "install: nothing written outside DESTDIR" test ! -e /opt/aw/bin/antwort
make --no-print-directory -s uninstall DESTDIR="$D" PREFIX=/opt/aw >"$T/out" 2>&1
check "uninstall: removes every installed file" sh -c "[ -z \"\$(find '$D' -type f)\" ]"
