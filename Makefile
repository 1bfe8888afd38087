# The two set-up commands of the README (`make demo`, `make test`), and the
# longer jobs people run (`make bench`, `make fuzz`, `make test-sanitize`).
BUILD ?= build
JOBS ?= $(shell nproc)
SAMPLE ?= data/samples/ko-battery-plant.txt
FUZZ_SECONDS ?= 60

.PHONY: all deps test-deps configure build demo test test-sanitize fuzz fuzz-smoke bench bench-hostile golden clean ner-model name-lexicons eval eval-particles-folds eval-html tune-combination screenshot

all: build

deps:
	@bash .ci/install-deps

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# The demo builds the program alone (not the tools and tests): what a
# newcomer waits for is what the demo runs.
demo: configure
	@cmake --build $(BUILD) -j $(JOBS) --target analyze
	./$(BUILD)/analyze --pretty $(SAMPLE)

# The suite wants Chromium for the HTML page's browser test and Debian's
# Python with pybind11 and Dask for the Python module (each skips without);
# the demo waits for neither.
test-deps:
	@bash .ci/install-deps browser python

test: test-deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# docs/report.png: the sample's HTML page as headless Chromium draws it.
screenshot: configure
	@bash .ci/install-deps browser
	@cmake --build $(BUILD) -j $(JOBS) --target analyze
	./$(BUILD)/analyze --format html $(SAMPLE) > $(BUILD)/report-sample.html
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
	  --user-data-dir=$(BUILD)/chromium-profile --window-size=1200,1500 \
	  --screenshot=docs/report.png "file://$(abspath $(BUILD))/report-sample.html" 2>/dev/null
	@ls -l docs/report.png

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer.
test-sanitize: deps
	@cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANALYZE_SANITIZE=ON \
	  -DANALYZE_BUILD_TOOLS=OFF >/dev/null
	@cmake --build build-sanitize -j $(JOBS)
	cd build-sanitize && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

# libFuzzer: each target for FUZZ_SECONDS, from the seed corpus in
# tests/fuzz/corpus/NAME; what it finds lands in build-fuzz/corpus/NAME and a
# crash in build-fuzz/crash-*. Every crash becomes a regression test.
fuzz:
	@bash .ci/install-deps fuzz
	@cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DANALYZE_BUILD_FUZZ=ON -DANALYZE_BUILD_TESTS=OFF -DANALYZE_BUILD_TOOLS=OFF >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@set -e; for target in build-fuzz/fuzz_*; do \
	  name=$${target#build-fuzz/fuzz_}; mkdir -p build-fuzz/corpus/$$name; \
	  echo "fuzz $$name for $(FUZZ_SECONDS) s"; \
	  $$target -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=build-fuzz/ -print_final_stats=1 \
	    build-fuzz/corpus/$$name tests/fuzz/corpus/$$name > build-fuzz/$$name.log 2>&1 \
	    || { tail -n 60 build-fuzz/$$name.log; echo "fuzz $$name: FAILED (log: build-fuzz/$$name.log)"; exit 1; }; \
	  grep -E "^(stat::number_of_executed_units|Done)" build-fuzz/$$name.log; \
	done

# What CI runs: every fuzz target for a short while.
fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=10

# Google Benchmark micro-benchmarks per stage and the whole-program benchmark
# over ../shared/data/corpus; figures go to bench/RESULTS.md by hand.
bench:
	@bash .ci/install-deps bench
	@cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DANALYZE_BUILD_BENCH=ON \
	  -DANALYZE_BUILD_TESTS=OFF >/dev/null
	@cmake --build build-bench -j $(JOBS)
	./build-bench/news_bench --benchmark_min_time=1 --benchmark_out=build-bench/bench.json \
	  --benchmark_out_format=json
	python3 bench/report.py build-bench/bench.json

# Adversarial input shapes at 1, 4 and 16 MB: time, peak memory and the
# 16/1 ratios (bench/adversarial.py; docs/complexity.md). Fails when a shape
# is not linear. SIZES=1,4,16,50 SHAPES=mixed-line for other runs.
SIZES ?= 1,4,16
SHAPES ?=
bench-hostile: configure
	@cmake --build $(BUILD) -j $(JOBS) --target analyze
	python3 bench/adversarial.py $(BUILD)/analyze --sizes $(SIZES) $(if $(SHAPES),--shapes $(SHAPES))

# Rewrites tests/golden/*.json from the current build; review `git diff` after.
golden: build
	@for f in tests/golden/*.txt; do ./$(BUILD)/analyze --pretty "$$f" > "$${f%.txt}.json" || true; done
	@git --no-pager diff --stat -- tests/golden

clean:
	rm -rf $(BUILD) build-sanitize build-fuzz build-bench

# Rebuild the NER word clusters and the shipped model from ../shared
# (docs/ner-model.md). The clusters, a statistic of the publishers' articles,
# stay in the build folder; the model carries what it needs of them.
ner-model: build
	nice -n 10 ./$(BUILD)/analyze-build-word-clusters --corpus ../shared/data/corpus/ko --out $(BUILD)/ner-word-clusters.txt
	nice -n 10 ./$(BUILD)/analyze-train-ner --klue ../shared/data/klue-ner/train.jsonl --runs 2 \
	  --multiconer ../shared/data/multiconer-ko/train.jsonl --clusters $(BUILD)/ner-word-clusters.txt --out data/ner-model.bin

# The fold the combination of rules and model was tuned on (docs/names.md):
# KLUE lines with index % 10 == 1 held out of both the derived lexicons and
# the model, then rules, model and both scored on them.
tune-combination: build
	test -f $(BUILD)/ner-word-clusters.txt || nice -n 10 ./$(BUILD)/analyze-build-word-clusters \
	  --corpus ../shared/data/corpus/ko --out $(BUILD)/ner-word-clusters.txt
	rm -rf $(BUILD)/data-fold1 && cp -r data $(BUILD)/data-fold1
	./$(BUILD)/analyze-build-name-lexicons --klue ../shared/data/klue-ner/train.jsonl \
	  --other ../shared/data/multiconer-ko/train.jsonl --corpus ../shared/data/corpus/ko \
	  --tuning-fold 1 --out $(BUILD)/data-fold1
	nice -n 10 ./$(BUILD)/analyze-train-ner --klue ../shared/data/klue-ner/train.jsonl \
	  --multiconer ../shared/data/multiconer-ko/train.jsonl --clusters $(BUILD)/ner-word-clusters.txt \
	  --runs 2 --dev-fold 1 --out $(BUILD)/data-fold1/ner-model.bin
	for system in --no-model --model-only ""; do ./$(BUILD)/analyze-eval-ner \
	  ../shared/data/klue-ner/train.jsonl --fold 1 --data-dir $(BUILD)/data-fold1 $$system; done

# Rebuild the derived name lexicons from ../shared (docs/names.md).
name-lexicons: build
	./$(BUILD)/analyze-build-name-lexicons --klue ../shared/data/klue-ner/train.jsonl \
	  --other ../shared/data/multiconer-ko/train.jsonl --corpus ../shared/data/corpus/ko --out data

# Every accuracy figure of the README, from ../shared.
SHARED ?= ../shared/data
eval: build
	./$(BUILD)/analyze-eval-particles $(SHARED)/ud-korean-gsd/ko_gsd-ud-dev.conllu
	./$(BUILD)/analyze-eval-duckling $(SHARED)/duckling/ko_*.jsonl $(SHARED)/duckling/en_number.jsonl \
	  $(SHARED)/duckling/en_amount-of-money.jsonl $(SHARED)/duckling/en_time.jsonl
	for system in --no-model --model-only ""; do \
	  ./$(BUILD)/analyze-eval-ner $(SHARED)/klue-ner/train.jsonl --holdout $$system; \
	  ./$(BUILD)/analyze-eval-ner $(SHARED)/multiconer-ko/dev.jsonl $$system; done
	./$(BUILD)/analyze-eval-model --klue $(SHARED)/klue-ner/train.jsonl \
	  --multiconer $(SHARED)/multiconer-ko/dev.jsonl
	./$(BUILD)/analyze-eval-dedup --corpus $(SHARED)/corpus/ko --articles 20000 --seed 20231118

# The particle splitter cross-validated on UD Korean GSD train (docs/text-layer.md):
# five folds by sentence index, each measured by statistics made from the
# other four (into $(BUILD)/particle-folds, never data/), then dev as shipped.
eval-particles-folds: configure
	@cmake --build $(BUILD) -j $(JOBS) --target analyze-train-particles analyze-eval-particles
	./$(BUILD)/analyze-train-particles $(SHARED)/ud-korean-gsd/ko_gsd-ud-train.conllu \
	  --folds 5 --out $(BUILD)/particle-folds
	./$(BUILD)/analyze-eval-particles $(SHARED)/ud-korean-gsd/ko_gsd-ud-train.conllu \
	  --folds 5 --stats-dir $(BUILD)/particle-folds
	./$(BUILD)/analyze-eval-particles $(SHARED)/ud-korean-gsd/ko_gsd-ud-dev.conllu

# The HTML reader on ../shared/data/html-extraction (docs/html.md): Zyte token
# F1 on the dev and held-out splits beside the 13 anchors, the Korean pages,
# trafilatura's snippet checks and metadata accuracy.
eval-html: configure
	@cmake --build $(BUILD) -j $(JOBS) --target analyze-eval-html
	./$(BUILD)/analyze-eval-html --data $(SHARED)/html-extraction
