"""Pure functions from a ``MatchResult`` to what the UI shows: HTML cards, the chart, profile fields.

Every string that comes from the corpus or from the user goes through ``html.escape``; links
are only emitted for http(s) URLs.
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

from matcher.models import CompanyProfile, MatchResult, ProgrammeHit, ProjectHit, Source

from .i18n import fmt_date, field_label, instrument_label, level_label, source_kind_label, status_label, t

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
.fl-src-kind {display:inline-block; padding:0 5px; border-radius:6px; font-size:11px; margin-right:3px;
  background:#eef2f7; color:#334e68;}
.fl-src-kind.official, .fl-src-kind.legal {background:#e3f4e8; color:#1e6b30;}
.fl-src-kind.secondary {background:#fff4d6; color:#7a5600;}
.fl-lane {margin:14px 0 6px 0; font-size:17px;}
#fl-status {display:none;}
.fl-verified {color:#1e6b30;} .fl-unverified {color:#7a5600;}
.fl-secondary {display:inline-block; margin-left:4px; padding:0 5px; border-radius:6px; font-size:11px;
  background:#fff4d6; color:#7a5600;}
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


def source_item(src: Source, lang: str) -> str:
    """A source with its kind (official page, legal text, report, secondary source) as a small badge."""
    kind = source_kind_label(src.kind, lang)
    badge = f'<span class="fl-src-kind {esc(src.kind)}">{esc(kind)}</span>' if kind else ""
    return badge + source_link(src)


def secondary_mark(lang: str) -> str:
    return f'<span class="fl-secondary">{esc(t("secondary_only", lang))}</span>'


def verification_line(hit: ProgrammeHit, lang: str) -> tuple[str, str]:
    """(css class, text): "geprüft am <date>" / "checked on <date>", the record's note, or "not checked"."""
    if hit.verified_on:
        return "fl-verified", f"{t('verified_on', lang)} {fmt_date(hit.verified_on, lang)}"
    return "fl-unverified", hit.verification_note or t("not_verified", lang)


def status_badge(hit: ProgrammeHit, lang: str) -> str:
    st = hit.effective_status
    text = status_label(st, lang)
    if hit.deadline:
        text += f" · {t('deadline', lang)} {fmt_date(hit.deadline, lang)}"
    elif hit.deadline_text:
        text += f" · {hit.deadline_text}"
    return f'<span class="fl-badge {esc(st)}">{esc(text)}</span>'


def programme_card(hit: ProgrammeHit, n: int | None, lang: str) -> str:
    """One programme as an HTML card (``n``: its rank number, ``None`` for an unnumbered support offer).

    The parts that depend only on the programme record and the language (title, meta, amount, sources,
    verification) are rendered once per programme and language (``_static_parts``); the verdict,
    status, reasons and criteria depend on the company and are rendered per call.
    """
    head, money, foot, secondary = _static_parts(_static_key(hit), lang)
    verdict = f'<span class="fl-badge v-{esc(hit.eligibility)}">{esc(t(hit.eligibility, lang))}</span>'
    crit_texts = {c.reason for c in hit.criteria}
    why = [r for r in hit.reasons if r not in crit_texts]
    num = f'<span class="fl-num">{n}</span>' if n is not None else ""
    parts = [f'<div class="fl-card {esc(hit.eligibility)}" data-id="{esc(hit.id)}">', head.replace("\x00", num, 1),
             f"<div>{verdict}{status_badge(hit, lang)}</div>", money]
    if why:
        parts.append(f"<div style='margin-top:4px'><b>{esc(t('why', lang))}:</b><ul>"
                     + "".join(f'<li class="fl-why">{esc(r)}</li>' for r in why) + "</ul></div>")
    if hit.criteria:
        mark = secondary_mark(lang)
        parts.append(f"<div><b>{esc(t('criteria', lang))}:</b><ul>"
                     + "".join(f'<li class="fl-crit {esc(c.verdict)}">{esc(c.reason)}'
                               f'{mark if c.rule in secondary else ""}</li>' for c in hit.criteria)
                     + "</ul></div>")
    parts.append(foot)
    return "".join(parts)


def _static_key(hit: ProgrammeHit) -> tuple:
    srcs = tuple((s.title, s.url, s.section, s.kind, tuple(s.supports)) for s in hit.sources)
    return (hit.id, hit.name, hit.provider, hit.level, tuple(hit.instruments), hit.amount, hit.funding_rate,
            hit.as_of, hit.verified_on, hit.verification_note, srcs)


@lru_cache(maxsize=2048)
def _static_parts(key: tuple, lang: str) -> tuple[str, str, str, frozenset]:
    """(title + meta with a \\x00 slot for the number, amount line, footer, secondary-only fields)."""
    (_id, name, provider, level, instruments, amount, rate, as_of, verified_on, note, srcs) = key
    sources = [Source.model_construct(title=ti, url=u, section=se, kind=k, supports=list(sup))
               for ti, u, se, k, sup in srcs]
    hit = ProgrammeHit.model_construct(sources=sources, verified_on=verified_on, verification_note=note)
    secondary = frozenset(hit.secondary_only_fields())
    mark = secondary_mark(lang)
    instr = ", ".join(instrument_label(i, lang) for i in instruments)
    head = (f'<h4>\x00{esc(name)}</h4>'
            f'<div class="fl-meta">{esc(provider)} · {esc(level_label(level, lang))} · {esc(instr)}</div>')
    money = []
    if amount:
        money.append(f"<b>{esc(t('amount', lang))}:</b> {esc(amount)}{mark if 'amount' in secondary else ''}")
    if rate:
        money.append(f"<b>{esc(t('funding_rate', lang))}:</b> {esc(rate)}"
                     f"{mark if 'funding_rate' in secondary else ''}")
    money_html = f'<div style="margin-top:4px">{" · ".join(money)}</div>' if money else ""
    cls, check = verification_line(hit, lang)
    links = " · ".join(source_item(s, lang) for s in sources)
    foot = [f'<div class="fl-foot">{esc(t("sources", lang))}: {links} · {esc(t("as_of", lang))} '
            f'{esc(fmt_date(as_of, lang))} · <span class="{cls}">{esc(check)}</span>']
    if secondary:
        foot.append(f'<br>{esc(t("secondary_only", lang))}: '
                    + esc(", ".join(field_label(f, lang) for f in sorted(secondary))))
    foot.append("</div></div>")
    return head, money_html, "".join(foot), secondary


def programme_cards(result: MatchResult | None, lang: str | None = None) -> str:
    """All programme cards (plus a folded list of ineligible ones), or a hint when empty."""
    if result is None:
        return f'<div class="fl-empty">{esc(t("no_results", lang or "de"))}</div>'
    lang = lang or result.lang
    if result.intent == "programme_question" and result.programmes:
        # a question about named programmes: their cards, unnumbered (the numbers belong to the shortlist)
        names = ", ".join(h.name for h in result.programmes)
        return (f'<div class="fl-cards fl-asked"><div class="fl-meta">{esc(t("asked_programmes", lang))}: {esc(names)}</div>'
                + "".join(programme_card(h, None, lang) for h in result.programmes) + "</div>")
    if result.intent != "shortlist":  # off-topic or empty input: the message, no cards
        return f'<div class="fl-cards"><div class="fl-empty">{esc(result.message or t("no_programmes", lang))}</div></div>'
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


def support_cards(result: MatchResult | None, lang: str | None = None) -> str:
    """The support offers (advice, networks, training) in their own lane: a heading and unnumbered cards
    ("" when there are none)."""
    if result is None or result.intent != "shortlist" or not result.support:
        return ""
    lang = lang or result.lang
    return (f'<h3 class="fl-lane">{esc(t("support", lang))}</h3><div class="fl-cards fl-support">'
            + "".join(programme_card(h, None, lang) for h in result.support) + "</div>")


def project_card(hit: ProjectHit, lang: str) -> str:
    kind = t("project", lang) if hit.kind == "project" else t("actor", lang)
    if hit.status:
        kind += f" · {t(hit.status, lang)}"
    parts = [f'<div class="fl-card" data-id="{esc(hit.id)}"><h4>{esc(hit.name)}</h4>',
             f'<div class="fl-meta">{esc(kind)}</div>',
             f"<div>{esc(hit.why)}</div>", f"<div style='margin-top:3px'>{esc(hit.offer)}</div>"]
    if hit.contact:
        parts.append(f"<div><b>{esc(t('contact', lang))}:</b> {esc(hit.contact)}</div>")
    links = " · ".join(source_item(s, lang) for s in hit.sources)
    parts.append(f'<div class="fl-foot">{esc(t("sources", lang))}: {links} · {esc(t("as_of", lang))} '
                 f'{esc(fmt_date(hit.as_of, lang))}</div></div>')
    return "".join(parts)


def project_cards(result: MatchResult | None, lang: str | None = None) -> str:
    """The MPI project and contact cards."""
    if result is None or result.intent != "shortlist" or not result.projects:
        return ""
    lang = lang or result.lang
    return '<div class="fl-cards">' + "".join(project_card(p, lang) for p in result.projects) + "</div>"


# ---------------------------------------------------------------- streaming


def answer_chunks(answer: str, size: int = 60, at_lines: bool = True) -> list[str]:
    """Cut the answer into pieces of about ``size`` characters at word ends (joined = answer); with
    ``at_lines`` also at every line end. Each piece is one streamed update, and every update costs the
    app a Gradio round (postprocess, diff, SSE message), so the chat streams a few large pieces."""
    chunks: list[str] = []
    buf = ""
    for token in _tokens(answer):
        buf += token
        if len(buf) >= size or (at_lines and token.endswith("\n")):
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
    if result is None or result.intent != "shortlist" or not result.programmes:
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
    # a fact two readers disagreed on is settled once the editor gives it a value
    data["disputed"] = [f for f in data.get("disputed") or [] if data.get(f) is None]
    return CompanyProfile.model_validate(data)


def understood(info: dict | None) -> str | None:
    """The first answer piece of a chat turn, shown while ``match`` runs: what was understood from the message
    (``ui.session.understand``); the answer replaces it. ``None`` when there is nothing to show."""
    if not info:
        return None
    if info.get("asked"):
        return t("understood_q", info["lang"]).format(names=", ".join(info["asked"]))
    return t("understood", info["lang"]).format(profile=info["profile"], n=info["programmes"])
