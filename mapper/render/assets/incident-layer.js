/* The incident layer of a mapper map: markers, popups, areas, filters and controls,
 * built in the browser from the table the page embeds once (see mapper/render/layer.py).
 * Every value from a report reaches the page through esc(); links only for http(s) URLs.
 */
function mapperIncidentLayer(options) {
  "use strict";
  var map = options.map;
  // The table, parsed once from its JSON element; the element goes, so the page keeps
  // one copy of the data.
  var source = document.getElementById(options.data);
  var D = JSON.parse(source.textContent);
  source.remove();
  var OUTLINE = options.outline;
  var F = {};
  D.fields.forEach(function (name, i) { F[name] = i; });
  var CATS = D.categories;
  var P = mapperPopups(D, F, options.data + "_details"), esc = P.esc, txt = P.txt;
  // Fit first and without animation: markers then cluster once, at the final zoom.
  map.fitBounds(D.bounds, {padding: [40, 40], maxZoom: 13, animate: false});
  map.createPane("imOutline");
  map.getPane("imOutline").style.zIndex = 150;  // under the tiles: seen only when they fail
  map.getPane("imOutline").style.pointerEvents = "none";
  map.createPane("imCircles");
  map.getPane("imCircles").style.zIndex = 350;  // under named areas and markers
  // The places and the outline are others' data: credit them (GeoNames asks for it).
  if (map.attributionControl) {
    map.attributionControl.addAttribution(
      'Places: <a href="https://www.geonames.org/" target="_blank" rel="noopener noreferrer">' +
      "GeoNames</a> (CC BY 4.0) and our own research; outlines: Natural Earth");
  }
  L.geoJSON(OUTLINE, {pane: "imOutline", interactive: false, style: function (f) {
    return {color: "#8a8a8a", weight: 1, fillOpacity: 1,
            fillColor: f.properties.name === "Iraq" ? "#fbf8ef" : "#eeebe2"};
  }}).addTo(map);
  OUTLINE.features.forEach(function (f) {
    var label = document.createElement("div");
    label.textContent = f.properties.name;
    label.style.transform = "translate(-50%, -50%)";
    L.marker(f.properties.label, {pane: "imOutline", interactive: false, keyboard: false,
      icon: L.divIcon({className: "im-country", html: label, iconSize: null})}).addTo(map);
  });
  var places = mapperPlaceLabels(map, options.labels || [], options.labelZooms || [0]);

  var areas = L.geoJSON(D.areas, {
    style: {color: "#6a3d9a", weight: 2, dashArray: "6 4", fillColor: "#6a3d9a", fillOpacity: 0.1},
    onEachFeature: function (f, layer) { layer.bindTooltip(esc(f.properties.name)); }
  }).addTo(map);
  var circleGroup = L.layerGroup().addTo(map);
  // A place known only to its region (precision 3) is drawn lighter: it is no finding.
  var circles = D.circles.map(function (c) {
    var km = Math.round(c[2] / 100) / 10, region = c[5] === 3;
    return L.circle([c[0], c[1]], {radius: c[2], pane: "imCircles", color: region ? "#888" : "#555",
      weight: 1, opacity: region ? 0.55 : 1, dashArray: region ? "2 5" : "4 3",
      fillColor: "#333", fillOpacity: region ? 0.025 : 0.05})
      .bindTooltip(txt(c[3] || "This place") +
      esc(": location known only to within about " + km + " km (" + c[4] + " incident" +
      (c[4] === 1 ? "" : "s") + ")"));
  });
  // Small maps: one marker per incident; big ones: one canvas (see mapper/render/layer.py).
  var drawn = options.canvas ? mapperCanvasPoints(map, D, F, P) : mapperMarkers(map, D, F, P);

  var heat = options.heat ?
    L.heatLayer([], {radius: 22, blur: 18, minOpacity: 0.3, maxZoom: 11}) : null;

  var filters = mapperFilters(D, F);
  var panels = document.getElementById(options.panels);
  var titleBox = panels.querySelector(".im-title"), legendBox = panels.querySelector(".im-legend");
  var shownBox = titleBox.querySelector(".im-shown"), harmBox = titleBox.querySelector(".im-harm");
  var timeline = mapperTimeline(titleBox, D.rows, F, function () { refresh(); });
  var harmNames = Array.prototype.map.call(harmBox.options, function (o) { return o.text; });
  var control = null;

  function number(n) { return n.toLocaleString("en"); }
  // Write the current counts wherever the page shows one (legend, layer control).
  function paintCounts() {
    if (!filters.counts.harm) { return; }  // not filtered yet
    var root = map.getContainer();
    root.querySelectorAll("[data-count]").forEach(function (el) {
      var key = el.getAttribute("data-count").split("-");
      var n = (filters.counts[key[0]] || [])[+key[1]] || 0;
      el.textContent = el.hasAttribute("data-paren") ? "(" + number(n) + ")" : number(n);
    });
    legendBox.querySelectorAll("[data-weapon]").forEach(function (el) {
      el.classList.toggle("im-off", !filters.on.weapon[+el.getAttribute("data-weapon")]);
    });
    filters.harmModes.forEach(function (mode, h) {
      harmBox.options[h].text = harmNames[h] + " (" + number(filters.counts.harm[h]) + ")";
    });
  }
  function refresh() {
    var result = filters.apply(timeline.passes), keep = result.rows, points = [];
    var perCircle = D.circles.map(function () { return 0; });
    keep.forEach(function (i) {
      var r = D.rows[i];
      if (heat) { points.push([r[F.lat], r[F.lon]]); }
      if (r[F.circle] >= 0) { perCircle[r[F.circle]] += 1; }
    });
    drawn.show(keep);
    circles.forEach(function (c, j) {
      if (perCircle[j]) { circleGroup.addLayer(c); } else { circleGroup.removeLayer(c); }
    });
    if (heat) { heat.setLatLngs(points); }
    var total = D.rows.length;
    shownBox.textContent = (keep.length === total ? "Showing all " + number(total) :
      "Showing " + number(keep.length) + " of " + number(total)) +
      (D.undated ? " (" + number(result.undated) + " undated)" : "");
    paintCounts();
  }

  function asControl(element, position) {
    var Panel = L.Control.extend({onAdd: function () {
      L.DomEvent.disableClickPropagation(element);
      L.DomEvent.disableScrollPropagation(element);
      return element;
    }});
    return new Panel({position: position}).addTo(map);
  }
  asControl(titleBox, "topright");
  asControl(legendBox, "bottomleft");
  panels.removeAttribute("hidden");
  harmBox.addEventListener("change", function () { filters.setHarm(harmBox.value); refresh(); });

  var baseLayers = {};
  options.tiles.forEach(function (t) {
    var layer = t[1] || L.layerGroup();  // null: the plain background, outline only
    baseLayers[esc(t[0])] = layer;
    if (t[1]) { places.watch(t[1]); }
    if (t[0] === options.shownTiles) {
      if (!t[1]) { layer.addTo(map); }
      places.base(layer);
    }
  });
  var overlays = {}, toggles = [];
  function overlay(label, layer, heading) {
    layer.imHeading = heading;
    overlays[label] = layer;
    return layer;
  }
  function toggle(label, heading, facet, i) {
    var layer = overlay(label + ' <span class="im-count" data-paren data-count="' + facet + "-" +
      i + '"></span>', L.layerGroup().addTo(map), heading);
    toggles.push({layer: layer, facet: facet, index: i});
  }
  var heading = "Show";
  if (D.areas.features.length) { overlay("Named areas", areas, heading); heading = null; }
  if (D.circles.length) { overlay("Uncertainty circles", circleGroup, heading); heading = null; }
  if (heat) { overlay("Heat map", heat.addTo(map), heading); }
  // One switch per value the incidents have; the first of each facet carries its heading.
  var HEADINGS = {weapon: "Weapon", target: "Target", precision: "Place known", year: "Year"};
  Object.keys(HEADINGS).forEach(function (facet) {
    var has = filters.present(facet), first = true;
    if (facet !== "weapon" && facet !== "year" && has.filter(Boolean).length < 2) { return; }
    filters.facets[facet].forEach(function (name, i) {
      if (!has[i]) { return; }
      var swatch = facet === "weapon" ? '<span class="im-swatch" style="background:' +
        esc(CATS[i].colour) + '"></span>' : "";
      // Wrapped so "2020" is not an integer key, which JS objects would reorder first.
      toggle(swatch + '<span class="im-' + facet + '">' + esc(name) + "</span>",
        first ? HEADINGS[facet] : null, facet, i);
      first = false;
    });
  });
  map.on("overlayadd overlayremove", function (e) {
    toggles.forEach(function (t) {
      if (t.layer === e.layer) {
        filters.on[t.facet][t.index] = e.type === "overlayadd";
        refresh();
      }
    });
  });
  var GroupedLayers = L.Control.Layers.extend({_addItem: function (obj) {
    var label = L.Control.Layers.prototype._addItem.call(this, obj);
    if (obj.overlay && obj.layer.imHeading) {
      var heading = document.createElement("div");
      heading.className = "im-group";
      heading.textContent = obj.layer.imHeading;
      label.parentNode.insertBefore(heading, label);
    }
    return label;
  }});
  // Narrow screens (a phone, a notebook cell): the layer control is a button, the legend
  // and the filters start folded.
  var NARROW = 700, narrow = null;
  function layout() {
    var now = map.getSize().x < NARROW;
    if (now === narrow) { return; }
    narrow = now;
    map.getContainer().classList.toggle("im-narrow", narrow);
    legendBox.open = !narrow;
    titleBox.querySelector(".im-filters").open = !narrow;
    if (control) { control.remove(); }
    control = new GroupedLayers(baseLayers, overlays,
      {collapsed: options.collapsed || narrow, position: "topright"}).addTo(map);
    // Measured again once in place, so a long list scrolls instead of running off the map.
    if (!options.collapsed && !narrow) { control.expand(); }
    paintCounts();
  }
  layout();
  map.on("resize", layout);

  refresh();
  // A handle for notebooks and tests to reach the layer from the page.
  window.incidentMap = {map: map, cluster: drawn.cluster, markers: drawn.markers,
    points: drawn.points, rows: D.rows,
    fields: F, refresh: refresh, heat: heat, areas: areas, circles: circleGroup,
    filters: filters, timeline: timeline, labels: places,
    control: function () { return control; }};
}
