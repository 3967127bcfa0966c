#!/usr/bin/env bash
# Validates the deployment kit without a container engine or a cluster:
#   - Dockerfile: every project under src/ is copied into the restore layer;
#   - compose: `docker compose config` (or docker-compose) with the example env file, and the
#     bind-mounted files exist; nginx config syntax when nginx is installed;
#   - Kubernetes: every manifest under deploy/kubernetes against the API schemas, strictly
#     (deploy/validate, Node; installs its locked packages on first use).
# Installs docker-compose from Debian packages when no compose is available (needs root).
# Last line on stdout: "validate-deploy: PASS" or "validate-deploy: FAIL (<parts>)"; exit 0/1.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

failed=()
step() { echo "validate-deploy: $*" >&2; }

# --- Dockerfile -------------------------------------------------------------------------------
dockerfile=deploy/docker/Dockerfile
missing=0
for project in src/*/*.csproj; do
  if ! grep -q "^COPY $project " "$dockerfile"; then
    step "error: $project is not copied before 'dotnet restore' in $dockerfile"
    missing=1
  fi
done
if ((missing)); then failed+=(dockerfile); else step "dockerfile: every src project is in the restore layer"; fi

# --- compose ----------------------------------------------------------------------------------
compose=()
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
  step "installing docker-compose (Debian package, no Docker engine)"
  # Without --no-install-recommends apt would pull in a whole Docker engine.
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null 2>&1; then
    apt-get update -qq >/dev/null 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null 2>&1
  fi
  command -v docker-compose >/dev/null 2>&1 && compose=(docker-compose)
fi

if ((${#compose[@]} == 0)); then
  step "error: no docker compose / docker-compose available"
  failed+=(compose)
else
  compose_file=deploy/compose.yaml
  if rendered=$("${compose[@]}" --env-file deploy/compose.env.example -f "$compose_file" config 2>&1); then
    # Host files bind-mounted into containers (absolute after rendering) must be in the repository.
    absent=$(printf '%s\n' "$rendered" \
      | sed -nE 's#^[[:space:]]*(- (/[^:[:space:]]+):/.*|source: (/[^[:space:]]+))$#\2\3#p' \
      | while IFS= read -r f; do [[ -e $f ]] || echo "$f"; done)
    if [[ -n $absent ]]; then
      step "error: bind-mounted file(s) missing: $absent"
      failed+=(compose)
    else
      step "compose: $compose_file is valid (${compose[*]} config)"
    fi
  else
    printf '%s\n' "$rendered" >&2
    failed+=(compose)
  fi
fi

if command -v nginx >/dev/null 2>&1; then
  scratch=$(mktemp -d)
  cat >"$scratch/nginx.conf" <<EOF
pid $scratch/nginx.pid;
error_log $scratch/error.log;
events {}
http { include $PWD/deploy/nginx/ticketing.conf; }
EOF
  if nginx -t -q -c "$scratch/nginx.conf" -e "$scratch/error.log" 2>"$scratch/out"; then
    step "nginx: deploy/nginx/ticketing.conf syntax is ok"
  else
    cat "$scratch/out" >&2
    failed+=(nginx)
  fi
  rm -rf "$scratch"
else
  step "nginx: not installed, syntax check skipped"
fi

# --- Kubernetes -------------------------------------------------------------------------------
validator=deploy/validate
if ! command -v node >/dev/null 2>&1; then
  step "error: node is missing"
  failed+=(kubernetes)
else
  if [[ ! -d $validator/node_modules/kubernetes-models || $validator/package-lock.json -nt $validator/node_modules/.package-lock.json ]]; then
    step "installing the validator's packages (npm ci)"
    (cd "$validator" && npm ci --no-audit --no-fund --loglevel=error >&2) || failed+=(npm)
  fi
  node "$validator/validate.js" deploy/kubernetes >&2 || failed+=(kubernetes)
fi

if ((${#failed[@]} > 0)); then
  echo "validate-deploy: FAIL (${failed[*]})"
  exit 1
fi
echo "validate-deploy: PASS"
