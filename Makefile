# briefpress: two commands on a fresh Debian machine.
#   make build   install what is missing, compile, build content/ into output/ (with PDFs)
#   make test    the same setup, then every test: Swift tests, PDF/UA checks, WCAG page checks
# Everything else here is a building block of those two.

SWIFT        ?= swift
CONFIG       ?= debug
PYTHON       ?= python3
BIN          := .build/$(CONFIG)/briefpress
# Release binaries carry the Swift runtime and Foundation inside (no dynamic loading of them at
# every start: 7 ms instead of 12-15 ms before a build begins, and direct calls into the
# standard library). Debug builds link them dynamically, which links much faster.
# Linked by the toolchain's lld with packed relative relocations (DT_RELR: the loader fixes up
# 125,000 addresses from a 24 KB table instead of a 3 MB one) and without exporting our 35,000
# symbols (the runtime's start-up `dladdr` searched them all): start-up 4.2 ms instead of 5.5.
# The binary stays position-independent (ASLR).
# Generic types' metadata is made by direct calls rather than from mangled names: the runtime
# demangled those and looked up each protocol conformance they need by scanning the tables of
# the whole binary (Foundation, SwiftNIO, Hummingbird): 2.4 million instructions, a fortieth of
# a rebuild with nothing changed, and a little faster full builds too.
STATIC_release := --static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs \
                  -Xlinker --no-export-dynamic \
                  -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
VENV         := .venv
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Markdown (libcmark-gfm), the memory allocator of the executable (jemalloc), and what WeasyPrint
# needs: Pango, HarfBuzz subsetting, a fallback font.
BUILD_PKGS   := libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev pkg-config libpango-1.0-0 \
                libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
# Page checks: headless Chromium and its WebDriver.
TEST_PKGS    := chromium chromium-driver
# Benchmarks: GNU time (CPU time and peak memory of each run), valgrind (Scripts/profile-build.sh).
BENCH_PKGS   := time valgrind
CHECK_DIR    := .build/checks

.PHONY: build test deps test-deps venv compile site check checks bench clean help

help:
	@echo "make build   install missing packages and the Python venv, compile, build the example site into output/"
	@echo "make test    the same setup, then all tests (Swift tests, PDF/UA checks, WCAG page checks)"
	@echo "make check   validate content/ without writing anything"
	@echo "make bench   benchmarks: PDFs (worker pool, cache), preview save-to-reload, link check (local servers), full builds of 100/1000/5000 briefs"
	@echo "make clean   remove build products, output/ and the PDF cache"

build: site

test: deps test-deps venv
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory checks

# Installs the Debian packages in $(1) that are missing (apt-get runs only when needed).
define apt_install
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call apt_install,$(BUILD_PKGS))

test-deps:
	$(call apt_install,$(TEST_PKGS))

bench-deps:
	$(call apt_install,$(BENCH_PKGS))

# The project-local Python with WeasyPrint (PDFs) and the check tools, pinned in requirements.txt.
venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	@# Debian's own python3 needs python3-venv for ensurepip; other Pythons bring it.
	@$(PYTHON) -c "import ensurepip" 2>/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv; }
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r requirements.txt
	# axe-core 4.12 comes inside this package; --no-deps keeps Playwright (and its browser download) out.
	$(VENV)/bin/pip install -q --no-deps axe-playwright-python==0.1.8
	@touch $@

compile: deps
	$(SWIFT) build -c $(CONFIG) $(STATIC_$(CONFIG)) --product briefpress

site: compile venv
	$(BIN) build .

check: compile
	$(BIN) check .

# Builds the example site and the multi-brief test site with PDFs, then checks every PDF
# (PDF/UA-1) and every page (axe-core WCAG 2.0/2.1/2.2 A and AA, 320 px reflow).
checks: compile venv test-deps
	rm -rf $(CHECK_DIR) && mkdir -p $(CHECK_DIR)
	$(BIN) build . -o $(CHECK_DIR)/example --quiet
	$(BIN) build Tests/Fixtures/sites/multi -o $(CHECK_DIR)/multi --drafts --quiet
	$(VENV)/bin/python Tests/Accessibility/check_pdfs.py $(CHECK_DIR)/example $(CHECK_DIR)/multi
	$(VENV)/bin/python Tests/Accessibility/check_pages.py $(CHECK_DIR)/example $(CHECK_DIR)/multi

bench: deps bench-deps venv
	$(SWIFT) build -c release $(STATIC_release) --product briefpress
	Scripts/bench-pdf.sh .build/release/briefpress
	$(PYTHON) Scripts/bench-preview.py .build/release/briefpress 1000
	Scripts/bench-links.sh .build
	Scripts/bench-build.sh .build/release/briefpress

clean:
	rm -rf .build output .briefpress Tests/Fixtures/sites/multi/.briefpress
