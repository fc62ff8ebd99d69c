"""benchmarks/bench_geoparse.py on a tiny evaluation folder laid out like ../shared/eval."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "evaluation"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_geoparse",
                                                  ROOT / "benchmarks" / "bench_geoparse.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_scores_ours_and_baselines_and_checks_the_reference(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "baselines").mkdir()
    shutil.copy(FIXTURES / "gold_small.jsonl", tmp_path / "LGL.gold.jsonl")
    shutil.copy(FIXTURES / "pred_small.jsonl", tmp_path / "baselines" / "LGL.Handmade.jsonl")
    shutil.copy(FIXTURES / "score_geoparse_reference.py", tmp_path / "score_geoparse.py")

    assert _bench().main(["--eval-dir", str(tmp_path), "--corpus", "LGL", "--no-write"]) == 0
    out, err = capsys.readouterr()
    assert "| **geoevents (ours)** | **" in out
    # the hand-made baseline finds 1 of 5 gold toponyms within 161 km
    assert "| Handmade | 0.200 |" in out
    assert "## LGL (4 documents, 5 gold toponyms)" in out
    assert "LGL: reference scorer parity on 2 systems: ok" in err


def test_bench_without_data_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _bench().main(["--eval-dir", str(tmp_path)]) == 1
    assert "no evaluation data" in capsys.readouterr().err
