"""The small evaluation that guards ranking quality in CI (thresholds in evals/thresholds.yaml)."""

import pytest


@pytest.mark.slow
def test_full_system_meets_the_stored_thresholds(real_engine, monkeypatch, capsys):
    from evals import run

    monkeypatch.setattr(run, "build_engine", lambda _s: real_engine)
    assert run.main(["--quick"]) == 0, capsys.readouterr().err
