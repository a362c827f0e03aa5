"""Tick positions matplotlib's default locator (AutoLocator = MaxNLocator('auto', steps 1,2,2.5,5,10))
chooses for a few view intervals and axis lengths, to pin semaine.plot.Ticks to them.

Run: python reference/ticks.py
Output: plot/src/test/resources/reference/ticks.json, a list of
{"vmin", "vmax", "nbins", "ticks"} where nbins is the bin count the locator was given.
"""
import json
import pathlib

import numpy as np
from matplotlib.ticker import MaxNLocator

OUT = pathlib.Path(__file__).resolve().parent.parent / "plot/src/test/resources/reference/ticks.json"

cases = []
intervals = [(0, 1), (-1.05, 1.05), (0.3, 7.9), (-3.2, 12.7), (1234.0, 1298.0), (0.001, 0.0042),
             (-0.5, 0.5), (5, 95), (-250, 4000), (2.2, 2.3), (0, 2.05), (-7.7, -2.1)]
for vmin, vmax in intervals:
    for nbins in [4, 5, 6, 9]:
        loc = MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10])
        ticks = loc.tick_values(vmin, vmax)
        ticks = [float(t) for t in ticks if vmin - 1e-10 * abs(vmax - vmin) <= t <= vmax + 1e-10 * abs(vmax - vmin)]
        cases.append({"vmin": vmin, "vmax": vmax, "nbins": nbins, "ticks": ticks})
OUT.write_text(json.dumps(cases, indent=1) + "\n")
print(f"wrote {OUT} ({len(cases)} cases)")
