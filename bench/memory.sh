#!/usr/bin/env bash
# Peak memory (maximum resident set size, from /usr/bin/time -v) of
# `underlag build` and `underlag validate` on synthetic trees of 1,000 and
# 10,000 documents, in one data tree and spread over many small trees (four
# documents each, each tree with its own registries). A build must stay flat:
# what it keeps per document is its manifest line, not the document.
#
#   bench/memory.sh                 build bin/underlag and measure it
#   BIN=/path/to/underlag bench/memory.sh   measure another binary
#   SIZES="1000" bench/memory.sh    only the small trees
#
# Needs GNU time (Debian: apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000"}
WORK=${WORK:-$(mktemp -d)}
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

if [ -z "${BIN:-}" ]; then
	go build -trimpath -o "$WORK/underlag" ./cmd/underlag
	BIN=$WORK/underlag
fi
[ -x /usr/bin/time ] || { echo "bench/memory.sh: needs GNU time at /usr/bin/time" >&2; exit 1; }

# peak CMD... prints the command's peak RSS in MB and its exit status.
peak() {
	local log=$WORK/time.log status=0
	/usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$WORK/stderr" || status=$?
	local kb
	kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
	local secs
	secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
	printf '%6d MB  %8s  exit %d' $((kb / 1024)) "$secs" "$status"
}

printf '%-9s %-6s %-9s %s\n' layout docs command "peak RSS   wall      status"
for n in $SIZES; do
	for layout in one many; do
		tree=$WORK/tree-$layout-$n
		if [ ! -d "$tree/data" ]; then
			trees=1
			[ "$layout" = many ] && trees=$(( (n + 3) / 4 ))
			go run ./bench/gentree -n "$n" -trees "$trees" -out "$tree" >/dev/null
		fi
		rm -rf "$WORK/out"
		printf '%-9s %-6s %-9s %s\n' "$layout" "$n" build "$(peak "$BIN" build "$tree/data" --out "$WORK/out" --force -q)"
		printf '%-9s %-6s %-9s %s\n' "$layout" "$n" validate "$(peak "$BIN" validate "$tree/data")"
	done
done
