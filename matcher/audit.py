"""Provenance audit of the programme records (and of the sources of MPI projects and contacts): is every fact
official, dated and re-checkable?

Findings are errors (the audit fails) or warnings (listed, to recheck). Errors:
- ``no-official-source``: a money programme (grant, loan, equity, guarantee, tax credit, scholarship,
  prize) without any official page, legal text or MPI report among its sources;
- ``unclassified-source``: a source without ``kind``;
- ``no-provenance``: a machine-checkable field the record sets that no source states (``supports``);
- ``not-verified``: a record with neither ``verified_on`` nor a ``verification_note`` shown to users;
- ``unknown-combination``: a combination rule naming a programme id that does not exist;
- ``secondary-host-as-official``: a source on a mirror, consultancy or chamber host marked official/legal.
MPI projects and contacts are checked for the last two only: their cards show each source's kind too.
Warnings:
- ``support-offer-without-official-source``; ``old-source`` (stated date older than 24 months);
- ``undated-status``: the status rests on no dated source (neither a source with a ``published`` date
  nor an official source checked on ``verified_on``);
- ``stale-verification``: verified more than 12 months ago; ``unverified``: only a note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlparse

from .models import CHECKABLE_FIELDS, MONEY_INSTRUMENTS, Actor, Corpus, Programme, Project, Source

# Hosts that copy or report on official texts without being their publisher (legal-text mirrors,
# consultancies, chambers, press services): a source there is secondary, whatever it reproduces.
SECONDARY_HOSTS = ("buzer.de", "diebewertung.de", "readkong.com", "gesetze.legal", "nrwbank.de", "umweltpakt.bayern.de", "kea-bw.de",
                   "foerderflink.com", "foerdermittel", "fördermittel", "xn--frdermittel", "ihk.de", "hwk",
                   "handwerk", "wikipedia.org", "linkedin.com", "medium.com")
COMBINATION_CLASSES = frozenset({"any_grant", "any_state_aid", "de_minimis", "public_loan"})


@dataclass(frozen=True)
class Finding:
    record_id: str
    code: str
    detail: str
    error: bool

    def line(self) -> str:
        return f"{'ERROR' if self.error else 'warn '} {self.record_id}: {self.code}: {self.detail}"


def _host(s: Source) -> str:
    return urlparse(s.url).netloc.lower() if s.url else ""


def passed_off(s: Source) -> bool:
    """A source on a mirror, consultancy or chamber host that is marked official or legal."""
    return s.kind in ("official", "legal") and any(h in _host(s) for h in SECONDARY_HOSTS)


def is_money(p: Programme) -> bool:
    return bool(MONEY_INSTRUMENTS & set(p.instruments))


def set_fields(p: Programme) -> list[str]:
    """The machine-checkable fields this record actually sets (and so must source)."""
    el = p.eligibility
    values = {
        "max_employees": el.max_employees, "min_employees": el.min_employees,
        "max_turnover_eur": el.max_turnover_eur, "max_company_age_years": el.max_company_age_years,
        "min_company_age_years": el.min_company_age_years,
        "location": None if el.location == "any" else el.location,
        "partner": None if el.partner == "none" else el.partner,
        "amount": p.amount if p.amount and (p.amount.max_eur or p.amount.min_eur) else None,
        "funding_rate": p.funding_rate_max_pct, "status": p.status, "deadline": p.deadline,
    }
    return [f for f in CHECKABLE_FIELDS if values.get(f) is not None]


def audit_programme(p: Programme, today: dt.date, programme_ids: set[str],
                    max_source_age_days: int = 730, max_verify_age_days: int = 365) -> list[Finding]:
    out: list[Finding] = []

    def add(code: str, detail: str, error: bool) -> None:
        out.append(Finding(p.id, code, detail, error))

    primary = [s for s in p.sources if s.is_primary]
    if not primary:
        add("no-official-source" if is_money(p) else "support-offer-without-official-source",
            "no official page, legal text or MPI report among the sources", is_money(p))
    out += audit_sources(p.id, p.sources)
    out += audit_sources(p.id, [*(fc.source for fc in p.first_choice), *(r.source for r in p.combination),
                                *(ex.source for ex in p.examples),
                                *([p.typical_projects.source] if p.typical_projects else [])], require_kind=False)
    for s in p.sources:
        if s.published and (today - s.published).days > max_source_age_days:
            add("old-source", f"'{s.title}' dates from {s.published.isoformat()}", False)
    supported = {f for s in p.sources for f in s.supports}
    for f in set_fields(p):
        if f not in supported:
            add("no-provenance", f"field '{f}' is set but no source states it", True)
    status_sources = [s for s in p.sources if "status" in s.supports]
    dated = any(s.published for s in status_sources) or (p.verified_on and any(s.is_primary for s in status_sources))
    if not dated:
        add("undated-status", f"status '{p.status}' rests on no dated source", False)
    if p.verified_on is None:
        if p.verification_note_de:
            add("unverified", "no official source found; the note is shown to users", False)
        else:
            add("not-verified", "neither verified_on nor a verification note", True)
    elif (today - p.verified_on).days > max_verify_age_days:
        add("stale-verification", f"last verified {p.verified_on.isoformat()}", False)
    if not p.typical_projects and is_money(p) and p.status != "closed":
        add("no-typical-projects", "an open money programme without typical projects is found less often for "
            "companies that describe their project", False)
    if p.typical_projects:
        tp = p.typical_projects.source
        if not p.typical_projects.cites_one_of(p.sources):
            add("typical-projects-source", f"the typical projects cite '{tp.title}', which is not among the record's sources",
                True)
        if not tp.is_primary:
            add("typical-projects-source", f"the typical projects rest on '{tp.title}', not on an official page or legal text",
                True)
    for rule in p.combination:
        if rule.other not in programme_ids and rule.other not in COMBINATION_CLASSES:
            add("unknown-combination", f"combination with unknown programme '{rule.other}'", True)
    return out


def audit_sources(record_id: str, sources: list[Source], require_kind: bool = True) -> list[Finding]:
    """The source checks every record gets: each source is classified (unless ``require_kind`` is off, for the
    sources of single statements inside a record), and no copy or report is passed off as the publisher."""
    out = []
    for s in sources:
        if s.kind is None and require_kind:
            out.append(Finding(record_id, "unclassified-source",
                               f"'{s.title}' has no kind (official, legal, report, secondary)", True))
        elif passed_off(s):
            out.append(Finding(record_id, "secondary-host-as-official",
                               f"'{s.title}' ({_host(s)}) is a copy or report, not the publisher", True))
    return out


def audit_ecosystem_record(r: Project | Actor) -> list[Finding]:
    """An MPI project or contact: its sources (and the one its typical requests rest on) are classified."""
    return audit_sources(r.id, [*r.sources, *([r.typical_projects.source] if r.typical_projects else [])])


def audit(corpus: Corpus, today: dt.date) -> list[Finding]:
    """Every finding over all programme records and the sources of MPI projects and contacts, errors first,
    then by record id."""
    ids = {p.id for p in corpus.programmes}
    findings = [f for p in corpus.programmes for f in audit_programme(p, today, ids)]
    findings += [f for r in (*corpus.projects, *corpus.actors) for f in audit_ecosystem_record(r)]
    return sorted(findings, key=lambda f: (not f.error, f.record_id, f.code))
