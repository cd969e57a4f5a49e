#!/usr/bin/env bash
# Every benchmark suite in one command (docs/benchmarks.md): installs what is missing (ffmpeg, wrk, PostgreSQL,
# perf), builds in Release, starts a throwaway PostgreSQL on loopback (scripts/test-services.sh), runs the
# control plane, engine, images and soak suites, and writes ONE Markdown report to bench/results/.
#
#   scripts/bench.sh                      every suite, within BENCH_DEADLINE seconds (default 570) in all
#   scripts/bench.sh soak --soak-budget 0 one suite (control, engine, images, soak); the soak with no time limit
#
# Options (after the optional suite name): --runs N (medians of N, default 3), --duration S (each load run,
# default 3), --soak-jobs N (default 1000), --soak-budget S (0: submit every job whatever the time),
# --soak-workers N (skip the calibration), --no-profile. The soak gets what is left of the deadline, so the
# whole run ends in time; the report says when it stopped short of the job count, and the rate it measured.
# BENCH_POSTGRES=0 skips PostgreSQL. Timings never go into the tests: they live here.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

scripts/install-deps.sh --bench
if ! command -v perf >/dev/null; then
  # The profiles need it; the figures do not.
  echo "installing: linux-perf (for the profiles)"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends linux-perf >/dev/null 2>&1 \
    || echo "linux-perf could not be installed: the report will have no perf profiles"
fi

for project in src/Reelgate.Server bench/Reelgate.Bench.Bare bench/Reelgate.Bench; do
  dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly
done

if [[ -z "${REELGATE_TEST_POSTGRES:-}" && "${BENCH_POSTGRES:-1}" != 0 ]]; then
  # Only the PostgreSQL half of the test services: the benchmark needs no S3 server.
  # shellcheck source=scripts/test-services.sh
  source scripts/test-services.sh
  REELGATE_TEST_SERVICES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/reelgate-bench-services.XXXXXX")
  export REELGATE_TEST_SERVICES_DIR
  chmod 755 "$REELGATE_TEST_SERVICES_DIR"
  trap test_services_stop EXIT
  _ts_start_postgres || echo "PostgreSQL did not start: the control plane runs on SQLite only"
fi

suite=all
if [[ $# -gt 0 && "$1" != --* ]]; then
  suite=$1
  shift
fi

deadline=$((${BENCH_DEADLINE:-570} - (SECONDS - started)))
((deadline > 120)) || deadline=120
status=0
dotnet bench/Reelgate.Bench/bin/Release/net10.0/linux-x64/Reelgate.Bench.dll "$suite" --duration 3 --deadline "$deadline" "$@" || status=$?
echo "bench.sh: $((SECONDS - started)) s in all (build and setup included)"
exit "$status"
