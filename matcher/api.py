"""The public API: ``match(text_or_profile) -> MatchResult``. UI, CLI and evals call only this."""

from __future__ import annotations

import logging
import time

from . import eligibility as elig
from .answer import compose, need_label, profile_summary, programme_reasons
from .clock import today as _today
from .engine import Engine, get_engine
from .errors import InputError
from .intent import detect_programme_question
from .plan import build_plan
from .programme_answer import compose_programme_answer
from .staleness import effective_status
from .models import CompanyProfile, Filters, MatchResult, Programme, ProgrammeHit
from .pipeline import MatchState, full_pipeline, product_pipeline, select_pipeline
from .pipeline import run as run_pipeline
from .profile import complete_profile, extract_profile, merge_profiles
from .rank import Scored, Weights, default_weights, first_choice_role
from .scope import scope_note
from .text import clean

log = logging.getLogger(__name__)

MAX_CHARS = 20_000


def validate_query(text: object) -> str:
    """Reject unusable input with a clear message; return the cleaned text.

    Raises:
        InputError: empty, whitespace only, over 20,000 characters, or binary.
    """
    if not isinstance(text, str):
        raise InputError("the query must be text")
    if "\x00" in text or sum(1 for ch in text[:2000] if ord(ch) < 32 and ch not in "\n\r\t") > 20:
        raise InputError("the input looks like binary data; send the company description as plain text")
    if len(text) > MAX_CHARS:
        raise InputError(f"the description has {len(text):,} characters; the limit is {MAX_CHARS:,}. "
                         "Please shorten it to the essentials (size, location, project, need).")
    cleaned = clean(text)
    if not cleaned:
        raise InputError("the description is empty; describe the company (size, location, project, need)")
    return cleaned


def topic_labels(lang: str = "de") -> dict[str, str]:
    """Every topic id of the vocabulary with its label in ``lang`` (for profile editors and exports)."""
    eng = get_engine()
    return {t.id: (t.label_de if lang == "de" else t.label_en) for t in eng.corpus.topics}


def _query_from_profile(p: CompanyProfile, eng: Engine) -> str:
    labels = {t.id: t for t in eng.corpus.topics}
    words = [labels[t].label_de for t in p.topics if t in labels]
    from .answer import need_label

    words += [need_label(n, "de") for n in p.needs]
    return " ".join(words)


def match(query: str | CompanyProfile | dict, top_k: int = 5, filters: Filters | dict | None = None,
          show_ineligible: bool = False, lang: str | None = None, request_id: str | None = None,
          previous_profile: CompanyProfile | None = None, context: str | None = None,
          pipeline: str | list | None = None, weights: Weights | None = None, scorer=None,
          engine: Engine | None = None, refine_profile=None,
          previous_ids: list[str] | None = None) -> MatchResult:
    """Rank programmes, support offers and MPI projects/actors for a company.

    Args:
        query: the company's free text (German or English), or a ``CompanyProfile`` (or its dict).
        top_k: programmes to return (support offers: up to 3; projects/actors: up to 5).
        filters: levels, instruments, only_open.
        show_ineligible: also return programmes the company cannot get (after all others).
        lang: answer language; default the query's language.
        request_id: echoed in the result (batch mode).
        previous_profile: the profile of earlier chat turns; the new text refines it.
        context: earlier user messages, used for retrieval together with ``query``.
        pipeline: a name from ``matcher.pipeline.PIPELINES`` ('full', 'full-hand', 'hybrid+rules', 'hybrid',
            'convex', 'dense', 'lexical') or a list of stages; default the full system.
        weights: weights of the full pipeline's linear score (default: the fitted ``matcher/weights.yaml``).
            Given weights are used alone, without the learned ranker (``matcher/ranker.json``).
        scorer: a callable ``features -> score`` replacing the linear score (and the learned ranker).
        engine: an explicit engine (default: the process-wide one).
        refine_profile: optional ``f(text, profile) -> profile``, a second reading of this turn's text that
            fills facts the deterministic extractor left unknown and, by ``MATCHER_LLM_PROFILE``, checks the ones
            it read (``matcher.llm.get_profile_refiner``); it must never raise.
        previous_ids: the programme ids of the previous shortlist, in order, so that a follow-up
            such as "Wie beantrage ich den zweiten?" is answered about the second of them.

    A question about named programmes ("Wie hoch ist die Förderquote bei Pro FIT?") is routed to
    ``matcher.programme_answer`` before the shortlist pipeline: the result has
    ``intent="programme_question"``, the asked programmes and ``programme_answer``. A shortlist
    carries ``plan`` (``matcher.plan.build_plan``).

    Returns:
        A ``MatchResult``; "no good match" is a result with ``message`` set, not an exception.

    Example:
        >>> r = match("Wir recyceln Kunststoff, 40 MA, Berlin, wollen mit der TU eine Sortieranlage entwickeln")
        >>> r.programmes[0].id
        'pro-fit-projektfinanzierung'
    """
    t0 = time.perf_counter()
    eng = engine or get_engine()
    load_ms = (time.perf_counter() - t0) * 1000
    today = _today(eng.settings)
    if isinstance(filters, dict):
        filters = Filters.model_validate(filters)
    if pipeline is None or pipeline == "full":
        # explicit weights or a scorer replace the whole score: the learned models are used only by default
        stages = (product_pipeline() if weights is None and scorer is None
                  else full_pipeline(weights or default_weights(), scorer))
    elif isinstance(pipeline, str):
        stages = select_pipeline(pipeline)
    else:
        stages = list(pipeline)

    t = time.perf_counter()
    state = read_profile(query, eng, today, previous_profile, context, refine_profile)
    state.lang = lang or state.profile.lang
    state.filters = filters or Filters()
    state.top_k, state.show_ineligible = top_k, show_ineligible
    state.timings.update(load=load_ms, profile=(time.perf_counter() - t) * 1000)
    if not isinstance(query, (CompanyProfile, dict)):
        t = time.perf_counter()
        question = detect_programme_question(state.text, eng.aliases, previous_ids, eng.corpus.programmes)
        state.timings["intent"] = (time.perf_counter() - t) * 1000
        if question is not None:
            return _programme_question(question, state, eng, request_id, t0)
    state = run_pipeline(stages, state, eng)

    t = time.perf_counter()
    out_lang = state.lang
    topic_labels = {tp.id: (tp.label_de, tp.label_en) for tp in eng.corpus.topics}
    def hit(x: Scored) -> ProgrammeHit:
        return _hit(x, state.criteria.get(x.prog.id, []), state.profile, out_lang, topic_labels, eng.programme_names)

    prog_hits = [hit(x) for x in state.chosen]
    support_hits = [hit(x) for x in state.support]
    for h in [*support_hits, *prog_hits]:
        if h.id in state.support_mandates:
            h.reasons.insert(0, state.support_mandates[h.id])
    hidden_hits = [hit(x) for x in state.hidden[:10]] if state.scope == "funding" else []
    message = _named_notes(state.named, state.ranked, state.criteria, out_lang) or None
    if state.scope != "funding":
        note = scope_note(state.scope, out_lang, continuing=state.continuing)
        message = f"{message} {note}" if message else note
    if state.profile.unsupported_language:
        note = ("Hinweis: Ich antworte auf Deutsch oder Englisch." if out_lang == "de"
                else "Note: I answer in German or English.")
        message = f"{note} {message or ''}".strip()
    if state.degraded:
        log.warning("dense retrieval unavailable, answering from the lexical index: %s", state.degraded)
        note = ("Hinweis: Die semantische Suche ist gerade nicht erreichbar; die Treffer beruhen auf Stichworten und Regeln."
                if out_lang == "de" else
                "Note: semantic search is unavailable right now; results rest on keywords and rules.")
        message = f"{note} {message or ''}".strip()
    data_as_of = max((r.as_of for r in eng.corpus.programmes), default=None)
    plan = None
    if state.scope == "funding" and (prog_hits or support_hits):
        by_id = {p.id: p for p in eng.corpus.programmes}
        shown = [*prog_hits, *support_hits]
        plan = build_plan(state.profile, [by_id[h.id] for h in shown], today,
                          eligibility={h.id: h.eligibility for h in shown}, lang=out_lang).model_dump(mode="json")
    answer, cites = compose(state.profile, prog_hits, state.projects, state.questions, out_lang, topic_labels,
                            message, data_as_of, support=support_hits)
    state.timings["answer"] = (time.perf_counter() - t) * 1000
    state.timings["total"] = (time.perf_counter() - t0) * 1000
    return MatchResult(
        id=request_id, lang=out_lang, intent="shortlist" if state.scope == "funding" else "empty" if state.scope == "welcome" else state.scope,
        profile=state.profile, programmes=prog_hits, support=support_hits, hidden_ineligible=hidden_hits,
        projects=state.projects, questions=state.questions, answer=answer, citations=cites, message=message,
        data_as_of=data_as_of, timings_ms=state.timings, plan=plan,
    )


def understand(text: str, previous_profile: CompanyProfile | None = None, lang: str | None = None,
               previous_ids: list[str] | None = None, engine: Engine | None = None) -> dict:
    """What ``match`` will start from, known in a few milliseconds, before any ranking: for a UI to show while
    ``match`` runs ("Verstanden: ... – ich prüfe 114 Programme").

    Returns a dict: ``lang`` (the answer language), ``profile`` (the one-line summary of the profile read
    from ``text`` and merged with ``previous_profile``, as the answer's "Ihr Profil" line shows it; the
    optional LLM refiner is not asked), ``asked`` (names of the programmes a question about named
    programmes refers to, else empty) and ``programmes`` (how many programmes the corpus holds).

    Raises:
        InputError: the text is not usable (as ``match`` would).
    """
    eng = engine or get_engine()
    state = read_profile(text, eng, _today(eng.settings), previous_profile)
    out_lang = lang or state.profile.lang
    labels = {tp.id: (tp.label_de, tp.label_en) for tp in eng.corpus.topics}
    question = detect_programme_question(state.text, eng.aliases, previous_ids, eng.corpus.programmes)
    names = eng.programme_names
    return {"lang": out_lang, "profile": profile_summary(state.profile, out_lang, labels),
            "asked": [names[i] for i in question.ids if i in names] if question else [],
            "programmes": len(eng.corpus.programmes)}


def _programme_question(question, state: MatchState, eng: Engine, request_id: str | None, t0: float) -> MatchResult:
    """Answer a question about named programmes from their records (no new shortlist)."""
    t = time.perf_counter()
    by_id = {p.id: p for p in eng.corpus.programmes}
    progs = [by_id[i] for i in question.ids if i in by_id]
    lang = state.lang
    criteria = {p.id: elig.check(p, state.profile, lang) for p in progs}
    overall = {pid: elig.overall(c) for pid, c in criteria.items()}
    topic_labels = {tp.id: (tp.label_de, tp.label_en) for tp in eng.corpus.topics}
    hits = []
    for p in progs:
        x = Scored(p, 1.0, overall[p.id], effective_status(p, state.today))
        x.features = {"named": 1.0}
        h = _hit(x, criteria[p.id], state.profile, lang, topic_labels, eng.programme_names)
        # the sources of the record's combination rules are sources of this answer, too
        h.sources = [*p.sources, *[r.source for r in p.combination
                                   if not any(r.source.title == s.title and r.source.url == s.url for s in p.sources)]]
        hits.append(h)
    data_as_of = max((r.as_of for r in eng.corpus.programmes), default=None)
    answer, cites, data = compose_programme_answer(progs, question.aspects, state.profile, lang, state.today,
                                                   criteria, overall, eng.corpus.actors, data_as_of)
    data["by_reference"] = question.by_reference
    questions = elig.follow_up_questions([criteria[p.id] for p in progs], state.profile, lang) \
        if any(f in state.profile.stated for f in ("employees", "location", "founded_year", "org_type")) else []
    state.timings["answer"] = (time.perf_counter() - t) * 1000
    state.timings["total"] = (time.perf_counter() - t0) * 1000
    return MatchResult(id=request_id, lang=lang, intent="programme_question", profile=state.profile, programmes=hits,
                       projects=[], questions=questions, answer=answer, citations=cites, data_as_of=data_as_of,
                       timings_ms=state.timings, programme_answer=data)


def read_profile(query, eng: Engine, today, previous_profile: CompanyProfile | None = None,
                 context: str | None = None, refine_profile=None) -> MatchState:
    """Stage 1: the company profile from free text (or a given profile), merged with earlier turns."""
    if isinstance(query, dict):
        try:
            query = CompanyProfile.model_validate(query)
        except ValueError as ex:
            raise InputError(f"invalid profile: {str(ex).splitlines()[0]}") from None
    continuing = False
    if isinstance(query, CompanyProfile):
        profile = turn_profile = complete_profile(query)
        text = _query_from_profile(profile, eng)
    else:
        text = validate_query(query)
        profile = turn_profile = extract_profile(text, eng.corpus.topics, today=today)
        if refine_profile is not None:
            profile = turn_profile = refine_profile(text, profile)
        if previous_profile is not None:
            profile = merge_profiles(previous_profile, profile)
            continuing = True
    retrieval_text = f"{context}\n{text}" if context else text
    return MatchState(text=text, retrieval_text=retrieval_text, profile=profile, lang=profile.lang, today=today,
                      filters=Filters(), turn_profile=turn_profile, continuing=continuing)


def _named_notes(named: set[str], scored: list[Scored], crit_map, lang: str) -> str | None:
    """A sentence for each programme the user asked about that is closed or out of reach."""
    de = lang == "de"
    notes = []
    for x in sorted(scored, key=lambda x: x.prog.id):
        if x.prog.id not in named:
            continue
        if x.effective_status == "closed":
            when = f" ({x.prog.deadline_text})" if x.prog.deadline_text else ""
            notes.append(f"„{x.prog.name}“ ist derzeit geschlossen{when}; unten stehen offene Alternativen."
                         if de else f"“{x.prog.name}” is currently closed{when}; open alternatives are listed below.")
        elif x.overall == "ineligible":
            why = "; ".join(c.reason for c in crit_map[x.prog.id] if c.verdict == "violated")
            notes.append(f"„{x.prog.name}“ passt nicht: {why}." if de else f"“{x.prog.name}” does not fit: {why}.")
        elif x.effective_status == "planned":
            notes.append(f"„{x.prog.name}“ ist angekündigt, aber noch nicht geöffnet." if de
                         else f"“{x.prog.name}” is announced but not open yet.")
    return " ".join(notes) or None


def _hit(x: Scored, criteria, profile: CompanyProfile, lang: str, topic_labels,
         names: dict[str, str]) -> ProgrammeHit:
    p: Programme = x.prog
    de = lang == "de"
    ok = [c.reason for c in criteria if c.verdict == "fulfilled"]
    reasons = programme_reasons(x.features, p.needs, p.topics, profile, p.instruments, ok, lang, topic_labels, p.level,
                                p.advises_on_levels)
    sources = list(p.sources)
    role = first_choice_role(p, profile, known_group=True)
    if role is not None and role.need == profile.needs[0]:
        # the record's sourced reason why a consultant names this programme first for the company's main need
        reasons.insert(0, f"Oft erste Wahl für {need_label(role.need, lang)}: {role.reason_de}" if de
                       else f"Often the first choice for {need_label(role.need, lang)}: {role.reason_en}")
        if role.source.url and role.source.url not in {s.url for s in sources}:
            sources.append(role.source)
    if x.features.get("named", 0) >= 1:
        reasons.insert(0, "Von Ihnen genannt" if de else "You asked about this programme")
    elif "named" in x.features:
        reasons.insert(0, "Gehört zu der von Ihnen genannten Programmfamilie" if de
                       else "Part of the programme family you asked about")
    if x.effective_status == "closed":
        reasons.insert(0, "Programm ist geschlossen – nur zur Information" if de else "Programme is closed – for information only")
    if p.apply_via:
        via = ", ".join(names.get(i, i) for i in p.apply_via)
        reasons.insert(0, f"Kein eigener Antrag – Zugang über: {via}" if de else f"No application of its own – apply through: {via}")
    amount = None
    if p.amount:
        amount = p.amount.text_de if de or not p.amount.text_en else p.amount.text_en
    return ProgrammeHit(
        id=p.id, name=p.name, provider=p.provider, level=p.level, instruments=p.instruments, score=x.score,
        eligibility=x.overall, criteria=criteria, reasons=reasons, status=p.status,
        effective_status=x.effective_status if x.effective_status in ("rolling", "open", "call-based", "planned", "closed") else p.status,
        deadline=p.deadline, deadline_text=p.deadline_text, amount=amount, funding_rate=p.funding_rate,
        summary=p.summary_de if de else p.summary_en, sources=sources, as_of=p.as_of,
        call_dates=p.call_dates, verified_on=p.verified_on,
        verification_note=(p.verification_note_de if de else p.verification_note_en or p.verification_note_de),
        # the features, and the learned ranker's probability when it took part in the score
        why={k: round(v, 4) for k, v in x.features.items()} | ({} if x.learned is None else {"learned": round(x.learned, 4)}),
    )
