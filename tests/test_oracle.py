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


def test_hidden_musts_counts_the_must_programmes_a_violated_rule_rejects_by_rule(real_engine):
    from evals.oracle import hidden_musts
    from evals.schema import GoldCase

    cases = [GoldCase(id="de-991", lang="de", query=TEXT, must=["grw-berlin", "zim"]),
             GoldCase(id="de-992", lang="de", query="Wir sind eine GmbH in Berlin-Spandau mit 40 Beschäftigten und "
                                                    "wollen eine neue Fräsmaschine kaufen.", must=["grw-berlin"]),
             GoldCase(id="de-993", lang="de", query=TEXT, should=["grw-berlin"])]
    h = hidden_musts(cases, real_engine)
    # the Potsdam firm: the Berlin programme is rejected for its seat, the federal one is not; the Spandau firm's is
    # not; a should programme is not counted
    assert (h["musts"], h["hidden"], h["location"]) == (3, 1, 1)


def test_a_run_keeps_the_results_of_other_parts_groups_and_counts_in_the_file(tmp_path):
    from evals.oracle import _write, merged

    assert merged({"a": {"x": 1, "y": 2}, "b": 1}, {"a": {"y": 3}, "c": 4}) == {"a": {"x": 1, "y": 3}, "b": 1, "c": 4}
    path = tmp_path / "o.json"
    path.write_text("not json")
    _write(path, {"parts": {"test": {"facts": {"recall@5": 0.9}}}})
    _write(path, {"parts": {"test": {"stage": {"recall@5": 0.8}}, "dev": {}}, "hidden_musts": {"parts": {}}})
    import json
    assert json.loads(path.read_text()) == {"parts": {"test": {"facts": {"recall@5": 0.9}, "stage": {"recall@5": 0.8}},
                                                      "dev": {}}, "hidden_musts": {"parts": {}}}
