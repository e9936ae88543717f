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


# Python's re runs a case-sensitive pattern two to four times faster than the same pattern with re.IGNORECASE.
# Patterns that only ever see fold()ed text (lower case) need no IGNORECASE: compile them with folded_rx.
_UPPER_LITERAL = re.compile(r"[A-ZÄÖÜ]")


def folded_rx(pattern: str) -> re.Pattern:
    """``pattern`` compiled for text that ``fold`` has lower-cased. A pattern that spells an upper-case letter
    (outside an escape such as ``\\W`` or ``\\S``) could never match such text and is refused."""
    plain = re.sub(r"\\\\|\\[A-Za-z]", "", pattern)
    if _UPPER_LITERAL.search(plain):
        raise ValueError(f"pattern for folded text spells an upper-case letter: {pattern[:80]!r}")
    return re.compile(pattern)


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

    A stop-word vote decides; a character n-gram model (``py3langid``, when installed) breaks ties
    and catches short or keyword-only text ("energy audit funding berlin sme"). German is the
    default: English only when the text is clearly English.
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
    lang = "en" if en > de else "de"
    model = _langid()
    if model is not None and tokens:
        if abs(en - de) <= 1:
            guess, prob = model[0].classify(t)  # restricted to de/en
            if guess == "en" and prob >= 0.95 and en >= de:
                lang = "en"
            elif guess == "de" and prob >= 0.8:
                lang = "de"
        if other[0] < 3 and len(tokens) >= 5 and max(de, en) <= 1:
            guess, prob = model[1].classify(text)
            if guess not in ("de", "en") and prob >= 0.75 and guess in _UNSUPPORTED_OK:
                return lang, guess
    if other[0] >= 3 and other[0] > max(de, en) * 1.5:
        return lang, other[1]
    return lang, None


# languages we name as unsupported when the n-gram model is sure (others are too easily confused)
_UNSUPPORTED_OK = frozenset("fr es it pt nl pl tr ru uk ar fa sv da cs ro hu el vi zh ja ko".split())
_LANGID: list = []


def _langid():
    """(de/en identifier, full identifier) of py3langid, loaded once; None when not installed."""
    if not _LANGID:
        try:
            from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
        except ImportError:
            _LANGID.append(None)
        else:
            two = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
            two.set_languages(["de", "en"])
            full = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
            _LANGID.append((two, full))
    return _LANGID[0]


# ---------------------------------------------------------------- informal writing and number words

_INFORMAL = [
    (re.compile(r"\bw/o\b"), "without"),
    (re.compile(r"(?<![\w/])w/\s?"), "with "),
    (re.compile(r"\b(we|you|they|u|ppl|people|customers|clients)\s+r\b(?![&\w])"), r"\1 are"),
    (re.compile(r"\bu\s+(?=are\b|can\b|have\b)"), "you "),
    (re.compile(r"\bur\b"), "your"),
    (re.compile(r"\bppl\b|\bppls\b|\bpax\b"), "people"),
    (re.compile(r"\bemps\b"), "employees"),
    (re.compile(r"(?<=\d)\s*yrs?\b|\byrs\b"), " years"),
    (re.compile(r"(?<=\d)\s*(?:mths?|mos)\b"), " months"),
    (re.compile(r"\bmitarb\.?(?=\s|$|,)"), "mitarbeiter"),
    (re.compile(r"\bbeschäft\.(?=\s|$|,)"), "beschäftigte"),
    (re.compile(r"\bca(?=\s\d)"), "ca."),
    (re.compile(r"(?<![\w'])'?ne(?=\s+(?:neue|alte|gute|kleine|große|grosse|eigene|[a-zäöüß]{3,}(?:ung|ine|age|lle|ee|e)\b))"), "eine"),
    (re.compile(r"(?<![\w'])'?nen(?=\s+[a-zäöüß]{3,})"), "einen"),
    (re.compile(r"\bthx\b|\bthnx\b"), "thanks"),
    (re.compile(r"\bpls\b|\bplz(?!\s*:?\s*\d)"), "please"),
    (re.compile(r"\bgrad\b"), "gerade"),
]


def normalise_informal(t: str) -> str:
    """Spell out chat shorthand in folded text: "w/ 12 ppl" -> "with 12 people", "we r" -> "we are",
    "ne neue Maschine" -> "eine neue Maschine"."""
    for rx, rep in _INFORMAL:
        t = rx.sub(rep, t)
    return t


# "Gründe" (reasons) and "gründen" (to found) are one word once folded: "aus Umwelt- und Arbeitsschutzgründen",
# "aus Kostengründen", "aus diesen Gründen" name a reason, not a founding. The reason word becomes "anlässen", so
# "Umwelt" keeps its topic.
_REASON_COMPOUND = re.compile(
    r"\b(\w*(?:schutz|kosten|zeit|umwelt|sicherheits|platz|wettbewerbs|steuer|haftungs|gesundheits|alters|effizienz|"
    r"klima|qualitäts|kapazitäts|hygiene|compliance|image|marketing))gründen\b")
_REASON_PHRASE = re.compile(
    r"\b(aus\s+(?:diesen|den|welchen|anderen|mehreren|verschiedenen|persönlichen|familiären|gesundheitlichen|"
    r"wirtschaftlichen|rechtlichen|technischen|organisatorischen|steuerlichen|ökologischen|ökonomischen|finanziellen|"
    r"strategischen|betrieblichen|praktischen)\s+)gründen\b")


def without_reason_words(t: str) -> str:
    """Folded text with "…gründen" meaning "for … reasons" replaced by a neutral word ("aus Kostengründen")."""
    return _REASON_PHRASE.sub(r"\1anlässen", _REASON_COMPOUND.sub(r"\1 anlässen", t))


_HALF = {"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10}
_HALF_RE = re.compile(r"\b(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)einhalb\b")
_SMALL = {"ein": 1, "a": 1, "an": 1, "one": 1, "zwei": 2, "two": 2, "drei": 3, "three": 3, "vier": 4, "four": 4}
_DOZEN_RE = re.compile(r"\b(?:(ein|a|one|an|zwei|two|drei|three|vier|four|\d+)\s+)?(halbes\s+|half\s+a\s+)?(dutzend|dozen)\b(?!s\b)")


def numbers_to_digits(t: str) -> str:
    """Number words to digits in folded German/English text ("zwölf" -> "12", "twenty-five" -> "25",
    "ein Dutzend" -> "12", "zweieinhalb" -> "2.5"). Uses ``text2num`` when installed."""
    t = _HALF_RE.sub(lambda m: f"{_HALF[m.group(1)]}.5", t)
    t = re.sub(r"\b(?:eineinhalb|anderthalb)\b", "1.5", t)
    t = re.sub(r"\b(?:ein|an?)\s+(?:halbes\s+jahr|half\s+(?:a\s+)?year)\b", "0.5 jahre", t)
    t = re.sub(r"\bhalf a year\b", "0.5 years", t)

    def dozen(m: re.Match) -> str:
        if m.group(2):
            return "6"
        n = m.group(1)
        if n is None:
            return m.group(0)
        return str(12 * (int(n) if n.isdigit() else _SMALL[n]))

    try:
        from text_to_num import alpha2digit
    except ImportError:  # pragma: no cover - optional dependency
        return _DOZEN_RE.sub(dozen, t)
    for lang in ("de", "en"):
        try:
            t = alpha2digit(t, lang)
        except Exception:  # noqa: BLE001 - a parser hiccup must never break profile reading
            pass
    return _DOZEN_RE.sub(dozen, t)


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
