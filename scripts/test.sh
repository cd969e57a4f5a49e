#!/usr/bin/env bash
# Runs every test project and ends with one line: "N passed, N failed" summed over all of them.
# Installs what the tests need first (ffmpeg, PostgreSQL, chromium, npm test servers).
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --test || { echo "could not install the test dependencies"; echo "0 passed, 1 failed"; exit 1; }

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build Reelgate.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "the build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# PostgreSQL and s3rver on loopback for the storage contract suite and the multi-node tests; stopped on exit.
source scripts/test-services.sh
if ! test_services_start; then
  echo "could not start the test services (PostgreSQL, s3rver)"
  echo "0 passed, 1 failed"
  exit 1
fi
trap test_services_stop EXIT

dotnet test --solution Reelgate.slnx -c Release --no-build --results-directory "$results" --report-trx
status=$?

passed=0 failed=0 skipped=0 reports=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  reports=$((reports + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  p=$(value passed); f=$(value failed); t=$(value total); e=$(value executed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${t:-0} - ${e:-0}))
done

# A project that crashed before writing its report still fails the run.
if ((status != 0 && failed == 0)); then
  failed=1
fi
echo "test reports: $reports"
echo "$passed passed, $failed failed, $skipped skipped"
((failed == 0)) && exit 0 || exit 1
