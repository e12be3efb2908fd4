/* The incidents of a small map as Leaflet markers in Leaflet.markercluster: one DOM icon
 * per incident with its weapon's pictogram, popups and tooltips made on first use.
 * Big maps draw on a canvas instead (canvas-points.js); both offer show(indexes).
 */
function mapperMarkers(map, D, F, P) {
  "use strict";
  var CATS = D.categories, esc = P.esc, high = P.high;
  var icons = {};
  function iconFor(r) {
    var cat = CATS[r[F.weapon]];
    var killed = high(r[F.killed]) > 0, injured = high(r[F.injured]) > 0, n = r[F.n_reports];
    var cls = killed ? " im-killed" : (injured ? " im-injured" : "");
    if (r[F.circle] >= 0) { cls += " im-uncertain"; }
    var key = r[F.weapon] + cls + "|" + n;
    if (!icons[key]) {
      var size = killed ? 26 : (injured ? 22 : 20);
      // cat.icon is our own SVG pictogram (mapper/render/symbols.py), not report text.
      icons[key] = L.divIcon({
        className: "im-icon",
        html: '<div class="im-pin' + esc(cls) + '" style="background:' + esc(cat.colour) + '">' +
          cat.icon + "</div>" + (n > 1 ? '<span class="im-badge">' + esc(n) + "</span>" : ""),
        iconSize: [size, size], iconAnchor: [size / 2, size / 2],
        popupAnchor: [0, -size / 2], tooltipAnchor: [0, -size / 2]
      });
    }
    return icons[key];
  }

  var cluster = L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false,
    maxClusterRadius: 45, spiderfyOnMaxZoom: false, zoomToBoundsOnClick: false,
    iconCreateFunction: mapperClusterIcon(CATS, esc)});
  var markers = D.rows.map(function (r, i) {
    var marker = L.marker([r[F.lat], r[F.lon]], {icon: iconFor(r)});
    marker.incidentIndex = i;
    marker.imWeapon = r[F.weapon];
    return marker;
  });
  // Incidents at one spot never separate by zooming: spread them out at once.
  cluster.on("clusterclick clusterkeypress", function (e) {
    var key = e.originalEvent && e.originalEvent.keyCode;
    if (e.type === "clusterkeypress" && key !== 13) { return; }
    var group = e.layer, bounds = group.getBounds();
    if (bounds.getNorthEast().equals(bounds.getSouthWest()) ||
        map.getZoom() >= map.getMaxZoom()) {
      group.spiderfy();
    } else {
      group.zoomToBounds({padding: [20, 20]});
    }
  });
  // Popups and tooltips are made on first use: 100,000 of them up front would stall the page.
  cluster.on("click", function (e) {
    var m = e.layer;
    if (m.incidentIndex === undefined || m.getPopup()) { return; }
    m.bindPopup(P.popupHtml(m.incidentIndex), {maxWidth: 380, minWidth: 260, maxHeight: 360});
    m.openPopup();
  });
  cluster.on("mouseover", function (e) {
    var m = e.layer;
    if (m.incidentIndex === undefined || m.getTooltip()) { return; }
    m.bindTooltip(P.tooltipHtml(m.incidentIndex), {direction: "top"});
    m.openTooltip();
  });
  cluster.addTo(map);
  return {
    cluster: cluster, markers: markers,
    show: function (indexes) {
      cluster.clearLayers();
      cluster.addLayers(indexes.map(function (i) { return markers[i]; }));
    }
  };
}
