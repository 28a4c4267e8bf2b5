#!/usr/bin/env bash
# Word-suggestion benchmark (not a test). Three parts, each printed with its numbers:
#   eval   - held-out accuracy, keystroke savings and adaptation gain on two books never trained on, plus the base
#            model's load time and heap: runs the Evaluate main on the built classes. BOOK=persuasion (Austen, like
#            the base model), BOOK=moby-dick (Melville: a writer who is not Austen) or BOOK=all (default: both).
#   load   - open-loop POST /suggestions at RATE req/s for DURATION s against a suggestion-service started here from
#            its jar on SUGGESTION_PORT (loopback, management port +100), trusting the test JWT key; reports
#            p50/p90/p99 as the client saw them, the service's own time per request over the same run (its
#            suggestion_request_seconds histogram) and its heap after a full GC. WARMUP=5 (s of load before the
#            measured run), SUGGESTION_JAVA_OPTS (appended JVM options, e.g. -XX:+UseZGC).
#   redis  - the cost of one Redis GET round trip on loopback (redis-benchmark), to compare with one suggestion
#            computed in memory (README: why there is no Redis cache).
#
#   deploy/bench/suggestions/run.sh [eval|load|redis|all]
#   BOOK=moby-dick TUNE=1 WEIGHTS="em:0.1:lin:0.5:1 0.5:0.1:lin:0.5:1" deploy/bench/suggestions/run.sh eval
#   ONLINE=1 BOOK=moby-dick deploy/bench/suggestions/run.sh eval   (re-learn the project before each measured
#            chapter from all the chapters before it, as the service does while she writes; top-1/top-3 only)
#   RATE=200 DURATION=30 SUGGESTION_PORT=25086 DB_NAME=writerstree_h11 deploy/bench/suggestions/run.sh load
#   (SKIP_BUILD=1: use the classes / jar already built; MAVEN_REPO=...: a local Maven repository of one's own)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
module="$root/suggestion-service"
what="${1:-all}"
RATE="${RATE:-200}"; DURATION="${DURATION:-30}"; PORT="${SUGGESTION_PORT:-25086}"
MVN=(mvn -B -q ${MAVEN_REPO:+-Dmaven.repo.local=$MAVEN_REPO})
book="$module/src/test/resources/heldout/persuasion.txt.gz"

if [[ "$what" == eval || "$what" == all ]]; then
  [[ -n "${SKIP_BUILD:-}" ]] || "${MVN[@]}" compile -pl suggestion-service -am
  # weights = writer:context cache:lin|kn:bigram share of the cache:name transfer (Suggester.Weights); writer "em" =
  # the weight estimated on the project's own text (WriterWeight), as the service does, else a fixed weight.
  # Per book: its chapters, the writer's project = the first half of them (the rest is measured), and the tuning
  # split inside that half (TUNE=1: learn its first two thirds, measure the last third) where weights are chosen;
  # the measured half is never learned and nothing is chosen on it.
  evaluate() { # <book> <chapters> <project chapters> <tuning: learned chapters>
    local name="$1" chapters="$2" adapt="$3" tune_adapt="$4" only=""
    if [[ -n "${TUNE:-}" ]]; then
      only="-Devaluation.chapters=$adapt"
      echo "== eval $name (tuning split): learn chapters 1-$tune_adapt, measure $((tune_adapt + 1))-$adapt; chapters $((adapt + 1))-$chapters unseen"
      adapt="$tune_adapt"
    else
      echo "== eval $name: chapters 1-$adapt = the writer's project, $((adapt + 1))-$chapters measured"
    fi
    java -Xmx768m ${EVAL_JAVA_OPTS:-} $only ${ONLINE:+-Devaluation.online=true} -cp "$module/target/classes" com.writerstree.suggestion.tools.Evaluate \
      "$module/src/main/resources/lm/fiction-4gram.bin.gz" "$module/src/test/resources/heldout/$name.txt.gz" \
      "$adapt" "${KEYSTROKE_WORDS:-5000}" ${WEIGHTS:-em:0.1:lin:0.5:1}
  }
  echo "== eval: base model = twelve books of public-domain fiction, five by Austen (tools/train.sh); held out: Persuasion (Austen), Moby-Dick (Melville)"
  case "${BOOK:-all}" in
    persuasion) evaluate persuasion 24 12 8 ;;
    moby-dick) evaluate moby-dick 135 67 45 ;;
    all) evaluate persuasion 24 12 8; evaluate moby-dick 135 67 45 ;;
    *) echo "BOOK must be persuasion, moby-dick or all" >&2; exit 2 ;;
  esac
fi

if [[ "$what" == load || "$what" == all ]]; then
  echo "== load: ${RATE} req/s for ${DURATION}s, POST /suggestions directly on suggestion-service :$PORT"
  [[ -n "${SKIP_BUILD:-}" ]] || "${MVN[@]}" package -DskipTests -pl suggestion-service -am
  log="$(mktemp)"
  mgmt=$((PORT + 100))
  HTTP_PORT="$PORT" MANAGEMENT_PORT="$mgmt" DB_NAME="${DB_NAME:-writerstree}" WRITERSTREE_MESSAGING_TOPIC_PREFIX="${WRITERSTREE_MESSAGING_TOPIC_PREFIX:-bench.}" \
    SERVICE_TOKEN="${SERVICE_TOKEN:-bench-service-token}" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$root/platform-testing/src/main/resources/writerstree-test/jwt-public.pem" \
    java -Xmx256m ${SUGGESTION_JAVA_OPTS:-} -jar "$module/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
  curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "service did not start, log: $log" >&2; exit 1; }
  grep -o 'Base model.*' "$log" || true
  key="$root/platform-testing/src/main/resources/writerstree-test/jwt-private.pem"
  node "$here/load.js" "http://127.0.0.1:$PORT" "$RATE" "${WARMUP:-5}" "$key" "$book" >/dev/null   # JIT warm-up
  # the service's own time per request (suggestion_request_seconds: lookup + model, no HTTP), counted over the
  # measured run only, next to what the client saw: says whether a tail is the service's work or the way to it
  served() { curl -fsS "http://127.0.0.1:$mgmt/q/metrics" | awk '/^suggestion_request_seconds_bucket/ && /outcome="suggested"/ {
    match($0, /le="[^"]+"/); n[substr($0, RSTART + 4, RLENGTH - 5)] = $NF }
    END { printf "%d %d %d %d", n["0.005"], n["0.01"], n["0.025"], n["+Inf"] }'; }
  before="$(served)"
  node "$here/load.js" "http://127.0.0.1:$PORT" "$RATE" "$DURATION" "$key" "$book"
  read -r b5 b10 b25 ball <<<"$before"; read -r a5 a10 a25 aall <<<"$(served)"
  n=$((aall - ball))
  awk -v n="$n" -v u5=$((a5 - b5)) -v u10=$((a10 - b10)) -v u25=$((a25 - b25)) 'BEGIN { if (n > 0)
    printf "service side (suggestion_request_seconds, %d requests): under 5 ms %.2f %%, under 10 ms %.2f %%, under 25 ms %.2f %%\n", n, 100 * u5 / n, 100 * u10 / n, 100 * u25 / n }'
  jcmd "$pid" GC.run >/dev/null 2>&1 || true
  jcmd "$pid" GC.heap_info 2>/dev/null | grep -E 'garbage-first heap|total' | head -2 || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
  trap - EXIT
fi

if [[ "$what" == redis || "$what" == all ]]; then
  echo "== redis: one GET round trip on loopback, 1 client, no pipelining"
  redis-benchmark -h 127.0.0.1 -p "${REDIS_PORT:-6379}" -n 50000 -c 1 -t get -d 200 --csv 2>/dev/null | tail -2
  redis-benchmark -h 127.0.0.1 -p "${REDIS_PORT:-6379}" -n 50000 -c 1 -t get -d 200 2>/dev/null | grep -A4 -i "latency summary" || true
fi
