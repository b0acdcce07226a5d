# lib.sh: helpers for the shell tests. Sourced; expects $ANTWORT (the
# binary under test) and prints PASS:/FAIL:/SKIP: lines that run.sh counts.

T=$(mktemp -d "${TMPDIR:-/tmp}/antwort-test.XXXXXX")
trap 'umount "$T"/ro "$T"/full 2>/dev/null; rm -rf "$T"' EXIT
# Hermetic: no user configuration, a fixed time zone and a UTF-8 locale.
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share"
export TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8
mkdir -p "$HOME"

pass() { printf 'PASS: %s\n' "$1"; }
fail() { printf 'FAIL: %s\n' "$1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/  /'; }
skip() { printf 'SKIP: %s (%s)\n' "$1" "$2"; }

# run ARGS...: runs antwort, leaving $T/out, $T/err and $status. A
# sanitizer report on stderr is a failure of its own, whatever the test.
run() {
	"$ANTWORT" "$@" >"$T/out" 2>"$T/err"
	status=$?
	if grep -qE 'Sanitizer|runtime error:' "$T/err"; then
		fail "no sanitizer report: antwort $*" "$(head -30 "$T/err")"
	fi
}

# check NAME CONDITION...: PASS when the command succeeds.
check() {
	name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name" "status=${status:-}; stderr: $(head -5 "$T/err" 2>/dev/null)"; fi
}

# same NAME EXPECTED-FILE ACTUAL-FILE: content comparison with a diff.
same() {
	if diff -u "$2" "$3" >"$T/diff"; then pass "$1"; else fail "$1" "$(head -40 "$T/diff")"; fi
}
