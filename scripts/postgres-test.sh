#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite, on loopback only.
#
#   scripts/postgres-test.sh start        starts one and prints its URL on stdout
#   scripts/postgres-test.sh stop [URL]   stops the one serving URL (default port 55432) and deletes it
#
# The cluster lives in /dev/shm/switchboard-pg-PORT (memory: creating a
# database per test is several times faster there than on a busy disk), or in
# /tmp/switchboard-pg-PORT where /dev/shm is missing; SWITCHBOARD_PG_BASE
# chooses another parent. It trusts loopback connections, listens on
# 127.0.0.1 only and trades durability for speed (fsync off): it is for
# tests, never for data. PostgreSQL refuses to run as root, so as root the
# server runs as the postgres user. Where the server is not installed it is
# installed from Debian's packages.
set -euo pipefail

log() { echo "postgres-test: $*" >&2; }

# as_pg runs a command as the postgres user when root, without the start
# lock's descriptor (a server that inherited it would hold the lock).
as_pg() {
	if [ "$(id -u)" = 0 ]; then
		(cd /tmp && runuser -u postgres -- "$@") 9>&-
	else
		(cd /tmp && "$@") 9>&-
	fi
}

find_bin() {
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
	if [ -n "$d" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then
		echo "$d"
	fi
}

install_postgres() {
	local sudo=""
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null || { log "PostgreSQL is not installed and there is no root to install it"; exit 1; }
		sudo="sudo -n"
	fi
	log "installing Debian's postgresql"
	$sudo apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >&2
	# The package starts its own cluster on 5432; the tests do not need it.
	$sudo service postgresql stop >/dev/null 2>&1 || true
}

# base is the parent directory of the clusters.
base() {
	if [ -n "${SWITCHBOARD_PG_BASE:-}" ]; then
		echo "$SWITCHBOARD_PG_BASE"
	elif [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(df -Pk /dev/shm | awk 'NR==2 {print $4}')" -gt 1048576 ]; then
		echo /dev/shm
	else
		echo /tmp
	fi
}

port_free() {
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
	local bin port dir
	bin=$(find_bin)
	if [ -z "$bin" ]; then
		install_postgres
		bin=$(find_bin)
		[ -n "$bin" ] || { log "no PostgreSQL binaries under /usr/lib/postgresql after installing"; exit 1; }
	fi
	if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
		useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
	fi
	# Two runs starting at once must not pick the same port and directory.
	local lockfile=/tmp/.switchboard-pg-start.lock
	if { exec 9>>"$lockfile"; } 2>/dev/null; then
		chmod 666 "$lockfile" 2>/dev/null || true
		flock 9
	fi
	port=${SWITCHBOARD_PG_PORT:-55432}
	for _ in $(seq 1 50); do
		if port_free "$port"; then
			break
		fi
		port=$((port + 1))
	done
	port_free "$port" || { log "no free port from ${SWITCHBOARD_PG_PORT:-55432}"; exit 1; }
	dir=$(base)/switchboard-pg-$port
	if [ -e "$dir" ]; then
		# A cluster left behind by a run that was killed; nothing listens on its port.
		as_pg "$bin/pg_ctl" stop -D "$dir" -m immediate >/dev/null 2>&1 || true
		rm -rf "$dir"
	fi
	as_pg mkdir -m 700 "$dir"
	as_pg "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"/tmp/switchboard-pg-$port.initdb.log" 2>&1 ||
		as_pg "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C --no-sync >"/tmp/switchboard-pg-$port.initdb.log" 2>&1 ||
		{ cat "/tmp/switchboard-pg-$port.initdb.log" >&2; exit 1; }
	rm -f "/tmp/switchboard-pg-$port.initdb.log"
	as_pg tee -a "$dir/postgresql.conf" >/dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
shared_buffers = 128MB
max_wal_size = 256MB
fsync = off
synchronous_commit = off
full_page_writes = off
TimeZone = 'UTC'
log_min_messages = warning
EOF
	if ! as_pg "$bin/pg_ctl" start -D "$dir" -l "$dir/server.log" -w -t 60 >/dev/null; then
		cat "$dir/server.log" >&2 || true
		exit 1
	fi
	exec 9>&-
	log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir"
	echo "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
}

stop() {
	local url=${1:-} port bin dir
	port=55432
	if [ -n "$url" ]; then
		port=$(sed -E 's#^[a-z]+://[^/]*:([0-9]+)/.*#\1#' <<<"$url")
	fi
	case $port in '' | *[!0-9]*)
		log "no port in $url"
		exit 1
		;;
	esac
	dir=$(base)/switchboard-pg-$port
	[ -d "$dir" ] || dir=/tmp/switchboard-pg-$port
	[ -d "$dir" ] || { log "no test cluster for port $port"; return 0; }
	bin=$(find_bin)
	if [ -n "$bin" ]; then
		as_pg "$bin/pg_ctl" stop -D "$dir" -m fast -w -t 30 >/dev/null 2>&1 ||
			as_pg "$bin/pg_ctl" stop -D "$dir" -m immediate >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
	log "stopped the cluster on port $port"
}

case ${1:-} in
start) start ;;
stop) stop "${2:-}" ;;
*)
	echo "usage: $0 start|stop [URL]" >&2
	exit 2
	;;
esac
