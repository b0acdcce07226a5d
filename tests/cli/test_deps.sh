#!/bin/sh
# test_deps.sh: make deps names exactly what is missing, and as a normal
# user prints the command instead of trying to install.
. "$(dirname "$0")/../lib.sh"

sh share/deps.sh ncursesw libgit2 libpcre2-8 hunspell >"$T/out" 2>"$T/err"
status=$?
check "deps: nothing to do where everything is installed" sh -c "[ $status = 0 ] && [ ! -s '$T/out' ] && [ ! -s '$T/err' ]"

if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	# An empty pkg-config search path makes every library look missing.
	PKG_CONFIG_LIBDIR="$T/none" setpriv --reuid=65534 --regid=65534 --clear-groups \
		sh share/deps.sh ncursesw libgit2 libpcre2-8 hunspell >"$T/out" 2>"$T/err"
	status=$?
	check "deps: not root, it stops with exit 1" test "$status" = 1
	check "deps: not root, it prints the exact command" grep -qx \
		'  apt-get update && apt-get install -y --no-install-recommends libncurses-dev libgit2-dev libpcre2-dev libhunspell-dev' "$T/err"
else
	skip "deps: not root, it prints the exact command" "braucht root und setpriv"
fi
