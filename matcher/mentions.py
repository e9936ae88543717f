"""Programmes a user names explicitly ("Gibt es den Transfer BONUS noch?", "Can we use ZIM?").

Aliases come from the programme names themselves: the full name, the part before a dash,
colon or bracket, and distinctive all-caps words (ZIM, EXIST, BENE) that occur in exactly one
name. Generic provider words (KfW, IBB, EU, ...) never count as a mention on their own.

Typos in longer aliases ("Meistergründungspämie", "Forschungszulgae", "Digitalprämi Berlin") are
caught by a conservative near match (``rapidfuzz``, when installed): same number of words, same
first letter, similarity of at least 90 (92 for aliases under 10 letters). Short aliases (ZIM,
EXIST) must be written exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache
from .lexicon import CLAUSE_BREAK_LEFT, CLAUSE_BREAK_RIGHT, PAST_USE, PAST_USE_ASKS_AGAIN
from .models import Programme
from .text import fold

_GENERIC = {
    "kmu", "eu", "mpi", "ibb", "bafa", "kfw", "erp", "ihk", "bmwk", "bmwe", "bmbf", "bmftr", "dbu", "eit", "bund",
    "berlin", "ag", "gmbh", "sme", "ju", "call", "fonds", "programm", "programme", "förderung", "the", "und", "für",
    "horizon", "europe", "cluster", "digital", "pro", "fit", "bonus", "innovation", "new",
    # generic words and institutions that happen to stand in exactly one programme name
    "förderprogramm", "förderprogramme", "projektförderung", "technologietransfer", "weiterbildungsprogramm",
    "weiterbildungsförderung", "ausfallbürgschaften", "transferstelle", "bht", "htw", "tu", "hu", "fu", "bsi",
    # everyday abbreviations in capitals that stand in one name ("CO2-Differenzverträge")
    "co2", "ki", "ai", "it", "iot", "ccs", "ccu",
}
# all-caps short names that are also everyday words ("a big company", "life sciences", "we invest"):
# they count only when written in capitals
_CAPS_ONLY = {"big", "life", "invest", "amber", "vip", "bene", "erma", "cosme", "acs", "cif", "kek", "igf", "uip"}


def _norm(s: str) -> str:
    s = re.sub(r"\bstart[\s-]+(ups?)\b", r"start\1", fold(s))  # "Berliner Start-up" names no "Berlin Start"
    return re.sub(r"[^a-z0-9äöüß ]+", " ", s).strip()


def build_aliases(programmes: list[Programme]) -> list[tuple[re.Pattern, str]]:
    """(pattern, programme id) pairs, longest alias first. Aliases shared by two programmes are dropped."""
    cands: dict[str, set[str]] = {}

    def add(alias: str, pid: str) -> None:
        n = _norm(alias)
        if len(n) >= 6 and n not in _GENERIC:
            cands.setdefault(n, set()).add(pid)

    names = {p.id: _norm(p.name) for p in programmes}
    for p in programmes:
        head = re.split(r"\s+[–—-]\s+|:|\(", p.name)[0]
        add(p.name, p.id)
        add(head, p.id)
        add(re.sub(r"\s+berlin$", "", _norm(head)), p.id)
        # the name without its generation ("Eurostars 3", "Berlin Mittelstand 4.0"), unless another programme's name
        # holds it too ("Horizon Europe Cluster 6" is no name for the whole Horizon Europe cluster family)
        base = re.sub(r"\s+\d+(?:\s\d+)?$", "", _norm(head))
        if base != _norm(head) and not any(base in n for pid, n in names.items() if pid != p.id):
            add(base, p.id)
        words = re.sub(r"^mpi ", "", _norm(p.name)).split(" ")
        if len(words) > 5:
            add(" ".join(words[:5]), p.id)  # "pro fit call circular economy"
        for alt in re.split(r"\s+/\s+", re.split(r"\s*\(", p.name)[0])[1:]:
            if "-" in alt and len(alt.split()) == 1:  # a second name of one compound ("CO2-Differenzverträge")
                add(alt, p.id)
        first = _norm(head).split(" ")[0]
        if len(first) >= 12:  # distinctive single words: Forschungszulage, Meistergründungsprämie
            add(first, p.id)
        for w in re.findall(r"\b[A-ZÄÖÜ][A-ZÄÖÜ0-9+]{2,}\b", p.name):
            if w.lower() not in _GENERIC:
                cands.setdefault(w.lower(), set()).add(p.id)
    unique = {a: next(iter(ids)) for a, ids in cands.items() if len(ids) == 1}
    return [(re.compile(rf"(?<![a-z0-9äöüß]){re.escape(a)}(?![a-z0-9äöüß])"), pid)
            for a, pid in sorted(unique.items(), key=lambda kv: (-len(kv[0]), kv[0]))]


def clause_bounds(text: str, m: re.Match, left_break: re.Pattern, right_break: re.Pattern,
                  reach: int = 200) -> tuple[int, int]:
    """Start and end of the clause around the hit ``m``: from the last ``left_break`` before it to the first
    ``right_break`` after it, at most ``reach`` letters to each side (so a scan over all hits stays linear)."""
    left = text[max(0, m.start() - reach):m.start()]
    breaks = list(left_break.finditer(left))
    lo = m.start() - len(left) + (breaks[-1].end() if breaks else 0)
    right = right_break.search(text, m.end(), m.end() + reach)
    return lo, (right.start() if right else min(len(text), m.end() + reach))


def without_past_use(text: str) -> str:
    """``text`` with the clauses about programmes used in the past blanked (``PAST_USE``): a programme the company
    already had ("Meisterkurs hab ich mit Aufstiegs-BAföG gemacht") is not one it asks for. A clause whose sentence
    asks for it again ("..., geht das nochmal?") or that says it was not used stays. The clause reaches from the verb
    to the nearest punctuation or conjunction on each side (at most 200 letters: linear in the text)."""
    out = list(text)
    changed = False
    for m in PAST_USE.finditer(text):
        lo, hi = clause_bounds(text, m, CLAUSE_BREAK_LEFT, CLAUSE_BREAK_RIGHT)
        if text.count("(", m.end(), hi) > text.count(")", m.end(), hi):
            # a list in brackets belongs to its clause: "we have run national projects (ZIM, Pro FIT)"
            close = text.find(")", hi, m.end() + 200)
            hi = close + 1 if close >= 0 else hi
        rest = re.split(r"[.!\n]", text[hi:hi + 120], maxsplit=1)[0]  # the rest of the sentence
        if PAST_USE_ASKS_AGAIN.search(text[lo:hi] + " " + rest):
            continue
        out[lo:hi] = " " * (hi - lo)
        changed = True
    return "".join(out) if changed else text


def find_mentions(text: str, aliases: list[tuple[re.Pattern, str]], fuzzy: bool = True) -> list[str]:
    """Programme ids named in ``text``, in order of first appearance (exact, then near matches)."""
    t = _norm(text)
    hits: list[tuple[int, str]] = []
    for pat, pid in aliases:
        if _alias_text(pat) not in t:  # a plain substring test first: most aliases are absent (a tenth of a match)
            continue
        m = pat.search(t)
        if m and pid not in (h[1] for h in hits):
            if m.group(0) in _CAPS_ONLY and not re.search(rf"(?<![A-Za-z]){re.escape(m.group(0).upper())}(?![A-Za-z])", text):
                continue
            hits.append((m.start(), pid))
    if fuzzy:
        found = {h[1] for h in hits}
        for pos, pid in _near_mentions(t, aliases):
            if pid not in found:
                found.add(pid)
                hits.append((pos, pid))
    return [pid for _pos, pid in sorted(hits)]


_ACRONYM = re.compile(r"\b[A-ZÄÖÜ][A-ZÄÖÜ0-9+]{2,}\b")
FAMILY_MAX = 3  # a shared acronym names a programme family ("EIC", "EXIST", "EEW"), not a law ("SGB III", 7 records)


def build_families(programmes: list[Programme]) -> list[tuple[str, tuple[str, ...]]]:
    """(family name, programme ids) for the acronyms and the two-word name beginnings that two or three programme
    names share: "EIC" (Accelerator, Pathfinder, Transition), "Horizon Europe" (the clusters), "Pro FIT"
    (Projektfinanzierung, Frühphasenfinanzierung). Naming one names the family, not one programme. Acronyms keep
    their capitals; name beginnings are normalised (``_norm``)."""
    members: dict[str, set[str]] = {}
    for p in programmes:
        for w in _ACRONYM.findall(p.name):
            if w.lower() not in _GENERIC:
                members.setdefault(w, set()).add(p.id)
        words = _norm(p.name).split()
        if len(words) >= 2 and words[0] != "mpi":  # "MPI Pro FIT-Call ...": the MPI prefix names no family
            members.setdefault(" ".join(words[:2]), set()).add(p.id)
    return sorted((w, tuple(sorted(ids))) for w, ids in members.items() if 2 <= len(ids) <= FAMILY_MAX)


def find_family_mentions(text: str, families: list[tuple[str, tuple[str, ...]]], named: set[str]) -> set[str]:
    """The members of the programme families ``text`` names ("Heard of EIC, is that realistic for us?", "Kann
    ich Pro FIT beantragen?"), unless the text names a member itself. An acronym counts only in capitals
    ("exist" as an English verb is no EXIST)."""
    out: set[str] = set()
    t = None
    for name, ids in families:
        if set(ids) & named:
            continue
        if name.isupper():
            hit = re.search(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])", text)
        else:
            t = t if t is not None else f" {_norm(text)} "
            hit = f" {name} " in t
        if hit:
            out |= set(ids)
    return out


FUZZY_MIN_LEN = 8       # aliases shorter than this are matched exactly only
FUZZY_SCORE = 90.0      # rapidfuzz ratio (0..100) for aliases of 10+ letters
FUZZY_SCORE_SHORT = 92.0
FUZZY_MAX_TOKENS = 800  # near matches are looked for in the first 800 words (a chat message; bounds the work)


@lru_cache(maxsize=8192)
def _alias_text(pat: re.Pattern) -> str:
    """The alias string inside a pattern made by ``build_aliases`` (cached: the aliases are built once per
    corpus, and unpacking each of them again on every message cost a tenth of a match)."""
    core = pat.pattern
    core = re.sub(r"^\(\?<!\[[^\]]*\]\)", "", core)
    core = re.sub(r"\(\?!\[[^\]]*\]\)$", "", core)
    return re.sub(r"\\(.)", r"\1", core)


def _near_mentions(t: str, aliases: list[tuple[re.Pattern, str]]) -> list[tuple[int, str]]:
    """(position, id) of generated aliases written with a typo."""
    return near_matches(t, _alias_names(tuple(aliases)))


@lru_cache(maxsize=8)
def _alias_names(aliases: tuple[tuple[re.Pattern, str], ...]) -> tuple[tuple[str, str], ...]:
    """The (alias text, id) pairs of an alias list, built once per corpus (not on every message)."""
    return tuple((" ".join(_alias_text(pat).split()), pid) for pat, pid in aliases)


@lru_cache(maxsize=16)
def _by_word_count(names: tuple[tuple[str, str], ...], min_len: int) -> dict[int, list[tuple[str, str]]]:
    """The names long enough for near matching, grouped by their number of words (built once per name list)."""
    by_len: dict[int, list[tuple[str, str]]] = {}
    for a, pid in names:
        if len(a.replace(" ", "")) >= min_len and not a.isdigit():
            by_len.setdefault(len(a.split(" ")), []).append((a, pid))
    return by_len


def near_matches(t: str, names: list[tuple[str, str]] | tuple[tuple[str, str], ...], min_len: int = FUZZY_MIN_LEN) -> list[tuple[int, str]]:
    """(position, id) where a name of ``names`` ((name, id) pairs, normalised like ``_norm``) is written with a
    typo in the normalised text ``t``: the same number of words, the same first letter and a ``rapidfuzz``
    ratio of at least ``FUZZY_SCORE`` (``FUZZY_SCORE_SHORT`` under 10 letters). Exact hits are left to the
    caller. The one near-match rule for programme names, used for ranking (``find_mentions``) and for
    programme questions (``intent.named_programmes``); empty without ``rapidfuzz``."""
    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # pragma: no cover - optional dependency
        return []
    tokens = [(m.start(), m.group(0)) for m in re.finditer(r"[a-z0-9äöüß]+", t)][:FUZZY_MAX_TOKENS]
    if not tokens:
        return []
    by_len = _by_word_count(tuple(names), min_len)
    out: list[tuple[int, str]] = []
    for n, cands in by_len.items():
        firsts = {a[0] for a, _pid in cands}  # a near match begins with the alias's letter: other grams can't match
        grams = [(tokens[i][0], " ".join(w for _p, w in tokens[i:i + n]))
                 for i in range(len(tokens) - n + 1) if tokens[i][1][0] in firsts]
        if not grams:
            continue
        scores = process.cdist([g for _p, g in grams], [a for a, _pid in cands], scorer=fuzz.ratio,
                               score_cutoff=FUZZY_SCORE)
        for gi, ai in zip(*scores.nonzero(), strict=True):  # only the pairs above the cut-off
            a, pid = cands[ai]
            g = grams[gi][1]
            need = FUZZY_SCORE if len(a) >= 10 else FUZZY_SCORE_SHORT
            # a longer word that begins with the name is another word, not a typo ("berlin startup")
            if scores[gi, ai] >= need and g[0] == a[0] and g != a and not g.startswith(a):
                out.append((grams[gi][0], pid))
    return out
