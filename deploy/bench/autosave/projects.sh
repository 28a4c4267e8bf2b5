# Sourced by the autosave benchmarks: bench_projects <gateway-url> <count> <name> fills the array `pairs` with
# <count> "token:projectId" pairs (a new user per 4 projects, the free tier's limit being 5; each registration from
# its own X-Forwarded-For, which a bench stack trusts from loopback), then waits for content-service to learn the
# projects (ProjectCreated) with one small save each through the gateway.
bench_projects() {
  local gateway="$1" count="$2" name="$3" token="" project i
  pairs=()
  for ((i = 0; i < count; i++)); do
    if (( i % 4 == 0 )); then
      token=$(curl -fsS -X POST "$gateway/api/v1/auth/register" -H 'Content-Type: application/json' \
        -H "X-Forwarded-For: 10.$((RANDOM % 256)).$((RANDOM % 256)).$((RANDOM % 254 + 1))" \
        -d "{\"email\":\"$name-$(date +%s%N)-$i@example.com\",\"password\":\"BenchPass123!\",\"fullName\":\"Bench $name\"}" \
        | jq -r .data.token)
      [[ -n "$token" && "$token" != null ]] || { echo "registration failed" >&2; return 1; }
    fi
    project=$(curl -fsS -X POST "$gateway/api/v1/projects" -H 'Content-Type: application/json' \
      -H "Authorization: Bearer $token" -d "{\"title\":\"$name bench $i\",\"wordGoal\":500000}" | jq -r .data.id)
    [[ -n "$project" && "$project" != null ]] || { echo "project creation failed" >&2; return 1; }
    pairs+=("$token:$project")
  done
  sleep 1
  local p
  for p in "${pairs[@]}"; do
    curl -fsS -o /dev/null -X PUT "$gateway/api/v1/projects/${p#*:}/content" -H 'Content-Type: application/json' \
      -H "Authorization: Bearer ${p%%:*}" -d '{"content":"warm up"}'
  done
}
