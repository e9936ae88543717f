"""The Förderfahrplan: which shortlisted programmes can run together for one project, in which order,
with which deadlines, and how much de-minimis aid that adds up to. Pure functions over records.

    plan = build_plan(profile, [prog_a, prog_b, ...], today)    # programmes in shortlist order
    plan.exclusions      # pairs whose rules exclude each other, each with the rule and its source
    plan.programmes      # the ids that go together (never two that exclude each other)
    plan.order           # advice -> applications before the project start -> other grants -> loans -> tax credits
    plan.timeline        # deadlines and cut-off dates within twelve months (data for a picture)
    plan.de_minimis      # planned + already received de-minimis aid against EUR 300,000 in three years

Combination rules are data (``Programme.combination``): a rule names another programme id or a class
(``any_grant``, ``any_state_aid``, ``de_minimis``, ``public_loan``). For one pair, each side's most
specific rule counts (an id beats a class); of the two sides the stricter rule decides. A pair without
any rule is ``unknown``: it may run together, but the same costs may not be funded twice.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from .models import MONEY_INSTRUMENTS, CombinationRule, CompanyProfile, Programme, Source
from .staleness import effective_status

DE_MINIMIS_CEILING_EUR = 300_000
DE_MINIMIS_YEARS = 3
DE_MINIMIS_SOURCE = Source(
    title="Verordnung (EU) 2023/2831 der Kommission über De-minimis-Beihilfen, Art. 3 Abs. 2",
    url="https://eur-lex.europa.eu/eli/reg/2023/2831/oj", kind="legal", published=dt.date(2023, 12, 15),
)
RULE_CLASSES = ("any_grant", "any_state_aid", "de_minimis", "public_loan")
STRICTNESS = {"excluded": 3, "excluded_same_costs": 2, "allowed_with_limit": 1, "allowed": 0}
_SUPPORT = {"advice", "network", "training"}

Phase = Literal["advice", "before_start", "grants", "loans", "tax_credit"]
PHASES: tuple[str, ...] = ("advice", "before_start", "grants", "loans", "tax_credit")
PHASE_LABELS = {
    "advice": ("Beratung zuerst", "Advice first"),
    "before_start": ("Vor Projektbeginn beantragen", "Apply before the project starts"),
    "grants": ("Zuschüsse und Aufrufe zu ihren Fristen", "Grants and calls by their deadlines"),
    "loans": ("Darlehen, Bürgschaften und Beteiligungen", "Loans, guarantees and equity"),
    "tax_credit": ("Steuerliche Förderung (während/nach dem Projekt)", "Tax credits (during/after the project)"),
}
RULE_LABELS = {
    "excluded": ("schließen sich aus", "exclude each other"),
    "excluded_same_costs": ("zusammen möglich, aber nicht für dieselben Kosten", "together, but not for the same costs"),
    "allowed_with_limit": ("kombinierbar bis zur Höchstgrenze", "combinable up to the ceiling"),
    "allowed": ("kombinierbar", "combinable"),
    "unknown": ("keine Regel in den Daten – dieselben Kosten nicht doppelt fördern lassen",
                "no rule in the data – do not fund the same costs twice"),
}


class PairRule(BaseModel):
    """What two programmes' rules say about running them together for the same project."""

    a: str
    b: str
    rule: Literal["excluded", "excluded_same_costs", "allowed_with_limit", "allowed", "unknown"]
    decided_by: str | None = None   # the programme whose rule decides
    about: str | None = None        # the rule's ``other`` (a programme id or a class)
    text: str | None = None
    source: Source | None = None


class LeftOut(BaseModel):
    """A shortlisted programme that is not in the plan, and why."""

    id: str
    name: str
    reason: Literal["excluded", "closed", "ineligible", "project_started"]
    by: str | None = None           # the plan programme it is excluded by
    text: str
    source: Source | None = None


class PlanStep(BaseModel):
    n: int
    phase: Phase
    programme_id: str
    name: str
    when: str
    apply_before_start: bool | None = None
    next_date: dt.date | None = None


class TimelineEvent(BaseModel):
    date: dt.date
    kind: Literal["deadline", "cutoff"]
    label: str


class TimelineRow(BaseModel):
    programme_id: str
    name: str
    phase: Phase
    status: str
    rolling: bool                   # can be applied for at any time in the window
    events: list[TimelineEvent] = []


class Timeline(BaseModel):
    start: dt.date
    end: dt.date
    rows: list[TimelineRow]


class DeMinimisItem(BaseModel):
    programme_id: str
    name: str
    max_eur: int | None             # None: the aid value is not a fixed sum (e.g. a loan's grant equivalent)
    over_ceiling: bool = False


class DeMinimisCheck(BaseModel):
    ceiling_eur: int = DE_MINIMIS_CEILING_EUR
    years: int = DE_MINIMIS_YEARS
    items: list[DeMinimisItem] = []
    planned_eur: int = 0            # sum of the known maxima of de-minimis programmes in the plan
    received_eur: int | None = None  # what the company says it already received (None: not stated)
    total_eur: int = 0
    remaining_eur: int = DE_MINIMIS_CEILING_EUR
    exceeds: bool = False
    note: str = ""
    source: Source = DE_MINIMIS_SOURCE


class Plan(BaseModel):
    lang: Literal["de", "en"] = "de"
    programmes: list[str]
    combinations: list[PairRule]
    exclusions: list[PairRule]
    left_out: list[LeftOut]
    order: list[PlanStep]
    timeline: Timeline
    de_minimis: DeMinimisCheck
    notes: list[str] = []


# ---------------------------------------------------------------- rules


def is_state_aid(p: Programme) -> bool:
    """Aid to an undertaking: de minimis, AGVO or another aid basis; unknown basis counts for money instruments."""
    if p.aid_basis is not None:
        return p.aid_basis != "none"
    return bool(set(p.instruments) & MONEY_INSTRUMENTS)


def rule_matches(other: str, target: Programme) -> int:
    """How specifically a rule's ``other`` names ``target``: 2 by id, 1 by class, 0 not at all."""
    if other == target.id:
        return 2
    if other == "any_grant":
        return int(bool({"grant", "prize", "scholarship"} & set(target.instruments)) and target.instruments[0] != "loan")
    if other == "any_state_aid":
        return int(is_state_aid(target))
    if other == "de_minimis":
        return int(target.aid_basis == "de_minimis")
    if other == "public_loan":
        return int("loan" in target.instruments)
    return 0


def _side(owner: Programme, target: Programme) -> tuple[int, CombinationRule | None]:
    """The most specific (then strictest) rule of ``owner`` about ``target``."""
    best: tuple[int, int, CombinationRule] | None = None
    for r in owner.combination:
        spec = rule_matches(r.other, target)
        if spec and (best is None or (spec, STRICTNESS[r.rule]) > best[:2]):
            best = (spec, STRICTNESS[r.rule], r)
    return (best[0], best[2]) if best else (0, None)


def pair_rule(a: Programme, b: Programme, lang: str = "de") -> PairRule:
    """What the rules of ``a`` and ``b`` say about combining them for the same project."""
    sides = []
    for owner, target in ((a, b), (b, a)):
        spec, r = _side(owner, target)
        if r is not None:
            sides.append((STRICTNESS[r.rule], spec, owner, r))
    if not sides:
        return PairRule(a=a.id, b=b.id, rule="unknown", text=RULE_LABELS["unknown"][0 if lang == "de" else 1])
    _s, _spec, owner, r = max(sides, key=lambda x: (x[0], x[1]))
    text = r.text_de if lang == "de" or not r.text_en else r.text_en
    return PairRule(a=a.id, b=b.id, rule=r.rule, decided_by=owner.id, about=r.other, text=text, source=r.source)


def excludes(a: Programme, b: Programme) -> bool:
    return pair_rule(a, b).rule == "excluded"


# ---------------------------------------------------------------- order and timeline


def phase_of(p: Programme) -> Phase:
    inst = set(p.instruments)
    if "advice" in inst and inst <= {"advice", "network", "training", "grant"}:
        return "advice"
    if inst <= _SUPPORT:
        return "advice"
    primary = p.instruments[0]
    if primary == "tax_credit":
        return "tax_credit"
    if primary in ("loan", "guarantee", "equity"):
        return "loans"
    return "before_start" if p.apply_before_start else "grants"


def upcoming_dates(p: Programme, today: dt.date, horizon: dt.date) -> list[tuple[dt.date, str]]:
    """(date, kind) of the programme's deadline and cut-off dates from today to ``horizon``."""
    out: dict[dt.date, str] = {}
    for d in p.call_dates:
        if today <= d <= horizon:
            out[d] = "cutoff"
    if p.deadline and today <= p.deadline <= horizon:
        out.setdefault(p.deadline, "deadline")
    return sorted(out.items())


def _fmt(d: dt.date, lang: str) -> str:
    return d.strftime("%d.%m.%Y") if lang == "de" else d.isoformat()


def _when(p: Programme, phase: str, next_date: dt.date | None, status: str, lang: str) -> str:
    de = lang == "de"
    parts = []
    if phase == "tax_credit":
        parts.append("Bescheinigung bei der BSFZ, dann Antrag beim Finanzamt – auch rückwirkend" if de
                     else "certificate from BSFZ, then claim at the tax office – also retroactively")
    elif p.apply_before_start:
        parts.append("Antrag vor Beginn des Vorhabens (vor Aufträgen und Verträgen)" if de
                     else "apply before the project starts (before orders and contracts)")
    if next_date:
        parts.append(f"{'nächster Termin' if de else 'next date'} {_fmt(next_date, lang)}")
    elif status == "planned":
        parts.append("angekündigt, noch nicht geöffnet" if de else "announced, not open yet")
    elif status in ("rolling", "open"):
        parts.append("laufend beantragbar" if de else "can be applied for at any time")
    elif status == "call-based":
        parts.append("nächster Aufruf noch nicht bekannt" if de else "next call not known yet")
    return "; ".join(parts)


# ---------------------------------------------------------------- de minimis


def de_minimis_check(progs: list[Programme], received: int | None, lang: str = "de") -> DeMinimisCheck:
    """Sum the de-minimis programmes of a plan (upper bounds) and the aid already received, against EUR 300,000."""
    de = lang == "de"
    items: list[DeMinimisItem] = []
    running = received or 0
    planned = 0
    for p in progs:
        if p.aid_basis != "de_minimis":
            continue
        grant_like = p.instruments[0] not in ("loan", "guarantee", "equity")
        amount = p.amount.max_eur if (p.amount and grant_like) else None
        item = DeMinimisItem(programme_id=p.id, name=p.name, max_eur=amount)
        if amount:
            planned += amount
            running += amount
            item.over_ceiling = running > DE_MINIMIS_CEILING_EUR
        items.append(item)
    total = planned + (received or 0)
    chk = DeMinimisCheck(items=items, planned_eur=planned, received_eur=received, total_eur=total,
                         remaining_eur=DE_MINIMIS_CEILING_EUR - total, exceeds=total > DE_MINIMIS_CEILING_EUR)
    notes = []
    if chk.exceeds:
        notes.append(f"Die Summe von {total:,} EUR überschreitet die De-minimis-Obergrenze von 300.000 EUR in drei Jahren; "
                     "Programme kürzen oder auf AGVO-Programme ausweichen.".replace(",", ".") if de else
                     f"The total of EUR {total:,} exceeds the de-minimis ceiling of EUR 300,000 in three years; "
                     "reduce amounts or use GBER programmes instead.")
    elif items:
        notes.append(f"De-minimis im Plan höchstens {planned:,} EUR; Spielraum bis zur Obergrenze: {chk.remaining_eur:,} EUR."
                     .replace(",", ".") if de else
                     f"De minimis in the plan at most EUR {planned:,}; room left under the ceiling: EUR {chk.remaining_eur:,}.")
    if received is None and items:
        notes.append("Bitte erfragen: De-minimis-Beihilfen der letzten drei Jahre (De-minimis-Erklärung)." if de else
                     "Please ask: de-minimis aid received in the last three years (de-minimis declaration).")
    if any(i.max_eur is None for i in items):
        notes.append("Bei Darlehen zählt nur der Subventionswert (Bruttosubventionsäquivalent), den der Förderer bescheinigt."
                     if de else "For loans only the grant equivalent counts, as certified by the lender.")
    chk.note = " ".join(notes)
    return chk


# ---------------------------------------------------------------- the plan


def build_plan(profile: CompanyProfile, programmes: list[Programme], today: dt.date,
               eligibility: dict[str, str] | None = None, lang: str | None = None,
               horizon_days: int = 365) -> Plan:
    """The Förderfahrplan for ``programmes`` (shortlist order: the better-ranked one wins a conflict).

    Args:
        profile: the company (``facts['project_not_started']`` and ``de_minimis_received_eur`` are used).
        programmes: the shortlisted programme records, best first.
        today: reference date for deadlines.
        eligibility: programme id -> 'eligible' | 'uncertain' | 'ineligible' (ineligible ones stay out).
        lang: 'de' or 'en' (default: the profile's).
    """
    lang = lang or profile.lang
    de = lang == "de"
    eligibility = eligibility or {}
    horizon = today + dt.timedelta(days=horizon_days)
    chosen: list[Programme] = []
    left: list[LeftOut] = []
    seen: set[str] = set()
    started = profile.facts.get("project_not_started") is False
    for p in programmes:
        if p.id in seen:
            continue
        seen.add(p.id)
        if eligibility.get(p.id) == "ineligible":
            left.append(LeftOut(id=p.id, name=p.name, reason="ineligible",
                                text="nicht förderfähig für dieses Profil" if de else "not eligible for this profile"))
            continue
        if effective_status(p, today) == "closed":
            left.append(LeftOut(id=p.id, name=p.name, reason="closed",
                                text="derzeit geschlossen" if de else "currently closed"))
            continue
        if started and p.apply_before_start:
            left.append(LeftOut(id=p.id, name=p.name, reason="project_started",
                                text="Antrag nur vor Vorhabensbeginn – Ihr Vorhaben hat schon begonnen" if de
                                else "apply only before the project starts – your project has already started"))
            continue
        conflict = next(((q, pr) for q in chosen if (pr := pair_rule(q, p, lang)).rule == "excluded"), None) \
            if not set(p.instruments) <= _SUPPORT else None
        if conflict:
            q, pr = conflict
            left.append(LeftOut(id=p.id, name=p.name, reason="excluded", by=q.id, text=pr.text or "", source=pr.source))
            continue
        chosen.append(p)

    considered = [p for p in programmes if p.id in {c.id for c in chosen} | {x.id for x in left if x.reason == "excluded"}]
    considered = [p for p in {p.id: p for p in considered}.values() if not set(p.instruments) <= _SUPPORT]
    combos, excl = [], []
    for i, a in enumerate(considered):
        for b in considered[i + 1:]:
            pr = pair_rule(a, b, lang)
            (excl if pr.rule == "excluded" else combos).append(pr)
    chosen_ids = {p.id for p in chosen}
    combos = [c for c in combos if c.a in chosen_ids and c.b in chosen_ids]

    # order: phase, then the next date, then shortlist rank
    rank = {p.id: i for i, p in enumerate(chosen)}
    rows, steps = [], []
    keyed = []
    for p in chosen:
        ph = phase_of(p)
        dates = upcoming_dates(p, today, horizon)
        keyed.append((PHASES.index(ph), dates[0][0] if dates else dt.date.max, rank[p.id], p, ph, dates))
    keyed.sort(key=lambda k: k[:3])
    for n, (_pi, _d, _r, p, ph, dates) in enumerate(keyed, start=1):
        status = effective_status(p, today)
        nxt = dates[0][0] if dates else None
        steps.append(PlanStep(n=n, phase=ph, programme_id=p.id, name=p.name, when=_when(p, ph, nxt, status, lang),
                              apply_before_start=p.apply_before_start, next_date=nxt))
        ev = [TimelineEvent(date=d, kind=k, label=("Stichtag" if k == "cutoff" else "Frist") if de
                            else ("cut-off" if k == "cutoff" else "deadline")) for d, k in dates]
        rows.append(TimelineRow(programme_id=p.id, name=p.name, phase=ph, status=status,
                                rolling=status in ("rolling", "open") and not p.deadline, events=ev))
    dm = de_minimis_check([p for _a, _b, _c, p, _e, _f in keyed], profile.de_minimis_received_eur, lang)
    notes = []
    if any(p.apply_before_start for p in chosen):
        notes.append("Erst beantragen, dann beginnen: Bei den markierten Programmen darf das Vorhaben erst nach dem "
                     "Antrag (teils erst nach Bewilligung) starten." if de else
                     "Apply first, start later: for the marked programmes the project may only start after the "
                     "application (some only after approval).")
    if any(c.rule in ("excluded_same_costs", "unknown") for c in combos):
        notes.append("Dieselben Kosten dürfen nicht doppelt gefördert werden: Kostenpositionen je Programm trennen." if de
                     else "The same costs must not be funded twice: assign each cost item to one programme.")
    return Plan(lang="de" if de else "en", programmes=[p.id for p in chosen], combinations=combos, exclusions=excl,
                left_out=left, order=steps, timeline=Timeline(start=today, end=horizon, rows=rows), de_minimis=dm,
                notes=notes)


def plan_is_consistent(plan: Plan, by_id: dict[str, Programme]) -> bool:
    """True when no two programmes of the plan exclude each other (the invariant the evaluation checks)."""
    ids = plan.programmes
    return not any(excludes(by_id[a], by_id[b]) for i, a in enumerate(ids) for b in ids[i + 1:])
