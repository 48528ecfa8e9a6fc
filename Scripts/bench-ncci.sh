#!/usr/bin/env bash
# NCCI table import benchmark: `codeaudit import ptp` of a generated practitioner PTP
# file in CMS's layout (target: 500,000 edits in at most 3 s), the same file again with
# --force into that store (every key replaced, as a next quarter's file replaces most),
# and `codeaudit import mue` of a 15,000-code MUE table. Each is the median of RUNS runs,
# a fresh database each (the --force run copies a store holding the file). Prints the
# figures against the target and each import's peak memory.
# Usage: Scripts/bench-ncci.sh   (PTP_ROWS, MUE_CODES, RUNS, CODEAUDIT may be set)
set -euo pipefail
cd "$(dirname "$0")/.."

PTP_ROWS=${PTP_ROWS:-500000}
MUE_CODES=${MUE_CODES:-15000}
RUNS=${RUNS:-3}
BIN=${CODEAUDIT:-.build/release/codeaudit}
WORK=${BENCH_DIR:-.build/bench}
TARGET=3
mkdir -p "$WORK"

ptp="$WORK/ccipra-bench-$PTP_ROWS-f1.txt"
mue="$WORK/ncci-mue-bench-$MUE_CODES.csv"
[ -s "$ptp" ] || python3 Scripts/generate-ncci.py --ptp-rows "$PTP_ROWS" --ptp-out "$ptp" --seed 2026
[ -s "$mue" ] || python3 Scripts/generate-ncci.py --mue-codes "$MUE_CODES" --mue-out "$mue" --seed 2026

. Scripts/bench-lib.sh

fresh() {
  rm -f "$WORK"/ncci.sqlite* "$WORK"/ncci.key
  "$BIN" init --db "$WORK/ncci.sqlite" --key-file "$WORK/ncci.key" 2>/dev/null
}
ptp_once() {
  fresh
  measure "$BIN" import ptp --no-rejects-file --db "$WORK/ncci.sqlite" --key-file "$WORK/ncci.key" "$ptp"
}
# Into a copy of the store ptp_once left, so that every key of the file is stored before.
replace_once() {
  rm -f "$WORK"/ncci-again.sqlite*
  cp "$WORK/ncci.sqlite" "$WORK/ncci-again.sqlite"
  measure "$BIN" import ptp --force --no-rejects-file --db "$WORK/ncci-again.sqlite" --key-file "$WORK/ncci.key" "$ptp"
}
mue_once() {
  fresh
  measure "$BIN" import mue --effective 2026-04-01 --no-rejects-file --db "$WORK/ncci.sqlite" \
    --key-file "$WORK/ncci.key" "$mue"
}

ptps=(); ptp_peaks=(); replaces=(); replace_peaks=(); mues=(); mue_peaks=()
for _ in $(seq "$RUNS"); do
  ptp_once; ptps+=("$SECONDS_TAKEN"); ptp_peaks+=("$PEAK_KB")
  replace_once; replaces+=("$SECONDS_TAKEN"); replace_peaks+=("$PEAK_KB")
  mue_once; mues+=("$SECONDS_TAKEN"); mue_peaks+=("$PEAK_KB")
done
loaded=$(sqlite3 "$WORK/ncci-again.sqlite" "SELECT rows_loaded || ' loaded, ' || rows_replaced || ' replaced' FROM import_batch ORDER BY id DESC LIMIT 1")

t_ptp=$(median "${ptps[@]}")
echo "NCCI import benchmark: $PTP_ROWS PTP edits ($(du -h "$ptp" | cut -f1)), $MUE_CODES MUE codes ($(du -h "$mue" | cut -f1)), median of $RUNS runs"
printf '  codeaudit import ptp            : %6.2f s  (%s)  target <= %d s: %s\n' "$t_ptp" \
  "$(printf '%.2f ' "${ptps[@]}")" "$TARGET" "$(echo "$t_ptp <= $TARGET" | bc -l | sed 's/1/met/;s/0/NOT met/')"
printf '  import ptp --force, keys stored : %6.2f s  (%s)  (%s)\n' "$(median "${replaces[@]}")" \
  "$(printf '%.2f ' "${replaces[@]}")" "$loaded"
printf '  codeaudit import mue            : %6.2f s  (%s)\n' "$(median "${mues[@]}")" "$(printf '%.2f ' "${mues[@]}")"
printf '  peak memory: ptp %.1f MB, ptp --force %.1f MB, mue %.1f MB\n' \
  "$(echo "$(median "${ptp_peaks[@]}") / 1024" | bc -l)" "$(echo "$(median "${replace_peaks[@]}") / 1024" | bc -l)" \
  "$(echo "$(median "${mue_peaks[@]}") / 1024" | bc -l)"
