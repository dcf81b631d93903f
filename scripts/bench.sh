#!/usr/bin/env bash
# Runs every benchmark in bench/ and rewrites its section of bench/RESULTS.md.
# Run on an otherwise idle machine: each script reports ratios against a named
# baseline measured in the same run, but absolute times follow the machine load.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
py=.venv/bin/python
$py bench/counting.py --write
$py bench/translation_latency.py --write
$py bench/startup.py --runs 7 --write
$py bench/ui_typing.py --keys 300 --write
$py bench/post_list.py --repeat 15 --write
$py bench/ui_suggest_stall.py --model base --chars 300 --write
$py bench/first_suggestion.py --runs 3 --model tiny --write
$py bench/first_suggestion.py --runs 3 --model base --write
# The publishing benchmark needs the local PDS and a keyring session.
scripts/pds/install.sh
keyring_env=$(scripts/keyring-session.sh --env --watch $$)
eval "$keyring_env"
$py bench/publish.py --pairs 50 --queue 200 --write
