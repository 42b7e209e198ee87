#!/usr/bin/env bash
# Vendors the front-end files Switchboard embeds, at pinned versions, checked
# against sha256 sums. Run once when a version changes; the result is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
out=static/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# package@version  tarball-sha256  file-in-package  vendored-name  file-sha256
pins=(
  "htmx.org@2.0.11 165a2655073e9e6e55e307a7c74e8ebcdb76afb7701f9c16cfd106a13add408e dist/htmx.min.js htmx-2.0.11.min.js d6fdc75f204e6bdefa99b69bf1e6d4ac69b8a364f77929f45c13476b4000f717"
  "htmx-ext-sse@2.2.4 90b46f5ab915ba2f64e6348448c8dba509277a47e15c125ffb65754eb4f6b5dc dist/sse.min.js htmx-ext-sse-2.2.4.min.js 98a46496de0c3605fbffdce9167ba427bdd9553184f83f149c261891a92c0136"
  "@picocss/pico@2.1.1 4affbb56f49df6d5325610b06762156f1dcdbc6ef57cea5c136d7e8a00a8cd24 css/pico.min.css pico-2.1.1.min.css fbc9a63fc9fc9f72d12fd7fc9806e11fa9f77ae4f9cad146b27003a1119ba3db"
)

# Files only the browser tests use (axe-core checks each page for WCAG 2.1 AA
# violations): kept beside the test harness, never among the served files.
testout=web/webtest/vendor
testpins=(
  "axe-core@4.10.3 0f2b4d7dcdf7d1219df8d1959ad68e565f51d14c3f0d88bb71cd59abeb956292 axe.min.js axe-core-4.10.3.min.js 880970c081707360e64f34cea25ff91892f5bc95675b0776925b9709dd8a68bb"
)

mkdir -p "$out" "$testout"
for pin in "${pins[@]}" "${testpins[@]/#/test:}"; do
  dest=$out
  if [[ $pin == test:* ]]; then dest=$testout; pin=${pin#test:}; fi
  read -r pkg tgzsum path name filesum <<<"$pin"
  tgz=$(cd "$tmp" && npm pack --silent "$pkg")
  echo "$tgzsum  $tmp/$tgz" | sha256sum -c --quiet
  mkdir -p "$tmp/x" && tar xzf "$tmp/$tgz" -C "$tmp/x"
  echo "$filesum  $tmp/x/package/$path" | sha256sum -c --quiet
  cp "$tmp/x/package/$path" "$dest/$name"
  rm -rf "$tmp/x"
  echo "vendored $pkg -> $dest/$name"
done
