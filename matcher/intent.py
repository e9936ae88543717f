"""Is this message a question about named programmes ("Wie hoch ist die Förderquote bei Pro FIT?",
"What is the deadline for EXIST-Forschungstransfer?", "Wie beantrage ich den zweiten?")?

Deterministic: a programme is named (an alias of ``mentions``, a short name, or a close misspelling)
or referred to by its place in the previous shortlist ("den zweiten", "the third one", "Nr. 2"),
and the message asks about it (a question mark, a question word or a fact word such as Frist,
Förderquote, beantragen) without asking for a new list ("was passt sonst?", "which other programmes").
A long company description that only mentions a programme stays a shortlist request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .mentions import _near_mentions, _norm, find_mentions, near_matches
from .models import Programme

# Short names people use that the generated aliases leave out (shared heads such as "Pro FIT", "EXIST").
SHORT_NAMES: dict[str, str] = {
    "pro fit": "pro-fit-projektfinanzierung",
    "profit projektfinanzierung": "pro-fit-projektfinanzierung",
    "pro fit frühphase": "pro-fit-fruehphasenfinanzierung",
    "exist gründungsstipendium": "exist-gruendungsstipendium",
    "exist stipendium": "exist-gruendungsstipendium",
    "exist forschungstransfer": "exist-forschungstransfer",
    "investitionsbonus": "berliner-investitionsbonus",
    "investbonus": "berliner-investitionsbonus",
    "transfer bonus": "transfer-bonus",
    "transferbonus": "transfer-bonus",
    "coaching bonus": "coaching-bonus",
    "coachingbonus": "coaching-bonus",
    "digitalprämie": "digitalpraemie-berlin",
    "digitalpraemie": "digitalpraemie-berlin",
    "gründungsbonus": "gruendungsbonus-berlin",
    "innovationsassistenz": "innovationsassistenz-berlin",
    "forschungszulage": "forschungszulage",
    "research allowance": "forschungszulage",
    "zim": "zim",
    "grw": "grw-berlin",
    "kmu innovativ": "kmu-innovativ",
    "eew": "eew-bundesfoerderung",
    "bafa beratung": "bafa-unternehmensberatung",
    "bafa unternehmensberatung": "bafa-unternehmensberatung",
    "erp förderkredit kmu": "kfw-erp-foerderkredit-kmu",
    "erp förderkredit innovation": "kfw-erp-foerderkredit-innovation",
    "erp förderkredit digitalisierung": "kfw-erp-foerderkredit-digitalisierung",
    "berlin innovativ": "berlin-innovativ",
    "eic accelerator": "eic-accelerator",
    "go inno": "go-inno",
}

ORDINALS = {
    "erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "letzt": -1,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "last": -1,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
}
_ORD_WORD = re.compile(
    r"\b(?:der|die|das|den|dem|des|zum|zur|beim|vom|the)\s+(erst|zweit|dritt|viert|fünft|sechst|letzt)(?:e|en|er|es|em)?\b"
    r"|\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|last|1st|2nd|3rd|4th|5th)\s+(?:one|programme|program|option|item|entry)\b"
    r"|\b(?:about|on|for|with)\s+the\s+(first|second|third|fourth|fifth|sixth|last)\b"
    r"|\b(?:nr\.?|nummer|number|no\.|#|programm|option|platz)\s*([1-9])\b")
_ORD_PRONOUN = re.compile(r"\b(?:dieses|diesem|dieses programm|das programm|es|ihn|it|this one|that one|this programme|"
                          r"that programme|this program|that program)\b")

ASPECTS: dict[str, re.Pattern] = {
    "rate": re.compile(r"förderquote|fördersatz|quote\b|wie ?viel|wie hoch|höhe\b|betrag|maximal|zuschuss von|"
                       r"how much|amount|\brate\b|funding rate|percentage|prozent|max(imum)?\b"),
    "deadline": re.compile(r"frist|deadline|stichtag|einreichungs|bis wann|wann\b|noch offen|noch möglich|noch geöffnet|läuft .*noch|"
                           r"gibt es .*noch|\bnoch\b.*\?|status|closing|cut-?off|\bwhen\b|still open|still available|"
                           r"nächste[rn]? (aufruf|call)|next call|call dates?"),
    "apply": re.compile(r"beantrag|antrag|bewerb|einreich|\bapply|application|how do (i|we) get|wo (stelle|reiche)|"
                        r"where (do|can)|ablauf|vorgehen|schritte|steps|procedure|process"),
    "who": re.compile(r"\bwer\b|antragsberechtigt|für wen|zielgruppe|who (can|may|is)|eligib|berechtigt"),
    "what": re.compile(r"was (ist|genau|fördert|wird gefördert|bringt)|worum|erklär|what (is|does|exactly)|explain|"
                       r"tell me (more )?about|details|mehr (infos?|informationen) (zu|über)|genau"),
    "contact": re.compile(r"kontakt|ansprechpartner|ansprechperson|telefon|e-?mail|contact|who do i call|wen (frage|rufe)"),
    "fit": re.compile(r"passt .*(für|zu) uns|für uns (geeignet|passend|infrage|in frage)|kommen wir|können wir|dürfen wir|"
                      r"qualify|are we eligible|can we (use|get|apply)|does .* fit us|would we"),
    "combination": re.compile(r"kombinier|kumulier|kombination|zusammen mit|gleichzeitig|combine|combination|together with|"
                              r"cumulat|stack"),
    "sources": re.compile(r"quelle|source|richtlinie|guideline|link"),
}
_QUESTION_WORD = re.compile(r"^\s*(was|wie|wann|wer|wo|welche[rsn]?|gibt es|ist|sind|kann|können|darf|dürfen|muss|"
                            r"what|how|when|who|where|which|is|are|can|could|does|do|may|should|tell|erklär|explain)\b")
# Asking for a (new) list is a shortlist request even when a programme is named.
_LIST_REQUEST = re.compile(
    r"was passt|was gibt es (sonst|noch|für)|welche (anderen |weiteren )?(programme|förder\w*|möglichkeiten|alternativen)|"
    r"alternative|stattdessen|ähnliche programme|andere programme|what (else )?fits|which (other )?(programmes|programs|funding)|"
    r"other (programmes|programs|options)|alternatives?|instead|similar programmes|what funding|what can we get|"
    r"was können wir bekommen|welche förderung")


@dataclass
class ProgrammeQuestion:
    ids: list[str]
    aspects: list[str] = field(default_factory=list)
    by_reference: bool = False      # resolved from the previous shortlist ("den zweiten")


def named_programmes(text: str, aliases: list, programmes: list[Programme] | None = None) -> list[str]:
    """Programme ids named in ``text``: generated aliases, short names, then close misspellings.

    A name inside a longer name of another programme ("Pro FIT" in "Pro FIT Frühphase") does not count."""
    t = _norm(text)
    valid = {p.id for p in programmes} if programmes is not None else None
    spans: list[tuple[int, int, str]] = []
    for pat, pid in aliases:
        m = pat.search(t)
        if m:
            spans.append((m.start(), m.end(), pid))
    names = {a: pid for a, pid in SHORT_NAMES.items() if valid is None or pid in valid}
    for alias, pid in names.items():
        m = re.search(rf"(?<![a-z0-9äöüß]){re.escape(alias)}(?![a-z0-9äöüß])", t)
        if m:
            spans.append((m.start(), m.end(), pid))
    kept = [s for s in spans if not any(o[2] != s[2] and o[0] <= s[0] and s[1] <= o[1] and (o[1] - o[0]) > (s[1] - s[0])
                                        for o in spans)]
    hits = [(s[0], s[2]) for s in kept]
    if not hits:
        # the same near-match rule as for ranking, over the short names and the generated aliases
        hits = near_matches(t, list(names.items()), min_len=7) or _near_mentions(t, aliases)
    return list(dict.fromkeys(pid for _pos, pid in sorted(hits)))


_ALLOWED_NOUN = re.compile(r"(Programm|Angebot|Eintrag|Vorschlag|Treffer|Punkt|Förder)")


def _ordinal_refs(text: str, previous_ids: list[str]) -> list[str]:
    """Shortlist positions named in ``text`` ("den zweiten", "the third one", "Nr. 2") -> programme ids.
    "das erste Mal" is no reference: a German ordinal followed by another noun does not count."""
    out = []
    for m in _ORD_WORD.finditer(text.lower()):
        nxt = re.match(r"\s+(\S+)", text[m.end():])
        if m.group(1) and nxt and nxt.group(1)[:1].isupper() and not _ALLOWED_NOUN.match(nxt.group(1)):
            continue
        word = next(g for g in m.groups() if g)
        n = int(word) if word.isdigit() else ORDINALS[word]
        idx = len(previous_ids) - 1 if n == -1 else n - 1
        if 0 <= idx < len(previous_ids):
            out.append(previous_ids[idx])
    return list(dict.fromkeys(out))


_SENTENCE = re.compile(r"(?<=[?!.])\s+(?=[A-ZÄÖÜ0-9\"„])")
_COMPANY_FACTS = ("employees", "location", "founded_year", "age_years", "stage", "turnover_eur")


def _asks(sentence: str) -> bool:
    low = sentence.lower()
    return "?" in sentence or bool(_QUESTION_WORD.search(low)) or any(rx.search(low) for rx in ASPECTS.values())


def _describes_company(text: str, aliases: list, programmes: list[Programme] | None) -> bool:
    """True when sentences that name no programme describe the company or its project."""
    from .profile import extract_profile

    rest = [s for s in _SENTENCE.split(text) if not (_asks(s) and named_programmes(s, aliases, programmes))]
    rest_text = " ".join(rest)
    if len(rest_text.split()) < 3:
        return False
    p = extract_profile(rest_text, [])
    return bool(p.needs) or any(f in p.stated for f in _COMPANY_FACTS)


def detect_programme_question(text: str, aliases: list, previous_ids: list[str] | None = None,
                              programmes: list[Programme] | None = None) -> ProgrammeQuestion | None:
    """A ``ProgrammeQuestion`` when ``text`` asks about named programmes, else ``None`` (shortlist)."""
    t = _norm(text)
    raw = text.lower()
    previous_ids = previous_ids or []
    if _LIST_REQUEST.search(raw):
        return None
    aspects = [k for k, rx in ASPECTS.items() if rx.search(raw)]
    asks = "?" in text or bool(_QUESTION_WORD.search(raw)) or bool(aspects)
    if not asks:
        return None
    refs = _ordinal_refs(text, previous_ids) if previous_ids else []
    # programmes named in a sentence that asks something (a statement that names one is a description)
    ids = [pid for sent in _SENTENCE.split(text) if _asks(sent)
           for pid in named_programmes(sent, aliases, programmes)]
    ids = list(dict.fromkeys(ids))
    if not ids and not refs and previous_ids and len(previous_ids) >= 1 and _ORD_PRONOUN.search(raw) and len(t.split()) <= 12 \
            and aspects and len(previous_ids) == 1:
        refs = previous_ids[:1]  # "Wie beantrage ich es?" after a one-programme answer
    if not ids and not refs:
        return None
    # A company brief that merely names a programme ("Gibt es X noch? Wir sind 9 Leute und wollen ...")
    # is a shortlist request: the shortlist notes the named programme and shows open alternatives.
    if not refs and (len(t.split()) > 45 or _describes_company(text, aliases, programmes)):
        return None
    ids = list(dict.fromkeys([*refs, *ids]))[:3]
    return ProgrammeQuestion(ids=ids, aspects=aspects or ["what"], by_reference=bool(refs))
