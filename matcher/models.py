"""Pydantic models: the single definition of the corpus schema and of match results.

Records loaded from YAML use ``extra="forbid"`` so a typo in a field name is an error,
not a silently ignored key.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Level = Literal["berlin", "bund", "eu"]
Instrument = Literal[
    "grant", "loan", "equity", "guarantee", "tax_credit", "advice", "network", "training",
    "prize", "scholarship",
]
# the instruments that are money (a "money programme" offers at least one); the rest are support offers
MONEY_INSTRUMENTS = frozenset({"grant", "loan", "equity", "guarantee", "tax_credit", "scholarship", "prize"})
Status = Literal["rolling", "open", "call-based", "planned", "closed"]
TargetGroup = Literal["kmu", "large", "startup", "founders", "research", "individuals", "any"]
Applicant = Literal["company", "research", "founder_team", "individual", "association"]
Need = Literal[
    "rnd",                # R&D / innovation project
    "investment",         # machines, buildings, production capacity
    "skills",             # hiring, training, apprenticeships, skilled workers
    "internationalisation",  # export, trade fairs, foreign markets
    "energy_resources",   # energy efficiency, decarbonisation, resource efficiency, circularity
    "founding",           # starting a company, pre-seed, first years
    "financing",          # general financing, working capital, growth capital
    "advice",             # consulting, coaching, funding advice
    "partners",           # networks, cooperation partners, matchmaking, transfer
    "digitalisation",     # digital transformation, IT security, AI adoption
    "succession",         # business succession
]
LocationRule = Literal["berlin", "berlin_brandenburg", "germany", "eu", "any"]
PartnerRule = Literal["none", "research", "company", "consortium"]
PreFounding = Literal["no", "allowed", "only"]
FieldOfAction = Literal["innovation", "kompetenzen", "rahmenbedingungen", "kommunikation_vernetzung"]
ProjectStatus = Literal["running", "completed"]
ActorKind = Literal["network", "advice", "contact_point", "place", "association", "cluster", "agency"]

INSTRUMENT_LABELS_DE: dict[str, str] = {
    "grant": "Zuschuss", "loan": "Darlehen", "equity": "Beteiligung", "guarantee": "Bürgschaft",
    "tax_credit": "Steuerliche Förderung", "advice": "Beratung", "network": "Netzwerk",
    "training": "Qualifizierung", "prize": "Preis/Wettbewerb", "scholarship": "Stipendium",
}
INSTRUMENT_LABELS_EN: dict[str, str] = {
    "grant": "grant", "loan": "loan", "equity": "equity", "guarantee": "guarantee",
    "tax_credit": "tax credit", "advice": "advice", "network": "network", "training": "training",
    "prize": "prize", "scholarship": "scholarship",
}
LEVEL_LABELS_DE = {"berlin": "Berlin", "bund": "Bund", "eu": "EU"}
LEVEL_LABELS_EN = {"berlin": "Berlin", "bund": "Federal", "eu": "EU"}
STATUS_LABELS_DE = {
    "rolling": "laufend", "open": "offen", "call-based": "Aufrufe/Stichtage", "planned": "geplant",
    "closed": "geschlossen",
}
STATUS_LABELS_EN = {
    "rolling": "rolling", "open": "open", "call-based": "calls/deadlines", "planned": "planned",
    "closed": "closed",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


SourceKind = Literal["official", "legal", "secondary", "report"]
# The machine-checkable facts of a programme; a source names the ones it states (``supports``).
ProvenanceField = Literal[
    "applicants", "max_employees", "min_employees", "max_turnover_eur", "max_company_age_years",
    "min_company_age_years", "pre_founding", "location", "partner", "amount", "funding_rate", "status",
    "deadline", "call_dates", "aid_basis", "apply_before_start", "combination", "conditions",
]
CHECKABLE_FIELDS: tuple[str, ...] = (
    "max_employees", "min_employees", "max_turnover_eur", "max_company_age_years", "min_company_age_years",
    "location", "partner", "amount", "funding_rate", "status", "deadline",
)
SOURCE_KIND_LABELS_DE = {"official": "offizielle Seite", "legal": "Rechtstext/Richtlinie",
                         "secondary": "Sekundärquelle", "report": "MPI-Monitoringbericht"}
SOURCE_KIND_LABELS_EN = {"official": "official page", "legal": "legal text/guideline",
                         "secondary": "secondary source", "report": "MPI monitoring report"}


class Source(_Strict):
    """Where a fact comes from: a web page (url) or a section of a document (the seed report).

    ``kind``: official (the provider's own page), legal (guideline, law, official journal), report
    (the MPI monitoring report) or secondary (chamber, consultancy, press, blog: a lead, not proof).
    ``published``: the date the page itself states (published or last updated), if it states one.
    ``supports``: the machine-checkable fields of the record that this source states.
    """

    title: str = Field(min_length=3)
    url: str | None = None
    section: str | None = None
    kind: SourceKind | None = None
    published: dt.date | None = None
    supports: list[ProvenanceField] = []

    @property
    def is_primary(self) -> bool:
        return self.kind in ("official", "legal", "report")

    def is_one_of(self, sources: list[Source]) -> bool:
        """Whether this source is one of ``sources`` (same url; same title for a report section)."""
        return any((o.url and o.url == self.url) or (not o.url and o.title == self.title) for o in sources)

    @field_validator("url")
    @classmethod
    def _http_url(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith(("https://", "http://")):
            raise ValueError("url must start with https:// (or http://)")
        return v

    @model_validator(mode="after")
    def _url_or_section(self) -> Source:
        if not self.url and not self.section:
            raise ValueError("a source needs a url or a section of a named document")
        return self


class FactCheck(_Strict):
    """One deciding yes/no condition, e.g. ``fact: supraregional_sales, required: true`` for GRW."""

    fact: str = Field(pattern=r"^[a-z][a-z0-9_]{2,60}$")
    required: bool = True          # the value the fact must have for the company to be eligible
    only_for: list[Literal["kmu", "large", "startup"]] = []  # empty: applies to every applicant
    # few companies meet it, and one that does would normally say so (a plant in emissions trading, a
    # master craftsman's certificate, a university spin-off): left open, it counts against the rank
    selective: bool = False
    text_de: str = Field(min_length=10)
    text_en: str = Field(min_length=10)
    question_de: str = Field(min_length=10)
    question_en: str = Field(min_length=10)


class Eligibility(_Strict):
    """Machine-checkable eligibility rules. ``None`` means: no such restriction."""

    applicants: list[Applicant] = Field(min_length=1)
    max_employees: int | None = Field(default=None, ge=1)
    min_employees: int | None = Field(default=None, ge=0)
    max_turnover_eur: int | None = Field(default=None, ge=1)
    max_company_age_years: float | None = Field(default=None, gt=0)
    min_company_age_years: float | None = Field(default=None, ge=0)
    pre_founding: PreFounding = "no"
    location: LocationRule = "any"
    partner: PartnerRule = "none"
    # Conditions a person must check (not machine-decidable), shown as open points.
    conditions_de: list[str] = []
    conditions_en: list[str] = []
    # Deciding conditions beyond the numeric rules: each names a yes/no fact about the company.
    # The profile reader answers known facts; an unknown one becomes a follow-up question and makes
    # the verdict "uncertain", so no deciding condition is ever silently passed.
    checks: list[FactCheck] = []

    @property
    def selective_facts(self) -> set[str]:
        """The facts of ``checks`` marked ``selective`` (left open, they lower the rank verdict)."""
        return {fc.fact for fc in self.checks if fc.selective}


class FundedExample(_Strict):
    """A project the programme really funded, in our own words, with where it is reported."""

    company: str = Field(min_length=2)
    project_de: str = Field(min_length=20)
    project_en: str | None = None
    year: int | None = Field(default=None, ge=1990, le=2100)
    location: str | None = None
    source: Source


class TypicalProject(_Strict):
    """One kind of project the programme funds, written in an applicant's words (no real company)."""

    de: str = Field(min_length=20)
    en: str = Field(min_length=20)


class TypicalProjects(_Strict):
    """What the programme funds, as typical applicants would describe their project, from the programme's
    own statement of what it funds (``source``). ``read`` says whether that page itself was read
    (``stored_page``) or only the record's verified text (``record_only``)."""

    source: Source
    read: Literal["stored_page", "record_only"]
    items: list[TypicalProject] = Field(min_length=1, max_length=8)

    def cites_one_of(self, sources: list[Source]) -> bool:
        """Whether ``source`` is one of the record's own sources (same url; same title for a report section)."""
        return self.source.is_one_of(sources)


class FirstChoice(_Strict):
    """A need for which a consultant names this programme first (for the given groups)."""

    need: Need
    groups: list[TargetGroup] = []     # empty: any applicant the rules admit
    # the role holds only when the company also states one of these needs (a programme for technology
    # start-ups is no consultant's first answer for a café's founding: ``[rnd]``); empty: no such condition
    with_needs: list[Need] = []
    # the role holds only when the company's project touches one of these topics (a hydrogen partnership is the
    # first answer for hydrogen R&D, not for every R&D project); empty: any topic
    topics: list[str] = []
    # ... and only when the text states each of these yes/no facts (``matcher.facts``; an EU partnership's call
    # needs a consortium, an industrial decarbonisation programme a manufacturing company); empty: no such condition
    with_facts: list[str] = []
    reason_de: str = Field(min_length=10)
    reason_en: str = Field(min_length=10)
    source: Source


AidBasis = Literal["de_minimis", "agvo", "other", "none"]
CombinationKind = Literal["excluded", "excluded_same_costs", "allowed", "allowed_with_limit"]


class CombinationRule(_Strict):
    """What the programme may or may not be combined with: another programme id or a class of aid
    (``any_grant``, ``any_state_aid``, ``de_minimis``, ``public_loan``)."""

    other: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{1,80}$")
    rule: CombinationKind
    text_de: str = Field(min_length=10)
    text_en: str | None = None
    source: Source


class Amount(_Strict):
    min_eur: int | None = Field(default=None, ge=0)
    max_eur: int | None = Field(default=None, ge=0)
    # the programme finances nothing smaller than ``min_eur`` (a loan "mindestens jedoch 2 Mio. EUR", a minimum
    # investment): a smaller project the company names rules it out. A usual size ("in der Regel ab") is no floor.
    min_is_floor: bool = False
    text_de: str
    text_en: str | None = None


class Programme(_Strict):
    """One funding programme or support offer of the Fördertableau."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,80}$")
    name: str = Field(min_length=3)
    provider: str
    level: Level
    instruments: list[Instrument] = Field(min_length=1)
    target_groups: list[TargetGroup] = Field(min_length=1)
    eligibility: Eligibility
    needs: list[Need] = Field(min_length=1)
    topics: list[str] = Field(min_length=1)
    amount: Amount | None = None
    funding_rate: str | None = None
    funding_rate_max_pct: float | None = Field(default=None, ge=0, le=100)
    status: Status
    deadline: dt.date | None = None
    deadline_text: str | None = None
    call_dates: list[dt.date] = []
    summary_de: str = Field(min_length=40)
    summary_en: str = Field(min_length=40)
    keywords: list[str] = []
    sources: list[Source] = Field(min_length=1)
    as_of: dt.date                      # when this file was last written
    verified_on: dt.date | None = None  # when its facts were last checked against an official source
    verification_note_de: str | None = None  # e.g. "keine offizielle Seite gefunden", shown to the user
    verification_note_en: str | None = None
    examples: list[FundedExample] = []
    typical_projects: TypicalProjects | None = None
    first_choice: list[FirstChoice] = []
    aid_basis: AidBasis | None = None
    apply_before_start: bool | None = None
    combination: list[CombinationRule] = []
    # an umbrella fund with no application of its own (EFRE, InvestEU): the programmes through which companies
    # reach it; it is ranked after every open programme one can apply to directly
    apply_via: list[str] = []
    # an advice offer about one level's funding (the NCP SME and EEN advise on EU programmes): a wish for that
    # level ("join a Horizon Europe consortium") counts for the offer as for that level's programmes
    advises_on_levels: list[Level] = []
    # the programme is open only to companies of its fields (``topics``): Medienboard's games funding takes game
    # developers, Musicboard's label funding music labels. For a company of another field it meets no need
    field_only: bool = False

    kind: Literal["programme"] = "programme"


class ProjectPhase(_Strict):
    period: str
    status: ProjectStatus
    note: str | None = None


class FirstContact(_Strict):
    """The fields for which a consultant sends a Berlin company to this project or contact first: its own
    mandate as the central contact point for them, in its own or the monitoring report's words (``source``)."""

    topics: list[str] = []
    # the programme levels it advises on as first contact: a company asking for EU funding goes to the EEN
    levels: list[Level] = []
    # the company needs it is the first contact for, however the company names the field: a plant replacing its
    # compressors needs energy efficiency advice even when no energy topic word is written
    needs: list[Need] = []
    # yes/no facts of the profile (``CompanyProfile.facts``) that make it the first contact: a company moving to
    # Berlin goes to the state's business-development agency first
    facts: list[str] = []
    # the kinds of organisation it is the first contact for: associations and research institutions that want to
    # propose a project go to the masterplan's office
    org_types: list[OrgType] = []
    # the parts of Berlin and business sites for whose companies it is the first contact (a technology park's
    # management for the companies on its site), as the gazetteer names them
    places: list[str] = []
    reason_de: str = Field(min_length=10)
    reason_en: str = Field(min_length=10)
    # the reason shown to a company based outside Germany, where the contact's mandate reads differently (the EEN:
    # the company's own country's EEN is its first contact and reaches Berlin partners through this one)
    reason_abroad_de: str | None = Field(default=None, min_length=10)
    reason_abroad_en: str | None = Field(default=None, min_length=10)
    source: Source

    @model_validator(mode="after")
    def _abroad_in_both_languages(self) -> FirstContact:
        if (self.reason_abroad_de is None) != (self.reason_abroad_en is None):
            raise ValueError("first_contact: give reason_abroad_de and reason_abroad_en together")
        return self

    @model_validator(mode="after")
    def _names_a_field(self) -> FirstContact:
        if not (self.topics or self.levels or self.needs or self.facts or self.org_types or self.places):
            raise ValueError("first_contact needs topics, levels, needs, facts, org_types or places: for what is this "
                             "the first contact?")
        return self


class _EcosystemRecord(_Strict):
    """Fields shared by MPI projects and actors: what they are, offer, and where it is written."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{1,80}$")
    topics: list[str] = Field(min_length=1)
    summary_de: str = Field(min_length=30)
    summary_en: str = Field(min_length=30)
    offer_de: str = Field(min_length=10)
    offer_en: str = Field(min_length=10)
    contact: str | None = None
    related_programmes: list[str] = []
    # the same real offer as another record (an MPI project that is also an actor or a programme):
    # shown once, under the first of them that ranks
    same_as: list[str] = []
    keywords: list[str] = []
    sources: list[Source] = Field(min_length=1)
    as_of: dt.date
    # requests a consultant would send here, in the company's words (from the record's own source)
    typical_projects: TypicalProjects | None = None
    # the fields for which this is the consultant's first contact in Berlin (e.g. the KEK for energy efficiency); one
    # role per mandate, each with its own reason and source (Berlin Partner: companies moving here, and partners in
    # Berlin research and industry). A single mapping in the YAML is one role.
    first_contact: list[FirstContact] = []

    @field_validator("first_contact", mode="before")
    @classmethod
    def _one_or_more_roles(cls, v):
        if v is None:
            return []
        return v if isinstance(v, list) else [v]


class Project(_EcosystemRecord):
    """One MPI project from the monitoring report's overview tables."""

    name: str = Field(min_length=3)
    status: ProjectStatus
    phases: list[ProjectPhase] = []
    fields_of_action: list[FieldOfAction] = Field(min_length=1)
    funding_source: str | None = None
    partners: list[str] = []

    kind: Literal["project"] = "project"


class Actor(_EcosystemRecord):
    """A network, advice offer, contact point or place of the Berlin industry ecosystem."""

    name: str = Field(min_length=2)
    actor_kind: ActorKind
    needs: list[Need] = []
    for_whom_de: str
    for_whom_en: str

    kind: Literal["actor"] = "actor"


Record = Programme | Project | Actor


class Topic(_Strict):
    """A topic of the controlled vocabulary with the words that signal it in free text."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label_de: str
    label_en: str
    # Lower-case word stems; a stem matches any word that contains it (German compounds).
    keywords: list[str] = []
    # Topics this one implies (e.g. recycling -> circular-economy).
    broader: list[str] = []


class Corpus(BaseModel):
    """All validated records, in a stable order (kind, then id)."""

    programmes: list[Programme]
    projects: list[Project]
    actors: list[Actor]
    topics: list[Topic]
    content_hash: str

    def records(self) -> list[Record]:
        return [*self.programmes, *self.projects, *self.actors]

    def by_id(self) -> dict[str, Record]:
        return {r.id: r for r in self.records()}


# ---------------------------------------------------------------- company profile

SizeClass = Literal["micro", "small", "medium", "large"]
Stage = Literal["pre_founding", "startup", "established"]
OrgType = Literal["company", "research", "individual", "association"]
Verdict = Literal["fulfilled", "unknown", "violated"]
Overall = Literal["eligible", "uncertain", "ineligible"]


class CompanyProfile(BaseModel):
    """What we know about the asking company. ``None`` means: not stated."""

    model_config = ConfigDict(extra="forbid")

    lang: Literal["de", "en"] = "de"
    org_type: OrgType | None = None
    employees: int | None = Field(default=None, ge=0)
    turnover_eur: int | None = Field(default=None, ge=0)
    # the largest project, investment or financing sum the text names ("Maschine für 80.000 €", "Kredit über 1,2 Mio.")
    project_eur: int | None = Field(default=None, ge=0)
    founded_year: int | None = None
    age_years: float | None = Field(default=None, ge=0)
    # the youngest and oldest the company can be when only the founding year is stated ("gegründet 2025": between
    # 11 and 23 months on 2 December 2026); an age limit inside it is asked, not decided on ``age_years``
    age_range: tuple[float, float] | None = None
    stage: Stage | None = None
    size_class: SizeClass | None = None
    location: str | None = None  # "berlin", "brandenburg", "germany", "abroad", or a city name
    in_berlin: bool | None = None
    in_germany: bool | None = None
    # the parts of Berlin and business sites where the company sits or plans its site ("Adlershof", "Spandau")
    places: list[str] = []
    sector: list[str] = []
    topics: list[str] = []
    needs: list[Need] = []
    instruments_wished: list[Instrument] = []
    # forms of money the writer rules out ("we don't want investors", "lieber ein Darlehen als Zuschüsse"):
    # a programme that offers only these ranks like one that offers none of the wished forms
    instruments_unwanted: list[Instrument] = []
    levels_wished: list[Level] = []  # "Welche EU-Programme passen?": the levels the writer asks for
    # the writer wants only these levels ("We're only interested in EU funding", "nur Bundesprogramme"): the
    # programme list keeps the wished levels and the advice offers for them
    levels_exclusive: bool = False
    has_research_partner: bool | None = None
    # Yes/no facts that programme ``eligibility.checks`` ask about (e.g. supraregional_sales).
    facts: dict[str, bool] = {}
    stated: list[str] = []  # names of fields taken from the text (the rest are derived or unknown)
    # deciding facts that two readers of the text (the rules and an LLM) read differently: left unknown, so the
    # programmes that depend on them ask instead of deciding ("org_type", "stage", "in_berlin", "founded_year")
    disputed: list[str] = []
    unsupported_language: str | None = None
    # De-minimis aid the company says it received in the last three years (EUR), e.g.
    # "wir haben letztes Jahr 80.000 EUR De-minimis bekommen"; checked by the plan's ceiling.
    de_minimis_received_eur: int | None = Field(default=None, ge=0)

    def is_kmu(self) -> bool | None:
        if self.size_class is None:
            return None
        return self.size_class != "large"


class Filters(BaseModel):
    """User filters on the programme list. Empty lists mean: no restriction."""

    model_config = ConfigDict(extra="forbid")

    levels: list[Level] = []
    instruments: list[Instrument] = []
    only_open: bool = False  # hide closed (and, after its deadline, passed) programmes


class Criterion(BaseModel):
    rule: str  # e.g. "max_employees", or "fact:supraregional_sales" for a record's own check
    verdict: Verdict
    reason: str
    question: str | None = None  # the follow-up question of a record's own check


class ProgrammeHit(BaseModel):
    """A ranked programme with everything the UI, CLI and evals show."""

    id: str
    name: str
    provider: str
    level: Level
    instruments: list[Instrument]
    score: float
    eligibility: Overall
    criteria: list[Criterion]
    reasons: list[str]
    status: Status
    effective_status: Status
    deadline: dt.date | None
    deadline_text: str | None
    amount: str | None
    funding_rate: str | None
    summary: str
    call_dates: list[dt.date] = []
    sources: list[Source]
    as_of: dt.date
    verified_on: dt.date | None = None
    verification_note: str | None = None
    why: dict[str, float] = {}

    @property
    def official(self) -> bool:
        """True when at least one source is the provider's page, a legal text or the MPI report."""
        return any(s.is_primary for s in self.sources)

    def secondary_only_fields(self) -> list[str]:
        """Checkable facts stated only by secondary sources (shown with a warning)."""
        primary = {f for s in self.sources if s.is_primary for f in s.supports}
        secondary = {f for s in self.sources if not s.is_primary for f in s.supports}
        return sorted(secondary - primary)


class ProjectHit(BaseModel):
    id: str
    name: str
    kind: Literal["project", "actor"]
    score: float
    why: str
    status: str | None = None
    offer: str
    contact: str | None = None
    sources: list[Source]
    as_of: dt.date


class Citation(BaseModel):
    n: int
    record_id: str
    title: str
    url: str | None
    section: str | None = None


class MatchResult(BaseModel):
    """The answer to one request: profile, ranked lists, questions and a cited answer."""

    id: str | None = None
    lang: Literal["de", "en"]
    intent: Literal["shortlist", "off_topic", "empty", "programme_question"] = "shortlist"
    profile: CompanyProfile
    programmes: list[ProgrammeHit]
    support: list[ProgrammeHit] = []  # advice, network and training offers beside the money lane
    hidden_ineligible: list[ProgrammeHit] = []
    projects: list[ProjectHit]
    questions: list[str]
    answer: str
    citations: list[Citation] = []
    message: str | None = None  # e.g. "no good match", "unsupported language"
    data_as_of: dt.date | None = None
    timings_ms: dict[str, float] = {}
    # intent "programme_question": the facts of the asked programmes (``matcher.programme_answer``)
    programme_answer: dict | None = None
    # intent "shortlist": the Förderfahrplan for the shortlist (``matcher.plan.build_plan``, as a dict)
    plan: dict | None = None

    @model_validator(mode="after")
    def _citations_point_at_shown_sources(self) -> MatchResult:
        """Every citation names a listed record and one of that record's own sources."""
        shown = {h.id: h.sources for h in [*self.programmes, *self.support, *self.projects]}
        for c in self.citations:
            if c.record_id not in shown:
                raise ValueError(f"citation [{c.n}] points at '{c.record_id}', which is not in the result")
            if not any(s.title == c.title and s.url == c.url for s in shown[c.record_id]):
                raise ValueError(f"citation [{c.n}] is not a source of '{c.record_id}'")
        return self

    def to_json_dict(self) -> dict:
        """The stable JSON contract of ``matcher match --json``."""

        def prog(h: ProgrammeHit) -> dict:
            return {
                "id": h.id, "name": h.name, "provider": h.provider, "level": h.level,
                "instruments": h.instruments, "score": round(h.score, 4),
                "eligibility": h.eligibility,
                "criteria": [c.model_dump(exclude_none=True) for c in h.criteria],
                "reasons": h.reasons, "status": h.effective_status,
                "deadline": h.deadline.isoformat() if h.deadline else None,
                "call_dates": [d.isoformat() for d in h.call_dates],
                "amount": h.amount, "funding_rate": h.funding_rate,
                "sources": [s.url or f"{s.title}, {s.section}" for s in h.sources],
                "source_kinds": [s.kind for s in h.sources],
                "official": h.official,
                "as_of": h.as_of.isoformat(),
                "verified_on": h.verified_on.isoformat() if h.verified_on else None,
                "verification_note": h.verification_note,
            }

        shown = {h.id for h in self.programmes}
        return {
            "id": self.id,
            "lang": self.lang,
            "intent": self.intent,
            "profile": self.profile.model_dump(mode="json"),
            "programmes": [prog(h) for h in self.programmes],
            "support": [prog(h) for h in self.support],
            # what the company cannot get, with the violated condition; not repeated when --show-ineligible
            # already lists it among the programmes
            "hidden_ineligible": [prog(h) for h in self.hidden_ineligible if h.id not in shown],
            "projects": [
                {"id": p.id, "name": p.name, "kind": p.kind, "score": round(p.score, 4), "why": p.why}
                for p in self.projects
            ],
            "questions": self.questions,
            "answer": self.answer,
            "citations": [c.model_dump() for c in self.citations],
            "message": self.message,
            "data_as_of": self.data_as_of.isoformat() if self.data_as_of else None,
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
            "programme_answer": self.programme_answer,
            "plan": self.plan,
        }
