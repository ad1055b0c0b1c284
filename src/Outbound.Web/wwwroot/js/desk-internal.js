// Internal call (内部呼叫) on the desk: ring a colleague, answer or decline one, hang up. Shares desk.js's connection.
(() => {
    const { connection, call, message, onState } = window.desk;
    const labels = window.internalCallLabels;
    const $ = id => document.getElementById(id);
    const show = (id, on) => { $(id).hidden = !on; };
    let phase = null; // calling, ringing, talking, or null when there is no internal call

    const render = (peerName) => {
        show("call-colleague", !phase);
        $("colleague").disabled = !!phase;
        show("answer-colleague", phase === "ringing");
        show("decline-colleague", phase === "ringing");
        show("hangup-colleague", phase === "calling" || phase === "talking");
        $("internal-status").textContent = phase ? labels[phase].replace("{0}", peerName ?? "") : "";
        $("internal-call").dataset.phase = phase ?? "none";
    };
    const fillColleagues = async () => {
        const targets = await connection.invoke("TransferTargets");
        const select = $("colleague");
        const chosen = select.value;
        select.replaceChildren(new Option(labels.chooseColleague, ""), ...targets.map(t => new Option(t.name, t.agentId)));
        select.value = targets.some(t => t.agentId === chosen) ? chosen : "";
    };
    // When the bar shows is the desk machine's (desk.js); a desk without an internal call has no phase.
    onState(v => { if (v.callKind !== "internal" && phase) { phase = null; render(); } });

    connection.on("internalCall", c => {
        phase = c.phase === "ended" ? null : c.phase;
        render(c.peerName);
        if (c.phase === "ended" && c.outcome) message("desk-flash", labels.outcomes[c.outcome] ?? c.outcome);
    });
    $("call-colleague").onclick = () => call("CallColleague", $("colleague").value);
    $("answer-colleague").onclick = () => call("AnswerColleague");
    $("decline-colleague").onclick = () => call("DeclineColleague");
    $("hangup-colleague").onclick = () => call("HangUpColleague");
    $("colleague").onfocus = fillColleagues;
    document.addEventListener("keydown", e => {
        if (e.key !== "F8" || $("internal-call").hidden) return;
        e.preventDefault();
        (phase === "ringing" ? $("answer-colleague") : phase ? $("hangup-colleague") : $("call-colleague")).click();
    });
    window.desk.started.then(fillColleagues);
    render();
})();
