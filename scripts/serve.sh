#!/usr/bin/env bash
# Starts Reelgate on the embedded default: SQLite and local disk in ./data, the built-in local engine,
# listening on http://127.0.0.1:8080 (ASPNETCORE_URLS or --urls to change). Installs ffmpeg if missing.
# Extra arguments go to the server, e.g. scripts/serve.sh --urls http://127.0.0.1:9000
# --dev (first) turns on simulated faults for every key (REELGATE_SIMULATION=true): for a development server only.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--dev" ]]; then
  export REELGATE_SIMULATION=true
  shift
fi

scripts/install-deps.sh
dotnet build src/Reelgate.Server -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet src/Reelgate.Server/bin/Release/net10.0/linux-x64/Reelgate.Server.dll "$@"
