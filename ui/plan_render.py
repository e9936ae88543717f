"""Pure functions from a Förderfahrplan (``MatchResult.plan``, the dict of ``matcher.plan.Plan``) and from
stored rechecks to what the UI shows: the plan as HTML with a 12-month timeline as inline SVG, and the
"Was hat sich geändert?" list.

The plan is rendered once per chat turn (with the final update, never per streamed chunk), and an
identical plan in the same language is answered from a cache (``_plan_html``), as the cards are.
Every string from the corpus goes through ``html.escape``; links only for http(s) URLs.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Any

from matcher.models import Source
from matcher.plan import PHASE_LABELS, RULE_LABELS, Plan

from .i18n import fmt_date, t
from .render import esc, source_item

PLAN_CSS = """
.fl-plan {color:#1f2933; font-size:14px; line-height:1.45;}
.fl-plan h4 {margin:12px 0 4px 0; font-size:15px; color:#102a43;}
.fl-plan ol, .fl-plan ul {margin:4px 0; padding-left:20px;}
.fl-plan li {margin:2px 0;}
.fl-plan table {border-collapse:collapse; width:100%; font-size:13px;}
.fl-plan td, .fl-plan th {border-bottom:1px solid #e4e7eb; padding:3px 6px; text-align:left; vertical-align:top;}
.fl-phase {display:inline-block; padding:0 6px; border-radius:8px; font-size:11px; color:#fff; margin-right:4px;}
.fl-rule {display:inline-block; padding:0 6px; border-radius:8px; font-size:11px; margin-right:4px;
  background:#eef2f7; color:#334e68;}
.fl-rule.excluded {background:#fde2e0; color:#8a1f14;}
.fl-rule.excluded_same_costs, .fl-rule.unknown {background:#fff4d6; color:#7a5600;}
.fl-rule.allowed, .fl-rule.allowed_with_limit {background:#e3f4e8; color:#1e6b30;}
.fl-dm-over {color:#c0392b; font-weight:600;} .fl-dm-ok {color:#1e6b30; font-weight:600;}
.fl-recheck {border:1px solid #d7dbe0; border-radius:8px; padding:8px 10px; margin:6px 0; background:#fff;}
.fl-recheck h4 {margin:0 0 2px 0;}
.dark .fl-plan, .dark .fl-recheck {color:#e4e7eb;} .dark .fl-recheck {background:#1f2933;}
"""

PHASE_COLORS = {"advice": "#5b6b7f", "before_start": "#c05621", "grants": "#2e8540", "loans": "#1c4f8a",
                "tax_credit": "#6b46c1"}
MONTHS = {"de": ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"),
          "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")}


def _i(lang: str) -> int:
    return 1 if lang == "en" else 0


def eur_exact(n: int | None, lang: str) -> str:
    """An exact sum for the plan and its export ("120.000 EUR", "EUR 120,000"); "–" for none."""
    if n is None:
        return "–"
    s = f"{n:,}"
    return (s.replace(",", ".") + " EUR") if lang != "en" else f"EUR {s}"


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def plan_names(plan: Plan) -> dict[str, str]:
    """Programme id -> name for every programme the plan mentions."""
    names = {s.programme_id: s.name for s in plan.order}
    names.update({x.id: x.name for x in plan.left_out})
    names.update({r.programme_id: r.name for r in plan.timeline.rows})
    return names


def _rule_badge(rule: str, lang: str) -> str:
    return f'<span class="fl-rule {esc(rule)}">{esc(RULE_LABELS[rule][_i(lang)])}</span>'


def _src(src: Source | None, lang: str) -> str:
    return f" – {source_item(src, lang)}" if src is not None else ""


# ---------------------------------------------------------------- timeline picture


def _x_of(d: dt.date, start: dt.date, end: dt.date, x0: float, x1: float) -> float:
    span = max(1, (end - start).days)
    return x0 + (x1 - x0) * min(max((d - start).days, 0), span) / span


def timeline_svg(plan: Plan | dict, lang: str | None = None) -> str:
    """The plan's next twelve months as an inline SVG: one row per plan programme (in plan order, with its
    step number and phase colour), month ticks, a bar where it can be applied for at any time, diamonds for
    cut-off dates and triangles for deadlines, each with its date. ``""`` when the plan has no programme."""
    plan = plan if isinstance(plan, Plan) else Plan.model_validate(plan)
    lang = lang or plan.lang
    rows = plan.timeline.rows
    if not rows:
        return ""
    step_of = {s.programme_id: s.n for s in plan.order}
    rows = sorted(rows, key=lambda r: step_of.get(r.programme_id, 99))
    start, end = plan.timeline.start, plan.timeline.end
    left, right, top, row_h = 250, 16, 46, 34
    width = 760
    x0, x1 = left, width - right
    height = top + row_h * len(rows) + 40
    title = t("timeline_title", lang)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-label="{esc(title)}" font-family="sans-serif" class="fl-timeline">',
           f'<text x="{width / 2}" y="16" text-anchor="middle" font-size="13" font-weight="600" fill="#102a43">'
           f'{esc(title)} ({esc(fmt_date(start, lang))} – {esc(fmt_date(end, lang))})</text>']
    # month ticks: the first of every month in the window
    m = dt.date(start.year, start.month, 1)
    bottom = top + row_h * len(rows)
    while m <= end:
        if m >= start:
            x = _x_of(m, start, end, x0, x1)
            out.append(f'<line x1="{x:.1f}" y1="{top - 8}" x2="{x:.1f}" y2="{bottom}" stroke="#e4e7eb"/>')
            label = MONTHS["en" if lang == "en" else "de"][m.month - 1] + (f" {m.year % 100:02d}" if m.month == 1 else "")
            out.append(f'<text x="{x + 3:.1f}" y="{top - 12}" font-size="11" fill="#52606d">{esc(label)}</text>')
        m = dt.date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    out.append(f'<line x1="{x0}" y1="{top - 8}" x2="{x0}" y2="{bottom}" stroke="#102a43" stroke-width="1.5"/>')
    out.append(f'<text x="{x0 + 3}" y="{bottom + 14}" font-size="10" fill="#102a43">{esc(t("today", lang))}</text>')
    for j, r in enumerate(rows):
        y = top + row_h * j + row_h / 2
        color = PHASE_COLORS.get(r.phase, "#52606d")
        n = step_of.get(r.programme_id)
        name = r.name if len(r.name) <= 35 else r.name[:34] + "…"
        out.append(f'<g class="fl-tl-row" data-id="{esc(r.programme_id)}"><title>{esc(r.name)} – '
                   f'{esc(PHASE_LABELS[r.phase][_i(lang)])}</title>'
                   f'<circle cx="12" cy="{y}" r="9" fill="{color}"/>'
                   f'<text x="12" y="{y + 4}" text-anchor="middle" font-size="10" font-weight="700" fill="#fff">'
                   f'{n if n is not None else ""}</text>'
                   f'<text x="26" y="{y + 4}" font-size="11.5" fill="#1f2933">{esc(name)}</text></g>')
        out.append(f'<line x1="{x0}" y1="{y}" x2="{x1}" y2="{y}" stroke="#f0f2f5" stroke-width="{row_h - 10}"/>')
        if r.rolling:
            out.append(f'<rect x="{x0}" y="{y - 6}" width="{x1 - x0}" height="12" rx="6" fill="{color}" opacity="0.35">'
                       f'<title>{esc(t("rolling_any_time", lang))}</title></rect>')
        elif r.status == "planned":
            out.append(f'<line x1="{x0}" y1="{y}" x2="{x1}" y2="{y}" stroke="{color}" stroke-width="2" '
                       f'stroke-dasharray="6 5"><title>{esc(t("planned_not_open", lang))}</title></line>')
        last_label_x = -1e9
        for ev in r.events:
            x = _x_of(ev.date, start, end, x0, x1)
            tip = f"{ev.label} {fmt_date(ev.date, lang)}"
            if ev.kind == "cutoff":
                shape = (f'<polygon points="{x:.1f},{y - 8} {x + 7:.1f},{y} {x:.1f},{y + 8} {x - 7:.1f},{y}" '
                         f'fill="{color}" stroke="#102a43" stroke-width="0.8"/>')
            else:
                shape = (f'<polygon points="{x - 7:.1f},{y - 7} {x + 7:.1f},{y - 7} {x:.1f},{y + 7}" '
                         f'fill="#c0392b" stroke="#102a43" stroke-width="0.8"/>')
            out.append(f'<g class="fl-tl-event {esc(ev.kind)}"><title>{esc(tip)}</title>{shape}</g>')
            if x - last_label_x > 62:  # dates too close to the previous one are left to the tooltip
                d = ev.date
                short = d.strftime("%d.%m.%y") if lang != "en" else f"{d.day} {MONTHS['en'][d.month - 1]} {d.year % 100:02d}"
                out.append(f'<text x="{x:.1f}" y="{y + 17}" text-anchor="middle" font-size="10" fill="#334e68">'
                           f'{esc(short)}</text>')
                last_label_x = x
    # legend
    ly = bottom + 30
    lx = x0
    legend = [("bar", t("rolling_any_time", lang)), ("cutoff", t("cutoff", lang)), ("deadline", t("deadline", lang))]
    for kind, label in legend:
        if kind == "bar":
            out.append(f'<rect x="{lx}" y="{ly - 9}" width="22" height="10" rx="5" fill="#2e8540" opacity="0.35"/>')
        elif kind == "cutoff":
            out.append(f'<polygon points="{lx + 8},{ly - 12} {lx + 15},{ly - 4} {lx + 8},{ly + 4} {lx + 1},{ly - 4}" '
                       f'fill="#2e8540"/>')
        else:
            out.append(f'<polygon points="{lx + 1},{ly - 11} {lx + 15},{ly - 11} {lx + 8},{ly + 3}" fill="#c0392b"/>')
        out.append(f'<text x="{lx + 28}" y="{ly}" font-size="11" fill="#334e68">{esc(label)}</text>')
        lx += 40 + 7 * len(label)
    out.append("</svg>")
    return "".join(out)


# ---------------------------------------------------------------- the plan


def plan_html(plan: dict | None, lang: str = "de") -> str:
    """The Förderfahrplan tab: order, timeline picture, combinations, exclusions (rule and source), programmes
    left out, and the de-minimis sum against the ceiling. A hint when there is no plan."""
    if not plan:
        return f'<div class="fl-plan"><div class="fl-empty">{esc(t("no_plan", lang))}</div></div>'
    return _plan_html(json.dumps(plan, sort_keys=True, ensure_ascii=False), lang)


@lru_cache(maxsize=256)
def _plan_html(plan_json: str, lang: str) -> str:
    plan = Plan.model_validate(json.loads(plan_json))
    i = _i(lang)
    names = plan_names(plan)
    out = ['<div class="fl-plan">']
    # order
    out.append(f"<h4>{esc(t('plan_order', lang))}</h4>")
    if plan.order:
        out.append("<ol>")
        for s in plan.order:
            color = PHASE_COLORS.get(s.phase, "#52606d")
            out.append(f'<li data-id="{esc(s.programme_id)}"><span class="fl-phase" style="background:{color}">'
                       f'{esc(PHASE_LABELS[s.phase][i])}</span><b>{esc(s.name)}</b>'
                       + (f" – {esc(s.when)}" if s.when else "") + "</li>")
        out.append("</ol>")
    else:
        out.append(f'<div class="fl-empty">{esc(t("plan_nothing", lang))}</div>')
    # timeline
    svg = timeline_svg(plan, lang)
    if svg:
        out.append(f'<div class="fl-timeline-box" style="margin-top:10px">{svg}</div>')
    # combinations
    if plan.combinations:
        out.append(f"<h4>{esc(t('plan_combinations', lang))}</h4><ul>")
        for c in plan.combinations:
            text = c.text if c.rule != "unknown" else ""
            out.append(f"<li>{esc(names.get(c.a, c.a))} + {esc(names.get(c.b, c.b))}: {_rule_badge(c.rule, lang)}"
                       f"{esc(text)}{_src(c.source, lang)}</li>")
        out.append("</ul>")
    # exclusions and what is left out
    dropped = {x.id for x in plan.left_out if x.reason == "excluded"}
    if plan.exclusions:
        out.append(f"<h4>{esc(t('plan_exclusions', lang))}</h4><ul class='fl-exclusions'>")
        for c in plan.exclusions:
            out_of = [names.get(i, i) for i in (c.a, c.b) if i in dropped]
            note = f" → {t('plan_left_out', lang)}: {', '.join(out_of)}" if out_of else ""
            out.append(f"<li>{esc(names.get(c.a, c.a))} ✗ {esc(names.get(c.b, c.b))}: {_rule_badge(c.rule, lang)}"
                       f"{esc(c.text or '')}{_src(c.source, lang)}<b>{esc(note)}</b></li>")
        out.append("</ul>")
    # what else stays out (closed, not eligible, project already started); excluded ones are listed above
    other = [x for x in plan.left_out if x.reason != "excluded" or not plan.exclusions]
    if other:
        out.append(f"<h4>{esc(t('plan_left_out', lang))}</h4><ul>")
        for x in other:
            by = f" ({t('plan_because_of', lang)} {names.get(x.by, x.by)})" if x.by else ""
            out.append(f"<li><b>{esc(x.name)}</b>{esc(by)}: {esc(x.text)}{_src(x.source, lang)}</li>")
        out.append("</ul>")
    # de minimis
    out.append(_de_minimis_html(plan, lang))
    if plan.notes:
        out.append("<ul>" + "".join(f"<li>{esc(n)}</li>" for n in plan.notes) + "</ul>")
    out.append("</div>")
    return "".join(out)


def _de_minimis_html(plan: Plan, lang: str) -> str:
    dm = plan.de_minimis
    parts = [f"<h4>{esc(t('plan_de_minimis', lang))}</h4>"]
    rows = [(t("dm_planned", lang), eur_exact(dm.planned_eur, lang)),
            (t("dm_received", lang), eur_exact(dm.received_eur, lang) if dm.received_eur is not None else t("dm_not_stated", lang)),
            (t("dm_total", lang), eur_exact(dm.total_eur, lang)),
            (t("dm_ceiling", lang), eur_exact(dm.ceiling_eur, lang))]
    parts.append('<table class="fl-dm">' + "".join(f"<tr><td>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in rows)
                 + "</table>")
    cls, verdict = ("fl-dm-over", t("dm_exceeds", lang)) if dm.exceeds else (
        "fl-dm-ok", f"{t('dm_room', lang)} {eur_exact(dm.remaining_eur, lang)}")
    parts.append(f'<div class="{cls}">{esc(verdict)}</div>')
    parts.append(_de_minimis_bar(dm.planned_eur, dm.received_eur or 0, dm.ceiling_eur, lang))
    if dm.items:
        parts.append("<ul>" + "".join(
            f"<li>{esc(x.name)}: {esc(eur_exact(x.max_eur, lang) if x.max_eur is not None else t('dm_grant_equivalent', lang))}"
            f"{' ⚠' if x.over_ceiling else ''}</li>" for x in dm.items) + "</ul>")
    if dm.note:
        parts.append(f"<div>{esc(dm.note)}</div>")
    parts.append(f'<div class="fl-foot">{esc(t("sources", lang))}: {source_item(dm.source, lang)}</div>')
    return "".join(parts)


def _de_minimis_bar(planned: int, received: int, ceiling: int, lang: str) -> str:
    """A horizontal bar: aid already received, planned aid, and the ceiling as a line."""
    width, height, left, right = 600, 34, 4, 4
    scale_max = max(ceiling, planned + received) * 1.05
    w = width - left - right

    def x(v: float) -> float:
        return left + w * v / scale_max

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" class="fl-dm-bar" '
           f'role="img" aria-label="{esc(t("plan_de_minimis", lang))}" font-family="sans-serif">',
           f'<rect x="{left}" y="6" width="{w}" height="14" fill="#f0f2f5" rx="3"/>']
    if received:
        out.append(f'<rect x="{x(0):.1f}" y="6" width="{x(received) - x(0):.1f}" height="14" fill="#9aa3ad">'
                   f'<title>{esc(t("dm_received", lang))}: {esc(eur_exact(received, lang))}</title></rect>')
    if planned:
        color = "#c0392b" if planned + received > ceiling else "#2e8540"
        out.append(f'<rect x="{x(received):.1f}" y="6" width="{x(received + planned) - x(received):.1f}" height="14" '
                   f'fill="{color}"><title>{esc(t("dm_planned", lang))}: {esc(eur_exact(planned, lang))}</title></rect>')
    cx = x(ceiling)
    out.append(f'<line x1="{cx:.1f}" y1="2" x2="{cx:.1f}" y2="24" stroke="#102a43" stroke-width="2"/>'
               f'<text x="{min(cx, width - 4):.1f}" y="33" text-anchor="end" font-size="10" fill="#102a43">'
               f'{esc(t("dm_ceiling", lang))} {esc(eur_exact(ceiling, lang))}</text></svg>')
    return "".join(out)


# ---------------------------------------------------------------- what changed (rechecks)


def recheck_rows(rechecks: list, consultations: list) -> list[dict]:
    """The newest recheck of each saved consultation, newest first, with the client's name.

    ``rechecks``: ``matcher.store.Recheck`` (newest first); ``consultations``: ``ConsultationSummary``."""
    names = {c.id: c for c in consultations}
    seen: set[str] = set()
    rows = []
    for r in rechecks:
        if r.consultation_id in seen or r.consultation_id not in names:
            continue
        seen.add(r.consultation_id)
        c = names[r.consultation_id]
        rows.append({"consultation_id": c.id, "client_name": c.client_name, "saved_at": c.created_at,
                     "checked_at": r.created_at, "differences": r.differences})
    return rows


def _when(value: Any, lang: str) -> str:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        value = value.astimezone()
        return value.strftime("%d.%m.%Y %H:%M") if lang != "en" else value.strftime("%Y-%m-%d %H:%M")
    return str(value or "")


def _value(v: Any, lang: str) -> str:
    if v is None or v == "":
        return "–"
    if isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[7] == "-":
        try:
            return fmt_date(dt.date.fromisoformat(v), lang)
        except ValueError:
            return v
    return str(v)


def difference_lines(d: dict, lang: str) -> list[str]:
    """One plain sentence per difference of a recheck (``matcher.recheck.diff_consultation``)."""
    lines = []
    for x in d.get("now_fit", []):
        lines.append(f"{t('rc_now_fit', lang)}: {x.get('name') or x['id']}")
    for x in d.get("closed", []):
        why = t("rc_deadline_passed", lang) if x.get("reason") == "deadline_passed" else t("rc_closed_now", lang)
        lines.append(f"{t('rc_closed', lang)}: {x.get('name') or x['id']} ({why})")
    for x in d.get("changed", []):
        field = t(f"rc_field_{x['field']}", lang)
        lines.append(f"{t('rc_changed', lang)} {field}: {x.get('name') or x['id']}: "
                     f"{_value(x.get('old'), lang)} → {_value(x.get('new'), lang)}")
    for x in d.get("new_calls", []):
        lines.append(f"{t('rc_new_calls', lang)}: {x.get('name') or x['id']}: "
                     + ", ".join(_value(v, lang) for v in x.get("dates", [])))
    for x in d.get("removed", []):
        lines.append(f"{t('rc_removed', lang)}: {x.get('name') or x['id']}")
    return lines


def rechecks_html(rows: list[dict], lang: str = "de") -> str:
    """The "Was hat sich geändert?" list: per saved consultation its newest recheck and the differences."""
    if not rows:
        return f'<div class="fl-empty">{esc(t("rc_none", lang))}</div>'
    out = ['<div class="fl-rechecks">']
    for r in rows:
        lines = difference_lines(r["differences"], lang)
        head = (f'<h4>{esc(r["client_name"])}</h4><div class="fl-meta">{esc(t("rc_saved", lang))} '
                f'{esc(_when(r["saved_at"], lang))} · {esc(t("rc_checked", lang))} {esc(_when(r["checked_at"], lang))}'
                f' · {len(lines)} {esc(t("rc_differences", lang))}</div>')
        body = ("<ul>" + "".join(f"<li>{esc(x)}</li>" for x in lines) + "</ul>") if lines else \
            f'<div class="fl-empty">{esc(t("rc_no_change", lang))}</div>'
        out.append(f'<div class="fl-recheck" data-id="{esc(r["consultation_id"])}">{head}{body}</div>')
    out.append("</div>")
    return "".join(out)


def plan_key(plan: dict | None, lang: str) -> str:
    """What the plan tab shows, as a short key: equal keys mean the page already shows this plan."""
    if not plan:
        return f"none:{lang}"
    import hashlib

    return hashlib.sha1(json.dumps(plan, sort_keys=True).encode()).hexdigest()[:16] + f":{lang}"
