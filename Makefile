# Two commands on a fresh machine: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
CORPUS  ?= ../shared/corpus
DEMO_KEY := .vault-demo.key
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: install run test leakguard bench bench-memory eval eval-heldout-audio fixtures clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --upgrade --quiet pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip check
	touch $(STAMP)

# Demo only: a key file outside the vault so the sample runs in one command.
# For a real study, create your own key (README: "The vault key").
$(DEMO_KEY): | $(STAMP)
	$(BIN)/deidflow vault init --vault vault --key-file $(DEMO_KEY)

run: $(STAMP) $(DEMO_KEY)
	DEIDFLOW_VAULT_KEY_FILE=$(DEMO_KEY) $(BIN)/deidflow run --input audio_in --output transcripts_out --vault vault

test: $(STAMP)
	$(BIN)/pytest -q

leakguard: $(STAMP)
	DEIDFLOW_LEAK_GUARD_INPUT=$(CORPUS) $(BIN)/pytest -q tests/test_audit_leak_guard.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py --corpus $(CORPUS)

# Peak RSS of a worker on a 2-hour recording (takes ~10 minutes).
bench-memory: $(STAMP)
	DEIDFLOW_VAULT_KEY=bench-only $(BIN)/python scripts/bench_memory.py --minutes 120

eval: $(STAMP)
	$(BIN)/python scripts/eval.py --corpus $(CORPUS)

# The held-out scripts spoken by espeak-ng and festival, through the whole pipeline (~40 minutes).
eval-heldout-audio: $(STAMP)
	$(BIN)/python scripts/eval.py --corpus $(CORPUS) --skip-text --skip-audio --heldout-audio

fixtures:
	$(PY) scripts/make_fixtures.py

clean:
	rm -rf $(VENV) transcripts_out/* vault $(DEMO_KEY) .pytest_cache
