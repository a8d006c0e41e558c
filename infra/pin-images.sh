#!/bin/sh
# Pin every base image of the Dockerfiles and docker-compose.yml to the digest its version tag points to
# today, so that two builds a month apart start from the same bytes. Run it where a registry is reachable
# (it needs `docker buildx`), review the diff, commit it; `tests/contract/test_packaging.py` checks the pins.
set -eu
cd "$(dirname "$0")/.."
files="docker-compose.yml $(ls -- */Dockerfile)"
# shellcheck disable=SC2086 # the file list is word-split on purpose
refs=$(grep -hoE '^(FROM|    image:) +[a-z0-9./_-]+:[A-Za-z0-9._-]+' $files | awk '{print $NF}' | sort -u)
for ref in $refs; do
  digest=$(docker buildx imagetools inspect "$ref" --format '{{json .Manifest.Digest}}' | tr -d '"')
  case "$digest" in sha256:*) ;; *) echo "no digest for $ref: $digest" >&2; exit 1 ;; esac
  pattern=$(printf '%s' "$ref" | sed 's/[.]/[.]/g')
  # shellcheck disable=SC2086
  sed -i -E "s#(FROM|image:)( +)$pattern(@sha256:[0-9a-f]{64})?( |\$)#\1\2$ref@$digest\4#" $files
  echo "$ref@$digest"
done
