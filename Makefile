# briefpress: two commands on a fresh Debian machine.
#   make build   install what is missing, compile, build content/ into output/
#   make test    the same setup, then every test
# Everything else here is a building block of those two.

SWIFT        ?= swift
CONFIG       ?= debug
BIN          := .build/$(CONFIG)/briefpress
DEBIAN_PKGS  := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build test deps compile site check clean help

help:
	@echo "make build   install missing packages, compile, build the example site into output/"
	@echo "make test    the same setup, then run all tests"
	@echo "make check   validate content/ without writing anything"
	@echo "make clean   remove build products and output/"

build: compile site

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Installs the Debian packages briefpress needs, only those that are missing.
deps:
	@missing=""; for p in $(DEBIAN_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

compile: deps
	$(SWIFT) build -c $(CONFIG) --product briefpress

site: compile
	$(BIN) build .

check: compile
	$(BIN) check .

clean:
	rm -rf .build output
