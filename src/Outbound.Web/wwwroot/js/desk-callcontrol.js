// Soft-phone call control on the desk: hang up, hold/retrieve, transfer, consult, conference. Which buttons show is the
// desk machine's (desk.js); this words the call's status and the call's notices, and fills the colleague list.
(() => {
    const { connection, call, message, onState } = window.desk;
    const labels = window.callControlLabels;
    const $ = id => document.getElementById(id);

    const status = v => {
        const parts = [];
        if (v.held) parts.push(labels.held);
        if (v.consultWith) parts.push(labels.consulting.replace("{0}", v.consultWith) + (v.consultUp ? "" : " " + labels.ringing));
        if (v.conference) parts.push(labels.conference);
        $("call-status").textContent = parts.join(" · ");
        $("call-control").dataset.held = v.held;
        $("call-control").dataset.consult = v.consultWith ? (v.consultUp ? "up" : "ringing") : "none";
    };
    const fillTargets = async () => {
        const targets = await connection.invoke("TransferTargets");
        const select = $("transfer-agent");
        const chosen = select.value;
        select.replaceChildren(new Option(labels.chooseAgent, ""), ...targets.map(t => new Option(t.name, t.agentId)));
        select.value = targets.some(t => t.agentId === chosen) ? chosen : "";
    };
    let talking = false;
    onState(v => {
        status(v);
        const now = v.state === "talking" && v.callKind !== "internal";
        if (now && !talking) fillTargets();
        talking = now;
    });
    connection.on("callStatus", s => { if (s.notice) message("desk-error", labels.notices[s.notice] ?? s.notice); });

    const target = () => [$("transfer-agent").value || null, $("transfer-number").value.trim() || null];
    $("hang-up").onclick = () => call("HangUp");
    $("hold").onclick = () => call("Hold");
    $("retrieve").onclick = () => call("Retrieve");
    $("transfer").onclick = () => call("Transfer", ...target());
    $("consult").onclick = () => call("Consult", ...target());
    $("complete-transfer").onclick = () => call("CompleteTransfer");
    $("conference").onclick = () => call("Conference");
    $("cancel-consult").onclick = () => call("CancelConsult");
    $("transfer-agent").onfocus = fillTargets;
    document.addEventListener("keydown", e => {
        // F4 holds or retrieves (whichever is shown; F5 stays the browser's reload); F6 transfers, F7 consults.
        const key = { F4: $("hold").hidden ? "retrieve" : "hold", F6: "transfer", F7: "consult" }[e.key];
        if (!key || $(key).hidden) return;
        e.preventDefault();
        $(key).click();
    });
})();
