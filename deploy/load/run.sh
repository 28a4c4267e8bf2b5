#!/usr/bin/env bash
# deploy/load/run.sh <env-file> [short|spec] [users] - the spec's load test (§11.3, load-test.yml) with Artillery
# against a stack's gateway; bounded: `short` (default) runs 100 s, `spec` the spec's 9 minutes.
#   LOAD_TARGET   the gateway (default http://127.0.0.1:$GATEWAY_PORT of the env file: loopback)
#   users         verified users seeded for the read-heavy flow (default 30)
# 1. installs Artillery 2.0.34 from npm into deploy/load/node_modules (once);
# 2. seeds the users the read-heavy flow logs in with: registered through the gateway, each with a saved project,
#    and marked verified in identity's table (login refuses unverified addresses; a test stack only);
# 3. runs Artillery, writes .work/report.json and prints p50/p95/p99 per endpoint and the errors.
# The stack must trust loopback as a proxy (GATEWAY_TRUSTED_PROXIES=127.0.0.1/32, as deploy/env/it.env does), so
# that each virtual user's X-Forwarded-For is its client address.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
env_file="${1:?usage: $0 <env-file> [short|spec] [users]}"
profile="${2:-short}"
users="${3:-30}"
set -a; source "$env_file"; set +a
target="${LOAD_TARGET:-http://127.0.0.1:${GATEWAY_PORT:-3000}}"
mkdir -p "$here/.work"
cd "$here"

if [[ ! -x node_modules/.bin/artillery ]]; then
  echo "[load] installing Artillery (npm)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error
fi

echo "[load] seeding $users verified users at $target"
echo "email,password" > .work/users.csv
for i in $(seq 1 "$users"); do
  email="load-reader-$(date +%s)-$i-$RANDOM@example.com"; password="Load-Reader-$RANDOM-$i"
  ip="10.99.$((i / 250)).$((i % 250 + 1))"
  token="$(curl -fsS -X POST "$target/v1/auth/register" -H 'Content-Type: application/json' -H "X-Forwarded-For: $ip" \
    --data "{\"email\":\"$email\",\"password\":\"$password\",\"fullName\":\"Load Reader\"}" \
    | grep -o '"token":"[^"]*"' | head -1 | cut -d'"' -f4)"
  project="$(curl -fsS -X POST "$target/v1/projects" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    --data '{"title":"Read me","wordGoal":50000}' | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)"
  curl -fsS -o /dev/null -X PUT "$target/v1/projects/$project/content" -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $token" --data '{"content":"Once upon a time there was a load test.","version":0}'
  echo "$email,$password" >> .work/users.csv
done
PGOPTIONS='-c client_min_messages=warning' psql -q -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-postgres}" \
  -d "$DB_NAME" -c "UPDATE identity.users SET email_verified = true WHERE email LIKE 'load-reader-%@example.com'"

echo "[load] artillery run -e $profile -t $target"
started=$SECONDS
node_modules/.bin/artillery run -e "$profile" -t "$target" --output .work/report.json load-test.yml > .work/artillery.log 2>&1 \
  || { tail -30 .work/artillery.log; exit 1; }
echo "[load] finished in $((SECONDS - started)) s; per endpoint (ms):"
node "$here/summary.js" .work/report.json
