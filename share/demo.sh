#!/bin/sh
# demo.sh BINARY EXAMPLES-DIR: the demonstration behind `make demo`.
# Makes a scratch workspace, takes the bundled example inquiry into it and
# opens the editor on it. Nothing outside the scratch folder is changed.
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
examples=$(cd "$2" && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/antwort-demo.XXXXXX")
ws=$scratch/arbeitsbereich
mkdir "$ws"
file=$(ls "$examples"/*.txt | head -n 1)

# The editor needs a UTF-8 locale; C.UTF-8 is on every Debian machine.
case "${LC_ALL:-${LC_CTYPE:-${LANG:-}}}" in
*UTF-8*|*utf8*|*UTF8*|*utf-8*) ;;
*) LC_ALL=C.UTF-8; export LC_ALL ;;
esac

cd "$ws"
# Every version names its author. Who has not told git a name yet gets a
# demonstration identity in a private home inside the scratch folder.
if ! "$bin" init . >/dev/null 2>"$scratch/init-error"; then
	if grep -q 'user.name' "$scratch/init-error"; then
		mkdir -p "$scratch/home"
		printf '[user]\n\tname = Vorführung\n\temail = vorfuehrung@antwort.invalid\n' \
			>"$scratch/home/.gitconfig"
		HOME=$scratch/home
		export HOME
		rm -rf "$ws/.git"
		"$bin" init . >/dev/null
	else
		cat "$scratch/init-error" >&2
		exit 2
	fi
fi
rm -f "$scratch/init-error"
"$bin" import "$file" >/dev/null
echo "Arbeitsbereich für die Vorführung: $ws"
echo "Beispiel: $(basename "$file")"
if [ -t 0 ] && [ -t 1 ]; then
	exec "$bin" edit
fi
echo "Kein Terminal: öffnen Sie den Editor selbst mit"
if [ -d "$scratch/home" ]; then
	echo "  cd $ws && HOME=$scratch/home $bin edit"
else
	echo "  cd $ws && $bin edit"
fi
