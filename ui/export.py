"""Consultation export: a Markdown document and a one-page PDF (fpdf2 with a bundled Unicode font)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from matcher.models import CompanyProfile, MatchResult, ProgrammeHit, Source
from matcher.world import place_name

from .i18n import (
    field_label, fmt_date, instrument_label, level_label, need_label, org_label, source_kind_label, stage_label,
    status_label, t,
)
from .plan_render import eur_exact

_VERDICT_MARK = {"fulfilled": "✓", "unknown": "?", "violated": "✗"}


def _src_text(s: Source, lang: str | None = None) -> str:
    """The source's URL (or title and section), with its kind in brackets when ``lang`` is given."""
    text = s.url or f"{s.title}, {s.section}"
    kind = source_kind_label(s.kind, lang) if lang else ""
    return f"[{kind}] {text}" if kind else text


def _checked(h: ProgrammeHit, lang: str) -> str:
    """"geprüft am <date>" / "checked on <date>", the record's verification note, or "not checked"."""
    if h.verified_on:
        return f"{t('verified_on', lang)} {fmt_date(h.verified_on, lang)}"
    return h.verification_note or t("not_verified", lang)


def _secondary(h: ProgrammeHit, lang: str) -> str:
    """"nur Sekundärquelle: Umfang, Förderquote" for facts that rest only on secondary sources ("" if none)."""
    fields = h.secondary_only_fields()
    return f"{t('secondary_only', lang)}: " + ", ".join(field_label(f, lang) for f in fields) if fields else ""


def profile_lines(p: CompanyProfile, lang: str) -> list[tuple[str, str]]:
    """(label, value) pairs of the known profile fields."""
    rows: list[tuple[str, str]] = []
    if p.org_type:
        rows.append((t("p_org", lang), org_label(p.org_type, lang)))
    if p.employees is not None:
        rows.append((t("p_employees", lang), str(p.employees)))
    if p.founded_year:
        rows.append((t("p_founded", lang), str(p.founded_year)))
    if p.in_berlin is not None or p.location:
        loc = t("yes" if p.in_berlin else "no", lang) if p.in_berlin is not None else ""
        rows.append((t("p_berlin", lang), f"{loc} ({place_name(p.location, lang)})" if p.location else loc))
    if p.stage:
        rows.append((t("p_stage", lang), stage_label(p.stage, lang)))
    if p.topics:
        labels = _topic_labels(lang)
        rows.append((t("p_topics", lang), ", ".join(labels.get(x, x.replace("-", " ")) for x in p.topics)))
    if p.needs:
        rows.append((t("p_needs", lang), ", ".join(need_label(n, lang) for n in p.needs)))
    if p.instruments_wished:
        rows.append((t("p_instr", lang), ", ".join(instrument_label(i, lang) for i in p.instruments_wished)))
    return rows


def _status(h: ProgrammeHit, lang: str) -> str:
    s = status_label(h.effective_status, lang)
    if h.deadline:
        s += f", {t('deadline', lang)} {fmt_date(h.deadline, lang)}"
    elif h.deadline_text:
        s += f", {h.deadline_text}"
    return s


def to_markdown(result: MatchResult, today: dt.date, client: str | None = None, notes: str | None = None) -> str:
    """The consultation as Markdown: profile, shortlist with reasons, contacts, questions, sources, note."""
    lang = result.lang
    out = [f"# {t('report_title', lang)}" + (f" – {client}" if client else ""), ""]
    out.append(f"{t('date', lang)}: {fmt_date(today, lang)} · {t('data_as_of', lang)}: "
               f"{fmt_date(result.data_as_of, lang) or '–'}")
    out += ["", f"## {t('profile', lang).split(' (')[0]}", ""]
    out += [f"- **{k}:** {v}" for k, v in profile_lines(result.profile, lang)] or ["- –"]
    if notes:
        out += ["", f"**{t('notes', lang)}:** {notes}"]
    out += ["", f"## {t('programmes', lang)}", ""]
    if not result.programmes:
        out.append(result.message or t("no_programmes", lang))
    for n, h in enumerate(result.programmes, 1):
        instr = ", ".join(instrument_label(i, lang) for i in h.instruments)
        out.append(f"{n}. **{h.name}** – {h.provider} ({level_label(h.level, lang)} · {instr}) – "
                   f"*{t(h.eligibility, lang)}*")
        if h.amount or h.funding_rate:
            out.append(f"   - {t('amount', lang)}: " + " · ".join(x for x in (h.amount, h.funding_rate) if x))
        out.append(f"   - Status: {_status(h, lang)}")
        crit = {c.reason for c in h.criteria}
        why = [r for r in h.reasons if r not in crit]
        if why:
            out.append(f"   - {t('why', lang)}: " + "; ".join(why))
        for c in h.criteria:
            out.append(f"   - {_VERDICT_MARK[c.verdict]} {c.reason}")
        out.append(f"   - {t('sources', lang)}: " + ", ".join(_src_text(s, lang) for s in h.sources)
                   + f" ({t('as_of', lang)} {fmt_date(h.as_of, lang)}; {_checked(h, lang)})")
        if _secondary(h, lang):
            out.append(f"   - ⚠ {_secondary(h, lang)}")
    if result.support:
        out += ["", f"## {t('support', lang)}", ""]
        for h in result.support:
            line = f"- **{h.name}** ({h.provider}): {h.summary} – " + ", ".join(_src_text(s, lang) for s in h.sources)
            line += f" ({t('as_of', lang)} {fmt_date(h.as_of, lang)}; {_checked(h, lang)})"
            if _secondary(h, lang):
                line += f" ⚠ {_secondary(h, lang)}"
            out.append(line)
    if result.projects:
        out += ["", f"## {t('projects', lang)}", ""]
        for p in result.projects:
            kind = t("project", lang) if p.kind == "project" else t("actor", lang)
            line = f"- **{p.name}** ({kind}): {p.why} {p.offer}"
            if p.contact:
                line += f" {t('contact', lang)}: {p.contact}."
            out.append(line + " – " + ", ".join(_src_text(s) for s in p.sources))
    if result.plan:
        out += ["", *plan_markdown(result.plan, lang)]
    if result.questions:
        out += ["", f"## {t('open_questions', lang)}", ""] + [f"- {q}" for q in result.questions]
    out += ["", "---", f"_{t('disclaimer', lang)} {t('data_as_of', lang)}: {fmt_date(result.data_as_of, lang) or '–'}._", ""]
    return "\n".join(out)


# ---------------------------------------------------------------- the Förderfahrplan


def _plan(plan: dict):
    from matcher.plan import Plan

    return Plan.model_validate(plan)


def plan_sections(plan_dict: dict, lang: str) -> dict[str, list[str]]:
    """The plan as plain lines per part (order, combinations, exclusions, left out, timeline rows, de minimis,
    notes); shared by the Markdown and the PDF export."""
    from matcher.plan import PHASE_LABELS, RULE_LABELS

    from .plan_render import plan_names

    plan = _plan(plan_dict)
    i = 1 if lang == "en" else 0
    names = plan_names(plan)

    def src(s) -> str:
        return f" ({_src_text(s, lang)})" if s is not None else ""

    order = [f"{s.n}. {s.name} – {PHASE_LABELS[s.phase][i]}" + (f": {s.when}" if s.when else "") for s in plan.order]
    combos = [f"{names.get(c.a, c.a)} + {names.get(c.b, c.b)}: {RULE_LABELS[c.rule][i]}"
              + (f" – {c.text}" if c.text and c.rule != "unknown" else "") + src(c.source) for c in plan.combinations]
    excl = [f"{names.get(c.a, c.a)} ✗ {names.get(c.b, c.b)}: {RULE_LABELS[c.rule][i]}"
            + (f" – {c.text}" if c.text else "") + src(c.source) for c in plan.exclusions]
    left = [f"{x.name}" + (f" ({t('plan_because_of', lang)} {names.get(x.by, x.by)})" if x.by else "")
            + f": {x.text}" + src(x.source) for x in plan.left_out]
    step_of = {s.programme_id: s.n for s in plan.order}
    timeline = []
    for r in sorted(plan.timeline.rows, key=lambda r: step_of.get(r.programme_id, 99)):
        if r.events:
            timeline += [f"{r.name}|{fmt_date(e.date, lang)}|{e.label}" for e in r.events]
        elif r.rolling:
            timeline.append(f"{r.name}|{fmt_date(plan.timeline.start, lang)} – {fmt_date(plan.timeline.end, lang)}|"
                            f"{t('rolling_any_time', lang)}")
        else:
            timeline.append(f"{r.name}|–|{status_label(r.status, lang)}")
    dm = plan.de_minimis
    received = eur_exact(dm.received_eur, lang) if dm.received_eur is not None else t("dm_not_stated", lang)
    verdict = t("dm_exceeds", lang) if dm.exceeds else f"{t('dm_room', lang)} {eur_exact(dm.remaining_eur, lang)}"
    de_min = [f"{t('dm_planned', lang)}: {eur_exact(dm.planned_eur, lang)} · {t('dm_received', lang)}: {received} · "
              f"{t('dm_total', lang)}: {eur_exact(dm.total_eur, lang)} · {t('dm_ceiling', lang)}: "
              f"{eur_exact(dm.ceiling_eur, lang)} – {verdict}"]
    de_min += [f"{x.name}: " + (eur_exact(x.max_eur, lang) if x.max_eur is not None else t("dm_grant_equivalent", lang))
               for x in dm.items]
    if dm.note:
        de_min.append(dm.note)
    de_min.append(f"{t('sources', lang)}: {_src_text(dm.source, lang)}")
    return {"order": order, "combinations": combos, "exclusions": excl, "left_out": left, "timeline": timeline,
            "de_minimis": de_min, "notes": list(plan.notes)}


def plan_markdown(plan_dict: dict, lang: str) -> list[str]:
    """The Förderfahrplan as Markdown lines: order, combinations and exclusions with their sources, the
    twelve-month dates as a table, and the de-minimis sum against the ceiling."""
    p = plan_sections(plan_dict, lang)
    out = [f"## {t('tab_plan', lang)}", "", f"### {t('plan_order', lang)}", ""]
    out += p["order"] or [t("plan_nothing", lang)]
    if p["combinations"]:
        out += ["", f"### {t('plan_combinations', lang)}", ""] + [f"- {x}" for x in p["combinations"]]
    if p["exclusions"]:
        out += ["", f"### {t('plan_exclusions', lang)}", ""] + [f"- {x}" for x in p["exclusions"]]
    if p["left_out"]:
        out += ["", f"### {t('plan_left_out', lang)}", ""] + [f"- {x}" for x in p["left_out"]]
    if p["timeline"]:
        out += ["", f"### {t('timeline_table', lang)}", "",
                f"| {t('tl_programme', lang)} | {t('tl_date', lang)} | {t('tl_kind', lang)} |", "|---|---|---|"]
        out += ["| " + " | ".join(c.replace("|", "/") for c in row.split("|", 2)) + " |" for row in p["timeline"]]
    out += ["", f"### {t('plan_de_minimis', lang)}", ""] + [f"- {x}" for x in p["de_minimis"]]
    if p["notes"]:
        out += [""] + [f"- {x}" for x in p["notes"]]
    return out


def _font_path() -> tuple[str, str]:
    import matplotlib

    base = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return str(base / "DejaVuSans.ttf"), str(base / "DejaVuSans-Bold.ttf")


def to_pdf(result: MatchResult, path: str | Path, today: dt.date, client: str | None = None,
           notes: str | None = None) -> Path:
    """Write a one-page A4 PDF of the consultation to ``path``; shrinks the font until it fits one page."""
    for size in (9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0):
        pdf = _build_pdf(result, today, client, notes, size, compact=size < 7.0)
        if pdf.pages_count <= 1:
            break
    path = Path(path)
    pdf.output(str(path))
    return path


def _build_pdf(result: MatchResult, today: dt.date, client: str | None, notes: str | None, size: float,
               compact: bool):
    from fpdf import FPDF

    lang = result.lang
    regular, bold = _font_path()
    pdf = FPDF(format="A4")
    pdf.set_margins(14, 12, 14)
    pdf.set_auto_page_break(True, margin=12)
    pdf.add_font("DejaVu", "", regular)
    pdf.add_font("DejaVu", "B", bold)
    pdf.add_page()
    lh = size * 0.5  # line height in mm
    w = pdf.epw

    def para(text: str, style: str = "", fsize: float = size, color=(31, 41, 51), indent: float = 0.0) -> None:
        pdf.set_font("DejaVu", style, fsize)
        pdf.set_text_color(*color)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(w - indent, fsize * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def heading(text: str) -> None:
        pdf.ln(lh * 0.5)
        para(text, "B", size + 2, (16, 42, 67))
        pdf.set_draw_color(200, 205, 212)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + w, pdf.get_y())
        pdf.ln(lh * 0.3)

    title = t("report_title", lang) + (f" – {client}" if client else "")
    para(title, "B", size + 6, (16, 42, 67))
    para(f"Förderlotse · Masterplan Industriestadt Berlin · {t('date', lang)}: {fmt_date(today, lang)} · "
         f"{t('data_as_of', lang)}: {fmt_date(result.data_as_of, lang) or '–'}", "", size - 0.5, (82, 96, 109))
    heading(t("profile", lang).split(" (")[0])
    para(" · ".join(f"{k}: {v}" for k, v in profile_lines(result.profile, lang)) or "–")
    if notes:
        para(f"{t('notes', lang)}: {notes}", "", size, (82, 96, 109))
    heading(t("programmes", lang))
    if not result.programmes:
        para(result.message or t("no_programmes", lang))
    for n, h in enumerate(result.programmes, 1):
        instr = ", ".join(instrument_label(i, lang) for i in h.instruments)
        color = {"eligible": (46, 133, 64), "uncertain": (160, 110, 0), "ineligible": (192, 57, 43)}[h.eligibility]
        para(f"{n}. {h.name}", "B", size + 0.5)
        para(f"{h.provider} · {level_label(h.level, lang)} · {instr} · {_status(h, lang)}", "", size - 0.5,
             (82, 96, 109), 4)
        para(t(h.eligibility, lang), "B", size - 0.5, color, 4)
        money = " · ".join(x for x in (h.amount, h.funding_rate) if x)
        if money:
            para(f"{t('amount', lang)}: {money}", "", size, indent=4)
        crit = {c.reason for c in h.criteria}
        why = [r for r in h.reasons if r not in crit]
        if why:
            para(f"{t('why', lang)}: " + "; ".join(why[: 2 if compact else 4]), "", size, indent=4)
        if h.criteria:
            para("  ".join(f"{_VERDICT_MARK[c.verdict]} {c.reason}" for c in h.criteria), "", size - 0.5, indent=4)
        para(f"{t('sources', lang)}: " + ", ".join(_src_text(s, lang) for s in h.sources)
             + f" ({t('as_of', lang)} {fmt_date(h.as_of, lang)}; {_checked(h, lang)})", "", size - 1, (28, 79, 138), 4)
        if _secondary(h, lang):
            para(f"! {_secondary(h, lang)}", "", size - 1, (160, 110, 0), 4)
    if result.support:
        heading(t("support", lang))
        for h in result.support:
            para(f"• {h.name} ({h.provider}): {h.summary} – {', '.join(_src_text(s, lang) for s in h.sources)} "
                 f"({_checked(h, lang)})" + (f" ! {_secondary(h, lang)}" if _secondary(h, lang) else ""), "", size)
    if result.projects:
        heading(t("projects", lang))
        for p in result.projects:
            kind = t("project", lang) if p.kind == "project" else t("actor", lang)
            contact = f" {t('contact', lang)}: {p.contact}." if p.contact else ""
            para(f"• {p.name} ({kind}): {p.why} {p.offer}{contact}", "", size)
    if result.plan:
        p = plan_sections(result.plan, lang)
        heading(t("tab_plan", lang))
        if compact or not p["order"]:
            para("  ".join(p["order"]) or t("plan_nothing", lang), "", size)
        for line in p["order"] if not compact else []:
            para(line, "", size)
        for key in ("combinations", "exclusions", "left_out"):
            if p[key]:
                label = {"combinations": "plan_combinations", "exclusions": "plan_exclusions",
                         "left_out": "plan_left_out"}[key]
                para(f"{t(label, lang)}: " + "; ".join(p[key]), "", size - 0.5, indent=4)
        if p["timeline"]:
            _timeline_table(pdf, p["timeline"], size - 0.5, lang)
        para(f"{t('plan_de_minimis', lang)}: " + p["de_minimis"][0], "B", size - 0.5, indent=4)
        para(" · ".join(p["de_minimis"][1:] if not compact else p["de_minimis"][-1:]), "", size - 1, (82, 96, 109), 4)
    if result.questions:
        heading(t("open_questions", lang))
        for q in result.questions:
            para(f"• {q}", "", size)
    pdf.ln(lh)
    para(f"{t('disclaimer', lang)} {t('data_as_of', lang)}: {fmt_date(result.data_as_of, lang) or '–'}.", "",
         size - 1, (82, 96, 109))
    return pdf


def _timeline_table(pdf, rows: list[str], size: float, lang: str) -> None:
    """The plan's twelve-month dates as a three-column table (programme, date, kind)."""
    pdf.set_font("DejaVu", "", size)
    pdf.set_text_color(31, 41, 51)
    pdf.set_x(pdf.l_margin + 4)
    head = (t("tl_programme", lang), t("tl_date", lang), t("tl_kind", lang))
    with pdf.table(width=pdf.epw - 4, col_widths=(60, 25, 25), line_height=size * 0.45, padding=0.6,
                   text_align="LEFT", first_row_as_headings=True, align="RIGHT",
                   borders_layout="HORIZONTAL_LINES") as table:
        for cells in [head, *(row.split("|", 2) for row in rows)]:
            r = table.row()
            for c in cells:
                r.cell(c)
    pdf.ln(size * 0.2)


def safe_filename(name: str) -> str:
    """A file-name fragment made of letters, digits and dashes."""
    return re.sub(r"[^A-Za-z0-9ÄÖÜäöüß-]+", "-", name).strip("-")[:60] or "beratung"


def _topic_labels(lang: str) -> dict[str, str]:
    try:
        from matcher.api import topic_labels

        return topic_labels(lang)
    except Exception:  # export must work even without a loaded engine (labels are cosmetic)
        return {}
