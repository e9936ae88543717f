"""The one dev/test split: fixed by seed and id, real-company cases always held out."""

from evals.schema import GoldCase
from evals.split import part_of, parts


def _case(cid: str) -> GoldCase:
    lang = cid.split("-")[-2]
    extra = {"source_url": "https://example.org/news"} if cid.startswith("real-") else {}
    return GoldCase(id=cid, lang=lang, query="Wir sind ein Betrieb in Berlin", **extra)


def test_the_part_depends_only_on_the_id():
    ids = [f"de-{i:03d}" for i in range(1, 200)]
    first = [part_of(i, "gold") for i in ids]
    assert first == [part_of(i, "gold") for i in reversed(ids)][::-1]
    share = first.count("test") / len(first)
    assert 0.35 < share < 0.55  # about 45 %


def test_real_company_cases_are_never_dev():
    cases = [_case("de-001"), _case("con-en-002"), _case("real-de-001"), _case("real-en-101")]
    ps = parts(cases)
    assert [c.id for c in ps["real"]] == ["real-de-001", "real-en-101"]
    assert not {c.id for c in ps["dev"] + ps["test"]} & {"real-de-001", "real-en-101"}
    assert len(ps["dev"]) + len(ps["test"]) == 2


def test_cases_written_after_the_split_are_always_dev():
    ids = [f"dev-de-{i:03d}" for i in range(1, 60)]
    assert {part_of(i, _case(i).origin) for i in ids} == {"dev"}


def test_the_locked_part_keeps_at_least_40_percent_of_the_tunable_cases():
    from evals.schema import load_all_cases
    ps = parts(load_all_cases())
    assert len(ps["test"]) / (len(ps["dev"]) + len(ps["test"])) >= 0.40
