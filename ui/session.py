"""One consultation's state and the calls into ``matcher.api.match``; no gradio here.

The state is a plain JSON-able dict kept per browser session in ``gr.State``:
``history`` (chat messages), ``user_msgs``, ``profile`` and ``result`` (model dumps), ``basis``
(how to recompute the last result when filters change), ``answer_ids`` (message index -> answer id),
``consultation_id``, ``lang``, ``seq`` (results produced so far; the page shows it in ``#fl-status``
when a turn is complete) and ``shown`` (what the page's components show besides values: the language
of labels and choices, how many follow-up buttons are visible), so unchanged properties are not resent.
"""

from __future__ import annotations

import uuid
from typing import Any

from matcher.api import match
from matcher.models import CompanyProfile, Filters, MatchResult


PAGE_AT_LOAD = {"lang": "de", "labels": "de", "sugg": 0}  # what a freshly loaded page shows


def new_state(shown: dict | None = None) -> dict[str, Any]:
    """A fresh consultation; ``shown`` describes the page (default: as loaded; ``{}``: unknown, resend all)."""
    return {"history": [], "user_msgs": [], "profile": None, "result": None, "basis": None,
            "answer_ids": {}, "consultation_id": None, "lang": None, "seq": 0,
            "shown": dict(PAGE_AT_LOAD if shown is None else shown)}


def filters_from(levels: list[str] | None, instruments: list[str] | None, only_open: bool) -> Filters:
    return Filters(levels=list(levels or []), instruments=list(instruments or []), only_open=bool(only_open))


def lang_arg(choice: str | None) -> str | None:
    """'de'/'en' force the answer language; 'auto' (or anything else) follows the user's text."""
    return choice if choice in ("de", "en") else None


def result_of(state: dict) -> MatchResult | None:
    return MatchResult.model_validate(state["result"]) if state.get("result") else None


def profile_of(state: dict) -> CompanyProfile | None:
    return CompanyProfile.model_validate(state["profile"]) if state.get("profile") else None


def run_basis(basis: dict, filters: Filters, show_ineligible: bool, lang: str | None) -> MatchResult:
    """Run ``match`` for a stored basis: a chat turn (text + earlier profile + context) or an edited profile."""
    rid = uuid.uuid4().hex
    if basis["kind"] == "profile":
        return match(CompanyProfile.model_validate(basis["profile"]), filters=filters,
                     show_ineligible=show_ineligible, lang=lang, request_id=rid)
    prev = CompanyProfile.model_validate(basis["previous_profile"]) if basis.get("previous_profile") else None
    return match(basis["text"], previous_profile=prev, context=basis.get("context") or None, filters=filters,
                 show_ineligible=show_ineligible, lang=lang, request_id=rid, refine_profile=_refiner())


_REFINER: list = []


def _refiner():
    """The optional LLM profile refiner (``None`` unless MATCHER_LLM_* is configured); built once."""
    if not _REFINER:
        from matcher.llm import get_profile_refiner

        _REFINER.append(get_profile_refiner())
    return _REFINER[0]


def chat_turn(state: dict, message: str, filters: Filters, show_ineligible: bool, lang: str | None) -> MatchResult:
    """Answer one user message; later messages refine the profile of the earlier ones.

    Mutates ``state`` (profile, result, basis, user_msgs; not history) and returns the result.
    """
    basis = {"kind": "text", "text": message, "previous_profile": state.get("profile"),
             "context": "\n".join(state["user_msgs"][-6:])}
    result = run_basis(basis, filters, show_ineligible, lang)
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
    state["profile"] = result.profile.model_dump(mode="json")
    state["result"] = result.model_dump(mode="json")
    state["basis"] = basis
    state["lang"] = result.lang
    state["seq"] = state.get("seq", 0) + 1


def saved_payload(state: dict) -> dict:
    """What ``Store.save_consultation`` keeps as ``result``: the JSON contract plus what reopening needs."""
    result = result_of(state)
    assert result is not None
    return {**result.to_json_dict(), "full": state["result"], "history": state["history"],
            "user_msgs": state["user_msgs"], "basis": state["basis"], "answer_ids": state["answer_ids"]}


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
    st["consultation_id"] = consultation_id
    return st
