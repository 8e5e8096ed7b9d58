#!/usr/bin/env python3
"""Checks that the folders under src/ include each other in one direction only.

Each folder sits in a layer (ARCHITECTURE.md draws them); a file may include
headers of folders in lower layers only — never of its own layer's other
folders, never of a higher one. So the folder graph has no cycle, and a new
folder must be placed in LAYERS before it can be used.

  scripts/check_layers.py [SRC]            exit 1 and name every back-edge
  scripts/check_layers.py --matrix [SRC]   print the folder dependency matrix
"""
import os
import re
import sys

# Lowest first. Folders of one layer do not include each other.
LAYERS = [
    ["core"],
    ["model", "net"],
    ["analysis", "snapshot", "store", "github"],
    ["config", "document"],
    ["sync", "compose", "llm", "render"],
    ["site", "publish"],
    ["pipeline"],
    ["cli"],
]

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)


def folder_edges(src):
    """{(from_folder, to_folder): [file:line, ...]} for includes across folders."""
    edges = {}
    for dirpath, _, files in os.walk(src):
        for name in sorted(files):
            if not name.endswith((".h", ".cpp")):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, src)
            if os.sep not in rel:
                continue  # main.cpp: the program, above every layer
            owner = rel.split(os.sep)[0]
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            for match in INCLUDE.finditer(text):
                target = match.group(1).split("/")[0]
                if "/" not in match.group(1) or target == owner:
                    continue
                line = text.count("\n", 0, match.start()) + 1
                edges.setdefault((owner, target), []).append(f"{os.path.join('src', rel)}:{line}")
    return edges


def main(argv):
    matrix = "--matrix" in argv
    args = [a for a in argv if a != "--matrix"]
    src = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
    rank = {folder: i for i, layer in enumerate(LAYERS) for folder in layer}
    folders = sorted(d for d in os.listdir(src) if os.path.isdir(os.path.join(src, d)))
    edges = folder_edges(src)
    problems = [f"src/{d}/ is in no layer: add it to LAYERS in scripts/check_layers.py" for d in folders if d not in rank]
    for (a, b), where in sorted(edges.items()):
        if a in rank and b in rank and rank[b] >= rank[a]:
            problems.append(f"{a}/ includes {b}/ (same or higher layer): {', '.join(where[:3])}"
                            + (f" and {len(where) - 3} more" if len(where) > 3 else ""))
    if matrix:
        order = [f for layer in LAYERS for f in layer if f in folders]
        width = max(len(f) for f in order)
        print(" " * width + "  " + " ".join(f[:4].ljust(4) for f in order))
        for a in order:
            cells = [str(len(edges.get((a, b), []))).rjust(4) if (a, b) in edges else "   ." for b in order]
            print(a.ljust(width) + "  " + " ".join(cells))
    for p in problems:
        print("check_layers: " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
