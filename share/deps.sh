#!/bin/sh
# Installs the Debian packages antwort needs to build and test, where missing.
# Usage: deps.sh PKGCONFIG-MODULE...
# As root it runs apt-get; otherwise it prints the exact command and fails,
# so that `make check` never half-works on a machine without the libraries.
set -u

need=""
add() { case " $need " in *" $1 "*) ;; *) need="$need $1" ;; esac; }

command -v pkg-config >/dev/null 2>&1 || add pkg-config
for mod in "$@"; do
	if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists "$mod"; then
		case "$mod" in
		ncursesw)   add libncurses-dev ;;
		libgit2)    add libgit2-dev ;;
		libpcre2-8) add libpcre2-dev ;;
		hunspell)   add libhunspell-dev ;;
		*) echo "deps.sh: unbekanntes pkg-config-Modul $mod" >&2; exit 2 ;;
		esac
	fi
done

# Either German dictionary is accepted; frami is preferred for new installs
# because it knows administrative compounds (docs/development.md says more).
[ -f /usr/share/hunspell/de_DE.dic ] || add hunspell-de-de-frami

# Tools the test suite uses.
command -v cc   >/dev/null 2>&1 || add gcc
command -v groff >/dev/null 2>&1 || add groff-base
command -v git  >/dev/null 2>&1 || add git
command -v tmux >/dev/null 2>&1 || add tmux
command -v strace >/dev/null 2>&1 || add strace

# `make bench` (BENCH=1) also needs the reference tools it measures against:
# the hunspell command line and GNU time for the peak memory.
if [ "${BENCH:-}" = 1 ]; then
	command -v hunspell >/dev/null 2>&1 || add hunspell
	[ -x /usr/bin/time ] || add time
fi

[ -n "$need" ] || exit 0

cmd="apt-get install -y --no-install-recommends$need"
if [ "$(id -u)" != 0 ]; then
	echo "Es fehlen Pakete. Bitte als root ausführen:" >&2
	echo "  apt-get update && $cmd" >&2
	exit 1
fi
echo "Installiere:$need"
# A fresh machine has no package lists yet; an install would find nothing.
if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e '^lock$' -e '^partial$' -e '^auxfiles$')" ]; then
	apt-get update || exit 2
fi
DEBIAN_FRONTEND=noninteractive $cmd || {
	# Lists that are present but stale give 404s: refresh once and retry.
	apt-get update && DEBIAN_FRONTEND=noninteractive $cmd
} || { echo "deps.sh: Installation fehlgeschlagen" >&2; exit 2; }
