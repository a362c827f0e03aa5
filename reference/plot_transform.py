"""Where matplotlib puts data points: limits and pixel positions of a default 640 x 480 figure
with one scatter, to pin semaine.plot's autoscaling and data-to-pixel transform.

Run: python reference/plot_transform.py
Output: plot/src/test/resources/reference/transform.json with the scatter's x and y
(make_blobs(50, centers=2, random_state=0)), matplotlib's xlim/ylim, the ticks it shows and the
pixel (x right, y down from the top) of each point.
"""
import json
import pathlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from sklearn.datasets import make_blobs  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / "plot/src/test/resources/reference/transform.json"

X, y = make_blobs(50, centers=2, random_state=0)
fig, ax = plt.subplots()  # 6.4 x 4.8 in at 100 dpi
ax.scatter(X[:, 0], X[:, 1], c=y)
fig.canvas.draw()
height = fig.bbox.height
pixels = ax.transData.transform(X)
xticks = [t for t in ax.get_xticks() if ax.get_xlim()[0] <= t <= ax.get_xlim()[1]]
yticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
OUT.write_text(json.dumps({
    "matplotlib": matplotlib.__version__,
    "x": X[:, 0].tolist(), "y": X[:, 1].tolist(),
    "xlim": list(ax.get_xlim()), "ylim": list(ax.get_ylim()),
    "xticks": [float(t) for t in xticks], "yticks": [float(t) for t in yticks],
    "px": pixels[:, 0].tolist(), "py": (height - pixels[:, 1]).tolist(),
}, indent=1) + "\n")
print(f"wrote {OUT}")
