#!/bin/sh
# The crash bar of issue 12 (not a CI test): SIGKILLs and SIGINTs at random
# moments of an ingest of synthetic articles, each followed by a re-run that
# must end with integrity_check ok and exactly the clean ingest's documents,
# claims and findings (compared as sets of contents).
#
#   scripts/crash.sh [ARTICLES] [KILLS] [INTERRUPTS]     (default 5000 30 5)
#   PROFILE=release scripts/crash.sh                      (a release build)
#
# Exits non-zero when any run differs from the clean ingest.
set -eu
cd "$(dirname "$0")/.."
profile="${PROFILE:-debug}"
flag=""
[ "$profile" = release ] && flag="--release"
cargo build -q $flag --bin claimgraph --example crash
exec "target/$profile/examples/crash" "${1:-5000}" "${2:-30}" "${3:-5}" "target/$profile/claimgraph"
