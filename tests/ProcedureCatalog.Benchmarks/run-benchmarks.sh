#!/usr/bin/env bash
# Generates the synthetic catalogues (6,000, 61,000 and 610,000 procedures by default), then for each one:
# the query plans, BenchmarkDotNet on the query layer (SQL time), and wrk against the running service and
# against the framework-ceiling host; then the trend and the periodic reports, timed by sequential requests. Writes
# results/<stamp>.md (the tables), results/<stamp>.tsv, results/<stamp>-period.tsv and the plans.
#
#   bash tests/ProcedureCatalog.Benchmarks/run-benchmarks.sh            # everything (about half an hour here)
#   SIZES="6000 61000" DURATION=5 bash tests/ProcedureCatalog.Benchmarks/run-benchmarks.sh
#
# Needs the .NET 10 SDK, curl and wrk (Debian: apt-get install wrk). Only loopback addresses are loaded; every
# wrk run is bounded by DURATION seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZES=${SIZES:-"6000 61000 610000"}
SEED=${SEED:-66}
DURATION=${DURATION:-10}          # seconds per wrk run
CONNECTIONS=${CONNECTIONS:-8}     # concurrent connections of the throughput run
WORK=${WORK:-/tmp/procedure-catalog-benchmarks}
PORT=${PORT:-5187}
CEILING_PORT=${CEILING_PORT:-5188}
HERE=tests/ProcedureCatalog.Benchmarks
STAMP=$(date -u +%Y-%m-%dT%H%MZ)
RESULTS=$HERE/results
API=src/ProcedureCatalog.Api/bin/Release/net10.0/ProcedureCatalog.Api.dll
BENCH=$HERE/bin/Release/net10.0/ProcedureCatalog.Benchmarks.dll
SCENARIOS=${SCENARIOS:-"procedure-by-code procedure-by-code-uncached search-list reductions-by-agency scoreboard laggards-csv export-csv"}
# Measured before the scenarios at every size (issue 17): the process answering nothing, one indexed row; and after
# them a report asked again with the ETag it sent (304 without running it).
PROBES="health-live field-by-id"
# The trend and the periodic reports take seconds, not milliseconds: each is timed by PERIOD_RUNS sequential requests
# (after one that warms it) rather than by wrk. Empty PERIOD_SCENARIOS leaves them out.
PERIOD_SCENARIOS=${PERIOD_SCENARIOS-"trend-24-all trend-24-jurisdiction monthly-json monthly-xlsx monthly-docx"}
PERIOD_RUNS=${PERIOD_RUNS:-5}
DOCX_TYPE=application/vnd.openxmlformats-officedocument.wordprocessingml.document
XLSX_TYPE=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for tool in dotnet curl wrk; do
  command -v "$tool" >/dev/null || { echo "$tool is required (wrk: apt-get install wrk)" >&2; exit 1; }
done

mkdir -p "$WORK" "$RESULTS"
dotnet build ProcedureCatalog.sln -c Release -v quiet -nologo >/dev/null

pids=()
cleanup() { for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

wait_ready() {
  for _ in $(seq 1 120); do
    curl -fsS "$1/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "no answer from $1" >&2
  return 1
}

# wrk's latency figures in milliseconds: "50%  1.23ms", "99%  2.00s", "Requests/sec: 123.4".
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/, "", v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /m$/) { sub(/m$/, "", v); v*=60000 } else if (v ~ /s$/) { sub(/s$/, "", v); v*=1000 } printf "%.3f", v }'; }
wrk_run() { # url-base paths-file connections [header ...] -> "p50 p99 rps"
  local base=$1 paths=$2 connections=$3 output arguments=()
  shift 3
  for header in "$@"; do arguments+=(-H "$header"); done
  output=$(WRK_PATHS=$paths wrk -t1 -c"$connections" -d"${DURATION}s" --timeout 60s --latency -s "$HERE/paths.lua" "${arguments[@]}" "$base")
  if echo "$output" | grep -q "Non-2xx"; then
    echo "$output" >&2
    echo "wrk saw errors for $paths" >&2
    return 1
  fi
  local p50 p99 rps
  p50=$(echo "$output" | awk '$1 == "50%" { print $2 }' | to_ms)
  p99=$(echo "$output" | awk '$1 == "99%" { print $2 }' | to_ms)
  rps=$(echo "$output" | awk '/^Requests\/sec/ { printf "%.1f", $2 }')
  echo "$p50 $p99 $rps"
}

tsv=$RESULTS/$STAMP.tsv
echo -e "procedures\tscenario\tsql_median_ms\thttp_p50_ms_1conn\thttp_p99_ms_1conn\trps_1conn\thttp_p50_ms_${CONNECTIONS}conn\thttp_p99_ms_${CONNECTIONS}conn\trps_${CONNECTIONS}conn\thttp_over_sql\tceiling_rps_${CONNECTIONS}conn\tby_code_over_ceiling\tload_1min" > "$tsv"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
memory=$RESULTS/$STAMP-memory.tsv
echo -e "procedures\trss_mib\trss_anon_mib\trss_file_mib\tpeak_rss_mib" > "$memory"
period_tsv=$RESULTS/$STAMP-period.tsv
echo -e "procedures\tscenario\trequest\tmedian_ms\tmin_ms\tmax_ms\tbytes\truns\tload_1min" > "$period_tsv"

# period_run size scenario path accept: PERIOD_RUNS timed requests (one more first, to warm the route) -> a row of period_tsv.
period_run() {
  local size=$1 scenario=$2 path=$3 accept=$4 times=() bytes=0
  curl -fsS -H "Accept: $accept" -H 'Cache-Control: no-cache' "http://127.0.0.1:$PORT$path" -o /dev/null
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  for _ in $(seq 1 "$PERIOD_RUNS"); do
    read -r seconds bytes < <(curl -fsS -H "Accept: $accept" -H 'Cache-Control: no-cache' -o /dev/null -w '%{time_total} %{size_download}\n' "http://127.0.0.1:$PORT$path")
    times+=("$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s * 1000 }')")
  done
  local sorted median
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.1f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
  echo -e "$size\t$scenario\t$path ($accept)\t$median\t$(echo "$sorted" | head -n 1)\t$(echo "$sorted" | tail -n 1)\t$bytes\t$PERIOD_RUNS\t$load" | tee -a "$period_tsv"
}

for size in $SIZES; do
  database=$WORK/catalog-$size-seed$SEED.db
  if [ ! -f "$database" ]; then
    echo "== generating $size procedures"
    start=$(date +%s.%N)
    dotnet "$API" generate --procedures "$size" --seed "$SEED" --database "$database" --Logging:LogLevel:Default=Warning
    echo "generation of $size: $(echo "$(date +%s.%N) - $start" | bc) s" | tee -a "$WORK/generation.log"
  fi
  ls -l "$database"

  # A catalogue generated by an earlier build gets this build's migrations and views first.
  dotnet "$API" migrate --Database:ConnectionString="Data Source=$database" --Logging:LogLevel:Default=Warning >/dev/null
  echo "== plans and SQL time at $size"
  dotnet "$BENCH" plans --database "$database" > "$RESULTS/plans-$size.md"
  dotnet "$BENCH" paths --database "$database" --dir "$WORK/paths-$size"
  dotnet "$BENCH" sql --database "$database" --out "$WORK/sql-$size.tsv" | tail -n 20

  echo "== HTTP at $size"
  # The read limit (1,200 a minute per address) and the 30-second request timeout are lifted: the figures are
  # the service's, not its limiter's, and a national report under 8 connections may queue for longer.
  Database__ConnectionString="Data Source=$database" Database__SeedSampleCatalogue=false \
    Limits__ReadsPerMinute=1000000 Limits__RequestTimeoutSeconds=3600 \
    Logging__LogLevel__Default=Warning ASPNETCORE_URLS="http://127.0.0.1:$PORT" dotnet "$API" >"$WORK/service-$size.log" 2>&1 &
  service=$!
  pids+=("$service")
  wait_ready "http://127.0.0.1:$PORT"

  first_by_code=$(head -n 1 "$WORK/paths-$size/procedure-by-code.paths")
  curl -fsS "http://127.0.0.1:$PORT$first_by_code" -o "$WORK/by-code-$size.json"
  dotnet "$BENCH" ceiling --body "$WORK/by-code-$size.json" --urls "http://127.0.0.1:$CEILING_PORT" >"$WORK/ceiling-$size.log" 2>&1 &
  ceiling=$!
  pids+=("$ceiling")
  wait_ready "http://127.0.0.1:$CEILING_PORT"
  read -r _ _ ceiling_rps < <(wrk_run "http://127.0.0.1:$CEILING_PORT" "$WORK/paths-$size/procedure-by-code.paths" "$CONNECTIONS")

  echo /health/live > "$WORK/paths-$size/health-live.paths"
  echo /api/v1/fields/1 > "$WORK/paths-$size/field-by-id.paths"
  cp "$WORK/paths-$size/scoreboard.paths" "$WORK/paths-$size/scoreboard-304.paths"
  for scenario in $PROBES $SCENARIOS scoreboard-304; do
    headers=()
    case $scenario in laggards-csv | export-csv) headers+=("Accept: text/csv") ;; esac
    # A report asked with Cache-Control: no-cache is computed again, as the first request after a change would be: the
    # figures stay those of the report's SQL, not of the response cache (the 304 run below is the cache's side).
    case $scenario in reductions-by-agency | scoreboard | laggards-csv) headers+=("Cache-Control: no-cache") ;; esac
    paths=$WORK/paths-$size/$scenario.paths
    if [ "$scenario" = scoreboard-304 ]; then
      # Without Accept, as wrk asks: Accept is part of what the ETag names.
      etag=$(curl -fsS -H 'Accept:' -D - -o /dev/null "http://127.0.0.1:$PORT$(head -n 1 "$paths")" | tr -d '\r' | sed -n 's/^etag: //Ip')
      if [ -z "$etag" ]; then
        echo -e "$size\t$scenario\t\t\t\t\t\t\t\t\t\t\t$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$tsv"   # this build sends no ETag on reports
        continue
      fi
      headers=("If-None-Match: $etag")
      # wrk counts only statuses from 400 on as errors: that the answer is a 304 is checked here.
      status=$(curl -sS -H 'Accept:' -H "${headers[0]}" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT$(head -n 1 "$paths")")
      [ "$status" = 304 ] || { echo "the scoreboard asked again with its ETag answered $status, not 304" >&2; exit 1; }
    fi
    # A first request warms the service (JIT, pools, page cache) for this route.
    curl_headers=()
    for header in "${headers[@]}"; do curl_headers+=(-H "$header"); done
    curl -fsS "${curl_headers[@]}" "http://127.0.0.1:$PORT$(head -n 1 "$paths")" -o /dev/null
    load=$(cut -d' ' -f1 /proc/loadavg)
    read -r p50_1 p99_1 rps_1 < <(wrk_run "http://127.0.0.1:$PORT" "$paths" 1 "${headers[@]}")
    read -r p50_n p99_n rps_n < <(wrk_run "http://127.0.0.1:$PORT" "$paths" "$CONNECTIONS" "${headers[@]}")
    sql=$(awk -F'\t' -v s="${scenario%-uncached}" '$1 == s { print $2 }' "$WORK/sql-$size.tsv")
    ratio=$(awk -v h="$p50_1" -v q="$sql" 'BEGIN { if (q > 0) printf "%.2f", h / q; else print "" }')
    ceiling_ratio=""
    [ "${scenario%-uncached}" = "procedure-by-code" ] && ceiling_ratio=$(awk -v a="$rps_n" -v b="$ceiling_rps" 'BEGIN { printf "%.3f", a / b }')
    echo -e "$size\t$scenario\t$sql\t$p50_1\t$p99_1\t$rps_1\t$p50_n\t$p99_n\t$rps_n\t$ratio\t$ceiling_rps\t$ceiling_ratio\t$load" | tee -a "$tsv"
  done

  if [ -n "$PERIOD_SCENARIOS" ]; then
    echo "== trend and periodic reports at $size"
    # A generated catalogue has no plans: the largest jurisdiction (the export's) gets one, made through the API with a
    # key of this run, so that its monthly report can be made.
    largest=$(sed -E 's|^/api/v1/jurisdictions/([^/]+)/export.*|\1|' "$WORK/paths-$size/export-csv.paths")
    key=$(Database__ConnectionString="Data Source=$database" dotnet "$API" keys create --name "bench-$STAMP-$size" --role admin \
      --Logging:LogLevel:Default=Warning | grep -m 1 '^pck_')
    curl -fsS -o /dev/null -X POST "http://127.0.0.1:$PORT/api/v1/plans" -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
      --data-binary "{\"jurisdiction\":\"$largest\",\"number\":\"$STAMP/KH-UBND\",\"issuedOn\":\"2025-09-03\",\"issuer\":\"UBND\",\"title\":\"Kế hoạch đo thời gian báo cáo\",\"program\":null}" \
      || echo "the plan of $largest could not be made (it may exist already)" >&2
    Database__ConnectionString="Data Source=$database" dotnet "$API" keys revoke --name "bench-$STAMP-$size" --Logging:LogLevel:Default=Warning >/dev/null
    for scenario in $PERIOD_SCENARIOS; do
      case $scenario in
        trend-24-all) period_run "$size" "$scenario" "/api/v1/reports/trend?from=2025-01-01&to=2026-12-31" application/json ;;
        trend-24-jurisdiction) period_run "$size" "$scenario" "/api/v1/reports/trend?jurisdiction=$largest&from=2025-01-01&to=2026-12-31" application/json ;;
        monthly-json) period_run "$size" "$scenario" "/api/v1/reports/monthly?jurisdiction=$largest" application/json ;;
        monthly-xlsx) period_run "$size" "$scenario" "/api/v1/reports/monthly?jurisdiction=$largest" "$XLSX_TYPE" ;;
        monthly-docx) period_run "$size" "$scenario" "/api/v1/reports/monthly?jurisdiction=$largest" "$DOCX_TYPE" ;;
        *) echo "unknown period scenario $scenario" >&2; exit 1 ;;
      esac
    done
  fi

  # The service's resident memory after the whole run at this size: anonymous (heap, stacks) and file-backed (the
  # mapped database, the runtime's own files), from /proc/<pid>/status.
  awk -v size="$size" '/^(VmRSS|RssAnon|RssFile|VmHWM):/ { kb[$1] = $2 }
    END { printf "%s\t%.1f\t%.1f\t%.1f\t%.1f\n", size, kb["VmRSS:"] / 1024, kb["RssAnon:"] / 1024, kb["RssFile:"] / 1024, kb["VmHWM:"] / 1024 }' \
    "/proc/$service/status" | tee -a "$memory"
  kill "$ceiling" "$service" 2>/dev/null || true
  wait "$ceiling" "$service" 2>/dev/null || true
  pids=()
done

report=$RESULTS/$STAMP.md
{
  echo "# Benchmark run $STAMP"
  echo
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ { print $2 }') GiB, $(uname -sr)"
  echo "- .NET SDK $(dotnet --version), $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2), SQLite via Microsoft.Data.Sqlite"
  echo "- load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- seed $SEED; wrk ${DURATION}s per run, 1 thread, 1 and $CONNECTIONS connections; SQL time = BenchmarkDotNet median of the same statements"
  echo "- generation: $(tr '\n' ';' < "$WORK/generation.log" 2>/dev/null)"
  echo
  echo "| procedures | scenario | SQL median ms | HTTP p50 ms (1 conn) | HTTP p99 ms (1 conn) | req/s (1 conn) | p50 ms ($CONNECTIONS conn) | p99 ms ($CONNECTIONS conn) | req/s ($CONNECTIONS conn) | HTTP / SQL | by-code / ceiling req/s | load (1 min) |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  tail -n +2 "$tsv" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ($12 == "" ? "" : $12 " (ceiling " $11 ")"), $13 }'
  if [ "$(wc -l < "$period_tsv")" -gt 1 ]; then
    echo
    echo "Trend and periodic reports: $PERIOD_RUNS sequential requests each (one connection), after one that warms the route."
    echo
    echo "| procedures | scenario | request | median ms | min ms | max ms | bytes | load (1 min) |"
    echo "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |"
    tail -n +2 "$period_tsv" | awk -F'\t' '{ printf "| %s | %s | `%s` | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $9 }'
  fi
  echo
  echo "## Per-request targets (issue 17; ratios within this run)"
  echo
  echo "| procedures | what | measured | target | met |"
  echo "| ---: | --- | ---: | --- | --- |"
  awk -F'\t' 'NR > 1 { p50[$1, $2] = $4; sql[$1, $2] = $3; rps[$1, $2] = $9; ceiling[$1] = ($11 != "" ? $11 : ceiling[$1]); sizes[$1] = 1 }
    function row(size, what, value, target, met) { printf "| %s | %s | %s | %s | %s |\n", size, what, value, target, met }
    function verdict(ok, known) { return known ? (ok ? "yes" : "no") : "not measured" }
    END {
      for (size in sizes) {
        h = p50[size, "health-live"]; f = p50[size, "field-by-id"]; b = p50[size, "procedure-by-code"]; q = sql[size, "procedure-by-code"]
        r = rps[size, "procedure-by-code"]; c = ceiling[size]; n = p50[size, "scoreboard-304"]
        row(size, "single-row GET p50 / `/health/live` p50", (h > 0 && f != "") ? sprintf("%.2f (%s / %s ms)", f / h, f, h) : "", "≤ 1.5", verdict(h > 0 && f / h <= 1.5, h > 0 && f != ""))
        row(size, "by-code HTTP p50 / SQL median", (q > 0 && b != "") ? sprintf("%.2f (%s / %s ms)", b / q, b, q) : "", "≤ 2", verdict(q > 0 && b / q <= 2, q > 0 && b != ""))
        row(size, "by-code req/s / ceiling req/s, '"$CONNECTIONS"' conn", (c > 0 && r != "") ? sprintf("%.3f (%s / %s)", r / c, r, c) : "", "≥ 0.30", verdict(c > 0 && r / c >= 0.30, c > 0 && r != ""))
        u = p50[size, "procedure-by-code-uncached"]; ur = rps[size, "procedure-by-code-uncached"]
        row(size, "the same, every request another (no answer kept): HTTP p50 / SQL median", (q > 0 && u != "") ? sprintf("%.2f (%s / %s ms)", u / q, u, q) : "", "≤ 2", verdict(q > 0 && u / q <= 2, q > 0 && u != ""))
        row(size, "the same, every request another: req/s / ceiling req/s, '"$CONNECTIONS"' conn", (c > 0 && ur != "") ? sprintf("%.3f (%s / %s)", ur / c, ur, c) : "", "≥ 0.30", verdict(c > 0 && ur / c >= 0.30, c > 0 && ur != ""))
        row(size, "scoreboard again with its ETag (304) p50", n != "" ? n " ms" : "no ETag", "< 0.3 ms", verdict(n != "" && n < 0.3, n != ""))
      }
    }' "$tsv" | sort -s -t'|' -k2,2n
  echo
  echo "## Resident memory of the service after the run (MiB, /proc/<pid>/status)"
  echo
  echo "| procedures | VmRSS | RssAnon | RssFile | peak (VmHWM) |"
  echo "| ---: | ---: | ---: | ---: | ---: |"
  tail -n +2 "$memory" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }'
} > "$report"
cat "$report"
