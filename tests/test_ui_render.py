"""UI pure functions (cards, chart, streaming chunks, profile editor, session turns, export) on real results."""

from __future__ import annotations

import html
import re
from html import escape as html_escape

import pytest

from fixtures.ui_results import EN_CASE, README_CASE, TODAY
from matcher.api import match
from matcher.models import Source
from ui import export, render, session
from ui.i18n import answer_template, t


def test_programme_cards_show_name_provider_verdict_criteria_status_source_and_as_of(de_result):
    html = render.programme_cards(de_result)
    top = de_result.programmes[0]
    assert html.count('class="fl-card ') == len(de_result.programmes) + sum(
        1 for h in de_result.hidden_ineligible if h.id not in {p.id for p in de_result.programmes})
    for needle in (top.name, top.provider, "Berlin", "Zuschuss", "voraussichtlich förderfähig", "laufend",
                   "Zuschuss bis 400.000 EUR", 'class="fl-crit fulfilled"', "max. 249 Beschäftigte – Sie nennen 40",
                   'href="https://example.org/innovation"', 'rel="noopener noreferrer"', "Stand 01.11.2026"):
        assert needle in html, needle


def test_deadline_and_closed_status_are_badges(de_result):
    html = render.programme_cards(de_result)
    assert "Aufrufe/Stichtage · Frist 17.12.2026" in html
    assert '<span class="fl-badge closed">geschlossen · Frist 30.06.2025</span>' in html


def test_project_cards_show_why_and_sources(de_result):
    html = render.project_cards(de_result)
    assert "Circular Test Hub" in html and "MPI-Projekt · laufend" in html
    assert "Arbeitet zu Kreislaufwirtschaft, Recycling." in html
    assert "Testbericht, (2.1) Projekte" in html


def test_english_result_gets_english_cards(en_result):
    assert en_result.lang == "en"
    html = render.programme_cards(en_result)
    assert "likely eligible" in html and "As of" in html and "Sources" in html


@pytest.mark.parametrize("evil", ['<img src=x onerror=alert(1)>', '<script>alert("x")</script>', '" onmouseover="x'])
def test_every_corpus_string_is_escaped(de_result, evil):
    hit = de_result.programmes[0].model_copy(update={
        "name": evil, "provider": evil, "amount": evil, "reasons": [evil],
        "criteria": [c.model_copy(update={"reason": evil}) for c in de_result.programmes[0].criteria],
        "sources": [Source.model_construct(title=evil, url="javascript:alert(1)", section=evil)]})
    proj = de_result.projects[0].model_copy(update={"name": evil, "why": evil, "offer": evil, "contact": evil})
    res = de_result.model_copy(update={"programmes": [hit], "projects": [proj], "message": evil})
    out = render.programme_cards(res) + render.project_cards(res)
    assert "<img" not in out and "<script" not in out and '" onmouseover' not in out
    assert 'href="javascript' not in out
    assert html_escape(evil) in out


def test_answer_chunks_join_to_the_whole_answer(de_result):
    chunks = render.answer_chunks(de_result.answer, size=60)
    assert "".join(chunks) == de_result.answer
    assert len(chunks) > 5
    assert all(len(c) < 400 for c in chunks)


def test_chart_draws_the_shortlist_and_nothing_without_hits(de_result):
    svg = render.shortlist_chart(de_result)
    assert svg.count("<circle") >= len(de_result.programmes)
    for h in de_result.programmes:
        assert html.escape(h.name) in svg  # each dot carries its programme as a tooltip
    assert render.shortlist_chart(None) is None
    assert render.shortlist_chart(de_result.model_copy(update={"programmes": []})) is None


def test_second_turn_with_300_employees_changes_size_and_eligibility(engine):
    st = session.new_state()
    first = session.chat_turn(st, README_CASE, session.filters_from([], [], False), False, None)
    assert first.profile.employees == 40
    assert "berlin-innovation-grant" in [h.id for h in first.programmes]
    second = session.chat_turn(st, "Wir haben übrigens 300 Mitarbeitende", session.filters_from([], [], False),
                               False, None)
    assert second.profile.employees == 300 and second.profile.size_class == "large"
    assert "recycling" in second.profile.topics  # the first turn's topics are kept
    assert "berlin-innovation-grant" not in [h.id for h in second.programmes]
    hidden = {h.id: h for h in second.hidden_ineligible}
    assert any(c.verdict == "violated" for c in hidden["berlin-innovation-grant"].criteria)
    assert st["user_msgs"] == [README_CASE, "Wir haben übrigens 300 Mitarbeitende"]


def test_edited_profile_rerates_with_derived_fields(engine, de_result):
    edited = render.edited_profile(de_result.profile, 300, 2024, True, None, "company",
                                   de_result.profile.topics, de_result.profile.needs, ["grant"], year_now=2026)
    assert edited.employees == 300 and edited.size_class is None and edited.stage == "startup"
    st = session.new_state()
    res = session.rerate(st, edited, session.filters_from([], [], False), False, None)
    assert res.profile.size_class == "large"
    assert "berlin-innovation-grant" not in [h.id for h in res.programmes]
    assert st["basis"]["kind"] == "profile"


def test_the_editor_settles_a_fact_two_readers_disagreed_on():
    from matcher.models import CompanyProfile

    base = CompanyProfile(org_type="company", in_berlin=None, stage=None, disputed=["stage", "in_berlin"])
    edited = render.edited_profile(base, None, None, True, None, "company", [], [], [], year_now=2026)
    assert edited.in_berlin is True and edited.disputed == ["stage"]  # the seat is given now, the stage is not


def test_filters_rerun_the_last_turn(engine):
    st = session.new_state()
    session.chat_turn(st, README_CASE, session.filters_from([], [], False), False, None)
    res = session.refilter(st, session.filters_from(["bund"], [], True), False, None)
    assert res.programmes and all(h.level == "bund" for h in res.programmes)
    assert session.refilter(session.new_state(), session.filters_from([], [], False), False, None) is None


def test_profile_fields_round_trip(de_result):
    f = render.profile_fields(de_result.profile)
    assert f["employees"] == 40 and f["in_berlin"] is True and "recycling" in f["topics"]
    assert render.berlin_choice(de_result.profile, "en") == "yes"


def test_saved_state_round_trip(engine):
    st = session.new_state()
    session.chat_turn(st, README_CASE, session.filters_from([], [], False), False, None)
    st["history"] = [{"role": "user", "content": README_CASE}, {"role": "assistant", "content": "x"}]
    payload = session.saved_payload(st)
    assert payload["programmes"][0]["id"] == "berlin-innovation-grant"  # the JSON contract stays intact
    back = session.state_from_saved("abc", payload)
    assert back["result"] == st["result"] and back["history"] == st["history"] and back["consultation_id"] == "abc"


def test_markdown_export_has_profile_shortlist_sources_questions_and_disclaimer(de_result):
    md = export.to_markdown(de_result, TODAY, client="Muster GmbH", notes="Rückruf Montag")
    for needle in ("# Förderberatung – Ergebnis – Muster GmbH", "Datum: 25.11.2026", "Datenstand: 01.11.2026",
                   "**Mitarbeitende:** 40", "1. **Berliner Innovationszuschuss (Testprogramm)**",
                   "Zuschuss bis 400.000 EUR", "Frist 17.12.2026", "https://example.org/innovation",
                   "## MPI-Projekte und Ansprechpartner", "Circular Test Hub", "Unverbindliche Orientierung",
                   "Rückruf Montag", "✓ max. 249 Beschäftigte"):
        assert needle in md, needle


def test_markdown_export_lists_open_questions(engine):
    res = match("Wir wollen eine Recycling-Sortieranlage entwickeln")
    assert res.questions
    md = export.to_markdown(res, TODAY)
    assert "## Offene Fragen" in md and res.questions[0] in md


def _pages(pdf_bytes: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf_bytes))


@pytest.mark.parametrize("query,kwargs", [
    (README_CASE, {}),
    ("Konzern mit 2.000 MA in Berlin, Recycling-Anlage entwickeln, Digitalisierung, Energie, Export",
     {"show_ineligible": True, "top_k": 6}),
    (EN_CASE, {}),
])
def test_pdf_export_is_one_page(engine, tmp_path, query, kwargs):
    res = match(query, **kwargs)
    path = export.to_pdf(res, tmp_path / "out.pdf", TODAY, client="Müller & Söhne <GmbH>")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and _pages(data) == 1


def test_answer_template_for_clicked_questions():
    assert answer_template("Wie viele Mitarbeitende hat Ihr Unternehmen?", "de") == "Wir haben … Mitarbeitende."
    assert answer_template("How many employees does your company have?", "en") == "We have … employees."
    assert answer_template("Something else?", "de") == ""
    assert t("title", "en") == "Förderlotse" and t("no-such-key") == "no-such-key"


@pytest.mark.parametrize("host,auth,expected", [
    ("127.0.0.1", None, None),
    ("localhost", None, None),
    ("0.0.0.0", "anna:geheim", ("anna", "geheim")),
    ("0.0.0.0", None, "refusing to serve on 0.0.0.0 without a login"),
    ("127.0.0.1", "nocolon", "MATCHER_AUTH must look like 'user:password'"),
])
def test_binding_off_loopback_needs_auth(host, auth, expected):
    from matcher.errors import ConfigError
    from ui.app import _check_bind

    if isinstance(expected, str):
        with pytest.raises(ConfigError, match=re.escape(expected)):
            _check_bind(host, auth)
    else:
        assert _check_bind(host, auth) == expected


def test_serve_refuses_public_host_without_auth(monkeypatch):
    from matcher.errors import ConfigError
    from matcher.settings import get_settings
    from ui import app

    monkeypatch.delenv("MATCHER_AUTH", raising=False)
    get_settings.cache_clear()
    try:
        with pytest.raises(ConfigError, match="MATCHER_AUTH"):
            app.serve(host="0.0.0.0", port=1)
    finally:
        get_settings.cache_clear()


# ---------------------------------------------------------------- issues 9/10: lanes, intent, verification


def test_card_shows_checked_date_secondary_only_facts_and_source_kinds(de_result, en_result):
    html_de = render.programme_cards(de_result)
    card = html_de.split('data-id="berlin-innovation-grant"')[1].split('<div class="fl-card')[0]
    assert "geprüft am 30.10.2026" in card
    assert 'class="fl-src-kind official">offizielle Seite<' in card
    assert 'class="fl-src-kind secondary">Sekundärquelle<' in card
    # the amount rests only on the blog: marked at the amount and listed in the footer
    assert 'Zuschuss bis 400.000 EUR<span class="fl-secondary">nur Sekundärquelle</span>' in card
    assert "nur Sekundärquelle: Umfang" in card
    # employees and location are stated by the official page: their criteria carry no mark
    assert 'Sie nennen 40<span class="fl-secondary">' not in card
    en_card = render.programme_cards(en_result)
    assert "checked on" in en_card or "not checked against an official source" in en_card


def test_card_without_verification_shows_the_note_or_not_checked(de_result):
    top = de_result.programmes[0]
    noted = top.model_copy(update={"verified_on": None, "verification_note": "Keine offizielle Seite gefunden."})
    plain = top.model_copy(update={"verified_on": None, "verification_note": None, "id": "other-id"})
    out = render.programme_cards(de_result.model_copy(update={"programmes": [noted, plain], "hidden_ineligible": []}))
    assert 'class="fl-unverified">Keine offizielle Seite gefunden.<' in out
    assert "nicht gegen eine offizielle Quelle geprüft" in out
    assert "geprüft am" not in out.replace("nicht gegen eine offizielle Quelle geprüft", "")
    assert render.programme_card(noted, 1, "en").count("Keine offizielle Seite gefunden.") == 1


def test_support_offers_have_their_own_lane_not_among_the_programme_cards(de_result, en_result):
    offer = de_result.programmes[-1].model_copy(update={"id": "test-advice-offer", "name": "Testberatung",
                                                        "instruments": ["advice"]})
    res = de_result.model_copy(update={"support": [offer]})
    lane = render.support_cards(res)
    assert lane.startswith('<h3 class="fl-lane">Beratung, Netzwerke, Qualifizierung</h3>')
    assert 'data-id="test-advice-offer"' in lane and "fl-num" not in lane  # unnumbered
    assert 'data-id="test-advice-offer"' not in render.programme_cards(res)
    assert "Advice, networks, training" in render.support_cards(res, "en")
    assert render.support_cards(de_result.model_copy(update={"support": []})) == ""
    md = export.to_markdown(res, TODAY)
    assert "## Beratung, Netzwerke, Qualifizierung" in md and "**Testberatung**" in md


@pytest.mark.parametrize("intent", ["off_topic", "empty"])
def test_off_topic_and_empty_show_the_message_and_no_cards(de_result, intent):
    res = de_result.model_copy(update={"intent": intent, "message": "Dazu kann ich nichts sagen."})
    cards = render.programme_cards(res)
    assert "Dazu kann ich nichts sagen." in cards and "fl-card " not in cards and "data-id" not in cards
    assert render.project_cards(res) == "" and render.support_cards(res) == ""
    assert render.shortlist_chart(res) is None


def test_export_marks_checked_date_secondary_facts_and_source_kinds(de_result, en_result, tmp_path):
    md = export.to_markdown(de_result, TODAY)
    assert "geprüft am 30.10.2026" in md
    assert "[offizielle Seite] https://example.org/innovation" in md
    assert "[Sekundärquelle] https://example.org/blog-innovation" in md
    assert "⚠ nur Sekundärquelle: Umfang" in md
    md_en = export.to_markdown(en_result, TODAY)
    assert ("checked on" in md_en) or ("not checked against an official source" in md_en)
    pdf = export.to_pdf(de_result, tmp_path / "x.pdf", TODAY)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_card_static_parts_are_cached_per_programme_and_language(de_result):
    render._static_parts.cache_clear()
    render.programme_cards(de_result, "de")
    first = render._static_parts.cache_info()
    render.programme_cards(de_result, "de")
    again = render._static_parts.cache_info()
    assert again.misses == first.misses and again.hits > first.hits
    render.programme_cards(de_result, "en")
    assert render._static_parts.cache_info().misses > again.misses


def test_streamed_pieces_are_few_and_join_to_the_answer(de_result):
    pieces = render.answer_chunks(de_result.answer, size=max(160, len(de_result.answer) // 5), at_lines=False)
    assert "".join(pieces) == de_result.answer and 1 <= len(pieces) <= 6


def test_a_skipped_output_is_not_rebuilt(engine):
    """gr.skip() must not make Gradio rebuild the component per session (it did: ~1 ms per output and chunk)."""
    import asyncio

    import gradio as gr
    from gradio.state_holder import SessionState

    from ui.app import build_app

    demo = build_app()
    fn = next(f for f in demo.fns.values() if f.name == "respond")
    state = SessionState(demo)
    preds = [gr.skip()] * len(fn.outputs)
    out = asyncio.run(demo.postprocess_data(fn, preds, state))
    assert all(o is None or o == {"__type__": "update"} for o in out)
    assert not any(b._id in state.blocks_config.blocks and state.blocks_config.blocks[b._id] is not b
                   for b in fn.outputs if not b.stateful)
    # a real property update still goes through Gradio's own path
    preds[3] = gr.update(value="<b>x</b>", visible=True)
    out = asyncio.run(demo.postprocess_data(fn, preds, state))
    assert out[3]["__type__"] == "update" and out[3]["value"] == "<b>x</b>"


# ---------------------------------------------------------------- issue 12: the first answer piece, the model cache


def test_understood_piece_shows_the_profile_before_the_match(engine):
    st = session.new_state()
    info = session.understand(st, README_CASE, None)
    text = render.understood(info)
    assert text.startswith("Verstanden: ") and "40 Mitarbeitende" in text
    assert f"Ich prüfe {len(engine.corpus.programmes)} Programme" in text
    # it is the profile the answer will show
    res = session.chat_turn(st, README_CASE, session.filters_from([], [], False), False, None)
    assert f"**Ihr Profil:** {info['profile']}" in res.answer
    # a later turn merges the earlier profile; a question naming a shortlisted programme says so
    later = render.understood(session.understand(st, "Wie beantrage ich den zweiten?", None))
    second = next(p.name for p in engine.corpus.programmes if p.id == st["shortlist_ids"][1])
    assert later.startswith("Ihre Frage zu ") and second in later
    assert render.understood(session.understand(st, "We have 300 employees", "en")).startswith("Understood: ")
    assert session.understand(st, "\x00" * 50, None) is None and render.understood(None) is None


def test_the_state_models_are_validated_once_per_result(engine):
    st = session.new_state()
    res = session.chat_turn(st, README_CASE, session.filters_from([], [], False), False, None)
    assert session.result_of(st) is res and session.profile_of(st) is res.profile  # no re-validation
    again = session.result_of(st)
    assert again is res
    # a state rebuilt from its JSON (a saved consultation) validates once, then hits the cache
    copy = {**st, "result": dict(st["result"]), "profile": dict(st["profile"])}
    first = session.result_of(copy)
    assert first is not res and first == res and session.result_of(copy) is first
    assert session.result_of(session.new_state()) is None


def test_plain_components_are_processed_on_the_event_loop_and_functions_in_threads():
    """Gradio's per-component pre/postprocess thread hops are skipped for plain components (ui.app._InlineAnyio);
    event functions and file components still run in worker threads."""
    import asyncio
    import threading
    import types

    import gradio as gr
    import gradio.blocks

    from ui.app import _InlineAnyio

    proxy = gradio.blocks.anyio
    assert isinstance(proxy, _InlineAnyio)

    def postprocess(self, value):
        return threading.get_ident()

    md, dl = gr.Markdown("x", render=False), gr.DownloadButton(render=False)

    async def run():
        return (await proxy.to_thread.run_sync(types.MethodType(postprocess, md), "x"),
                await proxy.to_thread.run_sync(types.MethodType(postprocess, dl), "x"),
                await proxy.to_thread.run_sync(threading.get_ident))

    here = threading.get_ident()
    inline, download, function = asyncio.run(run())
    assert inline == here and download != here and function != here
    assert proxy.to_thread.current_default_thread_limiter is not None and proxy.CapacityLimiter
