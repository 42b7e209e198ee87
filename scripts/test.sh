#!/usr/bin/env bash
# Runs the whole test suite (unit, store, handler and browser tests) on
# SQLite and on PostgreSQL.
#
# PostgreSQL: the tests create their own databases on the server that
# SWITCHBOARD_TEST_POSTGRES names (postgres://user@host:port/db, a user that may
# create databases). When it is unset this script starts a throwaway server
# with scripts/postgres-test.sh and stops it at exit; when that is not
# possible the PostgreSQL tests are skipped (and fail under CI).
# SWITCHBOARD_TEST_POSTGRES=off tests SQLite only. The handler and browser
# tests (./web/...) run twice: on SQLite, then on PostgreSQL
# (SWITCHBOARD_TEST_WEB_ENGINE=postgres).
#
# The race detector is on (SWITCHBOARD_TEST_RACE=off turns it off for a quicker run).
# Extra arguments go to `go test` (bash scripts/test.sh -run TestFindCustomers ./db/).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v go >/dev/null || export PATH=$PATH:/usr/local/go/bin

if [ "${SWITCHBOARD_TEST_POSTGRES:-}" = off ]; then
	unset SWITCHBOARD_TEST_POSTGRES
	echo "test.sh: PostgreSQL off: testing on SQLite only" >&2
elif [ -z "${SWITCHBOARD_TEST_POSTGRES:-}" ]; then
	if url=$(bash scripts/postgres-test.sh start); then
		export SWITCHBOARD_TEST_POSTGRES=$url
		trap 'bash scripts/postgres-test.sh stop "$SWITCHBOARD_TEST_POSTGRES"' EXIT
	elif [ -n "${CI:-}" ]; then
		echo "test.sh: could not start PostgreSQL, and CI must test on it" >&2
		exit 1
	else
		echo "test.sh: could not start PostgreSQL: testing on SQLite only" >&2
	fi
fi

pkgs=()
args=()
for a in "$@"; do
	case $a in ./*) pkgs+=("$a") ;; *) args+=("$a") ;; esac
done
[ ${#pkgs[@]} -gt 0 ] || pkgs=(./...)
[ "${SWITCHBOARD_TEST_RACE:-on}" = off ] || args=(-race "${args[@]}")

echo "test.sh: go test ${pkgs[*]} on SQLite and ${SWITCHBOARD_TEST_POSTGRES:-(no PostgreSQL)}" >&2
go test -count=1 -timeout 15m "${args[@]}" "${pkgs[@]}"

# The handler and browser tests open their own databases: run them once more
# with PostgreSQL behind the router (store tests already ran on both engines).
web=()
for p in "${pkgs[@]}"; do
	case $p in ./... | ./web | ./web/ | ./web/...) web=(./web/...) ;; esac
done
if [ -n "${SWITCHBOARD_TEST_POSTGRES:-}" ] && [ ${#web[@]} -gt 0 ]; then
	echo "test.sh: go test ${web[*]} with PostgreSQL behind the router" >&2
	SWITCHBOARD_TEST_WEB_ENGINE=postgres go test -count=1 -timeout 15m "${args[@]}" "${web[@]}"
fi
