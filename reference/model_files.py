"""What Python's safetensors package reads in semaine's model files (format version 1).

Run from the repository root with the reference venv (reference/requirements.txt):

    python reference/model_files.py

Opens every core/src/test/resources/models/v1/*.semaine with safetensors (numpy), and writes
core/src/test/resources/reference/model_files.json: per file, the metadata as read, and per tensor
its dtype, shape and the SHA-256 of its little-endian bytes. ModelsTest reads the same files with
semaine and checks that it sees the same arrays, so the format is proven open to Python.
"""
import glob
import hashlib
import json
import os

import numpy as np
import safetensors
from safetensors import safe_open

from common import dump

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MODELS = os.path.join(ROOT, "core", "src", "test", "resources", "models", "v1")
OUT = os.path.join(ROOT, "core", "src", "test", "resources", "reference", "model_files.json")


def main():
    files = {}
    for path in sorted(glob.glob(os.path.join(MODELS, "*.semaine"))):
        with safe_open(path, framework="np") as f:
            meta = f.metadata()
            tensors = {}
            for key in f.keys():
                a = f.get_tensor(key)
                le = a.astype(a.dtype.newbyteorder("<"), copy=False)
                tensors[key] = {"dtype": str(a.dtype), "shape": list(a.shape),
                                "sha256": hashlib.sha256(le.tobytes()).hexdigest()}
        files[os.path.basename(path)] = {"metadata": meta,
                                         "params": json.loads(meta["params"]),
                                         "tensors": tensors}
    dump({"meta": {"numpy": np.__version__, "safetensors": safetensors.__version__},
          "files": files}, OUT)


if __name__ == "__main__":
    main()
