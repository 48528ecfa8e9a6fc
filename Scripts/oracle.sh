#!/usr/bin/env bash
# A second reading of the specification beside codeaudit's: Scripts/oracle/edits.py
# (SPEC 8) and Scripts/oracle/remittances.py (SPEC 9 and 5.4) were written from
# SPEC.md alone, not from codeaudit's sources. For each folder of input files (the
# sample practice, then each of Scripts/oracle/cases/: boundaries of the edits, and
# rules of the 835 matching, denials, reversals and rejections), `codeaudit demo`
# imports the folder and writes every month's exports; the two readings take the
# store's encounters, lines, diagnoses, fees and audits, parse the folder's NCCI
# files and 835s themselves, and write edits.csv, edit_rates.csv, payments.csv,
# denials.csv and reimbursement_variance.csv for the same months. codeaudit's must
# be the same files (edits.csv's `detail` sentences excepted). Exits 1 when any differs.
# Usage: Scripts/oracle.sh   (CODEAUDIT may name the binary; python3 is needed)
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C

BIN=${CODEAUDIT:-.build/debug/codeaudit}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
EXPORTS="edits.csv edit_rates.csv payments.csv denials.csv reimbursement_variance.csv"

status=0
for folder in SampleData Scripts/oracle/cases/*/; do
  folder=${folder%/}
  out="$WORK/$(basename "$folder")"
  "$BIN" demo --sample-data "$folder" --out "$out/codeaudit" >/dev/null 2>"$out.log" ||
    { cat "$out.log" >&2; exit 1; }
  months=$(cd "$out/codeaudit" && ls -d 20[0-9][0-9]-[0-9][0-9])

  options=()
  for file in "$folder"/*ptp*; do [ -e "$file" ] && options+=(--ptp "$file"); done
  for file in "$folder"/*mue*; do
    [ -e "$file" ] && options+=(--mue "$file:$(basename "$file" | grep -oE '[0-9]{4}-[0-9]{2}-[0-9]{2}')")
  done
  for month in $months; do options+=(--month "$month"); done
  python3 Scripts/oracle/edits.py --db "$out/codeaudit/demo.sqlite" "${options[@]}" \
    --excludes1 Sources/CICD10/icd10cm_excludes1.c --out "$out/reading" 2>/dev/null
  # The 835s in the order the demo imports them: by name.
  remittances=()
  for file in "$folder"/*.835; do [ -e "$file" ] && remittances+=("$file"); done
  python3 Scripts/oracle/remittances.py --db "$out/codeaudit/demo.sqlite" --out "$out/reading" \
    --months "$(echo $months | tr ' ' ,)" "${remittances[@]}" 2>/dev/null

  differing=0
  for month in $months; do
    # shellcheck disable=SC2086
    python3 Scripts/oracle/compare.py "$out/codeaudit" "$out/reading" "$month" $EXPORTS || differing=1
  done
  if [ "$differing" = 0 ]; then
    echo "  $folder: $(echo $months | wc -w) months, ${#remittances[@]} 835 files: every export the same"
  else
    status=1
  fi
done
[ "$status" = 0 ] && echo "second reading of SPEC 8 and 9: every export the same"
exit "$status"
