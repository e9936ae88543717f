"""The one dev/test split of the gold cases, fixed by a seed and the case id.

Each hand-written or consultant-style case falls into ``test`` when a hash of seed and id lands below
45 %. The rule depends only on the id, so adding cases never moves an old one. Real-company cases are
all held out (``parts``): none is tuned on. Cases with a ``dev-`` id were written after the split and read
case by case while tuning (a fresh probe of unseen kinds), so they are always dev: putting them into the
locked part would make it optimistic. Cases with a ``probe-`` id are a second fresh probe, written by someone
who never ran the matcher: they are split like the consultant cases, and only their dev part is read. Tune on ``dev``; report ``test`` and ``real`` and never read
their failures case by case while tuning.

    python -m evals.split            # counts per part and origin
    python -m evals.split --ids dev  # the dev ids, one per line (real-company cases are never dev)
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter

from .schema import GoldCase, load_all_cases

SEED = "foerderlotse-split-2026-11-30"
TEST_SHARE = {"gold": 0.45, "con": 0.45, "real": 0.70, "dev": 0.0, "probe": 0.45}


def part_of(case_id: str, origin: str) -> str:
    """'dev' or 'test' for a case id (deterministic, independent of the other cases)."""
    h = int(hashlib.sha256(f"{SEED}:{case_id}".encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "test" if h < TEST_SHARE[origin] else "dev"


def split(cases: list[GoldCase]) -> dict[str, list[GoldCase]]:
    out: dict[str, list[GoldCase]] = {"dev": [], "test": []}
    for c in cases:
        out[part_of(c.id, c.origin)].append(c)
    return out


def parts(cases: list[GoldCase]) -> dict[str, list[GoldCase]]:
    """What the evaluation reports: dev and locked test of the hand-written and consultant-style cases, and
    every real-company case as its own held-out part (none of them is tuned on)."""
    sp = split([c for c in cases if c.origin != "real"])
    return {"dev": sp["dev"], "test": sp["test"], "real": [c for c in cases if c.origin == "real"]}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m evals.split", description=__doc__.splitlines()[0])
    ap.add_argument("--ids", choices=("dev", "test", "real"), help="print the ids of one part")
    a = ap.parse_args(argv)
    ps = parts(load_all_cases())
    if a.ids:
        print("\n".join(c.id for c in ps[a.ids]))
        return
    for name, cs in ps.items():
        print(name, len(cs), dict(Counter(c.origin for c in cs)))


if __name__ == "__main__":
    main()
