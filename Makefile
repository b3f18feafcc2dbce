# mmrouter — one Makefile for a fresh machine: `make run` and `make test` set up what they need.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PROTOS := $(shell find proto -name '*.proto')
GEN_STAMP := src/mmrouter/_pb/.generated
CONFIG ?=

.PHONY: install prepare system-tools docs proto run run-llm test test-fast bench gpu-bundle eval fit envoy-config k8s-envoy-config image lint clean

install: $(STAMP) $(GEN_STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade --quiet pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[test,lint]'
	touch $(STAMP)

proto: $(GEN_STAMP)

$(GEN_STAMP): $(PROTOS) $(STAMP)
	rm -rf src/mmrouter/_pb
	$(PY) -m grpc_tools.protoc -Iproto --python_out=src --grpc_python_out=src --pyi_out=src $(PROTOS)
	touch $(GEN_STAMP)

# The text encoder's model, prepared once into ~/.cache/mmrouter (else the first start does it).
prepare: install
	$(VENV)/bin/mmrouter --log-level warning prepare-encoder --json

run: install prepare
	$(VENV)/bin/mmrouter run $(if $(CONFIG),--config $(CONFIG),)

# kubectl, prometheus and promtool for tests/deploy: apt-get when root or sudo, else says what to install.
system-tools:
	bash scripts/system-tools.sh

test: install prepare system-tools
	$(PY) -m pytest -q

test-fast: install prepare system-tools
	$(PY) -m pytest -q -m 'not e2e'

# ruff (pycodestyle, pyflakes, bugbear) and mypy: strict on routing/ and config/; see pyproject.toml.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

bench: install
	$(VENV)/bin/mmrouter bench --quick

# Wheels and the MiniLM skeleton for `mmrouter bench` on a GPU host without registry access:
# carry .whl, .gpu and src/mmrouter/_pb there and run deploy/gpu-bench/run.sh (see README).
gpu-bundle: install
	bash deploy/gpu-bench/bundle.sh

eval: install
	$(VENV)/bin/mmrouter eval --data data/devset/heldout.jsonl

fit: install
	$(VENV)/bin/mmrouter fit --data data/devset/train.jsonl --out src/mmrouter/defaults/head.npz

# The configuration reference, generated from the config's JSON Schema (a test fails when stale).
docs: install
	$(VENV)/bin/mmrouter config-reference > docs/configuration.md

envoy-config: install
	$(VENV)/bin/mmrouter envoy-config > envoy.yaml

# The Envoy bootstraps of the Kubernetes overlays, from their router configs (tests/deploy checks them).
k8s-envoy-config: install
	for o in cpu gpu; do $(VENV)/bin/mmrouter envoy-config --config deploy/kubernetes/overlays/$$o/router-config/mmrouter.yaml \
	  --listener-port 8801 --admin-port 9901 > deploy/kubernetes/overlays/$$o/envoy.yaml; done

# The container image (VARIANT=cuda for the CUDA build; BASE_IMAGE to build FROM another Python image).
IMAGE ?= mmrouter
VARIANT ?= cpu
image:
	docker build --build-arg VARIANT=$(VARIANT) $(if $(BASE_IMAGE),--build-arg BASE_IMAGE=$(BASE_IMAGE),) -t $(IMAGE):$(VARIANT) .

clean:
	rm -rf $(VENV) src/mmrouter/_pb src/*.egg-info .pytest_cache .whl .gpu

# The cascade (embedding first, the LLM router when unsure) against the Arch-Router STAND-IN
# (keyword rules, 50 ms; not a model: no LLM weights here).
run-llm: install
	$(VENV)/bin/mmrouter run --llm $(if $(CONFIG),--config $(CONFIG),)
