#!/usr/bin/env bash
# The one test command: throwaway PostgreSQL + RabbitMQ, every test project of
# the solution, then a plain summary line "N passed, N failed" on stdout.
#
#   scripts/test.sh [extra dotnet test arguments, e.g. --filter "FullyQualifiedName~Ordering"]
#
# Exits non-zero when a test failed, dotnet test failed, or no test ran.
# Chromium is installed too (the web tests drive it); TICKETING_INSTALL_BROWSER=0 skips that.
# Ports and folders: see scripts/infra.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RESULTS=artifacts/test-results
export TICKETING_INSTALL_BROWSER=${TICKETING_INSTALL_BROWSER:-1}
INFRA=scripts/infra.sh

# Sums the <Counters .../> element of every .trx under $1.
# Prints "files total passed failed". Plain awk: python may be absent.
trx_totals() {
  local f
  find "$1" -name '*.trx' -type f 2>/dev/null | while IFS= read -r f; do
    # Flatten first so an element wrapped over lines still matches.
    tr '\r\n' '  ' <"$f" | grep -o '<Counters [^>]*>' || true
  done | awk '
    function attr(tag, name,   v) {
      if (!match(tag, "[ \t]" name "=\"[0-9]+\"")) return 0
      v = substr(tag, RSTART, RLENGTH); gsub(/[^0-9]/, "", v); return v + 0
    }
    {
      files++; total += attr($0, "total"); passed += attr($0, "passed")
      # error, timeout and aborted are failures too, should a runner use them.
      failed += attr($0, "failed") + attr($0, "error") + attr($0, "timeout") + attr($0, "aborted")
    }
    END { print files + 0, total + 0, passed + 0, failed + 0 }'
}

# Always end with the summary line, also when we stop early.
summarize_and_exit() {
  local rc=$1 files total passed failed skipped
  read -r files total passed failed < <(trx_totals "$RESULTS")
  # The trx logger counts skipped tests in total but not in executed/passed/failed.
  skipped=$((total - passed - failed))
  if ((skipped > 0)); then echo "$skipped skipped"; fi
  echo "$passed passed, $failed failed"
  if ((rc == 0 && failed > 0)); then rc=1; fi
  if ((rc == 0 && passed + failed == 0)); then
    echo "test: no test ran ($files result files)" >&2
    rc=1
  fi
  exit "$rc"
}

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# Servers already running from the same root are reused and left running;
# otherwise the ones started here are stopped on exit, whatever happens.
infra_pid=
if bash "$INFRA" status >/dev/null 2>&1; then
  echo "test: reusing the running test servers" >&2
else
  trap '[ -z "$infra_pid" ] || wait "$infra_pid" 2>/dev/null; bash "$INFRA" stop || true' EXIT
fi

# RabbitMQ takes seconds to boot (and apt minutes to install on a fresh machine):
# start the servers in the background and build meanwhile.
infra_log=$(mktemp)
bash "$INFRA" start >"$infra_log.env" 2>"$infra_log" &
infra_pid=$!

build_rc=0
dotnet build Ticketing.slnx -c Release || build_rc=$?

infra_rc=0
wait "$infra_pid" || infra_rc=$?
infra_pid=
cat "$infra_log" >&2
if ((infra_rc != 0)); then
  echo "test: could not start PostgreSQL/RabbitMQ" >&2
  rm -f "$infra_log" "$infra_log.env"
  summarize_and_exit "$infra_rc"
fi
# shellcheck disable=SC1091
source "$infra_log.env" # exports TICKETING_TEST_POSTGRES and TICKETING_TEST_RABBITMQ
rm -f "$infra_log" "$infra_log.env"

if ((build_rc != 0)); then
  echo "test: build failed" >&2
  summarize_and_exit "$build_rc"
fi

test_rc=0
# One test assembly at a time: several timing-sensitive suites at once starve two cores.
dotnet test Ticketing.slnx -c Release -m:1 --logger "trx;LogFilePrefix=results" \
  --results-directory "$RESULTS" "$@" || test_rc=$?
if ((test_rc != 0)); then echo "test: dotnet test exited with $test_rc" >&2; fi
summarize_and_exit "$test_rc"
