#!/usr/bin/env bash
# Measures the reconnect port board: how many open boards one instance
# holds with a change reaching every one of them soon after its commit
# (web/board_load_test.go). Usage: bash scripts/load-board.sh [counts]
# e.g. bash scripts/load-board.sh 1,100,500,1000
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/switchboard
go build -o "$bin" .
SWITCHBOARD_BOARD_LOAD="$bin" SWITCHBOARD_BOARD_COUNTS="${1:-1,100,500,1000}" \
	go test ./web -run '^TestBoardLoad$' -count=1 -v -timeout 15m | grep '|'
