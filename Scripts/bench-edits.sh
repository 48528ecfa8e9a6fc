#!/usr/bin/env bash
# Edits benchmark (SPEC 8): the 1,000,000-line store of bench-export.sh (fees, audits,
# hours), plus a generated 500,000-edit PTP table and a 15,000-code MUE table whose
# codes include the store's (Scripts/generate-ncci.py --codes-from), so that the edits
# fire; then `codeaudit export edits` and `export edit_rates` of one month, each the
# median of RUNS runs. Target: the month's edits computed in at most 1 s.
# Usage: Scripts/bench-edits.sh   (LINES, MONTH, RUNS, CODEAUDIT may be set)
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${LINES:-1000000}
MONTH=${MONTH:-2026-05}
RUNS=${RUNS:-3}
BIN=${CODEAUDIT:-.build/release/codeaudit}
WORK=${BENCH_DIR:-.build/bench}
TARGET=1
mkdir -p "$WORK"
. Scripts/bench-lib.sh

file="$WORK/encounters-$LINES.csv"
[ -s "$file" ] || python3 Scripts/generate-encounters.py --lines "$LINES" --out "$file" --seed 2026
[ -s "$WORK/companions-$LINES/fees.csv" ] || python3 Scripts/generate-companions.py "$file" "$WORK/companions-$LINES"
ptp="$WORK/ccipra-edits-$LINES-f1.txt"
mue="$WORK/ncci-mue-edits-$LINES.csv"
[ -s "$ptp" ] || python3 Scripts/generate-ncci.py --ptp-rows 500000 --ptp-out "$ptp" --codes-from "$file" --seed 2026
[ -s "$mue" ] || python3 Scripts/generate-ncci.py --mue-codes 15000 --mue-out "$mue" --codes-from "$file" --seed 2026

db="$WORK/edits.sqlite"
rm -f "$db"* "$WORK/edits.key"
"$BIN" init --db "$db" --key-file "$WORK/edits.key" 2>/dev/null
"$BIN" import encounters --no-rejects-file --db "$db" --key-file "$WORK/edits.key" "$file" 2>/dev/null
for kind in fees audits hours; do
  "$BIN" import "$kind" --no-rejects-file --db "$db" --key-file "$WORK/edits.key" "$WORK/companions-$LINES/$kind.csv" 2>/dev/null
done
"$BIN" import ptp --no-rejects-file --db "$db" --key-file "$WORK/edits.key" "$ptp" 2>/dev/null
"$BIN" import mue --effective 2020-01-01 --no-rejects-file --db "$db" --key-file "$WORK/edits.key" "$mue" 2>/dev/null

echo "edits benchmark: $LINES lines in the store, $(sqlite3 "$db" 'SELECT count(*) FROM ptp_edit') PTP edits," \
  "$(sqlite3 "$db" 'SELECT count(*) FROM mue_value') MUE codes, month $MONTH, median of $RUNS runs"
for name in edits edit_rates; do
  times=(); peaks=()
  for _ in $(seq "$RUNS"); do
    measure "$BIN" export "$name" --month "$MONTH" --db "$db" --key-file "$WORK/edits.key" --out "$WORK/$name.csv"
    times+=("$SECONDS_TAKEN"); peaks+=("$PEAK_KB")
  done
  t=$(median "${times[@]}")
  printf '  export %-11s %6.2f s  (%s)  peak %.1f MB, %d rows  target <= %d s: %s\n' "$name" "$t" \
    "$(printf '%.2f ' "${times[@]}")" "$(echo "$(median "${peaks[@]}") / 1024" | bc -l)" \
    "$(($(wc -l < "$WORK/$name.csv") - 1))" "$TARGET" "$(echo "$t <= $TARGET" | bc -l | sed 's/1/met/;s/0/NOT met/')"
done
python3 - "$WORK/edits.csv" <<'PY'
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
print("  flags by edit: " + ", ".join(f"{k} {v}" for k, v in sorted(collections.Counter(r["edit"] for r in rows).items())))
PY
