"""Writes matplotlib's colormaps used by semaine.plot as 256-entry tables (8-bit sRGB hex).

Run: python reference/colormaps.py
Output: plot/src/main/resources/semaine/plot/colormaps.txt, one map per line:
NAME #rrggbb x 256 (the lookup table matplotlib builds with N=256), plus tab10.
"""
import pathlib

import matplotlib

OUT = pathlib.Path(__file__).resolve().parent.parent / "plot/src/main/resources/semaine/plot/colormaps.txt"


def hex_colour(rgba):
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgba[:3])


lines = [f"# matplotlib {matplotlib.__version__}: colormaps as 256-entry lookup tables"]
for name in ["viridis", "bwr", "coolwarm", "gray", "Greys", "RdBu", "plasma"]:
    cmap = matplotlib.colormaps[name].resampled(256)
    lines.append(name + " " + " ".join(hex_colour(cmap(i)) for i in range(256)))
tab10 = matplotlib.colormaps["tab10"]
lines.append("tab10 " + " ".join(hex_colour(c) for c in tab10.colors))
OUT.write_text("\n".join(lines) + "\n")
print(f"wrote {OUT}")
