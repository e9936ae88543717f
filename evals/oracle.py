"""How much of the gap between the parts is the reader's: the full system with labelled facts in place of read ones.

    python -m evals.oracle                       # dev and locked test, every group; writes oracle_results.json
    python -m evals.oracle --parts test --groups needs
    python -m evals.oracle --hidden              # must programmes the eligibility rules reject as read, per rule

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
from collections import Counter
from pathlib import Path

from matcher.api import read_profile
from matcher.clock import today
from matcher.engine import build_engine
from matcher.pipeline import judge_eligibility
from matcher.profile import complete_profile

from .run import case_parts, full_system, product_settings, run_variant, summarise
from .schema import ExpectedProfile, load_all_cases

RESULTS_FILE = Path(__file__).resolve().parent / "oracle_results.json"
# the facts that decide eligibility, and what the request asks for
GROUPS: dict[str, tuple[str, ...]] = {
    "facts": ("org_type", "stage", "in_berlin"),
    "org_type": ("org_type",),
    "stage": ("stage",),
    "in_berlin": ("in_berlin",),
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


def hidden_musts(cases, eng) -> Counter:
    """How many of the cases' must programmes the eligibility rules reject for the company as read: ``"musts"``
    in all, ``"hidden"`` those with a violated rule, and per rule (``"location"``, ``"fact:project_not_started"``,
    ...) how often it is violated (a programme may violate several). A must rejected is below every eligible
    programme, so it is out of the top 5; the rules and the reading decide it, not the ranker."""
    d = today(eng.settings)
    out: Counter = Counter()
    for c in cases:
        if not c.must:
            continue
        state = judge_eligibility(read_profile(c.query, eng, d), eng)
        for pid in c.must:
            out["musts"] += 1
            rules = [x.rule for x in state.criteria.get(pid, []) if x.verdict == "violated"]
            out["hidden"] += bool(rules)
            out.update(rules)
    return out


def print_hidden(parts: dict, names: list[str], eng) -> dict[str, dict[str, int]]:
    """``hidden_musts`` per part, as a table (the five rules most often violated) and as a dict."""
    out = {}
    for name in names:
        h = hidden_musts(parts[name], eng)
        out[name] = dict(h)
        rules = sorted(((r, n) for r, n in h.items() if r not in ("musts", "hidden")), key=lambda x: (-x[1], x[0]))
        share = h["hidden"] / h["musts"] if h["musts"] else 0.0
        print(f"{name}: {h['hidden']} of {h['musts']} must programmes rejected as read ({share:.1%}); "
              + ", ".join(f"{r} {n}" for r, n in rules[:5]), flush=True)
    return out


def merged(old: dict, new: dict) -> dict:
    """``old`` with ``new`` written over it, dict by dict: a run of some parts or groups keeps the others' results."""
    out = dict(old)
    for k, v in new.items():
        out[k] = merged(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _write(path: Path, update: dict) -> None:
    """Merge ``update`` into the results file (``merged``): the labelled runs of other parts and groups, and the
    count of rejected musts, are kept."""
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = {}
    path.write_text(json.dumps(merged(old if isinstance(old, dict) else {}, update), indent=1) + "\n",
                    encoding="utf-8")
    print(f"wrote {path}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evals.oracle", description=__doc__.splitlines()[0])
    ap.add_argument("--parts", default="dev,test", help="comma-separated parts (dev, test, real)")
    ap.add_argument("--groups", default=",".join(GROUPS), help=f"comma-separated groups of {', '.join(GROUPS)}")
    ap.add_argument("--out", type=Path, default=RESULTS_FILE, help="results file (JSON)")
    ap.add_argument("--hidden", action="store_true",
                    help="only count the must programmes the eligibility rules reject as read, per rule")
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
    if a.hidden:
        hidden = print_hidden(parts, a.parts.split(","), eng)
        _write(a.out, {"hidden_musts": {"run_on": dt.date.today().isoformat(), "parts": hidden}})
        return 0
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
    _write(a.out, {"run_on": dt.date.today().isoformat(), "groups": {g: list(GROUPS[g]) for g in groups}, "parts": out})
    return 0


if __name__ == "__main__":
    sys.exit(main())
