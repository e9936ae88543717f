"""One consultation's state and the calls into ``matcher.api.match``; no gradio here.

The state is a plain JSON-able dict kept per browser session in ``gr.State``:
``history`` (chat messages), ``user_msgs``, ``profile`` and ``result`` (model dumps), ``basis``
(how to recompute the last result when filters change), ``answer_ids`` (message index -> answer id),
``consultation_id``, ``lang``, ``seq`` (results produced so far; the page shows it in ``#fl-status``
when a turn is complete), ``shortlist_ids`` and ``plan`` (the programme ids and the Förderfahrplan of the
last shortlist: a question about "den zweiten" refers to it, and a programme question keeps it) and ``shown`` (what the page's components show besides values: the language
of labels and choices, how many follow-up buttons are visible), so unchanged properties are not resent.
"""

from __future__ import annotations

import collections
import logging
import threading
import uuid
from typing import Any

from matcher.api import match, understand as _understand
from matcher.errors import MatcherError
from matcher.models import CompanyProfile, Filters, MatchResult

log = logging.getLogger(__name__)


# what a freshly loaded page shows ("plan": ``ui.plan_render.plan_key`` of no plan in German)
PAGE_AT_LOAD = {"lang": "de", "labels": "de", "sugg": 0, "plan": "none:de"}


def new_state(shown: dict | None = None) -> dict[str, Any]:
    """A fresh consultation; ``shown`` describes the page (default: as loaded; ``{}``: unknown, resend all)."""
    return {"history": [], "user_msgs": [], "profile": None, "result": None, "basis": None,
            "answer_ids": {}, "consultation_id": None, "lang": None, "seq": 0, "shortlist_ids": [], "plan": None,
            "shown": dict(PAGE_AT_LOAD if shown is None else shown)}


def filters_from(levels: list[str] | None, instruments: list[str] | None, only_open: bool) -> Filters:
    return Filters(levels=list(levels or []), instruments=list(instruments or []), only_open=bool(only_open))


def lang_arg(choice: str | None) -> str | None:
    """'de'/'en' force the answer language; 'auto' (or anything else) follows the user's text."""
    return choice if choice in ("de", "en") else None


# The models behind the state's ``result`` and ``profile`` dicts, keyed by the dict's identity: a turn's
# result is read back several times (view, feedback, save) and validating it costs more than the rest of the
# turn's bookkeeping. A state replaces these dicts, never edits them, so the same dict is the same model.
_MODELS: collections.OrderedDict[int, tuple[dict, Any]] = collections.OrderedDict()
_MODELS_MAX = 128  # a result is ~85 KB of JSON; beyond this many sessions a result is validated again
_MODELS_LOCK = threading.Lock()


def _model_of(data: dict | None, cls, model=None):
    """The ``cls`` model of ``data`` (validated once per dict; ``model``: the model ``data`` was dumped from).
    Callers must not mutate it (copy with ``model_copy``)."""
    if not data:
        return None
    with _MODELS_LOCK:
        hit = _MODELS.get(id(data))
        if model is None and hit is not None and hit[0] is data and type(hit[1]) is cls:
            _MODELS.move_to_end(id(data))
            return hit[1]
    if model is None:
        model = cls.model_validate(data)
    with _MODELS_LOCK:
        _MODELS[id(data)] = (data, model)  # the dict is kept alive with it, so its id is not reused
        _MODELS.move_to_end(id(data))
        while len(_MODELS) > _MODELS_MAX:
            _MODELS.popitem(last=False)
    return model


def result_of(state: dict) -> MatchResult | None:
    return _model_of(state.get("result"), MatchResult)


def profile_of(state: dict) -> CompanyProfile | None:
    return _model_of(state.get("profile"), CompanyProfile)


def run_basis(basis: dict, filters: Filters, show_ineligible: bool, lang: str | None,
              previous_ids: list[str] | None = None) -> MatchResult:
    """Run ``match`` for a stored basis: a chat turn (text + earlier profile + context) or an edited profile.

    ``previous_ids``: the programme ids of the shortlist on the page, so "den zweiten" can be resolved."""
    rid = uuid.uuid4().hex
    if basis["kind"] == "profile":
        return match(CompanyProfile.model_validate(basis["profile"]), filters=filters,
                     show_ineligible=show_ineligible, lang=lang, request_id=rid)
    prev = CompanyProfile.model_validate(basis["previous_profile"]) if basis.get("previous_profile") else None
    return match(basis["text"], previous_profile=prev, context=basis.get("context") or None, filters=filters,
                 show_ineligible=show_ineligible, lang=lang, request_id=rid, refine_profile=_refiner(),
                 previous_ids=previous_ids or None)


_REFINER: list = []


def _refiner():
    """The optional LLM profile refiner (``None`` unless MATCHER_LLM_* is configured); built once."""
    if not _REFINER:
        from matcher.llm import get_profile_refiner

        _REFINER.append(get_profile_refiner())
    return _REFINER[0]


def understand(state: dict, message: str, lang: str | None) -> dict | None:
    """What the next chat turn starts from (``matcher.api.understand``: the profile read from ``message`` and
    the earlier turns, or the programmes a question names), for the page to show while ``match`` runs;
    ``None`` if the message is unusable (the turn itself then reports why)."""
    try:
        return _understand(message, previous_profile=profile_of(state), lang=lang,
                           previous_ids=state.get("shortlist_ids") or None)
    except MatcherError:
        return None
    except Exception:  # a preview must never break the turn
        log.exception("understand failed")
        return None


def turn_slots(settings=None) -> int:
    """How many chat turns of one process run ``match`` and render at once (``MATCHER_TURN_SLOTS``; 0: 1, or
    8 when an LLM is configured, whose calls wait on the network rather than on the CPU)."""
    from matcher.settings import get_settings

    s = settings or get_settings()
    if s.turn_slots:
        return s.turn_slots
    return 8 if (s.llm_base_url and s.llm_model) else 1


def chat_turn(state: dict, message: str, filters: Filters, show_ineligible: bool, lang: str | None) -> MatchResult:
    """Answer one user message; later messages refine the profile of the earlier ones.

    The programme ids of the shortlist on the page go along as ``previous_ids``, so "Wie beantrage ich den
    zweiten?" is answered about the second card. Mutates ``state`` (profile, result, basis, user_msgs,
    shortlist_ids, plan; not history) and returns the result.
    """
    basis = {"kind": "text", "text": message, "previous_profile": state.get("profile"),
             "context": "\n".join(state["user_msgs"][-6:])}
    result = run_basis(basis, filters, show_ineligible, lang, previous_ids=state.get("shortlist_ids"))
    state["user_msgs"].append(message)
    _remember(state, result, basis)
    return result


def rerate(state: dict, profile: CompanyProfile, filters: Filters, show_ineligible: bool,
           lang: str | None) -> MatchResult:
    """Re-rank for an edited profile; the profile becomes the basis for later filter changes."""
    basis = {"kind": "profile", "profile": profile.model_dump(mode="json")}
    result = run_basis(basis, filters, show_ineligible, lang or state.get("lang"))
    _remember(state, result, basis)
    return result


def refilter(state: dict, filters: Filters, show_ineligible: bool, lang: str | None) -> MatchResult | None:
    """Recompute the last result with new filters (``None`` before the first question)."""
    if not state.get("basis"):
        return None
    result = run_basis(state["basis"], filters, show_ineligible, lang or state.get("lang"))
    _remember(state, result, state["basis"])
    return result


def _remember(state: dict, result: MatchResult, basis: dict) -> None:
    if result.intent in ("off_topic", "empty") and state.get("basis"):
        # a message in between ("danke", a poem): its note goes into the chat, while the consultation on the
        # page (profile, shortlist, cards, plan, what filters re-run) stays as it was
        state["seq"] = state.get("seq", 0) + 1
        return
    state["profile"] = result.profile.model_dump(mode="json")
    state["result"] = result.model_dump(mode="json")
    _model_of(state["profile"], CompanyProfile, result.profile)
    _model_of(state["result"], MatchResult, result)
    if result.intent == "programme_question":
        # an answer about named programmes: the shortlist, its plan and what filters re-run stay
        state["basis"] = state.get("basis") or basis
    else:
        state["basis"] = basis
    if result.intent == "shortlist":
        state["shortlist_ids"] = [h.id for h in result.programmes]
        state["plan"] = result.plan
    state["lang"] = result.lang
    state["seq"] = state.get("seq", 0) + 1


def saved_payload(state: dict) -> dict:
    """What ``Store.save_consultation`` keeps as ``result``: the JSON contract plus what reopening needs."""
    result = result_of(state)
    assert result is not None
    return {**result.to_json_dict(), "full": state["result"], "history": state["history"],
            "user_msgs": state["user_msgs"], "basis": state["basis"], "answer_ids": state["answer_ids"],
            "shortlist_ids": state.get("shortlist_ids") or [], "shortlist_plan": state.get("plan")}


def state_from_saved(consultation_id: str, result: dict) -> dict:
    """Rebuild a session state from a saved consultation (tolerates results saved by other tools)."""
    st = new_state(shown={})
    full = result.get("full")
    if full:
        mr = MatchResult.model_validate(full)
        st.update(result=mr.model_dump(mode="json"), profile=mr.profile.model_dump(mode="json"), lang=mr.lang)
    st["history"] = list(result.get("history") or [])
    if not st["history"] and result.get("answer"):
        st["history"] = [{"role": "assistant", "content": result["answer"]}]
    st["user_msgs"] = list(result.get("user_msgs") or [])
    st["basis"] = result.get("basis") or (
        {"kind": "profile", "profile": st["profile"]} if st["profile"] else None)
    st["answer_ids"] = dict(result.get("answer_ids") or {})
    if "shortlist_ids" in result:
        st["shortlist_ids"], st["plan"] = list(result.get("shortlist_ids") or []), result.get("shortlist_plan")
    elif full and full.get("intent", "shortlist") == "shortlist":  # saved before the plan tab existed
        st["shortlist_ids"] = [h["id"] for h in full.get("programmes", [])]
        st["plan"] = full.get("plan")
    st["consultation_id"] = consultation_id
    return st
