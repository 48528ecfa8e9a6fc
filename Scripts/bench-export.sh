#!/usr/bin/env bash
# Export and report benchmark: a store holding 1,000,000 encounter lines over ten
# months (with fees for the payers' codes, audits of a 10% sample and coder hours),
# then each of the nine exports of one month, and the whole monthly report of the
# store's last month (its twelve-month trend the longest), each the median of RUNS
# runs, and the same nine files from one `codeaudit export all`. Targets: all nine
# exports within 0.50 s together, the report within 1.50 s.
# Usage: Scripts/bench-export.sh   (LINES, MONTH, REPORT_MONTH, RUNS, CODEAUDIT may be set)
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${LINES:-1000000}
MONTH=${MONTH:-2026-05}
REPORT_MONTH=${REPORT_MONTH:-2026-10}
RUNS=${RUNS:-3}
BIN=${CODEAUDIT:-.build/release/codeaudit}
WORK=${BENCH_DIR:-.build/bench}
mkdir -p "$WORK"
file="$WORK/encounters-$LINES.csv"
[ -s "$file" ] || python3 Scripts/generate-encounters.py --lines "$LINES" --out "$file" --seed 2026
[ -s "$WORK/companions-$LINES/fees.csv" ] || python3 Scripts/generate-companions.py "$file" "$WORK/companions-$LINES"

. Scripts/bench-lib.sh

db="$WORK/export.sqlite"
rm -f "$db"* "$WORK/codeaudit.key"
"$BIN" init --db "$db" 2>/dev/null
"$BIN" import encounters --no-rejects-file --db "$db" "$file" 2>/dev/null
for kind in fees audits hours; do
  "$BIN" import "$kind" --no-rejects-file --db "$db" "$WORK/companions-$LINES/$kind.csv" 2>/dev/null
done

echo "export benchmark: $LINES lines in the store, month $MONTH, median of $RUNS runs"
total=0
for name in error_rates findings coder_productivity reimbursement_variance em_distribution edits edit_rates \
  payments denials; do
  times=()
  for _ in $(seq "$RUNS"); do
    measure "$BIN" export "$name" --month "$MONTH" --db "$db" --out "$WORK/$name.csv"
    times+=("$SECONDS_TAKEN")
  done
  t=$(median "${times[@]}")
  total=$(echo "$total + $t" | bc -l)
  printf '  %-24s %6.2f s  (%d rows)\n' "$name" "$t" "$(($(wc -l < "$WORK/$name.csv") - 1))"
done
printf '  %-24s %6.2f s  (target <= 0.50 s, nine commands)\n' "all nine" "$total"
# The same nine files from one command, one read of the store.
times=()
for _ in $(seq "$RUNS"); do
  rm -rf "$WORK/all"
  measure "$BIN" export all --month "$MONTH" --db "$db" --out "$WORK/all"
  times+=("$SECONDS_TAKEN")
done
for name in error_rates findings coder_productivity reimbursement_variance em_distribution edits edit_rates \
  payments denials; do
  cmp -s "$WORK/$name.csv" "$WORK/all/$name.csv" || { echo "export all: $name.csv differs from export $name" >&2; exit 1; }
done
printf '  %-24s %6.2f s  (one command, the same nine files; peak memory %d MB)\n' "export all" \
  "$(median "${times[@]}")" "$((PEAK_KB / 1024))"

# The whole monthly report of the last month: the month's nine exports, the summary
# figures of the eleven months before for the trend lines, and the edits, rendered to HTML.
time_report "$REPORT_MONTH" "$db" "$WORK/report"
printf '  %-24s %6.2f s  (target <= 1.50 s; peak memory %d MB, report.html %d KB)\n' "report $REPORT_MONTH" \
  "$REPORT_MEDIAN" "$((REPORT_PEAK_KB / 1024))" "$(($(wc -c < "$WORK/report/report.html") / 1024))"
