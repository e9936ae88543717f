"""The optional LLM layer (off by default): answer writers, their validator, and profile extraction.

An ``AnswerWriter`` turns a ``MatchResult`` into the text the user reads. ``DeterministicWriter``
returns the composer's answer; ``LLMWriter`` asks a LangChain chat model to rephrase *only* the
ranked candidates and accepts the text only if ``check_answer`` finds no violation; otherwise, and
on any error or timeout, it falls back to the deterministic answer. Pick one with ``get_writer``::

    writer = get_writer(settings, programme_names=[p.name for p in engine.corpus.programmes])
    outcome = writer.outcome(result)      # WriteOutcome(text, used_llm, reason)
    for piece in writer.stream(result):   # validated text, in small pieces
        ...

langchain-openai / langchain-ollama are imported only when an LLM is configured.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .errors import ConfigError
from .models import INSTRUMENT_LABELS_EN, CompanyProfile, Instrument, MatchResult, Need, OrgType, Stage
from .settings import REPO_ROOT, Settings, get_settings

log = logging.getLogger(__name__)

PROMPTS_DIR = REPO_ROOT / "prompts"


# ------------------------------------------------------------------ prompts

def load_prompt(name: str, prompts_dir: Path | None = None) -> string.Template:
    """Read ``prompts/<name>`` as a ``string.Template`` (``$variable`` placeholders)."""
    path = (prompts_dir or PROMPTS_DIR) / name
    if not path.is_file():
        raise ConfigError(f"prompt file {path} is missing; restore it from the repository (prompts/)")
    return string.Template(path.read_text(encoding="utf-8"))


def render_prompt(name: str, prompts_dir: Path | None = None, **variables: Any) -> list[tuple[str, str]]:
    """Render a prompt strictly and split it into ``[("system", ...), ("human", ...)]`` messages.

    A placeholder without a value raises ``ConfigError`` (never an empty string in the prompt).
    The file marks its parts with lines ``[system]`` and ``[user]``.
    """
    try:
        text = load_prompt(name, prompts_dir).substitute(**{k: str(v) for k, v in variables.items()})
    except KeyError as ex:
        raise ConfigError(f"prompt {name} needs the variable {ex.args[0]!r}; pass it to render_prompt") from None
    except ValueError as ex:  # a stray '$' in the template
        raise ConfigError(f"prompt {name} is not a valid template: {ex}") from None
    parts = re.split(r"^\[(system|user)\]\s*$", text, flags=re.M)
    msgs = [("system" if role == "system" else "human", body.strip()) for role, body in zip(parts[1::2], parts[2::2])]
    if not msgs:
        raise ConfigError(f"prompt {name} has no [system]/[user] section")
    return msgs


def _as_data(text: str | None, lang: str) -> str:
    """User text placed inside delimiters: strip anything that could close the delimiter."""
    if not text or not text.strip():
        return "(nicht übergeben)" if lang == "de" else "(not provided)"
    return re.sub(r"</?\s*(firmentext|company_text)\s*>", "[…]", text.strip()[:4000], flags=re.I)


def candidates_block(result: MatchResult) -> str:
    """The candidates as numbered JSON: ids, names, amounts, verdicts and citation numbers."""
    cite_of = {}
    for c in result.citations:
        cite_of.setdefault(c.record_id, c.n)
    items: list[dict] = []
    for k, h in enumerate(result.programmes, start=1):
        items.append({
            "nr": k, "kind": "programme", "id": h.id, "name": h.name, "provider": h.provider, "level": h.level,
            "instruments": h.instruments, "verdict": h.eligibility, "amount": h.amount,
            "funding_rate": h.funding_rate, "status": h.effective_status,
            "deadline": h.deadline.isoformat() if h.deadline else h.deadline_text,
            "reasons": h.reasons, "open_points": [c.reason for c in h.criteria if c.verdict != "fulfilled"][:3],
            "citation": cite_of.get(h.id),
        })
    for p in result.projects:
        items.append({"nr": len(items) + 1, "kind": p.kind, "id": p.id, "name": p.name, "why": p.why,
                      "offer": p.offer, "citation": cite_of.get(p.id)})
    return json.dumps(items, ensure_ascii=False, indent=1)


def answer_messages(result: MatchResult, company_text: str | None = None,
                    prompts_dir: Path | None = None) -> list[tuple[str, str]]:
    """The chat messages that ask the model to rephrase ``result`` (German or English prompt)."""
    m = re.search(r"^\*\*(?:Ihr Profil|Your profile):\*\*\s*(.*)$", result.answer, flags=re.M)
    return render_prompt(
        f"answer.{result.lang}.md", prompts_dir,
        profile=m.group(1) if m else "-",
        company_text=_as_data(company_text, result.lang),
        candidates=candidates_block(result),
        citations="\n".join(f"[{c.n}] {c.title}" + (f", {c.section}" if c.section else "") for c in result.citations)
        or "-",
        questions="\n".join(f"- {q}" for q in result.questions) or "-",
    )


# ------------------------------------------------------------------ validation

_FUNDING_WORDS = (r"förderung|förderprogramm\w*|programm|zuschuss|kredit|darlehen|stipendium|prämie|fonds|"
                  r"accelerator|bonus|gutschein|grant|fund|loan|scheme|award|preis|wettbewerb|challenge")
_GENERIC = r"(?!(?:KMU|SME|EU|FuE|F&E|R&D|IT|KI|AI|Bundes|Landes)\b)"
_ACRONYM = r"(?-i:[A-ZÄÖÜ][A-Za-zÄÖÜäöü&]*[A-ZÄÖÜ][A-Za-zÄÖÜäöü]*)"
# Phrases that look like the name of a funding programme; each must be grounded in the candidates
# (a false alarm only costs the LLM wording: the deterministic answer is shown instead).
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_NAME_LIKE = [
    re.compile(rf"\b{_GENERIC}{_ACRONYM}[\s-]+\w*(?:{_FUNDING_WORDS})\b", re.I),             # "EIC Accelerator"
    re.compile(rf"\b\w*(?:{_FUNDING_WORDS})[\s-]+(?:\d+\b(?!\s*(?:%|[.,]\d|eur|€|mio|prozent))|{_ACRONYM}\b)",
               re.I),                                                                         # "Förderung 3000"
    re.compile(rf"\b{_GENERIC}(?-i:[A-ZÄÖÜ]\w*)(?:-\w+)*-\w*(?:{_FUNDING_WORDS})\b", re.I),  # "Super-Förderung"
]
_NAME_HINT = re.compile(rf"(?:{_FUNDING_WORDS})|\d|\w-\w|(?-i:\b[A-ZÄÖÜ]{{2,}}\b)", re.I)
_LABELS = {"ihr profil", "your profile", "quellen", "sources", "warum", "why", "umfang", "amount", "status",
           "zu klären", "to clarify", "hinweis", "note", "empfehlung", "recommendation", "offene fragen",
           "open questions", "fazit", "summary", "nächste schritte", "next steps"}
_SCALE = {"mio": 1e6, "million": 1e6, "millionen": 1e6, "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9,
          "billion": 1e9, "tsd": 1e3, "tausend": 1e3, "thousand": 1e3, "k": 1e3}
_NUM = r"(?<![\d.,])(?:\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d+)?)"
_UNIT = r"mio\.?|millionen|millions?|mrd\.?|milliarden?|billion|tsd\.?|tausend|thousand|k\b"
_AMOUNT = re.compile(
    rf"(?:(?:\beur\b|€|\beuro\b)\s*(?P<n1>{_NUM})\s*(?P<u1>{_UNIT})?)"
    rf"|(?:(?P<n2>{_NUM})\s*(?P<u2>{_UNIT})?\s*(?:eur\b|€|euro\b))"
    rf"|(?:(?P<n3>{_NUM})\s*(?P<u3>mio\.?|millionen|millions?|mrd\.?|milliarden?|billion)(?!\w))", re.I)
_PERCENT = re.compile(rf"({_NUM})\s*(?:%|prozent\b|per ?cent\b)", re.I)
_CITE = re.compile(r"\[(\d+(?:\s*[,;–-]\s*\d+)*)\](?!\()")


def _fold(s: str) -> str:
    s = s.casefold().replace("\u00ad", "")
    s = re.sub(r"[‐‑‒–—]", "-", s)
    return re.sub(r"\s+", " ", s).strip()


def _core(name: str) -> str:
    """A name without its parentheses: 'EU Accelerator (Testprogramm)' -> 'eu accelerator'."""
    return _fold(re.sub(r"\([^)]*\)", " ", name))


def _number(s: str) -> float:
    """'400.000' / '400,000' / '400 000' -> 400000; '2,5' / '2.5' -> 2.5; '1.234,5' -> 1234.5."""
    s = re.sub(r"[\s\u00a0\u202f]", "", s)
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", s) and len(set(re.sub(r"\d", "", s))) == 1:
        return float(re.sub(r"[.,]", "", s))
    if "," in s and "." in s:  # the last separator is the decimal mark
        dec = max(s.rfind(","), s.rfind("."))
        return float(re.sub(r"[.,]", "", s[:dec]) + "." + s[dec + 1:])
    return float(s.replace(",", "."))


def amounts_in(text: str) -> set[float]:
    """Every EUR amount in ``text`` as a number ('25 Mio. EUR' -> 25e6, 'EUR 400,000' -> 4e5)."""
    out = set()
    for m in _AMOUNT.finditer(text):
        num = m.group("n1") or m.group("n2") or m.group("n3")
        unit = (m.group("u1") or m.group("u2") or m.group("u3") or "").lower().rstrip(".").rstrip("s")
        try:
            out.add(round(_number(num) * _SCALE.get(unit, 1.0), 2))
        except ValueError:
            continue
    return out


def _dates_in(text: str) -> set[dt.date]:
    out = set()
    for d, m, y in re.findall(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", text):
        try:
            out.add(dt.date(int(y), int(m), int(d)))
        except ValueError:
            out.add(dt.date.min)  # an impossible date is never grounded
    for y, m, d in re.findall(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
        try:
            out.add(dt.date(int(y), int(m), int(d)))
        except ValueError:
            out.add(dt.date.min)
    return out


def check_answer(text: str, result: MatchResult, programme_names: Iterable[str] = ()) -> list[str]:
    """Every reason why ``text`` is not an acceptable rephrasing of ``result`` (empty list: accept).

    Checks:
        - names: no programme of ``programme_names`` (the whole corpus) that is not a candidate; every
          bold span and every programme-like phrase ("EIC Accelerator", "Super-Förderung 3000") must
          occur in the candidates' facts or in the deterministic answer;
        - citations: every ``[n]`` exists in ``result.citations``, and there is at least one when
          programmes were found;
        - numbers: every EUR amount, percentage and date occurs in the candidates' facts.
    """
    problems: list[str] = []
    if not text or not text.strip():
        return ["empty answer"]
    allowed_names = [h.name for h in result.programmes] + [p.name for p in result.projects]
    ground_parts = [result.answer, *allowed_names, *(h.provider for h in result.programmes),
                    *(h.summary for h in result.programmes), *(p.offer for p in result.projects),
                    *(c.title for c in result.citations)]
    ground = _fold("\n".join(ground_parts))

    # 1. names of other corpus programmes (after masking the candidates' own names)
    masked = _fold(text)
    for name in sorted({_fold(n) for n in allowed_names} | {_core(n) for n in allowed_names}, key=len, reverse=True):
        if len(name) >= 3:
            masked = masked.replace(name, " ")
    cand_folded = {_fold(n) for n in allowed_names}
    for other in sorted(set(programme_names)):
        if _fold(other) in cand_folded:
            continue
        for form in {_fold(other), _core(other)}:
            if len(form) >= 4 and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", masked):
                problems.append(f"names a programme that is not a candidate: {other!r}")
                break

    # 2. name-like phrases must be grounded in the candidates
    phrases = [m.group(1) or m.group(2) for m in _BOLD.finditer(text)]
    phrases = [p for p in phrases if _NAME_HINT.search(p)]
    phrases += [m.group(0) for rx in _NAME_LIKE for m in rx.finditer(text)]
    seen = set()
    for raw in phrases:
        phrase = _fold(re.sub(r"\s*\[[\d,;\s–-]+\]", "", raw).strip(" *_:.,;-"))
        if not phrase or phrase in seen or phrase in _LABELS or phrase in ground:
            continue
        seen.add(phrase)
        if not any(phrase in p for p in problems):
            problems.append(f"unknown programme-like name: {phrase!r}")

    # 3. citations
    valid = {c.n for c in result.citations}
    used: set[int] = set()
    for m in _CITE.finditer(text):
        for part in re.split(r"\s*[,;]\s*", m.group(1)):
            bounds = [int(x) for x in re.split(r"\s*[–-]\s*", part)]
            used.update(range(bounds[0], bounds[-1] + 1) if len(bounds) == 2 and bounds[1] - bounds[0] < 50 else bounds)
    bad = sorted(used - valid)
    if bad:
        problems.append(f"unknown citation number(s): {', '.join(f'[{n}]' for n in bad)}")
    if result.programmes and not used:
        problems.append("no citation: every programme needs its [n]")

    # 4. amounts, percentages, dates
    facts = "\n".join(x for h in result.programmes for x in (h.amount or "", h.funding_rate or "", h.summary))
    known_amounts = amounts_in(facts) | amounts_in(result.answer)
    if result.profile.turnover_eur:
        known_amounts.add(float(result.profile.turnover_eur))
    for a in sorted(amounts_in(text) - known_amounts):
        problems.append(f"amount not in the candidates: {a:,.0f} EUR")
    known_pct = {_number(n) for n in _PERCENT.findall(facts + "\n" + result.answer)}
    for p in sorted({_number(n) for n in _PERCENT.findall(text)} - known_pct):
        problems.append(f"percentage not in the candidates: {p:g} %")
    known_dates = _dates_in(result.answer) | {h.deadline for h in result.programmes if h.deadline}
    known_dates |= {result.data_as_of} if result.data_as_of else set()
    for d in sorted(_dates_in(text) - known_dates):
        problems.append(f"date not in the candidates: {d.isoformat() if d != dt.date.min else 'invalid date'}")
    return problems


# ------------------------------------------------------------------ writers

@dataclass
class WriteOutcome:
    """The text to show and which path produced it."""

    text: str
    used_llm: bool
    reason: str | None = None  # why the deterministic answer was used (None: LLM accepted, or no LLM)
    violations: list[str] = field(default_factory=list)


def _pieces(text: str) -> Iterator[str]:
    yield from re.findall(r"\S+\s*|\s+", text)


class AnswerWriter:
    """Turns a ``MatchResult`` into the answer text. Subclasses implement ``outcome``."""

    def outcome(self, result: MatchResult, company_text: str | None = None) -> WriteOutcome:
        raise NotImplementedError

    def write(self, result: MatchResult, company_text: str | None = None) -> str:
        """The answer as Markdown."""
        return self.outcome(result, company_text).text

    def stream(self, result: MatchResult, company_text: str | None = None) -> Iterator[str]:
        """The answer in small pieces. LLM text is validated in full before the first piece is sent."""
        yield from _pieces(self.write(result, company_text))


class DeterministicWriter(AnswerWriter):
    """The composer's answer (``result.answer``), unchanged: the default, no LLM involved."""

    def outcome(self, result: MatchResult, company_text: str | None = None) -> WriteOutcome:
        return WriteOutcome(result.answer, used_llm=False, reason=None)


def _footer(answer: str) -> str:
    """The deterministic sources list and disclaimer, appended to an accepted LLM text."""
    m = re.search(r"^\*\*(Quellen|Sources):\*\*", answer, flags=re.M)
    if m:
        return answer[m.start():]
    last = answer.rstrip().rsplit("\n", 1)[-1]
    return last if last.startswith("_") else ""


class LLMWriter(AnswerWriter):
    """Asks a LangChain chat model to rephrase the candidates; falls back to the composer's answer.

    Args:
        chat_model: any LangChain chat model (``ChatOpenAI``, ``ChatOllama``, or a fake in tests).
        programme_names: names of all corpus programmes, so mentions of non-candidates are caught.
            ``None``: taken from the process-wide engine when first needed.
        secrets: strings that must never appear in logs (the API key).
        prompts_dir: folder with ``answer.de.md`` / ``answer.en.md`` (default: the repo's ``prompts/``).
    """

    def __init__(self, chat_model, programme_names: Iterable[str] | None = None, secrets: Iterable[str] = (),
                 prompts_dir: Path | None = None):
        self.chat_model = chat_model
        self._names = None if programme_names is None else sorted(set(programme_names))
        self._secrets = [s for s in secrets if s]
        self.prompts_dir = prompts_dir

    def programme_names(self) -> list[str]:
        if self._names is None:
            try:
                from .engine import get_engine

                self._names = sorted({p.name for p in get_engine().corpus.programmes})
            except Exception as ex:  # no engine: only the grounding checks remain
                log.warning("LLM validator has no corpus names: %s", self._redact(str(ex)))
                return []
        return self._names

    def _redact(self, msg: str) -> str:
        for s in self._secrets:
            msg = msg.replace(s, "***")
        return re.sub(r"(sk-|Bearer\s+)[A-Za-z0-9_\-]{6,}", r"\1***", msg)

    def _fallback(self, result: MatchResult, reason: str, violations: list[str] | None = None) -> WriteOutcome:
        reason = self._redact(reason)
        log.warning("LLM answer not used, showing the deterministic answer: %s", reason)
        return WriteOutcome(result.answer, used_llm=False, reason=reason, violations=violations or [])

    def outcome(self, result: MatchResult, company_text: str | None = None) -> WriteOutcome:
        if not result.programmes and not result.projects:
            return WriteOutcome(result.answer, used_llm=False, reason="no candidates to rephrase")
        try:
            messages = answer_messages(result, company_text, self.prompts_dir)
            reply = self.chat_model.invoke(messages)
            text = reply.content if hasattr(reply, "content") else str(reply)
            if isinstance(text, list):  # content blocks
                text = "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in text)
        except Exception as ex:  # timeout, connection refused, HTTP error, bad prompt: never fail the answer
            return self._fallback(result, f"{type(ex).__name__}: {ex}")
        violations = check_answer(text, result, self.programme_names())
        if violations:
            return self._fallback(result, "validation failed: " + "; ".join(violations), violations)
        footer = _footer(result.answer)
        return WriteOutcome(text.strip() + ("\n\n" + footer if footer else ""), used_llm=True)


def get_profile_refiner(settings: Settings | None = None):
    """``f(text, profile) -> profile`` for ``matcher.match(refine_profile=...)``, or ``None`` without an LLM.

    How the LLM's reading meets the rules' is ``settings.llm_profile`` (``reconcile_profile``); the refiner returns
    the profile unchanged on any error.
    """
    from .clock import today

    settings = settings or get_settings()
    if not (settings.llm_base_url and settings.llm_model):
        return None
    model = build_chat_model(settings)
    policy = settings.llm_profile
    return lambda text, base: extract_profile_llm(text, model, base, policy=policy, today=today(settings))


def build_chat_model(settings: Settings):
    """The configured LangChain chat model (no network call is made here).

    Raises:
        ConfigError: unknown provider, or its package is not installed.
    """
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
    provider = (settings.llm_provider or "openai").lower()
    if provider == "openai":
        try:
            from langchain_openai import ChatOpenAI
        except ImportError:
            raise ConfigError("MATCHER_LLM_PROVIDER=openai needs langchain-openai: "
                              "pip install langchain-openai (or pip install 'foerderlotse[llm]')") from None
        return ChatOpenAI(base_url=settings.llm_base_url, model=settings.llm_model, api_key=key,
                          timeout=settings.llm_timeout_s, max_retries=0, temperature=0)
    if provider == "ollama":
        try:
            from langchain_ollama import ChatOllama
        except ImportError:
            raise ConfigError("MATCHER_LLM_PROVIDER=ollama needs langchain-ollama: "
                              "pip install langchain-ollama (or pip install 'foerderlotse[llm]')") from None
        return ChatOllama(base_url=settings.llm_base_url, model=settings.llm_model, temperature=0,
                          client_kwargs={"timeout": settings.llm_timeout_s})
    raise ConfigError(f"unknown MATCHER_LLM_PROVIDER {settings.llm_provider!r}; valid: 'openai', 'ollama'")


def get_writer(settings: Settings | None = None, programme_names: Iterable[str] | None = None) -> AnswerWriter:
    """The answer writer for these settings: ``DeterministicWriter`` unless an LLM is configured.

    An LLM is used only when both ``MATCHER_LLM_BASE_URL`` and ``MATCHER_LLM_MODEL`` are set.

    Args:
        settings: default ``get_settings()``.
        programme_names: all corpus programme names (default: from the engine when first needed).
    """
    s = settings or get_settings()
    if not (s.llm_base_url and s.llm_model):
        return DeterministicWriter()
    secret = s.llm_api_key.get_secret_value() if s.llm_api_key else ""
    return LLMWriter(build_chat_model(s), programme_names, secrets=[secret])


# ------------------------------------------------------------------ profile extraction

class ProfileFields(BaseModel):
    """Company facts an LLM may fill in; ``null`` / empty means: not stated."""

    model_config = ConfigDict(extra="ignore")

    org_type: str | None = Field(None, description="'company', 'research', 'individual' or 'association'")
    stage: str | None = Field(None, description="'pre_founding' (not founded yet, or a person taking over a business), "
                              "'startup' (founded less than 5 years ago) or 'established'")
    employees: int | None = Field(None, ge=0, le=5_000_000, description="number of employees")
    turnover_eur: int | None = Field(None, ge=0, description="annual turnover in EUR")
    founded_year: int | None = Field(None, ge=1800, le=2100, description="year the company itself was founded")
    in_berlin: bool | None = Field(None, description="the company's seat or one of its sites is in Berlin (true), "
                                   "or it sits elsewhere (false); customers, partners, sales and fairs do not count")
    has_research_partner: bool | None = Field(None, description="works with a university or research institute")
    needs: list[Need] = Field(default_factory=list, description="what the company needs, the main need first")
    instruments_wished: list[Instrument] = Field(default_factory=list)


PROFILE_POLICIES = ("fill", "check", "prefer")
# the facts on which eligibility rules decide: a second reader that disagrees turns them into questions ("check")
DECIDING = ("org_type", "stage", "in_berlin", "founded_year")
# the stated fields a deciding fact is read from
_STATED_AS = {"in_berlin": ("in_berlin", "location"), "founded_year": ("founded_year", "age_years")}
# the values a field of ``ProfileFields`` given as free text may take
CHOICES = {"org_type": OrgType.__args__, "stage": Stage.__args__}


def _llm_values(fields: ProfileFields) -> dict[str, Any]:
    """The stated values of an LLM's reading (valid choices only)."""
    out = {}
    for name, value in fields.model_dump().items():
        if value in (None, []) or (name in CHOICES and value not in CHOICES[name]):
            continue
        out[name] = value
    return out


def _set_year(data: dict, year: int | None, today: dt.date) -> None:
    """A founding year and what follows from it (age, age range; the stage unless one is stated)."""
    from .profile import year_age_range

    data["founded_year"] = year
    if year is None:
        data["age_years"] = data["age_range"] = None
        return
    data["age_years"] = max(0.0, float(today.year - year))
    data["age_range"] = year_age_range(year, today) if year <= today.year else None


def _set_seat(data: dict, in_berlin: bool | None) -> None:
    data["in_berlin"] = in_berlin
    if in_berlin:
        data["location"], data["in_germany"] = "berlin", True
    elif in_berlin is False and data.get("location") == "berlin":
        data["location"] = None


def reconcile_profile(base: CompanyProfile, fields: ProfileFields, policy: str = "fill",
                      today: dt.date | None = None) -> CompanyProfile:
    """The profile after a second reading of the text by an LLM (``fields``), by ``policy`` (``PROFILE_POLICIES``):

    - ``fill``: only what the rules left unknown is taken.
    - ``check``: also, a deciding fact (``DECIDING``) the two read differently is left unknown and listed in
      ``disputed``: the programmes that depend on it then ask instead of deciding for or against. The needs are
      those the LLM names, the ones the rules read too first (the rules' order).
    - ``prefer``: the LLM's value wins wherever it states one.

    Numbers (staff, turnover) are only ever filled: the rules read them well and an LLM's may be invented.
    """
    if policy not in PROFILE_POLICIES:
        raise ValueError(f"unknown profile policy {policy!r}; valid: {', '.join(PROFILE_POLICIES)}")
    from .profile import size_class

    today = today or dt.date.today()
    llm = _llm_values(fields)
    data = base.model_dump()
    changed: list[str] = []
    disputed = list(base.disputed)
    for name, value in llm.items():
        old = data.get(name)
        if old in (None, []):
            new = value
        elif old == value or name in ("employees", "turnover_eur", "has_research_partner") or policy == "fill":
            continue
        elif name in ("needs", "instruments_wished"):
            new = [v for v in old if v in value] + [v for v in value if v not in old]
            if new == old:
                continue
        elif policy == "prefer":
            new = value
        else:  # check: a deciding fact read two ways
            new = None
            disputed.append(name)
        if name == "founded_year" and old is None and data.get("age_years") is not None:
            data["founded_year"] = new  # the age the rules read ("seit 5 Jahren") stays
        elif name == "founded_year":
            _set_year(data, new, today)
        elif name == "in_berlin":
            _set_seat(data, new)
        else:
            data[name] = new
        changed.append(name)
    if not changed:
        return base
    if "founded_year" in changed and "stage" not in base.stated and "stage" not in llm:
        # a stage not stated but derived follows the year: open when the year is disputed
        if "founded_year" in disputed:
            data["stage"] = None
            disputed.append("stage")
        elif data.get("age_years") is not None:
            data["stage"] = "startup" if data["age_years"] < 5 else "established"
    if "employees" in changed or "turnover_eur" in changed:
        data["size_class"] = data.get("size_class") or size_class(data.get("employees"), data.get("turnover_eur"))
    data["disputed"] = [f for f in DECIDING if f in disputed]
    # the stated fields behind a disputed fact are no longer stated: a later chat turn's merge keeps an earlier
    # turn's value for them
    unsaid = {g for f in data["disputed"] for g in _STATED_AS.get(f, (f,))}
    stated = [f for f in base.stated if f not in unsaid]
    data["stated"] = list(dict.fromkeys([*stated, *(f for f in changed if f not in unsaid)]))
    return CompanyProfile.model_validate(data)


def extract_profile_llm(text: str, chat_model, base: CompanyProfile, prompts_dir: Path | None = None,
                        policy: str = "fill", today: dt.date | None = None) -> CompanyProfile:
    """The profile after a chat model read the text too (``reconcile_profile`` by ``policy``; by default it fills
    only the fields the deterministic extractor left unknown, and stated facts are never overwritten).

    Any error (bad JSON, invalid value, timeout) returns ``base`` unchanged.
    """
    from langchain_core.output_parsers import PydanticOutputParser

    parser = PydanticOutputParser(pydantic_object=ProfileFields)
    try:
        messages = render_prompt(
            "profile.md", prompts_dir, format_instructions=parser.get_format_instructions(),
            needs=", ".join(Need.__args__), instruments=", ".join(INSTRUMENT_LABELS_EN), text=_as_data(text, "en"),
        )
        fields = (chat_model | parser).invoke(messages)
        return reconcile_profile(base, fields, policy, today)
    except Exception as ex:
        log.warning("LLM profile extraction not used: %s: %s", type(ex).__name__, str(ex)[:300])
        return base
