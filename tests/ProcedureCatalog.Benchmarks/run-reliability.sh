#!/usr/bin/env bash
# Measures the service under a hostile or heavy client, on this machine, against the real binary over loopback:
#   1. memory while it imports 199 MiB of bad CSV rows, and an XLSX whose one shared string of 32,000 characters (just under
#      Excel's own cell limit, which the import enforces) fills 200,000 rows
#      (the process's anonymous resident memory, RssAnon, sampled every 0.2 s);
#   2. how long a small write of another province waits while a 250,000-row import runs (one write every 100 ms);
#   3. the latency of cheap requests (health, a procedure by code) while 50 clients ask for the laggards CSV at once,
#      on a generated national catalogue of 61,000 procedures.
# Writes results/reliability-<stamp>.md.
#
#   bash tests/ProcedureCatalog.Benchmarks/run-reliability.sh
#   BAD_MIB=50 VALID_ROWS=50000 bash tests/ProcedureCatalog.Benchmarks/run-reliability.sh      # a quicker round
#   PHASES=1 bash tests/ProcedureCatalog.Benchmarks/run-reliability.sh                          # memory only
#
# Needs the .NET 10 SDK, curl, python3 and sqlite3. Only loopback addresses are loaded; every loop is bounded in count and time.
set -euo pipefail
cd "$(dirname "$0")/../.."

WORK=${WORK:-/tmp/procedure-catalog-reliability}
PORT=${PORT:-5189}
BAD_MIB=${BAD_MIB:-199}
VALID_ROWS=${VALID_ROWS:-250000}
HEAVY_CLIENTS=${HEAVY_CLIENTS:-50}
HEAVY_SECONDS=${HEAVY_SECONDS:-20}
NATIONAL=${NATIONAL:-61000}
PHASES=${PHASES:-"1 2 3"}
has() { case " $PHASES " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
HERE=tests/ProcedureCatalog.Benchmarks
RESULTS=$HERE/results
STAMP=$(date -u +%Y-%m-%dT%H%MZ)
API=src/ProcedureCatalog.Api/bin/Release/net10.0/ProcedureCatalog.Api.dll
BASE=http://127.0.0.1:$PORT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

for tool in dotnet curl python3 sqlite3; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done

rm -rf "$WORK"
mkdir -p "$WORK" "$RESULTS"
dotnet build src/ProcedureCatalog.Api -c Release -v quiet -nologo >/dev/null

service_pid=""
background=()
cleanup() {
  for pid in "${background[@]:-}" $service_pid; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# start DATABASE: the service on its own folder, limits lifted except the ones measured.
start() {
  local database=$1
  Database__ConnectionString="Data Source=$database" Imports__Directory="$WORK/imports" \
  Limits__ReadsPerMinute=1000000 Limits__WritesPerMinute=1000000 Limits__MaxImportBytes=$((210 * 1024 * 1024)) \
  ASPNETCORE_URLS=$BASE Logging__LogLevel__Default=Warning \
    dotnet "$API" >"$WORK/service.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 240); do
    curl -fsS "$BASE/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the service did not start" >&2
  exit 1
}

stop() { kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""; }

key() { # database -> an admin key
  Database__ConnectionString="Data Source=$1" dotnet "$API" keys create --name "bench-$RANDOM" --role admin | grep -o 'pck_[A-Za-z0-9_-]*' | head -n 1
}

rss_anon_kb() { awk '/^RssAnon:/ { print $2 }' "/proc/$service_pid/status"; }

# import FILE MEDIA-TYPE QUERY -> the import's id
import() {
  curl -fsS -X POST "$BASE/api/v1/jurisdictions/92/imports?$3" -H "X-Api-Key: $KEY" -H "Content-Type: $2" --data-binary "@$1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

status() { curl -fsS "$BASE/api/v1/imports/$1" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d["errorCount"], d["appliedRows"])'; }

# watch ID -> peak RssAnon in MiB while the import runs (0.2 s samples, at most 30 minutes)
watch_memory() {
  local id=$1 peak=0 now
  for _ in $(seq 1 9000); do
    now=$(rss_anon_kb)
    [ "$now" -gt "$peak" ] && peak=$now
    case "$(status "$id")" in queued*|running*) sleep 0.2 ;; *) break ;; esac
  done
  echo $((peak / 1024))
}

idle=-; bad_peak=-; bad_status=-; xlsx_peak=-; xlsx_status=-; leftovers=-; writes=-; import_seconds=-; valid_status=-; cheap=-
start "$WORK/catalog.db"
KEY=$(key "$WORK/catalog.db")
if has 1; then
echo "1. memory under hostile imports" >&2
python3 - "$WORK/bad.csv" "$BAD_MIB" <<'PY'
import sys
path, mib = sys.argv[1], int(sys.argv[2])
junk = "x" * 1000
with open(path, "w", encoding="utf-8") as out:
    out.write("code,name,level,kind,businessRelated,onlineLevel,fullOnlineEligible,boundaryFree,field,agency\n")
    row = 0
    while out.tell() < mib * 1024 * 1024:
        out.write(f"1.{row % 1000000:06d},Thủ tục {row},{junk},external,maybe,full,true,true,Xây dựng,Sở Xây dựng\n")
        row += 1
PY
python3 - "$WORK/shared.xlsx" <<'PY'
import sys, zipfile
rows = 200_000
big = "x" * 32000
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as book:
    book.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    book.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    book.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    book.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    book.writestr("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>level</t></si><si><t>{big}</t></si></sst>')
    with book.open("xl/worksheets/sheet1.xml", "w") as sheet:
        sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>')
        for row in range(2, rows + 2):
            sheet.write(f'<row r="{row}"><c r="A{row}" t="s"><v>1</v></c></row>'.encode())
        sheet.write(b'</sheetData></worksheet>')
PY
idle=$(( $(rss_anon_kb) / 1024 ))
bad_id=$(import "$WORK/bad.csv" text/csv "")
bad_peak=$(watch_memory "$bad_id")
bad_status=$(status "$bad_id")
xlsx_id=$(import "$WORK/shared.xlsx" application/vnd.openxmlformats-officedocument.spreadsheetml.sheet "")
xlsx_peak=$(watch_memory "$xlsx_id")
xlsx_status=$(status "$xlsx_id")
leftovers=$(find "$WORK/imports" -type f | wc -l)
fi

if has 2; then
echo "2. writer wait during a ${VALID_ROWS}-row import" >&2
python3 - "$WORK/valid.csv" "$VALID_ROWS" <<'PY'
import sys
path, rows = sys.argv[1], int(sys.argv[2])
with open(path, "w", encoding="utf-8") as out:
    out.write("code,name,level,kind,businessRelated,onlineLevel,fullOnlineEligible,boundaryFree,field,agency,timeEffectiveFrom,timeAmount,timeUnit,timeDecisionRef,documents\n")
    for row in range(rows):
        out.write(f'2.{row:06d},Thủ tục số {row},province,external,true,full,true,true,Lĩnh vực {row % 12},Sở số {row % 20},2024-01-01,{1 + row % 30},working-days,1/QĐ,"Đơn đề nghị\n* Bản sao căn cước"\n')
PY
valid_id=$(import "$WORK/valid.csv" text/csv "createMissing=true")
started=$(date +%s)
: >"$WORK/writes.tsv"
write=0
while true; do
  case "$(status "$valid_id")" in queued*|running*) ;; *) break ;; esac
  [ $(( $(date +%s) - started )) -gt 1800 ] && break
  write=$((write + 1))
  curl -s -o /dev/null -w '%{http_code}\t%{time_total}\n' -X POST "$BASE/api/v1/agencies" -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
    --data "{\"jurisdiction\":\"11\",\"name\":\"Cơ quan thử $write\"}" >>"$WORK/writes.tsv"
  sleep 0.1
done
import_seconds=$(( $(date +%s) - started ))
valid_status=$(status "$valid_id")
writes=$(python3 - "$WORK/writes.tsv" <<'PY'
import sys
rows = [line.split("\t") for line in open(sys.argv[1]) if line.strip()]
times = sorted(float(t) * 1000 for _, t in rows)
failed = sum(1 for code, _ in rows if not code.startswith("2"))
def q(p): return times[min(len(times) - 1, int(p * len(times)))] if times else float("nan")
print(f"{len(times)} writes, p50 {q(0.5):.1f} ms, p99 {q(0.99):.1f} ms, max {times[-1] if times else 0:.1f} ms, {failed} not 2xx")
PY
)
fi
stop

if has 3; then
echo "3. cheap requests under ${HEAVY_CLIENTS} laggards CSV clients (${NATIONAL} procedures)" >&2
dotnet "$API" generate --procedures "$NATIONAL" --seed 66 --database "$WORK/national.db" >/dev/null
start "$WORK/national.db"
code=$(sqlite3 "$WORK/national.db" "SELECT jurisdiction_code || '/procedures/' || code FROM procedures ORDER BY id LIMIT 1")
# Cache-Control: no-cache: each request computes the report, as it did before answers were kept (docs/scaling-out.md).
: >"$WORK/heavy.tsv"
for client in $(seq 1 "$HEAVY_CLIENTS"); do
  (
    end=$(( $(date +%s) + HEAVY_SECONDS ))
    while [ "$(date +%s)" -lt "$end" ]; do
      curl -s -o /dev/null -w '%{http_code}\t%{time_total}\n' -H 'Accept: text/csv' -H 'Cache-Control: no-cache' "$BASE/api/v1/reports/laggards?year=2025&measure=time" >>"$WORK/heavy.tsv"
    done
  ) &
  background+=($!)
done
sleep 2
: >"$WORK/cheap.tsv"
end=$(( $(date +%s) + HEAVY_SECONDS - 4 ))
while [ "$(date +%s)" -lt "$end" ]; do
  curl -s -o /dev/null -w 'health\t%{http_code}\t%{time_total}\n' "$BASE/health/live" >>"$WORK/cheap.tsv"
  curl -s -o /dev/null -w 'by-code\t%{http_code}\t%{time_total}\n' "$BASE/api/v1/jurisdictions/$code" >>"$WORK/cheap.tsv"
done
wait "${background[@]}" 2>/dev/null || true
background=()
cheap=$(python3 - "$WORK/cheap.tsv" "$WORK/heavy.tsv" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
out = []
for name in ("health", "by-code"):
    times = sorted(float(t) * 1000 for n, _, t in rows if n == name)
    def q(p): return times[min(len(times) - 1, int(p * len(times)))]
    out.append(f"{name}: {len(times)} requests, p50 {q(0.5):.1f} ms, p95 {q(0.95):.1f} ms, p99 {q(0.99):.1f} ms")
heavy = [line.split("\t") for line in open(sys.argv[2]) if line.strip()]
codes = {}
for code, _ in heavy:
    codes[code] = codes.get(code, 0) + 1
out.append("laggards CSV: " + ", ".join(f"{count} × {code}" for code, count in sorted(codes.items())))
print("; ".join(out))
PY
)
stop
fi

cat >"$RESULTS/reliability-$STAMP.md" <<EOF
# Reliability round $STAMP

Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); SQLite; the service and the clients on the same cores.

| what | measured |
| --- | --- |
| anonymous memory (RssAnon) of the idle service | ${idle} MiB |
| peak while importing ${BAD_MIB} MiB of bad CSV rows | ${bad_peak} MiB (import: ${bad_status}: status, errors counted, records applied) |
| peak while importing an XLSX whose one 32,000-character shared string fills 200,000 rows | ${xlsx_peak} MiB (${xlsx_status}) |
| uploads left on disk after both | ${leftovers} |
| small writes of another province during a ${VALID_ROWS}-row import (${import_seconds} s, ${valid_status}) | ${writes} |
| cheap requests while ${HEAVY_CLIENTS} clients fetch the laggards CSV for ${HEAVY_SECONDS} s | ${cheap} |
EOF
cat "$RESULTS/reliability-$STAMP.md"
