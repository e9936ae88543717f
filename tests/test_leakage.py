"""The real-company evaluation cases stay held out: none of their companies is a funded example."""

from evals.leakage import company_key, leaks
from evals.schema import GoldCase
from matcher.models import FundedExample, Source


def _case(note: str) -> GoldCase:
    return GoldCase(id="real-de-999", lang="de", query="Wir sind ein Berliner Unternehmen und suchen Förderung.",
                    must=["zim"], source_url="https://example.org/press", note=note)


class _Prog:
    def __init__(self, pid, companies):
        self.id = pid
        self.examples = [FundedExample(company=c, project_de="Wir entwickeln eine neue Maschine für Kunden.",
                                       source=Source(title="Press", url="https://example.org/p", kind="secondary"))
                         for c in companies]


def test_company_key_drops_legal_form_and_parenthesis():
    assert company_key("Herbst Umwelttechnik GmbH (Berlin, Goerzallee)") == "herbst umwelttechnik"
    assert company_key("Seidel GmbH & Co. KG") == "seidel"


def test_a_case_company_used_as_example_is_a_leak():
    cases = [_case("Herbst Umwelttechnik GmbH (Berlin), ZIM cooperation project, 2010")]
    found = leaks(cases, [_Prog("zim", ["Herbst Umwelttechnik GmbH"]), _Prog("igf", ["Herbstlaub AG"])])
    assert [(lk.case_id, lk.programme_id) for lk in found] == [("real-de-999", "zim")]


def test_a_longer_example_name_still_matches():
    cases = [_case("Berlin Heart GmbH (Berlin), KMU-innovativ project with FU Berlin")]
    found = leaks(cases, [_Prog("kmu-innovativ", ["Berlin Heart GmbH (mit der Freien Universität Berlin)"])])
    assert len(found) == 1


def test_shipped_corpus_has_no_example_from_a_held_out_case():
    found = leaks()
    assert not found, "\n".join(f"{lk.case_id} -> {lk.programme_id}: {lk.company}" for lk in found)
