"""Event handlers of the app that are not part of the chat stream: profile editor, export, store, feedback."""

from __future__ import annotations

import logging
import shutil
import time
import uuid
from pathlib import Path
from typing import Any

import gradio as gr

from matcher.api import topic_labels
from matcher.clock import today
from matcher.errors import MatcherError
from matcher.models import INSTRUMENT_LABELS_DE, CompanyProfile, Filters, MatchResult
from matcher.answer import NEED_LABELS

from . import render, session
from .export import safe_filename, to_markdown, to_pdf
from .i18n import (
    ORG_TYPES, STAGES, answer_template, instrument_label, need_label, org_label, stage_label, t,
)

log = logging.getLogger(__name__)
N_SUGGEST = 4
EXPORT_MAX_AGE_S = 3600


def export_root() -> Path:
    """Export files live under this instance's data dir (never a path shared by all instances)."""
    from matcher.settings import get_settings

    return get_settings().data_dir / "exports"


def _store():
    from matcher.store import get_store

    return get_store()


def _friendly(ex: Exception, lang: str) -> str:
    if isinstance(ex, MatcherError):
        return str(ex)
    log.exception("unexpected error in a UI handler")
    return t("internal_error", lang)


# ---------------------------------------------------------------- profile editor


def profile_updates(profile: CompanyProfile | None, lang: str) -> list:
    """Updates for the 8 editor fields: values, labels and choices in ``lang``."""
    f = render.profile_fields(profile)
    u = gr.update
    berlin = {True: "yes", False: "no", None: "unknown"}[f["in_berlin"]]
    return [
        u(value=f["employees"], label=t("p_employees", lang)),
        u(value=f["founded_year"], label=t("p_founded", lang)),
        u(value=berlin, label=t("p_berlin", lang),
          choices=[(t("yes", lang), "yes"), (t("no", lang), "no"), (t("unknown", lang), "unknown")]),
        u(value=f["stage"], label=t("p_stage", lang), choices=[(stage_label(s, lang), s) for s in STAGES]),
        u(value=f["org_type"], label=t("p_org", lang), choices=[(org_label(o, lang), o) for o in ORG_TYPES]),
        u(value=f["topics"], label=t("p_topics", lang),
          choices=[(label, tid) for tid, label in sorted(topic_labels(lang).items(), key=lambda kv: kv[1].lower())]),
        u(value=f["needs"], label=t("p_needs", lang), choices=[(need_label(n, lang), n) for n in NEED_LABELS]),
        u(value=f["instruments_wished"], label=t("p_instr", lang),
          choices=[(instrument_label(i, lang), i) for i in INSTRUMENT_LABELS_DE]),
    ]


def rerate_profile(st: dict, prof: tuple, filters: Filters, show_inel: bool, lang: str | None) -> MatchResult:
    """Re-rank for the editor's values (employees, founded, berlin, stage, org, topics, needs, instruments)."""
    base = session.profile_of(st)
    berlin = {"yes": True, "no": False}.get(prof[2])
    profile = render.edited_profile(base, prof[0], prof[1], berlin, *prof[3:], year_now=today().year)
    if base is not None:
        profile = profile.model_copy(update={"lang": base.lang})
    res = session.rerate(st, profile, filters, show_inel, lang)
    note = t("edited_turn", res.lang)
    st["history"] = [*st["history"], {"role": "assistant", "content": f"_{note}_\n\n{res.answer}"}]
    st["answer_ids"][str(len(st["history"]) - 1)] = res.id
    return res


def suggestion_text(question: str, st: dict, lang_c: str) -> str:
    """Text to put into the input box when a follow-up question is clicked."""
    lang = session.lang_arg(lang_c) or st.get("lang") or "de"
    return answer_template(question or "", lang) or ""


# ---------------------------------------------------------------- export


def _purge_old_exports() -> None:
    root = export_root()
    if not root.exists():
        return
    cutoff = time.time() - EXPORT_MAX_AGE_S
    for d in root.iterdir():
        try:
            if d.stat().st_mtime < cutoff:
                shutil.rmtree(d, ignore_errors=True)
        except OSError:
            pass


def write_exports(result: MatchResult, client: str | None = None, notes: str | None = None) -> tuple[Path, Path]:
    """Write the PDF and Markdown export of ``result`` into a fresh folder; returns both paths."""
    _purge_old_exports()
    folder = export_root() / uuid.uuid4().hex
    folder.mkdir(parents=True)
    day = today()
    stem = f"foerderlotse-{safe_filename(client) + '-' if client else ''}{day.isoformat()}"
    pdf = to_pdf(result, folder / f"{stem}.pdf", day, client=client or None, notes=notes or None)
    md = folder / f"{stem}.md"
    md.write_text(to_markdown(result, day, client=client or None, notes=notes or None), encoding="utf-8")
    return pdf, md


def export_files(st: dict, client: str | None, notes: str | None):
    """Download-button updates with fresh PDF and Markdown files (hidden while there is no result)."""
    res = session.result_of(st)
    if res is None:
        hidden = gr.update(value=None, visible=False)
        return hidden, hidden
    try:
        pdf, md = write_exports(res, (client or "").strip(), (notes or "").strip())
    except Exception as ex:  # export must never break the chat
        gr.Warning(_friendly(ex, res.lang))
        hidden = gr.update(visible=False)
        return hidden, hidden
    return gr.update(value=str(pdf), visible=True), gr.update(value=str(md), visible=True)


# ---------------------------------------------------------------- feedback


def _add_feedback(st: dict, answer_id: str | None, helpful: bool, comment: str, lang: str) -> None:
    res = session.result_of(st)
    if res is None or not answer_id:
        gr.Warning(t("fb_none", lang))
        return
    from matcher.store import query_hash

    query = st["user_msgs"][-1] if st["user_msgs"] else ""
    try:
        _store().add_feedback(answer_id=answer_id, helpful=helpful, comment=(comment or "").strip(),
                              consultation_id=st.get("consultation_id"),
                              query_sha256=query_hash(query) if query else None,
                              programme_ids=[h.id for h in res.programmes])
    except Exception as ex:
        raise gr.Error(_friendly(ex, lang)) from None
    gr.Info(t("fb_thanks", lang))


def feedback(st: dict, helpful: bool, comment: str, lang: str) -> str:
    """👍/👎 on the latest answer; clears the comment box."""
    last = max(st["answer_ids"], key=int, default=None)
    _add_feedback(st, st["answer_ids"].get(last) if last else None, helpful, comment, lang)
    return ""


def on_like(st: dict, comment: str, data: gr.LikeData) -> str:
    """The chatbot's own like/dislike on one message."""
    lang = st.get("lang") or "de"
    _add_feedback(st, st["answer_ids"].get(str(data.index if isinstance(data.index, int) else data.index[0])),
                  bool(data.liked), comment, lang)
    return ""


# ---------------------------------------------------------------- saved consultations


def _choices() -> list[tuple[str, str]]:
    rows = _store().list_consultations()
    return [(f"{r.client_name} – {r.created_at.astimezone().strftime('%d.%m.%Y %H:%M')}", r.id) for r in rows]


def list_saved():
    try:
        return gr.update(choices=_choices())
    except Exception as ex:
        raise gr.Error(_friendly(ex, "de")) from None


def save_current(st: dict, client: str, notes: str, lang_c: str):
    lang = session.lang_arg(lang_c) or st.get("lang") or "de"
    if not st.get("result"):
        raise gr.Error(t("nothing_to_save", lang))
    if not (client or "").strip():
        raise gr.Error(t("need_client", lang))
    try:
        cid = _store().save_consultation(client.strip(), st["profile"], session.saved_payload(st),
                                         notes=notes or "", lang=st.get("lang") or "de")
        choices = _choices()
    except Exception as ex:
        raise gr.Error(_friendly(ex, lang)) from None
    st["consultation_id"] = cid
    gr.Info(t("saved_ok", lang))
    return st, gr.update(choices=choices, value=cid)


def load_saved(cid: str | None) -> tuple[dict, str, str]:
    """(state, client name, notes) of a saved consultation; raises gr.Error if none is picked or found."""
    if not cid:
        raise gr.Error(t("pick_one"))
    try:
        c = _store().get_consultation(cid)
    except Exception as ex:
        raise gr.Error(_friendly(ex, "de")) from None
    if c is None:
        raise gr.Error(t("not_found"))
    return session.state_from_saved(c.id, c.result), c.client_name, c.notes


def delete_saved(cid: str | None, st: dict, lang_c: str):
    lang = session.lang_arg(lang_c) or st.get("lang") or "de"
    if not cid:
        raise gr.Error(t("pick_one", lang))
    try:
        ok = _store().delete_consultation(cid)
        choices = _choices()
    except Exception as ex:
        raise gr.Error(_friendly(ex, lang)) from None
    if st.get("consultation_id") == cid:
        st["consultation_id"] = None
    gr.Info(t("deleted_ok" if ok else "not_found", lang))
    return st, gr.update(choices=choices, value=None)


# ---------------------------------------------------------------- what changed (rechecks)

RECHECK_LIMIT = 200


def recheck_list(lang_c: str, st: dict) -> str:
    """The "Was hat sich geändert?" list: the newest recheck of each saved consultation."""
    from .plan_render import recheck_rows, rechecks_html

    lang = session.lang_arg(lang_c) or (st or {}).get("lang") or "de"
    try:
        store = _store()
        rows = recheck_rows(store.list_rechecks(limit=1000), store.list_consultations(limit=1000))
    except Exception as ex:
        raise gr.Error(_friendly(ex, lang)) from None
    return rechecks_html(rows, lang)


def run_recheck(lang_c: str, st: dict) -> str:
    """Re-run the saved consultations against the current corpus; each recheck is stored beside its
    consultation (nothing saved is overwritten). Returns the refreshed list."""
    from matcher.recheck import recheck_all

    lang = session.lang_arg(lang_c) or (st or {}).get("lang") or "de"
    try:
        rows = recheck_all(_store(), limit=RECHECK_LIMIT)
    except Exception as ex:
        raise gr.Error(_friendly(ex, lang)) from None
    gr.Info(f"{t('rc_done', lang)}: {len(rows)}")
    return recheck_list(lang_c, st)


# ---------------------------------------------------------------- script API


def api_match(text: str, previous_profile: dict | None = None, context: str = "", filters: dict | None = None,
              lang: str = "", show_ineligible: bool = False) -> dict[str, Any]:
    """The JSON contract of ``matcher match --json`` for scripts (stateless)."""
    from matcher.api import match, topic_labels

    try:
        prev = CompanyProfile.model_validate(previous_profile) if previous_profile else None
        res = match(text, previous_profile=prev, context=context or None, filters=filters or None,
                    lang=lang or None, show_ineligible=bool(show_ineligible), request_id=uuid.uuid4().hex)
    except MatcherError as ex:
        raise gr.Error(str(ex)) from None
    except ValueError as ex:
        raise gr.Error(f"invalid input: {str(ex).splitlines()[0]}") from None
    return res.to_json_dict()
