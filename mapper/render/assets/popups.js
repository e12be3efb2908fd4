/* Popups and tooltips of a mapper map, built from one row of the embedded table when a
 * reader opens them. Every value from a report goes through esc() (and txt(), which also
 * isolates its direction); links are made only for http(s) URLs.
 * A big map's rows hold only what drawing and filters need; the rest of row i is line i
 * of the details element at the end of the page, read the first time a popup or tooltip
 * opens and parsed one row at a time.
 */
function mapperPopups(D, F, detailsId) {
  "use strict";
  var CATS = D.categories, details = null, ends = null;
  function readDetails() {
    if (document.readyState === "loading") { return false; }  // still being read from disk
    var element = document.getElementById(detailsId);
    details = element.textContent;
    element.remove();
    ends = new Int32Array(D.rows.length);
    for (var i = 0, at = -1; i < ends.length; i += 1) {
      at = details.indexOf("\n", at + 1);
      ends[i] = at < 0 ? details.length : at;
    }
    return true;
  }
  // Row i as the small map has it: every field, in the order of D.fields (null while a
  // big map's details are still loading).
  function row(i) {
    if (!D.details) { return D.rows[i]; }
    if (!ends && !readDetails()) { return null; }
    return D.rows[i].concat(JSON.parse(details.slice(i ? ends[i - 1] + 1 : 0, ends[i])));
  }
  var LOADING = "The map is still loading the incidents' details: try again in a moment.";
  var PRECISION = {
    1: "exact place", 2: "near or part of this place", 3: "only the region is known"
  };
  var REPLACE = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"};

  // The one escape function: every value put into HTML goes through it.
  function esc(value) {
    return String(value).replace(/[&<>"']/g, function (c) { return REPLACE[c]; });
  }
  // Report text, escaped and isolated: a right-to-left override (U+202E) in a place name
  // or quote must not reverse the labels and dates the page writes after it.
  function txt(value) { return "<bdi>" + esc(value) + "</bdi>"; }
  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }
  function high(v) { return Array.isArray(v) ? v[1] : (v || 0); }
  function differ(note) { return ' <span class="im-differ">(' + esc(note) + ")</span>"; }
  function valueHtml(v) {
    if (v === null || v === undefined) { return null; }
    if (Array.isArray(v)) { return esc(v[0]) + "\u2013" + esc(v[1]) + differ("sources differ"); }
    return esc(v);
  }
  function dateText(v) {
    if (v === null || v === undefined) { return "date unknown"; }
    return Array.isArray(v) ? v[0] + "\u2013" + v[1] : v;
  }
  function line(label, html) {
    return html === null ? "" : "<tr><th>" + esc(label) + "</th><td>" + html + "</td></tr>";
  }
  // s: [title, url, outlet] as indexes into D.strings, quote, then (when several
  // sources) that source's date, killed, injured, projectiles.
  function sourceHtml(s, several) {
    var title = D.strings[s[0]], url = D.strings[s[1]], outlet = D.strings[s[2]];
    var link = safeUrl(url);
    var name = txt(title || url || "untitled report");
    var html = link ? '<a href="' + esc(link) + '" target="_blank" rel="noopener noreferrer">' +
      name + "</a>" : name;
    var meta = [];
    if (several) {
      meta.push(s[4]);
      if (s[5] !== null && s[5] !== undefined) { meta.push("killed " + s[5]); }
      if (s[6] !== null && s[6] !== undefined) { meta.push("injured " + s[6]); }
      if (s[7] !== null && s[7] !== undefined) { meta.push("projectiles " + s[7]); }
    }
    meta = meta.filter(function (m) { return m !== null && m !== undefined && m !== ""; });
    if (outlet || meta.length) {
      html += '<div class="im-meta">' + (outlet ? txt(outlet) : "") +
        (outlet && meta.length ? " \u00b7 " : "") + esc(meta.join(" \u00b7 ")) + "</div>";
    }
    if (s[3]) { html += "<blockquote>" + txt(s[3]) + "</blockquote>"; }
    return "<li>" + html + "</li>";
  }
  function popupHtml(i) {
    var r = row(i);
    if (!r) { return '<div class="im-popup">' + esc(LOADING) + "</div>"; }
    var cat = CATS[r[F.weapon]];
    var date = r[F.date];
    var dateHtml = Array.isArray(date) ? valueHtml(date) : esc(dateText(date));
    if (r[F.date_precision]) {
      dateHtml += ' <span class="im-meta">(' + esc(r[F.date_precision]) + ")</span>";
    }
    var place = txt(r[F.place] || "place not named");
    if (PRECISION[r[F.geo_precision]]) {
      place += ' <span class="im-meta">(' + esc(PRECISION[r[F.geo_precision]]) + ")</span>";
    }
    var weapon = esc(cat.key === "unknown" ? "not stated" : cat.key);
    if (r[F.weapons]) { weapon += differ("sources also say: " + r[F.weapons].join(", ")); }
    var sources = r[F.sources];
    var several = sources.length > 1;
    var kind = cat.key === "unknown" ? "attack" : cat.key;
    return '<div class="im-popup"><h3>' + esc(kind.charAt(0).toUpperCase() + kind.slice(1)) +
      " \u00b7 " + txt(r[F.place] || "unknown place") + "</h3><table>" +
      line("Date", dateHtml) + line("Place", place) + line("Weapon", weapon) +
      line("Projectiles", valueHtml(r[F.projectiles])) + line("Killed", valueHtml(r[F.killed])) +
      line("Injured", valueHtml(r[F.injured])) + line("Target", r[F.target] ? txt(r[F.target]) : null) +
      "</table><div class=\"im-meta\">" + esc(several ? sources.length + " reports" : "Source") +
      '</div><ul class="im-sources">' +
      sources.map(function (s) { return sourceHtml(s, several); }).join("") +
      '</ul><div class="im-id">' + txt(r[F.incident_id] || "") + "</div></div>";
  }

  function tooltipHtml(i) {
    var r = row(i);
    if (!r) { return esc(LOADING); }
    return txt(r[F.place] || "unknown place") + esc(", " + dateText(r[F.date]));
  }
  return {esc: esc, txt: txt, high: high, dateText: dateText, popupHtml: popupHtml,
          tooltipHtml: tooltipHtml};
}
