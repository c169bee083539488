# diyphd: the two commands are `make book` and `make test` (see README.md).
# One BLAS/OpenMP thread per process: two processes share the 2 cores during `make test`.
export OMP_NUM_THREADS ?= 1
export OPENBLAS_NUM_THREADS ?= 1
export MKL_NUM_THREADS ?= 1
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OFFLINE := tools/offline.sh
NBVAL := $(BIN)/python -m pytest --nbval-lax --nbval-sanitize-with tests/nbval_sanitize.cfg \
         --nbval-cell-timeout=300 -p no:cacheprovider -q
NOTEBOOKS := notebooks exercises
# make test executes each notebook once: nbval (two workers, one notebook each) writes what it ran
# here, and tools/nbcache.py hands it to the book's execution cache before the strict build.
EXECUTED := _build/executed
JB_BUILD := $(BIN)/jupyter-book build --all -W -n --keep-going .

.PHONY: book test lint unit notebooks build-book site lab workspace serve clean setup

## Set up .venv with the pinned requirements and the diyphd package (re-run when pins change).
setup: $(STAMP)
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

## Build the book: run the notebooks (cached) and render the HTML strictly.
book: $(STAMP)
	DIYPHD_RECORD=0 $(JB_BUILD)
	@echo "Open $(CURDIR)/_build/html/index.html"

## Everything CI runs: lint, unit tests, every notebook under nbval offline, the strict build,
## then the built site in a real browser (skipped, saying so, where no Chromium is installed).
test: $(STAMP)
	$(MAKE) lint unit
	$(MAKE) notebooks  # every notebook once, two at a time (one core each)
	$(MAKE) build-book  # renders the outputs nbval produced; executes only what changed since
	$(MAKE) site

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

unit: $(STAMP)
	$(BIN)/python -m pytest tests -q -n 2 --dist loadgroup --durations=15 --ignore=tests/browser

notebooks: $(STAMP)
	rm -rf $(EXECUTED)
	DIYPHD_RECORD=0 DIYPHD_EXECUTED_DIR=$(CURDIR)/$(EXECUTED) $(OFFLINE) $(NBVAL) \
	  -n 2 --dist loadfile $(NOTEBOOKS)

build-book: $(STAMP)
	test ! -d $(EXECUTED) || $(BIN)/python -m tools.nbcache $(EXECUTED)
	DIYPHD_RECORD=0 $(OFFLINE) $(JB_BUILD)

site: $(STAMP)
	$(OFFLINE) $(BIN)/python -m pytest tests/browser -q -rs -p no:cacheprovider -n 2 --dist loadfile

## The learner's copies of the lessons and problem sets (solutions stubbed) in workspace/.
workspace: $(STAMP)
	$(BIN)/diyphd student

## JupyterLab on workspace/ only (tools/jupyter_lab_config.py: no news pop-up, .venv/bin on the
## terminal's PATH).
lab: workspace
	$(BIN)/jupyter lab --config=tools/jupyter_lab_config.py

## Preview the built book on http://localhost:8000
serve:
	$(BIN)/python -m http.server --directory _build/html 8000

clean:
	rm -rf _build .pytest_cache .ruff_cache test-output
