"""What the reference scripts that reproduce ../shared/reference/*.json share: the file layout."""
import json

import numpy as np
import sklearn

# The "meta" block of the shared reference files, written as they write it.
META = {
    "numpy": np.__version__,
    "sklearn": sklearn.__version__,
    "note": "floats are printed by Python's repr: parse them as doubles and compare with ==, "
            "unless a case says tol",
}


def dump(obj, path):
    """Writes obj as the shared files are written: json with one-space indentation."""
    with open(path, "w") as f:
        json.dump(obj, f, indent=1)
