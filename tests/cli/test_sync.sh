#!/bin/sh
# test_sync.sh: two people share a workspace through a bare repository and
# through git daemon; different answers merge, the same answer keeps both.
# Every result is read back with the git CLI.
. "$(dirname "$0")/../lib.sh"
ANTWORT=$(cd "$(dirname "$ANTWORT")" && pwd)/$(basename "$ANTWORT")
TOP=$(pwd)
EX="$TOP/share/examples/vorlage-2024-05-14-L7-wasserstoffbusse.txt"
SLUG=2024-05-14-L7-wasserstoffbusse
DOC=anfragen/$SLUG/anfrage.txt
trap 'kill "$(cat "$T/daemon.pid" 2>/dev/null)" 2>/dev/null; rm -rf "$T"' EXIT

git config --global user.name "Anna Müller"
git config --global user.email "anna@finanzen.bremen.de"
git config --global init.defaultBranch main
mkdir -p "$T/ben/.config"
HOME="$T/ben" git config --global user.name "Ben Jürgens"
HOME="$T/ben" git config --global user.email "ben@inneres.bremen.de"
HOME="$T/ben" git config --global init.defaultBranch main
# as_ben CMD...: runs CMD as the second person (own git identity).
as_ben() { HOME="$T/ben" XDG_CONFIG_HOME="$T/ben/.config" "$@"; }

# edit FILE FROM TO: one sentence changed by "another editor".
edit() { sed -i "s/$2/$3/" "$1" && grep -q "$3" "$1"; }

sync_scenario() { # NAME URL A-DIR B-DIR
	scen=$1 url=$2 a=$3 b=$4

	run init "$a"
	cd "$a" || exit 2
	"$ANTWORT" import "$EX" >/dev/null 2>&1
	run sync "$url"
	check "$scen: the first sync pushes, exit 0" test "$status" = 0
	check "$scen: it says the versions are on the remote" grep -q "Ihre Fassungen sind jetzt auch in origin" "$T/out"
	check "$scen: the remote's main is ours" \
		test "$(git ls-remote "$url" refs/heads/main | cut -f1)" = "$(git rev-parse HEAD)"
	check "$scen: the address is remembered as origin" test "$(git config remote.origin.url)" = "$url"
	run sync
	check "$scen: a second sync has nothing to do" grep -q "sind auf demselben Stand" "$T/out"

	# The second person joins with a workspace of their own.
	as_ben run init "$b"
	cd "$b" || exit 2
	as_ben run sync "$url"
	check "$scen: joining merges the two beginnings, exit 0" test "$status" = 0
	check "$scen: after joining the inquiry is there" cmp -s "$a/$DOC" "$b/$DOC"
	check "$scen: joining pushes the merge" \
		test "$(git ls-remote "$url" refs/heads/main | cut -f1)" = "$(git rev-parse HEAD)"
	cd "$a" && "$ANTWORT" sync >/dev/null 2>&1

	# Different answers: merged without a conflict.
	cd "$a" && edit "$DOC" "zwölf Busse" "dreizehn Busse" && "$ANTWORT" save >/dev/null 2>&1 &&
		run sync
	check "$scen: A pushes a change to answer 1" test "$status" = 0
	cd "$b" && edit "$DOC" "zweijährigen Probebetriebs" "dreijährigen Probebetriebs" &&
		as_ben "$ANTWORT" save "$SLUG" >/dev/null 2>&1
	as_ben run sync
	check "$scen: B's sync merges A's answer 1 with B's answer 4, exit 0" test "$status" = 0
	check "$scen: B is told about the merge" grep -q "geholt und mit Ihren zusammengeführt" "$T/out"
	check "$scen: B's file has both changes" \
		sh -c "grep -q 'dreizehn Busse' '$b/$DOC' && grep -q 'dreijährigen Probebetriebs' '$b/$DOC'"
	check "$scen: the merge commit has two parents" test "$(git -C "$b" log -1 --format=%p | wc -w)" = 2
	check "$scen: the merge is by Ben" test "$(git -C "$b" log -1 --format=%an)" = "Ben Jürgens"
	check "$scen: B's git status is clean" test -z "$(git -C "$b" status --porcelain)"
	cd "$a" && run sync
	check "$scen: A's sync takes the merge" grep -q "Neue Fassungen von origin geholt" "$T/out"
	check "$scen: A's file has both changes" \
		sh -c "grep -q 'dreizehn Busse' '$a/$DOC' && grep -q 'dreijährigen Probebetriebs' '$a/$DOC'"
	check "$scen: A and B have the same version" test "$(git -C "$a" rev-parse HEAD)" = "$(git -C "$b" rev-parse HEAD)"
	check "$scen: A's repository is sound" git -C "$a" fsck --strict --no-progress --no-dangling

	# The same answer: both versions kept, nothing pushed.
	cd "$a" && edit "$DOC" "an vier Tagen auf" "an vier Tagen (Fassung Anna) auf" &&
		"$ANTWORT" save >/dev/null 2>&1 && "$ANTWORT" sync >/dev/null 2>&1
	remote_before=$(git ls-remote "$url" refs/heads/main | cut -f1)
	cd "$b" && edit "$DOC" "an vier Tagen auf" "an vier Tagen (Fassung Ben) auf" &&
		as_ben "$ANTWORT" save >/dev/null 2>&1
	as_ben run sync
	check "$scen: the same answer changed twice exits 1" test "$status" = 1
	check "$scen: the conflicting answer is named" grep -q "^  $DOC: Zu Frage 2 und 3$" "$T/out"
	check "$scen: the user is told how to resolve it" grep -q "löschen Sie die drei Markierungszeilen" "$T/out"
	check "$scen: both versions are in the file between markers" \
		sh -c "grep -q '^<<<<<<< Ihre Fassung' '$b/$DOC' && grep -q '^=======\$' '$b/$DOC' && grep -q '^>>>>>>> Fassung von origin' '$b/$DOC' && grep -q 'Fassung Anna' '$b/$DOC' && grep -q 'Fassung Ben' '$b/$DOC'"
	check "$scen: nothing was pushed" test "$(git ls-remote "$url" refs/heads/main | cut -f1)" = "$remote_before"
	check "$scen: the merge with both versions is committed" \
		sh -c "git -C '$b' log -1 --format=%B | grep -q 'Beide Fassungen stehen noch nebeneinander'"
	check "$scen: B's git status is clean after the conflict" test -z "$(git -C "$b" status --porcelain)"
	as_ben run sync
	check "$scen: syncing again before resolving is refused, exit 2" test "$status" = 2
	check "$scen: the refusal names the file and the answer" \
		grep -q "In $DOC stehen noch zwei Fassungen nebeneinander (Zu Frage 2 und 3)" "$T/err"
	check "$scen: still nothing pushed" test "$(git ls-remote "$url" refs/heads/main | cut -f1)" = "$remote_before"

	# Resolve: keep Ben's own version ("Ihre Fassung" in his file), drop
	# the markers and Anna's paragraph.
	awk '/^<<<<<<< /{next} /^=======$/{skip=1; next} /^>>>>>>> /{skip=0; next} !skip' "$b/$DOC" |
		cat -s >"$T/resolved" && cp "$T/resolved" "$b/$DOC"
	as_ben run save
	check "$scen: the resolved file saves" test "$status" = 0
	as_ben run sync
	check "$scen: after resolving, sync pushes, exit 0" test "$status" = 0
	cd "$a" && "$ANTWORT" sync >/dev/null 2>&1
	check "$scen: A gets the resolution" \
		sh -c "grep -q 'Fassung Ben' '$a/$DOC' && ! grep -q 'Fassung Anna' '$a/$DOC' && ! grep -q '^<<<<<<<' '$a/$DOC'"
	check "$scen: A and B agree in the end" cmp -s "$a/$DOC" "$b/$DOC"
}

# --- through a bare repository on disk --------------------------------------
git init -q --bare "$T/ablage.git"
sync_scenario "sync (bare)" "$T/ablage.git" "$T/a" "$T/b"
check "sync (bare): the shared repository is sound" git -C "$T/ablage.git" fsck --strict --no-progress --no-dangling
check "sync (bare): the history holds both authors" \
	test "$(git -C "$T/ablage.git" log --format=%an main | sort -u | tr '\n' ,)" = "Anna Müller,Ben Jürgens,"

# Both change the title: both titles are kept between markers, nothing
# is pushed until one is chosen.
cd "$T/a" && edit "$DOC" "im Bremer Nahverkehr“" "in Bremen (Anna)“" && "$ANTWORT" save >/dev/null 2>&1 &&
	"$ANTWORT" sync >/dev/null 2>&1
remote_before=$(git -C "$T/ablage.git" rev-parse main)
cd "$T/b" && edit "$DOC" "im Bremer Nahverkehr“" "in Bremen (Ben)“" && as_ben "$ANTWORT" save >/dev/null 2>&1
as_ben run sync
check "sync: both changed the title, exit 1 and the title named" \
	sh -c "[ $status = 1 ] && grep -q '^  $DOC: Titel\$' '$T/out'"
check "sync: both titles are kept in the file between markers" \
	sh -c "grep -q '^Titel: Wasserstoffbusse in Bremen (Ben)\$' '$T/b/$DOC' && grep -q '^Titel: Wasserstoffbusse in Bremen (Anna)\$' '$T/b/$DOC' && grep -q '^<<<<<<< Ihre Fassung' '$T/b/$DOC'"
check "sync: the block names each field once" test "$(grep -c '^Titel: ' "$T/b/$DOC")" = 2
as_ben run save
check "sync: saving with the block still in it warns that it is unresolved" \
	grep -q "In $DOC stehen noch zwei Fassungen nebeneinander (Übriger Text)" "$T/err"
as_ben run sync
check "sync: a title conflict blocks the push until resolved" \
	sh -c "[ $status = 2 ] && [ \"\$(git -C '$T/ablage.git' rev-parse main)\" = '$remote_before' ]"
awk '/^<<<<<<< /{skip=1; next} /^>>>>>>> /{skip=0; next} !skip' "$T/b/$DOC" | cat -s >"$T/resolved" &&
	cp "$T/resolved" "$T/b/$DOC"
as_ben "$ANTWORT" save >/dev/null 2>&1
as_ben run sync
check "sync: with the block removed the chosen title is pushed" \
	sh -c "[ $status = 0 ] && git -C '$T/ablage.git' show main:$DOC | grep -q 'in Bremen (Ben)“'"
cd "$T/a" && "$ANTWORT" sync >/dev/null 2>&1

# A Markdown heading underline in a template is no conflict marker.
printf 'Hinweis\n=======\n\nText.\n' >"$T/a/templates/hinweis.md"
git -C "$T/a" add templates/hinweis.md && git -C "$T/a" commit -qm "Hinweis"
run sync
check "sync: a line of seven '=' in a template does not block the push" test "$status" = 0

# A mistyped address is not remembered; the right one is.
"$ANTWORT" init "$T/neu" >/dev/null 2>&1
cd "$T/neu" && run sync "$T/ablaeg.git"
check "sync: a missing folder is named as missing" grep -q "Die Fernablage $T/ablaeg.git ist nicht erreichbar (Datei oder Ordner nicht gefunden)" "$T/err"
check "sync: a mistyped address is not remembered" sh -c "! git config remote.origin.url"
run sync "$T/ablage.git"
check "sync: the address that answers is remembered" test "$(git config remote.origin.url)" = "$T/ablage.git"

# What we knew of a remote is not trusted: a new, empty one gets everything.
git init -q --bare "$T/leer.git"
git -C "$T/a" remote set-url origin "$T/leer.git"
cd "$T/a" && run sync
check "sync: a remote replaced by an empty one receives our versions" \
	test "$(git -C "$T/leer.git" rev-parse main 2>/dev/null)" = "$(git -C "$T/a" rev-parse HEAD)"
git -C "$T/a" remote set-url origin "$T/ablage.git"

# A crash after the branch moved but before the files were updated: the
# next command finishes the update, and nothing looks like a change that
# would undo the other person's work.
if command -v cc >/dev/null 2>&1; then
	printf '#include <unistd.h>\nint git_checkout_tree(void *r, const void *t, const void *o)\n{ (void)r; (void)t; (void)o; _exit(9); }\n' >"$T/crash.c"
	cc -shared -fPIC -o "$T/crash.so" "$T/crash.c"
	cd "$T/b" && edit "$DOC" "Blumenthal stationiert" "Blumenthal (Absturzprobe) stationiert" &&
		as_ben "$ANTWORT" save >/dev/null 2>&1 && as_ben "$ANTWORT" sync >/dev/null 2>&1
	cd "$T/a" && LD_PRELOAD="$T/crash.so" ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" \
		"$ANTWORT" sync >/dev/null 2>&1
	check "crash in sync: the branch had moved before the crash" \
		test "$(git -C "$T/a" rev-parse HEAD)" = "$(git -C "$T/b" rev-parse HEAD)"
	run log "$SLUG"
	check "crash in sync: the next command brings the files up to date" grep -q "Absturzprobe" "$T/a/$DOC"
	check "crash in sync: git status is clean afterwards" test -z "$(git -C "$T/a" status --porcelain)"
	run save
	check "crash in sync: nothing to save, nothing undone" \
		sh -c "[ $status = 0 ] && [ \"\$(git -C '$T/a' rev-parse HEAD)\" = \"\$(git -C '$T/b' rev-parse HEAD)\" ]"

	# The same, but the file is edited before antwort runs again: both
	# the other person's change and the edit survive.
	cd "$T/b" && edit "$DOC" "Absturzprobe" "Absturzprobe zwei" &&
		as_ben "$ANTWORT" save >/dev/null 2>&1 && as_ben "$ANTWORT" sync >/dev/null 2>&1
	cd "$T/a" && LD_PRELOAD="$T/crash.so" ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" \
		"$ANTWORT" sync >/dev/null 2>&1
	edit "$DOC" "Wartungskosten" "Wartungskosten (nach dem Absturz ergänzt)"
	run log "$SLUG"
	check "crash in sync: an edit made after the crash is merged with the other's change" \
		sh -c "grep -q 'Absturzprobe zwei' '$T/a/$DOC' && grep -q 'nach dem Absturz ergänzt' '$T/a/$DOC'"
	run save
	check "crash in sync: saving then keeps both" \
		sh -c "git -C '$T/a' show HEAD:$DOC | grep -q 'Absturzprobe zwei' && git -C '$T/a' show HEAD:$DOC | grep -q 'nach dem Absturz ergänzt'"
	"$ANTWORT" sync >/dev/null 2>&1
else
	skip "crash in sync" "no C compiler for the crash shim"
fi

# A clone made with plain git is a workspace too.
git clone -q "$T/ablage.git" "$T/klon"
cd "$T/klon" && run log "$SLUG"
check "sync: a plain git clone is a workspace" grep -q "eingegangen" "$T/out"

# --- bad cases ----------------------------------------------------------------
cd "$T/a" || exit 2
edit "$DOC" "Bremen-Nord" "Bremen-Nord (ungesichert)"
run sync
check "sync: unsaved changes are refused, exit 2" test "$status" = 2
check "sync: the refusal names the file and the command" \
	grep -q "$DOC hat Änderungen, die noch nicht gesichert sind; sichern Sie sie mit „antwort save $SLUG“" "$T/err"
check "sync: the unsaved text is untouched" grep -q "(ungesichert)" "$DOC"
"$ANTWORT" save >/dev/null 2>&1
echo "Eigene Notiz" >>"$T/a/templates/README.md"
run sync
check "sync: a changed file that is no inquiry is named with git's remedy" \
	grep -q "templates/README.md ist geändert, steht aber in keiner Version, und antwort sichert nur Anfragen; übernehmen Sie die Änderung mit „git commit templates/README.md“" "$T/err"
git -C "$T/a" checkout -q -- templates/README.md
run sync "$T/gibtsnicht.git"
check "sync: an unreachable remote exits 2" test "$status" = 2
check "sync: the message names the address" grep -q "Die Fernablage $T/gibtsnicht.git ist nicht erreichbar" "$T/err"
git init -q "$T/fremd" && echo x >"$T/fremd/x.txt" && git -C "$T/fremd" add x.txt &&
	git -C "$T/fremd" commit -qm fremd && git clone -q --bare "$T/fremd" "$T/fremd.git"
cd "$T/a" && run sync "$T/fremd.git"
check "sync: another kind of repository is refused, its history not merged" \
	sh -c "[ $status = 2 ] && grep -q 'Die Fernablage $T/fremd.git enthält keinen Arbeitsbereich von antwort' '$T/err' && ! git -C '$T/a' cat-file -e HEAD:x.txt 2>/dev/null"
check "sync: nothing was pushed into it" test "$(git -C "$T/fremd.git" rev-list --count --all)" = 1
"$ANTWORT" init "$T/einsam" >/dev/null 2>&1
cd "$T/einsam" && run sync
check "sync: without a remote the message says how to give one" \
	grep -q "keine Fernablage eingerichtet; geben Sie ihre Adresse einmal an: „antwort sync ADRESSE“" "$T/err"

# --- through git daemon on 127.0.0.1 -----------------------------------------
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null)
mkdir -p "$T/srv"
git init -q --bare "$T/srv/team.git"
git init -q --bare "$T/srv/gesperrt.git"
printf '#!/bin/sh\necho "Ablage gesperrt" >&2\nexit 1\n' >"$T/srv/gesperrt.git/hooks/pre-receive"
chmod +x "$T/srv/gesperrt.git/hooks/pre-receive"
if [ -n "$port" ] && git daemon --reuseaddr --base-path="$T/srv" --export-all --enable=receive-pack \
	--listen=127.0.0.1 --port="$port" --pid-file="$T/daemon.pid" --detach "$T/srv" 2>/dev/null; then
	i=0
	until git ls-remote "git://127.0.0.1:$port/team.git" >/dev/null 2>&1 || [ $i -ge 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	sync_scenario "sync (git daemon)" "git://127.0.0.1:$port/team.git" "$T/d1" "$T/d2"
	check "sync (git daemon): the served repository is sound" git -C "$T/srv/team.git" fsck --strict --no-progress --no-dangling

	"$ANTWORT" init "$T/abgelehnt" >/dev/null 2>&1
	cd "$T/abgelehnt" && "$ANTWORT" import "$EX" >/dev/null 2>&1
	run sync "git://127.0.0.1:$port/gesperrt.git"
	check "sync: a push the remote rejects exits 2" test "$status" = 2
	check "sync: the rejection is explained with the server's reason" \
		grep -q "hat Ihre Fassungen abgelehnt (refs/heads/main: pre-receive hook declined)" "$T/err"
	kill "$(cat "$T/daemon.pid")" 2>/dev/null
	run sync "git://127.0.0.1:$port/team.git"
	check "sync: a daemon that is gone is unreachable, exit 2" \
		sh -c "[ $status = 2 ] && grep -q 'ist nicht erreichbar' '$T/err'"
else
	skip "sync (git daemon)" "git daemon could not be started on 127.0.0.1"
fi

# --- https: certificates loaded only when a server is talked to -------------
# libgit2 (mbedTLS) would parse the system's CA bundle at every start;
# antwort puts that off until a sync (src/ws_tls.c). strace shows who
# opens the bundle; a local TLS server with a self-signed certificate shows
# the check still happens.
CA=/etc/ssl/certs/ca-certificates.crt
if ! command -v strace >/dev/null 2>&1 || [ ! -r "$CA" ]; then
	skip "sync (https): certificates" "strace or $CA missing"
else
	"$ANTWORT" init "$T/tls" >/dev/null 2>&1
	cd "$T/tls" && "$ANTWORT" import "$EX" >/dev/null 2>&1
	# LeakSanitizer cannot run under ptrace: off for traced runs only.
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -e trace=openat,open -o "$T/trace" "$ANTWORT" list >/dev/null 2>&1
	check "sync (https): a command without a server never opens the CA bundle" \
		sh -c "grep -q 'anfragen' '$T/trace' && ! grep -q '$CA' '$T/trace'"
	tport=""
	if command -v openssl >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1 &&
		openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -days 2 \
			-keyout "$T/tls.key" -out "$T/tls.crt" >/dev/null 2>&1; then
		cat >"$T/tls.py" <<'PY'
import http.server, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[1], sys.argv[2])
srv = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
print(srv.server_address[1], flush=True)
srv.serve_forever()
PY
		python3 "$T/tls.py" "$T/tls.crt" "$T/tls.key" >"$T/tls.port" 2>/dev/null &
		tpid=$!
		i=0
		while [ ! -s "$T/tls.port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
		tport=$(cat "$T/tls.port")
	fi
	if [ -n "$tport" ]; then
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -e trace=openat,open -o "$T/trace" \
			"$ANTWORT" sync "https://127.0.0.1:$tport/team.git" >"$T/out" 2>"$T/err"
		status=$?
		check "sync (https): a sync opens the CA bundle before connecting" grep -q "$CA" "$T/trace"
		check "sync (https): a server the bundle does not vouch for is refused, exit 2" \
			sh -c "[ $status = 2 ] && grep -q 'not correctly signed by the trusted CA' '$T/err'"
		check "sync (https): the refused sync still names the remote" \
			grep -q "https://127.0.0.1:$tport/team.git ist nicht erreichbar" "$T/err"
		kill "$tpid" 2>/dev/null
	else
		skip "sync (https): a TLS server" "openssl or python3 missing"
	fi
fi
