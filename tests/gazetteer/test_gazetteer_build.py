"""First-use build under concurrency, parallel import, interrupted import."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import gazetteer._geonames as geonames_mod
from gazetteer import Gazetteer, GazetteerInputError
from gazetteer._store import LayerWriter


@pytest.mark.slow
def test_concurrent_first_use_builds_once(tmp_path: Path) -> None:
    index = tmp_path / "index"
    code = textwrap.dedent("""
        import sys
        from gazetteer import Gazetteer
        gz = Gazetteer.open(sys.argv[1], progress=False)
        print([m.text for m in gz.find("Rockets hit Erbil and Ain al-Assad.")])
    """)
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(index)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert out.strip() == "['Erbil', 'Ain al-Assad']"
    files = sorted(p.name for p in index.iterdir())
    assert [f for f in files if f.endswith(".sqlite")] == ["embedded.sqlite"]
    assert len([f for f in files if f.endswith(".keys")]) == 1  # the loser reused the build
    assert not [f for f in files if f.startswith(".embedded")]  # no temporary files left


@pytest.fixture()
def fresh(gz_dir: Path, tmp_path: Path) -> Gazetteer:
    target = tmp_path / "index"
    shutil.copytree(gz_dir, target)
    return Gazetteer.open(target, progress=False)


def test_parallel_parsing_gives_the_same_index(fresh: Gazetteer, fixtures: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    fresh.import_geonames([fixtures / "IQ.txt"], progress=False)
    serial = {n: [c.entry for c in fresh.lookup(n)] for n in ("Mosul", "Camp Zulu", "Bagdad")}
    monkeypatch.setattr(geonames_mod, "_PARALLEL_BYTES", 0)
    monkeypatch.setattr(geonames_mod, "_CHUNK", 7)  # several chunks in flight
    fresh.import_geonames([fixtures / "IQ.txt"], progress=False)
    parallel = {n: [c.entry for c in fresh.lookup(n)] for n in serial}
    assert parallel == serial and serial["Camp Zulu"]


def test_parallel_parsing_reports_the_bad_line(fresh: Gazetteer, fixtures: Path,
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    rows = (fixtures / "IQ.txt").read_text(encoding="utf-8").splitlines()
    cols = rows[20].split("\t")
    cols[5] = "east"
    bad = tmp_path / "IQ.txt"
    bad.write_text("\n".join([*rows[:20], "\t".join(cols), *rows[21:]]) + "\n", encoding="utf-8")
    monkeypatch.setattr(geonames_mod, "_PARALLEL_BYTES", 0)
    monkeypatch.setattr(geonames_mod, "_CHUNK", 7)
    with pytest.raises(GazetteerInputError, match=r"IQ\.txt:21: bad longitude 'east'"):
        fresh.import_geonames([bad], progress=False)


def test_interrupted_import_keeps_the_previous_layer(fresh: Gazetteer, fixtures: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    fresh.import_geonames([fixtures / "IQ.txt"], progress=False)
    before = sorted(p.name for p in fresh.path.iterdir())
    real_add = LayerWriter.add_prepared
    calls = {"n": 0}

    def interrupt(self: LayerWriter, *args: object, **kw: object) -> None:
        calls["n"] += 1
        if calls["n"] == 10:
            raise KeyboardInterrupt
        real_add(self, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(LayerWriter, "add_prepared", interrupt)
    with pytest.raises(KeyboardInterrupt):
        fresh.import_geonames([fixtures / "IQ.zip"], progress=False)
    assert sorted(p.name for p in fresh.path.iterdir()) == before
    again = Gazetteer.open(fresh.path, progress=False)
    assert again.lookup("Camp Zulu")[0].entry.id == "geonames:90000002"
