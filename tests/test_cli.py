"""The JSON CLI contract and its errors, through the installed console script."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE = REPO / "tests" / "fixtures" / "corpus"
MATCHER = Path(sys.executable).parent / "matcher"


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    e = dict(os.environ)
    e.update(MATCHER_CORPUS_DIR=str(FIXTURE), MATCHER_DATA_DIR=str(tmp_path_factory.mktemp("cli")),
             MATCHER_TODAY="2026-11-25")
    return e


def run(args, env, stdin=None):
    return subprocess.run([str(MATCHER), *args], env=env, input=stdin, capture_output=True, timeout=300)


def test_console_script_is_installed():
    assert MATCHER.exists()
    out = subprocess.run([str(MATCHER), "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    for cmd in ("corpus", "index", "match", "serve", "eval"):
        assert cmd in out.stdout


def test_match_json_contract(env):
    r = run(["match", "--json", "--top-k", "3", "Wir recyceln Kunststoff, 40 MA, Berlin, wollen mit der TU eine Sortieranlage entwickeln"], env)
    assert r.returncode == 0, r.stderr.decode()
    obj = json.loads(r.stdout)
    assert set(obj) >= {"id", "lang", "profile", "programmes", "projects", "questions", "answer", "timings_ms"}
    assert len(obj["programmes"]) <= 3
    p = obj["programmes"][0]
    assert set(p) >= {"id", "name", "provider", "level", "instruments", "score", "eligibility", "reasons", "status",
                      "deadline", "sources"}
    assert p["id"] == "berlin-innovation-grant"
    assert set(obj["projects"][0]) >= {"id", "name", "kind", "score", "why"}
    assert obj["timings_ms"]["total"] > 0


@pytest.mark.parametrize("args,stdin,msg", [
    (["match", "--json", ""], None, "empty"),
    (["match", "--json", "   "], None, "empty"),
    (["match", "--json", "x" * 20_001], None, "limit is 20,000"),
    (["match", "--json"], b"\xff\xfe\x00\x01binary", "not UTF-8"),
])
def test_bad_input_exits_2_with_a_message(env, args, stdin, msg):
    r = run(args, env, stdin=stdin)
    assert r.returncode == 2
    assert msg in r.stderr.decode()
    assert "Traceback" not in r.stderr.decode()
    assert "error" in json.loads(r.stdout)


def test_batch_mode_reports_bad_lines_and_goes_on(env, tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join([
        json.dumps({"id": "a", "query": "Berliner KMU, 20 MA, Recycling-Anlage entwickeln"}),
        "{not json",
        json.dumps({"id": "c", "query": ""}),
        json.dumps({"id": "d", "query": {"employees": 40, "in_berlin": True, "needs": ["rnd"]}}),
        json.dumps({"id": "e", "query": "We want a loan for machines, 60 staff, Munich"}),
    ]))
    r = run(["match", "--json", "--input", str(f)], env)
    assert r.returncode == 0, r.stderr.decode()
    lines = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert [x.get("id") for x in lines] == ["a", None, "c", "d", "e"]
    assert "error" in lines[1] and "line 2" in lines[1]["error"]
    assert "error" in lines[2] and "empty" in lines[2]["error"]
    assert lines[3]["programmes"] and lines[4]["lang"] == "en"


def test_corpus_check_fails_precisely_on_a_broken_copy(env, tmp_path):
    d = tmp_path / "corpus"
    shutil.copytree(FIXTURE, d)
    (d / "programmes" / "founder-stipend.yaml").write_text("id: founder-stipend\nname: [broken\n")
    r = run(["corpus", "check", "--dir", str(d)], env)
    assert r.returncode == 1
    assert "programmes/founder-stipend.yaml: (yaml): malformed YAML at line" in r.stderr.decode()
    ok = run(["corpus", "check", "--dir", str(FIXTURE)], env)
    assert ok.returncode == 0 and b"ok: 6 programmes" in ok.stdout


def test_corpus_stats_and_stale(env):
    r = run(["corpus", "stats", "--dir", str(FIXTURE)], env)
    assert r.returncode == 0 and b"programmes: 6" in r.stdout
    r = run(["corpus", "stale", "--json", "--dir", str(FIXTURE)], env)
    rows = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert any(x["id"] == "closed-digital-grant" and "deadline 2025-06-30 has passed" in x["reason"] for x in rows)


def test_index_command_reports_the_fingerprint(env):
    r = run(["index"], env)
    assert r.returncode == 0, r.stderr.decode()
    info = json.loads(r.stdout)
    assert len(info["fingerprint"]) == 16 and info["chunks"] > 0


def test_match_json_lists_the_hidden_ineligible_programmes_with_the_violated_condition(env):
    q = "We are a machine builder in Munich, 60 staff, and want a loan for new machines"
    obj = json.loads(run(["match", "--json", q], env).stdout)
    hidden = obj["hidden_ineligible"]
    assert hidden, "a Munich company cannot get the Berlin-only programmes"
    assert all(h["eligibility"] == "ineligible" for h in hidden)
    assert all(any(c["verdict"] == "violated" for c in h["criteria"]) for h in hidden)
    assert not {h["id"] for h in hidden} & {p["id"] for p in obj["programmes"]}
    shown = json.loads(run(["match", "--json", "--show-ineligible", "--top-k", "50", q], env).stdout)
    listed = {p["id"] for p in shown["programmes"] if p["eligibility"] == "ineligible"}
    assert {h["id"] for h in hidden} <= listed | {h["id"] for h in shown["hidden_ineligible"]}
    assert not listed & {h["id"] for h in shown["hidden_ineligible"]}
