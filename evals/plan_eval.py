"""Gold cases of issue 11: programme questions and combination/order plans (``evals/gold_plan/``).

    python -m evals.plan_eval          # both sets, prints the scores and failed case ids
    python -m evals --quick            # also checks them against evals/thresholds.yaml

Programme questions run through ``match`` (the routing is part of what is scored); combination cases
call ``matcher.plan.build_plan`` on the records. Every built plan is also checked for the invariant
that no two of its programmes exclude each other.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from matcher.models import CompanyProfile

HERE = Path(__file__).resolve().parent / "gold_plan"


class QuestionCase(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    lang: Literal["de", "en"]
    query: str
    previous_ids: list[str] = []
    expect_intent: Literal["programme_question", "shortlist"] = "programme_question"
    expect_ids: list[str] = []
    expect_facts: list[str] = []


class CombinationCase(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    programmes: list[str]
    profile: dict = {}
    de_minimis_received_eur: int | None = None
    expect_rule: str | None = None
    expect_in_plan: list[str] = []
    expect_not_in_plan: list[str] = []
    expect_order: list[str] = []
    expect_phase: dict[str, str] = {}
    expect_de_minimis_exceeds: bool | None = None
    expect_de_minimis_total: int | None = None
    expect_timeline: dict[str, list[str]] = {}
    guideline: str


def load(name: str, model):
    raw = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    cases = [model.model_validate(r) for r in raw["cases"]]
    assert len({c.id for c in cases}) == len(cases), f"duplicate ids in {name}"
    return cases


def check_question(case: QuestionCase, res) -> list[str]:
    """Reasons the result fails the case (empty: pass)."""
    bad = []
    if res.intent != case.expect_intent:
        return [f"intent {res.intent} != {case.expect_intent}"]
    if case.expect_intent == "shortlist":
        return bad
    got = (res.programme_answer or {}).get("ids", [])
    if got[:len(case.expect_ids)] != case.expect_ids:
        bad.append(f"ids {got} != {case.expect_ids}")
    for f in case.expect_facts:
        if f.lower() not in res.answer.lower():
            bad.append(f"missing fact {f!r}")
    if not res.citations:
        bad.append("no citations")
    return bad


def check_combination(case: CombinationCase, by_id, today: dt.date) -> list[str]:
    from matcher.plan import build_plan, pair_rule, plan_is_consistent

    progs = [by_id[i] for i in case.programmes]
    prof = dict(case.profile)
    if case.de_minimis_received_eur is not None:
        prof["de_minimis_received_eur"] = case.de_minimis_received_eur
    profile = CompanyProfile.model_validate(prof)
    plan = build_plan(profile, progs, today)
    bad = []
    if not plan_is_consistent(plan, by_id):
        bad.append("plan combines two programmes that exclude each other")
    if case.expect_rule and (r := pair_rule(progs[0], progs[1]).rule) != case.expect_rule:
        bad.append(f"rule {r} != {case.expect_rule}")
    for i in case.expect_in_plan:
        if i not in plan.programmes:
            bad.append(f"{i} missing from the plan")
    for i in case.expect_not_in_plan:
        if i in plan.programmes:
            bad.append(f"{i} should not be in the plan")
    order = [s.programme_id for s in plan.order]
    pos = [order.index(i) for i in case.expect_order if i in order]
    if case.expect_order and (len(pos) != len(case.expect_order) or pos != sorted(pos)):
        bad.append(f"order {order} does not follow {case.expect_order}")
    phases = {s.programme_id: s.phase for s in plan.order}
    for i, ph in case.expect_phase.items():
        if phases.get(i) != ph:
            bad.append(f"{i} phase {phases.get(i)} != {ph}")
    if case.expect_de_minimis_exceeds is not None and plan.de_minimis.exceeds != case.expect_de_minimis_exceeds:
        bad.append(f"de-minimis exceeds {plan.de_minimis.exceeds} != {case.expect_de_minimis_exceeds}")
    if case.expect_de_minimis_total is not None and plan.de_minimis.total_eur != case.expect_de_minimis_total:
        bad.append(f"de-minimis total {plan.de_minimis.total_eur} != {case.expect_de_minimis_total}")
    rows = {r.programme_id: [e.date.isoformat() for e in r.events] for r in plan.timeline.rows}
    for i, dates in case.expect_timeline.items():
        if rows.get(i) != dates:
            bad.append(f"timeline {i}: {rows.get(i)} != {dates}")
    return bad


def run_plan_cases(eng, today: dt.date | None = None) -> dict:
    """Scores of both sets on the engine's corpus: accuracy, pass rate, failures by case id."""
    from matcher.api import match
    from matcher.clock import today as _today

    today = today or _today(eng.settings)
    by_id = {p.id: p for p in eng.corpus.programmes}
    q_fail, c_fail = {}, {}
    questions = load("questions.yaml", QuestionCase)
    for c in questions:
        res = match(c.query, engine=eng, previous_ids=c.previous_ids or None, lang=c.lang)
        if bad := check_question(c, res):
            q_fail[c.id] = bad
    combos = load("combinations.yaml", CombinationCase)
    for c in combos:
        if bad := check_combination(c, by_id, today):
            c_fail[c.id] = bad
    n_pq = sum(1 for c in questions if c.expect_intent == "programme_question")
    return {
        "programme_questions": {"cases": len(questions), "programme_question_cases": n_pq,
                                "accuracy": 1 - len(q_fail) / len(questions), "failures": q_fail},
        "combinations": {"cases": len(combos), "pass_rate": 1 - len(c_fail) / len(combos), "failures": c_fail},
    }


def results_section(scores: dict) -> str:
    q, c = scores["programme_questions"], scores["combinations"]
    lines = ["## Programme questions and Förderfahrplan (issue 11)", "",
             f"- programme questions: {q['cases']} cases ({q['programme_question_cases']} questions about named or "
             f"referenced programmes, DE and EN, incl. shortlist follow-ups; the rest are briefs that must stay a "
             f"shortlist): accuracy {q['accuracy']:.3f}",
             f"- combination and order: {c['cases']} cases with the deciding guideline text: pass rate {c['pass_rate']:.3f}; "
             "no plan combined two programmes whose rules exclude each other",
             f"- failed: {', '.join(sorted([*q['failures'], *c['failures']])) or 'none'}", ""]
    return "\n".join(lines)


def main() -> int:
    from matcher.engine import build_engine

    from .run import product_settings

    scores = run_plan_cases(build_engine(product_settings()))
    print(json.dumps(scores, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
