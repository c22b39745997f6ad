# PartnerGraph: the two set-up commands are `make demo` and `make test`.
#
# Both install the Debian packages the build needs when they are missing (as root, or with
# sudo when it is available), and say what to install otherwise.

SWIFT ?= swift
CONFIG ?= debug
BIN_DIR = .build/$(CONFIG)
PARTNERGRAPH = $(BIN_DIR)/partnergraph
DEMO_DB ?= .build/demo.sqlite
# Pictures show no date unless asked (`render --drawn`), but whether a relation has ended is judged
# against "today": SOURCE_DATE_EPOCH fixes that day, so that regenerated pictures are the same bytes.
# The README's article was published on 14 May 2024: its picture is judged as of that day.
ARTICLE_EPOCH := 1715644800
EXAMPLE_EPOCH := $(shell git log -1 --format=%ct -- examples/icesco-azerbaijan.json 2>/dev/null || date +%s)
# libxml2-dev, libicu-dev, liblzma-dev and zlib1g-dev: release builds link libxml2 (Foundation's
# XMLParser) statically, with ICU's header for Sources/CLibXML2ICU.
APT_PACKAGES = libsqlite3-dev libgraphviz-dev pkg-config fonts-noto-core sqlite3 graphviz \
	libxml2-dev libicu-dev liblzma-dev zlib1g-dev
# Probes, one per package: a file each package installs.
APT_PROBES = /usr/include/sqlite3.h /usr/include/graphviz/gvc.h /usr/bin/pkg-config \
	/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf /usr/bin/sqlite3 /usr/bin/dot \
	/usr/include/libxml2/libxml/parser.h /usr/include/unicode/ucnv.h /usr/include/lzma.h /usr/include/zlib.h

.PHONY: all build release demo test deps browser-deps postgres-deps python-deps browser-test bench-web embed clean bench bench-ingest bench-export \
	check-consumer check-install install uninstall install-build completions manual profile-build \
	docs check-docs

all: build

deps:
	@$(call apt_install,$(APT_PACKAGES),$(APT_PROBES))

# Installs the Debian packages $(1) unless every probe file of $(2) exists (as root, or with sudo).
define apt_install
missing=""; for probe in $(2); do [ -e "$$probe" ] || missing="yes"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages: $(1)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else \
	    echo "error: missing system packages; run as root: apt-get install -y $(1)" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(1) >/dev/null \
	    || { echo "error: could not install $(1); install them with apt-get and run make again" >&2; exit 1; }; \
	fi
endef

# The browser of the web view's end-to-end test (scripts/browser-test/), driven through chromedriver.
BROWSER_PACKAGES = chromium chromium-driver
BROWSER_PROBES = /usr/bin/chromium /usr/bin/chromedriver
browser-deps:
	@$(call apt_install,$(BROWSER_PACKAGES),$(BROWSER_PROBES))

# The PostgreSQL server the tests of the PostgreSQL store run against (scripts/pg-test-cluster),
# from Debian's packages, installed when no server binaries are found.
postgres-deps:
	@$(call apt_install,postgresql,$(or $(wildcard /usr/lib/postgresql/*/bin/initdb),/usr/lib/postgresql/bin/initdb))

# The tools whose reading of our files the tests check: networkx (GraphML, GEXF), Kùzu (Cypher) and rdflib (JSON-LD),
# jsonschema (every command's --json output against schema/json/), openapi-spec-validator (the web
# API's /openapi.json) and Selenium (the web view's browser test); from PyPI, installed for the
# user running the tests when missing.
PY_PACKAGES = networkx kuzu==0.11.3 rdflib==7.6.0 jsonschema==4.26.0 openapi-spec-validator==0.9.0 selenium==4.40.0
python-deps:
	@python3 -c "import networkx, kuzu, rdflib, jsonschema, openapi_spec_validator, selenium" 2>/dev/null || { \
	  echo "Installing Python packages: $(PY_PACKAGES)"; \
	  python3 -m pip install --quiet $(PY_PACKAGES) \
	    || { echo "error: could not install $(PY_PACKAGES); run: python3 -m pip install $(PY_PACKAGES)" >&2; exit 1; }; }

build: deps
	$(SWIFT) build -c $(CONFIG)

# A release binary with the Swift and C++ runtimes and libxml2 linked in: it needs only the
# system's C library and libsqlite3 (and Graphviz's libraries to draw), wherever it is copied. (Built by product: GRDB's
# dynamic library product cannot link against the static Swift runtime.)
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product partnergraph
	$(SWIFT) build -c release --static-swift-stdlib --product partnergraph-serve
	$(SWIFT) build -c release --static-swift-stdlib --product partnergraph-postgres

# A release binary that valgrind can read (`valgrind --tool=callgrind .build-profile/release/partnergraph …`),
# in its own build folder. valgrind 3.19 (Debian 12) reads DWARF 4 only, and stops at the first
# compile unit in DWARF 5 ("Possibly corrupted debuginfo file"), leaving the whole binary without
# symbols: clang writes DWARF 5 for the C and C++ targets (ours, and TOMLKit's toml++), swiftc
# DWARF 4. The flags stay here rather than in Package.swift, where SwiftPM would refuse them in
# a package that others depend on by version (see check-consumer).
PROFILE_SCRATCH ?= .build-profile
profile-build: deps
	$(SWIFT) build -c release --static-swift-stdlib --product partnergraph --scratch-path $(PROFILE_SCRATCH) \
	  -Xcc -gdwarf-4 -Xcxx -gdwarf-4 -Xswiftc -dwarf-version=4
	@echo "Profile with: valgrind --tool=callgrind $(PROFILE_SCRATCH)/release/partnergraph …"

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
	@echo
	@mkdir -p exports
	@# Relations are judged ended as of the example's last change, which keeps the pictures reproducible.
	SOURCE_DATE_EPOCH=$(EXAMPLE_EPOCH) $(PARTNERGRAPH) render --db $(DEMO_DB) --lang both --title "ICESCO and Azerbaijan: the press release of 26 March 2024" -o exports/icesco-azerbaijan.svg
	SOURCE_DATE_EPOCH=$(EXAMPLE_EPOCH) $(PARTNERGRAPH) render --db $(DEMO_DB) --lang both --title "ICESCO and Azerbaijan: the press release of 26 March 2024" -o exports/icesco-azerbaijan.png
	SOURCE_DATE_EPOCH=$(EXAMPLE_EPOCH) $(PARTNERGRAPH) render --db $(DEMO_DB) --lang both --around ICESCO --depth 1 -o exports/icesco-neighbourhood.svg
	SOURCE_DATE_EPOCH=$(EXAMPLE_EPOCH) $(PARTNERGRAPH) render --db $(DEMO_DB) --lang both --around ICESCO --depth 1 -o exports/icesco-neighbourhood.png
	SOURCE_DATE_EPOCH=$(EXAMPLE_EPOCH) $(PARTNERGRAPH) render --db $(DEMO_DB) --lang both --path "Salim M. AlMalik" "Sahiba Gafarova" -o exports/path-almalik-gafarova.svg
	SOURCE_DATE_EPOCH=$(EXAMPLE_EPOCH) $(PARTNERGRAPH) render --db $(DEMO_DB) --lang both --path "Salim M. AlMalik" "Sahiba Gafarova" -o exports/path-almalik-gafarova.png
	@echo
	@# The README's flow from a press release to the graph (issue 10); drafts are numbered from 1 in a fresh database.
	$(PARTNERGRAPH) ingest examples/alecso-2024-05-14.en.txt --publisher ICESCO --db $(DEMO_DB)
	$(PARTNERGRAPH) review edit 2 --key alecso --alias "المنظمة العربية للتربية والثقافة والعلوم@ar" --db $(DEMO_DB)
	$(PARTNERGRAPH) review edit 4 --date 2024-05-13 --db $(DEMO_DB)
	$(PARTNERGRAPH) review reject 7 9 --db $(DEMO_DB)
	$(PARTNERGRAPH) review accept --all --min-confidence 0.6 --source icesco-2024-05-14 --db $(DEMO_DB)
	SOURCE_DATE_EPOCH=$(ARTICLE_EPOCH) $(PARTNERGRAPH) render --db $(DEMO_DB) --source icesco-2024-05-14 --title "What the press release of 14 May 2024 added" -o exports/article-icesco-2024-05-14.svg
	SOURCE_DATE_EPOCH=$(ARTICLE_EPOCH) $(PARTNERGRAPH) render --db $(DEMO_DB) --source icesco-2024-05-14 --title "What the press release of 14 May 2024 added" -o exports/article-icesco-2024-05-14.png
	@echo
	@# Interchange (issue 9): the founding example's neighbourhood for other tools, and a spreadsheet imported with its mapping.
	$(PARTNERGRAPH) export --db $(DEMO_DB) --around ICESCO --depth 1 -o exports/icesco-neighbourhood.graphml
	$(PARTNERGRAPH) export --db $(DEMO_DB) --around ICESCO --depth 1 -o exports/icesco-neighbourhood.mmd
	$(PARTNERGRAPH) import --db $(DEMO_DB) --csv examples/memberships.csv --map examples/memberships.toml

# The tests run against both stores: a throwaway PostgreSQL server is started in a temporary folder
# for them, and stopped and deleted afterwards, whether they pass or not. PARTNERGRAPH_REQUIRE_POSTGRES
# makes the PostgreSQL tests fail, rather than skip, should the server be missing.
test: deps python-deps browser-deps postgres-deps
	$(SWIFT) build --build-tests
	@cluster=$$(mktemp -d -u "$${TMPDIR:-/tmp}/partnergraph-pg.XXXXXX"); \
	trap 'scripts/pg-test-cluster stop "$$cluster"' EXIT INT TERM; \
	url=$$(scripts/pg-test-cluster start "$$cluster") || exit 1; \
	echo "PostgreSQL for the tests: $$url"; \
	PARTNERGRAPH_TEST_POSTGRES="$$url" PARTNERGRAPH_REQUIRE_POSTGRES=1 $(SWIFT) test --skip-build --parallel --num-workers 2
	$(MAKE) --no-print-directory browser-test

# The web view as a user sees it: `partnergraph serve` on a free loopback port over the example,
# driven by headless Chromium (search الإيسيسكو, follow ICESCO, see the drawing, take a
# screenshot), and the API's documents compared with the commands' --json. Uses the debug
# build that `make test` made. WEB_SCREENSHOT=exports/web-view.png keeps the screenshot.
WEB_SCREENSHOT ?=
browser-test: browser-deps python-deps
	@[ -x $(BIN_DIR)/partnergraph ] || $(SWIFT) build -c $(CONFIG) --product partnergraph
	@[ -x $(BIN_DIR)/partnergraph-serve ] || $(SWIFT) build -c $(CONFIG) --product partnergraph-serve
	python3 scripts/browser-test/browser_test.py --partnergraph $(BIN_DIR)/partnergraph $(if $(WEB_SCREENSHOT),--screenshot $(WEB_SCREENSHOT))

# The DocC archive of the library (swift-docc-plugin), built with docc's warnings as errors (a
# broken ``Symbol`` link, a parameter left out of `- Parameters:`), then the check that every public
# declaration has a doc comment (scripts/check-doc-coverage.py, on the symbol graph docc just read).
# `python3 -m http.server -d $(DOCS_DIR)` serves it; the pages are under /documentation/partnergraph/.
DOCS_DIR ?= .build/docs/PartnerGraph.doccarchive
docs: deps
	@rm -rf $(DOCS_DIR) && mkdir -p $(dir $(DOCS_DIR))
	$(SWIFT) package --allow-writing-to-directory $(dir $(DOCS_DIR)) generate-documentation --target PartnerGraph \
	  --output-path $(DOCS_DIR) --warnings-as-errors
	@[ -d $(DOCS_DIR)/data/documentation ] || { echo "error: docc wrote no archive at $(DOCS_DIR)" >&2; exit 1; }
	python3 scripts/check-doc-coverage.py
	@echo "Documentation: $(DOCS_DIR)"

# What CI runs: the same build and checks as `make docs`.
check-docs: docs

clean:
	rm -rf .build

# A package that depends on PartnerGraph by version, `.package(url: …, from: "0.1.0")`, built and
# run against a tagged clone of this working tree: SwiftPM refuses such a dependency if a target
# of the library product has unsafe build flags. .ci/run calls it after `make test`.
check-consumer: deps
	SWIFT="$(SWIFT)" scripts/check-consumer.sh

# `make install [PREFIX=/usr/local] [DESTDIR=]`: the release binary in PREFIX/bin, completions for
# bash, zsh and fish, and the man page. INSTALL_CONFIG=debug installs the debug build instead,
# without the release build's minutes (check-install does). `make uninstall` removes the same files.
PREFIX ?= /usr/local
INSTALL_CONFIG ?= release
INSTALL_BINARY = .build/$(INSTALL_CONFIG)/partnergraph
# The server `partnergraph serve` runs, installed beside it.
INSTALL_SERVER = .build/$(INSTALL_CONFIG)/partnergraph-serve
# The same commands with PostgreSQL linked in, which `partnergraph` runs for a postgres:// database.
INSTALL_POSTGRES = .build/$(INSTALL_CONFIG)/partnergraph-postgres
BIN_INSTALL_DIR = $(DESTDIR)$(PREFIX)/bin
BASH_COMPLETION_DIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_COMPLETION_DIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_COMPLETION_DIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
MAN_INSTALL_DIR = $(DESTDIR)$(PREFIX)/share/man/man1
COMPLETIONS_DIR = .build/completions
# Where swift-argument-parser's generate-manual plugin writes the page (one per executable target).
MANUAL = .build/plugins/GenerateManual/outputs/PartnerGraphMain/partnergraph.1
# The page's date is the last commit's, so that the same sources give the same page.
MANUAL_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date +%Y-%m-%d)
INSTALLED_FILES = $(BIN_INSTALL_DIR)/partnergraph $(BIN_INSTALL_DIR)/partnergraph-serve $(BIN_INSTALL_DIR)/partnergraph-postgres \
	$(BASH_COMPLETION_DIR)/partnergraph \
	$(ZSH_COMPLETION_DIR)/_partnergraph $(FISH_COMPLETION_DIR)/partnergraph.fish $(MAN_INSTALL_DIR)/partnergraph.1

install-build: deps
	@if [ "$(INSTALL_CONFIG)" = release ]; then $(MAKE) --no-print-directory release; \
	else $(SWIFT) build -c $(INSTALL_CONFIG) --product partnergraph && $(SWIFT) build -c $(INSTALL_CONFIG) --product partnergraph-serve \
	  && $(SWIFT) build -c $(INSTALL_CONFIG) --product partnergraph-postgres; fi

# The completion scripts, written by the binary (ArgumentParser's --generate-completion-script);
# each is written whole before it is moved into place.
completions: install-build
	@mkdir -p $(COMPLETIONS_DIR)
	@for shell in bash zsh fish; do \
	  $(INSTALL_BINARY) --generate-completion-script $$shell >$(COMPLETIONS_DIR)/partnergraph.$$shell.tmp \
	    && mv $(COMPLETIONS_DIR)/partnergraph.$$shell.tmp $(COMPLETIONS_DIR)/partnergraph.$$shell \
	    || { echo "error: could not write the $$shell completion script" >&2; exit 1; }; \
	done

# The man page, by swift-argument-parser's generate-manual plugin, from a debug build (the page
# is the same whatever the build). generate-manual 1.8.2 drops non-ASCII characters from the text.
manual: deps
	$(SWIFT) package plugin generate-manual --configuration debug --date $(MANUAL_DATE)
	@[ -s $(MANUAL) ] || { echo "error: the generate-manual plugin wrote no $(MANUAL)" >&2; exit 1; }

install: install-build completions manual
	install -d $(BIN_INSTALL_DIR) $(BASH_COMPLETION_DIR) $(ZSH_COMPLETION_DIR) $(FISH_COMPLETION_DIR) $(MAN_INSTALL_DIR)
	install -m 755 $(INSTALL_BINARY) $(BIN_INSTALL_DIR)/partnergraph
	install -m 755 $(INSTALL_SERVER) $(BIN_INSTALL_DIR)/partnergraph-serve
	install -m 755 $(INSTALL_POSTGRES) $(BIN_INSTALL_DIR)/partnergraph-postgres
	install -m 644 $(COMPLETIONS_DIR)/partnergraph.bash $(BASH_COMPLETION_DIR)/partnergraph
	install -m 644 $(COMPLETIONS_DIR)/partnergraph.zsh $(ZSH_COMPLETION_DIR)/_partnergraph
	install -m 644 $(COMPLETIONS_DIR)/partnergraph.fish $(FISH_COMPLETION_DIR)/partnergraph.fish
	install -m 644 $(MANUAL) $(MAN_INSTALL_DIR)/partnergraph.1
	@echo "Installed partnergraph in $(BIN_INSTALL_DIR), its completions and man page under $(DESTDIR)$(PREFIX)/share"

uninstall:
	rm -f $(INSTALLED_FILES)

# Installs into a temporary PREFIX (the debug build unless INSTALL_CONFIG says otherwise), checks
# every file and runs the installed binary and its bash completion, then uninstalls.
check-install: deps
	SWIFT="$(SWIFT)" INSTALL_CONFIG="$(INSTALL_CONFIG_CHECK)" scripts/check-install.sh
INSTALL_CONFIG_CHECK ?= debug

# The benchmark of issues 3 and 14 on a workload of bench/gen_graph.py (needs numpy): SIZE=M (the
# default: 100,000 entities, 1,000,000 relations) or SIZE=L (1,000,000 and 5,000,000), generated
# into .build-bench/SIZE unless present; then pg-bench (import, fresh-process path and neighbors,
# search, ingest) and, with BENCH_KUZU=1 (the default), Kùzu on the same files for the
# side-by-side table (bench/kuzu_bench.py). See BENCHMARKS.md.
SIZE ?= M
BENCH_DATA ?= .build-bench/$(SIZE)
BENCH_RUNS ?= 3
BENCH_KUZU ?= 1
bench: deps
	@[ -f $(BENCH_DATA)/edges.csv ] || python3 bench/gen_graph.py --size $(SIZE) --seed 42 --out $(BENCH_DATA)
	$(SWIFT) build -c release --scratch-path .build-bench/build --static-swift-stdlib --product partnergraph
	$(SWIFT) build -c release --scratch-path .build-bench/build --static-swift-stdlib --product pg-bench
	.build-bench/build/release/pg-bench --data $(BENCH_DATA) --runs $(BENCH_RUNS) \
	  --partnergraph .build-bench/build/release/partnergraph --work .build-bench/work-$(SIZE)
	@if [ "$(BENCH_KUZU)" = 1 ]; then $(MAKE) --no-print-directory python-deps && \
	  python3 bench/kuzu_bench.py --data $(BENCH_DATA) --work .build-bench/kuzu-$(SIZE) --runs $(BENCH_RUNS); fi

# Issue 12's web benchmark: entity pages of `partnergraph serve` (release build) under wrk, on
# the example and on M, on loopback; see scripts/web-bench/ and BENCHMARKS.md. Installs wrk.
bench-web: deps
	@$(call apt_install,wrk,/usr/bin/wrk)
	@[ -f $(BENCH_DATA)/edges.csv ] || python3 bench/gen_graph.py --size $(SIZE) --seed 42 --out $(BENCH_DATA)
	$(SWIFT) build -c release --scratch-path .build-bench/build --static-swift-stdlib --product partnergraph
	$(SWIFT) build -c release --scratch-path .build-bench/build --static-swift-stdlib --product partnergraph-serve
	python3 scripts/web-bench/bench_web.py --partnergraph .build-bench/build/release/partnergraph \
	  --data $(BENCH_DATA) --work .build-bench/web --runs $(BENCH_RUNS)

# Issue 10's benchmark alone: `partnergraph ingest` of 5,000-word articles (English and Arabic)
# into a new database holding the founding example and the M workload; see Sources/pg-bench.
bench-ingest: deps
	@[ -f $(BENCH_DATA)/edges.csv ] || python3 bench/gen_graph.py --size $(SIZE) --seed 42 --out $(BENCH_DATA)
	$(SWIFT) build -c release --scratch-path .build-bench/build --static-swift-stdlib --product partnergraph
	$(SWIFT) build -c release --scratch-path .build-bench/build --static-swift-stdlib --product pg-bench
	.build-bench/build/release/pg-bench --data $(BENCH_DATA) --runs $(BENCH_RUNS) --only ingest \
	  --partnergraph .build-bench/build/release/partnergraph --work .build-bench/work

# Issue 9's benchmark alone: `partnergraph export` of the whole M graph in each format (but
# Mermaid), and the CSV round trip; see Sources/pg-bench. Imports M first.
bench-export: deps
	@[ -f $(BENCH_DATA)/edges.csv ] || python3 bench/gen_graph.py --size $(SIZE) --seed 42 --out $(BENCH_DATA)
	$(SWIFT) build -c release --scratch-path .build-bench/build --static-swift-stdlib --product partnergraph
	$(SWIFT) build -c release --scratch-path .build-bench/build --static-swift-stdlib --product pg-bench
	.build-bench/build/release/pg-bench --data $(BENCH_DATA) --runs $(BENCH_RUNS) --only import,export \
	  --partnergraph .build-bench/build/release/partnergraph --work .build-bench/work
