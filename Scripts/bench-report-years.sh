#!/usr/bin/env bash
# Report benchmark on a store of many months: the 1,000,000-line benchmark file
# (2026-01..10) copied into each of YEARS years ending with 2026 (encounter ids
# prefixed by the year, dates moved), imported year by year, oldest first, then the
# benchmark's fees, and its audits and hours of 2026; then the report of 2026-10 and
# 2026-05, medians of RUNS runs. With YEARS=10: 10,000,000 lines over 100 months, the
# report's target (1.50 s) the same as on the one-year store. Building it takes ~10 min.
# Usage: Scripts/bench-report-years.sh   (YEARS, RUNS, CODEAUDIT may be set)
set -euo pipefail
cd "$(dirname "$0")/.."

YEARS=${YEARS:-10}
RUNS=${RUNS:-3}
BIN=${CODEAUDIT:-.build/release/codeaudit}
WORK=${BENCH_DIR:-.build/bench}
mkdir -p "$WORK"
file="$WORK/encounters-1000000.csv"
[ -s "$file" ] || python3 Scripts/generate-encounters.py --lines 1000000 --out "$file" --seed 2026
[ -s "$WORK/companions-1000000/fees.csv" ] || python3 Scripts/generate-companions.py "$file" "$WORK/companions-1000000"

. Scripts/bench-lib.sh

db="$WORK/years-$YEARS.sqlite"
# Kept between runs, and built again when the binary is newer than it.
if [ ! -s "$db" ] || [ "$BIN" -nt "$db" ]; then
  rm -f "$db"* "$WORK/codeaudit.key"
  "$BIN" init --db "$db" 2>/dev/null
  for year in $(seq $((2027 - YEARS)) 2026); do
    copy=$file
    if [ "$year" != 2026 ]; then
      copy="$WORK/encounters-$year.csv"
      awk -v y="$year" 'NR == 1 { print; next }
        { gsub("/2026,", "/" y ","); gsub(",2026-", "," y "-"); print "Y" y "-" $0 }' "$file" > "$copy"
    fi
    "$BIN" import encounters --no-rejects-file --db "$db" "$copy" 2>/dev/null
    [ "$copy" = "$file" ] || rm -f "$copy"
  done
  for kind in fees audits hours; do
    "$BIN" import "$kind" --no-rejects-file --db "$db" "$WORK/companions-1000000/$kind.csv" 2>/dev/null
  done
fi

echo "report benchmark: $YEARS years of the benchmark file ($YEARS,000,000 lines), median of $RUNS runs"
for month in 2026-10 2026-05; do
  time_report "$month" "$db" "$WORK/report-years"
  printf '  %-24s %6.2f s  (target <= 1.50 s; peak memory %d MB)\n' "report $month" "$REPORT_MEDIAN" \
    "$((REPORT_PEAK_KB / 1024))"
done
