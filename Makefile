# antwort: build, install, test and demo.
#
# CFLAGS, LDFLAGS and PREFIX stay the user's; what antwort needs is added
# with `override`, so `make CFLAGS=-O0` still builds a working binary.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/antwort
MANDIR  ?= $(PREFIX)/share/man/man1
DESTDIR ?=

CC      ?= cc
CFLAGS  ?= -O2 -g
BUILD   ?= build

VERSION := 0.1.0
PKGS    := ncursesw libgit2 libpcre2-8 hunspell
# The model needs PCRE2, hunspell and libgit2's buffer diff (worddiff.c);
# its unit tests link against nothing else, which keeps curses out of it
# by construction. The workspace (ws_*.c) is the only user of git proper.
MODEL_PKGS := libpcre2-8 hunspell libgit2

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
MODEL_LIBS := $(shell pkg-config --libs $(MODEL_PKGS) 2>/dev/null)

# `make check` adds -Werror: a warning fails the suite, not a user's build.
WERROR  ?=
override CFLAGS += $(WERROR) -pthread -std=c17 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
                   $(PKG_CFLAGS) \
                   -DANTWORT_VERSION='"$(VERSION)"' \
                   -DANTWORT_DATADIR='"$(DATADIR)"' \
                   -MMD -MP

# The model: plain C, no curses; of libgit2 only the buffer diff (worddiff.c).
# Each file one concern.
MODEL_SRC := src/error.c src/buf.c src/utf8.c src/strlist.c src/inquiry.c \
             src/heading.c src/reader.c src/writer.c src/json.c src/export.c \
             src/fileio.c src/summary.c src/clean.c src/speller.c \
             src/slug.c src/docparts.c src/docmerge.c src/worddiff.c src/keymap.c \
             src/editbuf.c src/wrap.c src/session.c src/search.c src/script.c \
             src/tokens.c src/spell.c src/style.c src/findings.c src/datadir.c src/check.c src/template.c
WS_SRC    := src/ws_repo.c src/ws_commit.c src/ws_pack.c src/ws_doc.c src/ws_history.c \
             src/ws_sync.c src/ws_words.c src/ws_trailers.c src/ws_tls.c src/ws_versions.c src/recovery.c \
             src/overview.c
CLI_SRC   := src/main.c src/cli.c src/cli_ws.c src/cmd_parse.c src/cmd_export.c \
             src/cmd_init.c src/cmd_import.c src/cmd_list.c src/cmd_save.c src/cmd_log.c \
             src/cmd_show.c src/cmd_diff.c src/cmd_sync.c src/cmd_check.c src/cmd_template.c \
             src/cmd_edit.c src/app.c src/term.c src/view_editor.c \
             src/view_overview.c src/view_help.c src/view_template.c

MODEL_OBJ := $(MODEL_SRC:src/%.c=$(BUILD)/%.o)
WS_OBJ    := $(WS_SRC:src/%.c=$(BUILD)/%.o)
CLI_OBJ   := $(CLI_SRC:src/%.c=$(BUILD)/%.o)
UNIT_SRC  := $(wildcard tests/unit/*.c)
UNIT_OBJ  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%.o)

BIN       := $(BUILD)/antwort
UNIT_BIN  := $(BUILD)/unit-tests

SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

.PHONY: all check check-run demo demo-run deps install uninstall clean test fuzz bench bench-run

all: $(BIN)

# ws_tls.c's stand-ins for mbedTLS's certificate loaders must be visible to
# libgit2, which binds to them then instead of loading at every start.
TLS_LDFLAGS := -Wl,--export-dynamic-symbol=mbedtls_x509_crt_parse_file \
               -Wl,--export-dynamic-symbol=mbedtls_x509_crt_parse_path

$(BIN): $(MODEL_OBJ) $(WS_OBJ) $(CLI_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) $(TLS_LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(UNIT_BIN): $(MODEL_OBJ) $(WS_OBJ) $(UNIT_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) $(TLS_LDFLAGS) -o $@ $^ $(MODEL_LIBS)

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/unit/%.o: tests/unit/%.c | $(BUILD)/unit
	$(CC) $(CFLAGS) -Isrc -c -o $@ $<

$(BUILD) $(BUILD)/unit:
	mkdir -p $@

# Builds what the suite runs against, in the given build folder (the bench's
# generator too: tests/cli/test_bench.sh runs the bench at tiny sizes).
test: $(BIN) $(UNIT_BIN) $(BUILD)/bench-gen

# `check` and `demo` first make sure the libraries are there, then re-enter
# make so that pkg-config is asked again after an install.
check: deps
	$(MAKE) --no-print-directory check-run

check-run:
	$(MAKE) --no-print-directory BUILD=build WERROR=-Werror test
	$(MAKE) --no-print-directory BUILD=build/san WERROR=-Werror CFLAGS='$(SAN_FLAGS)' \
		LDFLAGS='-fsanitize=address,undefined' test
	sh tests/run.sh build build/san

demo: deps
	$(MAKE) --no-print-directory demo-run

demo-run: $(BIN)
	sh share/demo.sh $(BIN) share/examples

deps:
	@sh share/deps.sh $(PKGS)

# The benchmark's deterministic data generator (a developer tool, not
# installed).
$(BUILD)/bench-gen: bench/gen.c | $(BUILD)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $<

# Measures antwort against git and hunspell on a large generated inquiry and
# prints the ratios (bench/run.sh; docs/development.md, "Benchmarks"). Not
# part of `make check`, which runs only a smoke run of it. BENCH=1 makes
# deps.sh also install the reference tools (hunspell, GNU time).
bench:
	@BENCH=1 sh share/deps.sh $(PKGS)
	$(MAKE) --no-print-directory bench-run

bench-run: $(BIN) $(BUILD)/bench-gen
	sh bench/run.sh $(BIN) $(BUILD)/bench-gen

# Fuzzes the reader and writer with libFuzzer (clang) for FUZZ_SECONDS,
# starting from the fixtures. Not part of `make check`: it runs for minutes.
FUZZ_SECONDS ?= 120
fuzz: deps
	mkdir -p build/fuzz/corpus
	clang -g -O1 -fsanitize=fuzzer,address,undefined $(PKG_CFLAGS) -Isrc \
		$(filter-out src/export.c src/json.c src/summary.c,$(MODEL_SRC)) \
		tests/fuzz/fuzz_reader.c $(MODEL_LIBS) -o build/fuzz/fuzz_reader
	cp tests/fixtures/*.txt tests/import/*.txt build/fuzz/corpus/
	cd build/fuzz && ./fuzz_reader -max_total_time=$(FUZZ_SECONDS) -max_len=8192 corpus

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/antwort
	install -m 644 docs/antwort.1 $(DESTDIR)$(MANDIR)/antwort.1
	cp -R templates dict share/examples $(DESTDIR)$(DATADIR)/
	install -m 644 share/stil.regeln $(DESTDIR)$(DATADIR)/stil.regeln

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/antwort $(DESTDIR)$(MANDIR)/antwort.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build

-include $(MODEL_OBJ:.o=.d) $(WS_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_OBJ:.o=.d)
