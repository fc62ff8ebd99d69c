"""``geocode`` and ``cache info|clear`` through typer, against a live local Nominatim."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from geocoding_server import GeoServer
from typer.testing import CliRunner

from geoevents.cli.geocode import app, geocoder_from_options

runner = CliRunner()


def _geocode(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["geocode", *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def _online(server: GeoServer, cache: Path) -> list[str]:
    return ["--geocoder", "nominatim", "--geocoder-url", server.url, "--no-gazetteer",
            "--cache", str(cache)]


def test_second_run_makes_no_request(tmp_path: Path, server: GeoServer) -> None:
    names = ["Erbil", "Nowhereville", "Aïn al-Assad"]
    cache = tmp_path / "geo.sqlite3"
    code, out, _ = _geocode(*names, *_online(server, cache), "--json")
    assert code == 0
    first = [json.loads(line) for line in out.splitlines()]
    assert [r["found"] for r in first] == [True, False, True]
    assert first[0]["provider"] == "nominatim" and first[0]["cached"] is False
    assert (first[2]["name"], first[2]["feature"], first[2]["country"]) == (
        "Ain al-Asad Air Base", "airbase", "IQ")
    assert server.requests == 3

    code, out, _ = _geocode(*names, *_online(server, cache), "--json")
    assert code == 0
    second = [json.loads(line) for line in out.splitlines()]
    assert server.requests == 3  # everything, misses included, came from the cache
    assert [r.get("cached") for r in second] == [True, None, True]
    assert [r.get("lat") for r in second] == [r.get("lat") for r in first]


def test_table_shows_provider_and_cache(tmp_path: Path, server: GeoServer) -> None:
    cache = tmp_path / "geo.sqlite3"
    _geocode("Kirkuk", *_online(server, cache))
    code, out, _ = _geocode("Kirkuk", "Nowhereville", *_online(server, cache),
                            env={"COLUMNS": "160"})
    assert code == 0
    kirkuk = next(line for line in out.splitlines() if line.startswith("Kirkuk"))
    assert "35.46810" in kirkuk and "44.39220" in kirkuk
    assert "nominatim" in kirkuk and "yes" in kirkuk and "IQ" in kirkuk
    assert "not found" in out


def test_no_cache_asks_every_time(tmp_path: Path, server: GeoServer) -> None:
    args = ["--geocoder", "nominatim", "--geocoder-url", server.url, "--no-gazetteer",
            "--no-cache"]
    _geocode("Erbil", *args)
    _geocode("Erbil", *args)
    assert server.requests == 2
    assert not list(tmp_path.rglob("*.sqlite3"))


def test_failures_are_one_line_warnings_and_the_run_goes_on(
    tmp_path: Path, server: GeoServer
) -> None:
    with GeoServer() as photon:
        server.fail("malformed")
        code, out, err = _geocode(
            "Erbil", "--geocoder", "nominatim", "--geocoder", "photon",
            "--geocoder-url", f"nominatim={server.url}", "--geocoder-url", f"photon={photon.url}",
            "--no-gazetteer", "--cache", str(tmp_path / "c.sqlite3"), "--json")
    assert code == 0
    row = json.loads(out)
    assert row["provider"] == "photon"
    assert row["failures"][0]["provider"] == "nominatim"
    assert "not JSON" in row["failures"][0]["error"]


def test_environment_variables_configure_the_chain(tmp_path: Path, server: GeoServer) -> None:
    cache = tmp_path / "env.sqlite3"
    env = {"GEOEVENTS_GEOCODER": "nominatim", "GEOEVENTS_GEOCODER_URL": server.url,
           "GEOEVENTS_CACHE": str(cache), "GEOEVENTS_USER_AGENT": "env-agent/2.0"}
    code, out, _ = _geocode("Kirkuk", "--no-gazetteer", "--json", env=env)
    assert code == 0 and json.loads(out)["provider"] == "nominatim"
    assert server.seen[0].user_agent == "env-agent/2.0"
    assert cache.exists()


def test_config_file_configures_the_chain(tmp_path: Path, server: GeoServer) -> None:
    cache = tmp_path / "conf.sqlite3"
    config = tmp_path / "geoevents.toml"
    config.write_text(
        '[geocoding]\ngeocoders = ["photon"]\ngazetteer = false\n'
        f'cache = "{cache}"\n[geocoding.photon]\nurl = "{server.url}"\n',
        encoding="utf-8",
    )
    code, out, _ = _geocode("Arbil", "--config", str(config), "--json")
    assert code == 0
    assert json.loads(out)["provider"] == "photon"
    assert server.seen[0].path == "/api" and cache.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--geocoder", "nominatim", "--no-gazetteer"], "needs a user agent"),
        (["--no-gazetteer"], "needs at least one --geocoder"),
        (["--geocoder", "pelias", "--no-gazetteer"], "no server URL"),
        (["--config", "/nonexistent/geoevents.toml"], "does not exist"),
    ],
)
def test_user_errors_exit_1_with_one_line(args: list[str], message: str) -> None:
    code, out, err = _geocode("Erbil", *args)
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("geoevents: error: ")
    assert message in err
    assert "Traceback" not in out + err


def test_bad_toml_is_a_user_error(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[geocoding\ngeocoders = ", encoding="utf-8")
    code, _, err = _geocode("Erbil", "--config", str(config))
    assert code == 1 and str(config) in err and err.count("\n") == 1


def test_bad_option_values_are_usage_errors() -> None:
    result = runner.invoke(app, ["geocode", "Erbil", "--country", "IRQ"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["geocode", "Erbil", "--geocoder", "nominatim,googol"])
    assert result.exit_code == 2 and "unknown geocoder 'googol'" in result.stderr


def test_unknown_geocoder_from_the_environment_is_a_user_error() -> None:
    code, _, err = _geocode("Erbil", env={"GEOEVENTS_GEOCODER": "googol"})
    assert code == 1 and "unknown geocoder 'googol'" in err and err.count("\n") == 1


def test_cache_info_and_clear(tmp_path: Path, server: GeoServer) -> None:
    cache = tmp_path / "geo.sqlite3"
    _geocode("Erbil", "Nowhereville", *_online(server, cache))
    _geocode("Erbil", "Nowhereville", *_online(server, cache))
    result = runner.invoke(app, ["cache", "info", "--cache", str(cache), "--json"])
    assert result.exit_code == 0
    info = json.loads(result.stdout)
    assert info["path"] == str(cache) and info["size_bytes"] > 0
    assert info["providers"]["nominatim"] == {
        "entries": 2, "found": 1, "not_found": 1, "hits": 2, "misses": 2}
    table = runner.invoke(app, ["cache", "info", "--cache", str(cache)])
    assert table.exit_code == 0 and "nominatim" in table.stdout and str(cache) in table.stdout

    result = runner.invoke(app, ["cache", "clear", "--cache", str(cache)])
    assert result.exit_code == 0 and "removed 2 entries" in result.stdout
    info = json.loads(runner.invoke(app, ["cache", "info", "--cache", str(cache), "--json"]).stdout)
    assert info["entries"] == 0 and info["providers"] == {}


def test_cache_info_uses_the_per_user_folder_by_default(clean_env: Path) -> None:
    result = runner.invoke(app, ["cache", "info", "--json"])
    assert result.exit_code == 0
    assert Path(json.loads(result.stdout)["path"]).is_relative_to(clean_env / "xdg-cache")


def test_cache_info_on_a_corrupt_file_is_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00garbage" * 512)
    result = runner.invoke(app, ["cache", "info", "--cache", str(junk)])
    assert result.exit_code == 1
    assert result.stderr.startswith("geoevents: error: ") and result.stderr.count("\n") == 1


def test_names_from_standard_input_and_comma_separated_geocoders(
    tmp_path: Path, server: GeoServer
) -> None:
    result = runner.invoke(
        app,
        ["geocode", "-", "--geocoder", "nominatim,photon", "--geocoder-url",
         f"nominatim={server.url}", "--geocoder-url", f"photon={server.url}", "--no-gazetteer",
         "--cache", str(tmp_path / "c.sqlite3"), "--json"],
        input="Erbil\n\n  Kirkouk  \n",
    )
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["query"], r["name"], r["provider"]) for r in rows] == [
        ("Erbil", "Erbil", "nominatim"), ("Kirkouk", "Kirkuk", "nominatim")]


def test_real_process_prints_one_line_warnings(tmp_path: Path, server: GeoServer) -> None:
    server.fail("hang", seconds=4.0)
    config = tmp_path / "no-retries.toml"
    config.write_text("[geocoding]\nretries = 0\n", encoding="utf-8")
    with GeoServer() as photon:
        proc = subprocess.run(
            [sys.executable, "-m", "geoevents", "geocode", "Zummar", "-g", "nominatim",
             "-g", "photon", "--geocoder-url", server.url, "--geocoder-url", photon.url,
             "--no-gazetteer", "--timeout", "1.5", "--config", str(config),
             "--cache", str(tmp_path / "c.sqlite3"), "--json"],
            capture_output=True, text=True, timeout=60,
            env={**os.environ, "COLUMNS": "60"},
        )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["provider"] == "photon"
    lines = proc.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("geoevents: warning: geocoder nominatim failed for 'Zummar'")
    assert "no answer within 1.5 s" in lines[0]


def test_two_real_runs_second_makes_no_request(tmp_path: Path, server: GeoServer) -> None:
    """As a user would: `python -m geoevents geocode ... --geocoder nominatim`, twice."""
    env = {**os.environ, "GEOEVENTS_CACHE_DIR": str(tmp_path / "cache-dir")}
    env.pop("GEOEVENTS_CACHE", None)
    command = [sys.executable, "-m", "geoevents", "geocode", "Zummar", "Bashiqa", "Nowhereville",
               "Erbil", "--geocoder", "nominatim", "--geocoder-url", server.url, "--json"]
    runs = []
    for _ in range(2):
        proc = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
        assert proc.returncode == 0, proc.stderr
        runs.append([json.loads(line) for line in proc.stdout.splitlines()])
        if len(runs) == 1:
            first_requests = server.requests
    # Erbil is in the embedded gazetteer: never asked online; the others once, in run one.
    assert sorted(s.params["q"] for s in server.seen) == ["Bashiqa", "Nowhereville", "Zummar"]
    assert first_requests == 3 and server.requests == 3
    first, second = runs
    assert [r.get("provider") for r in second] == ["nominatim", "nominatim", None, "gazetteer"]
    assert [r.get("cached") for r in second] == [True, True, None, False]
    assert [(r.get("lat"), r.get("lon")) for r in first] == [
        (r.get("lat"), r.get("lon")) for r in second]
    assert (tmp_path / "cache-dir" / "geocode.sqlite3").exists()


def test_geocoder_from_options_for_other_commands(tmp_path: Path, server: GeoServer) -> None:
    assert geocoder_from_options() is None  # offline unless asked
    chain = geocoder_from_options(["nominatim"], [server.url], cache=tmp_path / "c.sqlite3")
    assert chain is not None and [p.name for p in chain.providers] == ["nominatim"]
    zummar = chain.geocode("Zummar")
    assert zummar is not None and zummar.provider == "nominatim"
    chain.close()


def test_offline_by_default_uses_the_gazetteer_and_writes_no_cache(clean_env: Path) -> None:
    code, out, err = _geocode("Erbil", "Zzyzxqvillé", "--json")
    assert code == 0, err
    erbil, unknown = (json.loads(line) for line in out.splitlines())
    assert (erbil["provider"], erbil["country"], erbil["cached"]) == ("gazetteer", "IQ", False)
    assert unknown == {"query": "Zzyzxqvillé", "found": False}
    assert not (clean_env / "xdg-cache").exists()
