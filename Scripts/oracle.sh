#!/usr/bin/env bash
# A second reading of the specification beside codeaudit's: Scripts/oracle/metrics.py
# (SPEC 5.1, 5.2, 5.3, 5.5), edits.py (SPEC 8) and remittances.py (SPEC 9 and 5.4) were
# written from SPEC.md alone, not from codeaudit's sources. For each folder of input
# files (the sample practice, then each of Scripts/oracle/cases/: see its README),
# `codeaudit demo` imports the folder and writes every month's nine exports; the
# readings take the store's encounters, lines, diagnoses, findings, hours and fees
# (copies of the files' cells), parse the folder's NCCI files and 835s themselves, and
# write the same nine files for the same months. codeaudit's must be the same bytes
# (edits.csv's `detail` sentences excepted). Exits 1 when any differs.
# Usage: Scripts/oracle.sh   (CODEAUDIT may name the binary; python3 is needed)
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C

BIN=${CODEAUDIT:-.build/debug/codeaudit}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
EXPORTS="error_rates.csv findings.csv coder_productivity.csv reimbursement_variance.csv em_distribution.csv
  edits.csv edit_rates.csv payments.csv denials.csv"

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
  month_options=()
  for month in $months; do month_options+=(--month "$month"); done
  # A reading that fails shows why (its other messages are counts, kept out of the way).
  reading() { "$@" 2>"$out.reading.log" || { cat "$out.reading.log" >&2; exit 1; }; }
  reading python3 Scripts/oracle/metrics.py --db "$out/codeaudit/demo.sqlite" "${month_options[@]}" \
    --out "$out/reading"
  reading python3 Scripts/oracle/edits.py --db "$out/codeaudit/demo.sqlite" "${options[@]}" "${month_options[@]}" \
    --excludes1 Sources/CICD10/icd10cm_excludes1.c --out "$out/reading"
  # The 835s in the order the demo imports them: by name.
  remittances=()
  for file in "$folder"/*.835; do [ -e "$file" ] && remittances+=("$file"); done
  reading python3 Scripts/oracle/remittances.py --db "$out/codeaudit/demo.sqlite" --out "$out/reading" \
    --months "$(echo $months | tr ' ' ,)" "${remittances[@]}"

  differing=0
  for month in $months; do
    # shellcheck disable=SC2086
    python3 Scripts/oracle/compare.py "$out/codeaudit" "$out/reading" "$month" $EXPORTS || differing=1
  done
  if [ "$differing" = 0 ]; then
    echo "  $folder: $(echo $months | wc -w) months, ${#remittances[@]} 835 files: all nine exports the same"
  else
    status=1
  fi
done
[ "$status" = 0 ] && echo "second reading of SPEC 5, 8 and 9: every export of every month the same"
exit "$status"
