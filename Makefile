# PartnerGraph: the two set-up commands are `make demo` and `make test`.
#
# Both install the Debian packages the build needs when they are missing (as root, or with
# sudo when it is available), and say what to install otherwise.

SWIFT ?= swift
CONFIG ?= debug
BIN_DIR = .build/$(CONFIG)
PARTNERGRAPH = $(BIN_DIR)/partnergraph
DEMO_DB ?= .build/demo.sqlite
APT_PACKAGES = libsqlite3-dev libgraphviz-dev pkg-config fonts-noto-core sqlite3 graphviz
# Probes, one per package: a file each package installs.
APT_PROBES = /usr/include/sqlite3.h /usr/include/graphviz/gvc.h /usr/bin/pkg-config \
	/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf /usr/bin/sqlite3 /usr/bin/dot

.PHONY: all build release demo test deps embed clean

all: build

deps:
	@missing=""; for probe in $(APT_PROBES); do [ -e "$$probe" ] || missing="yes"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages: $(APT_PACKAGES)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else \
	    echo "error: missing system packages; run as root: apt-get install -y $(APT_PACKAGES)" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(APT_PACKAGES) >/dev/null \
	    || { echo "error: could not install $(APT_PACKAGES); install them with apt-get and run make again" >&2; exit 1; }; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG)

release:
	$(MAKE) build CONFIG=release

# Regenerates the schema and example embedded in the binary from schema/ and examples/.
embed:
	python3 scripts/embed-resources.py

demo: build
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(PARTNERGRAPH) example --db $(DEMO_DB)
	@echo
	$(PARTNERGRAPH) show ICESCO --db $(DEMO_DB)
	@echo
	$(PARTNERGRAPH) show "Sahiba Gafarova" --db $(DEMO_DB)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --parallel --num-workers 2

clean:
	rm -rf .build
