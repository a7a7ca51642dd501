# Set-up, tests, demo and measurements. Every target creates .venv first if it is missing.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
KG     := $(VENV)/bin/kg
STAMP  := $(VENV)/.installed

.PHONY: demo test eval bench install clean

install: $(STAMP)

$(STAMP): pyproject.toml .ci/constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet --constraint .ci/constraints.txt --editable '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(KG) demo --out demo-output

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(PY) tests/benchmarks/evaluate.py

bench: $(STAMP)
	$(PY) tests/benchmarks/bench.py

clean:
	rm -rf $(VENV) demo-output kg-store .pytest_cache
