#!/usr/bin/env python3
"""Generate a synthetic reckon dataset of N estimates from the shipped data.

    python3 bench/gen.py --rows N --out DIR [--data data]

The texts, texts.csv, sources.csv, quantities.csv, context.csv and relations.csv are copied
unchanged. estimates.csv holds the shipped rows once under their own ids (so that every
relation in relations.csv still finds its target and operands), then the shipped rows again
and again under new unique ids (`e_gp_1937__r123`) until there are N rows. Every repeated row
keeps its quote, so each quote is still found in the text exactly where the original is.

Two things keep `reckon check` at 0 errors and keep the warnings to those of the shipped data:

- `ratio` rows are not repeated: a ratio estimate needs a `ratio` relation naming its base
  (`ratio-without-base` otherwise), and adding one relation per copy would make the relation
  count grow with N as well.
- below the size of the shipped file (N smaller than its row count) only non-ratio rows are
  written and relations.csv is written with its header only, since the relations would refer
  to rows that are not there.

Stdlib only (Python 3.11).
"""

import argparse
import csv
import os
import shutil
import sys

COPIED = ["sources.csv", "quantities.csv", "texts.csv", "context.csv"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, required=True, help="number of estimates to write")
    ap.add_argument("--out", required=True, help="dataset folder to create (replaced if present)")
    ap.add_argument("--data", default="data", help="shipped dataset to copy from (default: data)")
    args = ap.parse_args()
    if args.rows < 1:
        ap.error("--rows must be at least 1")

    src, out = args.data, args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    for name in COPIED:
        path = os.path.join(src, name)
        if os.path.exists(path):
            shutil.copyfile(path, os.path.join(out, name))
    shutil.copytree(os.path.join(src, "texts"), os.path.join(out, "texts"))

    with open(os.path.join(src, "estimates.csv"), newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [r for r in reader if r]
    qcol = header.index("qualifier")
    pool = [r for r in rows if r[qcol] != "ratio"]  # rows that may be repeated

    n = args.rows
    keep_relations = n >= len(rows)
    with open(os.path.join(out, "estimates.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        if keep_relations:
            w.writerows(rows)  # the shipped rows under their own ids
            left = n - len(rows)
        else:
            left = n
        rep = 1
        while left > 0:
            chunk = pool[:left]
            w.writerows([[f"{r[0]}__r{rep}", *r[1:]] for r in chunk])
            left -= len(chunk)
            rep += 1

    rel_out = os.path.join(out, "relations.csv")
    if keep_relations:
        shutil.copyfile(os.path.join(src, "relations.csv"), rel_out)
    else:
        with open(os.path.join(src, "relations.csv"), encoding="utf-8-sig") as f:
            rel_header = f.readline()
        with open(rel_out, "w", encoding="utf-8") as f:
            f.write(rel_header)
    return 0


if __name__ == "__main__":
    sys.exit(main())
