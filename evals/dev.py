"""Measure the full system on the dev part only: the loop for trying a change while tuning.

The locked test part and the real-company cases are not run here; `make eval` reports them once a
change is decided on dev.

    python -m evals.dev                # full system on dev
    python -m evals.dev --fails        # and the dev cases whose ``must`` is not on the first screen
"""

from __future__ import annotations

import argparse
import sys

from matcher.api import match
from matcher.engine import build_engine

from .run import _fmt, case_parts, product_settings, run_variant, summarise
from .schema import load_all_cases

KEYS = ("recall@5", "ndcg@10", "mrr", "must_not@3", "ineligible@3", "support@3", "projects_recall@5")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evals.dev", description=__doc__.splitlines()[0])
    ap.add_argument("--fails", action="store_true", help="list dev cases whose must is not on the first screen")
    a = ap.parse_args(argv)
    eng = build_engine(product_settings())
    dev = case_parts(load_all_cases())["dev"]
    vr = run_variant("full system", lambda q: match(q, top_k=10, engine=eng), dev, eng)
    m = summarise(vr, dev, eng)
    print(f"dev ({len(dev)} cases): " + ", ".join(f"{k}={_fmt(m.get(k))}" for k in KEYS))
    if a.fails:
        for c in dev:
            miss = [i for i in c.must if i not in vr.first_screen.get(c.id, [])]
            if miss:
                print(f"  {c.id}: missing {miss}; shown {vr.first_screen.get(c.id, [])[:8]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
