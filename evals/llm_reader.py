"""The full system with an LLM's second reading of each request (``matcher.llm.reconcile_profile``), per part.

    python -m evals.llm_reader                                  # the configured LLM (MATCHER_LLM_BASE_URL, _MODEL)
    python -m evals.llm_reader --policies fill,check,prefer     # each way of meeting the rules' reading
    python -m evals.llm_reader --simulated 0,0.1,0.2            # no LLM: a fake one that answers the labels, with
                                                                # that share of its field readings wrong
    python -m evals.llm_reader --simulated 0,0.1 --cv           # with the dev part's CV figure (~2 min a reader)

The rules were written on dev phrasings, so they read dev requests almost as labelled and the locked part's worse;
an LLM's reading is the same on both. This run answers how the parts, and the gap between them, change when an LLM
reads each request too. Without an endpoint the ``--simulated`` reader is LangChain's ``FakeListChatModel`` giving,
per request, the JSON an LLM of a given error rate would give: the case's labelled facts (``expected_profile``), each
field wrong with that probability (another choice, a flipped seat, a year off by one to six years; each labelled need
dropped and one unlabelled need added with it), seeded by the case id. It goes through the real parser and
``reconcile_profile``, so it measures the product's path, not a shortcut. It tells how good an LLM reader must be, not
how good one is: a field the case leaves unlabelled is answered ``null``.

The dev rows are in-sample for the ranker (fitted on dev as the rules read it); ``--cv`` adds the fair dev figure,
the 5-fold CV of ``evals.fit --ranker`` on dev as this reader reads it, and the gap is then taken from it, as the
product's gap is. Prints aggregates only, never a case.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
from pathlib import Path

from langchain_core.language_models.fake_chat_models import FakeListChatModel

from matcher.clock import today
from matcher.engine import build_engine
from matcher.llm import CHOICES, PROFILE_POLICIES, build_chat_model, extract_profile_llm
from matcher.models import Instrument, Need

from .run import case_parts, full_system, product_settings, run_variant, summarise
from .schema import ExpectedProfile, load_all_cases

RESULTS_FILE = Path(__file__).resolve().parent / "llm_reader_results.json"
METRICS = ("recall@5", "ndcg@10", "mrr", "must_not@3")


def _rng(case_id: str, error: float) -> random.Random:
    return random.Random(int(hashlib.sha256(f"{case_id}:{error}".encode()).hexdigest()[:12], 16))


def _wrong_list(labelled: list[str], choices: tuple[str, ...], error: float, rng: random.Random) -> list[str]:
    out = [v for v in labelled if rng.random() >= error]
    others = [v for v in choices if v not in labelled]
    if others and rng.random() < error:
        out.append(rng.choice(others))
    return out


def simulated_reply(expected: ExpectedProfile | None, case_id: str, error: float) -> str:
    """The JSON an LLM reader that gets each field wrong with probability ``error`` would give for a case."""
    rng = _rng(case_id, error)
    e = expected or ExpectedProfile()
    out: dict = {}
    for name, choices in CHOICES.items():
        v = getattr(e, name)
        if v is not None:
            out[name] = rng.choice([c for c in choices if c != v]) if rng.random() < error else v
    if e.in_berlin is not None:
        out["in_berlin"] = (not e.in_berlin) if rng.random() < error else e.in_berlin
    if e.founded_year is not None:
        off = rng.choice([-1, 1]) * rng.randint(1, 6)
        out["founded_year"] = e.founded_year + off if rng.random() < error else e.founded_year
    if e.employees is not None:
        out["employees"] = e.employees
    if e.needs:
        out["needs"] = _wrong_list(list(e.needs), Need.__args__, error, rng)
    if e.instruments_wished:
        out["instruments_wished"] = _wrong_list(list(e.instruments_wished), Instrument.__args__, error, rng)
    return json.dumps(out)


def simulated_refiners(cases, error: float, policy: str, day: dt.date):
    """``refiner_of(query)`` for ``evals.run.full_system``: each case's query read by the simulated LLM."""
    by_query = {}
    for c in cases:
        reply = simulated_reply(c.expected_profile, c.id, error)

        def refine(text, base, reply=reply):
            return extract_profile_llm(text, FakeListChatModel(responses=[reply]), base, policy=policy, today=day)

        by_query[c.query] = refine
    return by_query.get


def llm_refiners(settings, policy: str, day: dt.date):
    """``refiner_of(query)`` with the configured chat model."""
    model = build_chat_model(settings)
    return lambda _q: (lambda text, base: extract_profile_llm(text, model, base, policy=policy, today=day))


def run_part(cases, eng, refiner_of) -> dict[str, float]:
    vr = run_variant("llm reader", full_system(eng, refiner_of), cases, eng)
    m = summarise(vr, cases, eng)
    return {k: m[k] for k in METRICS}


def dev_cv(cases, eng, refiner_of) -> dict[str, float]:
    """The dev part's 5-fold CV figure with this reading (``evals.fit --ranker``: need model, case base and rankers
    fitted on the other folds' readings), as the ``ranker+support`` row the product's dev figure is."""
    from .fit import attach_out_of_fold_case_votes, attach_out_of_fold_need_probs, cross_validate_ranker, scored_states

    states = scored_states(cases, eng, refiner_of)
    attach_out_of_fold_need_probs(states, cases, eng.embedder.model_id)
    attach_out_of_fold_case_votes(states, cases, eng.embedder.model_id)
    return cross_validate_ranker(states, cases, eng)["ranker+support"]


def _row(label: str, part: str, m: dict) -> str:
    return f"| {label} | {part} | " + " | ".join(f"{m[k]:.3f}" if k != "must_not@3" else f"{m[k]:g}"
                                                for k in METRICS) + " |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evals.llm_reader", description=__doc__.splitlines()[0])
    ap.add_argument("--parts", default="dev,test,real", help="comma-separated parts (dev, test, real)")
    ap.add_argument("--policies", default="check", help=f"comma-separated, of {', '.join(PROFILE_POLICIES)}")
    ap.add_argument("--simulated", default=None,
                    help="comma-separated error rates of a simulated LLM reader (no endpoint needed)")
    ap.add_argument("--cv", action="store_true",
                    help="also the dev part's 5-fold CV figure with each reading (rankers refitted per fold; ~2 min each)")
    ap.add_argument("--out", type=Path, default=RESULTS_FILE, help="results file (JSON)")
    a = ap.parse_args(argv)
    policies = [p for p in a.policies.split(",") if p]
    parts = case_parts(load_all_cases())
    names = [p for p in a.parts.split(",") if p]
    bad = [p for p in policies if p not in PROFILE_POLICIES] + [p for p in names if p not in parts]
    if bad:
        print(f"unknown {', '.join(bad)}; policies: {', '.join(PROFILE_POLICIES)}; parts: {', '.join(parts)}",
              file=sys.stderr)
        return 2
    try:
        errors = [float(x) for x in a.simulated.split(",")] if a.simulated is not None else None
    except ValueError:
        print(f"--simulated takes error rates such as 0,0.1,0.2, not {a.simulated!r}", file=sys.stderr)
        return 2
    settings = product_settings()
    if errors is None and not (settings.llm_base_url and settings.llm_model):
        print("no LLM configured: set MATCHER_LLM_BASE_URL and MATCHER_LLM_MODEL (an OpenAI-compatible or Ollama "
              "endpoint), or run a simulated reader with --simulated 0,0.1", file=sys.stderr)
        return 2
    eng = build_engine(settings)
    day = today(settings)
    readers = ([(f"simulated, {e:g} wrong", e) for e in errors] if errors is not None
               else [(f"{settings.llm_provider} {settings.llm_model}", None)])
    out: dict = {}
    how: dict[str, tuple] = {}  # reader and policy of each row after "as read"
    print("| reader, policy | part | " + " | ".join(METRICS) + " |\n|---|---|" + "---|" * len(METRICS))
    for part in names:
        m = run_part(parts[part], eng, None)
        out.setdefault("as read", {})[part] = m
        print(_row("rules only", part, m), flush=True)
    for label, error in readers:
        for policy in policies:
            key = f"{label}, {policy}"
            res = out[key] = {}
            how[key] = (error, policy)
            for part in names:
                cs = parts[part]
                ref = (simulated_refiners(cs, error, policy, day) if error is not None
                       else llm_refiners(settings, policy, day))
                res[part] = run_part(cs, eng, ref)
                print(_row(key, part, res[part]), flush=True)
    if a.cv and "dev" in names:
        dev = parts["dev"]
        for key in out:
            ref = None
            if key in how:
                error, policy = how[key]
                ref = (simulated_refiners(dev, error, policy, day) if error is not None
                       else llm_refiners(settings, policy, day))
            out[key]["dev CV"] = m = dev_cv(dev, eng, ref)
            print(f"- {key}: dev CV {m['recall@5']:.3f} / {m['ndcg@10']:.3f}", flush=True)
    if {"dev", "test"} <= set(names):
        print("\ndev - locked gap, recall@5 / nDCG@10 (dev in-sample; with --cv, dev CV):")
        for key, res in out.items():
            d = res.get("dev CV", res["dev"])
            print(f"- {key}: {d['recall@5'] - res['test']['recall@5']:.3f} / "
                  f"{d['ndcg@10'] - res['test']['ndcg@10']:.3f}")
    a.out.write_text(json.dumps({"run_on": dt.date.today().isoformat(), "results": out}, indent=1) + "\n",
                     encoding="utf-8")
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
