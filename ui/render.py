"""Pure functions from a ``MatchResult`` to what the UI shows: HTML cards, the chart, profile fields.

Every string that comes from the corpus or from the user goes through ``html.escape``; links
are only emitted for http(s) URLs.
"""

from __future__ import annotations

import html
from typing import Any

from matcher.models import CompanyProfile, MatchResult, ProgrammeHit, ProjectHit, Source

from .i18n import fmt_date, instrument_label, level_label, status_label, t

CSS = """
.fl-cards {display:flex; flex-direction:column; gap:10px;}
.fl-card {border:1px solid #d7dbe0; border-left:5px solid #9aa3ad; border-radius:8px; padding:10px 12px;
  background:#fff; color:#1f2933; font-size:14px; line-height:1.4;}
.fl-card.eligible {border-left-color:#2e8540;}
.fl-card.uncertain {border-left-color:#d49a00;}
.fl-card.ineligible {border-left-color:#c0392b; opacity:.85;}
.fl-card h4 {margin:0 0 4px 0; font-size:15px; color:#102a43;}
.fl-meta {color:#52606d; font-size:13px; margin-bottom:6px;}
.fl-badge {display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:600;
  margin-right:4px; white-space:normal; max-width:100%; overflow-wrap:anywhere;}
.fl-badge.open, .fl-badge.rolling {background:#e3f4e8; color:#1e6b30;}
.fl-badge.call-based {background:#e6effa; color:#1c4f8a;}
.fl-badge.planned {background:#fff4d6; color:#7a5600;}
.fl-badge.closed {background:#f1f1f1; color:#6b6b6b;}
.fl-badge.v-eligible {background:#2e8540; color:#fff;}
.fl-badge.v-uncertain {background:#d49a00; color:#fff;}
.fl-badge.v-ineligible {background:#c0392b; color:#fff;}
.fl-card ul {margin:4px 0 4px 0; padding-left:0; list-style:none;}
.fl-card li {margin:1px 0;}
.fl-crit.fulfilled::before {content:"✓ "; color:#2e8540; font-weight:700;}
.fl-crit.unknown::before {content:"? "; color:#d49a00; font-weight:700;}
.fl-crit.violated::before {content:"✗ "; color:#c0392b; font-weight:700;}
.fl-why::before {content:"• "; color:#52606d;}
.fl-foot {font-size:12px; color:#52606d; margin-top:4px;}
.fl-foot a {color:#1c4f8a;}
.fl-num {display:inline-block; min-width:22px; height:22px; line-height:22px; border-radius:11px; background:#102a43;
  color:#fff; text-align:center; font-size:12px; margin-right:6px;}
.fl-empty {color:#52606d; font-style:italic; padding:8px;}
.fl-hidden summary {cursor:pointer; color:#52606d; margin-top:8px;}
.dark .fl-card {background:#1f2933; color:#e4e7eb;} .dark .fl-card h4 {color:#f0f4f8;}
"""


def esc(value: Any) -> str:
    """HTML-escape anything (``None`` -> empty)."""
    return "" if value is None else html.escape(str(value), quote=True)


def source_link(src: Source) -> str:
    """A safe link for a source (only http/https), or its title and section as text."""
    label = esc(src.title + (f", {src.section}" if src.section else ""))
    if src.url and src.url.lower().startswith(("https://", "http://")):
        return f'<a href="{esc(src.url)}" target="_blank" rel="noopener noreferrer">{label}</a>'
    return label


def status_badge(hit: ProgrammeHit, lang: str) -> str:
    st = hit.effective_status
    text = status_label(st, lang)
    if hit.deadline:
        text += f" · {t('deadline', lang)} {fmt_date(hit.deadline, lang)}"
    elif hit.deadline_text:
        text += f" · {hit.deadline_text}"
    return f'<span class="fl-badge {esc(st)}">{esc(text)}</span>'


def programme_card(hit: ProgrammeHit, n: int, lang: str) -> str:
    """One programme as an HTML card."""
    instr = ", ".join(instrument_label(i, lang) for i in hit.instruments)
    meta = f"{esc(hit.provider)} · {esc(level_label(hit.level, lang))} · {esc(instr)}"
    verdict = f'<span class="fl-badge v-{esc(hit.eligibility)}">{esc(t(hit.eligibility, lang))}</span>'
    money = []
    if hit.amount:
        money.append(f"<b>{esc(t('amount', lang))}:</b> {esc(hit.amount)}")
    if hit.funding_rate:
        money.append(f"<b>{esc(t('funding_rate', lang))}:</b> {esc(hit.funding_rate)}")
    crit_texts = {c.reason for c in hit.criteria}
    why = [r for r in hit.reasons if r not in crit_texts]
    parts = [
        f'<div class="fl-card {esc(hit.eligibility)}" data-id="{esc(hit.id)}">',
        f'<h4><span class="fl-num">{n}</span>{esc(hit.name)}</h4>',
        f'<div class="fl-meta">{meta}</div>',
        f"<div>{verdict}{status_badge(hit, lang)}</div>",
    ]
    if money:
        parts.append(f'<div style="margin-top:4px">{" · ".join(money)}</div>')
    if why:
        parts.append(f"<div style='margin-top:4px'><b>{esc(t('why', lang))}:</b><ul>"
                     + "".join(f'<li class="fl-why">{esc(r)}</li>' for r in why) + "</ul></div>")
    if hit.criteria:
        parts.append(f"<div><b>{esc(t('criteria', lang))}:</b><ul>"
                     + "".join(f'<li class="fl-crit {esc(c.verdict)}">{esc(c.reason)}</li>' for c in hit.criteria)
                     + "</ul></div>")
    links = " · ".join(source_link(s) for s in hit.sources)
    parts.append(f'<div class="fl-foot">{esc(t("sources", lang))}: {links} · {esc(t("as_of", lang))} '
                 f'{esc(fmt_date(hit.as_of, lang))}</div></div>')
    return "".join(parts)


def programme_cards(result: MatchResult | None, lang: str | None = None) -> str:
    """All programme cards (plus a folded list of ineligible ones), or a hint when empty."""
    if result is None:
        return f'<div class="fl-empty">{esc(t("no_results", lang or "de"))}</div>'
    lang = lang or result.lang
    if not result.programmes:
        msg = result.message or t("no_programmes", lang)
        body = f'<div class="fl-empty">{esc(msg)}</div>'
    else:
        body = "".join(programme_card(h, i, lang) for i, h in enumerate(result.programmes, 1))
    if result.hidden_ineligible:
        shown = {h.id for h in result.programmes}
        rest = [h for h in result.hidden_ineligible if h.id not in shown]
        if rest:
            body += (f'<details class="fl-hidden"><summary>{esc(t("hidden_inel", lang))} ({len(rest)})</summary>'
                     + "".join(programme_card(h, i, lang) for i, h in enumerate(rest, len(result.programmes) + 1))
                     + "</details>")
    return f'<div class="fl-cards">{body}</div>'


def project_card(hit: ProjectHit, lang: str) -> str:
    kind = t("project", lang) if hit.kind == "project" else t("actor", lang)
    if hit.status:
        kind += f" · {t(hit.status, lang)}"
    parts = [f'<div class="fl-card" data-id="{esc(hit.id)}"><h4>{esc(hit.name)}</h4>',
             f'<div class="fl-meta">{esc(kind)}</div>',
             f"<div>{esc(hit.why)}</div>", f"<div style='margin-top:3px'>{esc(hit.offer)}</div>"]
    if hit.contact:
        parts.append(f"<div><b>{esc(t('contact', lang))}:</b> {esc(hit.contact)}</div>")
    links = " · ".join(source_link(s) for s in hit.sources)
    parts.append(f'<div class="fl-foot">{esc(t("sources", lang))}: {links} · {esc(t("as_of", lang))} '
                 f'{esc(fmt_date(hit.as_of, lang))}</div></div>')
    return "".join(parts)


def project_cards(result: MatchResult | None, lang: str | None = None) -> str:
    """The MPI project and contact cards."""
    if result is None or not result.projects:
        return ""
    lang = lang or result.lang
    return '<div class="fl-cards">' + "".join(project_card(p, lang) for p in result.projects) + "</div>"


# ---------------------------------------------------------------- streaming


def answer_chunks(answer: str, size: int = 60) -> list[str]:
    """Cut the answer into pieces of about ``size`` characters at word or line ends (joined = answer)."""
    chunks: list[str] = []
    buf = ""
    for token in _tokens(answer):
        buf += token
        if len(buf) >= size or token.endswith("\n"):
            chunks.append(buf)
            buf = ""
    if buf:
        chunks.append(buf)
    return chunks


def _tokens(text: str):
    word = ""
    for ch in text:
        word += ch
        if ch in " \n":
            yield word
            word = ""
    if word:
        yield word


# ---------------------------------------------------------------- picture

_COLORS = {"eligible": "#2e8540", "uncertain": "#d49a00", "ineligible": "#c0392b"}
_LEVELS = ("berlin", "bund", "eu")


def shortlist_chart(result: MatchResult | None, lang: str | None = None) -> str | None:
    """An inline SVG placing the shortlist by level (columns) and instrument (rows); numbers are the card
    ranks, colours the eligibility verdict, grey = closed. Plain markup: about a millisecond per answer
    (a matplotlib PNG cost half a second of CPU per chat turn under load).

    Returns ``None`` when there is nothing to draw.
    """
    if result is None or not result.programmes:
        return None
    lang = lang or result.lang
    hits = result.programmes
    instruments = sorted({i for h in hits for i in h.instruments}, key=lambda i: instrument_label(i, lang))
    left, top, col_w, row_h = 120, 34, 130, 40
    width = left + col_w * len(_LEVELS) + 20
    height = top + row_h * len(instruments) + 72
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
           f'role="img" aria-label="{esc(t("chart_title", lang))}" font-family="sans-serif">',
           f'<text x="{width / 2}" y="16" text-anchor="middle" font-size="13" font-weight="600" fill="#102a43">'
           f'{esc(t("chart_title", lang))}</text>']
    for j, ins in enumerate(instruments):
        y = top + row_h * j + row_h / 2
        out.append(f'<line x1="{left}" y1="{y}" x2="{width - 20}" y2="{y}" stroke="#e4e7eb"/>')
        out.append(f'<text x="{left - 8}" y="{y + 4}" text-anchor="end" font-size="12" fill="#334e68">'
                   f'{esc(instrument_label(ins, lang))}</text>')
    for i, lv in enumerate(_LEVELS):
        x = left + col_w * i + col_w / 2
        out.append(f'<line x1="{x}" y1="{top}" x2="{x}" y2="{top + row_h * len(instruments)}" stroke="#e4e7eb"/>')
        out.append(f'<text x="{x}" y="{top + row_h * len(instruments) + 16}" text-anchor="middle" font-size="12" '
                   f'fill="#334e68">{esc(level_label(lv, lang))}</text>')
    cells: dict[tuple[int, int], list[tuple[int, ProgrammeHit]]] = {}
    for n, h in enumerate(hits, 1):
        for ins in h.instruments:
            cells.setdefault((_LEVELS.index(h.level), instruments.index(ins)), []).append((n, h))
    for (ci, ri), items in sorted(cells.items()):
        for k, (n, h) in enumerate(items):
            x = left + col_w * ci + col_w / 2 + (k - (len(items) - 1) / 2) * 26
            y = top + row_h * ri + row_h / 2
            closed = h.effective_status == "closed"
            color = "#9aa3ad" if closed else _COLORS.get(h.eligibility, "#52606d")
            tip = f"{n}. {h.name}" + (f" – {fmt_date(h.deadline, lang)}" if h.deadline else "")
            out.append(f'<g><title>{esc(tip)}</title><circle cx="{x}" cy="{y}" r="11" fill="{color}" '
                       f'stroke="#102a43" stroke-width="0.8" opacity="{0.6 if closed else 1}"/>'
                       f'<text x="{x}" y="{y + 4}" text-anchor="middle" font-size="11" font-weight="700" '
                       f'fill="#fff">{n}</text></g>')
    legend = [*((t(k, lang), c) for k, c in _COLORS.items()), (status_label("closed", lang), "#9aa3ad")]
    lx, ly = 12, height - 32
    for label, color in legend:
        if lx + 28 + 7 * len(label) > width:
            lx, ly = 12, ly + 18
        out.append(f'<circle cx="{lx + 5}" cy="{ly - 4}" r="5" fill="{color}"/>'
                   f'<text x="{lx + 14}" y="{ly}" font-size="11" fill="#334e68">{esc(label)}</text>')
        lx += 14 + 7 * len(label) + 14
    out.append("</svg>")
    return '<div class="fl-chart">' + "".join(out) + "</div>"


# ---------------------------------------------------------------- profile editor


def berlin_choice(profile: CompanyProfile | None, lang: str) -> str:
    value = None if profile is None else profile.in_berlin
    return t("unknown", lang) if value is None else t("yes" if value else "no", lang)


def profile_fields(profile: CompanyProfile | None) -> dict[str, Any]:
    """Values for the profile editor (employees, founded, in_berlin, stage, org, topics, needs, instruments)."""
    p = profile or CompanyProfile()
    return {
        "employees": p.employees, "founded_year": p.founded_year, "in_berlin": p.in_berlin, "stage": p.stage,
        "org_type": p.org_type, "topics": list(p.topics), "needs": list(p.needs),
        "instruments_wished": list(p.instruments_wished),
    }


def edited_profile(base: CompanyProfile | None, employees: Any, founded_year: Any, in_berlin: bool | None,
                   stage: str | None, org_type: str | None, topics: list[str] | None, needs: list[str] | None,
                   instruments: list[str] | None, year_now: int) -> CompanyProfile:
    """The base profile with the editor's values; derived fields (size class, age, stage) are recomputed."""
    data = (base or CompanyProfile()).model_dump()
    old_emp, old_year = data.get("employees"), data.get("founded_year")
    data["employees"] = None if employees in (None, "") else max(0, int(employees))
    data["founded_year"] = None if founded_year in (None, "") else int(founded_year)
    if data["employees"] != old_emp:
        data["size_class"] = None  # re-derived from employees by the engine
    if data["founded_year"] != old_year:
        data["age_years"] = None if data["founded_year"] is None else max(0.0, float(year_now - data["founded_year"]))
        if stage == (base.stage if base else None):
            stage = None  # let the engine derive it from the new age
    data["stage"] = stage or None
    if stage is None and data.get("age_years") is not None:
        data["stage"] = "startup" if data["age_years"] < 5 else "established"
    data["org_type"] = org_type or None
    if in_berlin != data.get("in_berlin"):
        data["in_berlin"] = in_berlin
        if in_berlin:
            data["location"], data["in_germany"] = "berlin", True
        elif (data.get("location") or "").lower() == "berlin" or in_berlin is None:
            data["location"] = None
    data["topics"] = list(topics or [])
    data["needs"] = list(needs or [])
    data["instruments_wished"] = list(instruments or [])
    data["stated"] = []  # recomputed: every filled field now counts as stated
    return CompanyProfile.model_validate(data)
