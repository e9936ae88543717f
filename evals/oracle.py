"""How much of the gap between the parts is the reader's: the full system with labelled facts in place of read ones.

    python -m evals.oracle                       # dev and locked test, every group; writes oracle_results.json
    python -m evals.oracle --parts test --groups needs

The reader's rules were written on dev phrasings, so the dev readings are close to the labels and the locked part's
are not (the profile precision / recall of ``RESULTS.md``). This run replaces what the reader took from a request by
what the case's ``expected_profile`` states, one group of fields at a time and all together, and reports recall@5,
nDCG@10 and MRR per part: the difference to the run as read is what a perfect reading of that group would add.
A field the case leaves unstated keeps its reading. It prints aggregates only, never a case: a diagnosis of where
the work goes, not something to tune on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from matcher.engine import build_engine
from matcher.profile import complete_profile

from .run import case_parts, full_system, product_settings, run_variant, summarise
from .schema import ExpectedProfile, load_all_cases

RESULTS_FILE = Path(__file__).resolve().parent / "oracle_results.json"
# the facts that decide eligibility, and what the request asks for
GROUPS: dict[str, tuple[str, ...]] = {
    "facts": ("org_type", "stage", "in_berlin"),
    "needs": ("needs", "instruments_wished"),
    "facts+needs": ("org_type", "stage", "in_berlin", "needs", "instruments_wished"),
    "needs-confirmed": ("needs",),
    "needs-added": ("needs",),
}
# how labelled needs enter: in place of the read ones (default), only the read ones the labels confirm (what wrong
# needs read cost), or the read ones and the labelled ones not read (what needs missed cost)
NEED_MODES = {"needs-confirmed": "confirmed", "needs-added": "added"}
METRICS = ("recall@5", "ndcg@10", "mrr")


def labelled_refiner(expected: ExpectedProfile | None, fields: tuple[str, ...], needs_mode: str = "labelled"):
    """A ``refine_profile`` that puts the labelled value of each of ``fields`` in place of the read one, or ``None``
    when the case states none of them. ``needs_mode`` (``NEED_MODES``) "confirmed" keeps only the needs read that the
    labels name, "added" adds the labelled needs not read after the read ones."""
    if expected is None:
        return None
    update = {f: getattr(expected, f) for f in fields if getattr(expected, f) not in (None, [])}
    if not update:
        return None

    def refine(_text, profile):
        upd = dict(update)
        if "needs" in upd and needs_mode == "confirmed":
            upd["needs"] = [n for n in profile.needs if n in update["needs"]]
        elif "needs" in upd and needs_mode == "added":
            upd["needs"] = [*profile.needs, *(n for n in update["needs"] if n not in profile.needs)]
        return complete_profile(profile.model_copy(update=upd))

    return refine


def oracle_run(cases, eng, fields: tuple[str, ...] | None, needs_mode: str = "labelled") -> dict[str, float]:
    """The full system's metrics on ``cases``, as read (``fields`` None) or with the labelled ``fields``."""
    refiner_of = None
    if fields is not None:
        by_query = {c.query: labelled_refiner(c.expected_profile, fields, needs_mode) for c in cases}
        refiner_of = by_query.get
    vr = run_variant("oracle" if fields else "as read", full_system(eng, refiner_of), cases, eng)
    m = summarise(vr, cases, eng)
    return {k: m[k] for k in METRICS}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evals.oracle", description=__doc__.splitlines()[0])
    ap.add_argument("--parts", default="dev,test", help="comma-separated parts (dev, test, real)")
    ap.add_argument("--groups", default=",".join(GROUPS), help=f"comma-separated groups of {', '.join(GROUPS)}")
    ap.add_argument("--out", type=Path, default=RESULTS_FILE, help="results file (JSON)")
    a = ap.parse_args(argv)
    groups = [g for g in a.groups.split(",") if g]
    unknown = [g for g in groups if g not in GROUPS]
    parts = case_parts(load_all_cases())
    bad_parts = [p for p in a.parts.split(",") if p not in parts]
    if unknown or bad_parts:
        print(f"unknown group(s) {unknown or ''} part(s) {bad_parts or ''}; groups: {', '.join(GROUPS)}; "
              f"parts: {', '.join(parts)}", file=sys.stderr)
        return 2
    eng = build_engine(product_settings())
    out: dict[str, dict] = {}
    print("| part | reading | " + " | ".join(METRICS) + " |\n|---|---|" + "---|" * len(METRICS))
    for part in a.parts.split(","):
        cs = parts[part]
        read = oracle_run(cs, eng, None)
        out[part] = {"cases": len(cs), "as read": read}
        print(f"| {part} ({len(cs)}) | as read | " + " | ".join(f"{read[k]:.3f}" for k in METRICS) + " |", flush=True)
        for g in groups:
            m = oracle_run(cs, eng, GROUPS[g], NEED_MODES.get(g, "labelled"))
            out[part][g] = m
            print(f"| {part} | labelled {g} | "
                  + " | ".join(f"{m[k]:.3f} ({m[k] - read[k]:+.3f})" for k in METRICS) + " |", flush=True)
    a.out.write_text(json.dumps({"run_on": dt.date.today().isoformat(), "groups": {g: list(GROUPS[g]) for g in groups},
                                 "parts": out}, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
