#!/usr/bin/env bash
# `mmrouter bench` on a GPU host with no package registry (see bundle.sh, run first elsewhere).
# From the repo root, with .whl, .gpu and src/mmrouter/_pb carried there:
#   bash deploy/gpu-bench/run.sh OUTDIR [PLAN[:PROCESSES] ...]
# PLAN: quick | headline (text + one image at 1, 8, 32, full request counts) | full, with
# server.processes = PROCESSES (default 1); default: headline headline:2 quick (most wanted
# first). Each plan is cut at PLAN_TIMEOUT_S (default 200 s) and all of it at DEADLINE_S
# (default 520 s from the start; a plan with under 60 s left is skipped), so that a
# 10-minute call still has time to pack OUTDIR. Each writes
# OUTDIR/bench-PLAN-pPROCESSES.{txt,json,png,log}; the last line of each .txt is the bench's
# JSON headline. The text encoder is MiniLM's architecture with random
# weights (its real weights do not fit a carry; timings do not depend on them) and CLIP is a
# random ViT-B-32, so routing decisions there mean nothing: accuracy is measured by `make eval`.
# PYTHON (default python3) runs everything; SKIP_WHEELS=1 uses that Python's packages as they are.
# The random-weight MiniLM (~90 MB) goes to the temp folder, so OUTDIR stays small: on a lent
# machine, `tar czf "$OUT/gpu-bench.tgz" -C OUTDIR .` brings everything back as one file.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: run.sh OUTDIR [PLAN ...]}; shift
plans=("$@"); [ ${#plans[@]} -gt 0 ] || plans=(headline headline:2 quick)
mkdir -p "$out"
PY=${PYTHON:-python3}
export PYTHONPATH=src PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
if [ -z "${SKIP_WHEELS:-}" ]; then
  site=/tmp/mmrouter-site
  "$PY" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade \
    --target "$site" .whl/*.whl || exit 1
  export PYTHONPATH="$site:src"
fi
{ nvidia-smi || true; "$PY" -c 'import torch; print("torch", torch.__version__, "cuda", torch.cuda.is_available())'; nproc; } > "$out/machine.txt" 2>&1
config=$("$PY" - "$out" <<'PY'
"""A copy of the carried MiniLM folder with random weights, and a bench config that uses it."""
import shutil
import sys
import tempfile
from pathlib import Path

import torch
import yaml
from transformers import AutoConfig, AutoModel

from mmrouter.devstack.stack import default_config_data

# Named as the model it is (the architecture of all-MiniLM-L6-v2) so that the shipped routing head,
# fitted on that model's embeddings, still runs: its answers are meaningless, its cost is real.
folder = Path(tempfile.gettempdir()) / "mmrouter-random-weights" / "all-MiniLM-L6-v2"
if not any(folder.glob("*.safetensors")):
    shutil.copytree(".gpu/minilm", folder, dirs_exist_ok=True)
    torch.manual_seed(0)
    AutoModel.from_config(AutoConfig.from_pretrained(folder)).save_pretrained(folder)
data = default_config_data()
data["text_encoder"]["model"] = str(folder)
path = Path(sys.argv[1]) / "gpu-bench.yaml"
path.write_text(yaml.safe_dump(data))
print(path)
PY
) || exit 1
status=0
deadline=${DEADLINE_S:-520}
for token in "${plans[@]}"; do
  left=$((deadline - SECONDS))
  if [ "$left" -lt 60 ]; then echo "$token: skipped, ${left}s left of DEADLINE_S"; continue; fi
  limit=${PLAN_TIMEOUT_S:-200}; [ "$left" -ge "$limit" ] || limit=$left
  plan=${token%%:*}; procs=1; [ "$plan" = "$token" ] || procs=${token#*:}
  name="$plan-p$procs"
  run_config="$out/gpu-bench-p$procs.yaml"
  "$PY" -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); d.setdefault("server", {})["processes"] = int(sys.argv[2]); yaml.safe_dump(d, open(sys.argv[3], "w"))' "$config" "$procs" "$run_config" || exit 1
  case $plan in
    quick) args=(--quick) ;;
    headline) args=(--scenarios text,one_image) ;;
    full) args=() ;;
    *) echo "unknown plan $plan" >&2; exit 2 ;;
  esac
  timeout "$limit" "$PY" -m mmrouter bench --config "$run_config" --json \
    ${args[@]+"${args[@]}"} --report "$out/bench-$name.json" --chart "$out/bench-$name.png" \
    > "$out/bench-$name.txt" 2> "$out/bench-$name.log" || status=$?
  echo "$name: $(tail -n 1 "$out/bench-$name.txt")"
done
exit $status
