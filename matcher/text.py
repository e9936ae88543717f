"""Text normalisation, tokenisation and German decompounding shared by lexical search and profiling."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9äöüß]+(?:[-'][a-z0-9äöüß]+)*")
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Short German/English function words; the lexical index drops them.
STOPWORDS = frozenset(
    """
    a an and are as at be by for from has have i in is it its of on or our so that the their this to we
    with you your my me us was were will would can could should about into over also just very
    der die das den dem des ein eine einer eines einem einen und oder aber auch als am an auf aus bei bin
    bis da dann dass daß dein deine denn doch du er es für fur hat hatte haben habe ich ihr ihre im in ist
    ja jetzt kann können man mit nach nicht noch nur ob sehr sein seit sich sie sind so um uns unser
    unsere unseren von vor war was weil wenn wer wie wir wird wo zu zum zur über etwa gerne mal bitte
    welche welcher welches gibt es passt
    """.split()
)


def clean(text: str) -> str:
    """NFC-normalise, drop control characters, collapse whitespace."""
    text = unicodedata.normalize("NFC", text)
    text = _CTRL.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def fold(text: str) -> str:
    """Lower-case and fold typographic variants, keeping German umlauts."""
    text = clean(text).lower()
    return text.replace("’", "'").replace("–", "-").replace("—", "-")


def words(text: str) -> list[str]:
    """Lower-case word tokens (umlauts kept, hyphenated words kept whole)."""
    return _WORD.findall(fold(text))


def ascii_fold(word: str) -> str:
    """ä->ae etc., so 'Foerderung' and 'Förderung' meet."""
    return word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")


class Decompounder:
    """Split German compounds into known parts (vocabulary built from the corpus).

    ``split("kreislaufwirtschaftsprojekt")`` -> ``["kreislaufwirtschaft", "projekt"]`` when both
    parts occur in the vocabulary. Greedy longest-prefix with optional linking 's'/'es'.
    """

    def __init__(self, vocabulary: set[str], min_part: int = 4):
        self.vocab = {w for w in vocabulary if len(w) >= min_part}
        self.min_part = min_part
        self._split = lru_cache(maxsize=50_000)(self._split_uncached)

    def split(self, word: str) -> list[str]:
        return list(self._split(word))

    def _split_uncached(self, word: str) -> tuple[str, ...]:
        if len(word) < 2 * self.min_part + 1 or "-" in word:
            if "-" in word:
                return tuple(p for p in word.split("-") if len(p) >= 2)
            return ()
        best = self._greedy(word, 0)
        return tuple(best) if best and len(best) > 1 else self._containing(word)

    def _greedy(self, word: str, depth: int) -> list[str] | None:
        if word in self.vocab:
            return [word]
        if depth > 3:
            return None
        for cut in range(len(word) - self.min_part, self.min_part - 1, -1):
            head = word[:cut]
            if head not in self.vocab:
                continue
            rest = word[cut:]
            for link in ("", "s", "es", "n", "en"):
                if link and not rest.startswith(link):
                    continue
                tail = rest[len(link):]
                if len(tail) < self.min_part:
                    continue
                sub = self._greedy(tail, depth + 1)
                if sub:
                    return [head, *sub]
        return None

    def _containing(self, word: str) -> tuple[str, ...]:
        """Fallback: the longest known words of 6+ letters contained in ``word``."""
        found: list[str] = []
        n = len(word)
        for length in range(n - 1, 5, -1):
            for i in range(0, n - length + 1):
                sub = word[i:i + length]
                if sub in self.vocab and not any(sub in f for f in found):
                    found.append(sub)
            if len(found) >= 2:
                break
        return tuple(found)


def detect_language(text: str) -> tuple[str, str | None]:
    """Return ("de"|"en", unsupported) where unsupported names another detected language.

    A tiny stop-word vote: good enough to choose the answer language of a chat message.
    """
    t = fold(text)
    if re.search(r"[\u0600-\u06ff]", t):
        return "en" if _count(t, _EN) > _count(t, _DE) else "de", "ar"
    tokens = _WORD.findall(t)
    de = sum(1 for w in tokens if w in _DE) + 2 * len(re.findall(r"[äöüß]", t))
    en = sum(1 for w in tokens if w in _EN)
    fr = sum(1 for w in tokens if w in _FR)
    tr = sum(1 for w in tokens if w in _TR) + len(re.findall(r"[ğışç]", t))
    other = max((fr, "fr"), (tr, "tr"))
    if other[0] >= 3 and other[0] > max(de, en) * 1.5:
        return ("en" if en > de else "de"), other[1]
    return ("en" if en > de else "de"), None


def _count(t: str, vocab: frozenset[str]) -> int:
    return sum(1 for w in _WORD.findall(t) if w in vocab)


_DE = frozenset(
    "der die das und ist wir sind ein eine mit für von auf nicht auch unser unsere unseren ich haben "
    "wollen suchen möchten welche gibt es was passt uns im zu bei mitarbeiter mitarbeitende beschäftigte "
    "gmbh firma unternehmen förderung zuschuss darlehen kredit gegründet seit jahren jahre hallo moin danke bitte".split()
)
_EN = frozenset(
    "the and is we are a an with for of on not also our i have want looking which what fits us in to at "
    "employees staff company firm funding grant loan founded since years year startup business do does "
    "can could any programme program programs programmes hi hello hey thanks please my".split()
)
_FR = frozenset("le la les et est nous sommes une avec pour des du dans notre entreprise cherchons avons".split())
_TR = frozenset("ve bir için biz şirket şirketimiz bu çalışan var arıyoruz ile destek".split())
