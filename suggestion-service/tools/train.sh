#!/usr/bin/env bash
# Regenerates the base language model src/main/resources/lm/austen-4gram.bin.gz from Jane Austen's novels as the
# Debian package r-cran-janeaustenr ships them (public domain). Persuasion is held out: it is the evaluation text
# (deploy/bench/suggestions) and is copied, gzipped, to src/test/resources/heldout/ for the evaluation test.
# The same package gives the same bytes: `git diff --stat` after a run shows no change.
#
#   suggestion-service/tools/train.sh            # installs the package with apt-get when missing (root)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
root="$(dirname "$module")"
work="${WORK_DIR:-$(mktemp -d)}"

if ! Rscript -e 'library(janeaustenr)' >/dev/null 2>&1; then
  echo "installing r-cran-janeaustenr (Debian)"
  apt-get update -qq && apt-get install -y -qq r-cran-janeaustenr >/dev/null
fi
Rscript "$here/extract-austen.R" "$work/austen"

cd "$root"
mvn -B -q ${MAVEN_REPO:+-Dmaven.repo.local=$MAVEN_REPO} compile -pl suggestion-service -am
java -Xmx2g -cp suggestion-service/target/classes com.writerstree.suggestion.tools.Train "$work/austen" \
  "$module/src/main/resources/lm/austen-4gram.bin.gz" \
  sensesensibility prideprejudice mansfieldpark emma northangerabbey
mkdir -p "$module/src/test/resources/heldout"
# gzip -n: no name or time stamp in the header, so the file is the same on every run
gzip -n -9 -c "$work/austen/persuasion.txt" > "$module/src/test/resources/heldout/persuasion.txt.gz"
sha256sum "$module/src/main/resources/lm/austen-4gram.bin.gz" "$module/src/test/resources/heldout/persuasion.txt.gz"
