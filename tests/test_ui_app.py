"""The app end to end through gradio_client: chat (DE/EN), refinement, export, store, feedback, concurrency."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

# Output positions of the /chat endpoint: msg, chatbot, cards, projects, chart, suggestions label,
# then the 8 profile fields, employees first (buttons are not part of API outputs).
CHATBOT, CARDS, PROJECTS, CHART, EMPLOYEES = 1, 2, 3, 4, 6
SUPPORT, STATUS, PLAN, N_OUT = 14, 15, 16, 17  # added after the profile fields, so the older positions stay


def client(url):
    from gradio_client import Client

    return Client(url, verbose=False)  # one Client = one session (the server keeps its state)


def text_of(message: dict) -> str:
    content = message["content"]
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content)


def value(update):
    return update["value"] if isinstance(update, dict) and "value" in update else update


def test_german_question_gets_programmes_projects_and_a_cited_answer(ui_server):
    out = client(ui_server).predict(
        message="Wir recyceln Kunststoff, 40 MA, Berlin, wollen mit der TU eine Sortieranlage entwickeln",
        api_name="/chat")
    answer = text_of(out[CHATBOT][-1])
    assert "### Passende Förderprogramme" in answer and "(https://example.org/innovation)" in answer
    assert 'data-id="berlin-innovation-grant"' in out[CARDS] and "voraussichtlich förderfähig" in out[CARDS]
    assert "Circular Test Hub" in out[PROJECTS]
    assert value(out[EMPLOYEES]) == 40
    assert "<svg" in value(out[CHART]) and "<circle" in value(out[CHART])


def test_english_question_gets_an_english_answer(ui_server):
    out = client(ui_server).predict(
        message="We are a Berlin robotics startup with 8 people, founded 2023, looking for a grant for our prototype",
        api_name="/chat")
    assert "### Matching funding programmes" in text_of(out[CHATBOT][-1])
    assert "likely eligible" in out[CARDS]
    assert out[PROJECTS]
    assert value(out[EMPLOYEES]) == 8


def test_second_turn_refines_the_same_profile(ui_server):
    c = client(ui_server)
    c.predict(message="Wir recyceln Kunststoff, 40 MA, Berlin, wollen mit der TU eine Sortieranlage entwickeln",
              api_name="/chat")
    out = c.predict(message="Wir haben übrigens 300 Mitarbeitende", api_name="/chat")
    assert value(out[EMPLOYEES]) == 300
    assert len(out[CHATBOT]) == 4
    assert 'data-id="berlin-innovation-grant"' not in out[CARDS].split("<details")[0]
    assert "nicht förderfähig" in out[CARDS]  # shown folded under "Nicht förderfähig"
    # a fresh client is a fresh consultation
    out2 = client(ui_server).predict(message="Wir sind ein Berliner Recyclingbetrieb", api_name="/chat")
    assert len(out2[CHATBOT]) == 2


def test_streaming_sends_the_answer_in_chunks(ui_server):
    c = client(ui_server)
    t0 = time.perf_counter()
    job = c.submit(message="Maschinenbau in Berlin, 120 Mitarbeitende, wir wollen die Fertigung energieeffizienter machen",
                   api_name="/chat")
    lengths, first = [], None
    for out in job:
        msgs = out[CHATBOT]
        if isinstance(msgs, list) and msgs and msgs[-1]["role"] == "assistant":
            text = text_of(msgs[-1])
            if first is None and "**" in text:
                first = time.perf_counter() - t0
            lengths.append(len(text))
    job.result()
    total = time.perf_counter() - t0
    assert len(set(lengths)) > 3, "the answer arrived in one piece"
    assert first is not None and first < total  # the first answer text came before the end (speed: evals.bench)


def test_export_gives_pdf_and_markdown(ui_server):
    c = client(ui_server)
    c.predict(message="Wir recyceln Kunststoff, 40 MA, Berlin", api_name="/chat")
    pdf, md = c.predict(client="Muster GmbH", notes="", api_name="/export")
    pdf_path, md_path = Path(value(pdf)), Path(value(md))
    assert pdf_path.suffix == ".pdf" and pdf_path.read_bytes().startswith(b"%PDF")
    text = md_path.read_text(encoding="utf-8")
    assert "Muster GmbH" in text and "Unverbindliche Orientierung" in text


def test_save_list_open_and_delete_a_consultation(ui_server):
    c = client(ui_server)
    c.predict(message="Wir recyceln Kunststoff, 40 MA, Berlin", api_name="/chat")
    saved = c.predict(client="Recycling Test GmbH", notes="Rückruf", api_name="/save")
    cid = saved["value"]
    assert any(v == cid for _label, v in saved["choices"])
    other = client(ui_server)  # another staff member sees the list and can reopen it
    listed = other.predict(api_name="/list_saved")
    assert any(v == cid for _label, v in listed["choices"])
    out = other.predict(cid=cid, api_name="/open_saved")
    assert out[0] == "Recycling Test GmbH" and out[1] == "Rückruf"
    assert 'data-id="berlin-innovation-grant"' in out[2 + CARDS - 1]
    deleted = other.predict(cid=cid, api_name="/delete_saved")
    assert all(v != cid for _label, v in deleted["choices"])


def test_feedback_is_stored(ui_server):
    c = client(ui_server)
    c.predict(message="Wir recyceln Kunststoff, 40 MA, Berlin", api_name="/chat")
    assert c.predict(c="sehr hilfreich", api_name="/feedback_up") == ""


def test_errors_are_friendly_messages(ui_server):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError) as ex:
        client(ui_server).predict(message="x" * 20_001, api_name="/chat")
    assert "limit is 20,000" in str(ex.value) and "Traceback" not in str(ex.value)
    # feedback before any answer is only a warning toast, not an error
    assert client(ui_server).predict(c="", api_name="/feedback_down") == ""


def test_match_endpoint_returns_the_json_contract(ui_server):
    res = client(ui_server).predict(text="Wir recyceln Kunststoff, 40 MA, Berlin", api_name="/match")
    assert res["lang"] == "de" and res["programmes"][0]["id"] == "berlin-innovation-grant"
    assert res["profile"]["employees"] == 40


def test_ten_parallel_sessions_each_get_their_own_answer(ui_server):
    sizes = [3, 7, 12, 25, 40, 60, 90, 150, 220, 400]

    def ask(n: int) -> int:
        c = client(ui_server)
        out = c.predict(message=f"Wir sind ein Berliner Recyclingbetrieb mit {n} Mitarbeitenden", api_name="/chat")
        assert f"{n} Mitarbeitende" in text_of(out[CHATBOT][-1]) or f"{n:,}".replace(",", ".") in text_of(out[CHATBOT][-1])
        out = c.predict(message="Wir wollen eine Sortieranlage entwickeln", api_name="/chat")
        return value(out[EMPLOYEES])

    with ThreadPoolExecutor(max_workers=10) as pool:
        got = list(pool.map(ask, sizes))
    assert got == sizes


def test_edited_profile_is_re_evaluated(ui_server):
    c = client(ui_server)
    c.predict(message="Wir recyceln Kunststoff, 40 MA, Berlin, wollen mit der TU eine Sortieranlage entwickeln",
              api_name="/chat")
    out = c.predict(employees=300, founded_year=None, in_berlin="yes", stage=None, org_type="company",
                    topics=["recycling"], needs=["rnd"], instruments_wished=[], api_name="/rerate")
    chatbot, cards, employees = out[0], out[1], out[5]
    assert value(employees) == 300
    assert 'data-id="berlin-innovation-grant"' not in cards.split("<details")[0]
    assert "300 Mitarbeitende, Großunternehmen" in text_of(chatbot[-1])


def test_chat_streams_a_few_updates_and_ends_with_the_completion_signal(ui_server):
    c = client(ui_server)
    job = c.submit(message="Wir recyceln Kunststoff, 40 MA, Berlin, wollen mit der TU eine Sortieranlage entwickeln",
                   api_name="/chat")
    final = job.result()
    updates = job.outputs()
    assert len(final) == N_OUT
    # the question with a "thinking" bubble, a few answer pieces, then everything else once
    assert 3 <= len(updates) <= 8, len(updates)
    assert "data-state=\"busy\"" in value(updates[0][STATUS])
    status = value(final[STATUS])
    assert 'data-state="done"' in status and 'data-seq="1"' in status and 'data-lang="de"' in status
    assert isinstance(value(final[SUPPORT]), str)
    second = c.predict(message="Wir haben übrigens 300 Mitarbeitende", api_name="/chat")
    assert 'data-seq="2"' in value(second[STATUS])


def test_cards_in_the_api_carry_the_checked_date_and_source_kinds(ui_server):
    out = client(ui_server).predict(message="Wir recyceln Kunststoff, 40 MA, Berlin", api_name="/chat")
    assert "geprüft am 30.10.2026" in out[CARDS] and "fl-src-kind official" in out[CARDS]


# ---------------------------------------------------------------- issue 11: programme questions, plan, rechecks


def test_programme_questions_get_the_programme_answer_and_the_plan_stays(ui_server):
    c = client(ui_server)
    job = c.submit(message="Wir recyceln Kunststoff, 40 MA, Berlin, wollen mit der TU eine Sortieranlage entwickeln",
                   api_name="/chat")
    first = job.result()
    plans = [value(u[PLAN]) for u in job.outputs()]
    plan = value(first[PLAN])
    assert "Reihenfolge" in plan and 'class="fl-timeline"' in plan and "Schließen sich aus" in plan
    assert "150.000 EUR" in plan and "https://example.org/innovation-richtlinie" in plan
    # the plan is rendered once, with the final update, not with every streamed piece
    assert sum(isinstance(p, str) and "fl-plan" in p for p in plans) == 1
    # "den zweiten" is the second card of the shortlist on the page
    out = c.predict(message="Wie beantrage ich den zweiten?", api_name="/chat")
    answer = text_of(out[CHATBOT][-1])
    assert "EU Accelerator (Testprogramm)" in answer and "So beantragen Sie" in answer
    assert "### Passende Förderprogramme" not in answer
    assert 'class="fl-cards fl-asked"' in out[CARDS] and out[CARDS].count('class="fl-card ') == 1
    assert 'data-id="eu-accelerator"' in out[CARDS]
    assert not (isinstance(value(out[PLAN]), str) and "fl-plan" in value(out[PLAN]))  # unchanged: not resent
    # a question naming a programme, in a fresh session, in English
    out = client(ui_server).predict(message="What is the deadline for the EU Accelerator (Testprogramm)?",
                                    api_name="/chat")
    assert 'data-id="eu-accelerator"' in out[CARDS] and "2026-12-17" in text_of(out[CHATBOT][-1])


def test_recheck_lists_saved_consultations_and_changes_nothing_saved(ui_server):
    c = client(ui_server)
    c.predict(message="Wir recyceln Kunststoff, 40 MA, Berlin", api_name="/chat")
    cid = c.predict(client="Recheck Test GmbH", notes="", api_name="/save")["value"]
    before = c.predict(cid=cid, api_name="/open_saved")
    listing = c.predict(api_name="/recheck")
    card = listing.split(f'data-id="{cid}"')[1].split('<div class="fl-recheck"')[0]
    assert "Recheck Test GmbH" in listing.split(f'data-id="{cid}"')[1][:200]
    assert "Keine Änderungen." in card  # same corpus: nothing changed
    assert f'data-id="{cid}"' in client(ui_server).predict(api_name="/list_rechecks")
    assert c.predict(cid=cid, api_name="/open_saved")[:3] == before[:3]  # the saved consultation is untouched
    c.predict(cid=cid, api_name="/delete_saved")


def test_the_first_answer_piece_is_what_was_understood(ui_server):
    """Issue 12: before the match runs, the answer bubble shows the profile read from the message; the answer
    replaces it."""
    c = client(ui_server)
    job = c.submit(message="Wir recyceln Kunststoff, 40 MA, Berlin, wollen mit der TU eine Sortieranlage entwickeln",
                   api_name="/chat")
    final = job.result()
    texts = [text_of(u[CHATBOT][-1]) for u in job.outputs() if isinstance(u[CHATBOT], list) and u[CHATBOT]]
    assert texts[0] == "Ich suche passende Programme …"
    assert texts[1].startswith("Verstanden: ") and "40 Mitarbeitende" in texts[1] and "Programme …" in texts[1]
    answer = text_of(final[CHATBOT][-1])
    assert not answer.startswith("Verstanden") and "### Passende Förderprogramme" in answer
