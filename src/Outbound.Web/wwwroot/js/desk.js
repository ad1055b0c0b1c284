// The agent desk: one SignalR connection to the AgentDeskHub. The server's desk machine owns the state and says which
// actions are allowed: this shows every [data-action] button only when its action is in the pushed list, and every
// [data-show-when] part when one of its actions is (and, with data-call, when the call is of that kind). No rules here.
(() => {
    const { hub, labels } = window.deskConfig;
    const $ = id => document.getElementById(id);
    const connection = new signalR.HubConnectionBuilder().withUrl(hub).withAutomaticReconnect().build();
    const listeners = { state: [], pop: [] };
    let view = null, acwTimer = null;

    const show = (id, on) => { $(id).hidden = !on; };
    const message = (id, text) => { $(id).textContent = text ?? ""; show(id, !!text); };
    const call = async (method, ...args) => {
        message("desk-error", "");
        try {
            const error = await connection.invoke(method, ...args);
            if (error) message("desk-error", error);
            return error;
        } catch (e) { message("desk-error", String(e)); return String(e); }
    };
    const rows = (id, items) => {
        $(id).querySelector("tbody").replaceChildren(...items.map(cells => {
            const tr = document.createElement("tr");
            cells.forEach((c, i) => { const td = document.createElement(i === 0 ? "th" : "td"); td.textContent = c ?? ""; tr.append(td); });
            return tr;
        }));
    };

    // "customer" is any call but an internal one; "none" is no call at all.
    const callMatches = (el, v) => {
        const wanted = el.dataset.call;
        if (!wanted) return true;
        const kind = v.callKind === null ? "none" : v.callKind === "internal" ? "internal" : "customer";
        return wanted.split(" ").includes(kind);
    };
    const applyActions = v => {
        const allowed = new Set(v.actions);
        document.querySelectorAll("[data-action]").forEach(el => { el.hidden = !allowed.has(el.dataset.action) || !callMatches(el, v); });
        document.querySelectorAll("[data-show-when]").forEach(el => {
            el.hidden = !el.dataset.showWhen.split(" ").some(a => allowed.has(a)) || !callMatches(el, v);
        });
    };
    const reasonText = r => labels.reasons[r] ?? r ?? "";
    const render = v => {
        view = v;
        $("state").textContent = labels.states[v.state] ?? v.state;
        $("state").dataset.state = v.state;
        // During a call, ready or not ready is what the desk returns to afterwards.
        const onCall = v.callKind !== null;
        $("state-reason").textContent = v.state === "not_ready" ? reasonText(v.reason)
            : onCall ? labels.afterCall.replace("{0}", v.presence === "not_ready" ? `${labels.notReady}（${reasonText(v.reason)}）` : labels.ready) : "";
        $("ready").textContent = onCall && v.state !== "after_call_work" ? labels.afterCall.replace("{0}", labels.ready) : labels.ready;
        $("not-ready").textContent = onCall && v.state !== "after_call_work" ? labels.afterCall.replace("{0}", labels.notReady) : labels.notReady;
        $("result-status").textContent = v.wrapUpOver && v.resultRequired ? labels.wrapUpOver
            : v.resultSaved ? labels.resultSaved : v.resultRequired ? labels.resultMissing : "";
        applyActions(v);
        countdown(v.wrapUpEndsAt);
        listeners.state.forEach(f => f(v));
    };
    const countdown = endsAt => {
        clearInterval(acwTimer);
        acwTimer = null;
        show("acw", !!endsAt);
        if (!endsAt) return;
        const tick = () => { $("acw-seconds").textContent = Math.max(0, Math.round((new Date(endsAt) - Date.now()) / 1000)); };
        tick();
        acwTimer = setInterval(tick, 1000);
    };

    connection.on("state", render);
    connection.on("pop", p => listeners.pop.forEach(f => f(p)));

    // Several campaigns at once (Ctrl/Shift to pick more): inbound and outbound together make a blended agent.
    $("login").onclick = () => call("LoginTo", [...$("campaign").selectedOptions].map(o => o.value));
    // Manual dial into the first outbound campaign selected; a compliance refusal shows its reason.
    $("manual-call").onclick = () => call("ManualDial", [...$("campaign").selectedOptions].map(o => o.value)
        .find(v => !$("campaign").querySelector(`option[value="${v}"]`).dataset.inbound) ?? "00000000-0000-0000-0000-000000000000", $("manual-number").value);
    $("ready").onclick = () => call("Ready");
    $("not-ready").onclick = () => call("NotReady", $("reason").value);
    $("logout").onclick = () => call("Logout");
    $("search").addEventListener("change", async () => {
        const found = await connection.invoke("Search", $("search").value);
        rows("search-results", found.map(l => [l.id, l.name, l.phoneE164, labels.pop.leadStatuses[l.status] ?? l.status, l.attempts]));
    });
    // A key works only where its button is shown.
    const press = id => { if (!$(id).hidden && !$(id).disabled) $(id).click(); };
    document.addEventListener("keydown", e => {
        const key = e.key === "F2" ? "ready" : e.key === "F3" ? "not-ready" : e.key === "F9" ? "hang-up"
            : e.key === "d" && e.ctrlKey ? "manual-call" : null;
        if (!key) return;
        e.preventDefault();
        press(key);
    });

    // The other desk scripts (screen pop, result form, call control, internal call) share the connection and the error line.
    window.desk = {
        connection, call, message, rows,
        onState: f => { listeners.state.push(f); if (view) f(view); },
        onPop: f => listeners.pop.push(f),
        view: () => view,
    };
    window.desk.started = connection.start().then(async () => {
        const current = await connection.invoke("Current");
        render(current.desk);
        if (current.pop) listeners.pop.forEach(f => f(current.pop, current.savedForm));
        return current;
    });
})();
