# The README's two commands: `make scan` and `make test`. Both install what is
# missing (Debian packages, pinned npm packages), configure and build first.
BUILD ?= build
JOBS ?= $(shell nproc)
GENLENS := $(BUILD)/genlens
NPM_DIR := $(BUILD)/npm
FORMAT ?= text
FUZZ_SECONDS ?= 60

.PHONY: all deps npm configure build scan test sanitize fuzz docs format format-check bench clean

all: build

deps:
	@bash tools/install-deps.sh

npm: deps
	@bash tools/fetch-npm.sh "$(NPM_DIR)"

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DGENLENS_NPM_DIR=$(abspath $(NPM_DIR))

configure: npm $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

scan: build
	@$(GENLENS) scan examples --format $(FORMAT); status=$$?; \
	  echo "genlens exited with $$status (1 = findings, as the examples are meant to show)"; \
	  [ $$status -le 1 ]

# The whole suite in build/, then the sanitizer stage (`make sanitize`: the
# same suite under ASan + UBSan, then a short run of every fuzz target; see
# docs/HACKING.md). SANITIZE=0 skips the sanitizer stage for a quick local run.
SANITIZE ?= 1
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@if [ "$(SANITIZE)" != 0 ]; then $(MAKE) --no-print-directory sanitize; fi

# Whole ctest suite under -fsanitize=address,undefined, then each fuzz target
# for SANITIZE_FUZZ_SECONDS (default 12; 0 skips).
sanitize: npm
	GENLENS_NPM_DIR=$(abspath $(NPM_DIR)) bash tools/sanitize.sh $(JOBS)

# libFuzzer: each target for FUZZ_SECONDS; crashes in build-fuzz/crashes/<target>/.
fuzz: npm
	GENLENS_NPM_DIR=$(abspath $(NPM_DIR)) FUZZ_SECONDS=$(FUZZ_SECONDS) bash tools/fuzz.sh $(FUZZ_TARGETS)

# Regenerates docs/rules/ from the rule files.
docs: build
	$(GENLENS) docs --out docs/rules

format:
	find src include tests -name '*.cpp' -o -name '*.h' | xargs clang-format -i

format-check:
	find src include tests -name '*.cpp' -o -name '*.h' | xargs clang-format --dry-run --Werror

# Benchmarks, never part of `make test`: an -O2 build in build-bench/, the
# micro-benchmarks, then bench/run_bench.sh (genlens, a parse-only baseline,
# checkov and trivy over ../shared/corpus); see docs/performance.md.
BENCH_BUILD ?= build-bench
bench: npm
	@bash bench/deps.sh
	cmake -S . -B $(BENCH_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release \
	  "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" "-DCMAKE_C_FLAGS_RELEASE=-O2 -DNDEBUG" \
	  -DGENLENS_BUILD_TESTS=OFF -DGENLENS_BUILD_BENCH=ON -DGENLENS_NPM_DIR=$(abspath $(NPM_DIR))
	cmake --build $(BENCH_BUILD) -j $(JOBS)
	$(BENCH_BUILD)/bench/genlens_microbench --benchmark_out=$(abspath $(BENCH_BUILD))/microbench.json \
	  --benchmark_out_format=json
	BENCH_BUILD=$(abspath $(BENCH_BUILD)) bash bench/run_bench.sh

clean:
	rm -rf $(BUILD)
