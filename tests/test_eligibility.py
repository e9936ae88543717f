"""Each eligibility rule, decided against profile facts, with the reason naming both."""

import datetime as dt
import functools
from pathlib import Path

import pytest

from matcher import eligibility as elig
from matcher.corpus import check_corpus
from matcher.models import CompanyProfile, Criterion, Eligibility, Programme, Source


def prog(**rules) -> Programme:
    return Programme(
        id="p-test", name="Testprogramm", provider="Test", level="berlin", instruments=["grant"],
        target_groups=["kmu"], eligibility=Eligibility(applicants=rules.pop("applicants", ["company"]), **rules),
        needs=["rnd"], topics=["innovation"], status="rolling",
        summary_de="Ein Testprogramm für Forschung und Entwicklung in Berlin.",
        summary_en="A test programme for research and development in Berlin.",
        sources=[Source(title="Test", url="https://example.org")], as_of=dt.date(2026, 11, 1),
    )


@functools.cache
def shipped(pid: str) -> Programme:
    """A programme record of the shipped corpus."""
    corpus = check_corpus(Path(__file__).resolve().parent.parent / "corpus").corpus
    return next(p for p in corpus.programmes if p.id == pid)


def verdict(p: Programme, profile: CompanyProfile, rule: str) -> tuple[str, str]:
    c = next(c for c in elig.check(p, profile) if c.rule == rule)
    return c.verdict, c.reason


@pytest.mark.parametrize("rules,profile,rule,expected,reason_part", [
    ({"max_employees": 249}, CompanyProfile(employees=2000, org_type="company"), "employees", "violated", "max. 249 Beschäftigte – Sie nennen 2.000"),
    ({"max_employees": 249}, CompanyProfile(employees=40, org_type="company"), "employees", "fulfilled", "Sie nennen 40"),
    ({"max_employees": 249}, CompanyProfile(org_type="company"), "employees", "unknown", "nicht genannt"),
    ({"max_employees": 249}, CompanyProfile(size_class="large", org_type="company"), "employees", "violated", "Großunternehmen"),
    ({"max_turnover_eur": 50_000_000}, CompanyProfile(turnover_eur=80_000_000, employees=200), "turnover", "violated", "80,0 Mio"),
    ({"max_company_age_years": 1}, CompanyProfile(age_years=7, org_type="company"), "company_age", "violated", "7 Jahre"),
    ({"max_company_age_years": 1}, CompanyProfile(age_years=0.67, org_type="company"), "company_age", "fulfilled", "8 Monate"),
    ({"max_company_age_years": 5}, CompanyProfile(org_type="company"), "company_age", "unknown", "Gründungsjahr"),
    ({"min_company_age_years": 2}, CompanyProfile(age_years=1, org_type="company"), "company_age", "violated", "mindestens 2 Jahre"),
    # only the founding year stated: the month decides when the limit lies inside the possible ages
    ({"max_company_age_years": 1}, CompanyProfile(founded_year=2025, age_years=1, age_range=(0.9, 1.9), org_type="company"),
     "company_age", "unknown", "gegründet 2025, der Monat entscheidet"),
    ({"max_company_age_years": 5}, CompanyProfile(founded_year=2025, age_years=1, age_range=(0.9, 1.9), org_type="company"),
     "company_age", "fulfilled", "ca. 1 Jahr"),
    ({"max_company_age_years": 1}, CompanyProfile(founded_year=2023, age_years=3, age_range=(2.9, 3.9), org_type="company"),
     "company_age", "violated", "ca. 3 Jahre"),
    ({"min_company_age_years": 2}, CompanyProfile(founded_year=2024, age_years=2, age_range=(1.9, 2.9), org_type="company"),
     "company_age", "unknown", "der Monat entscheidet"),
    ({"location": "berlin"}, CompanyProfile(in_berlin=False, location="münchen", in_germany=True), "location", "violated", "München"),
    ({"location": "berlin"}, CompanyProfile(in_berlin=True, location="berlin"), "location", "fulfilled", "Berlin"),
    ({"location": "germany"}, CompanyProfile(in_berlin=False, location="münchen", in_germany=True), "location", "fulfilled", "Deutschland"),
    ({"location": "germany"}, CompanyProfile(in_berlin=False, location="vienna", in_germany=False), "location", "violated", "Vienna"),
    ({"location": "berlin_brandenburg"}, CompanyProfile(in_berlin=False, location="brandenburg", in_germany=True), "location", "fulfilled", "Brandenburg"),
    ({"location": "berlin"}, CompanyProfile(), "location", "unknown", "nicht genannt"),
    ({"location": "eu"}, CompanyProfile(in_berlin=False, location="graz", in_germany=False), "location", "fulfilled", "Sitz in der EU (Graz)"),
    ({"location": "eu"}, CompanyProfile(in_berlin=False, location="wien", in_germany=False), "location", "fulfilled", "EU"),
    ({"location": "eu"}, CompanyProfile(in_berlin=False, location="zürich", in_germany=False), "location", "unknown", "kein EU-Mitglied"),
    ({"location": "eu"}, CompanyProfile(in_berlin=False, location="atlantis-city", in_germany=False), "location", "unknown", "EU-Zugehörigkeit prüfen"),
    ({"location": "berlin"}, CompanyProfile(in_berlin=False, location="hamburg", in_germany=True,
                                            facts={"planned_berlin_site": True}), "location", "fulfilled", "geplanter Standort"),
    ({"pre_founding": "only", "applicants": ["founder_team"]}, CompanyProfile(org_type="company", stage="established"), "pre_founding", "violated", "besteht bereits"),
    ({"pre_founding": "only", "applicants": ["founder_team"]}, CompanyProfile(org_type="individual", stage="pre_founding"), "pre_founding", "fulfilled", "noch nicht gegründet"),
    ({"pre_founding": "no"}, CompanyProfile(org_type="individual", stage="pre_founding"), "pre_founding", "violated", "bestehendes Unternehmen"),
    ({"pre_founding": "only", "applicants": ["founder_team"]}, CompanyProfile(org_type="research"), "pre_founding", "violated", "kein Gründungsvorhaben"),
    # a start-up with no sign of a registered company may still be a team before founding: asked, not ruled out
    ({"pre_founding": "only", "applicants": ["founder_team"]}, CompanyProfile(org_type="company", stage="startup"), "pre_founding", "unknown", "schon gegründet"),
    ({"pre_founding": "only", "applicants": ["founder_team"]}, CompanyProfile(org_type="company", stage="startup"), "applicants", "unknown", "noch nicht gegründet"),
    ({"pre_founding": "only", "applicants": ["founder_team"]}, CompanyProfile(org_type="company", stage="startup", facts={"company_registered": True}), "pre_founding", "violated", "besteht bereits"),
    ({"pre_founding": "only", "applicants": ["founder_team"]}, CompanyProfile(org_type="company", stage="startup", age_years=0.5), "pre_founding", "violated", "besteht bereits"),
    ({"pre_founding": "only", "applicants": ["founder_team"]}, CompanyProfile(org_type="company", stage="startup", employees=12), "applicants", "violated", "Sie sind: Unternehmen"),
    ({"applicants": ["research"]}, CompanyProfile(org_type="company"), "applicants", "violated", "Sie sind: Unternehmen"),
    ({"applicants": ["company", "research"]}, CompanyProfile(org_type="research"), "applicants", "fulfilled", "Forschungseinrichtungen"),
    ({"partner": "research"}, CompanyProfile(org_type="company", has_research_partner=True), "partner", "fulfilled", "Forschungskooperation"),
    ({"partner": "research"}, CompanyProfile(org_type="company"), "partner", "unknown", "Forschungseinrichtung nötig"),
    ({"partner": "research"}, CompanyProfile(org_type="company", has_research_partner=False), "partner", "violated", "Forschungseinrichtung nötig"),
    ({"partner": "consortium"}, CompanyProfile(org_type="company", facts={"consortium": True}), "partner", "fulfilled", "Sie nennen einen Verbund"),
    ({"partner": "consortium"}, CompanyProfile(org_type="company"), "partner", "unknown", "Nur im Verbund/Konsortium"),
])
def test_rule_verdicts_name_rule_and_fact(rules, profile, rule, expected, reason_part):
    v, reason = verdict(prog(**rules), profile, rule)
    assert v == expected
    assert reason_part in reason


def test_overall_is_worst_verdict():
    p = prog(max_employees=249, location="berlin")
    assert elig.overall(elig.check(p, CompanyProfile(employees=40, in_berlin=True, org_type="company"))) == "eligible"
    assert elig.overall(elig.check(p, CompanyProfile(employees=40, org_type="company"))) == "uncertain"
    assert elig.overall(elig.check(p, CompanyProfile(employees=400, in_berlin=True, org_type="company"))) == "ineligible"


def test_english_reasons():
    c = elig.check(prog(max_employees=249), CompanyProfile(employees=2000, org_type="company"), lang="en")
    assert any("max. 249 employees – you state 2,000" in x.reason for x in c)


def test_every_rule_has_a_follow_up_question_in_both_languages():
    rules = {c.rule for c in elig.check(prog(max_employees=249, max_turnover_eur=5, max_company_age_years=3,
                                             location="berlin", partner="research", pre_founding="only",
                                             applicants=["founder_team"]),
                                        CompanyProfile(employees=60))}
    for r in rules:
        de, en = elig.QUESTIONS[r]
        assert de.endswith("?") and en.endswith("?")


def test_a_consortium_rule_asks_about_a_consortium_not_a_university():
    crit = elig.check(prog(partner="consortium"), CompanyProfile(org_type="company", in_berlin=True), "en")
    qs = elig.follow_up_questions([crit], CompanyProfile(org_type="company"), "en")
    assert any("consortium" in q for q in qs) and not any("university" in q for q in qs)
    crit = elig.check(prog(partner="research"), CompanyProfile(org_type="company"), "de")
    assert any("Hochschule" in q for q in elig.follow_up_questions([crit], CompanyProfile(org_type="company"), "de"))


def test_one_follow_up_question_per_fact_however_the_records_word_it():
    def crit(q):
        return Criterion(rule="fact:project_not_started", verdict="unknown", reason="offen", question=q)
    qs = elig.follow_up_questions([[crit("Hat Ihr FuE-Vorhaben bereits begonnen?")],
                                   [crit("Hat Ihr Vorhaben bereits begonnen?")]], CompanyProfile(needs=["rnd"]), "de")
    assert qs == ["Hat Ihr FuE-Vorhaben bereits begonnen?"]


def target(groups, **rules) -> Programme:
    p = prog(**rules)
    return p.model_copy(update={"target_groups": groups})


@pytest.mark.parametrize("groups,profile,rule,expected", [
    (["startup"], CompanyProfile(org_type="company", stage="established"), "target_group", "violated"),
    (["startup", "founders"], CompanyProfile(org_type="company", stage="startup"), "target_group", "fulfilled"),
    (["startup"], CompanyProfile(org_type="company"), "target_group", "unknown"),
    (["kmu"], CompanyProfile(org_type="company", size_class="large", employees=300), "sme_target", "violated"),
    (["kmu", "startup"], CompanyProfile(org_type="company", employees=30, size_class="small"), "sme_target", "fulfilled"),
    (["kmu"], CompanyProfile(org_type="company"), "sme_target", "unknown"),
])
def test_target_groups_decide_when_the_rules_give_no_number(groups, profile, rule, expected):
    v, _ = verdict(target(groups), profile, rule)
    assert v == expected


def test_target_groups_with_large_firms_add_no_sme_criterion():
    rules = {c.rule for c in elig.check(target(["kmu", "large"]), CompanyProfile(org_type="company", employees=300))}
    assert "sme_target" not in rules


def test_a_research_team_before_its_spin_off_applies_through_its_institution():
    team = CompanyProfile(org_type="research", stage="pre_founding")
    validation = prog(applicants=["research"], pre_founding="no")  # VIP+-like: institutions apply
    assert verdict(validation, team, "applicants")[0] == "fulfilled"
    assert not any(c.rule == "pre_founding" and c.verdict == "violated" for c in elig.check(validation, team))
    # a company programme that also admits research partners still needs the company first
    company_first = prog(applicants=["company", "research"], pre_founding="no")
    assert verdict(company_first, team, "pre_founding")[0] == "violated"
    # ... and does not tell the team it may apply as a research institution beside that
    v, reason = verdict(company_first, team, "applicants")
    assert v == "violated" and "Forschungseinrichtung" not in reason.split("Sie sind:")[1]
    # a founder team without a research institution behind it is no research applicant
    founders = CompanyProfile(org_type="individual", stage="pre_founding")
    assert verdict(validation, founders, "applicants")[0] == "violated"


def test_a_programme_beyond_the_sme_limits_excludes_an_sme_and_asks_when_size_is_unknown():
    mid_cap = prog(applicants=["company"])
    mid_cap = mid_cap.model_copy(update={"target_groups": ["large"]})
    assert verdict(mid_cap, CompanyProfile(org_type="company", employees=30, size_class="small"), "sme_excluded")[0] == "violated"
    assert verdict(mid_cap, CompanyProfile(org_type="company", size_class="large"), "sme_excluded")[0] == "fulfilled"
    unknown = CompanyProfile(org_type="company", needs=["investment"])
    crits = elig.check(mid_cap, unknown)
    assert next(c for c in crits if c.rule == "sme_excluded").verdict == "unknown"
    assert any("Jahresumsatz" in q for q in elig.follow_up_questions([crits], unknown, "de"))


def test_a_single_founder_applies_as_an_individual_and_a_team_as_a_team():
    solo = CompanyProfile(org_type="individual", stage="pre_founding", facts={"founding_team": False})
    team = CompanyProfile(org_type="individual", stage="pre_founding", facts={"founding_team": True})
    p = prog(applicants=["founder_team", "individual"], pre_founding="only")
    assert verdict(p, solo, "applicants") == ("fulfilled", "Antragsberechtigt: Gründungsteams, Einzelpersonen – Sie sind: Einzelperson")
    assert verdict(p, team, "applicants")[1].endswith("Sie sind: Gründungsteam")
    # one person who does not say whether others join is not called a team
    open_ = CompanyProfile(org_type="individual", stage="pre_founding")
    assert verdict(p, open_, "applicants") == (
        "fulfilled", "Antragsberechtigt: Gründungsteams, Einzelpersonen – Sie sind: Gründerin oder Gründer vor der Gründung")
    exist_like = prog(applicants=["founder_team"], pre_founding="only")
    assert verdict(exist_like, open_, "applicants")[0] == "fulfilled"


def test_a_founders_programme_for_new_companies_is_open_to_a_team_that_founds_soon():
    team = CompanyProfile(org_type="individual", stage="pre_founding", facts={"founding_team": True}, in_berlin=True,
                          location="berlin")
    bonus = shipped("gruendungsbonus-berlin")
    crits = elig.check(bonus, team)
    assert elig.overall(crits) == "uncertain"
    assert verdict(bonus, team, "pre_founding")[1].startswith("Antrag erst nach der Gründung")
    assert verdict(bonus, team, "company_age")[0] == "fulfilled"
    assert any(c.question == "Wann wollen Sie Ihr Unternehmen gründen?" for c in crits)
    # a programme for existing SMEs still excludes the team, and an existing company is not asked when it founds
    sme = prog(max_company_age_years=5)
    assert verdict(sme, team, "pre_founding")[0] == "violated"
    assert verdict(sme, team, "applicants")[0] == "violated"
    young = CompanyProfile(org_type="company", stage="startup", employees=3, in_berlin=True, location="berlin")
    assert all(c.rule != "pre_founding" for c in elig.check(bonus, young))


def test_a_berlin_investment_programme_does_not_fund_a_hall_elsewhere():
    invest = prog(location="berlin").model_copy(update={"needs": ["investment"]})
    there = CompanyProfile(org_type="company", in_berlin=True, location="berlin", needs=["investment"],
                           facts={"project_outside_berlin": True})
    assert verdict(invest, there, "location")[0] == "violated"
    assert verdict(invest, there.model_copy(update={"facts": {}}), "location")[0] == "fulfilled"
    # an R&D programme still counts the Berlin seat; a Berlin-Brandenburg programme is not touched
    assert verdict(prog(location="berlin"), there, "location")[0] == "fulfilled"
    both = prog(location="berlin_brandenburg").model_copy(update={"needs": ["investment"]})
    assert verdict(both, there, "location")[0] == "fulfilled"


def test_eurostars_funds_each_partner_through_its_own_country_so_a_danish_sme_may_join():
    eurostars = shipped("eurostars")
    danish = CompanyProfile(org_type="company", employees=55, size_class="medium", in_berlin=False, in_germany=False,
                            location="denmark")
    assert verdict(eurostars, danish, "location")[0] == "fulfilled"
    berlin = CompanyProfile(org_type="company", in_berlin=True, in_germany=True, location="berlin")
    assert verdict(eurostars, berlin, "location")[0] == "fulfilled"
    # a Berlin programme stays closed to the Danish company
    pro_fit = shipped("pro-fit-projektfinanzierung")
    assert verdict(pro_fit, danish, "location")[0] == "violated"


@pytest.mark.parametrize("pid", ["berlin-mittelstand-4-0", "gruendungsbonus-berlin"])
def test_programmes_that_exclude_construction_and_hospitality_check_the_trade(pid):
    prog = shipped(pid)
    base = dict(org_type="company", employees=5, size_class="micro", in_berlin=True, location="berlin")
    builder = CompanyProfile(**base, facts={"construction_or_hospitality": True})
    assert verdict(prog, builder, "fact:construction_or_hospitality")[0] == "violated"
    maker = CompanyProfile(**base, facts={"construction_or_hospitality": False})
    assert verdict(prog, maker, "fact:construction_or_hospitality")[0] == "fulfilled"
    assert verdict(prog, CompanyProfile(**base), "fact:construction_or_hospitality")[0] == "unknown"


def test_a_loan_with_a_floor_rules_out_a_smaller_project_and_asks_when_no_sum_is_named():
    # Berlin Mittelstand 4.0 lends at least 2 Mio. EUR (IBB, Förderdatenbank)
    bm = shipped("berlin-mittelstand-4-0")
    base = dict(org_type="company", employees=40, size_class="small", in_berlin=True, location="berlin")
    v, reason = verdict(bm, CompanyProfile(**base, project_eur=650_000), "amount_min")
    assert v == "violated" and "Mindestbetrag 2 Mio. EUR – Sie nennen 650.000 EUR" in reason
    assert verdict(bm, CompanyProfile(**base, project_eur=3_500_000), "amount_min")[0] == "fulfilled"
    crit = elig.check(bm, CompanyProfile(**base), "en")
    asked = next(c for c in crit if c.rule == "amount_min")
    assert asked.verdict == "unknown" and "minimum amount EUR 2 million" in asked.reason
    # an unstated sum is asked on the card but does not lower the programme's rank
    assert "amount_min" in elig.ASKED_NOT_COUNTED and elig.QUESTIONS["amount_min"][0].endswith("?")
    # a usual size ("Darlehen in der Regel ab 100.000 EUR") is no floor: a project under half of it is an open point,
    # said on the card and counted in the ranking verdict, but not asked
    innovativ = shipped("berlin-innovativ")
    crit = elig.check(innovativ, CompanyProfile(**base, project_eur=40_000))
    assert all(c.rule != "amount_min" for c in crit)
    usual = next(c for c in crit if c.rule == "amount_usual")
    assert usual.verdict == "unknown" and "Üblich ab 100.000 EUR – Sie nennen 40.000 EUR" in usual.reason
    assert "amount_usual" not in elig.ASKED_NOT_COUNTED and "amount_usual" not in elig.QUESTIONS
    assert elig.overall_for_ranking(crit) == "uncertain"
    assert all(c.rule != "amount_usual" for c in elig.check(innovativ, CompanyProfile(**base, project_eur=60_000)))


def test_a_high_turnover_limit_is_not_asked_of_a_company_whose_headcount_is_far_below_it():
    big_limit = prog(max_turnover_eur=500_000_000)
    rules = lambda p: {c.rule: c.verdict for c in elig.check(big_limit, p)}  # noqa: E731
    assert "turnover" not in rules(CompanyProfile(org_type="company", employees=150))
    assert rules(CompanyProfile(org_type="company", employees=2_000))["turnover"] == "unknown"
    assert rules(CompanyProfile(org_type="company"))["turnover"] == "unknown"
    sme_limit = prog(max_turnover_eur=50_000_000)
    assert {c.rule: c.verdict for c in elig.check(sme_limit, CompanyProfile(org_type="company", employees=120))}[
        "turnover"] == "unknown"
    assert verdict(big_limit, CompanyProfile(org_type="company", employees=150, turnover_eur=600_000_000),
                   "turnover")[0] == "violated"


def test_exist_women_asks_for_the_university_link_it_requires():
    women = shipped("exist-women")
    founder = CompanyProfile(org_type="individual", stage="pre_founding", in_berlin=True, location="berlin")
    assert verdict(women, founder, "fact:university_link")[0] == "unknown"
    student = founder.model_copy(update={"facts": {"university_link": True}})
    assert verdict(women, student, "fact:university_link")[0] == "fulfilled"
    assert elig.overall_for_ranking(elig.check(women, founder), women.eligibility.selective_facts) == "uncertain"


def test_a_company_reaches_an_individuals_training_grant_through_its_employees():
    """The Aufstiegs-BAföG is applied for by the person taking the course: not 'ineligible' for the company that
    asks about its staff's master course, but open (is it such a course?). A programme for founders stays closed."""
    company = CompanyProfile(org_type="company", employees=14, size_class="small", stage="established", in_berlin=True,
                             needs=["skills"])
    afbg = {c.rule: c for c in elig.check(shipped("aufstiegs-bafoeg"), company)}["applicants"]
    assert afbg.verdict == "unknown" and "Beschäftigten" in afbg.reason
    founders = {c.rule: c for c in elig.check(shipped("gruendungszuschuss"), company)}["applicants"]
    assert founders.verdict == "violated"
    person = CompanyProfile(org_type="individual", needs=["skills"])
    assert {c.rule: c for c in elig.check(shipped("aufstiegs-bafoeg"), person)}["applicants"].verdict == "fulfilled"


def test_a_year_only_founding_asks_for_the_month_not_the_year():
    p = CompanyProfile(founded_year=2025, age_years=1, age_range=(0.9, 1.9), org_type="company", needs=["rnd"])
    crit = elig.check(prog(max_company_age_years=1), p, "de")
    assert "In welchem Monat 2025 wurde Ihr Unternehmen gegründet?" in elig.follow_up_questions([crit], p, "de")
    assert not any("In welchem Jahr" in q for q in elig.follow_up_questions([crit], p, "de"))
    crit_en = elig.check(prog(max_company_age_years=1), p, "en")
    assert "In which month of 2025 was your company founded?" in elig.follow_up_questions([crit_en], p, "en")


def test_a_digitalisation_loan_of_two_million_and_up_is_not_offered_for_a_small_project(real_engine):
    from matcher.api import match
    text = ("Offsetdruckerei in Lichtenberg, 22 Mitarbeiter. Wir wollen auf Digitaldruck umstellen: Digitaldruckmaschine "
            "plus Web-to-Print-Portal, zusammen ca. {sum}. Bestellt ist noch nichts. Welche Förderkredite gibt es?")
    small = match(text.format(sum="650.000 €"), top_k=10, engine=real_engine)
    assert small.profile.project_eur == 650_000
    assert "Volumen: 650.000 EUR" in small.answer  # what the minimum was judged on is shown in the profile line
    assert "berlin-mittelstand-4-0" not in [h.id for h in small.programmes]
    hit = next(h for h in small.hidden_ineligible if h.id == "berlin-mittelstand-4-0")
    assert any(c.rule == "amount_min" and c.verdict == "violated" and "Sie nennen 650.000 EUR" in c.reason
               for c in hit.criteria)
    large = match(text.format(sum="2,5 Mio. €"), top_k=10, engine=real_engine)
    assert large.profile.project_eur == 2_500_000
    assert "berlin-mittelstand-4-0" in [h.id for h in large.programmes]


def test_exist_research_transfer_is_for_a_team_or_its_young_company_not_an_older_spin_off(real_engine):
    from matcher.api import match
    old = match("Wir sind eine Berliner GmbH seit 2017, Ausgründung eines Fraunhofer-Instituts, 21 Mitarbeitende, und "
                "wollen mit der TU Berlin eine kompostierbare Beschichtung entwickeln.", top_k=10, engine=real_engine)
    assert "exist-forschungstransfer" not in [h.id for h in old.programmes]
    hit = next(h for h in old.hidden_ineligible if h.id == "exist-forschungstransfer")
    assert any(c.rule == "company_age" and c.verdict == "violated" for c in hit.criteria)
    team = match("Wir sind drei Wissenschaftler an der TU Berlin und wollen unsere Sensortechnologie ausgründen; "
                 "gegründet ist noch nichts.", top_k=10, engine=real_engine)
    assert "exist-forschungstransfer" in [h.id for h in team.programmes]


def test_the_location_in_a_reason_is_shown_as_a_place_name_not_as_a_lower_case_label():
    teltow = CompanyProfile(org_type="company", location="brandenburg", in_berlin=False, in_germany=True)
    assert verdict(prog(location="germany"), teltow, "location")[1].endswith("– Sitz in Deutschland (Brandenburg)")
    assert verdict(prog(location="berlin"), teltow, "location")[1].endswith("– Ihr Standort: Brandenburg")
    ffm = CompanyProfile(org_type="company", location="frankfurt am main", in_berlin=False, in_germany=True)
    c = next(c for c in elig.check(prog(location="germany"), ffm, lang="en") if c.rule == "location")
    assert c.reason.endswith("– based in Germany (Frankfurt am Main)")


def test_a_takeover_asks_who_takes_over_instead_of_ruling_out_an_old_firm():
    berlin_start = shipped("berlin-start")
    handover = CompanyProfile(org_type="company", in_berlin=True, employees=16, founded_year=1996, age_years=30.0,
                              stage="established", needs=["succession", "financing"])
    v, reason = verdict(berlin_start, handover, "company_age")
    assert v == "unknown" and "Übernahme" in reason
    # the same old firm asking for growth money is too old for a programme up to seven years
    growth = handover.model_copy(update={"needs": ["investment", "financing"]})
    assert verdict(berlin_start, growth, "company_age")[0] == "violated"


def test_a_company_of_a_group_is_asked_for_the_group_s_size_not_assumed_to_be_an_sme():
    group = {"linked_group": True}
    sub = CompanyProfile(org_type="company", employees=80, size_class="medium", facts=group)
    # an SME programme without a headcount rule: the target group is open, with the group question
    v, reason = verdict(prog(), sub, "sme_target")
    assert v == "unknown" and "Unternehmensgruppe" in reason
    crit = elig.check(prog(), sub)
    assert any("Unternehmensgruppe insgesamt" in (c.question or "") for c in crit)
    assert elig.overall(crit) == "uncertain" and elig.overall_for_ranking(crit) == "eligible"
    assert "Unternehmensgruppe insgesamt" in " ".join(elig.follow_up_questions([crit], sub, "de"))
    # a headcount limit the company's own staff meets: met by its own count, open for the group
    crit = elig.check(prog(max_employees=249), sub)
    assert [c.verdict for c in crit if c.rule == "employees"] == ["fulfilled"]
    assert [c.verdict for c in crit if c.rule == "sme_target"] == ["unknown"]
    # a group already known to be large, or an independent company, gets no question
    large = CompanyProfile(org_type="company", employees=4500, size_class="large", facts=group)
    assert verdict(prog(), large, "sme_target")[0] == "violated"
    assert not any(c.rule == "sme_target" for c in elig.check(prog(max_employees=249), large))
    alone = CompanyProfile(org_type="company", employees=80, size_class="medium", facts={"linked_group": False})
    assert verdict(prog(), alone, "sme_target")[0] == "fulfilled"
    en = elig.check(prog(), sub, "en")
    assert any("group" in c.reason and c.verdict == "unknown" for c in en)
