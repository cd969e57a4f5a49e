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
# A larger young generation for the garbage collector: a submit allocates about 27 KB, and with the runtime's own budget
# the 64 requests in flight were collected (and promoted) every few hundred requests. Only the environment can set it
# (the runtime reads no runtimeconfig knob for it); an operator's own value wins. See docs/operations.md.
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x4000000}"
exec dotnet src/Reelgate.Server/bin/Release/net10.0/linux-x64/Reelgate.Server.dll "$@"
