"""Issue 11, pure parts: intent detection, the plan, the de-minimis reader, the recheck diff (shipped corpus)."""

import datetime as dt
from pathlib import Path

import pytest

from matcher.corpus import load_corpus
from matcher.intent import detect_programme_question
from matcher.mentions import build_aliases
from matcher.models import CompanyProfile
from matcher.plan import build_plan, pair_rule, plan_is_consistent
from matcher.profile import extract_profile
from matcher.recheck import diff_consultation

TODAY = dt.date(2026, 11, 30)


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(Path(__file__).resolve().parent.parent / "corpus", today=TODAY)


@pytest.fixture(scope="module")
def by_id(corpus):
    return {p.id: p for p in corpus.programmes}


def test_questions_about_named_or_listed_programmes_are_recognised(corpus):
    al = build_aliases(corpus.programmes)
    q = detect_programme_question("Was ist Pro FIT genau und wie hoch ist die Förderquote?", al, None, corpus.programmes)
    assert q.ids == ["pro-fit-projektfinanzierung"] and "rate" in q.aspects
    q = detect_programme_question("Wie beantrage ich den zweiten?", al, ["zim", "forschungszulage"], corpus.programmes)
    assert q.ids == ["forschungszulage"] and q.by_reference
    assert detect_programme_question("Forschungszulge – wie viel?", al, None, corpus.programmes).ids == ["forschungszulage"]
    # a brief that names a programme stays a shortlist request; "das erste Mal" is no reference
    assert detect_programme_question("Gibt es die Digitalprämie noch? Wir sind 9 Leute in Berlin und wollen CAD-Software.",
                                     al, None, corpus.programmes) is None
    assert detect_programme_question("Wir wollen das erste Mal ein Patent anmelden. 7 MA, Berlin.", al, ["zim"],
                                     corpus.programmes) is None


def test_plan_never_combines_excluding_programmes_and_orders_steps(by_id):
    progs = [by_id[i] for i in ("pro-fit-projektfinanzierung", "transfer-bonus", "bafa-unternehmensberatung", "forschungszulage")]
    plan = build_plan(CompanyProfile(), progs, TODAY)
    assert "transfer-bonus" not in plan.programmes
    assert any(x.id == "transfer-bonus" and x.reason == "excluded" and x.source for x in plan.left_out)
    assert plan_is_consistent(plan, by_id)
    assert [s.programme_id for s in plan.order] == ["bafa-unternehmensberatung", "pro-fit-projektfinanzierung", "forschungszulage"]
    assert pair_rule(by_id["zim"], by_id["forschungszulage"]).rule == "excluded_same_costs"


def test_de_minimis_received_is_read_and_checked(by_id, corpus):
    p = extract_profile("Wir haben letztes Jahr 80.000 EUR De-minimis bekommen, 12 MA, Berlin.", corpus.topics, today=TODAY)
    assert p.de_minimis_received_eur == 80_000
    p = extract_profile("Wir haben noch keine De-minimis-Beihilfen erhalten.", corpus.topics, today=TODAY)
    assert p.de_minimis_received_eur == 0
    plan = build_plan(CompanyProfile(de_minimis_received_eur=290_000),
                      [by_id["transfer-bonus"], by_id["coaching-bonus"]], TODAY)
    assert plan.de_minimis.exceeds and plan.de_minimis.total_eur >= 310_000


def test_recheck_diff_lists_exactly_the_changes(by_id):
    saved = {"programmes": [
        {"id": "zim", "name": "ZIM", "status": "rolling", "eligibility": "eligible", "amount": "alt", "deadline": None,
         "funding_rate": by_id["zim"].funding_rate, "call_dates": []},
        {"id": "kmu-innovativ", "name": "KMU-innovativ", "status": "call-based", "eligibility": "eligible",
         "amount": by_id["kmu-innovativ"].amount.text_de, "funding_rate": by_id["kmu-innovativ"].funding_rate,
         "deadline": "2026-10-15", "call_dates": ["2027-04-15", "2027-10-15"]}]}
    current = {"programmes": [*saved["programmes"], {"id": "eew-bundesfoerderung", "name": "EEW", "status": "rolling",
                                                       "eligibility": "uncertain"}]}
    d = diff_consultation(saved, current, by_id, TODAY)
    assert [(c["id"], c["field"]) for c in d["changed"]] == [("zim", "amount"), ("kmu-innovativ", "deadline")]
    assert [x["id"] for x in d["now_fit"]] == ["eew-bundesfoerderung"]
    assert d["closed"] == [] and d["new_calls"] == [] and d["removed"] == []
