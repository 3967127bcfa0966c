#!/usr/bin/env bash
# Adds a generated EF Core migration to one service, once per database provider.
#
#   scripts/add-migration.sh <Service> <MigrationName>     e.g. scripts/add-migration.sh Catalog AddVouchers
#
# Each service keeps one migration set per provider (Migrations/Sqlite, Migrations/PostgreSql),
# so both are generated together from the same model change. Needs no database: the tools only
# compare the model with each provider's snapshot. Review both files, then run the schema tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -ne 2 ]]; then
  sed -n '2,8p' "$0" >&2
  exit 2
fi
service="$1" name="$2"
project="src/Ticketing.$service"
[[ -d "$project" ]] || { echo "no such service: $project" >&2; exit 2; }

dotnet tool restore >/dev/null
# The server is the start-up project: it references every module and, in Debug, the design-time package.
dotnet build src/Ticketing.Server -c Debug -v quiet -nologo
for provider in Sqlite PostgreSql; do
  dotnet ef migrations add "$name" --no-build \
    --project "$project" --startup-project src/Ticketing.Server \
    --context "Ticketing.$service.${service}DbContext+On$provider" \
    --output-dir "Migrations/$provider"
done
