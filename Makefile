# underlag — see README.md.
#   make          build the tool and generate every document in data/ into out/
#   make test     vet and run the whole test suite (what CI runs)
#   make test-short  vet and run the tests that need nothing but Go
GO      ?= go
BIN     := bin/underlag
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.buildVersion=$(VERSION)

.PHONY: all build install run test test-short vet fuzz bench bench-compare bench-memory bench-identical schema dist release lint-workflows clean

all: run

# Built without cgo, as the release archives are (make dist): nothing in
# underlag needs it, and a statically linked binary starts without the
# dynamic loader, some 6 ms of every cold `underlag render` (issue 31).
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/underlag

# install puts underlag in $(PREFIX)/bin, by default ~/.local/bin, which
# needs no root; `make install PREFIX=/usr/local` as root for every user.
PREFIX ?= $(HOME)/.local
install:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(PREFIX)/bin/underlag ./cmd/underlag
	@case ":$$PATH:" in *":$(PREFIX)/bin:"*) ;; *) echo "underlag: $(PREFIX)/bin is not on PATH; add it with"; echo '  export PATH="$(PREFIX)/bin:$$PATH"';; esac

# build checks every file as validate does and prints its warnings once.
run: build
	./$(BIN) build data/ --out out/

vet:
	@test -z "$$(gofmt -l cmd generator internal templates bench docs 2>/dev/null)" || { gofmt -l cmd generator internal templates bench docs; echo "gofmt: files above need formatting"; exit 1; }
	$(GO) vet ./...

test: vet
	$(GO) test -timeout 20m ./...

# -short skips every test that runs an external program (LibreOffice,
# poppler, qpdf, python, pdfsig): quick, and needs nothing but Go.
test-short: vet
	$(GO) test -short ./...

# Each fuzz target for FUZZTIME (make fuzz FUZZTIME=30s): the loader,
# images, Markdown text, templates as data brings them, foreign PDFs,
# damaged fonts through the font cutter (against fpdf's), the PDF and
# DOCX writers, the search for unbreakable tokens (the same ranges as
# over the whole text), and the PDF's numbers (as strconv rounds them).
# A finding is kept in the package's testdata/fuzz, where `go test`
# runs it from then on. A new input is minimized for at most
# FUZZMINIMIZE: with Go's default of 60s, one minimization of a slow
# target (a foreign PDF through pdfcpu) took all of a 30s run.
FUZZTIME ?= 60s
FUZZMINIMIZE ?= 5s
FUZZ_TARGETS := \
	./generator/load:FuzzBytes \
	./generator/load:FuzzImage \
	./generator/compose:FuzzPlainParagraphs \
	./generator/compose:FuzzTemplate \
	./generator/pdf:FuzzRender \
	./generator/pdf:FuzzOpenForeign \
	./generator/pdf:FuzzAppendNum \
	./generator/pdf/sfnt:FuzzCut \
	./generator/docx:FuzzDOCX \
	./generator/doc:FuzzUnbreakable \
	./generator/lint:FuzzWords

fuzz:
	@failed=; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; \
		echo "fuzz $$fn in $$pkg for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) $$pkg || failed="$$failed $$fn"; \
	done; \
	test -z "$$failed" || { echo "fuzz: findings in$$failed (see testdata/fuzz)"; exit 1; }

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./generator/...

# Times `underlag build` on 1,000 synthetic documents against the floor
# (bench/floor: the least any build of the same outputs does; CPU per
# document is reported as a ratio to it), pandoc (DOCX) and LibreOffice
# (PDF) on the same content; needs pandoc and libreoffice-writer-nogui
# (Debian). N=200 make bench-compare for a quick run, SKIP_PANDOC=1 for
# underlag and the floor alone.
bench-compare:
	bench/compare.sh

# Peak RSS of `underlag build` and `underlag validate` on 1,000 and 10,000
# synthetic documents, in one data tree and in many; needs GNU time.
# SIZES=1000 make bench-memory for a quick run.
bench-memory:
	bench/memory.sh

# Builds data/ with main's underlag and the working tree's and compares
# every output's SHA-256 (a PDF that differs must pass qpdf --check and the
# shared checker with the same text). BASE=rev to compare another.
bench-identical:
	bench/identical.sh

schema:
	$(GO) run ./cmd/underlag schema -o schema/underlag.schema.json

# Binaries for the systems officials and IT staff use, into dist/:
# Windows (underlag.exe), macOS on Apple silicon and Linux. Pure Go, so
# cross-compiling needs nothing but the Go toolchain.
DIST_TARGETS := windows/amd64 darwin/arm64 linux/amd64
dist:
	@for t in $(DIST_TARGETS); do \
		os=$${t%/*}; arch=$${t#*/}; ext=; [ $$os = windows ] && ext=.exe; \
		out=dist/underlag-$(VERSION)-$$os-$$arch/underlag$$ext; \
		echo "$$out"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $$out ./cmd/underlag || exit 1; \
	done

# The release: an archive per system (a zip holding underlag.exe for
# Windows, tar.gz elsewhere), a CycloneDX SBOM per binary and SHA256SUMS,
# into dist/ (internal/release; docs/ci.md, "Releases and versions").
# Archives are stamped with the commit's time, so a commit gives the same
# archives again. Tag first: git tag -a v0.1.0 && make release.
release:
	SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || date +%s) \
		$(GO) run ./internal/release/mkrelease -version $(VERSION) -out dist

# The example CI workflows: actionlint (a tool in go.mod, so offline once
# `go mod download` has run) checks docs/github-actions.yml, with
# shellcheck on its scripts when shellcheck is installed. GitLab's file has
# no offline linter; docs/workflows_test.go checks its structure.
# The example workflows: actionlint, their scripts run, and GitLab's CI
# schema where UNDERLAG_GITLAB_CI_SCHEMA names a copy (docs/ci.md).
lint-workflows:
	$(GO) tool actionlint docs/github-actions.yml
	$(GO) test -count=1 -run 'TestGitHubActions|TestGitLabCI' ./docs/

clean:
	rm -rf bin dist
	find out -mindepth 1 ! -name .gitkeep -delete
