# deckgen — `make demo` builds the seed's deck and briefing into output/; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
CONTENT ?= content/liuhe-2023.yaml

.PHONY: setup system-deps demo test lint bench wheel clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# LibreOffice and CJK fonts: the tests render what deckgen writes and look at it (PDFs are
# read with pypdfium2, a Python dependency). test_wheel.py builds the wheel (pip fetches
# setuptools from the package registry) and installs it into a fresh venv.
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

# dist/deckgen-<version>-py3-none-any.whl: `pip install` it anywhere (templates, meetings,
# samples and the schema inside; LibreOffice, for check/preview/PDF, is the system's).
wheel: setup
	$(BIN)/python -m pip wheel . --no-deps -w dist

clean:
	rm -rf $(VENV) output/*.pptx output/*.docx build dist
