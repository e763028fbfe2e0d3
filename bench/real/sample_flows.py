#!/usr/bin/env python3
"""Picks flows at random from `pdflow scan --format json` output, for a human
to judge each one by reading the code, or summarises the flows.

  sample_flows.py [-k K] [--seed S] [--root DIR] SCAN.json
  sample_flows.py --summary SCAN.json

The pick is K flows (default 30) drawn with Python's `random.Random(seed)`
(default seed 1) from the `flows` array, printed in the array's order
(pdflow sorts flows by sink location), each with its element, every step
(file:line:col and what happened) and its sink, and a blank "verdict" line
to fill in. The same file and seed always give the same pick.

--summary prints the number of flows and findings, how many flows pass
through a program-wide node (a field or global of which the whole program
has one node: see nodes_of for how the steps show it), and the nodes most
flows go through.
"""
import argparse
import collections
import json
import os
import random
import re
import sys

NODE_STEP = re.compile(r"^stored in '(.*)'$")


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            scan = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"sample_flows.py: {path}: {e}")
    if not isinstance(scan, dict) or not isinstance(scan.get("flows"), list):
        sys.exit(f"sample_flows.py: {path}: not the JSON of `pdflow scan --format json`")
    return scan


def where(obj, root):
    path = obj.get("file") or "?"
    if root and path.startswith(root):
        path = os.path.relpath(path, root)
    return f"{path}:{obj.get('line') or '?'}:{obj.get('column') or '?'}"


def nodes_of(flow):
    """The program-wide nodes a flow passes through. The solver marks a store
    into a field's or a global's node with a step "stored in 'NAME'" at the
    same place as the frontend's own step for that write ("stored in field
    '...'", "stored in '...'"); a store into a local has only the latter."""
    found, prev = [], None
    for step in flow.get("steps", []):
        what = step.get("what") or ""
        here = (step.get("file"), step.get("line"), step.get("column"))
        m = NODE_STEP.match(what)
        if m and prev and prev[0] == here and prev[1].startswith("stored in "):
            found.append(m.group(1))
        prev = (here, what)
    return found


def summary(scan):
    flows = scan["flows"]
    through = [f for f in flows if nodes_of(f)]
    share = 100.0 * len(through) / len(flows) if flows else 0.0
    print(f"flows: {len(flows)}, findings: {len(scan.get('findings', []))}, "
          f"through a program-wide node: {len(through)} ({share:.0f} %)")
    counts = collections.Counter(n for f in through for n in set(nodes_of(f)))
    for node, n in counts.most_common(5):
        print(f"   {n:6d} flows through '{node}'")


def sample(scan, k, seed, root):
    flows = scan["flows"]
    names = {e.get("id"): e.get("name") for e in scan.get("elements", [])}
    picked = sorted(random.Random(seed).sample(range(len(flows)), min(k, len(flows))))
    print(f"{len(picked)} of {len(flows)} flows, seed {seed}")
    for n, i in enumerate(picked, 1):
        f = flows[i]
        sink = f.get("sink") or {}
        whole = ", whole object" if f.get("whole_object") else ""
        print(f"\n[{n}] flow #{i}: {names.get(f.get('element')) or f.get('element')} "
              f"({f.get('category')}{whole})")
        for step in f.get("steps", []):
            print(f"    {where(step, root)}: {step.get('what')}")
        loc = f.get("location") or {}
        print(f"    sink: {sink.get('function')} ({sink.get('kind')}) at {where(loc, root)}"
              f" in {f.get('function')}")
        extra = []
        if f.get("transforms"):
            extra.append("transforms: " + ", ".join(f["transforms"]))
        if f.get("activities"):
            extra.append("activities: " + ", ".join(f["activities"]))
        if extra:
            print("    " + "; ".join(extra))
        print("    verdict: ")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("scan", help="output of pdflow scan --format json")
    p.add_argument("-k", type=int, default=30, help="how many flows (default 30)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--root", default="", help="print paths relative to this directory")
    p.add_argument("--summary", action="store_true", help="counts instead of a sample")
    a = p.parse_args()
    if a.k < 1:
        p.error("-k must be positive")
    scan = load(a.scan)
    if a.summary:
        summary(scan)
    else:
        sample(scan, a.k, a.seed, os.path.abspath(a.root) if a.root else "")


if __name__ == "__main__":
    main()
