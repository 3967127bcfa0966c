#!/bin/sh
# Runs once, when the PostgreSQL volume is empty (docker-entrypoint-initdb.d): one database per
# service, all owned by the application role, which is not a superuser.
set -eu

: "${TICKETING_DB_USER:?}" "${TICKETING_DB_PASSWORD:?}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_user="$TICKETING_DB_USER" -v app_password="$TICKETING_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
SQL

for db in identity catalog ordering payments expiration notifications; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="$db" -v app_user="$TICKETING_DB_USER" <<'SQL'
CREATE DATABASE :"db" OWNER :"app_user";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
SQL
done
