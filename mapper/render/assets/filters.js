/* The filters of a mapper map and the counts that follow them.
 * Facets (weapon, target, precision, year, casualties) combine with AND. A facet's
 * count for a value is how many incidents pass every other filter and have that value,
 * so the counts of the values switched on add up to the incidents shown.
 */
function mapperFilters(D, F) {
  "use strict";
  var PRECISION = ["exact place", "near a place", "region only", "precision not stated"];
  var HARM = ["all", "killed", "injured", "hurt", "none"];
  function high(v) { return Array.isArray(v) ? v[1] : (v || 0); }
  var targetIndex = new Map();  // a Map: a target named "__proto__" is only a name
  D.targets.forEach(function (t, i) { targetIndex.set(t, i); });
  var facets = {
    weapon: D.categories.map(function (c) { return c.key === "unknown" ? "not stated" : c.key; }),
    target: D.targets.concat(["other targets", "target not stated"]),
    precision: PRECISION,
    year: D.years.concat(["undated"])
  };
  var NAMES = Object.keys(facets);
  var on = {}, counts = {};
  NAMES.forEach(function (f) { on[f] = facets[f].map(function () { return true; }); });
  var n = D.rows.length;
  var value = {weapon: new Int16Array(n), target: new Int16Array(n),
               precision: new Int8Array(n), year: new Int16Array(n)};
  var harmOf = new Int8Array(n);  // bit 1: anyone killed, bit 2: anyone injured
  D.rows.forEach(function (r, i) {
    var t = r[F.target];
    value.weapon[i] = r[F.weapon];
    value.target[i] = !t ? D.targets.length + 1 :
      (targetIndex.has(t) ? targetIndex.get(t) : D.targets.length);
    value.precision[i] = [1, 2, 3].indexOf(r[F.geo_precision]) < 0 ? 3 : r[F.geo_precision] - 1;
    value.year[i] = r[F.year] < 0 ? D.years.length : r[F.year];
    harmOf[i] = (high(r[F.killed]) > 0 ? 1 : 0) | (high(r[F.injured]) > 0 ? 2 : 0);
  });
  var harm = "all";
  function harmMatches(bits, mode) {
    if (mode === "killed") { return (bits & 1) > 0; }
    if (mode === "injured") { return (bits & 2) > 0; }
    if (mode === "hurt") { return bits > 0; }
    if (mode === "none") { return bits === 0; }
    return true;
  }
  // Return the indexes of the rows shown; fill counts. dated(r) applies the time filter.
  function apply(dated) {
    var shown = [], undated = 0;
    NAMES.forEach(function (f) { counts[f] = facets[f].map(function () { return 0; }); });
    counts.harm = HARM.map(function () { return 0; });
    for (var i = 0; i < n; i += 1) {
      var failed = null, misses = 0;
      for (var k = 0; k < NAMES.length; k += 1) {
        if (!on[NAMES[k]][value[NAMES[k]][i]]) { failed = NAMES[k]; misses += 1; }
      }
      var inTime = value.year[i] === D.years.length || dated(D.rows[i]);
      var harmOk = harmMatches(harmOf[i], harm);
      if (!inTime || misses > 1 || (misses === 1 && !harmOk)) { continue; }
      if (misses === 0) {
        // Plain loops: a big map runs this for each of a million incidents.
        for (var h = 0; h < HARM.length; h += 1) {
          if (harmMatches(harmOf[i], HARM[h])) { counts.harm[h] += 1; }
        }
        if (!harmOk) { continue; }
        for (k = 0; k < NAMES.length; k += 1) { counts[NAMES[k]][value[NAMES[k]][i]] += 1; }
        shown.push(i);
        if (value.year[i] === D.years.length) { undated += 1; }
      } else {
        counts[failed][value[failed][i]] += 1;
      }
    }
    return {rows: shown, undated: undated};
  }
  function present(facet) {
    var all = {};
    for (var i = 0; i < n; i += 1) { all[value[facet][i]] = true; }
    return facets[facet].map(function (name, i) { return all[i] === true; });
  }
  return {
    facets: facets, on: on, counts: counts, apply: apply, present: present, harmModes: HARM,
    setHarm: function (mode) { harm = mode; },
    harm: function () { return harm; }
  };
}
