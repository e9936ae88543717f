"""Is this a request the assistant is for? Funding, company or project signals, or nothing.

A message with no company fact, no need, no topic, no named programme and no funding word (a
birthday poem, the weather) gets no programme list but a short note on what the assistant does.
"""

from __future__ import annotations

import re

from .models import CompanyProfile

FUNDING_WORDS = re.compile(
    r"\b(f[öo]rder\w*|zusch[üu]ss\w*|darlehen|kredit\w*|finanzier\w*|beteiligung|invest\w*|stipendi\w*|"
    r"b[üu]rgschaft\w*|beratung\w*|programm\w*|unternehm\w*|firma|betrieb\w*|gr[üu]nd\w*|start-?up\w*|"
    r"mitarbeit\w*|projekt\w*|vorhaben|fund\w*|grants?|loans?|financ\w*|subsid\w*|compan\w*|business\w*|"
    r"employees|staff|project\w*|found\w*|spin-?off|gmbh|ug|kmu|sme|mpi|masterplan)\b",
    re.IGNORECASE,
)

# only a greeting and/or a question about the assistant itself ("hi, what can you do?", "Hallo, wie funktioniert
# das?"): a welcome, not "I can't help with that"
GREETING_ONLY = re.compile(
    r"^\W*(?:(?:hi|hallo|hello|hey|moin|servus|guten (?:tag|morgen|abend)|good (?:morning|afternoon|evening))\b\W*)?"
    r"(?:(?:what can you do|what do you do|what are you|who are you|how does (?:this|it) work|how do(?:es)? (?:i|you|this) "
    r"(?:use|work)|help|was kannst du|was können sie|was machst du|was machen sie|wer bist du|wer sind sie|wie funktioniert "
    r"(?:das|es|der förderlotse)|hilfe)\b(?: (?:here|for me|hier|für mich))?\W*)?$",
    re.IGNORECASE,
)


def greeting_only(text: str) -> bool:
    """The message is only a greeting or a question about what the assistant does."""
    return bool(text.strip()) and bool(GREETING_ONLY.match(text.strip()))


PROFILE_FACTS = ("org_type", "employees", "turnover_eur", "founded_year", "age_years", "stage", "in_berlin")


def funding_signal(text: str, profile: CompanyProfile, named: set[str]) -> bool:
    """True when the message says anything about a company, a need, a topic or funding."""
    if named or profile.needs or profile.topics or profile.instruments_wished:
        return True
    if any(getattr(profile, f) is not None for f in PROFILE_FACTS):
        return True
    return bool(FUNDING_WORDS.search(text))


# what the assistant is, said to a request outside its scope
_WHO = {
    "de": "Dabei kann ich nicht helfen: Ich bin der Förderlotse des Masterplans Industriestadt Berlin und finde "
          "für Unternehmen passende Förderprogramme (Berlin, Bund, EU), MPI-Projekte und Ansprechpartner.",
    "en": "I can't help with that: I am the funding assistant of the Masterplan Industriestadt Berlin and find "
          "funding programmes (Berlin, federal, EU), MPI projects and contacts for companies.",
}
_NEXT = {
    "off_topic": {"de": "Beschreiben Sie Ihr Unternehmen (Branche, Größe, Standort) und Ihr Vorhaben, dann schlage ich "
                        "Programme vor.",
                  "en": "Describe your company (sector, size, location) and your plans, and I will suggest programmes."},
    "empty": {"de": "Ich konnte in Ihrer Nachricht noch kein Vorhaben oder Förderthema erkennen. Beschreiben Sie bitte "
                    "Ihr Unternehmen (Branche, Größe, Standort) und was Sie vorhaben.",
              "en": "I could not find a project or funding topic in your message yet. Please describe your company "
                    "(sector, size, location) and what you plan to do."},
    "welcome": {"de": "Beschreiben Sie Ihr Unternehmen (Branche, Größe, Standort) und was Sie vorhaben, z. B. „Wir sind ein "
                      "Metallbauer mit 20 Mitarbeitenden in Spandau und wollen eine neue Laserschneidanlage kaufen“. Ich "
                      "nenne dann die passenden Programme mit Begründung, Förderfähigkeit und Quellen, dazu offene Fragen. "
                      "Lieber persönlich? Die Förderberatung der Investitionsbank Berlin (IBB) ist über ihre "
                      "Kunden-Hotline Wirtschaftsförderung erreichbar.",
                "en": "Describe your company (sector, size, location) and what you plan, e.g. \"We are a metalworking "
                      "company with 20 staff in Spandau and want to buy a new laser cutter\". I will then name the "
                      "programmes that fit, with reasons, eligibility and sources, and the questions still open. "
                      "Prefer to talk to someone? The funding advice of Investitionsbank Berlin (IBB) is reached through "
                      "its business development customer hotline."},
    "kept": {"de": "Ihre bisherigen Angaben und die Vorschläge bleiben erhalten. Ergänzen Sie gern Angaben in einem Satz "
                   "(z. B. „Wir haben 12 Mitarbeitende“) oder fragen Sie zu einem der Programme.",
             "en": "What you told me so far and the suggestions are kept. Add details in a sentence (e.g. \"We have 12 "
                   "employees\") or ask about one of the programmes."},
}


def scope_note(kind: str, lang: str, continuing: bool = False) -> str:
    """The short note for a request outside the assistant's scope (or an almost empty one). ``continuing``: a
    message within a consultation ("danke", "ja", a poem in between): what is known so far is kept, and the note
    says so and how to go on."""
    lg = "en" if lang == "en" else "de"
    nxt = _NEXT["kept" if continuing else kind][lg]
    if kind == "welcome" and not continuing:
        return f"{_WELCOME[lg]} {nxt}"
    return nxt if kind == "empty" else f"{_WHO[lg]} {nxt}"


_WELCOME = {
    "de": "Hallo! Ich bin der Förderlotse des Masterplans Industriestadt Berlin: Ich finde für Unternehmen passende "
          "Förderprogramme (Berlin, Bund, EU), MPI-Projekte und Ansprechpartner.",
    "en": "Hello! I am the funding assistant of the Masterplan Industriestadt Berlin: I find funding programmes "
          "(Berlin, federal, EU), MPI projects and contacts for companies.",
}
