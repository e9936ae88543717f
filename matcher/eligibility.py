"""Per-criterion eligibility verdicts: each rule of a programme against the company profile.

Pure functions, no I/O. A verdict names the rule and the profile fact it was decided on.
Overall: any ``violated`` -> ineligible; else any ``unknown`` -> uncertain; else eligible.
"""

from __future__ import annotations

from .models import CompanyProfile, Criterion, Programme
from .world import in_eu, place_name

# Turnover per employee that a company rarely exceeds (German industry averages a few hundred thousand EUR): a
# turnover limit at least this many times the headcount is taken as met without asking
TURNOVER_PER_HEAD_BOUND = 1_000_000

_APPLICANT_DE = {
    "company": "Unternehmen", "research": "Forschungseinrichtungen/Hochschulen", "founder_team": "Gründungsteams",
    "individual": "Einzelpersonen", "association": "Verbände/Vereine",
}
_APPLICANT_EN = {
    "company": "companies", "research": "research institutions/universities", "founder_team": "founding teams",
    "individual": "individuals", "association": "associations",
}
_ROLE_DE = {"company": "Unternehmen", "research": "Forschungseinrichtung/Hochschule", "founder_team": "Gründungsteam",
            "individual": "Einzelperson", "association": "Verband/Verein"}
_ROLE_EN = {"company": "a company", "research": "a research institution", "founder_team": "a founding team",
            "individual": "an individual", "association": "an association"}
_LOC_DE = {"berlin": "Sitz oder Betriebsstätte in Berlin", "berlin_brandenburg": "Sitz in Berlin oder Brandenburg",
           "germany": "Sitz oder Betriebsstätte in Deutschland", "eu": "Sitz in der EU (oder assoziiertem Land)"}
_LOC_EN = {"berlin": "seat or establishment in Berlin", "berlin_brandenburg": "seat in Berlin or Brandenburg",
           "germany": "seat or establishment in Germany", "eu": "seat in the EU (or an associated country)"}


def _fmt_int(n: float, lang: str) -> str:
    s = f"{int(n):,}"
    return s.replace(",", ".") if lang == "de" else s


def fmt_eur(n: float, lang: str) -> str:
    """80.000 EUR, 1,2 Mio. EUR / EUR 80,000, EUR 1.2 million."""
    if n >= 1_000_000:
        v = f"{n / 1e6:.1f}".removesuffix(".0")
        return f"{v.replace('.', ',')} Mio. EUR" if lang == "de" else f"EUR {v} million"
    return f"{_fmt_int(n, 'de')} EUR" if lang == "de" else f"EUR {_fmt_int(n, 'en')}"


def _fmt_years(y: float, lang: str) -> str:
    if y < 1:
        m = round(y * 12)
        return f"{m} Monate" if lang == "de" else f"{m} months"
    v = f"{y:g}".replace(".", ",") if lang == "de" else f"{y:g}"
    return f"{v} Jahre" if lang == "de" else f"{v} years"


def _outside(value: float, lo: float | None, hi: float | None) -> bool:
    """True when ``value`` lies below ``lo`` or above ``hi`` (``None`` = no bound)."""
    return (hi is not None and value > hi) or (lo is not None and value < lo)


def founded_first(prog: Programme, p: CompanyProfile) -> bool:
    """A programme for founders that the new company applies for (GründungsBONUS: up to 12 months after
    founding): a team that has not founded yet is an applicant to come, not an ineligible one."""
    return p.stage == "pre_founding" and prog.eligibility.pre_founding == "no" and "founders" in prog.target_groups


def maybe_unregistered(p: CompanyProfile) -> bool:
    """A start-up that gives no sign of a registered company: no founding year or age, no turnover, at most five
    people, no legal form said of itself ("Wir sind ein Startup-Team von der TU, 3 Leute"). It may still be a team
    before founding, so the programmes only for that time are asked about, not ruled out."""
    return (p.stage == "startup" and p.org_type == "company" and p.age_years is None and p.founded_year is None
            and p.turnover_eur is None and (p.employees is None or p.employees <= 5)
            and p.facts.get("company_registered") is not True)


def applicant_roles(p: CompanyProfile) -> list[str]:
    """The roles in which the company may apply. Researchers planning a spin-off apply both as a founder team
    and through their research institution (EXIST-Forschungstransfer, VIP+, EIC Transition); a person founding
    alone applies as an individual; a start-up with no sign of a registered company as a company or, if it has
    not founded yet, as a founder team."""
    if p.stage == "pre_founding":
        if p.org_type == "research":
            return ["founder_team", "research"]
        # someone founding alone ("alleine") is one person, not a team
        return ["individual"] if p.facts.get("founding_team") is False else ["founder_team"]
    if maybe_unregistered(p):
        return ["company", "founder_team"]
    return [p.org_type] if p.org_type else []


def staff_apply(prog: Programme, p: CompanyProfile) -> bool:
    """A programme that funds people's own further training (only individuals apply, its main need is skills, such
    as the Aufstiegs-BAföG for a master craftsman's course) reaches an established company through its employees:
    they apply themselves, whatever the company is."""
    return (p.org_type == "company" and p.stage != "pre_founding" and set(prog.eligibility.applicants) <= {"individual"}
            and prog.needs[:1] == ["skills"])


def _may_apply(role: str, applicants: list[str]) -> bool:
    return (role in applicants or (role == "individual" and "founder_team" in applicants)
            or (role == "founder_team" and "individual" in applicants))


def check(prog: Programme, p: CompanyProfile, lang: str = "de") -> list[Criterion]:
    """Every machine-checkable rule of ``prog`` against ``p``."""
    de = lang == "de"
    el = prog.eligibility
    out: list[Criterion] = []

    def add(rule: str, verdict: str, text_de: str, text_en: str, question: str | None = None) -> None:
        out.append(Criterion(rule=rule, verdict=verdict, reason=text_de if de else text_en, question=question))

    # who may apply
    roles = applicant_roles(p)
    allowed_de = ", ".join(_APPLICANT_DE[a] for a in el.applicants)
    allowed_en = ", ".join(_APPLICANT_EN[a] for a in el.applicants)
    # a spin-off team applying through its institution, where research institutions are the main applicants
    # (VIP+, EIC Pathfinder and Transition); company programmes that also admit research partners are not
    # a pre-founding team's answer
    as_research = "research" in roles and el.applicants[:1] == ["research"]
    if not roles:
        add("applicants", "unknown", f"Antragsberechtigt: {allowed_de} – Art der Organisation nicht genannt",
            f"Eligible applicants: {allowed_en} – type of organisation not stated")
    else:
        # a spin-off team counts as its institution only where that institution is the main applicant; otherwise
        # it would read "you are: research institution" beside "requires an existing company"
        fitting = [r for r in roles if _may_apply(r, el.applicants)
                   and (r != "research" or p.stage != "pre_founding" or as_research)]
        ok = bool(fitting)
        role = fitting[0] if fitting else roles[0]
        rd, re_ = (_ROLE_DE.get(role, role), _ROLE_EN.get(role, role))
        if role == "founder_team" and p.org_type == "individual" and p.facts.get("founding_team") is not True:
            # one person writing "ich" may found alone or with others: not "you are: a founding team"
            rd, re_ = "Gründerin oder Gründer vor der Gründung", "a founder before founding"
        if ok and role == "founder_team" and maybe_unregistered(p):
            # a start-up that may not have registered yet applies as a founder team only if it has not
            add("applicants", "unknown", f"Antragsberechtigt: {allowed_de} – nur, wenn Sie noch nicht gegründet haben",
                f"Eligible applicants: {allowed_en} – only if you have not founded a company yet")
        elif not ok and staff_apply(prog, p):
            add("applicants", "unknown",
                f"Antragsberechtigt: {allowed_de} – nicht Ihr Unternehmen, aber Ihre Beschäftigten beantragen die Förderung "
                "selbst, wenn sie eine solche Fortbildung machen",
                f"Eligible applicants: {allowed_en} – not your company, but your employees apply for it themselves when "
                "they take such a course")
        elif not ok and founded_first(prog, p):
            add("applicants", "unknown", f"Antragsberechtigt: {allowed_de} – nach Ihrer Gründung",
                f"Eligible applicants: {allowed_en} – once you have founded")
        else:
            add("applicants", "fulfilled" if ok else "violated",
                f"Antragsberechtigt: {allowed_de} – Sie sind: {rd}",
                f"Eligible applicants: {allowed_en} – you are: {re_}")

    # start-up programmes: target groups only start-ups/founders
    if set(prog.target_groups) <= {"startup", "founders"} and el.pre_founding != "only":
        if p.stage == "established":
            add("target_group", "violated", "Zielgruppe: Gründende und junge Unternehmen – Ihr Unternehmen ist etabliert",
                "Target group: founders and young companies – your company is established")
        elif p.stage in ("startup", "pre_founding"):
            add("target_group", "fulfilled", "Zielgruppe: Gründende und junge Unternehmen – trifft zu",
                "Target group: founders and young companies – applies")
        elif el.max_company_age_years is None:
            add("target_group", "unknown", "Zielgruppe: Gründende und junge Unternehmen – Alter Ihres Unternehmens nicht genannt",
                "Target group: founders and young companies – age of your company not stated")

    # SME programmes whose rules give no headcount: the target groups say "no large companies"
    if el.max_employees is None and not {"large", "any", "research", "individuals"} & set(prog.target_groups) \
            and "kmu" in prog.target_groups and p.org_type != "research" and p.stage != "pre_founding":
        if p.size_class == "large":
            add("sme_target", "violated", "Zielgruppe: kleine und mittlere Unternehmen (KMU) – Sie sind ein Großunternehmen",
                "Target group: small and medium-sized enterprises – you are a large company")
        elif p.size_class is not None and p.facts.get("linked_group"):
            add("sme_target", "unknown", *_LINKED_GROUP_TEXT, question=_LINKED_GROUP_QUESTION[0 if de else 1])
        elif p.size_class is not None:
            add("sme_target", "fulfilled", "Zielgruppe: KMU – trifft zu", "Target group: SMEs – applies")
        else:
            add("sme_target", "unknown", "Zielgruppe: KMU – Unternehmensgröße nicht genannt",
                "Target group: SMEs – company size not stated")

    # programmes for companies beyond the SME limits (KfW großer Mittelstand): an SME uses the SME programme
    if set(prog.target_groups) == {"large"} and p.org_type != "research":
        if p.size_class in ("micro", "small", "medium"):
            add("sme_excluded", "violated",
                "Zielgruppe: Unternehmen jenseits der KMU-Grenzen – Sie sind nach Ihren Angaben ein KMU "
                "(es sei denn, Sie gehören zu einer größeren Unternehmensgruppe)",
                "Target group: companies above the SME limits – by what you state you are an SME "
                "(unless you belong to a larger group)")
        elif p.size_class == "large":
            add("sme_excluded", "fulfilled", "Zielgruppe: Unternehmen jenseits der KMU-Grenzen – trifft zu",
                "Target group: companies above the SME limits – applies")
        else:
            add("sme_excluded", "unknown", "Zielgruppe: Unternehmen jenseits der KMU-Grenzen – Unternehmensgröße nicht genannt",
                "Target group: companies above the SME limits – company size not stated")

    # founding stage
    if el.pre_founding == "only":
        if p.stage == "pre_founding":
            add("pre_founding", "fulfilled", "Nur vor der Gründung – Sie haben noch nicht gegründet",
                "Only before founding – you have not founded yet")
        elif p.org_type == "research" and p.stage is None:
            # a research institution that names no spin-off plan: no company exists, but no founding team either
            add("pre_founding", "violated", "Nur für Teams vor einer Gründung – Sie nennen kein Gründungsvorhaben",
                "Only for teams about to found a company – you mention no plan to found one")
        elif maybe_unregistered(p):
            add("pre_founding", "unknown", "Nur vor der Gründung – ob Ihr Unternehmen schon gegründet ist, nennen Sie nicht",
                "Only before founding – you do not say whether your company is registered yet",
                "Haben Sie Ihr Unternehmen schon gegründet (eingetragen)?" if de
                else "Have you already registered your company?")
        elif p.stage in ("startup", "established") or (p.org_type == "company" and p.stage is None):
            add("pre_founding", "violated", "Nur für Vorhaben vor der Gründung – Ihr Unternehmen besteht bereits",
                "Only before a company is founded – your company already exists")
        else:
            add("pre_founding", "unknown", "Nur vor der Gründung – Gründungsstand nicht genannt",
                "Only before founding – founding status not stated")
    elif founded_first(prog, p):
        # a founders' programme that needs the company to exist: a matter of timing, not a bar
        add("pre_founding", "unknown", "Antrag erst nach der Gründung möglich – Sie haben noch nicht gegründet",
            "You can apply only once the company is founded – you have not founded yet",
            "Wann wollen Sie Ihr Unternehmen gründen?" if de else "When do you plan to found your company?")
    elif el.pre_founding == "no" and p.stage == "pre_founding" and not as_research:
        add("pre_founding", "violated", "Setzt ein bestehendes Unternehmen voraus – Sie haben noch nicht gegründet",
            "Requires an existing company – you have not founded yet")

    # headcount and turnover
    if el.max_employees is not None or el.min_employees is not None:
        lim_de = (f"max. {_fmt_int(el.max_employees, 'de')} Beschäftigte" if el.max_employees is not None
                  else f"mind. {_fmt_int(el.min_employees, 'de')} Beschäftigte")
        lim_en = (f"max. {_fmt_int(el.max_employees, 'en')} employees" if el.max_employees is not None
                  else f"at least {_fmt_int(el.min_employees, 'en')} employees")
        if p.employees is not None:
            bad = _outside(p.employees, el.min_employees, el.max_employees)
            add("employees", "violated" if bad else "fulfilled",
                f"{lim_de} – Sie nennen {_fmt_int(p.employees, 'de')}",
                f"{lim_en} – you state {_fmt_int(p.employees, 'en')}")
            if not bad and p.facts.get("linked_group") and el.max_employees is not None:
                add("sme_target", "unknown", *_LINKED_GROUP_TEXT, question=_LINKED_GROUP_QUESTION[0 if de else 1])
        elif p.stage == "pre_founding" and el.max_employees is not None:
            add("employees", "fulfilled", f"{lim_de} – vor der Gründung erfüllt", f"{lim_en} – met before founding")
        elif p.size_class == "large" and el.max_employees is not None and el.max_employees < 250:
            add("employees", "violated", f"{lim_de} – Sie beschreiben ein Großunternehmen",
                f"{lim_en} – you describe a large company")
        elif p.size_class in ("micro", "small") and el.max_employees is not None and el.max_employees >= 249:
            add("employees", "fulfilled", f"{lim_de} – Sie beschreiben sich als KMU", f"{lim_en} – you describe an SME")
        else:
            add("employees", "unknown", f"{lim_de} – Beschäftigtenzahl nicht genannt",
                f"{lim_en} – number of employees not stated")
    if el.max_turnover_eur is not None:
        lim_de = f"max. {_fmt_int(el.max_turnover_eur / 1e6, 'de')} Mio. EUR Jahresumsatz"
        lim_en = f"max. EUR {_fmt_int(el.max_turnover_eur / 1e6, 'en')} million turnover"
        if p.turnover_eur is not None:
            bad = p.turnover_eur > el.max_turnover_eur
            add("turnover", "violated" if bad else "fulfilled",
                f"{lim_de} – Sie nennen {p.turnover_eur / 1e6:.1f} Mio. EUR".replace(".", ","),
                f"{lim_en} – you state EUR {p.turnover_eur / 1e6:.1f} million")
        elif p.employees is not None and p.employees < 50 or p.stage == "pre_founding":
            pass  # small firms are far below SME turnover limits; asking would be noise
        elif p.employees is not None and p.employees * TURNOVER_PER_HEAD_BOUND <= el.max_turnover_eur:
            pass  # far below a high limit (150 staff and a 500 million limit): asking would be noise as well
        else:
            add("turnover", "unknown", f"{lim_de} – Umsatz nicht genannt", f"{lim_en} – turnover not stated")

    # company age
    if el.max_company_age_years is not None or el.min_company_age_years is not None:
        parts_de, parts_en = [], []
        if el.max_company_age_years is not None:
            parts_de.append(f"höchstens {_fmt_years(el.max_company_age_years, 'de')} alt")
            parts_en.append(f"at most {_fmt_years(el.max_company_age_years, 'en')} old")
        if el.min_company_age_years is not None:
            parts_de.append(f"mindestens {_fmt_years(el.min_company_age_years, 'de')} am Markt")
            parts_en.append(f"at least {_fmt_years(el.min_company_age_years, 'en')} in business")
        lim_de, lim_en = "Unternehmen " + " und ".join(parts_de), "Company " + " and ".join(parts_en)
        if p.stage == "pre_founding":
            ok = el.min_company_age_years in (None, 0) and (el.pre_founding != "no" or founded_first(prog, p))
            add("company_age", "fulfilled" if ok else "violated", f"{lim_de} – Sie gründen erst",
                f"{lim_en} – you are only founding now")
        elif ("succession" in p.needs[:2] and "succession" in prog.needs and el.max_company_age_years is not None
              and p.age_years is not None and _outside(p.age_years, None, el.max_company_age_years)):
            # a firm handed over: a takeover by a successor counts as a founding, whatever the firm's age; a firm
            # buying another is not one, so it is asked
            add("company_age", "unknown",
                f"{lim_de} – bei einer Übernahme zählt die Gründung durch die Nachfolge, nicht das Alter des Betriebs",
                f"{lim_en} – for a takeover the successor's start counts, not the age of the business",
                "Übernimmt eine Person als Nachfolgerin oder Nachfolger den Betrieb (nicht ein anderes Unternehmen)?" if de
                else "Is the business taken over by a person as successor (not by another company)?")
        elif p.age_range is not None and p.founded_year is not None and (
                _outside(p.age_range[0], el.min_company_age_years, el.max_company_age_years)
                != _outside(p.age_range[1], el.min_company_age_years, el.max_company_age_years)):
            # "gegründet 2025": the month decides whether the limit is met, so it is asked
            add("company_age", "unknown", f"{lim_de} – gegründet {p.founded_year}, der Monat entscheidet",
                f"{lim_en} – founded in {p.founded_year}, the month decides",
                f"In welchem Monat {p.founded_year} wurde Ihr Unternehmen gegründet?" if de
                else f"In which month of {p.founded_year} was your company founded?")
        elif p.age_years is not None:
            bad = _outside(p.age_years, el.min_company_age_years, el.max_company_age_years)
            add("company_age", "violated" if bad else "fulfilled",
                f"{lim_de} – Ihr Unternehmen ist ca. {_fmt_years(p.age_years, 'de')} alt",
                f"{lim_en} – your company is about {_fmt_years(p.age_years, 'en')} old")
        elif p.stage == "established" and el.max_company_age_years is not None and el.max_company_age_years <= 3:
            add("company_age", "violated", f"{lim_de} – Sie beschreiben ein etabliertes Unternehmen",
                f"{lim_en} – you describe an established company")
        else:
            add("company_age", "unknown", f"{lim_de} – Gründungsjahr nicht genannt",
                f"{lim_en} – founding year not stated")

    # a programme's floor ("Darlehen mindestens 2 Mio. EUR", "Mindestinvestition 10.000 EUR") against the largest sum
    # the company names; an unnamed sum is asked
    if prog.amount and prog.amount.min_is_floor and prog.amount.min_eur:
        lo = prog.amount.min_eur
        lim_de, lim_en = f"Mindestbetrag {fmt_eur(lo, 'de')}", f"minimum amount {fmt_eur(lo, 'en')}"
        if p.project_eur is None:
            add("amount_min", "unknown", f"{lim_de} – Volumen Ihres Vorhabens nicht genannt",
                f"{lim_en} – size of your project not stated")
        else:
            add("amount_min", "violated" if p.project_eur < lo else "fulfilled",
                f"{lim_de} – Sie nennen {fmt_eur(p.project_eur, 'de')}",
                f"{lim_en} – you state {fmt_eur(p.project_eur, 'en')}")
    elif prog.amount and prog.amount.min_eur and p.project_eur is not None and p.project_eur < prog.amount.min_eur / 2:
        # a usual size, no floor ("Darlehen in der Regel ab 100.000 EUR"): a project under half of it is an open point
        # for the bank or the fund, not a bar; it is not asked, the card says it
        add("amount_usual", "unknown",
            f"Üblich ab {fmt_eur(prog.amount.min_eur, 'de')} – Sie nennen {fmt_eur(p.project_eur, 'de')}",
            f"Usually from {fmt_eur(prog.amount.min_eur, 'en')} – you state {fmt_eur(p.project_eur, 'en')}")

    # location
    if el.location != "any":
        need_de, need_en = _LOC_DE[el.location], _LOC_EN[el.location]
        verdict, fact_de, fact_en = _location_verdict(el.location, p, prog.needs)
        add("location", verdict, f"{need_de} – {fact_de}", f"{need_en} – {fact_en}")

    # partner
    if el.partner == "research":
        if p.org_type == "research":
            add("partner", "fulfilled", "Forschungspartner nötig – Sie sind selbst eine Forschungseinrichtung",
                "Research partner required – you are a research institution")
        elif p.has_research_partner is True:
            add("partner", "fulfilled", "Forschungspartner nötig – Sie nennen eine Forschungskooperation",
                "Research partner required – you mention a research partner")
        else:
            add("partner", "unknown" if p.has_research_partner is None else "violated",
                "Kooperation mit einer Forschungseinrichtung nötig – noch kein Partner genannt",
                "Cooperation with a research institution required – no partner mentioned yet")
    elif el.partner == "consortium":
        if (p.facts or {}).get("consortium"):
            add("partner", "fulfilled", "Nur im Verbund/Konsortium – Sie nennen einen Verbund mit Partnern",
                "Only as part of a consortium – you mention a consortium with partners")
        else:
            add("partner", "unknown", "Nur im Verbund/Konsortium mit weiteren Partnern beantragbar",
                "Only as part of a consortium with further partners",
                "Sind Sie Teil eines Verbunds oder Konsortiums mit weiteren Partnern – oder suchen Sie noch welche?" if de
                else "Are you part of a consortium with further partners – or still looking for them?")
    elif el.partner == "company" and p.org_type == "research":
        add("partner", "unknown", "Nur gemeinsam mit einem Unternehmen als Partner",
            "Only together with a company as partner")

    # deciding yes/no conditions of the record (eligibility.checks): answered from the profile's
    # facts, otherwise asked; never silently passed
    for fc in el.checks:
        applies = check_applies(fc.only_for, p)
        if applies is False:
            continue
        value = p.facts.get(fc.fact)
        if value is None or applies is None:
            add(f"fact:{fc.fact}", "unknown", f"{fc.text_de} – noch offen", f"{fc.text_en} – not stated yet",
                fc.question_de if de else fc.question_en)
        elif value == fc.required:
            add(f"fact:{fc.fact}", "fulfilled", f"{fc.text_de} – trifft laut Ihrer Beschreibung zu",
                f"{fc.text_en} – applies according to your description")
        else:
            add(f"fact:{fc.fact}", "violated", f"{fc.text_de} – trifft laut Ihrer Beschreibung nicht zu",
                f"{fc.text_en} – does not apply according to your description")
    return out


def check_applies(only_for: list[str], p: CompanyProfile) -> bool | None:
    """Whether a condition limited to some applicants (``only_for``) concerns this company.

    ``None``: unknown (e.g. a condition for large companies when the size is not stated)."""
    if not only_for:
        return True
    facts = {"large": p.size_class == "large" if p.size_class else None,
             "kmu": p.size_class != "large" if p.size_class else None,
             "startup": p.stage in ("startup", "pre_founding") if p.stage else None}
    values = [facts[g] for g in only_for]
    if any(v is True for v in values):
        return True
    if all(v is False for v in values):
        return False
    return None


def _location_verdict(rule: str, p: CompanyProfile, prog_needs: list[str] = ()) -> tuple[str, str, str]:
    loc = p.location or ""
    name_de, name_en = place_name(loc, "de"), place_name(loc, "en")
    if (rule == "berlin" and p.in_berlin and p.facts.get("project_outside_berlin")
            and "investment" in p.needs and "investment" in prog_needs[:2]):
        # a Berlin company investing in a hall elsewhere: a Land's investment programme funds sites in the Land
        return ("violated", "Sitz in Berlin, aber die Investition ist außerhalb Berlins geplant (gefördert wird nur "
                "eine Berliner Betriebsstätte)", "based in Berlin, but the investment is planned outside Berlin (only a "
                "Berlin establishment is funded)")
    if p.in_berlin is True:
        return "fulfilled", "Sitz in Berlin", "based in Berlin"
    if rule == "berlin_brandenburg" and loc == "brandenburg":
        return "fulfilled", "Sitz in Brandenburg", "based in Brandenburg"
    if rule in ("germany", "eu") and p.in_germany is True:
        return "fulfilled", f"Sitz in Deutschland ({name_de or 'genannt'})", f"based in Germany ({name_en or 'stated'})"
    if rule == "eu" and p.in_germany is False and loc:
        member = in_eu(loc)
        if member:
            return "fulfilled", f"Sitz in der EU ({name_de})", f"based in the EU ({name_en})"
        if member is False:
            return ("unknown", f"Standort {name_de}: kein EU-Mitglied – prüfen, ob das Land assoziiert ist",
                    f"location {name_en}: not an EU member – check whether the country is associated")
        return "unknown", f"Standort {name_de} – EU-Zugehörigkeit prüfen", f"location {name_en} – check EU membership"
    if rule in ("berlin", "berlin_brandenburg") and p.facts.get("planned_berlin_site"):
        return ("fulfilled", "geplanter Standort in Berlin (gefördert wird die Berliner Betriebsstätte)",
                "planned site in Berlin (funding is for the Berlin establishment)")
    if p.in_berlin is False:
        if rule in ("berlin", "berlin_brandenburg"):
            return "violated", f"Ihr Standort: {name_de or 'nicht Berlin'}", f"your location: {name_en or 'not Berlin'}"
        if p.in_germany is False:
            return "violated", f"Ihr Standort: {name_de or 'nicht Deutschland'}", f"your location: {name_en or 'not Germany'}"
    return "unknown", "Standort nicht genannt", "location not stated"


def overall(criteria: list[Criterion]) -> str:
    verdicts = {c.verdict for c in criteria}
    if "violated" in verdicts:
        return "ineligible"
    if "unknown" in verdicts:
        return "uncertain"
    return "eligible"


def overall_for_ranking(criteria: list[Criterion], selective: frozenset[str] | set[str] = frozenset()) -> str:
    """The verdict for scoring: an open question does not make a programme rank below one whose record simply lists
    fewer conditions. That holds for a yes/no question of a record's own ``checks`` (e.g. "project not started yet"),
    unless the condition is ``selective`` (few meet it, and those say so), and for a size or age limit the company
    did not state (``ASKED_NOT_COUNTED``): most records of SME programmes name such a limit, some do not, and the
    company that left out its headcount is no less likely to meet it. A violated condition still makes it
    ineligible; the card still shows the open questions.

    (Measured 2026-12-02: leaving the size and age limits out moved dev recall@5 / nDCG@10 0.900 / 0.718 -> 0.902 /
    0.722; the locked part 0.779 / 0.656 -> 0.787 / 0.659, real companies 0.826 / 0.644 -> 0.826 / 0.655.)"""
    return overall([c for c in criteria
                    if not (c.verdict == "unknown" and (
                        (c.rule.startswith("fact:") and c.rule[5:] not in selective) or c.rule in ASKED_NOT_COUNTED))])


# a company of a group (or with subsidiaries): the EU SME definition counts the linked enterprises, so its own headcount
# does not settle an SME limit; asked, not assumed (``facts.linked_group``)
_LINKED_GROUP_TEXT = ("Größe offen – Sie gehören zu einer Unternehmensgruppe; für die Größengrenzen zählen Beschäftigte "
                      "und Umsatz verbundener Unternehmen mit (EU-KMU-Definition)",
                      "Size open – you belong to a group; the size limits count the staff and turnover of linked "
                      "enterprises (EU SME definition)")
_LINKED_GROUP_QUESTION = ("Wie viele Beschäftigte und welchen Jahresumsatz hat Ihre Unternehmensgruppe insgesamt "
                          "(Mutter- und Tochterunternehmen zusammen)?",
                          "How many employees and what annual turnover does your group have in total (parent and "
                          "subsidiaries together)?")

# size and age limits and a minimum amount the company did not state: asked on the card, not counted against the
# programme's rank
ASKED_NOT_COUNTED = frozenset({"employees", "turnover", "sme_target", "sme_excluded", "company_age", "amount_min"})


QUESTIONS = {
    "applicants": ("Sind Sie ein Unternehmen, eine Forschungseinrichtung oder ein Gründungsteam vor der Gründung?",
                   "Are you a company, a research institution or a founding team that has not founded yet?"),
    "pre_founding": ("Ist Ihr Unternehmen schon gegründet – und wenn ja, wann?",
                     "Has your company been founded yet – and if so, when?"),
    "employees": ("Wie viele Mitarbeitende hat Ihr Unternehmen?", "How many employees does your company have?"),
    "turnover": ("Wie hoch ist Ihr Jahresumsatz (ungefähr)?", "What is your annual turnover (roughly)?"),
    "sme_target": ("Wie viele Mitarbeitende hat Ihr Unternehmen?", "How many employees does your company have?"),
    "sme_excluded": ("Wie viele Mitarbeitende und welchen Jahresumsatz hat Ihr Unternehmen (mit Unternehmensgruppe)?",
                     "How many employees and what annual turnover does your company have (including its group)?"),
    "target_group": ("In welchem Jahr wurde Ihr Unternehmen gegründet?", "In which year was your company founded?"),
    "company_age": ("In welchem Jahr wurde Ihr Unternehmen gegründet?", "In which year was your company founded?"),
    "location": ("Wo hat Ihr Unternehmen seinen Sitz oder eine Betriebsstätte – in Berlin?",
                 "Where is your company based – do you have a site in Berlin?"),
    "amount_min": ("Wie hoch ist das Volumen Ihres Vorhabens (Investitions- oder Finanzierungssumme, ungefähr)?",
                   "How large is your project (investment or financing sum, roughly)?"),
    "partner": ("Planen Sie das Vorhaben mit einer Hochschule oder Forschungseinrichtung als Partner?",
                "Do you plan the project with a university or research institution as partner?"),
}


def follow_up_questions(criteria_lists: list[list[Criterion]], profile: CompanyProfile, lang: str,
                        limit: int = 4) -> list[str]:
    """The questions whose answers decide the shown programmes, most frequent first. One question per fact:
    records word their check differently ("Hat Ihr FuE-Vorhaben bereits begonnen?", "Hat Ihr Vorhaben bereits
    begonnen?"), the first shown programme's wording is asked."""
    i = 0 if lang == "de" else 1
    counts: dict[str, int] = {}
    texts: dict[str, str] = {}
    rules: dict[str, str] = {}
    for crits in criteria_lists:
        for c in crits:
            if c.verdict != "unknown":
                continue
            if c.question:  # the criterion's own question (a record's check, the consortium rule)
                q = c.question
            elif c.rule in QUESTIONS:
                q = QUESTIONS[c.rule][i]
            else:
                continue
            key = c.rule if c.rule.startswith("fact:") else q
            counts[key] = counts.get(key, 0) + 1
            texts.setdefault(key, q)
            rules.setdefault(key, c.rule)
    qs = [texts[k] for k, _n in sorted(counts.items(), key=lambda kv: (-kv[1], rules[kv[0]]))]
    qs = list(dict.fromkeys(qs))
    if not set(profile.needs) - {"advice"}:
        # no project named (at most a wish for orientation): what it is about decides everything else, so it comes first
        qs.insert(0, "Was genau möchten Sie finanzieren oder erreichen (z. B. Entwicklung, Investition, Personal)?"
                  if i == 0 else "What exactly do you want to finance or achieve (e.g. development, investment, staff)?")
    return qs[:limit]


def basic_questions(lang: str, profile: CompanyProfile | None = None) -> list[str]:
    """Who, where and how old: the first questions, those of them that ``profile`` (what earlier turns of a
    consultation told) does not answer yet."""
    p = profile or CompanyProfile()
    known = {"employees": p.employees is not None, "location": p.in_berlin is not None or p.location is not None,
             "company_age": p.age_years is not None or p.founded_year is not None or p.stage == "pre_founding"}
    return [QUESTIONS[r][0 if lang == "de" else 1] for r in ("employees", "location", "company_age") if not known[r]]
