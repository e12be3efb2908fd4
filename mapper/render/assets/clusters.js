/* Cluster bubbles of a mapper map: coloured by the group's most common weapon, with a
 * ring showing the mix of weapons, the count inside and the breakdown as a tooltip.
 */
function mapperClusterIcon(categories, esc) {
  "use strict";
  function name(cat) { return cat.key === "unknown" ? "not stated" : cat.key; }
  return function (cluster) {
    var counts = categories.map(function () { return 0; });
    var children = cluster.getAllChildMarkers();
    children.forEach(function (m) { counts[m.imWeapon] += 1; });
    var n = children.length;
    var order = counts.map(function (c, i) { return i; })
      .filter(function (i) { return counts[i] > 0; })
      .sort(function (a, b) { return counts[b] - counts[a] || a - b; });
    var at = 0, stops = [], parts = [];
    order.forEach(function (i) {
      var to = at + counts[i] * 100 / n;
      stops.push(categories[i].colour + " " + at.toFixed(1) + "% " + to.toFixed(1) + "%");
      parts.push(counts[i] + " " + name(categories[i]));
      at = to;
    });
    var size = n < 10 ? 32 : (n < 100 ? 38 : (n < 1000 ? 44 : 50));
    var top = categories[order[0]];
    return L.divIcon({
      className: "marker-cluster im-cluster",
      iconSize: L.point(size, size),
      html: '<div class="im-cluster-ring" style="background:conic-gradient(' +
        esc(stops.join(", ")) + ')" title="' + esc(n + " incidents: " + parts.join(", ")) +
        '"><span style="background:' + esc(top.colour) + '">' + esc(n) + "</span></div>"
    });
  };
}
