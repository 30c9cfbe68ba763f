# joinedup: build the bundled site, test everything.
#
#   make build   build the program into bin/joinedup, then content/ into public/
#   make test    every test: lint, unit, browser scripts, golden, fuzz (short), browser in Chromium and
#                Firefox (installs what it needs)
#   make check   check content and templates without writing
#   make serve   the dev server with live reload
#   make dist    the program for each platform, in dist/, stamped with its version
#   make bench   build-speed and search benchmarks (see BENCHMARKS.md)
#   make clean   remove build output

GO ?= go
# A count of inputs, not a time: with a time, Go's fuzzing engine now and
# then fails a clean run with "context deadline exceeded" as the time runs
# out. 30,000 inputs take about 10 s for the slowest target (FuzzConvert).
# Each input that reaches new code is shrunk before it joins the corpus,
# for up to a minute by default, and FuzzConvert then stood still for most
# of a minute; 100 tries at shrinking are enough for a short run.
FUZZTIME ?= 30000x
FUZZMINIMIZE ?= 100x

# The version and commit stamped into the program (joinedup version says
# them): from git describe, so a tagged commit gives its tag. Outside a git
# checkout both are empty, and the program says it is a development build.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null)
COMMIT ?= $(shell git rev-parse --short HEAD 2>/dev/null)
LDFLAGS = -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT)

# The platforms make dist builds for, as GOOS-GOARCH.
PLATFORMS = linux-amd64 linux-arm64 darwin-arm64 windows-amd64

.PHONY: build check serve bin/joinedup dist test test-unit test-js test-fuzz test-browser test-firefox browser-deps firefox-deps npm-deps lint bench bench-serve bench-search test-long clean

# The program, with the theme and the default site built in. Go's build
# cache makes building it again, when nothing changed, take a moment.
bin/joinedup:
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $@ ./generator

build: bin/joinedup
	bin/joinedup build

check: bin/joinedup
	bin/joinedup check

serve: bin/joinedup
	bin/joinedup serve

# One program per platform, each a single file to hand to an organisation,
# and their SHA-256 checksums. Windows cannot be run here (Debian's Wine
# cannot start Go 1.26 programs), so it is checked by building it and by
# the path tests of package ospath, which test the Windows rules on Linux.
dist:
	@rm -rf dist && mkdir -p dist
	@set -e; for p in $(PLATFORMS); do \
	  os=$${p%-*}; arch=$${p#*-}; ext=; if [ "$$os" = windows ]; then ext=.exe; fi; \
	  echo "dist/joinedup-$$p$$ext"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o "dist/joinedup-$$p$$ext" ./generator; \
	done
	cd dist && sha256sum joinedup-* > SHA256SUMS

test: lint test-unit test-js test-fuzz test-browser test-firefox

# Go: gofmt, vet and staticcheck. The browser scripts: ESLint, pinned in
# package-lock.json (eslint.config.js says what it checks). Go commands name
# . (embed.go, which embeds the theme and the default site) and
# ./generator/... rather than ./...: an npm package (flatted, which ESLint
# uses) ships Go files, and ./... would take in node_modules/. go vet runs
# for Windows and macOS too, so that code for one system does not break
# the build for another. Here vet and staticcheck see the browser tests
# too (the build tag "browser" only adds files), so they run once; the
# browser tests use Linux calls, so vet for Windows and macOS leaves them out.
# For macOS only the packages with files for some systems and not others
# (a build line naming a system, or a name ending _linux, _windows or
# _darwin) are vetted: every other file is the same on each system, and
# vetting it for Windows as well as Linux shows it uses nothing Linux alone
# has. Vetting everything for macOS too meant building every dependency for
# it: over a minute with an empty build cache.
DARWIN_PKGS = $(sort $(patsubst %/,./%,$(dir $(shell grep -rlE --include='*.go' '^//go:build .*(unix|linux|darwin|windows)' generator; find generator -name '*.go' | grep -E '_(linux|windows|darwin)(_test)?\.go$$'))))

lint: npm-deps
	@test -z "$$(gofmt -l generator *.go)" || { echo "gofmt would change:"; gofmt -l generator *.go; exit 1; }
	$(GO) vet -tags browser . ./generator/...
	GOOS=windows $(GO) vet . ./generator/...
	GOOS=darwin $(GO) vet $(DARWIN_PKGS)
	$(GO) tool staticcheck -tags browser . ./generator/...
	npm run lint

# The browser scripts' pure logic (result codes, pasted codes, CSV, search
# tokens and ranking, ...), with Node's own test runner: the *.test.js
# files beside the scripts. It needs no npm packages, but one test checks
# the vendored stemmer against its npm package when that is installed.
test-js:
	node --test templates/assets/*.test.js templates/assets/tools/*.test.js

# The npm packages from package-lock.json, installed only when missing: npm
# ci empties node_modules first, and where node_modules is a link to a copy
# shared with other checkouts, that would empty the shared copy.
# --ignore-scripts: see browser-deps.
npm-deps:
	@command -v npm >/dev/null 2>&1 || { echo "make lint needs npm (Debian: sudo apt-get install npm; make test-browser installs it when run as root)"; exit 1; }
	@if [ -d node_modules/eslint ] && [ -d node_modules/@eslint/js ]; then :; else npm ci --ignore-scripts --no-audit --no-fund; fi

# -short: the long tests (the dev server's rebuilds against full builds,
# real builds interrupted by signals, the tests that build the program
# itself: a new site made and served with only the program, the version
# stamped as make dist stamps it; and search's ranking over a 10,000-page
# index) run briefly or not at all under the race detector, and in full,
# without it, in test-long.
test-unit:
	$(GO) test -race -short ./generator/...
	$(MAKE) test-long

test-long:
	$(GO) test -count=1 -run '^(TestLiveMatchesFullBuild|TestInterruptedCommands|TestOnlyTheBinary|TestVersion|TestEveryWordAtScale)$$' ./generator ./generator/internal/pipeline ./generator/internal/search

# A short run of each fuzz target; the seed corpora always run in test-unit.
test-fuzz:
	$(GO) test ./generator/internal/content -run '^$$' -fuzz '^FuzzSplitFrontMatter$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE)
	$(GO) test ./generator/internal/markdown -run '^$$' -fuzz '^FuzzConvert$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE)
	$(GO) test ./generator/internal/markdown -run '^$$' -fuzz '^FuzzParseOptions$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE)

# Browser tests: every file with the build tag "browser" (generator/e2e checks
# every page in headless Chromium with axe-core, and with the Nu HTML
# Checker). browser-deps installs what they need; lint vets these files.
# Only the packages that have such files are tested again: the others'
# tests are the same with the tag and ran in test-unit. The tests of
# generator/e2e run side by side, each in a browser context of its own in one
# shared Chromium; -parallel says how many tests (and parallel subtests) run
# at once.
BROWSER_PKGS = $(sort $(patsubst %/,./%,$(dir $(shell grep -rl --include='*.go' '^//go:build browser' generator))))

test-browser: browser-deps
	$(GO) test -tags browser -parallel 4 -timeout 30m $(BROWSER_PKGS)

# The key flows in Firefox too (Debian's firefox-esr, driven by the pinned
# puppeteer-core over WebDriver BiDi, from Node's test runner): Firefox keeps
# file:// storage page by page, which the site must cope with.
test-firefox: firefox-deps
	node --test generator/e2e/firefox/

# firefox-esr, installed with apt-get when missing (as browser-deps does for
# Chromium), and the npm packages. puppeteer-core downloads no browser: the
# packages are installed with --ignore-scripts.
firefox-deps:
	@if ! command -v firefox-esr >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Firefox tests: installing firefox-esr with apt-get"; \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends firefox-esr || exit 1; \
	  else \
	    echo "The Firefox tests need Debian's firefox-esr, which is not installed."; \
	    echo "Install it with:  sudo apt-get update && sudo apt-get install firefox-esr"; \
	    exit 1; \
	  fi; \
	fi
	@if [ -d node_modules/puppeteer-core ]; then :; else PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund; fi

# Chromium, Java (for the HTML checker), poppler-utils (pdftotext, to read
# what printouts say in their margins) and npm: installed with apt-get when
# missing and running as root, otherwise a message saying how. Then the pinned
# test tools from package-lock.json; --ignore-scripts because vnu-jar's
# install script would download a Java runtime, and Java comes from apt.
# Chromium comes twice: the tests of generator/e2e run in
# chromium-headless-shell, the same engine without the desktop browser,
# where each page costs the machine less than half as much; the dev
# server's reload test runs in the full chromium.
browser-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v chromium-headless-shell >/dev/null 2>&1 || missing="$$missing chromium-headless-shell"; \
	java -version >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "browser tests: installing$$missing with apt-get"; \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing || exit 1; \
	  else \
	    echo "The browser tests need these Debian packages, which are not installed:$$missing"; \
	    echo "Install them with:  sudo apt-get update && sudo apt-get install$$missing"; \
	    echo "(or run make test as root, which installs them)"; \
	    exit 1; \
	  fi; \
	fi
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund

# Build speed: the generator against the floor (the least work any Markdown
# generator must do) on generated corpora, alternating runs, then the Go
# micro-benchmarks of the hot paths. Binaries are built first so compile time
# is not measured. See BENCHMARKS.md.
BENCH_SIZES ?= 1000,10000
BENCH_RUNS ?= 5,3
BENCH_MICRO ?= 1s

bench:
	@set -e; d=$$(mktemp -d); trap 'rm -rf "$$d"' EXIT; \
	$(GO) build -o "$$d/generator" ./generator; \
	$(GO) build -o "$$d/floor" ./generator/bench/floor; \
	$(GO) build -o "$$d/run" ./generator/bench/run; \
	"$$d/run" -generator "$$d/generator" -floor "$$d/floor" -templates templates \
		-sizes $(BENCH_SIZES) -runs $(BENCH_RUNS) -work "$$d"
	$(MAKE) bench-serve
	$(GO) test -run '^$$' -bench . -benchmem -benchtime $(BENCH_MICRO) \
		./generator/internal/content ./generator/internal/markdown ./generator/internal/pipeline
	$(MAKE) bench-search

# The dev server: how long after a save an edit shows in the served page
# (a body edit, a title edit), cold start against a full build, peak
# memory. See BENCHMARKS.md.
BENCH_SERVE_SIZES ?= 1000,10000
BENCH_EDITS ?= 10

bench-serve:
	@set -e; d=$$(mktemp -d); trap 'rm -rf "$$d"' EXIT; \
	$(GO) build -o "$$d/generator" ./generator; \
	$(GO) build -o "$$d/serve" ./generator/bench/serve; \
	"$$d/serve" -generator "$$d/generator" -templates templates \
		-sizes $(BENCH_SERVE_SIZES) -edits $(BENCH_EDITS) -work "$$d"

# Search in Chromium at 100, 1,000 and 10,000 pages: bytes per query, query
# time, index size per page (needs the browser test tools).
# npm ci empties node_modules first; where node_modules is a link to a copy
# shared with other checkouts, that empties the shared copy. So the
# benchmark installs the browser test tools only when they are missing.
bench-search:
	@if [ -d node_modules/axe-core ] && [ -d node_modules/vnu-jar ]; then :; else $(MAKE) browser-deps; fi
	$(GO) test -tags browser -run '^$$' -bench Search -benchtime 1x ./generator/e2e

clean:
	rm -rf public .public.build-* testout bin dist
