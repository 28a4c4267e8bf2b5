#!/usr/bin/env bash
# Points the Java sources of every module at the per-topic event contracts (issue 16): the event records moved from
# platform's com.writerstree.platform.event to contracts/<topic>-events (package com.writerstree.contracts.<topic>.v1),
# DomainEvent became IntegrationEvent, and a topic is its logical name (a String), no longer a Topic enum value.
# The records' simple names (ContentEvents.ContentSaved, ...) did not change, so mostly import lines change.
#
# Mechanical and re-runnable: a file already rewritten is left as it is. Run it from anywhere after merging branches
# that moved or added service classes, then format: mvn -q spotless:apply (every build also applies the formatter).
set -euo pipefail
cd "$(dirname "$0")/.."

old='com\.writerstree\.platform\.event'
mapfile -t files < <(find . -path '*/src/*' -name '*.java' -not -path '*/target/*' -not -path './contracts/*' \
    -exec grep -lE "$old\.(UserEvents|ProjectEvents|ContentEvents|ExportEvents|Topic)\b|\bDomainEvent\b|\.topic\(\)\.logicalName\(\)" {} +)
if [ "${#files[@]}" -eq 0 ]; then
    echo "nothing to rewrite"
    exit 0
fi
sed -i -E \
    -e "s/$old\.UserEvents\b/com.writerstree.contracts.user.v1.UserEvents/g" \
    -e "s/$old\.ProjectEvents\b/com.writerstree.contracts.project.v1.ProjectEvents/g" \
    -e "s/$old\.ContentEvents\b/com.writerstree.contracts.content.v1.ContentEvents/g" \
    -e "s/$old\.ExportEvents\b/com.writerstree.contracts.export.v1.ExportEvents/g" \
    -e "s/\bDomainEvent\b/IntegrationEvent/g" \
    -e "s/\.topic\(\)\.logicalName\(\)/.topic()/g" \
    "${files[@]}"
printf 'rewrote %s\n' "${files[@]}"
# the Topic enum is gone: what still names it must use the contract's TOPIC constant (e.g. ContentEvents.TOPIC)
if grep -rnE "$old\.Topic\b|\bTopic\.(USER|PROJECT|CONTENT|EXPORT)_EVENTS\b" --include='*.java' . | grep -v '/target/'; then
    echo "these still use the removed Topic enum: rewrite them by hand" >&2
    exit 1
fi
