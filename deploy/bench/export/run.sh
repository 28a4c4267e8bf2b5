#!/usr/bin/env bash
# Export benchmark (not a test): a generated 100,000-word Markdown manuscript rendered to each format by
# export-service's renderers (each format in its own JVM, -Xmx128m: first run + median of the warm runs, peak
# heap), side by side with pandoc converting the same Markdown to DOCX and EPUB (wall time, peak RSS).
#   deploy/bench/export/run.sh [words] [runs]          (defaults 100000 and 5)
# Needs: a JDK 17, mvn, pandoc (apt-get install -y pandoc), GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/../../.."
WORDS=${1:-100000}
RUNS=${2:-5}
M2=${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

[ -d export-service/target/classes/com ] || mvn -B -q $M2 install -DskipTests -pl export-service -am
mvn -B -q $M2 dependency:build-classpath -pl export-service -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >/dev/null
CP="export-service/target/classes:$(cat "$WORK/cp.txt")"
javac -d "$WORK/bench" -cp "$CP" deploy/bench/export/ExportBench.java
CP="$WORK/bench:$CP"

java -cp "$CP" ExportBench generate "$WORDS" "$WORK/book.md"
echo "manuscript: $WORDS words, $(du -k "$WORK/book.md" | cut -f1) kB of Markdown; $(nproc) cores; $(java -version 2>&1 | head -1)"
echo "--- export-service renderers (java -Xmx128m, $RUNS runs each) ---"
for f in txt docx pdf epub; do
  java -Xmx128m -cp "$CP" ExportBench "$f" "$WORK/book.md" "$RUNS" book 2>&1 | grep -v "Log4j API"
done
for f in docx pdf; do
  java -Xmx128m -cp "$CP" ExportBench "$f" "$WORK/book.md" "$RUNS" manuscript 2>&1 | grep -v "Log4j API"
done
echo "--- pandoc $(pandoc --version | head -1 | cut -d' ' -f2) (same Markdown) ---"
for f in docx epub; do
  best=""
  for i in $(seq 1 3); do
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" pandoc -f markdown --metadata title="Benchmark Novel" -t "$f" -o "$WORK/pandoc.$f" "$WORK/book.md"
    read -r secs rss < "$WORK/time.txt"
    ms=$(awk -v s="$secs" 'BEGIN { printf "%d", s * 1000 }')
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; bestrss=$rss; fi
  done
  printf "%-5s pandoc     best of 3 %5d ms  %8.1f kB  peak RSS %5.0f MB\n" "$f" "$best" \
    "$(awk -v b="$(stat -c %s "$WORK/pandoc.$f")" 'BEGIN { print b / 1024 }')" "$(awk -v k="$bestrss" 'BEGIN { print k / 1024 }')"
done
