"""BM25 over German-stemmed, decompounded tokens (bm25s + PyStemmer).

German compounds are split into parts that occur in the corpus vocabulary, so the query
word "Kreislaufwirtschaftsprojekt" also yields "kreislaufwirtschaft" and "projekt".
"""

from __future__ import annotations

import numpy as np

from .text import STOPWORDS, Decompounder, ascii_fold, words


class LexicalIndex:
    """BM25 over the given texts; ``scores(query)`` returns one score per text."""

    def __init__(self, texts: list[str]):
        import bm25s
        import Stemmer

        self._stemmer = Stemmer.Stemmer("german")
        vocab: set[str] = set()
        raw = [self._words(t) for t in texts]
        for ws in raw:
            vocab.update(w for w in ws if "-" not in w)
        self._decomp = Decompounder(vocab)
        corpus_tokens = [self._tokens(ws) for ws in raw]
        self._bm25 = bm25s.BM25()
        self._bm25.index(corpus_tokens, show_progress=False)
        self._vocab = set(self._bm25.vocab_dict) if hasattr(self._bm25, "vocab_dict") else None
        self._n = len(texts)

    @staticmethod
    def _words(text: str) -> list[str]:
        return [w for w in words(text) if w not in STOPWORDS and len(w) > 1]

    def _tokens(self, ws: list[str]) -> list[str]:
        out: list[str] = []
        for w in ws:
            out.append(self._stem(w))
            for part in self._decomp.split(w):
                out.append(self._stem(part))
        return out or ["∅"]

    def _stem(self, w: str) -> str:
        return ascii_fold(self._stemmer.stemWord(w))

    def tokens(self, text: str) -> list[str]:
        """The query-side token list (for tests and explanations)."""
        return self._tokens(self._words(text))

    def scores(self, query: str) -> np.ndarray:
        toks = self.tokens(query)
        if self._vocab is not None:
            toks = [t for t in toks if t in self._vocab]
        if not toks:
            return np.zeros(self._n, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(toks), dtype=np.float32)
