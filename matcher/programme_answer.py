"""Answer a question about named programmes from their records: what it funds, who may apply, amount
and rate, status and deadline, how and where to apply, contact, sources with dates and, with a known
profile, the verdict per criterion. Deterministic; every statement is cited with the record's sources.
"""

from __future__ import annotations

import datetime as dt

from .answer import ELIG_LABELS, source_lines
from .models import (
    INSTRUMENT_LABELS_DE,
    INSTRUMENT_LABELS_EN,
    LEVEL_LABELS_DE,
    LEVEL_LABELS_EN,
    SOURCE_KIND_LABELS_DE,
    SOURCE_KIND_LABELS_EN,
    STATUS_LABELS_DE,
    STATUS_LABELS_EN,
    Actor,
    Citation,
    CompanyProfile,
    Criterion,
    Programme,
)
from .plan import RULE_LABELS, pair_rule
from .staleness import effective_status

APPLICANT_LABELS = {
    "company": ("Unternehmen", "companies"), "research": ("Forschungseinrichtungen/Hochschulen", "research bodies/universities"),
    "founder_team": ("Gründungsteams vor der Gründung", "founding teams before incorporation"),
    "individual": ("Einzelpersonen", "individuals"), "association": ("Verbände/Vereine", "associations"),
}
AID_LABELS = {
    "de_minimis": ("De-minimis-Beihilfe (zählt zur Obergrenze von 300.000 EUR in drei Jahren)",
                   "de-minimis aid (counts towards the EUR 300,000 ceiling over three years)"),
    "agvo": ("Beihilfe nach AGVO (Allgemeine Gruppenfreistellungsverordnung)", "aid under the GBER (block exemption)"),
    "other": ("andere beihilferechtliche Grundlage", "another state-aid basis"),
    "none": ("keine Beihilfe an Unternehmen", "no state aid to undertakings"),
}


def _fmt(d: dt.date, lang: str) -> str:
    return d.strftime("%d.%m.%Y") if lang == "de" else d.isoformat()


def contacts_for(p: Programme, actors: list[Actor]) -> list[dict]:
    """Advice points and agencies of the corpus that name this programme (``related_programmes``)."""
    return [{"id": a.id, "name": a.name, "contact": a.contact} for a in actors if p.id in a.related_programmes][:3]


def apply_steps(p: Programme, today: dt.date, lang: str) -> list[str]:
    """How and where to apply, from the record: timing rule, dates, channel, page."""
    de = lang == "de"
    steps: list[str] = []
    if p.apply_before_start:
        steps.append("Antrag vor Vorhabensbeginn stellen: Das Vorhaben (Aufträge, Verträge) erst nach Antragseingang "
                     "bzw. Bewilligung beginnen." if de else
                     "Apply before the project starts: start the project (orders, contracts) only after the "
                     "application is received or approved.")
    elif p.apply_before_start is False:
        steps.append("Kein Antrag vor Projektbeginn nötig; auch für laufende oder abgeschlossene Vorhaben möglich." if de
                     else "No application before the project start needed; also possible for running or finished projects.")
    upcoming = sorted(d for d in {*p.call_dates, *([p.deadline] if p.deadline else [])} if d >= today)
    if upcoming:
        dates = ", ".join(_fmt(d, lang) for d in upcoming[:3])
        steps.append(f"{'Nächste Frist/Stichtage' if de else 'Next deadline/cut-off dates'}: {dates}.")
    if p.deadline_text:
        steps.append(p.deadline_text)
    steps.append(f"{'Zuständig' if de else 'Responsible'}: {p.provider}.")
    off = next((s for s in p.sources if s.kind == "official" and s.url), None)
    if off:
        steps.append(f"{'Antragsinfos' if de else 'How to apply'}: {off.url}")
    return steps


def programme_facts(p: Programme, today: dt.date, lang: str, criteria: list[Criterion] | None,
                    overall: str | None, actors: list[Actor]) -> dict:
    """Everything the answer states about one programme, as plain data (the JSON ``programme_answer``)."""
    de = lang == "de"
    i = 0 if de else 1
    amount = None
    if p.amount:
        amount = p.amount.text_de if de or not p.amount.text_en else p.amount.text_en
    who = [APPLICANT_LABELS[a][i] for a in p.eligibility.applicants]
    return {
        "id": p.id, "name": p.name, "provider": p.provider, "level": p.level, "instruments": p.instruments,
        "funds": p.summary_de if de else p.summary_en,
        "who": who,
        "conditions": p.eligibility.conditions_de if de else (p.eligibility.conditions_en or p.eligibility.conditions_de),
        "amount": amount, "max_eur": p.amount.max_eur if p.amount else None,
        "funding_rate": p.funding_rate, "funding_rate_max_pct": p.funding_rate_max_pct,
        "status": effective_status(p, today), "deadline": p.deadline.isoformat() if p.deadline else None,
        "deadline_text": p.deadline_text, "call_dates": [d.isoformat() for d in p.call_dates],
        "apply_before_start": p.apply_before_start, "apply_steps": apply_steps(p, today, lang),
        "aid_basis": p.aid_basis,
        "combination": [{"other": r.other, "rule": r.rule, "text": r.text_de if de or not r.text_en else r.text_en,
                         "source": r.source.url or r.source.title} for r in p.combination],
        "contacts": contacts_for(p, actors),
        "sources": [{"title": s.title, "url": s.url, "kind": s.kind, "published": s.published.isoformat() if s.published else None}
                    for s in p.sources],
        "as_of": p.as_of.isoformat(), "verified_on": p.verified_on.isoformat() if p.verified_on else None,
        "eligibility": overall,
        "criteria": [c.model_dump(exclude_none=True) for c in criteria] if criteria else [],
    }


def _profile_known(profile: CompanyProfile) -> bool:
    return any(f in profile.stated for f in ("employees", "location", "founded_year", "age_years", "org_type", "size_class"))


def compose_programme_answer(progs: list[Programme], aspects: list[str], profile: CompanyProfile, lang: str,
                             today: dt.date, criteria: dict[str, list[Criterion]], overall: dict[str, str],
                             actors: list[Actor], data_as_of: dt.date | None = None) -> tuple[str, list[Citation], dict]:
    """Markdown answer, its citations, and the ``programme_answer`` dict for ``progs``."""
    de = lang == "de"
    i = 0 if de else 1
    cites: list[Citation] = []

    def cite(pid: str, src) -> int:
        for c in cites:
            if c.record_id == pid and c.url == src.url and c.title == src.title:
                return c.n
        cites.append(Citation(n=len(cites) + 1, record_id=pid, title=src.title, url=src.url, section=src.section))
        return len(cites)

    def src_for(p: Programme, field: str) -> str:
        """[n] of the first primary source that states ``field``, else of the record's first source."""
        s = next((s for s in p.sources if field in s.supports and s.is_primary), None) or \
            next((s for s in p.sources if field in s.supports), None) or p.sources[0]
        return f"[{cite(p.id, s)}]"

    known = _profile_known(profile)
    facts = []
    lines: list[str] = []
    for p in progs:
        crit = criteria.get(p.id, []) if known else []
        f = programme_facts(p, today, lang, crit, overall.get(p.id) if known else None, actors)
        facts.append(f)
        level = (LEVEL_LABELS_DE if de else LEVEL_LABELS_EN)[p.level]
        instr = ", ".join((INSTRUMENT_LABELS_DE if de else INSTRUMENT_LABELS_EN)[x] for x in p.instruments)
        lines.append(f"### {p.name} ({level} · {instr}) {src_for(p, 'applicants')}")
        status = (STATUS_LABELS_DE if de else STATUS_LABELS_EN)[f["status"]]
        dl = ""
        if p.deadline:
            dl = f", {'Frist' if de else 'deadline'} {_fmt(p.deadline, lang)}"
        # the asked aspect first
        lead = []
        if "deadline" in aspects:
            lead.append(f"**Status:** {status}{dl} {src_for(p, 'deadline' if p.deadline else 'status')}")
        if "rate" in aspects and (f["amount"] or p.funding_rate):
            lead.append(f"**{'Höhe und Quote' if de else 'Amount and rate'}:** {f['amount'] or ''}"
                        f"{'; ' if f['amount'] and p.funding_rate else ''}{p.funding_rate or ''} {src_for(p, 'funding_rate' if p.funding_rate else 'amount')}")
        if lead:
            lines += [f"- {x}" for x in lead]
        lines.append(f"- **{'Was gefördert wird' if de else 'What it funds'}:** {f['funds']} {src_for(p, 'applicants')}")
        lines.append(f"- **{'Wer beantragen darf' if de else 'Who may apply'}:** {', '.join(f['who'])}"
                     + (f" – {'; '.join(f['conditions'][:3])}" if f["conditions"] else "") + f" {src_for(p, 'conditions')}")
        if "rate" not in aspects and (f["amount"] or p.funding_rate):
            lines.append(f"- **{'Höhe und Quote' if de else 'Amount and rate'}:** {f['amount'] or '–'}"
                         + (f"; {p.funding_rate}" if p.funding_rate else "") + f" {src_for(p, 'amount')}")
        if "deadline" not in aspects:
            lines.append(f"- **Status:** {status}{dl} {src_for(p, 'status')}")
        lines.append(f"- **{'So beantragen Sie' if de else 'How to apply'}:**")
        lines += [f"  {k}. {s}" for k, s in enumerate(f["apply_steps"], start=1)]
        if p.aid_basis:
            lines.append(f"- **{'Beihilferecht' if de else 'State aid'}:** {AID_LABELS[p.aid_basis][i]} {src_for(p, 'aid_basis')}")
        contact = "; ".join(f"{c['name']}" + (f" ({c['contact']})" if c["contact"] else "") for c in f["contacts"])
        lines.append(f"- **{'Kontakt' if de else 'Contact'}:** {p.provider}" + (f"; {contact}" if contact else ""))
        if known and crit:
            lines.append(f"- **{'Für Ihr Unternehmen' if de else 'For your company'}:** *{ELIG_LABELS[overall[p.id]][i]}*")
            mark = {"fulfilled": "✓", "unknown": "?", "violated": "✗"}
            lines += [f"  - {mark[c.verdict]} {c.reason}" for c in crit]
        src_lines = []
        for s in p.sources:
            kind = (SOURCE_KIND_LABELS_DE if de else SOURCE_KIND_LABELS_EN).get(s.kind or "", "")
            when = f", {_fmt(s.published, lang)}" if s.published else ""
            src_lines.append(f"[{cite(p.id, s)}] {kind}{when}" if kind or when else f"[{cite(p.id, s)}]")
        stand = f"{'Stand' if de else 'As of'} {_fmt(p.as_of, lang)}"
        if p.verified_on:
            stand += f", {'geprüft' if de else 'verified'} {_fmt(p.verified_on, lang)}"
        lines.append(f"- **{'Quellen' if de else 'Sources'}:** {'; '.join(src_lines)} ({stand})")
        lines.append("")
    combo = None
    if len(progs) >= 2:
        pr = pair_rule(progs[0], progs[1], lang)
        combo = pr.model_dump(mode="json")
        ref = ""
        if pr.source is not None and pr.decided_by:
            ref = f" [{cite(pr.decided_by, pr.source)}]"
        label = RULE_LABELS[pr.rule][i]
        head = f"**{'Kombination' if de else 'Combination'}: {progs[0].name} + {progs[1].name}** – {label}"
        lines.insert(0, "")
        lines.insert(0, head + (f": {pr.text}{ref}" if pr.rule != "unknown" and pr.text else "") )
    lines += source_lines(cites, lang)
    stand = f" {'Datenstand' if de else 'Data as of'}: {_fmt(data_as_of, lang)}." if data_as_of else ""
    lines.append(("_Unverbindliche Orientierung; maßgeblich sind die Richtlinien der Programmträger.{}_" if de else
                  "_Non-binding guidance; the programme rules are authoritative.{}_").format(stand))
    data = {"ids": [p.id for p in progs], "aspects": aspects, "programmes": facts, "combination": combo}
    return "\n".join(lines), cites, data
