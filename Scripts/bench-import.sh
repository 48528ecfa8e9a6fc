#!/usr/bin/env bash
# Import benchmark: `codeaudit import encounters` against SQLite's own CSV
# importer (`sqlite3 DB ".mode csv" ".import FILE t"`) on the same generated
# file, in the same run. Prints the median of RUNS runs of each, their ratio,
# and codeaudit's peak memory for a small and a large file (it must not grow
# with the file). Usage: Scripts/bench-import.sh   (LINES, RUNS, CODEAUDIT may be set)
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${LINES:-1000000}
SMALL=$((LINES / 10))
RUNS=${RUNS:-3}
BIN=${CODEAUDIT:-.build/release/codeaudit}
WORK=${BENCH_DIR:-.build/bench}
mkdir -p "$WORK"

for n in "$SMALL" "$LINES"; do
  [ -s "$WORK/encounters-$n.csv" ] || python3 Scripts/generate-encounters.py --lines "$n" --out "$WORK/encounters-$n.csv" --seed 2026
done

. Scripts/bench-lib.sh

codeaudit_once() {
  local file=$1
  rm -f "$WORK"/ca.sqlite* "$WORK"/codeaudit.key
  "$BIN" init --db "$WORK/ca.sqlite" 2>/dev/null
  measure "$BIN" import encounters --no-rejects-file --db "$WORK/ca.sqlite" "$file"
}

sqlite_once() {
  local file=$1
  rm -f "$WORK"/sq.sqlite*
  measure sqlite3 "$WORK/sq.sqlite" ".mode csv" ".import $file t"
}

big="$WORK/encounters-$LINES.csv"
small="$WORK/encounters-$SMALL.csv"
ours=(); theirs=(); peaks=()
for _ in $(seq "$RUNS"); do
  codeaudit_once "$big"; ours+=("$SECONDS_TAKEN"); peaks+=("$PEAK_KB")
  sqlite_once "$big"; theirs+=("$SECONDS_TAKEN")
done
codeaudit_once "$small"; small_peak=$PEAK_KB
rows=$(sqlite3 "$WORK/ca.sqlite" "SELECT rows_loaded FROM import_batch" 2>/dev/null || echo "?")

t_ours=$(median "${ours[@]}")
t_theirs=$(median "${theirs[@]}")
big_peak=$(median "${peaks[@]}")
echo "import benchmark: $LINES service lines ($(du -h "$big" | cut -f1)), median of $RUNS runs"
printf '  codeaudit import encounters : %6.2f s  (%s)\n' "$t_ours" "$(printf '%.2f ' "${ours[@]}")"
printf '  sqlite3 .import             : %6.2f s  (%s)\n' "$t_theirs" "$(printf '%.2f ' "${theirs[@]}")"
printf '  ratio codeaudit / sqlite3   : %6.2f   (target <= 1.25)\n' "$(echo "$t_ours / $t_theirs" | bc -l)"
printf '  peak memory, %7d lines  : %6.1f MB\n' "$SMALL" "$(echo "$small_peak / 1024" | bc -l)"
printf '  peak memory, %7d lines  : %6.1f MB  (target <= 100 MB, flat)\n' "$LINES" "$(echo "$big_peak / 1024" | bc -l)"
echo "  (rows loaded by codeaudit in the small run: $rows)"

# Instruction counts do not vary with the machine's load: the same comparison
# under callgrind on a 20,000-line file (a copy of the binary without DWARF,
# which this valgrind cannot read).
if command -v valgrind >/dev/null; then
  head -20001 "$small" > "$WORK/encounters-20000.csv"
  cp "$BIN" "$WORK/codeaudit-nodebug" && strip --strip-debug "$WORK/codeaudit-nodebug"
  rm -f "$WORK"/cg.sqlite* "$WORK"/codeaudit.key
  "$WORK/codeaudit-nodebug" init --db "$WORK/cg.sqlite" 2>/dev/null
  ours_ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$WORK/codeaudit-nodebug" import encounters \
    --no-rejects-file --db "$WORK/cg.sqlite" "$WORK/encounters-20000.csv" 2>&1 | awk '/Collected/ {print $NF}')
  rm -f "$WORK"/sq.sqlite*
  theirs_ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null sqlite3 "$WORK/sq.sqlite" ".mode csv" \
    ".import $WORK/encounters-20000.csv t" 2>&1 | awk '/Collected/ {print $NF}')
  echo "instructions for 20,000 lines (callgrind):"
  printf '  codeaudit %d, sqlite3 %d, ratio %.2f\n' "$ours_ir" "$theirs_ir" "$(echo "$ours_ir / $theirs_ir" | bc -l)"
fi
