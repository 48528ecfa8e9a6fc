#!/usr/bin/env bash
# Export benchmark: a store holding 1,000,000 encounter lines (with fees for
# the payers' codes, audits of a 10% sample and coder hours), then each of the
# five exports of one month, timed one by one. Target: all five within 2 s.
# Usage: Scripts/bench-export.sh   (LINES, MONTH, CODEAUDIT may be set)
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${LINES:-1000000}
MONTH=${MONTH:-2026-05}
BIN=${CODEAUDIT:-.build/release/codeaudit}
WORK=${BENCH_DIR:-.build/bench}
mkdir -p "$WORK"
file="$WORK/encounters-$LINES.csv"
[ -s "$file" ] || python3 Scripts/generate-encounters.py --lines "$LINES" --out "$file" --seed 2026
[ -s "$WORK/companions-$LINES/fees.csv" ] || python3 Scripts/generate-companions.py "$file" "$WORK/companions-$LINES"

db="$WORK/export.sqlite"
rm -f "$db"* "$WORK/codeaudit.key"
"$BIN" init --db "$db" 2>/dev/null
"$BIN" import encounters --no-rejects-file --db "$db" "$file" 2>/dev/null
for kind in fees audits hours; do
  "$BIN" import "$kind" --no-rejects-file --db "$db" "$WORK/companions-$LINES/$kind.csv" 2>/dev/null
done

echo "export benchmark: $LINES lines in the store, month $MONTH"
total=0
for name in error_rates findings coder_productivity reimbursement_variance em_distribution; do
  start=$(date +%s.%N)
  "$BIN" export "$name" --month "$MONTH" --db "$db" --out "$WORK/$name.csv"
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc -l)
  total=$(echo "$total + $t" | bc -l)
  printf '  %-24s %6.2f s  (%d rows)\n' "$name" "$t" "$(($(wc -l < "$WORK/$name.csv") - 1))"
done
printf '  %-24s %6.2f s  (target <= 2.00 s)\n' "all five" "$total"

# The whole monthly report: the month's five exports plus eleven earlier months
# of summary figures for the trend lines, rendered to HTML.
start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$WORK/report.rss" "$BIN" report --month "$MONTH" --db "$db" --out "$WORK/report" 2>/dev/null
end=$(date +%s.%N)
printf '  %-24s %6.2f s  (peak memory %d MB, report.html %d KB)\n' "report" "$(echo "$end - $start" | bc -l)" \
  "$(( $(cat "$WORK/report.rss") / 1024 ))" "$(( $(wc -c < "$WORK/report/report.html") / 1024 ))"
