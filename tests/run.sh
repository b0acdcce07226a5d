#!/bin/sh
# run.sh BUILD-DIR...: runs the whole suite against each build (the normal
# one and the sanitizer one) and ends with one line "N passed, N failed,
# N skipped" over all of them. Exit 1 if anything failed.
set -u
cd "$(dirname "$0")/.." || exit 2

log=$(mktemp "${TMPDIR:-/tmp}/antwort-run.XXXXXX")
trap 'rm -f "$log"' EXIT

# Sanitizer reports must fail loudly and never be mistaken for a normal
# exit status of antwort (which uses 1 and 2).
export ASAN_OPTIONS=detect_leaks=1:exitcode=86:abort_on_error=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=86
export LSAN_OPTIONS=exitcode=86:suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0
# Full stacks, so that the suppressions above can see libgit2's frames.
export ASAN_OPTIONS=$ASAN_OPTIONS:fast_unwind_on_malloc=0

for build in "$@"; do
	echo "== Suite gegen $build"
	{
		"./$build/unit-tests"
		rc=$?
		if [ "$rc" != 0 ] && [ "$rc" != 1 ]; then
			echo "FAIL: unit tests ran to the end ($build: exit $rc)"
		fi
		for t in tests/cli/test_*.sh; do
			ANTWORT="./$build/antwort" BUILD_DIR="$build" sh "$t"
		done
	} 2>&1 | sed "s|^\(PASS\|FAIL\|SKIP\): |\1: [$build] |" | tee -a "$log" | grep -v '^PASS: '
done

passed=$(grep -c '^PASS: ' "$log")
failed=$(grep -c '^FAIL: ' "$log")
skipped=$(grep -c '^SKIP: ' "$log")
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
