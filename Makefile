# The two set-up commands of the README, and the longer jobs people run.
BUILD ?= build
JOBS ?= $(shell nproc)
SAMPLE ?= data/samples/ko-battery-plant.txt

.PHONY: all deps configure build demo test clean golden

all: build

deps:
	@bash .ci/install-deps

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	./$(BUILD)/analyze --pretty $(SAMPLE)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)

# Rewrites tests/golden/*.json from the current build; review `git diff` after.
golden: build
	@for f in tests/golden/*.txt; do ./$(BUILD)/analyze --pretty "$$f" > "$${f%.txt}.json" || true; done
	@git --no-pager diff --stat -- tests/golden
