#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS (default 60) from a corpus seeded with the test
# fixtures and tests/fuzz/seeds, and prints what it did: executions, corpus size, crashes.
# Crash inputs are kept in build/fuzz/artifacts/NAME/ (turn each into a regression test).
# Usage: tests/fuzz/run.sh [SECONDS] [NAME…]   (after: cmake --preset fuzz && cmake --build --preset fuzz)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
shift || true
names=("$@")
[ ${#names[@]} -eq 0 ] && names=(edtf csv notelinks timelines datasets casefile redactor)
build=build/fuzz
seeds=tests/fuzz/seeds
fixtures=tests/fixtures/import
for name in "${names[@]}"; do
  cmake --build "$build" --target "fuzz_$name" >/dev/null
  corpus="$build/corpus/$name"; artifacts="$build/artifacts/$name"
  mkdir -p "$corpus" "$artifacts"
  case "$name" in
    edtf|notelinks|redactor) cp -n "$seeds/$name"/* "$corpus/" 2>/dev/null || true ;;
    csv) cp -n "$fixtures"/*.csv "$seeds/datasets"/* "$corpus/" 2>/dev/null || true ;;
    timelines) cp -n "$fixtures"/*.json "$fixtures"/*.timeline "$corpus/" 2>/dev/null || true ;;
    datasets) cp -n "$seeds/datasets"/* "$corpus/" 2>/dev/null || true ;;
    casefile)
      # A real small case to mutate, made by whichever CaseAtlas build is at hand.
      for cli in build/release/bin/caseatlas build/dev/bin/caseatlas build/ci/bin/caseatlas; do
        if [ -x "$cli" ] && [ ! -e "$corpus/sample.caseatlas" ]; then
          QT_QPA_PLATFORM=offscreen "$cli" new "$corpus/seed.caseatlas" >/dev/null 2>&1 || true
          QT_QPA_PLATFORM=offscreen "$cli" sample "$corpus/sample.caseatlas" >/dev/null 2>&1 || true
          break
        fi
      done ;;
  esac
  log="$build/fuzz_$name.log"
  set +e
  ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$build/bin/fuzz_$name" "$corpus" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  files=$(ls "$corpus" | wc -l)
  crashes=$(ls "$artifacts" | wc -l)
  echo "{\"fuzzer\":\"$name\",\"seconds\":$seconds,\"executions\":${execs:-0},\"corpus\":$files,\"crashes\":$crashes,\"exit\":$rc}"
done
