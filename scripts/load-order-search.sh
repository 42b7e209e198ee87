#!/usr/bin/env bash
# Measures the order search page with wrk on a database holding a million
# orders (README, Performance): builds the binary, makes a demo database,
# adds the orders (web/orders_load_test.go), serves it on loopback, signs
# in, and runs each case for a while after /healthz and a bare page as the
# baseline, in the same run. Needs wrk (apt-get install wrk).
#
#   bash scripts/load-order-search.sh [orders] [seconds per case]
#
# The database is kept in $SWITCHBOARD_LOAD_DIR (default /tmp/switchboard-load)
# and reused when it already has the orders.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v go >/dev/null || export PATH=$PATH:/usr/local/go/bin
orders=${1:-1000000}
secs=${2:-10}
dir=${SWITCHBOARD_LOAD_DIR:-/tmp/switchboard-load}
addr=127.0.0.1:18471
base=http://$addr
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
mkdir -p "$dir"
go build -o "$dir/switchboard" .

serve() {
	"$dir/switchboard" serve --addr "$addr" --db "$dir/orders.db" "$@" >"$dir/serve.log" 2>&1 &
	pid=$!
	for _ in $(seq 100); do curl -fsS "$base/healthz" >/dev/null 2>&1 && return 0; sleep 0.1; done
	echo "the server did not start: $(tail -5 "$dir/serve.log")" >&2
	return 1
}
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap stop EXIT

if [ ! -f "$dir/loaded-$orders" ]; then
	rm -f "$dir"/orders.db* "$dir"/orders.keys "$dir"/loaded-*
	serve --demo
	stop
	SWITCHBOARD_LOAD_DB="$dir/orders.db" SWITCHBOARD_LOAD_ORDERS=$orders \
		go test -count=1 -run '^TestLoadOrders$' -v -timeout 60m ./web/ | grep -E 'loaded|ok|FAIL'
	touch "$dir/loaded-$orders"
fi
serve

# Sign in as support, as a browser does.
jar=$dir/cookies.txt
rm -f "$jar"
curl -fsS -c "$jar" -b "$jar" -o /dev/null -H "Origin: $base" -H "Sec-Fetch-Site: same-origin" \
	--data 'name=support&password=demo' "$base/login"
cookie=$(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s=%s; ", $6, $7 }' "$jar")
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }
tn=$(curl -fsS -b "$jar" "$base/orders?ShowServiceDetails=true&Status=ERROR" | grep -oE '\([0-9]{3}\) [0-9]{3}-[0-9]{4}' | head -1 | tr -dc 0-9)
customer=$(curl -fsS -b "$jar" "$base/orders?Status=JEOPARDY" | grep -oE 'href="/customers/[0-9]+"' | head -1 | grep -oE '[0-9]+')
next=$(curl -fsS -b "$jar" "$base/orders?Status=COMPLETE" | grep -oE 'href="/orders\?[^"]*After=[^"]*"' | head -1 | sed -e 's/^href="//' -e 's/"$//' -e 's/&amp;/\&/g')
order=$(curl -fsS -b "$jar" "$base/orders?Status=ERROR" | grep -oE 'href="/orders/[0-9]+"' | head -1 | grep -oE '[0-9]+')

run() { # name path [header]
	local name=$1 path=$2
	shift 2
	local out
	out=$(wrk -t2 -c8 -d"${secs}s" --latency -H "Cookie: $cookie" "$@" "$base$path")
	local rps p50 p99 non2xx
	rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
	p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
	p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
	non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
	printf '| %s | `%s` | %s | %s | %s | %s |\n' "$name" "$path" "$rps" "$p50" "$p99" "${non2xx:-0}"
}

echo "| case | request | requests/s | p50 | p99 | non-2xx |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
run "baseline: health check" "/healthz"
run "baseline: bare page (signed in)" "/customers?Search=zzzz-no-match"
run "search, no filter" "/orders"
run "search as you type (htmx fragment)" "/orders?Status=SENT" -H "HX-Request: true"
run "search by status (several)" "/orders?Status=ERROR&Status=FLOW_ERROR&Status=JEOPARDY"
run "search by TN" "/orders?TN=$tn"
run "search by customer and status" "/orders?Customer=$customer&Status=COMPLETE"
run "search by type, carrier and lines shown" "/orders?OrderType=SUSPEND&CarrierID=1&ShowServiceDetails=true"
run "search by several types and carriers" "/orders?OrderType=SUSPEND&OrderType=RESTORE&CarrierID=1&CarrierID=2"
run "search by bill profile" "/orders?BillProfileID=1"
run "search by customer name (many customers)" "/orders?Customer=a"
run "next page (cursor)" "$next"
run "order page" "/orders/$order"
run "dashboard" "/"

# The whole export of one status, timed.
t0=$(date +%s.%N)
rows=$(curl -fsS -b "$jar" "$base/orders/export.csv?Status=ERROR" | wc -l)
t1=$(date +%s.%N)
awk -v r="$((rows - 1))" -v a="$t0" -v b="$t1" 'BEGIN { printf "\nexport.csv?Status=ERROR: %d rows in %.1f s\n", r, b - a }'
