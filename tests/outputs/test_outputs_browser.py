"""The self-contained map in a real headless Chromium, with the network unreachable.

Debian's chromium + chromedriver, driven by Selenium. The browser gets a dead proxy and a
resolver that resolves nothing, so any http(s) request the page makes fails and is visible in
the Resource Timing entries.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from geoevents.outputs import write_map
from tests.outputs.outputs_samples import hostile_records, sample_records


@pytest.fixture
def sample_features():
    return sample_records()


@pytest.fixture
def xss_features():
    return hostile_records()


CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)",
    ),
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
        "--proxy-server=127.0.0.1:9",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _open(driver, path: Path) -> None:
    driver.get(path.resolve().as_uri())
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if driver.execute_script(
            "return !!document.querySelector('.folium-map[data-ge-ready]')"
        ):
            return
        time.sleep(0.1)
    raise AssertionError(f"map never became ready; console: {driver.get_log('browser')}")


def _wait(driver, script: str, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while True:
        value = driver.execute_script(script)
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def _http_resources(driver) -> list[tuple[str, str]]:
    return [
        (entry["initiatorType"], entry["name"])
        for entry in driver.execute_script(
            "return performance.getEntriesByType('resource')"
            ".map(e => ({name: e.name, initiatorType: e.initiatorType}))"
        )
        if entry["name"].startswith(("http://", "https://"))
    ]


def _marker_ids(driver) -> list[int]:
    return sorted(
        driver.execute_script(
            "return Array.from(document.querySelectorAll('.ge-marker-inner[data-fid]'))"
            ".map(e => Number(e.dataset.fid))"
        )
    )


def _reveal(driver, fid: int):
    """Centre record ``fid`` and click the clusters hiding it, as a user would, until its marker shows."""
    driver.execute_script(
        "const map = geoevents.maps[0]; map.closePopup();"
        "for (const layer of map.geoeventsLayers) {"
        "  const f = layer._features.find(x => x.id === arguments[0]);"
        "  if (f) { map.setView([f.geometry.coordinates[1], f.geometry.coordinates[0]], map.getZoom(),"
        "                       {animate: false}); }"
        "}",
        fid,
    )
    assert _wait(driver, "return !document.querySelector('.leaflet-popup')"), "popup did not close"
    selector = f'.ge-marker-inner[data-fid="{fid}"]'
    for _ in range(25):
        element = driver.execute_script(f"return document.querySelector('{selector}')")
        if element is not None:
            return element
        cluster = driver.execute_script(
            "for (const layer of geoevents.maps[0].geoeventsLayers) {"
            "  for (const m of layer.getLayers()) {"
            "    if (m.geoeventsMembers && m.geoeventsMembers.includes(arguments[0])) { return m._icon; }"
            "  }"
            "}"
            "return null;",
            fid,
        )
        assert cluster is not None, f"record {fid} has neither a marker nor a cluster"
        cluster.click()
        time.sleep(0.4)  # zoom animation
    raise AssertionError(f"record {fid} never got its own marker")


def _open_popup(driver, fid: int) -> str:
    """Reveal record ``fid``, click its marker, return the popup text.

    When another layer's symbol covers the marker's centre, zoom in on it, as a user would.
    """
    from selenium.common.exceptions import ElementClickInterceptedException

    for _ in range(12):
        try:
            _reveal(driver, fid).click()
            break
        except ElementClickInterceptedException:
            driver.execute_script("geoevents.maps[0].zoomIn(1, {animate: false})")
    else:
        raise AssertionError(f"marker {fid} stays covered at every zoom")
    text = _wait(
        driver,
        "const p = document.querySelector('.leaflet-popup-content'); return p && p.innerText",
    )
    assert text, f"clicking marker {fid} opened no popup"
    return text


def test_self_contained_map_offline(browser, sample_features, tmp_path):
    path = write_map(
        sample_features, tmp_path / "map.html", title="Strikes in Iraq", tiles=None,
        self_contained=True, sources=["https://news.example.org/iran-strikes"],
    )
    _open(browser, path)
    assert _http_resources(browser) == []
    assert browser.execute_script("return typeof L !== 'undefined' && L.version") == "1.9.4"
    # The offline base layer is drawn.
    assert browser.execute_script(
        "return document.querySelectorAll('.leaflet-ge-basemap-pane path').length"
    ) > 100
    # At the fitted view every record has its own marker, of its category's kind.
    assert _marker_ids(browser) == list(range(len(sample_features)))
    kinds = browser.execute_script(
        "return Array.from(document.querySelectorAll('.ge-marker'))"
        ".map(e => [Number(e.firstChild.dataset.fid), e.classList.contains('ge-' + "
        "['strike','base','place'].find(c => e.classList.contains('ge-' + c)))"
        " && ['strike','base','place'].find(c => e.classList.contains('ge-' + c))])"
    )
    assert {fid: kind for fid, kind in kinds} == {
        i: f.category for i, f in enumerate(sample_features)
    }
    assert browser.execute_script("return document.querySelectorAll('.ge-marker svg').length") == len(
        sample_features
    )
    # Legend, layer control with one overlay per category, title and sources, time slider.
    legend = browser.execute_script("return document.querySelector('.ge-legend').innerText")
    assert "Base / installation" in legend and "Explosions/Remote violence" in legend
    overlays = browser.execute_script(
        "return Array.from(document.querySelectorAll('.leaflet-control-layers-overlays label'))"
        ".map(e => e.innerText.trim())"
    )
    assert overlays == ["Strikes (4)", "Bases (1)", "Other places (2)"]
    title = browser.execute_script("return document.querySelector('.ge-title').innerText")
    assert "Strikes in Iraq" in title and "https://news.example.org/iran-strikes" in title
    assert browser.execute_script("return document.querySelector('.ge-slider-input').max") == "4"

    screenshot = tmp_path / "map.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 10_000
    keep = Path(__file__).resolve().parents[2] / "output" / "screenshots"  # ignored by git
    keep.mkdir(parents=True, exist_ok=True)
    shutil.copy(screenshot, keep / "outputs-self-contained-map.png")

    for fid, feature in enumerate(sample_features):
        text = _open_popup(browser, fid)
        assert feature.name in text and feature.mention in text
        assert feature.source_text in text
        if feature.is_event:
            for value in (feature.date, feature.actor, feature.weapon, feature.quantity,
                          feature.fatalities, feature.injuries):
                if value is not None:
                    assert str(value) in text, (value, text)
    text = _open_popup(browser, 0)
    assert "Aïn al-Assad" in text and "Ain al-Asad Air Base (airbase, IQ)" in text
    assert "https://news.example.org/iran-strikes" in text
    assert _http_resources(browser) == []


def test_self_contained_map_falls_back_when_tiles_fail(browser, sample_features, tmp_path):
    path = write_map(sample_features, tmp_path / "tiles.html", self_contained=True)
    _open(browser, path)
    time.sleep(0.5)
    kinds = {kind for kind, _ in _http_resources(browser)}
    assert kinds <= {"img"}, _http_resources(browser)  # only tile images were attempted
    assert browser.execute_script(
        "return document.querySelectorAll('.leaflet-ge-basemap-pane path').length"
    ) > 100
    assert _marker_ids(browser) == list(range(len(sample_features)))


def test_hostile_text_opens_no_dialog(browser, xss_features, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException

    from tests.outputs.outputs_samples import XSS_IMG, XSS_SCRIPT

    path = write_map(
        xss_features, tmp_path / "xss.html", title=f"Title {XSS_SCRIPT}", sources=[XSS_IMG],
        tiles=None, self_contained=True,
    )
    _open(browser, path)
    for fid in range(len(xss_features)):
        text = _open_popup(browser, fid)
        assert XSS_SCRIPT in text and XSS_IMG in text  # shown as text
    time.sleep(0.5)
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert  # noqa: B018 - the property raises when there is no dialog
    assert browser.execute_script("return document.querySelectorAll('img[src=\"x\"]').length") == 0
    assert browser.execute_script(
        "return Array.from(document.scripts).filter(s => s.textContent.startsWith('alert')).length"
    ) == 0
    links = browser.execute_script(
        "return Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href'))"
    )
    assert not [href for href in links if href and href.lower().startswith("javascript")]
    assert XSS_SCRIPT in browser.execute_script("return document.querySelector('.ge-title').innerText")


def test_crowded_markers_cluster_and_expand(browser, tmp_path):
    from tests.outputs.outputs_samples import crowd

    features = crowd(300)
    path = write_map(features, tmp_path / "crowd.html", tiles=None, self_contained=True)
    _open(browser, path)
    counts = browser.execute_script(
        "return Array.from(document.querySelectorAll('.ge-cluster [data-count]'))"
        ".map(e => Number(e.dataset.count))"
    )
    singles = _marker_ids(browser)
    assert counts, "300 markers in a small area should cluster"
    assert sum(counts) + len(singles) == len(features)
    zoom = browser.execute_script("return geoevents.maps[0].getZoom()")
    browser.execute_script(
        "const els = Array.from(document.querySelectorAll('.ge-cluster'));"
        "els.sort((a, b) => Number(b.querySelector('[data-count]').dataset.count)"
        "                 - Number(a.querySelector('[data-count]').dataset.count));"
        "geoevents.maps[0].panTo(geoevents.maps[0].layerPointToLatLng("
        "  L.DomUtil.getPosition(els[0])), {animate: false});"
    )
    from selenium.webdriver.common.by import By

    biggest = max(
        browser.find_elements(By.CSS_SELECTOR, ".ge-cluster"),
        key=lambda e: int(e.find_element(By.CSS_SELECTOR, "[data-count]").get_attribute("data-count")),
    )
    biggest.click()
    assert _wait(browser, f"return geoevents.maps[0].getZoom() > {zoom}"), "cluster click did not zoom in"


def test_same_site_markers_spread_out_on_click(browser, sample_features, tmp_path):
    import dataclasses

    twins = [dataclasses.replace(sample_features[0], date=d, date_start=d, date_end=d)
             for d in ("2020-01-08", "2020-01-09", "2020-01-10")]
    path = write_map(twins, tmp_path / "twins.html", tiles=None, self_contained=True)
    _open(browser, path)
    from selenium.webdriver.common.by import By

    assert _marker_ids(browser) == []
    browser.find_element(By.CSS_SELECTOR, ".ge-cluster").click()
    assert _wait(browser, "return document.querySelectorAll('.ge-marker-inner').length === 3")
    assert _marker_ids(browser) == [0, 1, 2]
    assert "2020-01-09" in _open_popup(browser, 1)


def test_time_slider_and_layer_control_filter_markers(browser, sample_features, tmp_path):
    from selenium.webdriver.common.by import By

    path = write_map(sample_features, tmp_path / "slider.html", tiles=None, self_contained=True)
    _open(browser, path)
    browser.execute_script(
        "const s = document.querySelector('.ge-slider-input'); s.value = '2';"
        "s.dispatchEvent(new Event('input'));"
    )
    label = browser.execute_script("return document.querySelector('.ge-slider-label').innerText")
    assert label == "2020-01-03"
    visible = {sample_features[i].name for i in _marker_ids(browser)}
    undated = {f.name for f in sample_features if f.category != "strike"}
    assert visible == {"Baghdad International Airport"} | undated
    browser.execute_script(
        "const s = document.querySelector('.ge-slider-input'); s.value = '1';"
        "s.dispatchEvent(new Event('input'));"
    )
    assert {sample_features[i].name for i in _marker_ids(browser)} == {"Kirkuk"} | undated
    browser.execute_script(
        "const s = document.querySelector('.ge-slider-input'); s.value = s.max;"
        "s.dispatchEvent(new Event('input'));"
    )
    assert _marker_ids(browser) == list(range(len(sample_features)))
    # Unticking "Strikes" in the layer control removes the strike markers.
    labels = browser.find_elements(By.CSS_SELECTOR, ".leaflet-control-layers-overlays label")
    next(label for label in labels if label.text.startswith("Strikes")).click()
    remaining = {sample_features[i].category for i in _marker_ids(browser)}
    assert remaining == {"base", "place"}


def test_strike_and_base_on_one_site_both_show(browser, sample_features, tmp_path):
    import dataclasses

    strike = sample_features[0]
    base = dataclasses.replace(sample_features[4], lat=strike.lat, lon=strike.lon)
    path = write_map([strike, base], tmp_path / "site.html", tiles=None, self_contained=True)
    _open(browser, path)
    assert _marker_ids(browser) == [0, 1]
    boxes = browser.execute_script(
        "return [0, 1].map(i => { const r = document.querySelector("
        "'.ge-marker-inner[data-fid=\"' + i + '\"]').getBoundingClientRect();"
        "return [r.left + r.width / 2, r.top + r.height / 2, r.width]; })"
    )
    (x0, y0, w0), (x1, y1, w1) = boxes
    assert ((x0 - x1) ** 2 + (y0 - y1) ** 2) ** 0.5 >= 0.5 * w0  # the base is not hidden under the strike
    z = browser.execute_script(
        "return [0, 1].map(i => Number(document.querySelector("
        "'.ge-marker-inner[data-fid=\"' + i + '\"]').parentNode.style.zIndex))"
    )
    assert z[0] > z[1]  # the strike is drawn on top


# Through the real pipeline: article text -> geoevents.parse -> records -> map -> browser.

EXAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "iran-strikes-2020-01.fr.txt"


def _pipeline_features(text: str, date: str, doc_id: str):
    import geoevents

    return geoevents.features(geoevents.parse(text, date=date, id=doc_id))


@pytest.mark.skipif(not EXAMPLE.exists(), reason="example article fixture missing")
def test_example_article_map_every_record_has_a_marker_and_popup(browser, tmp_path):
    features = _pipeline_features(EXAMPLE.read_text(encoding="utf-8"), "2020-01-31", EXAMPLE.name)
    assert {f.category for f in features} >= {"strike", "place"}
    path = write_map(features, tmp_path / "example.html", self_contained=True, title="Example")
    _open(browser, path)
    assert {kind for kind, _ in _http_resources(browser)} <= {"img"}  # tiles only
    keep = Path(__file__).resolve().parents[2] / "output" / "screenshots"
    keep.mkdir(parents=True, exist_ok=True)
    screenshot = tmp_path / "example.png"
    assert browser.save_screenshot(str(screenshot))
    shutil.copy(screenshot, keep / "outputs-example-article.png")
    for fid, feature in enumerate(features):
        text = _open_popup(browser, fid)
        assert feature.mention in text and feature.source_text.strip() in text
    first_strike = next(i for i, f in enumerate(features) if f.category == "strike")
    browser.execute_script("geoevents.maps[0].setZoom(7, {animate: false})")
    _open_popup(browser, first_strike)
    time.sleep(0.4)  # popup fade-in
    assert browser.save_screenshot(str(screenshot))
    shutil.copy(screenshot, keep / "outputs-example-article-popup.png")


def test_hostile_article_through_the_pipeline_opens_no_dialog(browser, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException

    from tests.outputs.outputs_samples import XSS_IMG, XSS_SCRIPT

    text = (
        f"Le 8 janvier 2020, l'Iran a tiré onze missiles sur la base aérienne d'Aïn al-Assad "
        f"{XSS_SCRIPT} en Irak. À Bagdad, des habitants {XSS_IMG} ont entendu les explosions.\n"
    )
    features = _pipeline_features(text, "2020-01-09", f"article{XSS_IMG}")
    hostile = [i for i, f in enumerate(features) if XSS_SCRIPT in f.source_text or XSS_IMG in f.source_text]
    assert hostile, "the pipeline found no place in the hostile sentences"
    path = write_map(features, tmp_path / "hostile.html", self_contained=True, tiles=None,
                     title=text.split(".")[0], sources=[f"article{XSS_IMG}"])
    _open(browser, path)
    for fid in hostile:
        popup = _open_popup(browser, fid)
        assert features[fid].source_text.strip() in popup
    time.sleep(0.5)
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert  # noqa: B018
    assert browser.execute_script("return document.querySelectorAll('img[src=\"x\"]').length") == 0


def test_play_button_steps_through_the_days(browser, sample_features, tmp_path):
    from selenium.webdriver.common.by import By

    path = write_map(sample_features, tmp_path / "play.html", tiles=None, self_contained=True)
    _open(browser, path)
    browser.find_element(By.CSS_SELECTOR, ".ge-slider-play").click()
    text = "document.querySelector('.ge-slider-label').innerText"
    label = f"return {text}"
    assert browser.execute_script(label) == "2019-12-20"  # starts from the first day
    assert _wait(browser, f"return {text} === '2019-12-31'", timeout=5)
    assert {sample_features[i].name for i in _marker_ids(browser)} >= {"Kirkuk"}
    browser.find_element(By.CSS_SELECTOR, ".ge-slider-play").click()  # pause
    time.sleep(1.5)
    assert browser.execute_script(label) == "2019-12-31"


def test_runtime_escaping_function(browser, sample_features, tmp_path):
    path = write_map(sample_features[:1], tmp_path / "esc.html", tiles=None, self_contained=True)
    _open(browser, path)
    assert browser.execute_script("return geoevents.esc(arguments[0])", "<a href=\"x\" onclick='y'>&`") == (
        "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;"
    )
    # A popup built from hostile properties parses to our own elements only, text intact.
    hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    tags = browser.execute_script(
        "const box = document.createElement('div');"
        "box.innerHTML = geoevents.popupHtml({category: 'strike', name: arguments[0], mention: arguments[0],"
        "  event_type: arguments[0], actor: arguments[0], source_text: arguments[0],"
        "  sources: ['javascript:alert(1)', 'https://ok.example/a?b=1&c=2']});"
        "return [Array.from(box.querySelectorAll('*')).map(e => e.tagName.toLowerCase()),"
        "        box.innerText, Array.from(box.querySelectorAll('a')).map(a => a.href), window.__pwned];",
        hostile,
    )
    elements, text, links, pwned = tags
    assert set(elements) <= {"div", "table", "tbody", "tr", "th", "td", "blockquote", "a"}
    assert hostile in text and "javascript:alert(1)" in text
    assert links == ['https://ok.example/a?b=1&c=2']
    assert pwned is None


def test_fragment_embeds_in_a_report_page(browser, sample_features, tmp_path):
    from selenium.webdriver.common.by import By

    from geoevents.outputs import build_map, map_html

    fragment = map_html(
        build_map(sample_features, title="Strikes", self_contained=True, tiles=None),
        fragment=True, height="380px",
    )
    host = tmp_path / "report.html"
    host.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Report</title></head>'
        f'<body style="width:520px"><h1>Report</h1>{fragment}<p id="after">After.</p></body></html>',
        encoding="utf-8",
    )
    browser.get(host.as_uri())
    browser.switch_to.frame(browser.find_element(By.CSS_SELECTOR, "iframe.geoevents-map"))
    try:
        assert _wait(browser, "return !!document.querySelector('.folium-map[data-ge-ready]')")
        assert _marker_ids(browser) == list(range(len(sample_features)))
        # Small embed: the legend starts folded and opens on a click.
        assert browser.execute_script("return document.querySelector('.ge-legend details').open") is False
        browser.find_element(By.CSS_SELECTOR, ".ge-legend summary").click()
        assert browser.execute_script("return document.querySelector('.ge-legend details').open") is True
        assert _http_resources(browser) == []
    finally:
        browser.switch_to.default_content()
    assert browser.find_element(By.ID, "after").text == "After."
