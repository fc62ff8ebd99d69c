/* geoevents map runtime: inline-SVG markers, grid clustering, popups, legend, time slider.
 * Inlined into every map by geoevents.outputs (no network request of its own).
 * Every string that comes from an article goes through esc() or textContent, never raw HTML. */
(function (global) {
  "use strict";

  var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };
  function esc(value) {
    return String(value).replace(/[&<>"'`]/g, function (c) { return ENTITIES[c]; });
  }
  function isHttp(url) { return /^https?:\/\/[^\s"'<>]+$/i.test(String(url)); }
  function has(v) { return v !== null && v !== undefined && v !== ""; }

  var CATEGORY = {
    strike: { label: "Strike / attack", color: "#d7301f" },
    base: { label: "Base / installation", color: "#08519c" },
    place: { label: "Other place", color: "#636363" }
  };
  var EVENT_COLORS = {
    "Explosions/Remote violence": "#d7301f",
    "Battles": "#e6550d",
    "Violence against civilians": "#7a0177",
    "Riots": "#b8860b",
    "Protests": "#31a354",
    "Strategic developments": "#08519c"
  };
  var STARBURST = "12,1 14.6,7.5 21.5,4.5 17.8,10.6 23,13.5 16.5,14.8 18.5,22 12,17.8 5.5,22 7.5,14.8 1,13.5 6.2,10.6 2.5,4.5 9.4,7.5";

  function glyph(p) {
    var s = String(p.sub_event_type || p.weapon || "").toLowerCase();
    if (/air|drone|uav|aérien|aerien/.test(s)) { return "A"; }
    if (/missile|shell|artillery|rocket|roquette|obus/.test(s)) { return "M"; }
    if (/explosive|ied|landmine|mine|bomb/.test(s)) { return "E"; }
    if (/suicide/.test(s)) { return "S"; }
    if (/armed clash|clash/.test(s)) { return "C"; }
    return "";
  }

  function svgFor(p, size) {
    var cat = p.category;
    var color = cat === "strike" ? (EVENT_COLORS[p.event_type] || CATEGORY.strike.color) : CATEGORY[cat] ? CATEGORY[cat].color : "#636363";
    var body;
    if (cat === "strike") {
      var g = glyph(p);
      body = '<polygon points="' + STARBURST + '" fill="' + color + '" stroke="#fff" stroke-width="1.3"/>' +
        (g ? '<text x="12" y="15.2" font-size="7" font-family="sans-serif" font-weight="bold" text-anchor="middle" fill="#fff">' + g + "</text>" : "");
    } else if (cat === "base") {
      body = '<path d="M12 1.5 L21 5 V11.5 C21 17 17 20.5 12 22.5 C7 20.5 3 17 3 11.5 V5 Z" fill="' + color + '" stroke="#fff" stroke-width="1.4"/>' +
        '<path d="M9 7 V17 M9 7 H16 L14.5 9.5 L16 12 H9" fill="none" stroke="#fff" stroke-width="1.5"/>';
    } else {
      var hollow = Number(p.geo_precision) >= 3;
      body = '<circle cx="12" cy="12" r="8" fill="' + (hollow ? "rgba(255,255,255,0.55)" : color) + '" stroke="' + (hollow ? color : "#fff") + '" stroke-width="' + (hollow ? 2.5 : 2) + '"/>';
    }
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="' + size + '" height="' + size + '">' + body + "</svg>";
  }

  function magnitude(p) {
    var casualties = (Number(p.fatalities) || 0) + (Number(p.injuries) || 0);
    return Math.max(Number(p.quantity) || 0, casualties);
  }
  function sizeFor(p) {
    if (p.category === "place") { return Number(p.geo_precision) >= 3 ? 14 : 16; }
    var m = magnitude(p);
    return Math.round(Math.min(56, 24 + 7 * Math.log2(1 + m)));
  }

  function row(label, value) {
    return has(value) ? "<tr><th>" + esc(label) + "</th><td>" + esc(value) + "</td></tr>" : "";
  }
  function dateText(p) {
    if (has(p.date_start) && has(p.date_end) && p.date_start !== p.date_end) {
      return p.date_start + " \u2013 " + p.date_end;
    }
    return p.date || p.date_start || null;
  }
  function sourceHtml(src) {
    return isHttp(src) ? '<a href="' + esc(src) + '" target="_blank" rel="noopener noreferrer">' + esc(src) + "</a>" : esc(src);
  }
  function popupHtml(p) {
    var cat = CATEGORY[p.category] || CATEGORY.place;
    var text = p.source_text;
    var resolved = p.name + (has(p.feature) ? " (" + p.feature + (has(p.country) ? ", " + p.country : "") + ")" : "");
    var h = '<div class="ge-popup"><div class="ge-popup-kind" style="color:' + cat.color + '">' + esc(cat.label) + "</div>";
    h += '<div class="ge-popup-name">' + esc(p.name) + "</div><table>";
    h += row("As written", p.mention) + row("Resolved", resolved) + row("Gazetteer id", p.gazetteer_id);
    if (has(p.event_type)) {
      h += row("Event", p.event_type + (has(p.sub_event_type) ? " / " + p.sub_event_type : ""));
      h += row("Date", dateText(p)) + row("Actor", p.actor) + row("Target", p.target);
      h += row("Weapon", p.weapon) + row("Quantity", p.quantity) + row("Fatalities", p.fatalities);
      h += row("Injuries", p.injuries) + row("Launched from", p.origin);
    }
    h += row("Geo precision", p.geo_precision) + "</table>";
    if (has(text)) { h += '<blockquote class="ge-sentence">' + esc(text) + "</blockquote>"; }
    var sources = p.sources && p.sources.length ? p.sources : has(p.source) ? [p.source] : [];
    if (sources.length) {
      h += '<div class="ge-source">Source: ' + sources.map(sourceHtml).join(", ") + "</div>";
    }
    return h + "</div>";
  }

  function inRange(p, day) {
    if (day === null) { return true; }
    var start = p.date_start || p.date, end = p.date_end || p.date || start;
    if (!has(start)) { return true; }  /* undated: cannot be placed in time, keep it visible */
    return start <= day && day <= end;
  }

  /* The page carries properties with short keys and repeated strings as indices into one
   * table (see geoevents/outputs/_map.py); expand them back to the GeoJSON property names. */
  function expand(props, shared, category) {
    var out = { category: category };
    if (!shared) { for (var key in props) { out[key] = props[key]; } return out; }
    for (var k in props) {
      var v = props[k];
      if (shared.refs[k]) {
        v = Array.isArray(v) ? v.map(function (i) { return shared.strings[i]; }) : shared.strings[v];
      }
      out[shared.keys[k] || k] = v;
    }
    return out;
  }

  /* Strikes above bases above places; a record sharing its exact site with a record of a more
   * important category (flag "x" set by the page builder) is drawn beside it, not under it. */
  var Z = { strike: 20000, base: 10000, place: 0 };
  var BESIDE = { strike: [0, 0], base: [1, -1], place: [-1, 1] };
  var SITE_SIZE = {};  /* "lon,lat" -> largest symbol drawn there, over every layer */
  function siteKey(f) { return f.geometry.coordinates.join(","); }
  function besideShift(f, size) {
    var unit = BESIDE[f.properties.category] || [0, 0];
    var d = ((SITE_SIZE[siteKey(f)] || size) / 2 + size / 2 + 2) / Math.SQRT2;
    return [unit[0] * d, unit[1] * d];
  }

  var RADIUS = 36;  /* px: markers closer than this on screen merge into a cluster */

  /* One overlay per category: renders its GeoJSON points as markers, merging crowded ones into
   * clusters on every zoom/move; only markers inside the view are created. */
  var EventLayer = L.LayerGroup.extend({
    initialize: function (data, options) {
      L.LayerGroup.prototype.initialize.call(this, [], options);
      this._features = data.features || [];
      var category = options.category || "place";
      for (var n = 0; n < this._features.length; n++) {
        var feature = this._features[n], key = siteKey(feature);
        feature.properties = expand(feature.properties, options.shared, category);
        SITE_SIZE[key] = Math.max(SITE_SIZE[key] || 0, sizeFor(feature.properties));
      }
      this._day = null;
      this._expanded = null;
      var bounds = [];
      for (var i = 0; i < this._features.length; i++) {
        var c = this._features[i].geometry.coordinates;
        bounds.push([c[1], c[0]]);
      }
      this._bounds = bounds.length ? L.latLngBounds(bounds) : null;
    },
    onAdd: function (map) {
      L.LayerGroup.prototype.onAdd.call(this, map);
      map.on("moveend", this._redraw, this);  /* also fired after every zoom */
      map.on("zoomstart", this._collapse, this);
      this._redraw();
    },
    onRemove: function (map) {
      map.off("moveend", this._redraw, this);
      map.off("zoomstart", this._collapse, this);
      L.LayerGroup.prototype.onRemove.call(this, map);
    },
    getBounds: function () { return this._bounds; },
    setDay: function (day) { this._day = day; if (this._map) { this._redraw(); } },
    _collapse: function () { this._expanded = null; },
    _marker: function (f, latlng, shift) {
      var p = f.properties, size = sizeFor(p);
      var html = '<div class="ge-marker-inner" data-fid="' + esc(f.id) + '">' + svgFor(p, size) + "</div>";
      if (!shift && p.x) { shift = besideShift(f, size); }
      var dx = shift ? shift[0] : 0, dy = shift ? shift[1] : 0;
      var icon = L.divIcon({
        html: html, className: "ge-marker ge-" + esc(p.category), iconSize: [size, size],
        iconAnchor: [size / 2 - dx, size / 2 - dy], popupAnchor: [dx, dy - size / 2]
      });
      var m = L.marker(latlng, {
        icon: icon, title: String(p.name), alt: String(p.name), riseOnHover: true, zIndexOffset: Z[p.category] || 0
      });
      m.bindPopup(function () { return popupHtml(p); }, { maxWidth: 360, className: "ge-popup-wrap" });
      return m;
    },
    _cluster: function (members, key) {
      var lat = 0, lng = 0, same = true, first = members[0].ll;
      for (var i = 0; i < members.length; i++) {
        lat += members[i].ll.lat; lng += members[i].ll.lng;
        if (!members[i].ll.equals(first)) { same = false; }
      }
      var n = members.length, size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 48;
      var cls = "ge-cluster ge-cluster-" + esc(this.options.category || "place");
      var category = this.options.category || "place", unit = BESIDE[category] || [0, 0];
      var beside = [unit[0] * 16, unit[1] * 16];
      var icon = L.divIcon({
        html: '<div data-count="' + n + '"><span>' + n + "</span></div>", className: cls, iconSize: [size, size],
        iconAnchor: [size / 2 - beside[0], size / 2 - beside[1]]
      });
      var m = L.marker([lat / n, lng / n], {
        icon: icon, title: n + " " + (CATEGORY[category] || CATEGORY.place).label.toLowerCase() + " markers",
        zIndexOffset: (Z[category] || 0) + 5000
      }), self = this;
      m.geoeventsMembers = members.map(function (x) { return x.f.id; });
      m.on("click", function () {
        var map = self._map, b = L.latLngBounds(members.map(function (x) { return x.ll; }));
        if (!same && map.getZoom() < map.getMaxZoom() && map.getBoundsZoom(b) > map.getZoom()) {
          map.fitBounds(b.pad(0.2));
        } else {
          self._expanded = key; self._redraw();
        }
      });
      return m;
    },
    _groups: function () {
      /* Greedy clustering on screen: the biggest event seeds a group and takes every free
       * marker within RADIUS pixels (a grid of RADIUS-sized cells finds the neighbours). */
      var map = this._map, zoom = map.getZoom(), view = map.getBounds().pad(0.25);
      var pts = [], grid = {};
      for (var i = 0; i < this._features.length; i++) {
        var f = this._features[i];
        if (!inRange(f.properties, this._day)) { continue; }
        var c = f.geometry.coordinates, ll = L.latLng(c[1], c[0]);
        if (!view.contains(ll)) { continue; }
        var pt = map.project(ll, zoom), gx = Math.floor(pt.x / RADIUS), gy = Math.floor(pt.y / RADIUS);
        var cell = gx + ":" + gy;
        (grid[cell] = grid[cell] || []).push(pts.length);
        pts.push({ f: f, ll: ll, pt: pt, gx: gx, gy: gy, m: magnitude(f.properties), taken: false });
      }
      var order = pts.map(function (_, k) { return k; });
      order.sort(function (x, y) { return (pts[y].m - pts[x].m) || (pts[x].f.id - pts[y].f.id); });
      var groups = [];
      order.forEach(function (k) {
        var seed = pts[k];
        if (seed.taken) { return; }
        seed.taken = true;
        var members = [seed];
        for (var dx = -1; dx <= 1; dx++) {
          for (var dy = -1; dy <= 1; dy++) {
            var near = grid[(seed.gx + dx) + ":" + (seed.gy + dy)] || [];
            for (var j = 0; j < near.length; j++) {
              var other = pts[near[j]];
              if (!other.taken && other.pt.distanceTo(seed.pt) <= RADIUS) {
                other.taken = true;
                members.push(other);
              }
            }
          }
        }
        groups.push(members);
      });
      return groups;
    },
    _redraw: function () {
      var map = this._map;
      if (!map) { return; }
      var zoom = map.getZoom(), groups = this._groups();
      /* Diff against what is shown so that a marker with an open popup survives a pan. */
      var old = this._shown || {}, shown = {}, self = this;
      var keep = function (id, make) {
        var layer = old[id];
        if (!layer) { layer = make(); self.addLayer(layer); }
        shown[id] = layer;
      };
      groups.forEach(function (members) {
        var seed = members[0].f.id;
        if (members.length === 1) {
          keep("f" + seed, function () { return self._marker(members[0].f, members[0].ll); });
        } else if (self._expanded === seed) {
          var r = 14 + 4 * members.length;
          members.forEach(function (m, j) {
            var a = 2 * Math.PI * j / members.length, shift = [r * Math.cos(a), r * Math.sin(a)];
            keep("x" + m.f.id, function () { return self._marker(m.f, members[0].ll, shift); });
          });
        } else {
          keep("c" + zoom + ":" + seed + ":" + members.length, function () { return self._cluster(members, seed); });
        }
      });
      for (var id in old) {
        if (!shown[id]) { this.removeLayer(old[id]); }
      }
      this._shown = shown;
      this.fire("ge:redraw");
    }
  });

  /* A map embedded small (a report's iframe) starts with its legend folded. */
  function small(map) {
    var size = map.getSize();
    return size.x < 560 || size.y < 420;
  }

  function legend(map, present) {
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var div = L.DomUtil.create("div", "ge-legend leaflet-control");
      var h = "<details" + (small(map) ? "" : " open") + '><summary class="ge-legend-title">Legend</summary>';
      var sample = function (p, label) {
        return '<div class="ge-legend-row">' + svgFor(p, 18) + "<span>" + esc(label) + "</span></div>";
      };
      var types = present.eventTypes || [];
      if (present.strike) {
        if (!types.length) { types = ["Explosions/Remote violence"]; }
        types.forEach(function (t) { h += sample({ category: "strike", event_type: t }, t); });
        h += '<div class="ge-legend-note">A air/drone, M missile/shelling, E explosive; size: quantity or casualties</div>';
      }
      if (present.base) { h += sample({ category: "base" }, CATEGORY.base.label); }
      if (present.place) {
        h += sample({ category: "place", geo_precision: 1 }, "Place (town, site)");
        h += sample({ category: "place", geo_precision: 4 }, "Region / country");
      }
      h += '<div class="ge-legend-row"><span class="ge-legend-cluster">n</span><span>Cluster of n markers</span></div>';
      div.innerHTML = h + "</details>";
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    control.addTo(map);
  }

  function header(map, title, sources) {
    if (!title && !(sources && sources.length)) { return; }
    var control = L.control({ position: "topleft" });
    control.onAdd = function () {
      var div = L.DomUtil.create("div", "ge-title leaflet-control");
      if (title) {
        var t = L.DomUtil.create("div", "ge-title-text", div);
        t.textContent = title;
      }
      if (sources && sources.length) {
        var s = L.DomUtil.create("div", "ge-title-sources", div);
        s.appendChild(document.createTextNode("Sources: "));
        sources.forEach(function (src, i) {
          if (i) { s.appendChild(document.createTextNode(", ")); }
          var node;
          if (isHttp(src)) {
            node = document.createElement("a");
            node.href = src; node.target = "_blank"; node.rel = "noopener noreferrer";
          } else {
            node = document.createElement("span");
          }
          node.textContent = src;
          s.appendChild(node);
        });
      }
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    control.addTo(map);
  }

  function slider(map, layers, days) {
    if (!days.length) { return; }
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var div = L.DomUtil.create("div", "ge-slider leaflet-control");
      var label = L.DomUtil.create("div", "ge-slider-label", div);
      var row = L.DomUtil.create("div", "ge-slider-row", div);
      var play = L.DomUtil.create("button", "ge-slider-play", row);
      play.type = "button"; play.textContent = "\u25B6"; play.title = "Play through the dates";
      play.setAttribute("aria-label", "Play through the dates");
      var input = L.DomUtil.create("input", "ge-slider-input", row);
      input.type = "range"; input.min = "0"; input.max = String(days.length); input.step = "1";
      input.value = String(days.length);
      input.setAttribute("aria-label", "Event date");
      var show = function () {
        var i = Number(input.value), day = i >= days.length ? null : days[i];
        label.textContent = day === null ? "All dates (" + days[0] + " \u2013 " + days[days.length - 1] + ")" : day;
        layers.forEach(function (l) { l.setDay(day); });
      };
      input.addEventListener("input", show);
      var timer = null;
      var stop = function () { clearInterval(timer); timer = null; play.textContent = "\u25B6"; };
      play.addEventListener("click", function () {
        if (timer !== null) { stop(); return; }
        if (Number(input.value) >= days.length) { input.value = "0"; show(); }
        play.textContent = "\u275A\u275A";
        timer = setInterval(function () {
          var next = Number(input.value) + 1;
          input.value = String(next); show();
          if (next >= days.length) { stop(); }
        }, 1200);
      });
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      show();
      return div;
    };
    control.addTo(map);
  }

  function basemap(map, data) {
    var pane = map.getPane("ge-basemap") || map.createPane("ge-basemap");
    pane.style.zIndex = 150;  /* below the tile pane: tiles cover it when they load */
    pane.style.pointerEvents = "none";
    return L.geoJSON(data, {
      pane: "ge-basemap", interactive: false,
      style: { color: "#8c8c8c", weight: 0.7, fillColor: "#f2efe6", fillOpacity: 1 }
    }).addTo(map);
  }

  function finish(map, layers, config) {
    header(map, config.title, config.sources || []);
    legend(map, config.present || {});
    slider(map, layers, config.days || []);
    map.geoeventsLayers = layers;
    global.geoevents.maps.push(map);
    map.getContainer().setAttribute("data-ge-ready", "1");
  }

  global.geoevents = {
    esc: esc, popupHtml: popupHtml, svgFor: svgFor, sizeFor: sizeFor,
    layer: function (data, options) { return new EventLayer(data, options); },
    basemap: basemap, finish: finish, maps: []
  };
})(window);
