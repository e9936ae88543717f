"""The deterministic answer composer: Markdown with numbered citations, German or English.

It only uses facts of the ranked records (never the user's raw text), so every programme it
names exists in the corpus and every citation points at one of that programme's sources.
"""

from __future__ import annotations

from .eligibility import fmt_eur
from .models import (
    INSTRUMENT_LABELS_DE,
    INSTRUMENT_LABELS_EN,
    LEVEL_LABELS_DE,
    LEVEL_LABELS_EN,
    STATUS_LABELS_DE,
    STATUS_LABELS_EN,
    Citation,
    CompanyProfile,
    ProgrammeHit,
    ProjectHit,
)
from .world import place_name

NEED_LABELS = {
    "rnd": ("FuE-/Innovationsprojekt", "R&D / innovation project"),
    "investment": ("Investition", "investment"),
    "skills": ("Fachkräfte und Qualifizierung", "skilled staff and training"),
    "internationalisation": ("Internationalisierung", "internationalisation"),
    "energy_resources": ("Energie und Ressourcen", "energy and resources"),
    "founding": ("Gründung", "founding"),
    "financing": ("Finanzierung", "financing"),
    "advice": ("Beratung", "advice"),
    "partners": ("Partner und Netzwerke", "partners and networks"),
    "digitalisation": ("Digitalisierung", "digitalisation"),
    "succession": ("Unternehmensnachfolge", "business succession"),
}
SIZE_LABELS = {
    "micro": ("Kleinstunternehmen (KMU)", "micro enterprise (SME)"),
    "small": ("kleines Unternehmen (KMU)", "small enterprise (SME)"),
    "medium": ("mittleres Unternehmen (KMU)", "medium-sized enterprise (SME)"),
    "large": ("Großunternehmen (kein KMU)", "large enterprise (not an SME)"),
}
GROUP_SIZE_LABEL = ("Teil einer Unternehmensgruppe (KMU-Status offen)", "part of a group (SME status open)")
ELIG_LABELS = {
    "eligible": ("voraussichtlich förderfähig", "likely eligible"),
    "uncertain": ("Förderfähigkeit offen – bitte prüfen", "eligibility open – please check"),
    "ineligible": ("nicht förderfähig", "not eligible"),
}
ORG_LABELS = {
    "company": ("Unternehmen", "company"), "research": ("Forschungseinrichtung", "research institution"),
    "individual": ("Gründungsvorhaben", "founding project"), "association": ("Verband/Verein", "association"),
}


def _i(lang: str) -> int:
    return 0 if lang == "de" else 1


def need_label(n: str, lang: str) -> str:
    return NEED_LABELS[n][_i(lang)]


# facts two readers of the text read differently (``CompanyProfile.disputed``): shown, and asked on the cards
DISPUTED_LABELS = {"org_type": ("Art der Organisation", "type of organisation"),
                   "stage": ("Gründungsstand", "founding stage"),
                   "in_berlin": ("Sitz in Berlin", "seat in Berlin"),
                   "founded_year": ("Gründungsjahr", "founding year")}


def profile_summary(p: CompanyProfile, lang: str, topic_labels: dict[str, tuple[str, str]]) -> str:
    """One line of what we understood (only derived facts, never the raw text)."""
    i = _i(lang)
    parts: list[str] = []
    if p.stage == "pre_founding":
        parts.append(ORG_LABELS["individual"][i])
    elif p.org_type:
        parts.append(ORG_LABELS[p.org_type][i])
    if p.employees is not None:
        parts.append(f"{p.employees:,} {'Mitarbeitende' if i == 0 else 'employees'}".replace(",", "." if i == 0 else ","))
    if p.size_class and p.org_type != "research":  # a research group of three is no micro enterprise
        if p.facts.get("linked_group") and p.size_class != "large":
            # the group's staff and turnover count for the SME status: not settled by the company's own headcount
            parts.append(GROUP_SIZE_LABEL[i])
        else:
            parts.append(SIZE_LABELS[p.size_class][i])
    if p.founded_year and p.stage == "pre_founding":
        # before founding, a founding year is the business's to be taken over ("soll den Betrieb (gegr. 1994) übernehmen")
        parts.append(f"{'Betrieb gegründet' if i == 0 else 'business founded'} {p.founded_year}")
    elif p.founded_year:
        parts.append(f"{'gegründet' if i == 0 else 'founded'} {p.founded_year}")
    elif p.age_years is not None and p.stage != "pre_founding":
        parts.append(f"{'seit ca.' if i == 0 else 'about'} {p.age_years:g} {'Jahren' if i == 0 else 'years old'}")
    if p.in_berlin:
        parts.append("Berlin")
    elif p.location:
        parts.append(place_name(p.location, "de" if i == 0 else "en"))  # "Frankfurt am Main", "NRW"
    if not p.in_berlin and p.facts.get("planned_berlin_site"):
        parts.append("geplanter Standort Berlin" if i == 0 else "planned site in Berlin")
    line = ", ".join(parts) if parts else ("noch keine Angaben zum Unternehmen" if i == 0 else "no company facts yet")
    if p.disputed:
        line += f"; {'unklar' if i == 0 else 'unclear'}: {', '.join(DISPUTED_LABELS[f][i] for f in p.disputed if f in DISPUTED_LABELS)}"
    if p.topics:
        labels = [topic_labels[t][i] for t in p.topics[:5] if t in topic_labels]
        line += f"; {'Themen' if i == 0 else 'topics'}: {', '.join(labels)}"
    if p.needs:
        line += f"; {'Bedarf' if i == 0 else 'needs'}: {', '.join(need_label(n, lang) for n in p.needs[:4])}"
    if p.project_eur is not None:  # shown, since a programme's minimum amount is judged on it
        line += f"; {'Volumen' if i == 0 else 'project size'}: {fmt_eur(p.project_eur, lang)}"
    return line


def programme_reasons(hit_features: dict[str, float], prog_needs: list[str], prog_topics: list[str],
                      p: CompanyProfile, instruments: list[str], criteria_ok: list[str], lang: str,
                      topic_labels: dict[str, tuple[str, str]], level: str | None = None,
                      advises_on: list[str] = ()) -> list[str]:
    """Short, checkable reasons for a programme's rank."""
    i = _i(lang)
    out: list[str] = []
    needs = [n for n in prog_needs if n in p.needs]
    if needs:
        out.append(("Passt zu Ihrem Bedarf: " if i == 0 else "Serves your need: ")
                   + ", ".join(need_label(n, lang) for n in needs))
    topics = [topic_labels[t][i] for t in prog_topics if t in p.topics and t in topic_labels]
    if topics:
        out.append(("Thema: " if i == 0 else "Topic: ") + ", ".join(topics[:3]))
    wished = [w for w in p.instruments_wished if w in instruments]
    if wished:
        labels = INSTRUMENT_LABELS_DE if i == 0 else INSTRUMENT_LABELS_EN
        out.append(("Gewünschtes Instrument: " if i == 0 else "Instrument you asked for: ")
                   + ", ".join(labels[w] for w in wished))
    if level is not None and level in p.levels_wished:
        out.append(("Ebene, nach der Sie fragen: " if i == 0 else "Level you asked for: ")
                   + (LEVEL_LABELS_DE if i == 0 else LEVEL_LABELS_EN)[level])
    else:
        advised = [lv for lv in advises_on if lv in p.levels_wished]
        if advised:
            out.append(("Berät zur Förderung der Ebene, nach der Sie fragen: " if i == 0
                        else "Advises on funding of the level you asked for: ")
                       + (LEVEL_LABELS_DE if i == 0 else LEVEL_LABELS_EN)[advised[0]])
    if hit_features.get("example", 0.0) >= 0.5:
        out.append("Nah an einem Projekt, das dieses Programm gefördert hat" if i == 0
                   else "Close to a project this programme has funded")
    elif hit_features.get("typical", 0.0) >= 0.5:
        out.append("Nah an den typischen Vorhaben, die dieses Programm fördert" if i == 0
                   else "Close to the typical projects this programme funds")
    out.extend(criteria_ok[:2])
    if not out:
        out.append("Inhaltlich ähnlich zu Ihrer Beschreibung" if i == 0 else "Similar in content to your description")
    return out


def source_lines(cites: list[Citation], lang: str) -> list[str]:
    """The numbered source list under an answer (empty when nothing is cited)."""
    if not cites:
        return []
    out = [f"**{'Quellen' if lang == 'de' else 'Sources'}:**"]
    for c in cites:
        label = c.title + (f", {c.section}" if c.section else "")
        out.append(f"[{c.n}] [{label}]({c.url})" if c.url else f"[{c.n}] {label}")
    return [*out, ""]


def _fmt_date(d, lang: str) -> str:
    return d.strftime("%d.%m.%Y") if lang == "de" else d.isoformat()


def compose(profile: CompanyProfile, programmes: list[ProgrammeHit], projects: list[ProjectHit],
            questions: list[str], lang: str, topic_labels: dict[str, tuple[str, str]],
            message: str | None = None, data_as_of=None,
            support: list[ProgrammeHit] = ()) -> tuple[str, list[Citation]]:
    """Build the Markdown answer and its citation list."""
    de = lang == "de"
    i = _i(lang)
    lines: list[str] = []
    cites: list[Citation] = []

    def cite(record_id: str, src) -> int:
        for c in cites:
            if c.record_id == record_id and c.url == src.url and c.title == src.title:
                return c.n
        n = len(cites) + 1
        cites.append(Citation(n=n, record_id=record_id, title=src.title, url=src.url, section=src.section))
        return n

    if message:
        lines += [message, ""]
    lines.append(f"**{'Ihr Profil' if de else 'Your profile'}:** {profile_summary(profile, lang, topic_labels)}")
    lines.append("")
    if programmes:
        lines.append(f"### {'Passende Förderprogramme' if de else 'Matching funding programmes'}")
        for k, h in enumerate(programmes, start=1):
            n = cite(h.id, h.sources[0])
            ilabels = INSTRUMENT_LABELS_DE if de else INSTRUMENT_LABELS_EN
            level = (LEVEL_LABELS_DE if de else LEVEL_LABELS_EN)[h.level]
            instr = ", ".join(ilabels[x] for x in h.instruments)
            status = (STATUS_LABELS_DE if de else STATUS_LABELS_EN)[h.effective_status]
            lines.append(f"{k}. **{h.name}** ({level} · {instr}) – *{ELIG_LABELS[h.eligibility][i]}* [{n}]")
            lines.append(f"   - {'Warum' if de else 'Why'}: {'; '.join(h.reasons)}")
            if h.amount:
                lines.append(f"   - {'Umfang' if de else 'Amount'}: {h.amount}")
            dl = ""
            if h.deadline:
                dl = f", {'Frist' if de else 'deadline'} {_fmt_date(h.deadline, lang)}"
            elif h.deadline_text:
                dl = f" ({h.deadline_text})"
            lines.append(f"   - Status: {status}{dl}")
            open_points = [c.reason for c in h.criteria if c.verdict != "fulfilled"]
            if open_points:
                lines.append(f"   - {'Zu klären' if de else 'To clarify'}: {'; '.join(open_points[:3])}")
        lines.append("")
    if support:
        lines.append(f"### {'Beratung, Netzwerke und Qualifizierung' if de else 'Advice, networks and training'}")
        for h in support:
            n = cite(h.id, h.sources[0])
            lines.append(f"- **{h.name}** ({h.provider}) [{n}]: {h.summary}")
        lines.append("")
    if projects:
        lines.append(f"### {'MPI-Projekte und Ansprechpartner' if de else 'MPI projects and contacts'}")
        lines.append("Wer in Berlin arbeitet schon daran?" if de else "Who in Berlin already works on this?")
        for h in projects:
            n = cite(h.id, h.sources[0])
            kind = ("MPI-Projekt" if de else "MPI project") if h.kind == "project" else ("Ansprechpartner" if de else "contact")
            st = ""
            if h.status:
                st = ", " + ({"running": "laufend", "completed": "abgeschlossen"}[h.status] if de else h.status)
            lines.append(f"- **{h.name}** ({kind}{st}) [{n}]: {h.why} {h.offer}")
        lines.append("")
    if questions:
        lines.append(f"### {'Offene Fragen' if de else 'Open questions'}")
        lines += [f"- {q}" for q in questions]
        lines.append("")
    lines += source_lines(cites, lang)
    stand = f" {'Datenstand' if de else 'Data as of'}: {_fmt_date(data_as_of, lang)}." if data_as_of else ""
    lines.append(
        ("_Unverbindliche Orientierung, keine Rechts- oder Förderzusage; maßgeblich sind die Richtlinien der "
         "Programmträger.{}_" if de else
         "_Non-binding guidance, not legal advice or a funding commitment; the programme rules are authoritative.{}_"
         ).format(stand)
    )
    return "\n".join(lines), cites
