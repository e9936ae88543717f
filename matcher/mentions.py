"""Programmes a user names explicitly ("Gibt es den Transfer BONUS noch?", "Can we use ZIM?").

Aliases come from the programme names themselves: the full name, the part before a dash,
colon or bracket, and distinctive all-caps words (ZIM, EXIST, BENE) that occur in exactly one
name. Generic provider words (KfW, IBB, EU, ...) never count as a mention on their own.
"""

from __future__ import annotations

import re
from .models import Programme
from .text import fold

_GENERIC = {
    "kmu", "eu", "mpi", "ibb", "bafa", "kfw", "erp", "ihk", "bmwk", "bmwe", "bmbf", "bmftr", "dbu", "eit", "bund",
    "berlin", "ag", "gmbh", "sme", "ju", "call", "fonds", "programm", "programme", "förderung", "the", "und", "für",
    "horizon", "europe", "cluster", "digital", "pro", "fit", "bonus", "innovation", "new",
}


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9äöüß ]+", " ", fold(s)).strip()


def build_aliases(programmes: list[Programme]) -> list[tuple[re.Pattern, str]]:
    """(pattern, programme id) pairs, longest alias first. Aliases shared by two programmes are dropped."""
    cands: dict[str, set[str]] = {}

    def add(alias: str, pid: str) -> None:
        n = _norm(alias)
        if len(n) >= 6 and n not in _GENERIC:
            cands.setdefault(n, set()).add(pid)

    for p in programmes:
        head = re.split(r"\s+[–—-]\s+|:|\(", p.name)[0]
        add(p.name, p.id)
        add(head, p.id)
        add(re.sub(r"\s+berlin$", "", _norm(head)), p.id)
        words = re.sub(r"^mpi ", "", _norm(p.name)).split(" ")
        if len(words) > 5:
            add(" ".join(words[:5]), p.id)  # "pro fit call circular economy"
        first = _norm(head).split(" ")[0]
        if len(first) >= 12:  # distinctive single words: Forschungszulage, Meistergründungsprämie
            add(first, p.id)
        for w in re.findall(r"\b[A-ZÄÖÜ][A-ZÄÖÜ0-9+]{2,}\b", p.name):
            if w.lower() not in _GENERIC:
                cands.setdefault(w.lower(), set()).add(p.id)
    unique = {a: next(iter(ids)) for a, ids in cands.items() if len(ids) == 1}
    return [(re.compile(rf"(?<![a-z0-9äöüß]){re.escape(a)}(?![a-z0-9äöüß])"), pid)
            for a, pid in sorted(unique.items(), key=lambda kv: (-len(kv[0]), kv[0]))]


def find_mentions(text: str, aliases: list[tuple[re.Pattern, str]]) -> list[str]:
    """Programme ids named in ``text``, in order of first appearance."""
    t = _norm(text)
    hits: list[tuple[int, str]] = []
    for pat, pid in aliases:
        m = pat.search(t)
        if m and pid not in (h[1] for h in hits):
            hits.append((m.start(), pid))
    return [pid for _pos, pid in sorted(hits)]
