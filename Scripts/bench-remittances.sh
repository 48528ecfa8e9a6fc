#!/usr/bin/env bash
# Remittance import benchmark: `codeaudit import remittances` of an 835 that pays
# every settled encounter of a generated export, against `codeaudit import
# encounters` of that export, in the same run (target: the 835 in at most 2x the
# time of the export with the same number of service lines). Prints the medians of
# RUNS runs, the ratio, and the 835 import's peak memory for a small and a large
# file (it must not grow with the file); then, on the large store with its 835,
# the report of its last month and the next import, which keeps the months the
# 835 left without summaries (its peak memory within the import's 100 MB).
# Usage: Scripts/bench-remittances.sh   (LINES, RUNS, CODEAUDIT may be set)
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${LINES:-200000}
SMALL=$((LINES / 10))
LARGE=$((LINES * 2))
RUNS=${RUNS:-3}
REPORT_MONTH=${REPORT_MONTH:-2026-10}
BIN=${CODEAUDIT:-.build/release/codeaudit}
WORK=${BENCH_DIR:-.build/bench}
mkdir -p "$WORK"

for n in "$SMALL" "$LINES" "$LARGE"; do
  [ -s "$WORK/encounters-$n.csv" ] || python3 Scripts/generate-encounters.py --lines "$n" --out "$WORK/encounters-$n.csv" --seed 2026
  # An 835 pays the export it was made from: made again when the export is newer.
  [ -s "$WORK/remittances-$n.835" ] && [ ! "$WORK/encounters-$n.csv" -nt "$WORK/remittances-$n.835" ] ||
    python3 Scripts/generate-835.py --encounters "$WORK/encounters-$n.csv" --out "$WORK/remittances-$n.835"
done

. Scripts/bench-lib.sh

# A store holding the export, copied before each 835 import so every run starts alike.
encounters_once() {
  local n=$1
  rm -f "$WORK"/rm.sqlite* "$WORK"/codeaudit.key
  "$BIN" init --db "$WORK/rm.sqlite" 2>/dev/null
  measure "$BIN" import encounters --no-rejects-file --db "$WORK/rm.sqlite" "$WORK/encounters-$n.csv"
}
remittances_once() {
  local n=$1
  cp "$WORK/rm.sqlite" "$WORK/rm-835.sqlite"
  measure "$BIN" import remittances --no-rejects-file --db "$WORK/rm-835.sqlite" "$WORK/remittances-$n.835"
}

encs=(); remits=(); peaks=()
for _ in $(seq "$RUNS"); do
  encounters_once "$LINES"; encs+=("$SECONDS_TAKEN")
  remittances_once "$LINES"; remits+=("$SECONDS_TAKEN"); peaks+=("$PEAK_KB")
done
lines835=$(grep -c '^SVC' "$WORK/remittances-$LINES.835")
encounters_once "$SMALL"; remittances_once "$SMALL"; small_peak=$PEAK_KB
encounters_once "$LARGE"; remittances_once "$LARGE"; large_peak=$PEAK_KB

t_enc=$(median "${encs[@]}")
t_835=$(median "${remits[@]}")
echo "remittance import benchmark: an 835 of $lines835 service lines ($(du -h "$WORK/remittances-$LINES.835" | cut -f1)) paying an export of $LINES lines, median of $RUNS runs"
printf '  codeaudit import encounters  : %6.2f s  (%s)\n' "$t_enc" "$(printf '%.2f ' "${encs[@]}")"
printf '  codeaudit import remittances : %6.2f s  (%s)\n' "$t_835" "$(printf '%.2f ' "${remits[@]}")"
printf '  ratio remittances / encounters: %5.2f   (target <= 2)\n' "$(echo "$t_835 / $t_enc" | bc -l)"
printf '  peak memory, 835 of the %7d-line export: %6.1f MB\n' "$SMALL" "$(echo "$small_peak / 1024" | bc -l)"
printf '  peak memory, 835 of the %7d-line export: %6.1f MB\n' "$LINES" "$(echo "$(median "${peaks[@]}") / 1024" | bc -l)"
printf '  peak memory, 835 of the %7d-line export: %6.1f MB  (flat: the file is read in 2 MiB windows; the\n' "$LARGE" "$(echo "$large_peak / 1024" | bc -l)"
echo "    growth from the smallest file is SQLite's page cache, capped at 32 MB, filling up)"

# The report of the last month on the large store just loaded, with its 835: the 835 left
# the months it pays without kept summaries, so the trend computes each of them.
kept=$(sqlite3 "$WORK/rm-835.sqlite" "SELECT COUNT(*) FROM month_summary
  WHERE month >= substr(date('$REPORT_MONTH-01', '-11 months'), 1, 7) AND month <= '$REPORT_MONTH'")
time_report "$REPORT_MONTH" "$WORK/rm-835.sqlite" "$WORK/report-835"
printf '  report %s of the %d-line store with its 835 (%d of its months kept): %.2f s  (%s)\n' \
  "$REPORT_MONTH" "$LARGE" "$kept" "$REPORT_MEDIAN" "$(printf '%.2f ' "${REPORT_TIMES[@]}")"
printf '    (target <= 1.50 s; peak memory %d MB)\n' "$((REPORT_PEAK_KB / 1024))"

# The next import of another kind keeps the months the 835 left without summaries: an
# hours file of one row, on a copy of the store each run. Its peak memory must stay
# under the import's 100 MB however large the store (the passes are sized to the
# store's service lines per encounter).
printf 'coder,work_date,hours\nbench,%s-01,1\n' "$REPORT_MONTH" > "$WORK/hours-one.csv"
keeps=(); keep_peak=0
for _ in $(seq "$RUNS"); do
  cp "$WORK/rm-835.sqlite" "$WORK/rm-keep.sqlite"
  measure "$BIN" import hours --no-rejects-file --db "$WORK/rm-keep.sqlite" "$WORK/hours-one.csv"
  keeps+=("$SECONDS_TAKEN")
  [ "$PEAK_KB" -gt "$keep_peak" ] && keep_peak=$PEAK_KB
done
printf '  then an hours import of one row, keeping the %d months the 835 left: %.2f s  (%s; peak memory %.1f MB, target <= 100 MB)\n' \
  "$(($(sqlite3 "$WORK/rm-keep.sqlite" "SELECT COUNT(*) FROM month_summary")
    - $(sqlite3 "$WORK/rm-835.sqlite" "SELECT COUNT(*) FROM month_summary")))" "$(median "${keeps[@]}")" \
  "$(printf '%.2f ' "${keeps[@]}")" "$(echo "$keep_peak / 1024" | bc -l)"
rm -f "$WORK"/rm-keep.sqlite*
