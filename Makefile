# Tandem: two commands for users (make run, make test); the rest for IT/devs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP_APP := $(VENV)/.app-installed
STAMP_DEV := $(VENV)/.dev-installed

.PHONY: run test package bench lint translations clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP_APP): requirements/app.txt pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --no-deps -r requirements/app.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(STAMP_DEV): requirements/dev.txt $(STAMP_APP)
	$(PY) -m pip install --quiet --no-deps -r requirements/dev.txt
	touch $@

run: $(STAMP_APP)
	$(VENV)/bin/tandem

test: $(STAMP_DEV)
	./scripts/test.sh

package: $(STAMP_DEV)
	$(PY) -m PyInstaller --noconfirm --clean build.spec

lint: $(STAMP_DEV)
	./scripts/lint.sh

bench: $(STAMP_DEV)
	./scripts/bench.sh

translations: $(STAMP_DEV)
	$(PY) scripts/update_translations.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
