#!/bin/sh
# The secrets docker-compose.yml reads (Docker secrets, mounted at /run/secrets/ in the containers):
# ./secrets/postgres_password and ./secrets/api_keys.json. Made once, never overwritten: run it again
# and nothing changes. Prints the admin API key it made, the one way to learn it.
set -eu
cd "$(dirname "$0")/../.."
# The directory is its owner's alone; the files are readable by all, because compose bind-mounts each
# file as it is and the services run as uid 10001 in their containers.
mkdir -p secrets
chmod 700 secrets
umask 022
random() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
if [ ! -s secrets/postgres_password ]; then
  random > secrets/postgres_password
  echo "made secrets/postgres_password"
fi
if [ ! -s secrets/api_keys.json ]; then
  key=$(random)
  printf '{"%s": {"scopes": ["read", "write", "admin"], "actor": "admin"}}\n' "$key" > secrets/api_keys.json
  echo "made secrets/api_keys.json; its admin key (X-API-Key): $key"
fi
