// Screen pop (来电弹屏) on the desk: the lead of the call or preview on screen, its script filled from the lead's fields
// (a field the lead lacks is marked, not left as {braces}), its fields and contact history. Shares desk.js's connection.
(() => {
    const { call, rows, onState, onPop } = window.desk;
    const { labels } = window.deskConfig;
    const $ = id => document.getElementById(id);
    let previewTimer = null;

    const script = parts => $("pop-script").replaceChildren(...parts.map(p => {
        if (!p.missing) return document.createTextNode(p.text);
        const mark = document.createElement("mark");
        mark.className = "missing-field";
        mark.dataset.field = p.text;
        mark.title = labels.missingFieldHint;
        mark.textContent = labels.missingField.replace("{0}", p.label ?? p.text);
        return mark;
    }));
    const stopCountdown = () => { clearInterval(previewTimer); previewTimer = null; $("preview-countdown").textContent = ""; };

    onPop(p => {
        stopCountdown();
        $("pop").hidden = false;
        $("pop").dataset.kind = p.kind;
        $("pop-kind").textContent = labels.popKinds[p.kind] ?? "";
        $("pop-name").textContent = p.name ?? "";
        $("pop-phone").textContent = p.phone;
        $("pop-campaign").textContent = p.campaignName;
        script(p.script);
        rows("pop-fields", p.fields.map(f => [f.label, f.value]));
        const dispositionLabels = Object.fromEntries(p.dispositions.map(d => [d.code, d.label]));
        rows("pop-history", p.history.map(h => [new Date(h.at).toLocaleString(), labels.pop.historyKinds[h.kind] ?? h.kind,
            labels.pop.outcomes[h.outcome] ?? dispositionLabels[h.outcome] ?? h.outcome, dispositionLabels[h.disposition] ?? h.disposition,
            h.agentBot != null ? labels.pop.bot.replace("{0}", h.agentBot) : h.agentName ?? "", h.detail]));
        if (p.kind === "preview" && p.countdownSeconds > 0) {
            let left = p.countdownSeconds;
            $("preview-countdown").textContent = left;
            previewTimer = setInterval(() => { left--; $("preview-countdown").textContent = Math.max(0, left); if (left <= 0) stopCountdown(); }, 1000);
        }
    });
    // The lead leaves the screen with its call (after-call work closed, preview skipped or not answered).
    onState(v => {
        if (v.callKind === null || v.callKind === "internal") { $("pop").hidden = true; stopCountdown(); }
        if (v.state !== "reserved") stopCountdown();
    });
    $("dial").onclick = () => { stopCountdown(); call("DialPreview"); };
    $("skip").onclick = () => { stopCountdown(); call("SkipPreview"); };
})();
