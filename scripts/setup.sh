#!/usr/bin/env bash
# Create .venv and install pressbrief with its test tools. Safe to rerun.
# torch is pinned to 2.13.0 and installed first: an unpinned torch would pull a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# On a machine without a local torch wheel, set TORCH_INDEX_URL to PyTorch's CPU wheel index to
# avoid the CUDA build, e.g. TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu.
.venv/bin/python -m pip install --quiet "torch==2.13.0" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
.venv/bin/python -m pip install --quiet -e ".[dev]"
echo "pressbrief installed in .venv ($(.venv/bin/python -c 'import torch, transformers; print("torch", torch.__version__, "transformers", transformers.__version__)'))"
