// Enhances the phone page: sends forms without a reload, shows "saved ✓"
// once the laptop has it on disk, and follows the room (step, invitation,
// countdown) through server-sent events. Without it the page is a plain form.
(function () {
  "use strict";
  if (!window.fetch || !window.EventSource || !window.URLSearchParams || !window.FormData) return;
  var body = document.body, state = null, offset = 0, mode = body.getAttribute("data-mode");

  function byId(id) { return document.getElementById(id); }
  function setText(id, v) { var e = byId(id); if (e && e.textContent !== v) e.textContent = v; }
  function status(msg, bad) {
    var e = byId("status"); if (!e) return;
    e.textContent = msg; e.className = bad ? "status error" : "status";
  }

  function pad(n) { return n < 10 ? "0" + n : "" + n; }
  function tick() {
    if (!state) return;
    var txt = "";
    if (state.deadline || state.paused) {
      var left = state.paused ? state.left : state.deadline - (Date.now() + offset);
      var over = left < 0, secs;
      if (over) { secs = Math.floor(-left / 1000); } else { secs = Math.ceil(left / 1000); }
      txt = Math.floor(secs / 60) + ":" + pad(secs % 60);
      if (over) txt = "+" + txt + " " + body.getAttribute("data-overtime");
      else if (state.paused) txt += " · " + body.getAttribute("data-paused");
    }
    setText("clock", txt);
  }

  // refresh fetches the page and swaps in its forms, keeping what was typed.
  function refresh(flash) {
    var typed = {};
    var areas = document.querySelectorAll("textarea");
    for (var i = 0; i < areas.length; i++) typed[areas[i].id] = areas[i].value;
    fetch(location.pathname, { credentials: "same-origin" }).then(function (r) { return r.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var fresh = doc.getElementById("main");
      if (!fresh) return;
      byId("main").replaceWith(fresh);
      mode = doc.body.getAttribute("data-mode");
      for (var id in typed) { var a = byId(id); if (a && typed[id]) a.value = typed[id]; }
      if (flash) status(flash, false);
      tick();
    }).catch(function () {});
  }

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (!form.hasAttribute("data-ajax")) return;
    ev.preventDefault();
    var data = new FormData(form);
    if (ev.submitter && ev.submitter.name) data.append(ev.submitter.name, ev.submitter.value);
    var buttons = form.querySelectorAll("button");
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
    status("…", false);
    fetch(form.action, {
      method: "POST", credentials: "same-origin",
      headers: { "Accept": "application/json" },
      body: new URLSearchParams(data)
    }).then(function (r) {
      return r.json().then(function (j) { return { ok: r.ok, j: j }; });
    }).then(function (res) {
      for (var i = 0; i < buttons.length; i++) buttons[i].disabled = false;
      status(res.j.message, !res.ok);
      if (res.ok && form.getAttribute("data-ajax") === "clear") {
        var t = form.querySelector("textarea"); if (t) { t.value = ""; t.focus(); }
      }
      if (res.j.reload) refresh(res.j.message);
    }).catch(function () {
      for (var i = 0; i < buttons.length; i++) buttons[i].disabled = false;
      status(body.getAttribute("data-offline") || "✗", true);
    });
  });

  var es = new EventSource("events");
  es.addEventListener("state", function (ev) {
    var s; try { s = JSON.parse(ev.data); } catch (e) { return; }
    state = s; offset = s.now - Date.now();
    setText("title", s.title); setText("invitation", s.invitation); setText("prompt", s.prompt);
    tick();
    if (s.mode !== mode) refresh("");
  });
  setInterval(tick, 250);
})();
