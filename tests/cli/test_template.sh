#!/bin/sh
# test_template.sh: antwort template as departments use it: list, show,
# new, check and used; the exact lines, the workspace over the shipped
# examples, the exit statuses.
. "$(dirname "$0")/../lib.sh"
ANTWORT=$(cd "$(dirname "$ANTWORT")" && pwd)/$(basename "$ANTWORT")
TOP=$(pwd)
EX="$TOP/share/examples/vorlage-2024-05-14-L7-wasserstoffbusse.txt"
SLUG=2024-05-14-L7-wasserstoffbusse
DICT=${ANTWORT_DICT:-/usr/share/hunspell/de_DE}
have_dict() { [ -r "$DICT.dic" ] && [ -r "$DICT.aff" ]; }

# The examples, rules and word list of this source tree.
export ANTWORT_DATA="$TOP"
git config --global user.name "Anna Müller"
git config --global user.email "anna.mueller@finanzen.bremen.de"
git config --global init.defaultBranch main

mkdir -p "$T/nowhere"
cd "$T/nowhere" || exit 2

# --- the command itself -------------------------------------------------------
run template --help
check "template: --help names the five commands" \
	sh -c "[ $status = 0 ] && grep -q 'antwort template list' '$T/out' && grep -q '  used ' '$T/out'"
run template
check "template: without what to do: usage error" \
	sh -c "[ $status = 1 ] && grep -q 'Es fehlt, was getan werden soll: list, show, new, check oder used' '$T/err'"
run template frag
check "template: an unknown subcommand: usage error" \
	sh -c "[ $status = 1 ] && grep -q '„frag“ gibt es bei „antwort template“ nicht' '$T/err'"
run template list --help
check "template list --help" sh -c "[ $status = 0 ] && grep -q -- '--veraltet' '$T/out'"
run help template
check "help template: the command's help" grep -q 'Textbausteine sind die Standardpositionen' "$T/out"
run --help
check "antwort --help lists template" grep -q '^  template ' "$T/out"

# --- list: the shipped examples, outside a workspace --------------------------
run template list --stichtag 29.11.2026
check "list: exit 0" test "$status" = 0
check "list: a header line" \
	grep -qx 'Ressort        Name                                        Titel                                                Stand' "$T/out"
check "list: at least twelve examples" test "$(grep -c '  Beispiel$' "$T/out")" -ge 12
check "list: sorted by ressort, then title" \
	sh -c "sed -n 2p '$T/out' | grep -q '^Bildung        bildung/datenschutz-kleine-fallzahlen  '"
check "list: a stale example marked" \
	grep -qx 'Inneres        inneres/kriminalstatistik                   Kriminalstatistik: keine Auswertung in dieser Tiefe  14.03.2025  veraltet  Beispiel' "$T/out"
check "list: an example past Gültig-bis marked with the date" \
	grep -q '^Finanzen       finanzen/haushaltssperre-2026               Haushaltssperre 2026  *02.02.2026  veraltet (Gültig-bis 30.06.2026)  Beispiel$' "$T/out"
check "list: nothing on stderr" test ! -s "$T/err"

run template list --veraltet --stichtag 29.11.2026
cat >"$T/want" <<'EOF'
Ressort   Name                           Titel                                                Stand
Finanzen  finanzen/haushaltssperre-2026  Haushaltssperre 2026                                 02.02.2026  veraltet (Gültig-bis 30.06.2026)  Beispiel
Inneres   inneres/kriminalstatistik      Kriminalstatistik: keine Auswertung in dieser Tiefe  14.03.2025  veraltet  Beispiel
EOF
same "list --veraltet: only the stale ones" "$T/want" "$T/out"
run template list --veraltet --stichtag 01.03.2025
check "list --veraltet: none stale on an earlier day" \
	sh -c "[ $status = 0 ] && [ \"\$(cat '$T/out')\" = 'Kein Textbaustein ist veraltet.' ]"
run template list --veraltet --stichtag 14.03.2026
check "list --stichtag: twelve months after Stand still fresh" \
	sh -c "! grep -q kriminalstatistik '$T/out'"
run template list --veraltet --stichtag 2026-03-15
check "list --stichtag: ISO dates too, the day after" grep -q kriminalstatistik "$T/out"

run template list --ressort inneres --stichtag 29.11.2026
check "list --ressort: by folder, case aside" \
	sh -c "[ \$(grep -c '^Inneres ' '$T/out') = 3 ] && [ \$(wc -l <'$T/out') = 4 ]"
run template list -r Umwelt
check "list -r: by the header's Ressort" test "$(grep -c '^Umwelt ' "$T/out")" = 3
run template list --ressort Wirtschaft
check "list --ressort: none" sh -c "[ $status = 0 ] && grep -qx 'Keine Textbausteine gefunden.' '$T/out'"
run template list sperre
check "list WORDS: title matches first" sh -c "sed -n 2p '$T/out' | grep -q 'finanzen/haushaltssperre-2026'"
run template list --stichtag morgen
check "list --stichtag: not a date is a usage error" \
	sh -c "[ $status = 1 ] && grep -q 'Der Stichtag ist kein Datum' '$T/err'"

# --- show ------------------------------------------------------------------
run template show senatskanzlei/fragestunde-einleitung
check "show: exit 0" test "$status" = 0
sed '/^Stand:/s/ (veraltet.*//' "$T/out" >"$T/got"
cat >"$T/want" <<EOF
Name:            senatskanzlei/fragestunde-einleitung
Datei:           $TOP/templates/senatskanzlei/fragestunde-einleitung.txt
Ressort:         Senatskanzlei
Titel:           Fragestunde: Einleitung der Antwort
Schlagworte:     Fragestunde, Einleitung, mündliche Antwort
Stand:           15.01.2026
Beispiel:        ja

Für den Senat beantworte ich die Anfrage {{nummer}} der {{fraktion}} „{{titel}}“ wie folgt. Die Antwort gibt den Stand zur Sitzung des Senats am {{sitzung}} wieder.

Eingebaute Platzhalter: nummer, titel, fraktion, sitzung
EOF
same "show: header, text and placeholders" "$T/want" "$T/got"
run template show verweis
check "show: by the part after the ressort; free placeholders listed" \
	grep -qx 'Freie Platzhalter: datum, frühere_anfrage, drucksache' "$T/out"
run template show umwelt/foerderprogramm-klimaschutz
check "show: built-in and free placeholders" \
	sh -c "grep -qx 'Eingebaute Platzhalter: heute' '$T/out' && grep -qx 'Freie Platzhalter:      zeitraum, anzahl, betrag' '$T/out'"
run template show finanzen/haushaltssperre-2026
check "show: past Gültig-bis says so" \
	grep -qx 'Gültig-bis:      30.06.2026 (veraltet: überschritten)' "$T/out"
run template show gibtsnicht
check "show: an unknown name exits 1" \
	sh -c "[ $status = 1 ] && grep -qx 'antwort: Einen Textbaustein „gibtsnicht“ gibt es nicht; „antwort template list“ zeigt alle mit ihrem Namen.' '$T/err'"
run template show finanzen/h
check "show: an ambiguous name exits 1 and names the candidates" \
	sh -c "[ $status = 1 ] && grep -qx 'antwort: „finanzen/h“ passt zu mehreren Textbausteinen (finanzen/haushaltssperre-2026, finanzen/haushaltsvorbehalt); geben Sie mehr vom Namen an.' '$T/err'"
run template show
check "show: without a name: usage error" \
	sh -c "[ $status = 1 ] && grep -q 'Geben Sie den Namen des Textbausteins an' '$T/err'"

# --- check: the shipped examples are clean ------------------------------------
run template check "$TOP/templates"
check "check: the shipped examples are clean (exit 0)" test "$status" = 0
check "check: the shipped examples: no output" sh -c "[ ! -s '$T/out' ] && [ ! -s '$T/err' ]"
if ! have_dict; then
	skip "check: the examples' spelling" "kein deutsches Wörterbuch unter $DICT"
fi
run template check
check "check: outside a workspace without paths: usage error" \
	sh -c "[ $status = 1 ] && grep -q 'Geben Sie die Dateien oder Ordner an' '$T/err'"
run template check "$T/fehlt"
check "check: a path that does not exist exits 2" \
	sh -c "[ $status = 2 ] && grep -q 'lässt sich nicht öffnen' '$T/err'"
run template new --ressort Finanzen --titel X
check "new: outside a workspace exits 2" \
	sh -c "[ $status = 2 ] && grep -q 'gehört zu keinem Arbeitsbereich' '$T/err'"
run template used x
check "used: outside a workspace exits 2" test "$status" = 2

# --- in a workspace -----------------------------------------------------------
"$ANTWORT" init "$T/ws" >/dev/null 2>&1 || fail "init the workspace"
cd "$T/ws" || exit 2

run template check
check "check: a workspace without templates says so" \
	sh -c "[ $status = 0 ] && grep -qx 'Im Arbeitsbereich gibt es noch keine Textbausteine (templates/).' '$T/out'"

run template new --ressort Finanzen --titel "Haushaltssperre 2027" --schlagworte "Sperre, Haushalt" --stand 15.01.2027
check "new: exit 0 and the path" \
	sh -c "[ $status = 0 ] && [ \"\$(cat '$T/out')\" = templates/finanzen/haushaltssperre-2027.txt ]"
check "new: says what to do next" grep -q 'antwort template check templates/finanzen/haushaltssperre-2027.txt' "$T/err"
printf 'Ressort: Finanzen\nTitel: Haushaltssperre 2027\nSchlagworte: Sperre, Haushalt\nStand: 15.01.2027\n\n' >"$T/want"
same "new: the skeleton file" "$T/want" templates/finanzen/haushaltssperre-2027.txt
check "new: not committed" sh -c "[ -z \"\$(git log --format=%s -- templates/finanzen)\" ]"
run template new --ressort Finanzen --titel "Haushaltssperre 2027"
check "new: never overwrites" \
	sh -c "[ $status = 2 ] && grep -q 'templates/finanzen/haushaltssperre-2027.txt gibt es schon' '$T/err'"
same "new: the file is unchanged" "$T/want" templates/finanzen/haushaltssperre-2027.txt
run template new --titel "Ohne Ressort"
check "new: Ressort and Titel are required" \
	sh -c "[ $status = 1 ] && grep -q 'Geben Sie mindestens Ressort und Titel an' '$T/err'"
run template new --ressort Inneres --titel X --stand gestern
check "new: a Stand that is no date" sh -c "[ $status = 1 ] && grep -q 'Der Stand ist kein Datum' '$T/err'"
run template check
check "check: the skeleton has no text yet (exit 1)" \
	sh -c "[ $status = 1 ] && grep -qx 'templates/finanzen/haushaltssperre-2027.txt:5: Nach dem Kopf folgt kein Text; schreiben Sie die Absätze des Bausteins nach einer Leerzeile unter den Kopf.' '$T/out'"
run template list finanzen
check "list: a template without text is left out, with a warning" \
	sh -c "! grep -q haushaltssperre-2027 '$T/out' && grep -q 'haushaltssperre-2027.txt:5: Nach dem Kopf folgt kein Text' '$T/err'"
rm templates/finanzen/haushaltssperre-2027.txt

printf 'Erster Absatz mit {{betrag}}.\n\nZweiter Absatz.\n' | \
	"$ANTWORT" template new --ressort "Inneres und Sport" --titel "Zuständigkeit der Ortspolizeibehörde" --stand 1.2.2026 --text - >"$T/out" 2>"$T/err"
check "new --text -: the text from standard input" \
	sh -c "[ \"\$(cat '$T/out')\" = templates/inneres-sport/zustaendigkeit-ortspolizeibehoerde.txt ] && [ ! -s '$T/err' ]"
printf 'Ressort: Inneres und Sport\nTitel: Zuständigkeit der Ortspolizeibehörde\nStand: 01.02.2026\n\nErster Absatz mit {{betrag}}.\n\nZweiter Absatz.\n' >"$T/want"
same "new --text: the whole file" "$T/want" templates/inneres-sport/zustaendigkeit-ortspolizeibehoerde.txt
run template check templates/inneres-sport/zustaendigkeit-ortspolizeibehoerde.txt
check "new --text: the new template is clean" sh -c "[ $status = 0 ] && [ ! -s '$T/out' ]"

# The workspace's template wins over the shipped one of the same name.
mkdir -p templates/inneres
cat >templates/inneres/keine-erkenntnisse.txt <<'EOF'
Ressort: Inneres
Titel: Keine Erkenntnisse in Bremen
Stand: 01.10.2026

Dem Senat liegen hierzu keine Erkenntnisse vor.
EOF
run template list --ressort inneres --stichtag 29.11.2026
check "list: the workspace's template replaces the shipped one" \
	sh -c "grep -q '^Inneres  *inneres/keine-erkenntnisse  *Keine Erkenntnisse in Bremen  *01.10.2026$' '$T/out' && [ \$(grep -c 'inneres/keine-erkenntnisse' '$T/out') = 1 ]"
run template show inneres/keine-erkenntnisse
check "show: the workspace's file" grep -qx "Datei:           $T/ws/templates/inneres/keine-erkenntnisse.txt" "$T/out"

# Every kind of problem, with file and line.
mkdir -p templates/umwelt
printf 'Ressort: Umwelt\nTitel: Lärmschutz\nStand: 31.02.2026\nAutor: ich\nBeispiel: vielleicht\nohne Doppelpunkt\n\nFür {{numer}} gilt {{}} und {{Betrag in Euro}}.\nDie Frist {{Frist endet hier\n' >templates/umwelt/kaputt.txt
printf 'Ressort: Umwelt\nTitel: Leer\nStand: 01.01.2026\n' >templates/umwelt/leer.txt
run template check templates/umwelt
check "check: problems exit 1" test "$status" = 1
cat >"$T/want" <<'EOF'
templates/umwelt/kaputt.txt:3: „31.02.2026“ ist bei „Stand“ kein gültiges Datum; schreiben Sie es wie „15.01.2026“.
templates/umwelt/kaputt.txt:4: Das Feld „Autor“ kennt antwort nicht; erlaubt sind Ressort, Titel, Schlagworte, Stand, Gültig-bis, Ansprechpartner und Beispiel.
templates/umwelt/kaputt.txt:5: Bei „Beispiel“ steht „ja“ oder „nein“, nicht „vielleicht“.
templates/umwelt/kaputt.txt:6: Im Kopf fehlt hier der Doppelpunkt; schreiben Sie „Schlüssel: Wert“ und lassen Sie vor dem Text eine Leerzeile.
templates/umwelt/kaputt.txt:8: „{{numer}}“ ähnelt dem eingebauten Platzhalter „{{nummer}}“; schreiben Sie ihn genau so oder wählen Sie einen deutlich anderen Namen.
templates/umwelt/kaputt.txt:8: „{{}}“ ist ein Platzhalter ohne Namen; schreiben Sie den Namen zwischen die Klammern, wie „{{nummer}}“.
templates/umwelt/kaputt.txt:8: „{{Betrag in Euro}}“: Ein Platzhaltername besteht aus Buchstaben, Ziffern, „-“ und „_“ und beginnt mit einem Buchstaben.
templates/umwelt/kaputt.txt:9: Der Platzhalter in Spalte 11 wird nicht mit „}}“ geschlossen; ein Platzhalter steht in einer Zeile, wie „{{nummer}}“ (für „{{“ als Text schreiben Sie „\{{“).
templates/umwelt/leer.txt:3: Nach dem Kopf folgt kein Text; schreiben Sie die Absätze des Bausteins nach einer Leerzeile unter den Kopf.
EOF
same "check: every message with file and line" "$T/want" "$T/out"

# Spelling and house style of Titel and text, as antwort check reports them.
rm templates/umwelt/kaputt.txt templates/umwelt/leer.txt
printf 'Ressort: Umwelt\nTitel: Lärmschuz\nStand: 01.03.2026\n\nDie {{fraktion}} fragt nach dem Lärmschutz z.B. an der Bürgerschft.\n' >templates/umwelt/laerm.txt
run template check templates/umwelt/laerm.txt
if have_dict; then
	# Suggestions depend on the dictionary's version: compared without.
	sed 's/ – Vorschläge: .*//' "$T/out" >"$T/got"
	cat >"$T/want" <<'EOF'
templates/umwelt/laerm.txt:2:8: Rechtschreibung: „Lärmschuz“
templates/umwelt/laerm.txt:5:44: Stil: Zwischen die Teile einer Abkürzung gehört ein Leerzeichen, etwa „z. B.“, „d. h.“, „u. a.“. – Vorschlag: „z. B.“
templates/umwelt/laerm.txt:5:56: Rechtschreibung: „Bürgerschft“
EOF
	same "check: spelling and style with line and character column; placeholders are no words" "$T/want" "$T/got"
	check "check: spelling findings exit 1" test "$status" = 1
	ANTWORT_DICT="$T/nirgends/de_DE" run template check templates/umwelt/laerm.txt
	check "check: without a dictionary the rest is still checked, with a warning" \
		sh -c "[ $status = 0 ] && [ ! -s '$T/out' ] && grep -q 'Die Rechtschreibung der Textbausteine wird daher nicht geprüft.' '$T/err'"
else
	skip "check: spelling and style of templates" "kein deutsches Wörterbuch unter $DICT"
fi
rm templates/umwelt/laerm.txt

# Duplicates across the given set: names (case aside) and titles.
run template check templates "$TOP/templates"
check "check: the same name in two folders" \
	grep -qx "$TOP/templates/inneres/keine-erkenntnisse.txt:1: Den Namen „inneres/keine-erkenntnisse“ hat auch templates/inneres/keine-erkenntnisse.txt; benennen Sie eine der beiden Dateien um." "$T/out"
check "check: duplicates exit 1" test "$status" = 1
mkdir -p templates/Inneres
printf 'Ressort: Inneres\nTitel: Keine Erkenntnisse in Bremen\nStand: 01.10.2026\n\nText.\n' >templates/Inneres/anders.txt
run template check
check "check: the same title in one ressort" \
	grep -qx 'templates/inneres/keine-erkenntnisse.txt:2: Den Titel „Keine Erkenntnisse in Bremen“ hat im Ressort Inneres auch templates/Inneres/anders.txt; im Editor wären die beiden nicht zu unterscheiden – ändern Sie einen der Titel.' "$T/out"
rm -r templates/Inneres

# --- used: the answers a template went into ------------------------------------
"$ANTWORT" import "$EX" >/dev/null 2>&1 || fail "import the example"
printf '\nDem Senat liegen hierzu keine Erkenntnisse vor.\n' >>"anfragen/$SLUG/anfrage.txt"
GIT_AUTHOR_DATE="2026-11-20T10:14:00+01:00" GIT_COMMITTER_DATE="2026-11-20T10:14:00+01:00" \
	git commit -q -a -m "Antwort zu Frage 4 geändert" -m "Antworten: 4
Textbaustein: inneres/keine-erkenntnisse, Stand 01.10.2026" || fail "commit with a trailer"
git commit -q --allow-empty -m "Etwas anderes" -m "Textbaustein: inneres/keine-erkenntnisse-alt, Stand 01.01.2020"
run template used keine-erkenntnisse
id=$(git log --format=%h --abbrev=7 -2 | tail -1)
check "used: exit 0" test "$status" = 0
printf '%s  20.11.2026 10:14  Anna Müller  %s  Antwort zu Frage 4 geändert  [Stand 01.10.2026]\n' "$id" "$SLUG" >"$T/want"
same "used: one line per use: id, date, author, inquiry, subject, Stand" "$T/want" "$T/out"
run template used finanzen/haushaltsvorbehalt
check "used: a template not used yet" \
	sh -c "[ $status = 0 ] && grep -qx 'Der Textbaustein „finanzen/haushaltsvorbehalt“ wurde noch in keiner gesicherten Antwort verwendet.' '$T/out'"
run template used inneres/keine-erkenntnisse-alt
check "used: a template that is gone is looked for by its name" grep -q '  Etwas anderes  \[Stand 01.01.2020\]$' "$T/out"
run template used finanzen/h
check "used: an ambiguous name exits 1" test "$status" = 1
