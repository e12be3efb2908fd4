/* The incidents of a big map, drawn on one canvas instead of one DOM marker each.
 * Positions are projected once into typed arrays; every move groups the incidents shown
 * into a grid of CELL-pixel squares fixed to the world (so panning never regroups them)
 * in one pass, with no index to build: a filter or a step of the time slider is just
 * another pass. A square holding one incident draws it as a pin; more, as a bubble at
 * their centre with the mix of weapons as a ring. Popups and tooltips are built from the
 * table row on click or hover, through the same functions as the small map's (popups.js).
 */
function mapperCanvasPoints(map, D, F, P) {
  "use strict";
  var CELL = 60, MAX_LISTED = 20, TAU = 2 * Math.PI;
  var CATS = D.categories, NCAT = CATS.length, rows = D.rows, n = rows.length;
  var X = new Float64Array(n), Y = new Float64Array(n);  // Web Mercator, 0..1 across
  var weapon = new Uint8Array(n), look = new Uint8Array(n);  // 1 killed, 2 injured, 4 rough
  var i;
  for (i = 0; i < n; i += 1) {
    var r = rows[i], sin = Math.sin(Math.max(-85.0511, Math.min(85.0511, r[F.lat])) * Math.PI / 180);
    X[i] = (r[F.lon] + 180) / 360;
    Y[i] = 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    weapon[i] = r[F.weapon];
    look[i] = (P.high(r[F.killed]) > 0 ? 1 : (P.high(r[F.injured]) > 0 ? 2 : 0)) |
      (r[F.circle] >= 0 ? 4 : 0);
  }
  // Our own pictograms (mapper/render/symbols.py), drawn into the pins once loaded.
  var icons = CATS.map(function (cat) {
    var image = new Image();
    image.onload = later;
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(
      cat.icon.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" '));
    return image;
  });

  var pane = map.createPane("imPoints");
  pane.style.zIndex = 600;  // where markers lie: over areas and circles, under popups
  pane.style.pointerEvents = "none";  // clicks reach the map, which finds what was hit
  var canvas = L.DomUtil.create("canvas", "leaflet-zoom-animated im-points", pane);
  var ctx = canvas.getContext("2d");
  var shown = [], items = [], drawnBounds = null, tip = L.tooltip({direction: "top"});

  // One pass over the incidents shown: per grid square in (or just beyond) the view, how
  // many, their centre and weapons, the first one, and whether any lies apart from it.
  function group(zoom) {
    var scale = map.options.crs.scale(zoom), size = map.getSize();
    var origin = map.getPixelBounds().min;
    var c0 = Math.floor(origin.x / CELL) - 1, r0 = Math.floor(origin.y / CELL) - 1;
    var cols = Math.ceil(size.x / CELL) + 3, nrows = Math.ceil(size.y / CELL) + 3;
    var left = c0 * CELL, top = r0 * CELL, right = left + cols * CELL, bottom = top + nrows * CELL;
    var cells = cols * nrows;
    var count = new Int32Array(cells), first = new Int32Array(cells), apart = new Uint8Array(cells);
    var sx = new Float64Array(cells), sy = new Float64Array(cells);
    var weapons = new Int32Array(cells * NCAT);
    // The hot loop of a big map: typed arrays and integer cells only.
    for (var k = 0; k < shown.length; k += 1) {
      var j = shown[k], x = X[j] * scale, y = Y[j] * scale;
      if (x < left || x >= right || y < top || y >= bottom) { continue; }
      var cell = ((y - top) / CELL | 0) * cols + ((x - left) / CELL | 0);
      if (count[cell] === 0) {
        first[cell] = j;
      } else if (apart[cell] === 0 && (X[j] !== X[first[cell]] || Y[j] !== Y[first[cell]])) {
        apart[cell] = 1;
      }
      count[cell] += 1;
      sx[cell] += x;
      sy[cell] += y;
      weapons[cell * NCAT + weapon[j]] += 1;
    }
    return {count: count, first: first, apart: apart, sx: sx, sy: sy, weapons: weapons,
            origin: origin, scale: scale, cols: cols, c0: c0, r0: r0};
  }
  function bubbleSize(count) { return count < 10 ? 32 : (count < 100 ? 38 : (count < 1000 ? 44 : 50)); }
  function shortCount(count) {
    if (count < 10000) { return String(count); }
    return count < 1e6 ? Math.floor(count / 1000) + "k" : (count / 1e6).toFixed(1) + "M";
  }
  function itemsOf(g) {
    var list = [];
    for (var cell = 0; cell < g.count.length; cell += 1) {
      var count = g.count[cell];
      if (count === 0) { continue; }
      var item = {count: count, cell: cell, row: count === 1 ? g.first[cell] : -1,
        x: g.sx[cell] / count - g.origin.x, y: g.sy[cell] / count - g.origin.y,
        spot: g.apart[cell] === 0, weapons: []};
      if (count === 1) {
        var l = look[item.row];
        item.radius = (l & 1 ? 13 : (l & 2 ? 11 : 10));
      } else {
        for (var c = 0; c < NCAT; c += 1) {
          if (g.weapons[cell * NCAT + c]) { item.weapons.push([c, g.weapons[cell * NCAT + c]]); }
        }
        item.weapons.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
        item.radius = bubbleSize(count) / 2;
      }
      list.push(item);
    }
    // Pins first, southern ones over northern as Leaflet stacks markers; bubbles on top.
    list.sort(function (a, b) { return (a.row < 0) - (b.row < 0) || a.y - b.y; });
    return list;
  }

  function drawPin(item) {
    var j = item.row, l = look[j], cat = CATS[weapon[j]], rad = item.radius;
    ctx.beginPath();
    ctx.arc(item.x, item.y, rad, 0, TAU);
    ctx.fillStyle = cat.colour;
    ctx.shadowColor = "rgba(0,0,0,0.6)";
    ctx.shadowBlur = 2;
    ctx.fill();
    ctx.shadowBlur = 0;
    if (l & 3) {
      ctx.lineWidth = 3;
      ctx.strokeStyle = l & 1 ? "#a50f15" : "#f08c00";
      ctx.beginPath();
      ctx.arc(item.x, item.y, rad + 1.5, 0, TAU);
      ctx.stroke();
    }
    ctx.beginPath();
    ctx.arc(item.x, item.y, rad - 1, 0, TAU);
    ctx.lineWidth = 2;
    ctx.strokeStyle = l & 4 ? "#222" : "#fff";
    ctx.setLineDash(l & 4 ? [3, 2] : []);
    ctx.stroke();
    ctx.setLineDash([]);
    var icon = icons[weapon[j]], side = rad * 1.44;
    if (icon.complete && icon.naturalWidth) {
      ctx.drawImage(icon, item.x - side / 2, item.y - side / 2, side, side);
    }
    var reports = rows[j][F.n_reports];
    if (reports > 1) {
      var bx = item.x + rad * 0.8, by = item.y - rad * 0.9;
      ctx.beginPath();
      ctx.arc(bx, by, 7.5, 0, TAU);
      ctx.fillStyle = "#222";
      ctx.fill();
      ctx.fillStyle = "#fff";
      ctx.font = "bold 10px system-ui, sans-serif";
      ctx.fillText(String(reports), bx, by + 0.5);
    }
  }
  function drawBubble(item) {
    var rad = item.radius, at = -Math.PI / 2;
    ctx.shadowColor = "rgba(0,0,0,0.55)";
    ctx.shadowBlur = 3;
    item.weapons.forEach(function (w) {
      var to = at + TAU * w[1] / item.count;
      ctx.beginPath();
      ctx.moveTo(item.x, item.y);
      ctx.arc(item.x, item.y, rad, at, to);
      ctx.closePath();
      ctx.fillStyle = CATS[w[0]].colour;
      ctx.fill();
      at = to;
    });
    ctx.shadowBlur = 0;
    ctx.beginPath();
    ctx.arc(item.x, item.y, rad - 4, 0, TAU);
    ctx.fillStyle = CATS[item.weapons[0][0]].colour;
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = "#fff";
    ctx.stroke();
    ctx.fillStyle = "#fff";
    ctx.font = "bold 12px system-ui, sans-serif";
    ctx.shadowColor = "rgba(0,0,0,0.7)";
    ctx.shadowBlur = 2;
    ctx.fillText(shortCount(item.count), item.x, item.y + 0.5);
    ctx.shadowBlur = 0;
  }

  var pending = false;
  function later() {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; redraw(); });
  }
  function redraw() {
    if (!map._loaded) { return; }
    var size = map.getSize(), ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(size.x * ratio) || canvas.height !== Math.round(size.y * ratio)) {
      canvas.width = Math.round(size.x * ratio);
      canvas.height = Math.round(size.y * ratio);
      canvas.style.width = size.x + "px";
      canvas.style.height = size.y + "px";
    }
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    drawnBounds = map.getBounds();
    var g = group(map.getZoom());
    items = itemsOf(g);
    items.grid = g;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    items.forEach(function (item) { if (item.row >= 0) { drawPin(item); } else { drawBubble(item); } });
  }
  // While Leaflet animates a zoom, scale the last drawing with it; redraw when it ends.
  map.on("zoomanim", function (e) {
    if (!drawnBounds) { return; }
    var offset = map._latLngBoundsToNewLayerBounds(drawnBounds, e.zoom, e.center).min;
    L.DomUtil.setTransform(canvas, offset, map.getZoomScale(e.zoom));
  });
  map.on("moveend resize", redraw);

  function hit(point) {
    for (var k = items.length - 1; k >= 0; k -= 1) {
      var item = items[k], dx = item.x - point.x, dy = item.y - point.y;
      if (dx * dx + dy * dy <= (item.radius + 2) * (item.radius + 2)) { return item; }
    }
    return null;
  }
  function latLngOf(item) {
    if (item.row >= 0) { return L.latLng(rows[item.row][F.lat], rows[item.row][F.lon]); }
    return map.containerPointToLatLng([item.x, item.y]);
  }
  // The incidents of a bubble, found again with one pass (clicks are rare).
  function members(item) {
    var g = items.grid, found = [];
    var left = g.c0 * CELL, top = g.r0 * CELL;
    for (var k = 0; k < shown.length; k += 1) {
      var j = shown[k], x = X[j] * g.scale, y = Y[j] * g.scale;
      if (x < left || y < top) { continue; }
      var col = Math.floor((x - left) / CELL);
      if (col < g.cols && Math.floor((y - top) / CELL) * g.cols + col === item.cell) {
        found.push(j);
      }
    }
    return found;
  }
  function weaponsText(item) {
    return item.count + " incidents: " + item.weapons.map(function (w) {
      return w[1] + " " + (CATS[w[0]].key === "unknown" ? "not stated" : CATS[w[0]].key);
    }).join(", ");
  }
  function open(item) {
    var options = {maxWidth: 380, minWidth: 260, maxHeight: 360, offset: [0, 7 - item.radius]};
    if (item.row >= 0) {
      L.popup(options).setLatLng(latLngOf(item)).setContent(P.popupHtml(item.row))
        .openOn(map);
      return;
    }
    var listed = members(item);
    if (!item.spot && map.getZoom() < map.getMaxZoom()) {
      map.fitBounds(listed.map(function (j) { return [rows[j][F.lat], rows[j][F.lon]]; }),
        {padding: [20, 20]});
      return;
    }
    // Incidents at one spot never separate by zooming: list them in one popup.
    var html = listed.slice(0, MAX_LISTED).map(function (j) { return P.popupHtml(j); });
    if (listed.length > MAX_LISTED) {
      html.push('<div class="im-more">' + P.esc("and " + (listed.length - MAX_LISTED) +
        " more here: filter by date or weapon to see them") + "</div>");
    }
    L.popup(options).setLatLng(latLngOf(item))
      .setContent('<div class="im-list">' + html.join("") + "</div>").openOn(map);
  }
  map.on("click", function (e) {
    var item = hit(e.containerPoint);
    if (item) { open(item); }
  });
  map.on("mousemove", function (e) {
    var item = hit(e.containerPoint);
    map.getContainer().style.cursor = item ? "pointer" : "";
    if (!item) { if (map.hasLayer(tip)) { map.closeTooltip(tip); } return; }
    tip.options.offset = L.point(0, -item.radius);
    tip.setContent(item.row >= 0 ? P.tooltipHtml(item.row) : P.esc(weaponsText(item)));
    tip.setLatLng(latLngOf(item));
    if (!map.hasLayer(tip)) { map.openTooltip(tip); }
  });

  return {
    show: function (indexes) { shown = indexes; redraw(); },
    // For notebooks and tests: what the canvas shows, in container pixels.
    points: {
      canvas: canvas,
      drawn: function () {
        return items.map(function (item) {
          return {x: item.x, y: item.y, count: item.count, row: item.row, spot: item.spot,
                  radius: item.radius, weapons: item.weapons, title: item.row < 0 ? weaponsText(item) : null};
        });
      },
      redraw: redraw
    }
  };
}
