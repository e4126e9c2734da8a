#!/usr/bin/env bash
# bench/compare.sh — time `underlag build` against the pipeline a user would
# otherwise script, on the same synthetic tree, in the same run:
#
#   1. underlag build --to pdf,docx on N documents (all cores); the
#      synthetic memos attach their directives, so underlag also writes a
#      committee packet (…-handling.pdf) for each memo, which the other
#      tools do not make: counted apart, and included in underlag's time;
#   1b. the floor (bench/floor): what any build of the same outputs cannot
#      avoid — parse the YAML, deflate the bytes that differ per document,
#      hash and write the same files at the same sizes — so that underlag's
#      CPU time per document is given as a ratio to it, measured in the
#      same run on the same machine;
#   2. pandoc turning the same content, as Markdown, into DOCX, one process
#      per document, $(nproc) at a time;
#   3. LibreOffice converting those DOCX files to PDF, one process at a time
#      (in batches of 200: a LibreOffice process stops after about 250).
#
# It prints each step's wall-clock time and CPU time (user + system, of all
# its processes) and the ratios. Wall time is what a user waits for; CPU
# time is steadier on a shared, busy machine. Needs Go, pandoc and
# LibreOffice (Debian: pandoc, libreoffice-writer-nogui). Run it as
# `make bench-compare`.
#
# Steps 1 and 1b run RUNS times each, alternately (default 3), and the
# median is reported: the machine is shared, and one run says little.
#
# Environment: N documents (default 1000), RUNS (default 3), JOBS parallel
# processes for pandoc (default nproc), FORMATS for underlag (default
# pdf,docx), SKIP_PANDOC=1 to leave steps 2 and 3 out (underlag and the
# floor only), SKIP_LIBREOFFICE=1 to leave step 3 out, BIN=path to measure
# another underlag binary, KEEP=1 to keep the work directory.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-1000}
RUNS=${RUNS:-3}
JOBS=${JOBS:-$(nproc)}
FORMATS=${FORMATS:-pdf,docx}
GO=${GO:-go}
[ "${SKIP_PANDOC:-}" = 1 ] && SKIP_LIBREOFFICE=1
if [ "${SKIP_PANDOC:-}" != 1 ]; then
  command -v pandoc >/dev/null || { echo "bench-compare: pandoc is not installed (apt-get install pandoc), or set SKIP_PANDOC=1" >&2; exit 1; }
fi
SOFFICE=$(command -v libreoffice || command -v soffice || true)
if [ -z "$SOFFICE" ] && [ "${SKIP_LIBREOFFICE:-}" != 1 ]; then
  echo "bench-compare: libreoffice is not installed (apt-get install libreoffice-writer-nogui), or set SKIP_LIBREOFFICE=1" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/underlag-bench.XXXXXX")
if [ "${KEEP:-}" = 1 ]; then
  echo "work directory: $work"
else
  trap 'rm -rf "$work"' EXIT
fi

calc() { awk "BEGIN { $1 }"; }
# measure NAME COMMAND...: runs the command and sets NAME_wall and NAME_cpu
# (seconds), using bash's own timing, which counts every child process.
exec 3>&1 4>&2
measure() {
  local name=$1 t real user sys
  shift
  t=$( { TIMEFORMAT='%R %U %S'; time "$@" 1>&3 2>&4; } 2>&1 )
  read -r real user sys <<<"$t"
  printf -v "${name}_wall" '%s' "$real"
  printf -v "${name}_cpu" '%s' "$(calc "printf \"%.2f\", $user + $sys")"
}
per_doc() { calc "printf \"%.2f\", 1000 * $1 / $N"; }
# median prints the median of its arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { calc "if ($2 > 0) printf \"%.1f\", $1 / $2; else print \"n/a\""; }

echo "== machine"
echo "cpus: $(nproc) × $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || uname -m), load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
versions="go: $($GO version | awk '{ print $3 }')"
[ "${SKIP_PANDOC:-}" = 1 ] || versions="$versions, pandoc: $(pandoc --version | head -1 | awk '{ print $2 }')"
[ "${SKIP_LIBREOFFICE:-}" = 1 ] || versions="$versions, libreoffice: $("$SOFFICE" --version 2>/dev/null | awk '{ print $2; exit }')"
echo "$versions"

echo "== preparing: building underlag, writing $N documents"
if [ -n "${BIN:-}" ]; then
  cp "$BIN" "$work/underlag"
else
  $GO build -trimpath -o "$work/underlag" ./cmd/underlag
fi
$GO build -trimpath -o "$work/floor" ./bench/floor
$GO run ./bench/gentree -n "$N" -out "$work/tree"
mapfile -d '' mds < <(cd "$work/tree/md" && find . -name '*.md' -print0 | sort -z)
[ "${#mds[@]}" -eq "$N" ] || { echo "bench-compare: expected $N Markdown files, found ${#mds[@]}" >&2; exit 1; }

# Warm the file cache and the binaries, so that neither side pays for a
# cold disk: a build of a few documents, and one pandoc run.
"$work/underlag" build "$work/tree/data/hsn" --out "$work/warm" --quiet --shard 1/20 >/dev/null 2>&1 || true
[ "${SKIP_PANDOC:-}" = 1 ] || pandoc -f markdown -t docx -o "$work/warm.docx" "$work/tree/md/${mds[0]#./}"

echo "== underlag build --to $FORMATS ($N documents, all cores) and the floor, $RUNS runs each"
walls=() cpus=() fwalls=() fcpus=()
# Each run writes into directories of its own, and none is deleted until
# the end: on an ext4 file system without a journal (as on the machine
# these figures come from), the kernel looks past every inode deleted in
# the last minute each time it makes a file, and in the last six while
# the deletion is not yet written out (fs/ext4/ialloc.c,
# recently_deleted), so a run right after deleting the last run's 5,000
# files paid for those deletes: the floor's figure doubled from the first
# run to the second, and underlag's grew by a quarter. For the same
# reason, figures are only comparable when nothing deleted many files in
# the minutes before (another run of this script, a test suite). What a
# step wrote is flushed to disk (sync, not timed) before the next starts:
# otherwise the kernel writes one run's 200 MB out while the next runs,
# and the later runs of three took a third longer than the first.
for run in $(seq "$RUNS"); do
  out="$work/out.$run"
  sync
  measure underlag "$work/underlag" build "$work/tree/data" --out "$out" --to "$FORMATS" --quiet --report "$work/report.json"
  sync
  measure floor "$work/floor" -ref "$out" -out "$work/floor-out.$run" -to "$FORMATS" "$work/tree/data"
  echo "run $run: underlag ${underlag_wall} s (cpu ${underlag_cpu} s), floor ${floor_wall} s (cpu ${floor_cpu} s)"
  walls+=("$underlag_wall") cpus+=("$underlag_cpu") fwalls+=("$floor_wall") fcpus+=("$floor_cpu")
done
underlag_wall=$(median "${walls[@]}") underlag_cpu=$(median "${cpus[@]}")
floor_wall=$(median "${fwalls[@]}") floor_cpu=$(median "${fcpus[@]}")
made=""
for f in ${FORMATS//,/ }; do
  n=$(find "$out" -name "*.$f" ! -name '*-handling.pdf' | wc -l)
  made="$made $n $f"
  [ "$n" -eq "$N" ] || { echo "bench-compare: underlag wrote $n $f files for $N documents" >&2; exit 1; }
done
packets=$(find "$out" -name '*-handling.pdf' | wc -l)
made="$made (and $packets committee packets)"
echo "underlag (median of $RUNS): ${underlag_wall} s (cpu ${underlag_cpu} s) for$made; $(per_doc "$underlag_wall") ms wall, $(per_doc "$underlag_cpu") ms cpu per document"
echo "floor (median of $RUNS): ${floor_wall} s (cpu ${floor_cpu} s); $(per_doc "$floor_cpu") ms cpu per document"
echo "underlag / floor, cpu per document: $(ratio "$underlag_cpu" "$floor_cpu")×"
measure noop "$work/underlag" build "$work/tree/data" --out "$out" --to "$FORMATS" --quiet
echo "underlag, second run (nothing changed): ${noop_wall} s (cpu ${noop_cpu} s)"

if [ "${SKIP_PANDOC:-}" != 1 ]; then
echo "== pandoc → DOCX ($N processes, $JOBS at a time)"
mkdir -p "$work/pandoc"
# Outputs are numbered (0001.docx …), flat in one directory, for LibreOffice.
run_pandoc() {
  local m i=0
  for m in "${mds[@]}"; do
    i=$((i + 1))
    printf '%s\0-o\0%s\0' "$work/tree/md/${m#./}" "$work/pandoc/$(printf '%04d' "$i").docx"
  done | xargs -0 -n 3 -P "$JOBS" pandoc -f markdown -t docx
}
measure pandoc run_pandoc
n=$(find "$work/pandoc" -name '*.docx' | wc -l)
echo "pandoc: ${pandoc_wall} s (cpu ${pandoc_cpu} s) for $n DOCX; $(per_doc "$pandoc_wall") ms per document"
fi

if [ "${SKIP_LIBREOFFICE:-}" != 1 ]; then
  echo "== LibreOffice DOCX → PDF (one process per 200 files)"
  mkdir -p "$work/lo"
  # One process converts the lot, except that LibreOffice 7.4 silently
  # stops after about 250 files of one command line (exit status 0): so
  # batches of 200, one process at a time.
  run_lo() {
    (cd "$work/pandoc" && printf '%s\0' ./*.docx |
      xargs -0 -n 200 -P 1 "$SOFFICE" -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf --outdir ../lo >"$work/lo.log" 2>&1)
  }
  measure lo run_lo
  n=$(find "$work/lo" -name '*.pdf' | wc -l)
  echo "libreoffice: ${lo_wall} s (cpu ${lo_cpu} s) for $n PDF; $(per_doc "$lo_wall") ms per document"
  [ "$n" -eq "$N" ] || echo "bench-compare: warning: LibreOffice wrote $n PDF for $N DOCX (see $work/lo.log; KEEP=1 keeps it)" >&2
fi

echo "== summary ($N documents; wall-clock seconds, CPU seconds)"
row() { printf '%-40s %9s %9s\n' "$1" "$2" "$3"; }
row "" "wall s" "cpu s"
row "underlag build ($FORMATS)" "$underlag_wall" "$underlag_cpu"
row "underlag build, nothing changed" "$noop_wall" "$noop_cpu"
row "floor (same outputs, nothing else)" "$floor_wall" "$floor_cpu"
row "cpu ms per document: underlag, floor" "$(per_doc "$underlag_cpu")" "$(per_doc "$floor_cpu")"
row "ratio underlag / floor (cpu)" "" "$(ratio "$underlag_cpu" "$floor_cpu")×"
[ "${SKIP_PANDOC:-}" = 1 ] && exit 0
row "pandoc to DOCX" "$pandoc_wall" "$pandoc_cpu"
if [ "${SKIP_LIBREOFFICE:-}" != 1 ]; then
  row "libreoffice DOCX to PDF" "$lo_wall" "$lo_cpu"
fi
row "ratio pandoc / underlag" "$(ratio "$pandoc_wall" "$underlag_wall")×" "$(ratio "$pandoc_cpu" "$underlag_cpu")×"
if [ "${SKIP_LIBREOFFICE:-}" != 1 ]; then
  row "ratio (pandoc + libreoffice) / underlag" "$(ratio "$(calc "print $pandoc_wall + $lo_wall")" "$underlag_wall")×" "$(ratio "$(calc "print $pandoc_cpu + $lo_cpu")" "$underlag_cpu")×"
fi
