#!/usr/bin/env bash
# Import benchmark: `codeaudit import encounters` against SQLite's own CSV
# importer on the same generated file, in the same run: the floor (the rows
# codeaudit stores, pre-split into one CSV per table, loaded by `sqlite3
# .import` into a database made by `codeaudit init`, one transaction) and the
# whole file into one flat table. Prints the median of RUNS runs of each, the
# ratios, and codeaudit's peak memory at LINES/10, LINES and 10×LINES lines
# (it must not grow with the file; HUGE= leaves out the largest).
# Usage: Scripts/bench-import.sh   (LINES, RUNS, HUGE, CODEAUDIT may be set)
set -euo pipefail
cd "$(dirname "$0")/.."

LINES=${LINES:-1000000}
SMALL=$((LINES / 10))
RUNS=${RUNS:-3}
HUGE=${HUGE-1}
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

# The floor: SQLite's own loader writing the rows codeaudit stores into the
# same tables (with their keys, indexes and checks) of a database made by
# `codeaudit init`, all in one transaction. The rows are the ones codeaudit
# stored for the file, written out as one CSV per table; a CSV cell cannot
# say NULL, so an absent modifier or specialty is loaded as '' and an absent
# amount as 0 (each takes no bytes in a record, like NULL). SQLite gets the
# page cache codeaudit's import has (32 MB; the shell's default of 2 MB would
# spill the transaction to the write-ahead log again and again, a slower floor).
split_tables() {
  local db=$1 dir=$2
  mkdir -p "$dir"
  sqlite3 -csv "$db" "SELECT * FROM import_batch" > "$dir/import_batch.csv"
  sqlite3 -csv "$db" "SELECT id, external_id, service_date, patient_pseudonym, provider, IFNULL(specialty, ''),
    coder, payer, IFNULL(coded_at, ''), IFNULL(coding_minutes, 0), batch_id FROM encounter" > "$dir/encounter.csv"
  sqlite3 -csv "$db" "SELECT id, encounter_id, source_line, procedure_code, IFNULL(modifier_1, ''),
    IFNULL(modifier_2, ''), IFNULL(modifier_3, ''), IFNULL(modifier_4, ''), units, IFNULL(place_of_service, ''),
    IFNULL(charge_cents, 0), IFNULL(allowed_cents, 0), IFNULL(paid_cents, 0) FROM encounter_line" > "$dir/encounter_line.csv"
  sqlite3 -csv "$db" "SELECT * FROM encounter_diagnosis" > "$dir/encounter_diagnosis.csv"
}

floor_once() {
  local dir=$1
  rm -f "$WORK"/fl.sqlite* "$WORK"/codeaudit.key
  "$BIN" init --db "$WORK/fl.sqlite" 2>/dev/null
  measure sqlite3 "$WORK/fl.sqlite" "PRAGMA cache_size = -32768" "BEGIN" ".import --csv $dir/import_batch.csv import_batch" \
    ".import --csv $dir/encounter.csv encounter" ".import --csv $dir/encounter_line.csv encounter_line" \
    ".import --csv $dir/encounter_diagnosis.csv encounter_diagnosis" "COMMIT"
}

big="$WORK/encounters-$LINES.csv"
small="$WORK/encounters-$SMALL.csv"
huge="$WORK/encounters-$((LINES * 10)).csv"
ours=(); theirs=(); floors=(); peaks=()
codeaudit_once "$big"
split_tables "$WORK/ca.sqlite" "$WORK/split-$LINES"
for _ in $(seq "$RUNS"); do
  codeaudit_once "$big"; ours+=("$SECONDS_TAKEN"); peaks+=("$PEAK_KB")
  floor_once "$WORK/split-$LINES"; floors+=("$SECONDS_TAKEN")
  sqlite_once "$big"; theirs+=("$SECONDS_TAKEN")
done
floor_rows=$(sqlite3 "$WORK/fl.sqlite" "SELECT (SELECT count(*) FROM encounter) || ' encounters, ' ||
  (SELECT count(*) FROM encounter_line) || ' lines, ' || (SELECT count(*) FROM encounter_diagnosis) || ' diagnoses'")
ours_rows=$(sqlite3 "$WORK/ca.sqlite" "SELECT (SELECT count(*) FROM encounter) || ' encounters, ' ||
  (SELECT count(*) FROM encounter_line) || ' lines, ' || (SELECT count(*) FROM encounter_diagnosis) || ' diagnoses'")
codeaudit_once "$small"; small_peak=$PEAK_KB
rows=$(sqlite3 "$WORK/ca.sqlite" "SELECT rows_loaded FROM import_batch" 2>/dev/null || echo "?")
# Not the first load: the file into a store that already holds other encounters (the
# small file's, their ids prefixed), so that every index takes each row as it comes (a
# first load builds the indexes it never reads at its end). Once, for the record; the
# target is the first load's.
awk 'NR == 1 { print; next } { print "P" $0 }' "$small" > "$WORK/encounters-other.csv"
rm -f "$WORK"/ca.sqlite* "$WORK"/codeaudit.key
"$BIN" init --db "$WORK/ca.sqlite" 2>/dev/null
"$BIN" import encounters --no-rejects-file --db "$WORK/ca.sqlite" "$WORK/encounters-other.csv" 2>/dev/null
measure "$BIN" import encounters --no-rejects-file --db "$WORK/ca.sqlite" "$big"; t_later=$SECONDS_TAKEN
rm -f "$WORK/encounters-other.csv"

if [ -n "$HUGE" ]; then
  # Peak memory at ten times the file (the 10,000,000-line file takes a few minutes to write and to load).
  [ -s "$huge" ] || python3 Scripts/generate-encounters.py --lines "$((LINES * 10))" --out "$huge" --seed 2026
  codeaudit_once "$huge"; huge_peak=$PEAK_KB; huge_time=$SECONDS_TAKEN
fi

t_ours=$(median "${ours[@]}")
t_theirs=$(median "${theirs[@]}")
t_floor=$(median "${floors[@]}")
big_peak=$(median "${peaks[@]}")
echo "import benchmark: $LINES service lines ($(du -h "$big" | cut -f1)), median of $RUNS runs"
printf '  codeaudit import encounters : %6.2f s  (%s) %s\n' "$t_ours" "$(printf '%.2f ' "${ours[@]}")" "$ours_rows"
printf '  floor: sqlite3 .import of the same rows into the same tables, one transaction\n'
printf '                              : %6.2f s  (%s) %s\n' "$t_floor" "$(printf '%.2f ' "${floors[@]}")" "$floor_rows"
printf '  ratio codeaudit / floor     : %6.2f   (target <= 1.25)\n' "$(echo "$t_ours / $t_floor" | bc -l)"
printf '  the same file into a store holding %d other lines (not a first load): %.2f s, %.2f x the floor\n' \
  "$SMALL" "$t_later" "$(echo "$t_later / $t_floor" | bc -l)"
printf '  sqlite3 .import, one flat table: %6.2f s  (%s)\n' "$t_theirs" "$(printf '%.2f ' "${theirs[@]}")"
printf '  ratio codeaudit / flat table: %6.2f\n' "$(echo "$t_ours / $t_theirs" | bc -l)"
printf '  peak memory, %8d lines : %6.1f MB\n' "$SMALL" "$(echo "$small_peak / 1024" | bc -l)"
printf '  peak memory, %8d lines : %6.1f MB  (target <= 100 MB, flat)\n' "$LINES" "$(echo "$big_peak / 1024" | bc -l)"
if [ -n "$HUGE" ]; then
  printf '  peak memory, %8d lines : %6.1f MB  (import %.1f s)\n' "$((LINES * 10))" "$(echo "$huge_peak / 1024" | bc -l)" "$huge_time"
fi
echo "  (rows loaded by codeaudit in the small run: $rows)"

# Instruction counts do not vary with the machine's load: the same comparison
# under callgrind on a 20,000-line file (a copy of the binary without DWARF,
# which this valgrind cannot read).
if command -v valgrind >/dev/null; then
  head -20001 "$small" > "$WORK/callgrind-20000.csv"
  cp "$BIN" "$WORK/codeaudit-nodebug" && strip --strip-debug "$WORK/codeaudit-nodebug"
  rm -f "$WORK"/cg.sqlite* "$WORK"/codeaudit.key
  "$WORK/codeaudit-nodebug" init --db "$WORK/cg.sqlite" 2>/dev/null
  ours_ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$WORK/codeaudit-nodebug" import encounters \
    --no-rejects-file --db "$WORK/cg.sqlite" "$WORK/callgrind-20000.csv" 2>&1 | awk '/Collected/ {print $NF}')
  rm -f "$WORK"/sq.sqlite*
  theirs_ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null sqlite3 "$WORK/sq.sqlite" ".mode csv" \
    ".import $WORK/callgrind-20000.csv t" 2>&1 | awk '/Collected/ {print $NF}')
  echo "instructions for 20,000 lines (callgrind):"
  printf '  codeaudit %d, sqlite3 %d, ratio %.2f\n' "$ours_ir" "$theirs_ir" "$(echo "$ours_ir / $theirs_ir" | bc -l)"
fi
