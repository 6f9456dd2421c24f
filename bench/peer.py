#!/usr/bin/env python3
"""The bare-polars peer: the core of `reckon reconcile --format csv`, in a few lines of polars.

    python3 bench/peer.py DATA_DIR OUT.csv

Scans DATA_DIR/estimates.csv lazily, turns each row's qualifier into an interval [lo, hi] and a
central value with when/then (README, "Qualifiers"), joins quantities.csv, and groups by quantity:
count, distinct sources, envelope (lowest lo, highest hi; open when any hi is open), consensus
(highest lo, lowest hi; empty when they cross), median/min/max of the central values and the
spread. It writes one CSV row per quantity.

What it leaves out, compared with reckon: no checking at all (no quotes, no text, no ids), no
relations, and `ratio` rows are dropped (their value needs the figure a relation multiplies);
the generated datasets repeat no ratio rows, so this is one row in the whole file. The "about"
rule is the rounding rule: half a unit of the last significant digit of the figure as written,
one digit finer for a lone leading 1 ("around 10 million" is ±500,000).
"""

import sys

import polars as pl


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    data, out = sys.argv[1], sys.argv[2]

    est = pl.scan_csv(
        f"{data}/estimates.csv",
        schema_overrides={"point": pl.Utf8, "low": pl.Float64, "high": pl.Float64},
    ).filter(pl.col("qualifier") != "ratio")

    s = pl.col("point").str.strip_chars()
    p = s.cast(pl.Float64)
    low, high, q = pl.col("low"), pl.col("high"), pl.col("qualifier")

    # Rounding unit of the figure as written: 10^-decimals, or 10^trailing zeros for integers.
    has_dot = s.str.contains(".", literal=True)
    decimals = s.str.split(".").list.get(1, null_on_oob=True).str.len_chars().fill_null(0)
    int_part = s.str.split(".").list.get(0)
    trailing = int_part.str.len_chars() - int_part.str.strip_chars_end("0").str.len_chars()
    lone_one = (~has_dot) & (int_part.str.strip_chars_end("0") == "1") & (trailing > 0)
    exp = pl.when(has_dot).then(-decimals).otherwise(trailing) - lone_one.cast(pl.Int32)
    half = pl.lit(10.0).pow(exp.cast(pl.Float64)) / 2

    lo = (
        pl.when(q == "exact").then(p)
        .when(q == "about").then(p - half)
        .when(q == "nearly").then(p - half)
        .when(q.is_in(["over", "at_least"])).then(p)
        .when(q.is_in(["up_to", "at_most"])).then(pl.lit(0.0))
        .when(q.is_in(["range", "magnitude"])).then(low)
        .otherwise(None)
    )
    hi = (
        pl.when(q.is_in(["exact", "nearly", "up_to", "at_most"])).then(p)
        .when(q == "about").then(p + half)
        .when(q.is_in(["over", "at_least"])).then(None)  # open above
        .when(q.is_in(["range", "magnitude"])).then(high)
        .otherwise(None)
    )
    central = (
        pl.when(q == "range").then(pl.coalesce(p, (low + high) / 2))
        .when(q == "magnitude").then((low * high).sqrt())
        .otherwise(p)
    )

    intervals = est.select(
        "quantity", "source", "qualifier",
        lo.alias("lo"), hi.alias("hi"), central.alias("central"),
    )
    quantities = pl.scan_csv(f"{data}/quantities.csv", infer_schema=False).select(
        pl.col("id").alias("quantity"), "label", "category", "unit"
    )
    grouped = (
        intervals.group_by("quantity")
        .agg(
            pl.len().alias("estimates"),
            pl.col("source").n_unique().alias("sources"),
            pl.col("lo").min().alias("envelope_low"),
            pl.when(pl.col("hi").null_count() > 0).then(None)
            .otherwise(pl.col("hi").max()).alias("envelope_high"),
            pl.col("lo").max().alias("c_lo"),
            pl.col("hi").min().alias("c_hi"),
            pl.col("central").median().alias("median"),
            pl.col("central").min().alias("min_central"),
            pl.col("central").max().alias("max_central"),
            pl.col("qualifier").unique().sort().str.join(";").alias("qualifiers"),
        )
        .with_columns(
            overlap=(pl.col("c_hi").is_null() | (pl.col("c_lo") <= pl.col("c_hi"))),
            spread=pl.col("max_central") / pl.col("min_central"),
        )
        .with_columns(
            consensus_low=pl.when("overlap").then("c_lo"),
            consensus_high=pl.when("overlap").then("c_hi"),
        )
        .join(quantities, on="quantity", how="left")
        .select(
            pl.col("quantity").alias("key"), "label", "category", "unit", "estimates", "sources",
            "envelope_low", "envelope_high", "consensus_low", "consensus_high",
            "median", "min_central", "max_central", "spread", "qualifiers",
        )
        .sort("key")
    )
    grouped.collect().write_csv(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
