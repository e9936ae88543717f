"""The oracle run (evals/oracle.py): labelled facts in place of read ones, unstated ones kept."""

from evals.oracle import GROUPS, labelled_refiner, main
from evals.run import full_system
from evals.schema import ExpectedProfile
from matcher.profile import extract_profile

TEXT = "Wir sind eine GmbH mit 40 Beschäftigten in Potsdam und wollen eine neue Fräsmaschine kaufen."


def test_the_labelled_fields_replace_the_read_ones_and_unstated_ones_stay(engine):
    read = extract_profile(TEXT, engine.corpus.topics)
    assert read.in_berlin is False and read.employees == 40
    refine = labelled_refiner(ExpectedProfile(in_berlin=True, needs=["rnd"]), GROUPS["facts+needs"])
    p = refine(TEXT, read)
    assert p.in_berlin is True and p.needs == ["rnd"]
    assert (p.org_type, p.employees, p.size_class) == (read.org_type, 40, read.size_class)


def test_confirmed_needs_keep_only_the_read_ones_the_labels_name_and_added_ones_append_the_rest(engine):
    read = extract_profile(TEXT, engine.corpus.topics).model_copy(update={"needs": ["investment", "advice"]})
    label = ExpectedProfile(needs=["energy_resources", "investment"])
    assert labelled_refiner(label, GROUPS["needs-confirmed"], "confirmed")(TEXT, read).needs == ["investment"]
    assert labelled_refiner(label, GROUPS["needs-added"], "added")(TEXT, read).needs == [
        "investment", "advice", "energy_resources"]
    assert labelled_refiner(label, GROUPS["needs"])(TEXT, read).needs == ["energy_resources", "investment"]


def test_a_case_that_states_none_of_the_fields_gets_no_refiner():
    assert labelled_refiner(None, GROUPS["facts"]) is None
    assert labelled_refiner(ExpectedProfile(needs=["rnd"]), GROUPS["facts"]) is None
    assert labelled_refiner(ExpectedProfile(in_berlin=None, needs=[]), GROUPS["facts+needs"]) is None


def test_the_full_system_matches_with_the_labels_where_a_case_gives_them(real_engine):
    labelled = labelled_refiner(ExpectedProfile(in_berlin=True, stage="established"), GROUPS["facts"])
    assert full_system(real_engine, {TEXT: labelled}.get)(TEXT).profile.in_berlin is True
    assert full_system(real_engine)(TEXT).profile.in_berlin is False


def test_an_unknown_group_or_part_is_refused_before_any_run(capsys, tmp_path):
    assert main(["--groups", "facts,topics", "--out", str(tmp_path / "o.json")]) == 2
    assert main(["--parts", "locked", "--out", str(tmp_path / "o.json")]) == 2
    err = capsys.readouterr().err
    assert "topics" in err and "locked" in err and "facts+needs" in err
    assert not (tmp_path / "o.json").exists()
