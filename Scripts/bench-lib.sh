# Shared by the benchmark scripts: sourced, not run.
# measure CMD...: runs it once under /usr/bin/time; sets SECONDS_TAKEN and PEAK_KB.
# median N...: the median of its arguments.

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
