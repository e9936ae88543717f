"""Issue 11 in the UI, pure parts: the Förderfahrplan render (HTML, timeline SVG, cache), its export, the
"Was hat sich geändert?" list, programme questions in the session (previous shortlist ids, plan kept)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from fixtures.ui_results import EN_CASE, README_CASE, TODAY
from matcher.api import match
from ui import export, plan_render, render, session


def _filters():
    return session.filters_from([], [], False)


# ---------------------------------------------------------------- the plan tab


def test_plan_shows_order_combinations_exclusions_with_sources_and_de_minimis(de_result):
    out = plan_render.plan_html(de_result.plan, "de")
    order = re.findall(r'<li data-id="([a-z0-9-]+)"', out)
    assert order == ["berlin-innovation-grant", "eu-accelerator", "energy-efficiency-grant"]
    assert "Vor Projektbeginn beantragen" in out and "nächster Termin 17.12.2026" in out
    # the exclusion: both programmes, the rule, its text and its source; the loan is not in the plan
    excl = out.split("fl-exclusions")[1].split("</ul>")[0]
    assert "Berliner Innovationszuschuss" in excl and "Bundes-Investitionskredit" in excl
    assert "schließen sich aus" in excl and "Nicht zusammen mit dem Bundes-Investitionskredit" in excl
    assert 'href="https://example.org/innovation-richtlinie"' in excl and "Rechtstext" in excl
    assert "Nicht im Plan: Bundes-Investitionskredit" in excl
    assert "bund-investment-loan" not in order
    # a combination with its rule and source; closed programmes are listed as left out
    assert "nicht für dieselben Kosten" in out and 'href="https://example.org/energy-merkblatt"' in out
    assert "Digitalprämie (Testprogramm, geschlossen)</b>: derzeit geschlossen" in out
    # de minimis: 150,000 planned, ceiling 300,000, the regulation as source
    assert "<td>im Plan (höchstens)</td><td>150.000 EUR</td>" in out and "300.000 EUR" in out
    assert "Spielraum bis zur Obergrenze: 150.000 EUR" in out and "2023/2831" in out
    assert out.count('class="fl-timeline"') == 1


def test_plan_in_english(en_result):
    out = plan_render.plan_html(en_result.plan, "en")
    assert "Apply before the project starts" in out and "exclude each other" in out
    assert "EUR 150,000" in out and "The next 12 months" in out
    assert "Vor Projektbeginn" not in out


def test_no_plan_is_a_hint_and_the_key_says_so():
    assert "Noch kein Förderfahrplan" in plan_render.plan_html(None, "de")
    assert "No funding plan yet" in plan_render.plan_html({}, "en")
    assert plan_render.plan_key(None, "de") == session.PAGE_AT_LOAD["plan"]


def test_timeline_draws_rows_dates_and_nothing_outside_the_window(de_result):
    svg = plan_render.timeline_svg(de_result.plan, "de")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    rows = re.findall(r'class="fl-tl-row" data-id="([a-z0-9-]+)"', svg)
    assert rows == ["berlin-innovation-grant", "eu-accelerator", "energy-efficiency-grant"]  # plan order
    assert svg.count('class="fl-tl-event cutoff"') == 2 and svg.count('class="fl-tl-event deadline"') == 1
    assert "04.03.2027" in svg and "17.12.2026" in svg
    for x in map(float, re.findall(r'<polygon points="([\d.]+),', svg)):
        assert 0 <= x <= 760
    assert ">Dez<" in svg and ">Jan 27<" in svg
    en = plan_render.timeline_svg(de_result.plan, "en")
    assert ">Dec<" in en and ">4 Mar 27<" in en and "2027-03-04" in en
    # a date past the twelve months is not drawn
    plan = plan_render.Plan.model_validate(de_result.plan)
    row = plan.timeline.rows[1]
    row.events.append(row.events[0].model_copy(update={"date": plan.timeline.end + dt.timedelta(days=40)}))
    far = plan_render.timeline_svg(plan, "de")
    assert far.count('class="fl-tl-event') == 4  # drawn at the edge, never outside the picture
    assert plan_render.timeline_svg(plan.model_copy(update={"timeline": plan.timeline.model_copy(update={"rows": []})})) == ""


def test_corpus_strings_in_the_plan_are_escaped(de_result):
    evil = '<img src=x onerror=alert(1)>'
    plan = dict(de_result.plan)
    plan["order"] = [{**s, "name": evil} for s in plan["order"]]
    plan["exclusions"] = [{**c, "text": evil} for c in plan["exclusions"]]
    plan["timeline"] = {**plan["timeline"], "rows": [{**r, "name": evil} for r in plan["timeline"]["rows"]]}
    out = plan_render.plan_html(plan, "de")
    assert evil not in out and "&lt;img src=x onerror=alert(1)&gt;" in out


def test_plan_render_is_cached(de_result):
    plan_render._plan_html.cache_clear()
    first = plan_render.plan_html(de_result.plan, "de")
    again = plan_render.plan_html(dict(de_result.plan), "de")
    info = plan_render._plan_html.cache_info()
    assert first == again and info.misses == 1 and info.hits == 1
    plan_render.plan_html(de_result.plan, "en")
    assert plan_render._plan_html.cache_info().misses == 2


# ---------------------------------------------------------------- export


def test_markdown_export_carries_the_plan(de_result):
    md = export.to_markdown(de_result, TODAY)
    plan = md.split("## Förderfahrplan")[1].split("## Offene Fragen")[0]
    assert "### Reihenfolge" in plan
    assert "1. Berliner Innovationszuschuss (Testprogramm) – Vor Projektbeginn beantragen" in plan
    assert "### Schließen sich aus" in plan and "[Rechtstext/Richtlinie] https://example.org/innovation-richtlinie" in plan
    assert "### Zusammen möglich (für dasselbe Vorhaben)" in plan and "https://example.org/energy-merkblatt" in plan
    assert "| Programm | Datum | Art |" in plan
    assert "| EU Accelerator (Testprogramm) | 04.03.2027 | Stichtag |" in plan
    assert "| EU Accelerator (Testprogramm) | 17.12.2026 | Frist |" in plan
    assert "| Berliner Innovationszuschuss (Testprogramm) | 25.11.2026 – 25.11.2027 | laufend beantragbar |" in plan
    assert "im Plan (höchstens): 150.000 EUR" in plan and "Obergrenze: 300.000 EUR" in plan
    assert "eur-lex.europa.eu" in plan
    md_en = export.to_markdown(match(EN_CASE), TODAY)
    assert "## Funding plan" in md_en and "| Programme | Date | Kind |" in md_en and "cut-off" in md_en


def test_pdf_export_carries_the_plan_on_one_page(de_result, tmp_path):
    path = export.to_pdf(de_result, tmp_path / "plan.pdf", TODAY, client="Muster GmbH")
    data = path.read_bytes()
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", data)) == 1
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils missing: apt-get install -y poppler-utils")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for needle in ("Förderfahrplan", "Schließen sich aus", "innovation-richtlinie", "Stichtag", "04.03.2027",
                   "150.000 EUR", "300.000 EUR"):
        assert needle in flat, needle


def test_export_of_a_result_without_plan_has_no_plan_section(de_result):
    md = export.to_markdown(de_result.model_copy(update={"plan": None}), TODAY)
    assert "Förderfahrplan" not in md


# ---------------------------------------------------------------- programme questions in the session


def test_a_question_about_the_second_card_uses_the_shortlist_and_keeps_the_plan(engine):
    st = session.new_state()
    first = session.chat_turn(st, README_CASE, _filters(), False, None)
    ids, plan, basis = list(st["shortlist_ids"]), st["plan"], st["basis"]
    assert ids == [h.id for h in first.programmes] and plan == first.plan and plan
    res = session.chat_turn(st, "Wie beantrage ich den zweiten?", _filters(), False, None)
    assert res.intent == "programme_question" and [h.id for h in res.programmes] == [ids[1]]
    assert res.programme_answer["by_reference"] and "So beantragen Sie" in res.answer
    assert st["shortlist_ids"] == ids and st["plan"] == plan and st["basis"] == basis
    cards = render.programme_cards(res)
    assert "Ihre Frage zu: EU Accelerator (Testprogramm)" in cards and cards.count('class="fl-card ') == 1
    assert "fl-num" not in cards  # unnumbered: the numbers belong to the shortlist
    # filters after a question re-run the shortlist, not the question
    again = session.refilter(st, _filters(), False, None)
    assert again.intent == "shortlist" and [h.id for h in again.programmes] == ids
    # "the third one" after a fresh English shortlist
    st2 = session.new_state()
    session.chat_turn(st2, EN_CASE, _filters(), False, None)
    third = session.chat_turn(st2, "What is the deadline for the third one?", _filters(), False, None)
    assert third.intent == "programme_question" and [h.id for h in third.programmes] == [st2["shortlist_ids"][2]]


def test_a_message_in_between_keeps_the_consultation_on_the_page(engine):
    st = session.new_state()
    first = session.chat_turn(st, README_CASE, _filters(), False, None)
    kept = {k: st[k] for k in ("profile", "result", "basis", "shortlist_ids", "plan")}
    res = session.chat_turn(st, "Please write a birthday poem for my grandmother", _filters(), False, None)
    assert res.intent == "off_topic" and "funding assistant" in res.message
    assert {k: st[k] for k in kept} == kept and st["seq"] == 2
    cards = render.programme_cards(session.result_of(st))
    assert all(h.name in cards for h in first.programmes)
    # filters re-run the consultation, not the poem
    assert [h.id for h in session.refilter(st, _filters(), False, None).programmes] == st["shortlist_ids"]


def test_saved_state_keeps_the_shortlist_and_plan(engine):
    st = session.new_state()
    session.chat_turn(st, README_CASE, _filters(), False, None)
    session.chat_turn(st, "Wie hoch ist die Förderquote beim zweiten?", _filters(), False, None)
    back = session.state_from_saved("abc", session.saved_payload(st))
    assert back["shortlist_ids"] == st["shortlist_ids"] and back["plan"] == st["plan"]
    # consultations saved before the plan tab existed get them from their result
    st3 = session.new_state()
    session.chat_turn(st3, README_CASE, _filters(), False, None)
    legacy = {k: v for k, v in session.saved_payload(st3).items() if k not in ("shortlist_ids", "shortlist_plan")}
    back3 = session.state_from_saved("x", legacy)
    assert back3["shortlist_ids"] == st3["shortlist_ids"] and back3["plan"] == st3["plan"]


# ---------------------------------------------------------------- what changed


def test_recheck_list_names_client_and_each_difference():
    class R:  # stand-ins for the store's Recheck and ConsultationSummary
        def __init__(self, **kw):
            self.__dict__.update(kw)

    now = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
    diffs = {"now_fit": [{"id": "zim", "name": "ZIM"}], "closed": [{"id": "a", "name": "A", "reason": "deadline_passed"}],
             "changed": [{"id": "b", "name": "B <b>", "field": "deadline", "old": "2026-12-17", "new": "2027-01-21"},
                         {"id": "c", "name": "C", "field": "amount", "old": "bis 400.000 EUR", "new": "bis 500.000 EUR"}],
             "new_calls": [{"id": "d", "name": "D", "dates": ["2027-03-04"]}], "removed": [{"id": "e", "name": "E"}]}
    rechecks = [R(consultation_id="c1", created_at=now, differences=diffs),
                R(consultation_id="c1", created_at=now - dt.timedelta(days=1), differences={}),
                R(consultation_id="c2", created_at=now, differences={}),
                R(consultation_id="gone", created_at=now, differences=diffs)]
    consultations = [R(id="c1", client_name="Muster GmbH", created_at=now - dt.timedelta(days=30)),
                     R(id="c2", client_name="Other AG", created_at=now - dt.timedelta(days=3))]
    rows = plan_render.recheck_rows(rechecks, consultations)
    assert [r["consultation_id"] for r in rows] == ["c1", "c2"]  # newest per consultation; deleted ones skipped
    lines = plan_render.difference_lines(rows[0]["differences"], "de")
    assert lines == ["Passt jetzt: ZIM", "Geschlossen: A (Frist abgelaufen)",
                     "Geändert: Frist: B <b>: 17.12.2026 → 21.01.2027",
                     "Geändert: Umfang: C: bis 400.000 EUR → bis 500.000 EUR",
                     "Neue Stichtage: D: 04.03.2027", "Nicht mehr im Datenbestand: E"]
    out = plan_render.rechecks_html(rows, "de")
    assert "Muster GmbH" in out and "6 Änderung(en)" in out and "B &lt;b&gt;" in out and "Keine Änderungen." in out
    assert "Changed: deadline: B <b>: 2026-12-17 → 2027-01-21" in plan_render.difference_lines(diffs, "en")
    assert "No saved consultation has been checked yet." in plan_render.rechecks_html([], "en")
