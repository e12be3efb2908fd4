/* Place names on the plain background of a mapper map (ranked in mapper/render/labels.py).
 * Labels lie in a pane between the country outline and the tiles: wherever tiles load
 * they cover them, and once a tile layer has loaded without errors the pane is hidden.
 * More important labels come first; one that would overlap them is left out.
 */
function mapperPlaceLabels(map, labels, zooms) {
  "use strict";
  var STYLE = ["", " im-base", " im-other"];
  var pane = map.createPane("imLabels");
  pane.style.zIndex = 160;
  pane.style.pointerEvents = "none";
  var items = labels.map(function (l) {
    var text = document.createElement("div");
    text.textContent = l[0];  // gazetteer text: never parsed as HTML
    return {
      latlng: L.latLng(l[1], l[2]), rank: l[3], on: false,
      width: 12 + l[0].length * (l[3] === 0 ? 7 : 6),
      marker: L.marker([l[1], l[2]], {pane: "imLabels", interactive: false, keyboard: false,
        icon: L.divIcon({className: "im-place im-rank" + l[3] + STYLE[l[4]], html: text,
                         iconSize: null})})
    };
  });
  function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }
  function place() {
    var zoom = map.getZoom(), size = map.getSize(), taken = [];
    items.forEach(function (item) {
      var show = false;
      if (zooms[item.rank] <= zoom) {
        var p = map.latLngToContainerPoint(item.latlng);
        var box = [p.x - 6, p.y - 8, p.x + item.width, p.y + 8];
        if (box[2] > 0 && box[0] < size.x && box[3] > 0 && box[1] < size.y) {
          show = !taken.some(function (b) { return overlaps(box, b); });
          if (show) { taken.push(box); }
        }
      }
      if (show !== item.on) {
        if (show) { item.marker.addTo(map); } else { item.marker.remove(); }
        item.on = show;
      }
    });
  }
  var current = null;
  function visible(on) { pane.style.display = on ? "" : "none"; }
  // A tile layer that loaded every tile of the view hides the names; one error shows them.
  function watch(layer) {
    layer.imFailed = 0;
    layer.on("loading", function () { layer.imFailed = 0; });
    layer.on("tileerror", function () {
      layer.imFailed += 1;
      if (current === layer) { visible(true); }
    });
    layer.on("load", function () { if (current === layer) { visible(layer.imFailed > 0); } });
  }
  function base(layer) {
    current = layer;
    if (!(layer instanceof L.TileLayer)) { visible(true); }
  }
  map.on("moveend", place);
  map.on("baselayerchange", function (e) { base(e.layer); });
  place();
  return {watch: watch, base: base, place: place, pane: pane,
          shown: function () { return items.filter(function (i) { return i.on; }).length; }};
}
