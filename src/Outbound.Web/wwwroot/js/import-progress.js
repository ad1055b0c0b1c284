// The upload page's progress bar: polls the job's JSON until it completes or fails, then shows the counts and links
// and refreshes the page's imports table, which was drawn before this import existed.
(() => {
  "use strict";
  const panel = document.getElementById("import-progress");
  if (!panel) return;
  const part = k => panel.querySelector(`[data-k="${k}"]`);
  const texts = JSON.parse(part("texts").innerHTML);
  const bar = panel.querySelector("progress");

  async function poll() {
    const response = await fetch(panel.dataset.jobUrl, { headers: { Accept: "application/json" } });
    if (!response.ok) { part("status").textContent = texts.failed + response.status; return; }
    const job = await response.json();
    bar.value = job.fraction;
    if (job.state === "Completed") {
      bar.value = 1;
      part("status").textContent = texts.done;
      for (const k of ["rows", "imported", "rejected", "duplicates", "dnc"]) part(k).textContent = job[k];
      part("result").hidden = false;
    } else if (job.state === "Failed") {
      part("status").textContent = texts.failed + (job.error || "");
      part("status").classList.add("error");
    } else {
      part("status").textContent = `${texts.running} · ${job.rowsRead}`;
      setTimeout(poll, 500);
      return;
    }
    if (job.importId) {
      part("view").href = `/Campaigns/Import/${job.importId}`;
      part("rejects").href = `/Campaigns/Import/${job.importId}?handler=Rejects`;
      part("links").hidden = false;
    }
    refreshHistory();
  }

  async function refreshHistory() {
    const history = document.getElementById("import-history");
    const response = await fetch(history.dataset.historyUrl, { headers: { Accept: "text/html" } });
    if (response.ok) history.querySelector('[data-k="history"]').innerHTML = await response.text();
  }
  poll();
})();
