// Live progress of a batch's page: asks the batch's progress (a few
// counters, GET …/progress) every second, updates the numbers and the bar,
// and reloads the page once the batch is finished (to show the results).
// Without JavaScript the page refreshes itself (<meta http-equiv=refresh>).
(function () {
  var box = document.querySelector("[data-progress]");
  if (!box) return;
  var url = box.getAttribute("data-progress");
  var bar = box.querySelector("progress");
  function set(k, v) {
    var els = box.querySelectorAll('[data-k="' + k + '"]');
    for (var i = 0; i < els.length; i++) els[i].textContent = String(v);
  }
  function tick() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (p) {
        set("processed", p.processed); set("total", p.total); set("issued", p.issued);
        set("skipped", p.skipped); set("failed", p.failed); set("pending", p.total - p.processed);
        if (bar) { bar.max = p.total || 1; bar.value = p.processed; }
        if (p.status === "done" || p.status === "failed") {
          var u = new URL(window.location.href);
          u.searchParams.delete("done"); // the confirmation was said once
          window.location.replace(u.toString());
          return;
        }
        setTimeout(tick, 1000);
      })
      .catch(function () { setTimeout(tick, 3000); });
  }
  setTimeout(tick, 1000);
})();
