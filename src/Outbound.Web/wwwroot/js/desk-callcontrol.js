// Soft-phone call control on the desk: hold/retrieve, transfer, consult, conference. Shares desk.js's connection.
(() => {
    const { connection, call, message } = window.desk;
    const labels = window.callControlLabels;
    const $ = id => document.getElementById(id);
    const show = (id, on) => { $(id).hidden = !on; };
    let status = { held: false, consultWith: null, consultUp: false, conference: false };

    const render = () => {
        const consulting = !!status.consultWith;
        show("hold", !status.held);
        show("retrieve", status.held && !consulting);
        show("complete-transfer", consulting && status.consultUp);
        show("conference", consulting && status.consultUp && !status.conference);
        show("cancel-consult", consulting);
        $("transfer").disabled = $("consult").disabled = consulting;
        const parts = [];
        if (status.held) parts.push(labels.held);
        if (consulting) parts.push(labels.consulting.replace("{0}", status.consultWith) + (status.consultUp ? "" : " " + labels.ringing));
        if (status.conference) parts.push(labels.conference);
        $("call-status").textContent = parts.join(" · ");
        $("call-control").dataset.held = status.held;
        $("call-control").dataset.consult = consulting ? (status.consultUp ? "up" : "ringing") : "none";
    };
    const fillTargets = async () => {
        const targets = await connection.invoke("TransferTargets");
        const select = $("transfer-agent");
        const chosen = select.value;
        select.replaceChildren(new Option(labels.chooseAgent, ""), ...targets.map(t => new Option(t.name, t.agentId)));
        select.value = targets.some(t => t.agentId === chosen) ? chosen : "";
    };
    const onState = s => {
        const onCall = s.state === "on_call" && s.reason !== "internal"; // an internal call has its own bar
        show("call-control", onCall);
        if (!onCall) status = { held: false, consultWith: null, consultUp: false, conference: false };
        else fillTargets();
        render();
    };

    connection.on("state", onState);
    connection.on("callStatus", s => {
        status = s;
        render();
        if (s.notice) message("desk-error", labels.notices[s.notice] ?? s.notice);
    });
    const target = () => [$("transfer-agent").value || null, $("transfer-number").value.trim() || null];
    const act = async (method, ...args) => { if (!await call(method, ...args)) render(); };
    $("hold").onclick = () => act("Hold");
    $("retrieve").onclick = () => act("Retrieve");
    $("transfer").onclick = () => act("Transfer", ...target());
    $("consult").onclick = () => act("Consult", ...target());
    $("complete-transfer").onclick = () => act("CompleteTransfer");
    $("conference").onclick = () => act("Conference");
    $("cancel-consult").onclick = () => act("CancelConsult");
    $("transfer-agent").onfocus = fillTargets;
    document.addEventListener("keydown", e => {
        if ($("call-control").hidden) return;
        // F4 toggles hold (F5 stays the browser's reload); F6 transfers, F7 consults.
        const key = { F4: $("hold").hidden ? "retrieve" : "hold", F6: "transfer", F7: "consult" }[e.key];
        if (!key) return;
        e.preventDefault();
        if (!$(key).hidden && !$(key).disabled) $(key).click();
    });
    window.desk.started.then(current => { if (current) onState(current); });
})();
