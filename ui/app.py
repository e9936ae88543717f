"""The Förderlotse web app (Gradio): chat, result cards, profile editor, export, saved consultations.

``build_app()`` returns the Blocks; ``serve()`` launches it with the settings (host, port, auth).
All user data lives in per-session ``gr.State``; the app calls only ``matcher.api.match`` and
``matcher.store``.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import os
import threading

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
# Gradio's queue recomputes its monitoring summary (a pandas frame of up to 10,000 past events, grouped, with
# percentiles) after every event by default: in the load test that was 8 % of the app's CPU, growing with uptime.
# Nothing here reads it (/monitoring), so it is refreshed every 500 events over the last 2,000.
os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", "500")
os.environ.setdefault("GRADIO_ANALYTICS_MAX_EVENTS", "2000")


def _instance_temp_dir() -> None:
    """Gradio's file cache under this instance's data dir: instances on one machine share no fixed path."""
    from matcher.settings import get_settings

    os.environ.setdefault("GRADIO_TEMP_DIR", str(get_settings().data_dir / "gradio"))


_instance_temp_dir()  # before gradio is imported: some of its modules read GRADIO_TEMP_DIR at import

import anyio  # noqa: E402
import gradio as gr  # noqa: E402

from matcher.errors import ConfigError, MatcherError  # noqa: E402
from matcher.models import INSTRUMENT_LABELS_DE  # noqa: E402

from . import plan_render, render, session  # noqa: E402
from .handlers import (  # noqa: E402
    N_SUGGEST, api_match, delete_saved, export_files, feedback, list_saved, load_saved, on_like, profile_updates,
    recheck_list, rerate_profile, run_recheck, save_current, suggestion_text,
)
from .i18n import EXAMPLES_DE, EXAMPLES_EN, instrument_label, level_label, t  # noqa: E402

log = logging.getLogger(__name__)
STREAM_DELAY_S = 0.01
STREAM_CHUNKS = 5  # the answer is complete when it streams; a few chunks show it growing at little cost
# Chat turns in flight per process: a turn costs no thread while it waits, so new questions get their first
# pieces at once instead of queueing behind running turns (the queue's concurrency limit counts whole turns).
CHAT_CONCURRENCY = 64
LEVELS = ("berlin", "bund", "eu")


def _ui_lang(choice: str, state: dict) -> str:
    return session.lang_arg(choice) or state.get("lang") or "de"


def _pick_example(evt: gr.SelectData) -> str:
    return evt.value["text"] if isinstance(evt.value, dict) else str(evt.value)


def labels(lang: str) -> list:
    """Updates for the labelled components (``label_comps`` order) in ``lang``."""
    u = gr.update
    return [u(value=f"## {t('title', lang)}\n{t('subtitle', lang)}"), u(placeholder=t("input_placeholder", lang)),
            u(value=t("send", lang)), u(value=t("new", lang)), u(value=t("feedback", lang)),
            u(label=t("fb_comment", lang), placeholder=t("fb_comment", lang)), u(label=t("profile", lang)), u(value=t("rerate", lang)),
            u(label=t("filters", lang)),
            u(label=t("f_levels", lang), choices=[(level_label(lv, lang), lv) for lv in LEVELS]),
            u(label=t("f_instruments", lang), choices=[(instrument_label(k, lang), k) for k in INSTRUMENT_LABELS_DE]),
            u(label=t("f_open", lang)), u(label=t("f_inel", lang)), u(value=f"### {t('programmes', lang)}"),
            u(value=f"### {t('projects', lang)}"), u(label=t("picture", lang)), u(label=t("export", lang)),
            u(label=t("export_pdf", lang)), u(label=t("export_md", lang)), u(label=t("saved", lang)),
            u(label=t("client", lang)), u(value=t("save", lang)), u(label=t("notes", lang)),
            u(label=t("saved_list", lang)), u(value=t("open", lang)), u(value=t("delete", lang)),
            u(value=t("refresh", lang)), u(label=t("tab_results", lang)), u(label=t("tab_plan", lang)),
            u(label=t("tab_changes", lang)), u(value=t("rc_intro", lang)), u(value=t("rc_run", lang))]


class Blocks(gr.Blocks):
    """``gr.Blocks`` whose ``gr.skip()`` outputs cost nothing.

    Gradio 6 treats ``gr.skip()`` (``{"__type__": "update"}``) like any property update: it rebuilds the
    component for the session and re-renders its config, about 1 ms of CPU per skipped output. A streamed
    chat turn skips most outputs on every chunk, so that was most of the app's CPU per turn (profile in
    evals/RESULTS.md). A bare skip changes nothing, so it is answered as Gradio answers it, without the rebuild.
    """

    async def postprocess_data(self, block_fn, predictions, state):
        outputs = block_fn.outputs
        if isinstance(predictions, (list, tuple)) and len(outputs) > 1 and len(predictions) == len(outputs):
            bare = [i for i, p in enumerate(predictions) if type(p) is dict and p == _SKIP]
            if bare:
                from gradio.components.base import _Keywords

                preds = list(predictions)
                for i in bare:
                    preds[i] = _Keywords.FINISHED_ITERATING  # Gradio's own "leave this output alone" marker
                out = await super().postprocess_data(block_fn, preds, state)
                for i in bare:
                    out[i] = None if outputs[i].stateful else {"__type__": "update"}
                return out
        return await super().postprocess_data(block_fn, predictions, state)


_SKIP = dict(gr.skip())


class _InlineAnyio:
    """The ``anyio`` that ``gradio.blocks`` sees: the same module, except that the pre- and postprocessing of
    the plain components this app uses run inline on the event loop instead of in a worker thread.

    Gradio hands every input's ``preprocess`` and every output's ``postprocess`` to a worker thread, one hop
    each (a chat turn's updates take about 30). For text, numbers, choices, HTML and chat messages these are
    microseconds of work, while each hop costs a queue put, a thread wake-up and two GIL hand-overs, and waits
    behind the running turns for the GIL: in the load test the hops were about a tenth of the app's CPU.
    Files (download buttons) and the event functions themselves still run in threads."""

    INLINE = (gr.Textbox, gr.Radio, gr.Checkbox, gr.CheckboxGroup, gr.Number, gr.Dropdown, gr.HTML, gr.Markdown,
              gr.Button, gr.Chatbot)

    class _ToThread:
        def __init__(self, real):
            self._real = real

        def __getattr__(self, name):
            return getattr(self._real, name)

        async def run_sync(self, func, *args, **kwargs):
            owner = getattr(func, "__self__", None)
            if type(owner) in _InlineAnyio.INLINE and getattr(func, "__name__", "") in ("preprocess", "postprocess"):
                return func(*args)
            return await self._real.run_sync(func, *args, **kwargs)

    def __init__(self, real):
        self._real = real
        self.to_thread = self._ToThread(real.to_thread)

    def __getattr__(self, name):
        return getattr(self._real, name)


def _inline_component_processing() -> None:
    import gradio.blocks

    if not isinstance(gradio.blocks.anyio, _InlineAnyio):
        gradio.blocks.anyio = _InlineAnyio(gradio.blocks.anyio)


_inline_component_processing()


@contextlib.contextmanager
def friendly_errors(lang: str, what: str):
    """Translate errors once, at the edge: a MatcherError's message, or a generic note (logged in full)."""
    try:
        yield
    except MatcherError as ex:
        raise gr.Error(str(ex)) from None
    except Exception:
        log.exception("%s failed", what)
        raise gr.Error(t("internal_error", lang)) from None


def status_html(st: dict, busy: bool = False) -> str:
    """The page's completion signal (``#fl-status``): ``data-state`` "busy" while a turn runs, "done" when
    the answer, cards, picture, plan, profile and labels of result ``data-seq`` are on the page and the export
    files are written (the browser shows their buttons once it has the file data). Tests and scripts wait on
    it instead of on timing."""
    res = st.get("result") or {}
    return (f'<div class="fl-status" role="status" data-state="{"busy" if busy else "done"}" '
            f'data-seq="{int(st.get("seq", 0))}" data-lang="{html.escape(st.get("lang") or "de")}" '
            f'data-answer="{html.escape(str(res.get("id") or ""))}">'
            f'{html.escape(t("thinking" if busy else "answer_done", st.get("lang") or "de"))}</div>')


def build_app() -> gr.Blocks:
    """The whole UI as a ``gr.Blocks`` (not launched)."""
    from matcher.llm import get_writer

    writer = get_writer()  # the deterministic composer unless MATCHER_LLM_* is configured
    with Blocks(title="Förderlotse") as demo:
        state = gr.State(session.new_state())
        init = {k: u["choices"] for k, u in zip(("e", "y", "berlin", "stage", "org", "t", "needs", "instr"),
                                                 profile_updates(None, "de")) if "choices" in u}
        # built in German with no follow-up button visible: what session.PAGE_AT_LOAD says
        status = gr.HTML(status_html(session.new_state()), elem_id="fl-status", visible="hidden")
        with gr.Row(equal_height=False):
            header = gr.Markdown(f"## {t('title')}\n{t('subtitle')}", elem_id="fl-header")
            lang_choice = gr.Radio([("Automatisch", "auto"), ("Deutsch", "de"), ("English", "en")], value="auto",
                                   label=t("lang_label"), scale=0, min_width=260, elem_id="fl-lang")
        with gr.Row(equal_height=False):
            with gr.Column(scale=5):
                chatbot = gr.Chatbot(label=t("chat_label"), height=520, placeholder=t("chat_placeholder"),
                                     examples=[{"text": e} for e in EXAMPLES_DE + EXAMPLES_EN],
                                     elem_id="fl-chat", buttons=["copy"])
                with gr.Row():
                    msg = gr.Textbox(show_label=False, placeholder=t("input_placeholder"), lines=2, max_lines=8,
                                     scale=5, elem_id="fl-input", autofocus=True)
                    send = gr.Button(t("send"), variant="primary", scale=1, min_width=90, elem_id="fl-send")
                suggest_md = gr.Markdown("")
                with gr.Row():
                    sugg = [gr.Button(visible=False, size="sm", elem_classes=["fl-sugg"]) for _ in range(N_SUGGEST)]
                with gr.Row(equal_height=True, elem_id="fl-fb-row"):
                    new_btn = gr.Button(t("new"), size="sm", elem_id="fl-new", scale=1, min_width=120)
                    fb_md = gr.Markdown(t("feedback"), elem_id="fl-fb-label")
                    up = gr.Button("👍", size="sm", min_width=48, scale=0, elem_id="fl-up")
                    down = gr.Button("👎", size="sm", min_width=48, scale=0, elem_id="fl-down")
                fb_comment = gr.Textbox("", label=t("fb_comment"), lines=1, max_lines=3, container=False,
                                        placeholder=t("fb_comment"))
                with gr.Accordion(t("profile"), open=True, elem_id="fl-profile") as prof_acc:
                    with gr.Row():
                        p_emp = gr.Number(label=t("p_employees"), precision=0, minimum=0, elem_id="fl-p-emp")
                        p_year = gr.Number(label=t("p_founded"), precision=0, minimum=1800, maximum=2100)
                        p_berlin = gr.Radio(choices=init["berlin"], value="unknown", label=t("p_berlin"))
                    with gr.Row():
                        p_stage = gr.Dropdown(choices=init["stage"], value=None, label=t("p_stage"))
                        p_org = gr.Dropdown(choices=init["org"], value=None, label=t("p_org"))
                    p_topics = gr.Dropdown(choices=init["t"], value=[], label=t("p_topics"), multiselect=True,
                                           allow_custom_value=True)
                    p_needs = gr.CheckboxGroup(choices=init["needs"], label=t("p_needs"))
                    p_instr = gr.CheckboxGroup(choices=init["instr"], label=t("p_instr"))
                    rerate_btn = gr.Button(t("rerate"), variant="primary", elem_id="fl-rerate")
                with gr.Accordion(t("filters"), open=False) as filt_acc:
                    f_levels = gr.CheckboxGroup([(level_label(lv, "de"), lv) for lv in LEVELS], label=t("f_levels"))
                    f_instr = gr.CheckboxGroup([(v, k) for k, v in INSTRUMENT_LABELS_DE.items()],
                                               label=t("f_instruments"))
                    with gr.Row():
                        f_open = gr.Checkbox(label=t("f_open"), value=False)
                        f_inel = gr.Checkbox(label=t("f_inel"), value=False)
            with gr.Column(scale=6):
                with gr.Tabs(elem_id="fl-tabs"):
                    with gr.Tab(t("tab_results"), id="results", elem_id="fl-tab-results") as tab_results:
                        with gr.Accordion(t("picture"), open=True) as pic_acc:
                            chart = gr.HTML("", elem_id="fl-chart")
                        with gr.Accordion(t("export"), open=True) as exp_acc:
                            with gr.Row():
                                pdf_btn = gr.DownloadButton(t("export_pdf"), visible=False, elem_id="fl-pdf")
                                md_btn = gr.DownloadButton(t("export_md"), visible=False, elem_id="fl-md")
                        prog_md = gr.Markdown(f"### {t('programmes')}")
                        cards = gr.HTML(render.programme_cards(None), elem_id="fl-cards")
                        proj_md = gr.Markdown(f"### {t('projects')}")
                        proj_cards = gr.HTML("", elem_id="fl-projects")
                        support_cards = gr.HTML("", elem_id="fl-support")
                        with gr.Accordion(t("saved"), open=False) as saved_acc:
                            with gr.Row():
                                client = gr.Textbox("", label=t("client"), max_length=200, scale=2)
                                save_btn = gr.Button(t("save"), scale=1)
                            notes = gr.Textbox("", label=t("notes"), lines=2, max_length=20000)
                            saved_dd = gr.Dropdown(label=t("saved_list"), choices=[], interactive=True)
                            with gr.Row():
                                open_btn = gr.Button(t("open"), size="sm")
                                del_btn = gr.Button(t("delete"), size="sm", variant="stop")
                                refresh_btn = gr.Button(t("refresh"), size="sm")
                    with gr.Tab(t("tab_plan"), id="plan", elem_id="fl-tab-plan") as tab_plan:
                        plan_box = gr.HTML(plan_render.plan_html(None), elem_id="fl-plan")
                    with gr.Tab(t("tab_changes"), id="changes", elem_id="fl-tab-changes") as tab_changes:
                        rc_intro = gr.Markdown(t("rc_intro"))
                        rc_btn = gr.Button(t("rc_run"), variant="secondary", elem_id="fl-recheck-run")
                        rc_list = gr.HTML("", elem_id="fl-rechecks")

        profile_comps = [p_emp, p_year, p_berlin, p_stage, p_org, p_topics, p_needs, p_instr]
        label_comps = [header, msg, send, new_btn, fb_md, fb_comment, prof_acc, rerate_btn, filt_acc, f_levels,
                       f_instr, f_open, f_inel, prog_md, proj_md, pic_acc, exp_acc, pdf_btn, md_btn, saved_acc,
                       client, save_btn, notes, saved_dd, open_btn, del_btn, refresh_btn, tab_results, tab_plan,
                       tab_changes, rc_intro, rc_btn]
        # /chat outputs after msg and state; new components go at the end so API positions stay
        view = [chatbot, cards, proj_cards, chart, suggest_md, *sugg, *profile_comps, support_cards, status, plan_box]
        status_at = view.index(status)
        filters_in = [f_levels, f_instr, f_open, f_inel]
        exports = [pdf_btn, md_btn]
        skip_view = [gr.skip()] * len(view)

        def full_view(st: dict, lang: str, history=None) -> list:
            """Every component of ``view`` for the state's result, as plain values where possible.

            A ``gr.update`` with properties (label, choices, visible) makes Gradio rebuild the component
            for the session, so properties are sent only when they change (``st["shown"]``).
            """
            res = session.result_of(st)
            qs = res.questions[:N_SUGGEST] if res else []
            shown = st.setdefault("shown", {})
            if shown.get("sugg") == len(qs):
                sugg_updates = [qs[i] if i < len(qs) else gr.skip() for i in range(N_SUGGEST)]
            else:
                sugg_updates = [gr.update(value=qs[i], visible=True) if i < len(qs) else gr.update(visible=False)
                                for i in range(N_SUGGEST)]
                shown["sugg"] = len(qs)
            if shown.get("lang") == lang:
                f = render.profile_fields(session.profile_of(st))
                berlin = {True: "yes", False: "no", None: "unknown"}[f["in_berlin"]]
                prof = [f["employees"], f["founded_year"], berlin, f["stage"], f["org_type"], f["topics"], f["needs"],
                        f["instruments_wished"]]
            else:
                prof = profile_updates(session.profile_of(st), lang)
                shown["lang"] = lang
            # the plan of the last shortlist (a programme question keeps it): sent only when it changed
            plan_key = plan_render.plan_key(st.get("plan"), lang)
            if shown.get("plan") == plan_key:
                plan_update = gr.skip()
            else:
                plan_update = plan_render.plan_html(st.get("plan"), lang)
                shown["plan"] = plan_key
            return [history if history is not None else st["history"], render.programme_cards(res, lang),
                    render.project_cards(res, lang), render.shortlist_chart(res, lang) or "",
                    t("suggest", lang) if qs else "", *sugg_updates, *prof, render.support_cards(res, lang),
                    status_html(st), plan_update]

        def busy_view(st: dict) -> list:
            """Every output of ``view`` skipped but the completion signal, which says "busy"."""
            out = list(skip_view)
            out[status_at] = status_html(st, busy=True)
            return out

        slots = asyncio.Semaphore(session.turn_slots())

        async def respond(message: str, st: dict, lang_c: str, levels, instruments, only_open, show_inel):
            """One chat turn: the question and a "thinking" bubble at once, then what was understood from it
            (the profile, or the programmes asked about), then only the growing answer (Gradio sends each chunk
            as a diff of the chat), then cards, picture, profile and state once.

            The turn runs on the event loop; ``match``, the answer text and the rendering run in a worker
            thread, at most ``slots`` turns at a time (default 1). CPU-bound work under one GIL gains nothing from
            more threads, and each extra one takes GIL time from the event loop, which serves every call: with
            2 slots the loop got a third of the GIL and every call queued there (first piece p95 0.7 s in the
            load test), with 1 slot the queue forms only before ``match`` (first piece p95 0.09 s)."""
            message = (message or "").strip()
            lang = _ui_lang(lang_c, st)
            if not message:
                gr.Warning(t("empty_input", lang))
                yield [gr.skip(), gr.skip(), *skip_view]
                return
            history = [*st["history"], {"role": "user", "content": html.escape(message, quote=False)},
                       {"role": "assistant", "content": t("thinking", lang)}]
            yield ["", gr.skip(), history, *busy_view(st)[1:]]
            preface = render.understood(session.understand(st, message, session.lang_arg(lang_c)))
            if preface:
                history[-1] = {"role": "assistant", "content": preface}
                yield [gr.skip(), gr.skip(), history, *skip_view[1:]]
            filters = session.filters_from(levels, instruments, only_open)

            def turn() -> tuple[list[str], list]:
                """(the answer's pieces, the final view); updates the state."""
                with friendly_errors(lang, "chat turn"):
                    res = session.chat_turn(st, message, filters, bool(show_inel), session.lang_arg(lang_c))
                    out_lang = session.lang_arg(lang_c) or res.lang
                    answer = writer.write(res, company_text=message)  # validated; falls back to res.answer
                    st["history"] = [*history[:-1], {"role": "assistant", "content": answer}]
                    st["answer_ids"][str(len(st["history"]) - 1)] = res.id
                    return (render.answer_chunks(answer, size=max(160, len(answer) // STREAM_CHUNKS), at_lines=False),
                            full_view(st, out_lang))

            async with slots:
                chunks, final = await anyio.to_thread.run_sync(turn)
            text = ""
            for chunk in chunks[:-1]:
                text += chunk
                history[-1] = {"role": "assistant", "content": text}
                yield [gr.skip(), gr.skip(), history, *skip_view[1:]]
                await asyncio.sleep(STREAM_DELAY_S)
            yield ["", st, *final]

        def rerun(st: dict, lang_c: str, levels, instruments, only_open, show_inel, profile_values=None):
            lang = _ui_lang(lang_c, st)
            filters = session.filters_from(levels, instruments, only_open)
            with friendly_errors(lang, "re-evaluation"):
                if profile_values is not None:
                    res = rerate_profile(st, profile_values, filters, bool(show_inel), session.lang_arg(lang_c))
                else:
                    res = session.refilter(st, filters, bool(show_inel), session.lang_arg(lang_c))
            if res is None:
                return [st, *skip_view]
            lang = session.lang_arg(lang_c) or res.lang
            return [st, *full_view(st, lang)]

        def refilter(st: dict, lang_c: str, levels, instruments, only_open, show_inel):
            return rerun(st, lang_c, levels, instruments, only_open, show_inel)

        def rerate(st: dict, lang_c: str, levels, instruments, only_open, show_inel, employees, founded_year,
                   in_berlin, stage, org_type, topics, needs, instruments_wished):
            values = (employees, founded_year, in_berlin, stage, org_type, topics, needs, instruments_wished)
            return rerun(st, lang_c, levels, instruments, only_open, show_inel, values)

        def reset(lang_c: str, old: dict):
            st = session.new_state(shown=old.get("shown"))
            st["seq"] = old.get("seq", 0) + 1
            hidden = gr.update(value=None, visible=False)
            return [st, "", *full_view(st, session.lang_arg(lang_c) or "de"), hidden, hidden]

        def reopen(cid: str | None, lang_c: str, old: dict):
            st, client_name, note = load_saved(cid)
            st["shown"] = dict(old.get("shown") or {})
            st["seq"] = old.get("seq", 0) + 1
            lang = session.lang_arg(lang_c) or st.get("lang") or "de"
            return [st, client_name, note, *full_view(st, lang)]

        def relang(lang_c: str, st: dict):
            """Labels in the page's language; nothing is sent when they already are."""
            lang = _ui_lang(lang_c, st)
            shown = st.setdefault("shown", {})
            if shown.get("labels") == lang:
                return [gr.skip()] * len(label_comps)
            shown["labels"] = lang
            return labels(lang)

        def done(st: dict):
            return status_html(st)

        def after(ev):
            """Follow-ups of every event that changes the result: export files, then labels in its language."""
            return (ev.then(export_files, [state, client, notes], exports, api_visibility="private")
                    .then(relang, [lang_choice, state], label_comps, api_visibility="private")
                    .then(done, [state], status, api_visibility="private", show_progress="hidden"))

        chat_ev = dict(fn=respond, inputs=[msg, state, lang_choice, *filters_in], outputs=[msg, state, *view],
                       concurrency_limit=CHAT_CONCURRENCY, concurrency_id="chat", show_progress="hidden")
        after(send.click(api_name="chat", **chat_ev))
        after(msg.submit(api_visibility="private", **chat_ev))
        after(chatbot.example_select(_pick_example, None, msg, api_visibility="private")
              .then(api_visibility="private", **chat_ev))
        after(rerate_btn.click(rerate, [state, lang_choice, *filters_in, *profile_comps], [state, *view],
                               api_name="rerate", concurrency_limit=8))
        for comp in filters_in:
            after(comp.input(refilter, [state, lang_choice, *filters_in], [state, *view],
                             concurrency_limit=8, api_visibility="private"))
        after(new_btn.click(reset, [lang_choice, state], [state, msg, *view, *exports], api_name="reset"))
        lang_choice.change(relang, [lang_choice, state], label_comps, api_visibility="private")
        for b in sugg:
            b.click(suggestion_text, [b, state, lang_choice], msg, api_visibility="private")
        up.click(lambda st, c, lc: feedback(st, True, c, _ui_lang(lc, st)), [state, fb_comment, lang_choice],
                 fb_comment, api_name="feedback_up")
        down.click(lambda st, c, lc: feedback(st, False, c, _ui_lang(lc, st)), [state, fb_comment, lang_choice],
                   fb_comment, api_name="feedback_down")
        chatbot.like(on_like, [state, fb_comment], fb_comment, api_visibility="private")
        gr.Button(visible=False).click(export_files, [state, client, notes], exports, api_name="export")
        save_btn.click(save_current, [state, client, notes, lang_choice], [state, saved_dd], api_name="save")
        refresh_btn.click(list_saved, None, saved_dd, api_name="list_saved")
        saved_acc.expand(list_saved, None, saved_dd, api_visibility="private")
        after(open_btn.click(reopen, [saved_dd, lang_choice, state], [state, client, notes, *view],
                             api_name="open_saved"))
        del_btn.click(delete_saved, [saved_dd, state, lang_choice], [state, saved_dd], api_name="delete_saved")
        gr.api(api_match, api_name="match")
        rc_btn.click(run_recheck, [lang_choice, state], rc_list, api_name="recheck", concurrency_limit=1)
        tab_changes.select(recheck_list, [lang_choice, state], rc_list, api_name="list_rechecks")
    return demo


def _check_bind(host: str, auth: str | None) -> tuple[str, str] | None:
    loopback = host in ("127.0.0.1", "localhost", "::1") or host.startswith("127.")
    if auth:
        user, sep, pw = auth.partition(":")
        if not sep or not user or not pw:
            raise ConfigError("MATCHER_AUTH must look like 'user:password'")
        return user, pw
    if not loopback:
        raise ConfigError(f"refusing to serve on {host} without a login: set MATCHER_AUTH='user:password' "
                          "or bind to 127.0.0.1")
    return None


def _warm_up() -> None:
    """Load corpus, model and index before the first question arrives (errors surface per request later)."""
    try:
        from matcher.api import match

        match("Berliner Unternehmen, Innovation")  # also loads the embedding model, which is lazy
    except Exception as ex:  # the first request reports it to the user
        log.warning("engine warm-up failed: %s", ex)
    try:
        from matcher.store import get_store

        get_store()  # the database layer too: the first feedback or save should not pay for its import
    except Exception as ex:
        log.warning("store warm-up failed: %s", ex)


def serve(host: str | None = None, port: int | None = None) -> None:
    """Launch the app on settings.host:settings.port (default 127.0.0.1:7860); off loopback needs auth."""
    from matcher.settings import get_settings

    s = get_settings()
    host = host or s.host
    port = port or s.port
    auth = _check_bind(host, s.auth.get_secret_value() if s.auth else None)
    threading.Thread(target=_warm_up, name="engine-warm-up", daemon=True).start()
    demo = build_app()
    demo.queue(default_concurrency_limit=8)
    from .handlers import export_root

    demo.launch(server_name=host, server_port=port, auth=auth, ssr_mode=False, show_error=False,
                allowed_paths=[str(export_root())],
                css=render.CSS + plan_render.PLAN_CSS, theme=gr.themes.Soft(), footer_links=["api"])


if __name__ == "__main__":
    serve()
