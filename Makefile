# deckgen — `make demo` builds the seed's deck and briefing into output/; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
CONTENT ?= content/liuhe-2023.yaml

.PHONY: setup system-deps demo test lint bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# LibreOffice, CJK fonts and poppler: the tests render what deckgen writes and look at it.
system-deps:
	scripts/system-deps

demo: setup
	$(BIN)/deckgen validate $(CONTENT)
	$(BIN)/deckgen pptx $(CONTENT)
	$(BIN)/deckgen docx $(CONTENT)

test: setup system-deps
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

bench: setup system-deps
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) output/*.pptx output/*.docx
