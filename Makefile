# Opeka — build, serve, test, benchmark. Every target installs what it needs
# (scripts/install-tools.sh, idempotent), so a fresh machine needs nothing by hand.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROME_BIN ?= /usr/bin/chromium

WASM_TARGET := wasm32-unknown-unknown
TARGET_DIR  := $(shell cargo metadata --format-version 1 --no-deps 2>/dev/null | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
EMBED_WASM  := $(TARGET_DIR)/$(WASM_TARGET)/release/opeka_embed.wasm
DECK_WASM   := $(TARGET_DIR)/$(WASM_TARGET)/release/opeka_deck_wasm.wasm
WORKER_WASM := $(TARGET_DIR)/$(WASM_TARGET)/worker/opeka_worker_wasm.wasm
DIST        := dist/opeka
# What a page with one widget may download, opeka.js and opeka_bg.wasm each
# gzip -9: `make dist` fails above it.
DOWNLOAD_BUDGET := 165000
WASM_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue
# No extra inlining by wasm-opt: rustc already inlined at opt-level "z", and
# binaryen's inlining makes the module smaller raw but larger gzipped. For the
# same reason -O2, not -Oz: binaryen's shrinking passes save raw bytes that
# gzip had already compressed as repeats; of those passes only code folding
# (identical block tails merged) still pays (docs/size.md has the figures).
# One exception: a function with one caller and a body of at most 9 bytes
# is put into its caller. The page's module has about 200 functions fewer,
# and V8 compiles each function the drawing calls on the main thread at its
# first call, about 6 µs each besides its bytes (docs/performance.md, stop
# 37: 1 085 such functions in the sample's drawing, 907 with a limit of 20).
# The limit is where gzip compresses this code best, and that is luck:
# stop 37 chose 20 (−746 bytes against no inlining). Stop 38's changes,
# 242 bytes of raw module, were 841 bytes of gzip at 20 and 210 at 9,
# where it is now smallest (−1 292 against none; from 10 on, 630 bytes
# and more larger than at 9). A change to the code may move it again:
# `make inline-sweep` when `make dist` goes over the budget (docs/size.md,
# stop 38). Stop 45's changes were over it at 20 and smallest at 14;
# stop 46's over it at 14, and smallest at 13 (of 10 to 18); stop 51's
# over it at 13 (its 512 bytes of raw module 955 of gzip there, 281 at 16)
# and smallest at 16 (of 0 to 20); stop 55's smallest at 14 (and 13, 17);
# stop 56's at 14 (22 bytes fewer than at 13), then, with a measurer kept
# for each feed (the review), at 13 (36 fewer than at 14).
# --skip-pass=memory-packing keeps the data segments whole: the pass splits
# them at runs of zeros, which gzip compresses to nothing, into segments
# whose headers it cannot (−243 bytes of gzip, +499 raw: docs/size.md,
# stop 55).
# --low-memory-unused lets binaryen fold constant offsets into loads and
# stores (−330 bytes): the first KB of memory is the far end of Rust's stack
# (which the data follows: 128 KiB in the page's module, crates/embed/build.rs;
# 1 MiB in the others), reached only by a stack about to overflow, and
# emscripten assumes the same by default.
ONE_CALLER_LIMIT := 13
WASM_OPT_FLAGS := -O2 --converge --code-folding --low-memory-unused --skip-pass=memory-packing --flexible-inline-max-function-size 0 --one-caller-inline-max-function-size $(ONE_CALLER_LIMIT) --strip-producers --strip-target-features
# The host-page bundle is built with a pinned nightly that rebuilds std
# without panic messages, panic locations or Debug formatting: stable Rust
# cannot, and they are a tenth of the gzipped wasm (docs/size.md). Everything
# else (tests, gallery, CLI) uses stable. scripts/install-tools.sh installs it.
DIST_TOOLCHAIN := $(shell sed -n 's/^dist_toolchain=//p' scripts/toolchains)
DIST_RUSTFLAGS := -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none
DIST_CARGO     := RUSTFLAGS="$(DIST_RUSTFLAGS)" cargo +$(DIST_TOOLCHAIN)
# std's `optimize_for_size` picks its smaller code paths (formatting,
# searching, sorting, which the bundle's own code does not use): −767 bytes
# of the download (docs/size.md).
DIST_BUILD_STD := -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
TERSER_FLAGS   := --module --ecma 2020 --compress --mangle
# opeka.js, in the page's budget, also writes the glue's import functions
# as methods (`{a(x){…}}` for `{a:function(x){…}}`): −64 bytes gzip. Terser
# calls it unsafe because a method cannot be called with `new`; the module
# only calls its imports (docs/size.md, stop 15).
TERSER_PAGE_FLAGS := --module --ecma 2020 --compress unsafe_methods=true --mangle

.PHONY: help tools serve gallery dist test lint test-native test-wasm test-e2e bench soak fuzz fuzz-long fuzz-scene clean size-audit named-dist inline-sweep

help:
	@echo "make serve   build and serve the gallery at http://127.0.0.1:8080 (sample feeds bundled)"
	@echo "make test    run every test layer: lint, native, wasm in headless Chromium, end-to-end"
	@echo "make dist    build dist/opeka/ for host pages (opeka.js, opeka_bg.wasm, embed.html)"
	@echo "make bench   print size and speed figures"

tools:
	scripts/install-tools.sh

## dist: the files a host page copies as they are, with stable names.
dist:
	scripts/install-tools.sh wasm node
	$(DIST_CARGO) build --release -p opeka-embed --target $(WASM_TARGET) $(DIST_BUILD_STD)
	rm -rf $(DIST) && mkdir -p $(DIST)
	wasm-bindgen --target web --no-typescript --out-dir $(DIST) --out-name opeka_bindings $(EMBED_WASM)
	wasm-opt $(WASM_OPT_FLAGS) $(WASM_FEATURES) $(DIST)/opeka_bindings_bg.wasm -o $(DIST)/opeka_bg.wasm
	rm $(DIST)/opeka_bindings_bg.wasm
	@# The validator's words stay out of the page's module (opeka-feed's `words`;
	@# the worker's module says them, crates/embed/src/worker.rs).
	@! grep -q 'required field is missing' $(DIST)/opeka_bg.wasm || { echo "opeka_bg.wasm has the validator's words"; exit 1; }
	@# The deck's own small module (crates/deck-wasm: its checks and texts), built
	@# on its own so that nothing of it can reach the plain widget download.
	$(DIST_CARGO) build --release -p opeka-deck-wasm --target $(WASM_TARGET) $(DIST_BUILD_STD)
	wasm-bindgen --target web --no-typescript --out-dir $(DIST) --out-name opeka_deck_bindings $(DECK_WASM)
	wasm-opt $(WASM_OPT_FLAGS) $(WASM_FEATURES) $(DIST)/opeka_deck_bindings_bg.wasm -o $(DIST)/opeka_deck_bg.wasm
	rm $(DIST)/opeka_deck_bindings_bg.wasm
	@# The worker's module (crates/worker-wasm: validation and reduction of big
	@# feeds), loaded only by opeka-worker.js, so none of it is in the plain download;
	@# built for speed (Cargo.toml's `worker` profile: opt-level 3, not "z").
	$(DIST_CARGO) build --profile worker -p opeka-worker-wasm --target $(WASM_TARGET) $(DIST_BUILD_STD)
	wasm-bindgen --target web --no-typescript --out-dir $(DIST) --out-name opeka_worker_bindings $(WORKER_WASM)
	wasm-opt $(WASM_OPT_FLAGS) $(WASM_FEATURES) $(DIST)/opeka_worker_bindings_bg.wasm -o $(DIST)/opeka_worker_bg.wasm
	rm $(DIST)/opeka_worker_bindings_bg.wasm
	@# Short import and export names in the wasm and in the glue (the script says why).
	node scripts/minify-names.mjs $(DIST)/opeka_bg.wasm $(DIST)/opeka_bindings.js
	cp crates/embed/js/embed.html crates/embed/js/embed.css crates/embed/js/deck.html crates/embed/js/deck.css $(DIST)/
	@# PT Sans for full screen and decks, subset to Latin and Cyrillic and named
	@# "Opeka Sans" (scripts/subset-fonts.py), with its licence; loaded only there.
	cp assets/fonts/opeka-sans-regular.woff2 assets/fonts/opeka-sans-bold.woff2 $(DIST)/
	cp assets/fonts/LICENSE-PTSans.txt $(DIST)/LICENSE-PTSans.txt
	@# The scripts ship minified (the readable sources are in crates/embed/js);
	@# the wasm-bindgen glue is a third of its size after terser.
	@# opeka.js carries the module's glue (scripts/join-glue.mjs), the widget's
	@# bounded request, the downloads menu's loader and its pointer and keyboard
	@# handling (crates/widgets/js/loader.js and interact.js, which the Leptos
	@# component imports as snippets), so a page loads one script.
	node scripts/join-glue.mjs $(DIST)/opeka_bindings.js $(DIST)/opeka.joined.js crates/widgets/js/loader.js crates/widgets/js/interact.js crates/embed/js/opeka.js
	@# Its first line asks V8 to compile every function in it as the script
	@# streams in, on a background thread (V8's explicit compile hints): the
	@# glue's import shims, the loader and the widget's handlers run in the
	@# first drawing, which otherwise compiles each on the main thread at its
	@# first call (docs/performance.md, stop 37: the sample's task 44 → 36 ms
	@# of CPU, for 23 bytes).
	terser $(DIST)/opeka.joined.js $(TERSER_PAGE_FLAGS) --format "preamble='//# allFunctionsCalledOnLoad'" -o $(DIST)/opeka.js
	@head -1 $(DIST)/opeka.js | grep -qx '//# allFunctionsCalledOnLoad' || { echo "opeka.js does not start with its compile hint"; exit 1; }
	rm $(DIST)/opeka.joined.js $(DIST)/opeka_bindings.js
	@# Loaded only when a reader opens a widget's downloads menu (PNG, SVG, CSV)
	@# or its full screen, and by decks for their fonts.
	terser crates/widgets/js/opeka-extras.js $(TERSER_FLAGS) -o $(DIST)/opeka-extras.js
	@# Loaded when the pointer first enters a chart or one takes focus: its tooltips and keyboard walk.
	terser crates/widgets/js/tooltips.js $(TERSER_FLAGS) -o $(DIST)/opeka-tooltips.js
	terser crates/embed/js/embed.js $(TERSER_FLAGS) -o $(DIST)/embed.js
	terser crates/embed/js/embed-origins.js $(TERSER_FLAGS) -o $(DIST)/embed-origins.js
	@# Loaded only where a deck is shown (docs/decks.md): <opeka-deck> and the deck page.
	terser crates/embed/js/opeka-deck.js $(TERSER_FLAGS) -o $(DIST)/opeka-deck.js
	terser crates/embed/js/deck.js $(TERSER_FLAGS) -o $(DIST)/deck.js
	@# The widget's worker (crates/embed/src/worker.rs): loaded only when a
	@# widget has a feed of 1 MB or more; it carries its module's glue
	@# (scripts/join-worker.mjs says why).
	node scripts/join-worker.mjs $(DIST)/opeka_worker_bindings.js crates/embed/js/opeka-worker.js $(DIST)/opeka-worker.joined.js
	terser $(DIST)/opeka-worker.joined.js $(TERSER_FLAGS) -o $(DIST)/opeka-worker.js
	rm $(DIST)/opeka-worker.joined.js
	@# The worker's page side (starting it, time limits, answers), imported by
	@# opeka.js only with the first big feed.
	terser crates/embed/js/opeka-worker-host.js $(TERSER_FLAGS) -o $(DIST)/opeka-worker-host.js
	@# deck.html's service worker (offline decks), a classic script.
	terser crates/embed/js/opeka-sw.js --ecma 2020 --compress --mangle -o $(DIST)/opeka-sw.js
	terser $(DIST)/opeka_deck_bindings.js $(TERSER_FLAGS) -o $(DIST)/opeka_deck_bindings.js
	terser $(DIST)/opeka_worker_bindings.js $(TERSER_FLAGS) -o $(DIST)/opeka_worker_bindings.js
	node scripts/check-bundle.mjs $(DIST)/opeka_bg.wasm
	node scripts/check-bundle.mjs $(DIST)/opeka_deck_bg.wasm
	node scripts/check-bundle.mjs $(DIST)/opeka_worker_bg.wasm
	@# The budget of what a page downloads (issue "Reading a chart", docs/size.md).
	@js=$$(gzip -9c $(DIST)/opeka.js | wc -c); wasm=$$(gzip -9c $(DIST)/opeka_bg.wasm | wc -c); \
	  if [ $$((js + wasm)) -gt $(DOWNLOAD_BUDGET) ]; then \
	    echo "dist: a page downloads $$((js + wasm)) bytes gzip (opeka.js $$js + opeka_bg.wasm $$wasm), over the budget of $(DOWNLOAD_BUDGET) (docs/size.md)"; exit 1; fi
	@echo "built $(DIST): $$(ls $(DIST) | tr '\n' ' ')"

## gallery: the Trunk app in www/, with dist/opeka, the sample feeds and the examples beside it;
## and the Leptos example app (examples/leptos-app/dist), which the end-to-end tests load too.
gallery: dist
	trunk build --offline --config Trunk.toml
	trunk build --offline --config examples/leptos-app/Trunk.toml

serve: dist
	trunk serve --offline --config Trunk.toml --address 127.0.0.1 --port 8080

## test: every layer. The README's test command; .ci/run calls it.
test: tools lint test-native test-wasm test-e2e

## lint: rustfmt and clippy with the workspace's lints (Cargo.toml) and the
## bundle's rules (clippy.toml), warnings denied; natively and for wasm32.
lint:
	scripts/install-tools.sh wasm
	cargo fmt --all -- --check
	cargo clippy --workspace --exclude opeka-embed --exclude opeka-deck-wasm --exclude opeka-worker-wasm --exclude opeka-gallery --exclude opeka-widgets --exclude opeka-leptos --exclude opeka-leptos-app --all-targets -- -D warnings
	cargo clippy --target $(WASM_TARGET) -p opeka-embed -p opeka-deck-wasm -p opeka-worker-wasm -p opeka-widgets -p opeka-leptos -p opeka-gallery -p opeka-leptos-app --all-targets -- -D warnings
	@# The embed bundle as `make dist` builds it: opeka-feed without its `words`,
	@# which the members above turn on for the whole build.
	cargo clippy --target $(WASM_TARGET) -p opeka-embed -- -D warnings
	cargo clippy -p opeka-feed --no-default-features --all-targets -- -D warnings
	@# The API docs: no link to a private item or to nothing.
	RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

test-native:
	cargo test --workspace --exclude opeka-embed --exclude opeka-deck-wasm --exclude opeka-worker-wasm --exclude opeka-gallery --exclude opeka-widgets --exclude opeka-leptos --exclude opeka-leptos-app
	@# The JSON reader against serde_json as the bundle had it: in the workspace build
	@# above, the CLI's jsonschema turns on serde_json's float_roundtrip (json_diff_tests.rs).
	cargo test -p opeka-feed --lib json_diff
	@# The validator as the page's module has it (no `words`, no `declared-ranks`).
	cargo test -p opeka-feed --no-default-features --lib validate::cx
	@# The worker's module's own parts (its streamed bodies), natively.
	cargo test -p opeka-worker-wasm --lib

test-wasm:
	scripts/install-tools.sh wasm browser
	cargo test -p opeka-widgets --features loader --target $(WASM_TARGET)
	cargo test -p opeka-leptos --target $(WASM_TARGET)

test-e2e: gallery
	scripts/install-tools.sh node browser
	node --test --test-concurrency=1 tests/e2e/

bench: dist
	scripts/install-tools.sh node browser
	@echo "== bundle size (what a host page downloads)"
	@for f in opeka.js opeka_bg.wasm; do \
	  printf '%-20s %8d bytes  %8d gzip\n' $$f $$(wc -c < $(DIST)/$$f) $$(gzip -9c $(DIST)/$$f | wc -c); done
	@js=$$(gzip -9c $(DIST)/opeka.js | wc -c); wasm=$$(gzip -9c $(DIST)/opeka_bg.wasm | wc -c); \
	  printf '%-20s %8s        %8d gzip  (both files, each gzipped as a server sends them; opeka.js has the glue; budget 165000)\n' 'download' '' $$((js + wasm))
	@echo "== loaded lazily (only when a reader asks for it)"
	@for f in opeka-extras.js; do \
	  printf '%-20s %8d bytes  %8d gzip  (the downloads menu: PNG, SVG, CSV; full screen)\n' $$f $$(wc -c < $(DIST)/$$f) $$(gzip -9c $(DIST)/$$f | wc -c); done
	@for f in opeka-tooltips.js; do \
	  printf '%-20s %8d bytes  %8d gzip  (tooltips and the keyboard walk, when the pointer enters a chart or it takes focus)\n' $$f $$(wc -c < $(DIST)/$$f) $$(gzip -9c $(DIST)/$$f | wc -c); done
	@for f in opeka-worker-host.js opeka-worker.js opeka_worker_bindings.js opeka_worker_bg.wasm; do \
	  printf '%-24s %8d bytes  %8d gzip  (the worker for feeds of 1 MB and more: its page side, script, glue and module)\n' $$f $$(wc -c < $(DIST)/$$f) $$(gzip -9c $(DIST)/$$f | wc -c); done
	@for f in opeka-sans-regular.woff2 opeka-sans-bold.woff2; do \
	  printf '%-24s %8d bytes  (PT Sans for full screen and decks only)\n' $$f $$(wc -c < $(DIST)/$$f); done
	@for f in opeka-deck.js opeka_deck_bindings.js opeka_deck_bg.wasm deck.js opeka-sw.js; do \
	  printf '%-24s %8d bytes  %8d gzip  (decks only: the element, its checks, deck.html, its offline worker)\n' $$f $$(wc -c < $(DIST)/$$f) $$(gzip -9c $(DIST)/$$f | wc -c); done
	@echo "== feed validation"
	cargo run --quiet --profile native -p opeka-feed --example bench_validate
	@if [ -f crates/chart/examples/bench_render.rs ]; then echo "== chart rendering"; cargo run --quiet --profile native -p opeka-chart --example bench_render; fi
	@echo "== drawing each view in headless Chromium"
	node tests/bench/views.mjs
	@if [ -f tests/bench/browser.mjs ]; then echo "== host pages in headless Chromium"; node tests/bench/browser.mjs; fi
	@echo "== big feeds beside uPlot and Chart.js (docs/performance.md)"
	node tests/bench/big-feeds.mjs
	@echo "== the page's main thread while a feed loads: each task's CPU beside its wall time (Chromium's trace; docs/performance.md, stop 36)"
	node tests/bench/long-tasks.mjs "" 5
	@echo "== big feeds in the Leptos component: its worker against the main thread (the example app built for release)"
	@# Trunk reads a relative --dist against the config's folder: the path is absolute.
	trunk build --release --offline --config examples/leptos-app/Trunk.toml --dist $(CURDIR)/target/leptos-app-release
	node tests/bench/leptos-big-feeds.mjs $(CURDIR)/target/leptos-app-release
	@echo "== the snippet over a slow network, with and without preloads (README)"
	node tests/bench/preload.mjs
	@echo "== adversarial feeds under the 16 MiB limit (docs/performance.md)"
	cargo run --quiet --profile native -p opeka-chart --example bench_adversarial
	node tests/bench/adversarial.mjs

## soak: 1 000 refresh cycles under a fake clock against 127.0.0.1, then a kiosk
## deck through 1 000 slide changes; each prints wasm memory and the JS heap
## after warm-up and at the end (not part of make test).
soak: dist
	scripts/install-tools.sh node browser
	node tests/soak/soak.mjs
	node tests/soak/deck-soak.mjs

## inline-sweep: the page's module gzipped at each one-caller inlining limit
## (ONE_CALLER_LIMIT is gzip's luck with the code, docs/size.md stop 38), as
## dist builds it: for when `make dist` goes over the budget (so not after it).
INLINE_LIMITS ?= 0 6 8 9 10 12 16 20 24 30
inline-sweep:
	scripts/install-tools.sh wasm node
	$(DIST_CARGO) build --release -p opeka-embed --target $(WASM_TARGET) $(DIST_BUILD_STD)
	rm -rf target/inline-sweep && mkdir -p target/inline-sweep
	wasm-bindgen --target web --no-typescript --out-dir target/inline-sweep --out-name opeka_bindings $(EMBED_WASM)
	@for limit in $(INLINE_LIMITS); do \
	  wasm-opt $(subst --one-caller-inline-max-function-size $(ONE_CALLER_LIMIT),--one-caller-inline-max-function-size $$limit,$(WASM_OPT_FLAGS)) $(WASM_FEATURES) \
	    target/inline-sweep/opeka_bindings_bg.wasm -o target/inline-sweep/opeka_bg.wasm && \
	  cp target/inline-sweep/opeka_bindings.js target/inline-sweep/glue.js && \
	  node scripts/minify-names.mjs target/inline-sweep/opeka_bg.wasm target/inline-sweep/glue.js > /dev/null && \
	  echo "limit $$limit: opeka_bg.wasm $$(gzip -9c target/inline-sweep/opeka_bg.wasm | wc -c) bytes gzip, $$(wc -c < target/inline-sweep/opeka_bg.wasm) raw"; \
	done

## size-audit: the bundle with function names kept, and where its bytes go (docs/size.md).
size-audit:
	scripts/install-tools.sh wasm node
	$(DIST_CARGO) build --profile size-audit -p opeka-embed --target $(WASM_TARGET) $(DIST_BUILD_STD)
	mkdir -p target/size-audit
	wasm-bindgen --target web --no-typescript --out-dir target/size-audit --out-name audit $(TARGET_DIR)/$(WASM_TARGET)/size-audit/opeka_embed.wasm
	wasm-opt $(WASM_OPT_FLAGS) $(WASM_FEATURES) --debuginfo target/size-audit/audit_bg.wasm -o target/size-audit/audit.wasm
	@command -v twiggy >/dev/null || cargo install twiggy
	twiggy top -n 40 target/size-audit/audit.wasm

## named-dist: dist/opeka with the page's module keeping its function names
## (size-audit's build, bound and joined as dist's), in target/named-dist: for
## CPU profiles by function (PROFILE_DIST=target/named-dist node tests/bench/profile-worker.mjs).
named-dist: dist size-audit
	rm -rf target/named-dist && cp -r $(DIST) target/named-dist
	cp target/size-audit/audit.wasm target/named-dist/opeka_bg.wasm
	cp target/size-audit/audit.js target/named-dist/opeka_bindings.js
	node scripts/minify-names.mjs target/named-dist/opeka_bg.wasm target/named-dist/opeka_bindings.js
	node scripts/join-glue.mjs target/named-dist/opeka_bindings.js target/named-dist/opeka.js crates/widgets/js/loader.js crates/widgets/js/interact.js crates/embed/js/opeka.js
	rm target/named-dist/opeka_bindings.js

## fuzz, fuzz-long: the validator's fuzz target (docs/fuzzing.md), 10 minutes
## or an hour, seeded with the sample feeds and the test corpus.
FUZZ_SEED_VALIDATE = mkdir -p crates/feed/fuzz/corpus/validate && cp feeds/*.json tests/corpus/*/*.json crates/feed/fuzz/corpus/validate/
fuzz:
	$(FUZZ_SEED_VALIDATE)
	cd crates/feed/fuzz && cargo +nightly fuzz run validate -- -max_total_time=600 -rss_limit_mb=1024 -print_final_stats=1

fuzz-long:
	$(FUZZ_SEED_VALIDATE)
	cd crates/feed/fuzz && cargo +nightly fuzz run validate -- -max_total_time=3600 -rss_limit_mb=1024 -print_final_stats=1

## fuzz-scene: bytes -> validate -> every view at sizes, media, themes and
## languages taken from the input, written as SVG and geometry; 30 minutes.
## Seeds: each sample feed behind five request bytes (801 px, no height, and
## one of four flag bytes).
fuzz-scene:
	mkdir -p crates/chart/fuzz/corpus/scene
	for f in feeds/*.json tests/corpus/valid/*.json; do for flags in 00 03 0c 05; do \
	  { printf '\x20\x03\x00\x00\x'$$flags; cat $$f; } > crates/chart/fuzz/corpus/scene/$$(basename $$f .json)-$$flags; done; done
	cd crates/chart/fuzz && cargo +nightly fuzz run scene -- -max_total_time=1800 -rss_limit_mb=2048 -print_final_stats=1

clean:
	cargo clean
	rm -rf dist www/dist examples/leptos-app/dist
