"""Profile extraction from German and English free text."""

import datetime as dt
from pathlib import Path

import pytest

from matcher.corpus import load_topics
from matcher.models import CompanyProfile
from matcher.profile import extract_profile, merge_profiles, parse_number, size_class

TOPICS = load_topics(Path(__file__).resolve().parent.parent / "corpus", [])
TODAY = dt.date(2026, 11, 25)


def ex(text: str) -> CompanyProfile:
    return extract_profile(text, TOPICS, today=TODAY)


@pytest.mark.parametrize("s,value", [("2.000", 2000), ("1,5", 1.5), ("2,000", 2000), ("3.5", 3.5), ("40", 40), ("12.500", 12500)])
def test_parse_number_german_and_english_notation(s, value):
    assert parse_number(s) == value


@pytest.mark.parametrize("text,employees,size", [
    ("Wir recyceln Kunststoff, 40 MA, wollen mit der TU eine neue Sortieranlage entwickeln", 40, "small"),
    ("Maschinenbauer mit 2.000 MA in Spandau", 2000, "large"),
    ("Unser Team: 7 Mitarbeitende", 7, "micro"),
    ("We are a Berlin robotics company with 120 employees", 120, "medium"),
    ("Mittelständler, ca. 85 Beschäftigte", 85, "medium"),
    ("staff of 35, based in Berlin", 35, "small"),
    ("Wir haben übrigens 300 Mitarbeitende", 300, "large"),
    ("Belegschaft von 249 Personen", 249, "medium"),
])
def test_employees_and_size_class(text, employees, size):
    p = ex(text)
    assert p.employees == employees
    assert p.size_class == size
    assert "employees" in p.stated


@pytest.mark.parametrize("text,year,age", [
    ("Metallbau GmbH, gegr. 2019, Berlin", 2019, 7),
    ("founded in 2021, 12 people", 2021, 5),
    ("Wir sind seit 8 Monaten am Markt", None, pytest.approx(0.67, abs=0.01)),
    ("since 2010 in business", 2010, 16),
    ("Familienbetrieb seit 30 Jahren", None, 30),
])
def test_founding_year_and_age(text, year, age):
    p = ex(text)
    assert p.founded_year == year
    assert p.age_years == age


def test_young_company_is_startup_and_old_one_established():
    assert ex("Start-up, gegründet 2025, 4 MA").stage == "startup"
    assert ex("gegründet 1998, 60 Mitarbeitende").stage == "established"


@pytest.mark.parametrize("text", [
    "Wir sind drei Studierende der TU und wollen ein Start-up gründen",
    "We are a founding team, not yet incorporated, with a battery idea",
    "Ich plane die Gründung einer Firma für Recycling",
])
def test_pre_founding(text):
    p = ex(text)
    assert p.stage == "pre_founding"
    assert "founding" in p.needs


@pytest.mark.parametrize("text,in_berlin,loc", [
    ("Wir sitzen in Berlin-Adlershof", True, "berlin"),
    ("Firma aus Marzahn", True, "berlin"),
    ("Unternehmen aus München mit 50 MA", False, "münchen"),
    ("Betrieb in Potsdam", False, "brandenburg"),
    ("We are based in Vienna", False, "vienna"),
    ("Wir sind ein Unternehmen mit 50 MA", None, None),
])
def test_location(text, in_berlin, loc):
    p = ex(text)
    assert p.in_berlin is in_berlin
    assert p.location == loc


def test_research_institute_is_recognised():
    p = ex("Wir sind ein Forschungsinstitut der TU Berlin und suchen Industriepartner")
    assert p.org_type == "research"


@pytest.mark.parametrize("text,wanted,not_wanted", [
    ("Wir suchen einen Zuschuss, keinen Kredit", ["grant"], ["loan"]),
    ("Looking for a loan for new machines", ["loan"], ["grant"]),
    ("Wir suchen Investoren für unsere Seed-Runde", ["equity"], []),
])
def test_instruments_wished_and_negation(text, wanted, not_wanted):
    p = ex(text)
    for w in wanted:
        assert w in p.instruments_wished
    for w in not_wanted:
        assert w not in p.instruments_wished


def test_needs_and_topics_for_the_readme_case():
    p = ex("Wir recyceln Kunststoff, 40 MA, wollen mit der TU eine neue Sortieranlage entwickeln – was passt?")
    assert {"rnd", "partners"} <= set(p.needs)
    assert {"recycling", "circular-economy"} <= set(p.topics)
    assert p.has_research_partner is True
    assert p.lang == "de"


def test_english_is_detected():
    assert ex("We are a small company that wants to develop a new product").lang == "en"


def test_unsupported_language_is_flagged():
    p = ex("Nous sommes une entreprise de recyclage et nous cherchons une subvention pour notre projet")
    assert p.unsupported_language == "fr"


def test_merge_refines_size_and_keeps_the_rest():
    first = ex("Wir recyceln Kunststoff in Berlin, 40 MA, und wollen eine Anlage entwickeln")
    second = ex("Wir haben übrigens 300 Mitarbeitende")
    merged = merge_profiles(first, second)
    assert merged.employees == 300
    assert merged.size_class == "large"
    assert merged.in_berlin is True
    assert "recycling" in merged.topics


def test_size_class_uses_turnover_above_sme_limit():
    assert size_class(100, 80_000_000) == "large"
    assert size_class(None, None) is None


def test_turnover_in_german_notation():
    p = ex("60 MA, Umsatz 1,5 Mio. €")
    assert p.turnover_eur == 1_500_000


@pytest.mark.parametrize("text,age", [
    ("Start-up gegründet vor 8 Monaten in Berlin", pytest.approx(0.67, abs=0.01)),
    ("We founded the company 2 years ago", 2),
])
def test_age_from_founded_ago(text, age):
    assert ex(text).age_years == age


def test_developing_a_plant_is_rnd_not_investment():
    p = ex("Wir wollen eine neue Sortieranlage entwickeln")
    assert "rnd" in p.needs and "investment" not in p.needs
    assert "investment" in ex("Wir wollen neue Maschinen anschaffen").needs


@pytest.mark.parametrize("text,in_berlin,loc", [
    ("Berliner Medizintechnik-KMU, 60 MA, wollen nach USA exportieren", True, "berlin"),
    ("Wir liefern Kunden in Berlin, Firmensitz in München", False, "münchen"),
    ("Software company from Munich, 25 employees", False, "munich"),
])
def test_location_is_the_seat_not_a_target_market(text, in_berlin, loc):
    p = ex(text)
    assert (p.in_berlin, p.location) == (in_berlin, loc)


@pytest.mark.parametrize("text", [
    "Wir sind ein Fraunhofer-Institut in Berlin und suchen Förderung für ein Verbundprojekt mit KMU",
    "We are a Berlin university institute working on lightweight materials",
])
def test_research_institutions_by_name(text):
    assert ex(text).org_type == "research"


@pytest.mark.parametrize("text,field,value", [
    ("We're a 450-employee automotive supplier in Stuttgart", "employees", 450),
    ("Can I still apply? We're a 6-person CNC job shop in Wedding", "employees", 6),
    ("there are 4 of us now", "employees", 4),
    ("Startup für Wasserstof-Tankstellen, 12 Mitarbieter, Berlin", "employees", 12),
    ("I already incorporated my GmbH two years ago", "age_years", 2),
    ("we have been running a 3D printing farm for like 3 years", "age_years", 3),
    ("Familienunternehmen in dritter Generation, Berlin", "stage", "established"),
    ("Maschinenbauer, 120 MA, Spandau", "stage", "established"),
    ("Ich arbeite als Industriemechaniker und möchte meinen Meister machen", "org_type", "individual"),
])
def test_more_ways_of_saying_size_age_and_stage(text, field, value):
    assert getattr(ex(text), field) == value


def test_a_loan_for_five_years_is_not_the_company_age():
    assert ex("We need a loan for 5 years for new machines").age_years is None


def test_short_words_inside_longer_ones_are_not_needs():
    p = ex("Wir wollen unsere Verpackung auf Mehrweg umstellen, 35 MA, Berlin")
    assert "digitalisation" not in p.needs  # 'erp' inside 'Verpackung'
    assert "circular-economy" in p.topics
    assert "investment" not in ex("Maschinenbau-Firma, 40 MA, wir wurden gehackt").needs


def test_no_gmbh_yet_is_pre_founding():
    assert ex("KI-Start-up, 2 Gründer, noch keine GmbH, Berlin").stage == "pre_founding"
