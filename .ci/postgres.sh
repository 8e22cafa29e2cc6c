#!/usr/bin/env bash
# Installs (if needed) and starts a throwaway PostgreSQL for the tests, on 127.0.0.1:$PGPORT.
# Usage: .ci/postgres.sh start|stop. Prints the database URL on start.
set -euo pipefail
# `start-durable` starts a second cluster with PostgreSQL's durable defaults (fsync, synchronous commit, full
# page writes) on $PGPORT+1, for the crash test: there an acknowledged registration must survive kill -9.
PGPORT=${PGPORT:-55432}
PGDATA=${PGDATA:-/tmp/zhauap-pgdata}
DURABLE=""
if [ "${1:-start}" = start-durable ] || [ "${1:-}" = stop-durable ] || [ "${1:-}" = resume-durable ]; then
  PGPORT=$((PGPORT + 1)); PGDATA="$PGDATA-durable"; DURABLE=1
  set -- "${1%-durable}"
fi
SETTINGS="-c fsync=off"
[ -n "$DURABLE" ] && SETTINGS="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
export DEBIAN_FRONTEND=noninteractive

pgbin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && echo "$d"
}

case "${1:-start}" in
start)
  if [ -z "$(pgbin)" ]; then
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
  fi
  PGBIN=$(pgbin)
  id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres
  su postgres -s /bin/bash -c "$PGBIN/pg_ctl -D $PGDATA -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$PGDATA"; install -d -o postgres -g postgres "$PGDATA"
  su postgres -s /bin/bash -c "$PGBIN/initdb -D $PGDATA -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >/dev/null
  su postgres -s /bin/bash -c "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -w start -o '-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp $SETTINGS'" >/dev/null
  psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c "CREATE ROLE zhauap LOGIN PASSWORD 'zhauap' CREATEDB" \
       -c "CREATE DATABASE zhauap_test OWNER zhauap" >/dev/null
  echo "postgres://zhauap:zhauap@127.0.0.1:$PGPORT/zhauap_test?tlsmode=disable"
  ;;
resume)
  # After a crash: start the existing cluster again (it recovers from its write-ahead log).
  PGBIN=$(pgbin)
  su postgres -s /bin/bash -c "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -w start -o '-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp $SETTINGS'" >/dev/null
  ;;
stop)
  PGBIN=$(pgbin)
  [ -n "$PGBIN" ] && su postgres -s /bin/bash -c "$PGBIN/pg_ctl -D $PGDATA -m fast stop" >/dev/null 2>&1 || true
  ;;
esac
