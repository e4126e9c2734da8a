#!/usr/bin/env bash
# bench/identical.sh — do the outputs of the example data stay the same
# across a change made for speed? Builds data/ (every format, with its
# packets) with the underlag of a base revision and with the working
# tree's, and compares each output's SHA-256.
#
# An output whose bytes differ is accepted only when what differs is how
# it is packed, not what it holds, and the script says which file it
# accepted and why:
#   - a PDF whose objects, with every stream uncompressed, are the same
#     (another deflate: qpdf --stream-data=uncompress on both, /ID aside);
#   - otherwise a PDF whose difference is that of a cache (object order,
#     not content): then `qpdf --check`, the shared checker
#     (../shared/checkers/check_pdf.py, when present) and the text
#     (pdftotext -layout) of both must agree;
#   - a DOCX (a zip) whose parts, uncompressed, are the same, in the same
#     order (another deflate).
# Anything else fails.
#
#   bench/identical.sh            # against main
#   BASE=0fba513 bench/identical.sh
#   BEFORE=/path/to/underlag bench/identical.sh   # a binary instead of a revision
#
# Needs Go and git; for a PDF that differs also qpdf, poppler-utils and
# Debian's python3.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=${BASE:-main}
GO=${GO:-go}
work=$(mktemp -d "${TMPDIR:-/tmp}/underlag-identical.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ -n "${BEFORE:-}" ]; then
  cp "$BEFORE" "$work/before"
else
  mkdir "$work/src"
  git archive "$BASE" | tar -x -C "$work/src"
  (cd "$work/src" && $GO build -trimpath -o "$work/before" ./cmd/underlag)
fi
$GO build -trimpath -o "$work/after" ./cmd/underlag

for side in before after; do
  "$work/$side" build data --out "$work/out-$side" --force --quiet >/dev/null 2>&1 || {
    echo "identical: the $side build of data/ failed" >&2
    exit 1
  }
  (cd "$work/out-$side" && find . -type f ! -name '.*' | sort | xargs sha256sum) >"$work/sums-$side"
done

if ! diff <(awk '{ print $2 }' "$work/sums-before") <(awk '{ print $2 }' "$work/sums-after") >/dev/null; then
  echo "identical: the builds wrote different files:" >&2
  diff <(awk '{ print $2 }' "$work/sums-before") <(awk '{ print $2 }' "$work/sums-after") >&2 || true
  exit 1
fi

# unpacked PDF: the file rewritten by qpdf with every stream uncompressed,
# and without the /ID, which underlag derives from the packed bytes.
unpacked() {
  qpdf --stream-data=uncompress --static-id "$1" - 2>/dev/null | LC_ALL=C sed -E 's#/ID \[<[0-9a-f]+>#/ID [<>#'
}

# same_parts A B: two zip packages hold the same entries in the same
# order, each with the same uncompressed bytes.
same_parts() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import sys, zipfile
a, b = (zipfile.ZipFile(f) for f in sys.argv[1:3])
na, nb = a.namelist(), b.namelist()
sys.exit(0 if na == nb and all(a.read(n) == b.read(n) for n in na) else 1)
PY
}

checker=../shared/checkers/check_pdf.py
same=0 accepted=0 failed=0
while read -r sum file; do
  other=$(awk -v f="$file" '$2 == f { print $1 }' "$work/sums-after")
  if [ "$sum" = "$other" ]; then
    same=$((same + 1))
    continue
  fi
  a=$work/out-before/$file b=$work/out-after/$file
  case "$file" in
  *.pdf)
    if cmp -s <(unpacked "$a") <(unpacked "$b"); then
      echo "$file: bytes differ; the same objects with streams uncompressed (accepted)"
      accepted=$((accepted + 1))
      continue
    fi
    ok=1
    qpdf --check "$b" >/dev/null 2>&1 || { echo "$file: qpdf --check fails after" >&2; ok=0; }
    if [ -f "$checker" ]; then
      /usr/bin/python3 "$checker" "$b" >/dev/null 2>&1 || { echo "$file: $checker fails after" >&2; ok=0; }
    fi
    if ! diff <(pdftotext -layout "$a" -) <(pdftotext -layout "$b" -) >/dev/null; then
      echo "$file: the text differs" >&2
      ok=0
    fi
    if [ "$ok" = 1 ]; then
      echo "$file: bytes differ; qpdf --check, the checker and the text agree (accepted)"
      accepted=$((accepted + 1))
    else
      failed=$((failed + 1))
    fi
    ;;
  *.docx)
    if same_parts "$a" "$b"; then
      echo "$file: bytes differ; the same parts uncompressed, in the same order (accepted)"
      accepted=$((accepted + 1))
    else
      echo "$file: the parts differ" >&2
      failed=$((failed + 1))
    fi
    ;;
  *)
    echo "$file: bytes differ" >&2
    failed=$((failed + 1))
    ;;
  esac
done <"$work/sums-before"

echo "identical: $same outputs byte-identical, $accepted accepted with the same text and checks, $failed different"
[ "$failed" -eq 0 ]
