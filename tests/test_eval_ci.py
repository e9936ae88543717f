"""The small evaluation that guards ranking quality in CI (thresholds in evals/thresholds.yaml)."""

import pytest


@pytest.mark.slow
def test_full_system_meets_the_stored_thresholds(real_engine, monkeypatch, capsys):
    from evals import run

    monkeypatch.setattr(run, "build_engine", lambda _s: real_engine)
    assert run.main(["--quick"]) == 0, capsys.readouterr().err


def test_an_advice_offer_shown_once_among_the_contacts_counts_as_on_the_first_screen(real_engine):
    from types import SimpleNamespace

    from evals.run import run_variant
    from matcher.api import match

    q = ("Hello, we are a Danish SME (Odense, 55 employees) developing robots for hospital logistics and are looking "
         "for an R&D partner in Berlin. We have no entity in Germany. Which EU programmes fit?")
    case = SimpleNamespace(id="x-1", query=q, must=["enterprise-europe-network-berlin-brandenburg"], lang="en",
                           questions_expected=None, expected_profile=None)
    res = match(q, top_k=10, engine=real_engine)
    contacts = {h.id for h in res.projects}
    assert "een-berlin-brandenburg" in contacts
    assert "enterprise-europe-network-berlin-brandenburg" not in [h.id for h in res.support]  # shown once
    vr = run_variant("full", lambda text: res, [case], real_engine)
    shown = vr.first_screen["x-1"]
    assert shown[:5] == [h.id for h in res.programmes[:5]]
    assert "enterprise-europe-network-berlin-brandenburg" in shown
    # what is added beyond the programme and support lanes are programme records of offers shown as contacts
    from evals.run import _same_as

    same = _same_as(real_engine)
    added = set(shown) - {h.id for h in res.programmes[:5]} - {h.id for h in res.support[:3]}
    assert all(any(a in same.get(c, ()) for c in contacts) for a in added)
