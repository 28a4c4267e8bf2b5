#!/usr/bin/env bash
# Derives identity-service's list of common passwords (NIST SP 800-63B 5.1.1.2: refuse passwords found in lists of
# commonly used or compromised values) from the "passwords" frequency list of the zxcvbn npm package (MIT, Dropbox;
# 30,000 most common passwords of leaked sets, lower-cased). Keeps the entries a password could otherwise pass
# with (8 to 72 bytes), one per line, sorted, gzipped without a time stamp so that the output is reproducible.
#
#   identity-service/tools/common-passwords.sh     # needs npm and node; writes the resource below
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/resources/security/common-passwords.txt.gz"
version="4.4.2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "zxcvbn@$version" >/dev/null && tar xzf "zxcvbn-$version.tgz")
mkdir -p "$(dirname "$out")"
node -e '
const lists = require(process.argv[1]);
const words = lists.passwords
  .map(w => w.toLowerCase())
  .filter(w => { const n = Buffer.byteLength(w, "utf8"); return n >= 8 && n <= 72 && !/[\u0000-\u001f]/.test(w); });
process.stdout.write([...new Set(words)].sort().join("\n") + "\n");
' "$work/package/lib/frequency_lists.js" | LC_ALL=C sort -u | gzip -9 -n > "$out"
echo "$(zcat "$out" | wc -l) passwords -> $out ($(stat -c %s "$out") bytes)"
