"""Per-field precision/recall of the profile reader (evals/profile_metrics.py)."""

import pytest

from evals.profile_metrics import DEFAULT_FIELDS, format_prf, profile_prf
from evals.schema import ExpectedProfile
from matcher.models import CompanyProfile


def test_scalar_fields_count_only_stated_expectations():
    pairs = [
        ({"employees": 10, "in_berlin": True}, {"employees": 10, "in_berlin": True}),   # both right
        ({"employees": 20, "in_berlin": False}, {"employees": 25, "in_berlin": None}),  # wrong, missing
        ({"employees": None}, {"employees": 7}),                                        # not stated: ignored
    ]
    m = profile_prf(pairs, fields=("employees", "in_berlin"))
    assert m["employees"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2, "tp": 1, "predicted": 2}
    assert m["in_berlin"]["precision"] == 1.0
    assert m["in_berlin"]["recall"] == 0.5
    assert m["in_berlin"]["support"] == 2
    assert m["in_berlin"]["f1"] == pytest.approx(2 / 3, abs=1e-4)


def test_false_is_a_prediction_not_a_missing_value():
    m = profile_prf([({"in_berlin": True}, {"in_berlin": False})], fields=("in_berlin",))
    assert (m["in_berlin"]["precision"], m["in_berlin"]["recall"], m["in_berlin"]["predicted"]) == (0.0, 0.0, 1)


def test_list_fields_are_micro_averaged_over_items():
    pairs = [
        ({"topics": ["recycling", "materials"]}, {"topics": ["recycling", "energy", "production"]}),
        ({"topics": ["ai"]}, {"topics": ["ai"]}),
        ({"topics": []}, {"topics": ["textiles"]}),  # not checked: ignored
    ]
    m = profile_prf(pairs, fields=("topics",))["topics"]
    assert (m["tp"], m["predicted"], m["support"]) == (2, 4, 3)
    assert m["precision"] == 0.5
    assert m["recall"] == pytest.approx(0.6667, abs=1e-4)


def test_models_are_accepted_and_empty_input_gives_zeros():
    exp = ExpectedProfile(org_type="company", employees=40, size_class="small", needs=["rnd", "partners"])
    act = CompanyProfile(org_type="company", employees=40, size_class="small", needs=["rnd"], topics=["recycling"])
    m = profile_prf([(exp, act)])
    assert set(m) == set(DEFAULT_FIELDS)
    assert m["org_type"]["f1"] == 1.0
    assert m["needs"]["precision"] == 1.0 and m["needs"]["recall"] == 0.5
    assert m["topics"]["support"] == 0 and m["topics"]["precision"] == 0.0
    assert all(v["support"] == 0 and v["f1"] == 0.0 for v in profile_prf([]).values())


def test_age_tolerates_a_year_and_the_table_renders():
    m = profile_prf([({"age_years": 2.0}, {"age_years": 2.5})], fields=("age_years",))
    assert m["age_years"]["precision"] == 1.0
    assert "| age_years | 1.000 | 1.000 | 1.000 | 1 |" in format_prf(m)
