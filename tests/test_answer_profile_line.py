"""The profile line of the answer (``answer.profile_summary``): what was understood, in the user's language."""

from matcher.answer import profile_summary
from matcher.models import CompanyProfile


def test_a_takeover_shows_the_founding_year_as_the_business_s():
    p = CompanyProfile(org_type="individual", stage="pre_founding", employees=9, founded_year=1994, in_berlin=True)
    de, en = profile_summary(p, "de", {}), profile_summary(p, "en", {})
    assert de.startswith("Gründungsvorhaben, 9 Mitarbeitende") and "Betrieb gegründet 1994" in de
    assert en.startswith("founding project, 9 employees") and "business founded 1994" in en


def test_a_running_company_shows_its_own_founding_year():
    p = CompanyProfile(org_type="company", stage="established", employees=40, founded_year=1998, in_berlin=True)
    line = profile_summary(p, "de", {})
    assert "gegründet 1998" in line and "Betrieb gegründet" not in line
