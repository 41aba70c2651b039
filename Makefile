# The README's two commands: `make scan` and `make test`. Both install what is
# missing (Debian packages, pinned npm packages), configure and build first.
BUILD ?= build
JOBS ?= $(shell nproc)
GENLENS := $(BUILD)/genlens
NPM_DIR := $(BUILD)/npm
FORMAT ?= text
FUZZ_SECONDS ?= 30

.PHONY: all deps npm configure build scan test docs format format-check bench clean

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

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Regenerates docs/rules/ from the rule files.
docs: build
	$(GENLENS) docs --out docs/rules

format:
	find src include tests -name '*.cpp' -o -name '*.h' | xargs clang-format -i

format-check:
	find src include tests -name '*.cpp' -o -name '*.h' | xargs clang-format --dry-run --Werror

clean:
	rm -rf $(BUILD)
