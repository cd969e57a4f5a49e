#!/usr/bin/env bash
# Installs the system tools Reelgate needs when they are missing: ffmpeg always; with --test, what the
# test suite starts as well. Debian packages only; safe to run again.
set -euo pipefail

want=(ffmpeg)
if [[ "${1:-}" == "--test" ]]; then
  want+=(postgresql chromium curl python3-requests)
fi

missing=()
for pkg in "${want[@]}"; do
  case "$pkg" in
    ffmpeg) command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || missing+=(ffmpeg) ;;
    postgresql) [[ -x /usr/lib/postgresql/15/bin/initdb ]] || missing+=(postgresql) ;;
    chromium) [[ -x /usr/bin/chromium ]] || missing+=(chromium) ;;
    curl) command -v curl >/dev/null || missing+=(curl) ;;
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
