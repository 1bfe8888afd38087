#!/usr/bin/env bash
# InstallTest: `cmake --install` into a fresh prefix, then use what was
# installed as an outsider would, from another directory and with no
# ANALYZE_DATA: bin/analyze; a C++ program through find_package(news) (shared
# and static); a C program through pkg-config; `import newsanalyze`.
#   tests/install/install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
article="$source/../shared/seed/openai-altman-ko.txt"  # the seed, where ../shared is
[ -f "$article" ] || article="$source/data/samples/ko-battery-plant.txt"
article=$(realpath "$article")
work=$(mktemp -d "${TMPDIR:-/tmp}/analyze-install-XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
unset ANALYZE_DATA
fail() { echo "InstallTest: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/analyze include/news/analyzer.h include/news/c.h lib/libnews.a lib/pkgconfig/news.pc \
         lib/cmake/news/newsConfig.cmake share/analyze/data/sections.txt; do
  [ -e "$prefix/$f" ] || fail "missing $prefix/$f"
done
ls "$prefix"/lib/libnews.so.* >/dev/null || fail "missing libnews.so"
for internal in pipeline.h resources.h; do
  [ ! -e "$prefix/include/news/$internal" ] || fail "internal header $internal installed"
done

cd "$work"  # not the source tree, not the build tree
expected=$("$build/analyze" --compact "$article")
installed=$("$prefix/bin/analyze" --compact "$article") || fail "installed analyze failed"
[ "$installed" = "$expected" ] || fail "installed analyze prints another record"

cmake -S "$source/tests/install/consumer" -B "$work/consumer" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" >/dev/null || fail "find_package(news) failed"
cmake --build "$work/consumer" -j2 >/dev/null || fail "the CMake consumer does not build"
"$work/consumer/consumer" "$article" > cmake.out 2> cmake.err || fail "the CMake consumer failed"
# Found beside the installed libnews.so, not in the source tree it was built from.
grep -qx "data $prefix/share/analyze/data" cmake.err || fail "the library read $(cat cmake.err)"
"$work/consumer/consumer_static" "$article" > static.out || fail "the static consumer failed"
cmp -s cmake.out static.out || fail "shared and static libraries disagree"
grep -q '^person ' cmake.out || fail "no people: $(cat cmake.out)"
grep -q '^money ' cmake.out || fail "no money: $(cat cmake.out)"
jq -r '(.entities.people[] | "person " + .name), (.entities.money[] | "money \(.text) \(.amount) \(.currency)"), "title " + .metadata.title' \
  <<<"$expected" > cli.out
cmp -s cmake.out cli.out || fail "the C++ consumer's people and money differ from the CLI's: $(diff cmake.out cli.out)"

export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror -o c_consumer "$source/tests/install/consumer.c" \
  $(pkg-config --cflags --libs news) || fail "the C consumer does not build with pkg-config"
LD_LIBRARY_PATH="$prefix/lib" ./c_consumer "$article" > c.out || fail "the C consumer failed"
[ "$(jq -c 'del(.source.path)' c.out)" = "$(jq -c 'del(.source.path) | .source.id = "c-1"' <<<"$expected")" ] \
  || fail "the C API's record differs from the CLI's"

if [ -d "$prefix/lib/python3/dist-packages" ]; then
  PYTHONPATH="$prefix/lib/python3/dist-packages" /usr/bin/python3 - "$article" "$expected" <<'PY' \
    || fail "import newsanalyze from the prefix"
import json, sys
import newsanalyze
path, expected = sys.argv[1], json.loads(sys.argv[2])
analyzer = newsanalyze.Analyzer()
assert str(analyzer.data_dir).endswith("/share/analyze/data"), analyzer.data_dir
assert analyzer.analyze_file(path) == expected
PY
else
  echo "InstallTest: newsanalyze not installed (no python3-dev/pybind11-dev): skipped that part"
fi
echo "InstallTest: ok ($prefix)"
