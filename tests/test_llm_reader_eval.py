"""The LLM reader's evaluation (evals/llm_reader.py): the simulated reader's replies and the product path they take."""

import datetime as dt
import json

import pytest

from evals.llm_reader import main, simulated_refiners, simulated_reply
from evals.run import full_system
from evals.schema import ExpectedProfile, GoldCase

LABELS = ExpectedProfile(org_type="company", stage="established", in_berlin=True, founded_year=1998, employees=40,
                         needs=["investment", "energy_resources"], instruments_wished=["grant"])
POTSDAM = "Wir sind eine GmbH mit 40 Beschäftigten in Potsdam und wollen eine neue Fräsmaschine kaufen."


def test_a_reader_without_errors_answers_the_labels_and_nothing_unlabelled():
    reply = json.loads(simulated_reply(LABELS, "de-001", 0.0))
    assert reply == {"org_type": "company", "stage": "established", "in_berlin": True, "founded_year": 1998,
                     "employees": 40, "needs": ["investment", "energy_resources"], "instruments_wished": ["grant"]}
    assert json.loads(simulated_reply(ExpectedProfile(needs=["rnd"]), "de-002", 0.0)) == {"needs": ["rnd"]}
    assert json.loads(simulated_reply(None, "de-003", 0.0)) == {}


def test_a_reader_that_is_always_wrong_gets_every_field_wrong_and_the_same_way_each_time():
    reply = json.loads(simulated_reply(LABELS, "de-001", 1.0))
    assert reply["org_type"] != "company" and reply["stage"] != "established" and reply["in_berlin"] is False
    assert 1 <= abs(reply["founded_year"] - 1998) <= 6
    assert len(reply["needs"]) == 1 and reply["needs"][0] not in LABELS.needs
    assert reply["employees"] == 40  # numbers are only ever filled, so they are not simulated wrong
    assert simulated_reply(LABELS, "de-001", 1.0) == simulated_reply(LABELS, "de-001", 1.0)


def test_the_error_rate_is_the_share_of_fields_read_wrong():
    seats = [json.loads(simulated_reply(LABELS, f"de-{i:03d}", 0.2))["in_berlin"] for i in range(400)]
    assert 0.15 < seats.count(False) / len(seats) < 0.25


def test_the_simulated_reader_goes_through_the_products_llm_path(real_engine):
    case = GoldCase(id="de-991", lang="de", query=POTSDAM, must=["grw-berlin"],
                    expected_profile=ExpectedProfile(in_berlin=True, needs=["investment"]))
    day = dt.date(2026, 11, 30)
    prefer = full_system(real_engine, simulated_refiners([case], 0.0, "prefer", day))(POTSDAM)
    check = full_system(real_engine, simulated_refiners([case], 0.0, "check", day))(POTSDAM)
    rules = full_system(real_engine)(POTSDAM)
    assert rules.profile.in_berlin is False and rules.profile.disputed == []
    assert prefer.profile.in_berlin is True and prefer.profile.location == "berlin"
    assert check.profile.in_berlin is None and check.profile.disputed == ["in_berlin"]


def test_the_fit_reads_each_dev_case_with_the_reader_it_is_given(real_engine):
    from evals.fit import scored_states

    case = GoldCase(id="de-991", lang="de", query=POTSDAM, must=["grw-berlin"],
                    expected_profile=ExpectedProfile(in_berlin=True))
    ref = simulated_refiners([case], 0.0, "check", dt.date(2026, 11, 30))
    assert scored_states([case], real_engine, ref)["de-991"].profile.disputed == ["in_berlin"]
    assert scored_states([case], real_engine)["de-991"].profile.in_berlin is False


@pytest.mark.parametrize("args, message", [
    (["--policies", "trust"], "unknown trust"),
    (["--parts", "locked", "--simulated", "0"], "unknown locked"),
    (["--simulated", "a lot"], "--simulated takes error rates"),
    ([], "no LLM configured"),
])
def test_bad_arguments_and_a_missing_llm_are_refused_before_any_run(args, message, capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("MATCHER_LLM_BASE_URL", raising=False)
    monkeypatch.delenv("MATCHER_LLM_MODEL", raising=False)
    from matcher.settings import get_settings

    get_settings.cache_clear()
    try:
        assert main([*args, "--out", str(tmp_path / "r.json")]) == 2
    finally:
        get_settings.cache_clear()
    assert message in capsys.readouterr().err
    assert not (tmp_path / "r.json").exists()
