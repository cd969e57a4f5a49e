#!/usr/bin/env bash
# Installs the system tools Reelgate needs when they are missing: ffmpeg always; with --test, what the
# test suite starts as well; with --bench, what the benchmarks use (wrk, and PostgreSQL unless
# BENCH_POSTGRES=0). Debian packages only; safe to run again.
set -euo pipefail

want=(ffmpeg)
case "${1:-}" in
  --test) want+=(postgresql chromium curl python3-requests) ;;
  --bench)
    want+=(wrk)
    [[ "${BENCH_POSTGRES:-1}" == 0 ]] || want+=(postgresql)
    ;;
esac

missing=()
for pkg in "${want[@]}"; do
  case "$pkg" in
    ffmpeg) command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || missing+=(ffmpeg) ;;
    postgresql) [[ -x /usr/lib/postgresql/15/bin/initdb ]] || missing+=(postgresql) ;;
    chromium) [[ -x /usr/bin/chromium ]] || missing+=(chromium) ;;
    curl) command -v curl >/dev/null || missing+=(curl) ;;
    wrk) command -v wrk >/dev/null || missing+=(wrk) ;;
    python3-requests) python3 -c 'import requests' 2>/dev/null || /usr/bin/python3 -c 'import requests' 2>/dev/null || missing+=(python3 python3-requests) ;;
  esac
done

if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
