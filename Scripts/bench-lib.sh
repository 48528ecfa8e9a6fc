# Shared by the benchmark scripts: sourced, not run.
# measure CMD...: runs it once under /usr/bin/time; sets SECONDS_TAKEN and PEAK_KB.
# median N...: the median of its arguments.
# time_report MONTH DB OUT: `codeaudit report` RUNS times; sets REPORT_TIMES (each run's
#   seconds), REPORT_MEDIAN and REPORT_PEAK_KB (the largest peak of the runs).

now() { date +%s.%N; }

measure() {
  local start end
  start=$(now)
  /usr/bin/time -v "$@" 2> "$WORK/time.log" >/dev/null
  end=$(now)
  SECONDS_TAKEN=$(echo "$end - $start" | bc -l)
  PEAK_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.log")
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

time_report() {
  local month=$1 db=$2 out=$3
  REPORT_TIMES=()
  REPORT_PEAK_KB=0
  for _ in $(seq "$RUNS"); do
    measure "$BIN" report --month "$month" --db "$db" --out "$out"
    REPORT_TIMES+=("$SECONDS_TAKEN")
    [ "$PEAK_KB" -gt "$REPORT_PEAK_KB" ] && REPORT_PEAK_KB=$PEAK_KB
  done
  REPORT_MEDIAN=$(median "${REPORT_TIMES[@]}")
}
