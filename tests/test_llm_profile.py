"""The LLM's second reading of a company (``matcher.llm.reconcile_profile``): fill, check and prefer, offline with
LangChain's fake chat models and the real rules' reading."""

from __future__ import annotations

import datetime as dt

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from pydantic import ValidationError

from matcher.answer import profile_summary
from matcher.api import match
from matcher.llm import ProfileFields, extract_profile_llm, reconcile_profile
from matcher.models import CompanyProfile
from matcher.profile import extract_profile, merge_profiles
from matcher.settings import Settings

TODAY = dt.date(2026, 11, 25)
# the rules read a seat in Hamburg; a second reader may take Hamburg for the market only
HAMBURG = "Maschinenbauer aus Hamburg, 40 MA, wir wollen eine neue Sortieranlage entwickeln und suchen einen Zuschuss."


def profile(**kw) -> CompanyProfile:
    return CompanyProfile(**kw)


def test_fill_takes_only_what_the_rules_left_unknown():
    base = profile(org_type="company", in_berlin=False, location="hamburg", in_germany=True, needs=["investment"],
                   stated=["org_type", "location", "needs"])
    p = reconcile_profile(base, ProfileFields(in_berlin=True, employees=12, stage="startup", needs=["rnd"]), "fill", TODAY)
    assert (p.in_berlin, p.location, p.employees, p.size_class, p.stage) == (False, "hamburg", 12, "small", "startup")
    assert p.needs == ["investment"] and p.disputed == []
    assert {"employees", "stage"} <= set(p.stated)


def test_check_turns_a_deciding_fact_read_two_ways_into_an_open_question():
    base = profile(org_type="company", in_berlin=False, location="hamburg", in_germany=True, stage="established",
                   stated=["org_type", "location", "stage"])
    p = reconcile_profile(base, ProfileFields(in_berlin=True, org_type="company", stage="startup"), "check", TODAY)
    assert p.in_berlin is None and p.stage is None and p.org_type == "company"
    assert p.disputed == ["stage", "in_berlin"]
    assert "location" not in p.stated and "stage" not in p.stated and "org_type" in p.stated
    assert "unklar: Gründungsstand, Sitz in Berlin" in profile_summary(p, "de", {})
    assert "unclear: founding stage, seat in Berlin" in profile_summary(p, "en", {})


def test_check_leaves_a_stage_derived_from_a_disputed_year_open_too():
    base = profile(org_type="company", founded_year=2010, age_years=16.0, stage="established",
                   stated=["org_type", "founded_year", "age_years"])
    p = reconcile_profile(base, ProfileFields(founded_year=2023), "check", TODAY)
    assert (p.founded_year, p.age_years, p.stage) == (None, None, None)
    assert p.disputed == ["stage", "founded_year"]
    same = reconcile_profile(base, ProfileFields(founded_year=2010, org_type="company"), "check", TODAY)
    assert same is base  # agreement changes nothing


def test_prefer_lets_the_llm_reading_win_and_derives_what_follows():
    base = profile(org_type="company", founded_year=2010, age_years=16.0, stage="established", in_berlin=False,
                   location="potsdam", in_germany=True, stated=["org_type", "founded_year", "age_years", "location"])
    p = reconcile_profile(base, ProfileFields(founded_year=2024, in_berlin=True), "prefer", TODAY)
    assert (p.founded_year, p.age_years, p.in_berlin, p.location, p.disputed) == (2024, 2.0, True, "berlin", [])
    assert p.stage == "startup"  # derived from the year, so it follows the year
    assert reconcile_profile(base, ProfileFields(stage="startup"), "prefer", TODAY).stage == "startup"
    stated = base.model_copy(update={"stated": [*base.stated, "stage"]})  # "etablierter Betrieb": stated, kept
    assert reconcile_profile(stated, ProfileFields(founded_year=2024), "prefer", TODAY).stage == "established"


@pytest.mark.parametrize("policy", ["check", "prefer"])
def test_needs_are_the_llm_ones_in_the_rules_order(policy):
    base = profile(needs=["investment", "rnd", "digitalisation"], stated=["needs"])
    p = reconcile_profile(base, ProfileFields(needs=["digitalisation", "skills", "rnd"]), policy, TODAY)
    assert p.needs == ["rnd", "digitalisation", "skills"]
    assert reconcile_profile(base, ProfileFields(needs=["rnd"]), "fill", TODAY).needs == base.needs


def test_numbers_are_only_ever_filled():
    base = profile(employees=40, size_class="small", stated=["employees"])
    p = reconcile_profile(base, ProfileFields(employees=400, turnover_eur=2_000_000), "prefer", TODAY)
    assert (p.employees, p.size_class, p.turnover_eur) == (40, "small", 2_000_000)


def test_invalid_choices_and_policies_are_refused():
    base = profile(org_type="company", stated=["org_type"])
    assert reconcile_profile(base, ProfileFields(org_type="Konzern", stage="scaleup"), "prefer", TODAY) is base
    with pytest.raises(ValueError, match="unknown profile policy 'trust'"):
        reconcile_profile(base, ProfileFields(), "trust", TODAY)
    with pytest.raises(ValidationError):
        Settings(llm_profile="trust")
    assert Settings().llm_profile == "check"


def test_a_later_turn_settles_a_disputed_fact_and_a_dispute_does_not_undo_an_earlier_turn():
    first = profile(in_berlin=None, disputed=["in_berlin"], stated=["needs"], needs=["rnd"])
    settled = merge_profiles(first, profile(in_berlin=True, in_germany=True, location="berlin", stated=["location"]))
    assert settled.in_berlin is True and settled.disputed == []
    earlier = profile(in_berlin=True, in_germany=True, location="berlin", stated=["location"])
    later = profile(in_berlin=None, disputed=["in_berlin"], needs=["rnd"], stated=["needs"])
    kept = merge_profiles(earlier, later)
    assert kept.in_berlin is True and kept.disputed == []


def test_a_disputed_seat_asks_instead_of_hiding_the_berlin_programmes(engine):
    base = extract_profile(HAMBURG, engine.corpus.topics, today=TODAY)
    assert base.in_berlin is False  # the premise: the rules read a seat outside Berlin

    def run(policy):
        model = FakeListChatModel(responses=['{"in_berlin": true, "org_type": "company", "employees": 40}'])
        return match(HAMBURG, top_k=10, engine=engine,
                     refine_profile=lambda text, b: extract_profile_llm(text, model, b, policy=policy, today=TODAY))

    def verdict(res, pid):
        return next((h.eligibility for h in res.programmes if h.id == pid), "not shown")

    filled, checked = run("fill"), run("check")
    assert filled.profile.in_berlin is False and verdict(filled, "berlin-innovation-grant") in ("ineligible", "not shown")
    assert checked.profile.in_berlin is None and checked.profile.disputed == ["in_berlin"]
    assert verdict(checked, "berlin-innovation-grant") == "uncertain"
    assert any("Berlin" in q for q in checked.questions)
    assert "unklar: Sitz in Berlin" in checked.answer


@pytest.fixture
def chat_server():
    """A local OpenAI-compatible endpoint (the external LLM, which cannot run here) that answers every chat
    completion with the JSON of ``chat_server.reply`` and records the requests."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            server.requests.append((self.path, body))
            out = json.dumps({"id": "c1", "object": "chat.completion", "created": 0, "model": body["model"],
                              "choices": [{"index": 0, "finish_reason": "stop",
                                           "message": {"role": "assistant", "content": server.reply}}],
                              "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.requests, server.reply = [], "{}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("policy, seat, disputed", [("check", None, ["in_berlin"]), ("fill", False, [])])
def test_the_configured_llm_reads_by_the_configured_policy(engine, chat_server, policy, seat, disputed):
    from matcher.llm import get_profile_refiner

    chat_server.reply = '{"in_berlin": true, "needs": ["rnd"]}'
    settings = Settings(llm_base_url=f"http://127.0.0.1:{chat_server.server_address[1]}/v1", llm_model="m",
                        llm_profile=policy, today=TODAY.isoformat())
    res = match(HAMBURG, top_k=10, engine=engine, refine_profile=get_profile_refiner(settings))
    assert (res.profile.in_berlin, res.profile.disputed) == (seat, disputed)
    assert chat_server.requests and chat_server.requests[0][0] == "/v1/chat/completions"
    sent = " ".join(m["content"] for m in chat_server.requests[0][1]["messages"])
    assert HAMBURG in sent and "customers, partners" in sent  # the company text as data, with the seat rule
