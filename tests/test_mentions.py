"""Programme names in the user's text: exact aliases, capitals for everyday words, near matches for typos."""

from pathlib import Path

import pytest

from matcher.corpus import check_corpus
from matcher.mentions import build_aliases, find_mentions

CORPUS = check_corpus(Path(__file__).resolve().parent.parent / "corpus").corpus
ALIASES = build_aliases(CORPUS.programmes)
IDS = {p.id for p in CORPUS.programmes}


def names(text: str, fuzzy: bool = True) -> list[str]:
    return find_mentions(text, ALIASES, fuzzy=fuzzy)


@pytest.mark.parametrize("text,pid", [
    ("Kann ich ZIM nutzen?", "zim"),
    ("Gibt es die Digitalprämie Berlin noch?", "digitalpraemie-berlin"),
    ("Was ist die Meistergründungsprämie?", "meistergruendungspraemie-berlin"),
    ("Kommen CO2-Differenzverträge für unser Werk in Frage?", "klimaschutzvertraege"),
    ("Klimaschutzverträge für unser Werk?", "klimaschutzvertraege"),
    ("Können wir Berlin Start für die Gründung nutzen?", "berlin-start"),
    # a name without its generation number
    ("We have heard about Eurostars.", "eurostars"),
    ("Passt Berlin Mittelstand für unsere Maschine?", "berlin-mittelstand-4-0"),
])
def test_exact_names(text, pid):
    assert pid in IDS
    assert pid in names(text)


@pytest.mark.parametrize("text,pid", [
    ("Was ist die Meistergründungspämie?", "meistergruendungspraemie-berlin"),
    ("Wie beantrage ich die Forschungszulgae?", "forschungszulage"),
    ("Gibt es die Digitalprämi noch?", "digitalpraemie-berlin"),
])
def test_typos_in_longer_names_are_near_matches(text, pid):
    assert pid in IDS
    assert pid not in names(text, fuzzy=False)
    assert pid in names(text)


@pytest.mark.parametrize("text", [
    "Welches Förderprogramm passt zu uns?",
    "We are a big company in life sciences and want to invest",
    "Wir machen ein Projekt mit der HTW Berlin",
    "Wir suchen Förderung für unsere Produktion",
    "Wir brauchen einen Kredit für neue Maschinen",
    "Wir wollen ein Patent anmelden und suchen Technologietransfer",
    # CO2 stands in the name of the Klimaschutzverträge / CO2-Differenzverträge, but names no programme
    "Wir machen aus CO2 und grünem Wasserstoff synthetisches Kerosin",
    # "Berlin Start" is a loan; a Berlin start-up does not name it, neither exactly nor as a near match
    "Wir sind ein Berliner Start-up und entwickeln Software",
    "We are a Berlin start-up building drones",
    "Berlin startups in robotics: what funding is there?",
])
def test_generic_words_name_no_programme(text):
    assert names(text) == []


def test_a_name_without_its_number_names_a_programme_only_where_no_other_name_holds_it():
    assert names("We have heard about Eurostars.", fuzzy=False) == ["eurostars"]
    # "Horizon Europe Cluster 6" without its number is every cluster's name: no exact alias of one cluster
    assert names("Which Horizon Europe cluster fits us?", fuzzy=False) == []


def test_short_names_are_never_guessed():
    assert names("Kann ich ZIN nutzen?") == []  # a three-letter name must be exact


def test_one_near_match_rule_for_ranking_and_programme_questions():
    from matcher.intent import named_programmes
    from matcher.mentions import near_matches

    names = [("forschungszulage", "fz"), ("transfer bonus", "tb"), ("zim", "zim")]
    assert [pid for _pos, pid in near_matches("die forschungszulge bitte", names)] == ["fz"]
    assert [pid for _pos, pid in near_matches("ein transfer bonsu", names)] == ["tb"]
    assert near_matches("zum zin", names) == []  # short names are never guessed
    assert near_matches("die forschungszulage", names) == []  # exact hits are the caller's
    # a programme question finds a misspelt long name through the same rule as the ranking
    assert named_programmes("Gilt die Meistergründungspämie noch?", ALIASES, CORPUS.programmes) == ["meistergruendungspraemie-berlin"]


def test_a_shared_acronym_names_a_family_not_one_programme():
    from matcher.mentions import build_families, find_family_mentions

    families = dict(build_families(CORPUS.programmes))
    assert families["EIC"] == ("eic-accelerator", "eic-pathfinder", "eic-transition")
    assert "EXIST" in families and "EEW" in families
    assert not any("SGB" in a or a == "III" for a in families)  # a law shared by many records is no family
    # two-word name beginnings shared by two or three programmes
    assert families["horizon europe"] == ("horizon-europe-cluster-4", "horizon-europe-cluster-5", "horizon-europe-cluster-6")
    assert families["pro fit"] == ("pro-fit-fruehphasenfinanzierung", "pro-fit-projektfinanzierung")
    assert "mpi pro" not in families
    assert not names("Heard of EIC, is that realistic for us?")  # the acronym names no single programme
    fam = list(families.items())
    assert find_family_mentions("Heard of EIC, is that realistic for us?", fam, set()) == set(families["EIC"])
    assert find_family_mentions("Does funding exist for a bakery?", fam, set()) == set()  # a verb, not EXIST
    assert find_family_mentions("Kann ich Pro FIT beantragen?", fam, set()) == set(families["pro fit"])
    assert find_family_mentions("We'd like to join a Horizon Europe consortium.", fam, set()) == set(families["horizon europe"])
    # a member named by its own name: the family is not named as well
    assert find_family_mentions("Is the EIC Accelerator for us?", fam, set(names("Is the EIC Accelerator for us?"))) == set()


def test_a_family_member_gets_half_the_bonus_of_a_named_programme():
    from matcher.models import CompanyProfile
    from matcher.rank import NAMED_FAMILY, programme_features

    prog = next(p for p in CORPUS.programmes if p.id == "eic-accelerator")
    profile = CompanyProfile(needs=["rnd"], topics=["innovation"])
    assert programme_features(prog, profile, 0.5, "eligible", "call-based", named=True)["named"] == 1.0
    assert programme_features(prog, profile, 0.5, "eligible", "call-based", named_family=True)["named"] == NAMED_FAMILY < 1
    assert "named" not in programme_features(prog, profile, 0.5, "eligible", "call-based")
