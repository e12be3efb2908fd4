/* The time filter of a mapper map: From/To boxes and a slider with play/pause that steps
 * through the incidents by day, week or month. Boxes and slider share one state (from,
 * to); both always show ISO dates (YYYY-MM-DD), whatever the browser's locale.
 */
function mapperTimeline(box, rows, F, onChange) {
  "use strict";
  var fromBox = box.querySelector(".im-from"), toBox = box.querySelector(".im-to");
  var slider = box.querySelector(".im-slider"), play = box.querySelector(".im-play");
  var unitBox = box.querySelector(".im-step"), label = box.querySelector(".im-step-label");
  var LOW = fromBox.getAttribute("data-bound"), HIGH = toBox.getAttribute("data-bound");
  var state = {from: LOW, to: HIGH, step: -1}, steps = [], timer = null;
  var STEP_MS = 900;

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function iso(d) {
    return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
  }
  function day(text) {
    var p = text.split("-");
    return new Date(Date.UTC(+p[0], +p[1] - 1, +p[2]));
  }
  function lastDay(y, m) { return pad(new Date(Date.UTC(+y, +m, 0)).getUTCDate()); }
  // "2020", "2020-11" or "2020-11-17" -> the first (or, for To, last) day it means.
  function parse(text, end) {
    var m = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$/.exec(text);
    if (!text.trim()) { return ""; }
    if (!m) { return null; }
    var y = m[1], mo = m[2] ? pad(+m[2]) : null, d = m[3] ? pad(+m[3]) : null;
    if (mo === null) { return y + (end ? "-12-31" : "-01-01"); }
    if (mo < "01" || mo > "12") { return null; }
    if (d === null) { return y + "-" + mo + "-" + (end ? lastDay(y, mo) : "01"); }
    return d >= "01" && d <= lastDay(y, mo) ? y + "-" + mo + "-" + d : null;
  }
  function periodOf(start, unit) {
    if (unit === "month") {
      var month = start.slice(0, 7);
      return [month + "-01", month + "-" + lastDay(month.slice(0, 4), month.slice(5, 7)), month];
    }
    if (unit === "week") {
      var d = day(start);
      d.setUTCDate(d.getUTCDate() - (d.getUTCDay() + 6) % 7);  // back to Monday
      var monday = iso(d);
      d.setUTCDate(d.getUTCDate() + 6);
      return [monday, iso(d), "week of " + monday];
    }
    return [start, start, start];
  }
  function buildSteps() {
    var seen = Object.create(null), list = [];  // keys are dates from the table
    var starts = Object.create(null);  // a big map has far fewer dates than incidents
    rows.forEach(function (r) {
      if (!r[F.start] || starts[r[F.start]]) { return; }
      starts[r[F.start]] = true;
      var p = periodOf(r[F.start], unitBox.value);
      if (!seen[p[0]]) { seen[p[0]] = true; list.push(p); }
    });
    list.sort(function (a, b) { return a[0] < b[0] ? -1 : (a[0] > b[0] ? 1 : 0); });
    steps = list;
    slider.max = String(Math.max(steps.length - 1, 0));
    slider.disabled = play.disabled = steps.length < 2;
  }
  function show() {
    fromBox.value = state.from;
    toBox.value = state.to;
    fromBox.classList.remove("im-invalid");
    toBox.classList.remove("im-invalid");
    if (state.step >= 0) {
      slider.value = String(state.step);
      label.textContent = steps[state.step][2] + " (" + (state.step + 1) + " of " +
        steps.length + ")";
    } else {
      var k = 0;
      while (k < steps.length - 1 && steps[k][1] < state.from) { k += 1; }
      slider.value = String(k);
      label.textContent = state.from === LOW && state.to === HIGH ? "all dates" :
        (state.from || "\u2026") + " \u2013 " + (state.to || "\u2026");
    }
  }
  function set(from, to, step) {
    state = {from: from, to: to, step: step};
    show();
    onChange();
  }
  function goTo(k) {
    if (!steps.length) { return; }
    k = Math.max(0, Math.min(k, steps.length - 1));
    set(steps[k][0], steps[k][1], k);
  }
  function stop() {
    if (timer !== null) { window.clearInterval(timer); timer = null; }
    play.textContent = "\u25b6";
    play.setAttribute("aria-label", "Play");
    play.title = "Play";
  }
  function start() {
    if (state.step < 0 || state.step >= steps.length - 1) { goTo(0); }
    play.textContent = "\u275a\u275a";
    play.setAttribute("aria-label", "Pause");
    play.title = "Pause";
    timer = window.setInterval(function () {
      if (state.step >= steps.length - 1) { stop(); } else { goTo(state.step + 1); }
    }, STEP_MS);
  }
  function typed(input, end) {
    var value = parse(input.value, end);
    if (value === null) {
      input.classList.add("im-invalid");
      input.title = "Write a date as YYYY-MM-DD (or YYYY-MM, YYYY)";
      return;
    }
    input.title = "";
    stop();
    var from = end ? state.from : value, to = end ? value : state.to;
    var k = steps.findIndex(function (s) { return s[0] === from && s[1] === to; });
    set(from, to, k);
  }
  fromBox.addEventListener("change", function () { typed(fromBox, false); });
  toBox.addEventListener("change", function () { typed(toBox, true); });
  slider.addEventListener("input", function () { goTo(+slider.value); });
  play.addEventListener("click", function () { if (timer === null) { start(); } else { stop(); } });
  unitBox.addEventListener("change", function () {
    var from = state.step >= 0 ? state.from : null;
    buildSteps();
    if (from === null) { show(); return; }
    var k = steps.findIndex(function (s) { return s[1] >= from; });
    goTo(k < 0 ? steps.length - 1 : k);
  });
  box.querySelector(".im-reset").addEventListener("click", function () {
    stop();
    set(LOW, HIGH, -1);
  });
  // Step by what the dates span: a few weeks by day, a year or so by week, else by month.
  var spanDays = LOW && HIGH ? (day(HIGH) - day(LOW)) / 864e5 : 0;
  unitBox.value = spanDays <= 62 ? "day" : (spanDays <= 400 ? "week" : "month");
  buildSteps();
  show();
  return {
    passes: function (r) {
      if (state.from && r[F.end] < state.from) { return false; }
      return !(state.to && r[F.start] > state.to);
    },
    steps: function () { return steps; },
    goTo: goTo, start: start, stop: stop,
    playing: function () { return timer !== null; }
  };
}
