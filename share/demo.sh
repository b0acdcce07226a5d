#!/bin/sh
# demo.sh BINARY EXAMPLES-DIR: the demonstration behind `make demo`.
# Makes a scratch workspace, puts the bundled example inquiry in it and
# shows what antwort reads from it and writes back.
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
examples=$2
ws=$(mktemp -d "${TMPDIR:-/tmp}/antwort-demo.XXXXXX")
cp "$examples"/*.txt "$ws/"
file=$(ls "$ws"/*.txt | head -n 1)

cd "$ws"
echo "Arbeitsbereich für die Vorführung: $ws"
echo
echo "==> antwort parse $(basename "$file")"
"$bin" parse "$(basename "$file")"
echo
echo "==> antwort export --format txt $(basename "$file")"
"$bin" export --format txt "$(basename "$file")"
"$bin" export --format html "$(basename "$file")" -o vorlage.html
echo
echo "Außerdem als HTML zum Drucken: $ws/vorlage.html"
