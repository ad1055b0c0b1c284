// The supervisor wallboard: agent rows pushed on every state change, campaign figures and any database outage every two
// seconds, interventions as they happen.
(() => {
    const { hub, labels } = window.wallboardConfig;
    const reasonOf = r => r ? labels.reasons[r] ?? r : "";
    // The call center's wall clock, as the log's first rows are written by the server (sv-SE formats as yyyy-MM-dd HH:mm:ss).
    const centerTime = new Intl.DateTimeFormat("sv-SE", { timeZone: labels.timeZone, year: "numeric", month: "2-digit", day: "2-digit",
        hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
    const agents = new Map();
    const campaigns = new Map();
    const connection = new signalR.HubConnectionBuilder().withUrl(hub).withAutomaticReconnect().build();
    const clock = ms => { const s = Math.max(0, Math.floor(ms / 1000)); return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`; };

    const button = (text, action, agentId) => {
        const b = document.createElement("button");
        b.type = "button"; b.className = "button"; b.textContent = text; b.dataset.action = action;
        b.onclick = () => connection.invoke("Force", agentId, action, null);
        return b;
    };
    // Monitoring a live call: the supervisor's phone joins it; a refusal is shown above the table.
    const monitorButton = (action, agentId) => {
        const b = document.createElement("button");
        b.type = "button"; b.className = "button"; b.textContent = labels.monitor[action]; b.dataset.action = action;
        b.onclick = async () => {
            const error = await connection.invoke("Monitor", agentId, action);
            const line = document.getElementById("wallboard-error");
            line.textContent = error ?? ""; line.hidden = !error;
        };
        return b;
    };
    const render = () => {
        const body = document.querySelector("#agents tbody");
        body.replaceChildren(...[...agents.values()].map(a => {
            const tr = document.createElement("tr");
            tr.dataset.agent = a.agentId;
            tr.dataset.state = a.state;
            const cell = t => { const td = document.createElement("td"); td.textContent = t ?? ""; return td; };
            const time = cell(clock(Date.now() - Date.parse(a.since)));
            time.className = "since";
            const actions = document.createElement("td");
            if (a.state !== "logged_out")
                actions.append(button(labels.forceNotReady, "force_not_ready", a.agentId), button(labels.forceReady, "force_ready", a.agentId),
                    button(labels.forceLogout, "force_logout", a.agentId));
            if (a.state === "on_call" && a.reason !== "internal") // monitoring is of customer calls
                actions.append(...Object.keys(labels.monitor).map(action => monitorButton(action, a.agentId)));
            tr.append(cell(a.name), cell(labels.states[a.state] ?? a.state), cell(reasonOf(a.reason)), time, actions);
            return tr;
        }));
    };
    const renderCampaigns = () => {
        document.querySelector("#campaigns tbody").replaceChildren(...[...campaigns.values()].map(c => {
            const tr = document.createElement("tr");
            const f = c.figures;
            [c.code, labels.statuses[f.status] ?? f.status, Object.entries(f.agents).map(([k, v]) => `${labels.states[k] ?? k} ${v}`).join(" · "),
             `${f.callsPlaced} / ${f.callsCompleted}`, `${(f.abandonRate * 100).toFixed(2)} %`].forEach(t => {
                const td = document.createElement("td"); td.textContent = t; tr.append(td);
            });
            return tr;
        }));
    };
    connection.on("outage", o => {
        const banner = document.getElementById("wallboard-outage");
        const text = !o ? ""
            : o.databaseDown ? labels.databaseDown.replace("{since}", o.since ? new Date(o.since).toLocaleTimeString() : "–").replace("{kept}", o.recordsKept)
            : labels.replaying.replace("{kept}", o.recordsKept);
        banner.textContent = text;
        banner.hidden = !text;
    });
    connection.on("agent", a => { agents.set(a.agentId, a); render(); });
    connection.on("campaign", c => { campaigns.set(c.code, c); renderCampaigns(); });
    connection.on("intervention", i => {
        const tr = document.createElement("tr");
        tr.dataset.action = i.action;
        [centerTime.format(new Date(i.at)), i.supervisor, i.agent, labels.actions[i.action] ?? i.action, reasonOf(i.reason)]
            .forEach(t => { const td = document.createElement("td"); td.textContent = t ?? ""; tr.append(td); });
        const body = document.querySelector("#log tbody");
        body.prepend(tr);
        while (body.rows.length > 20) body.deleteRow(-1);
    });
    const queues = new Map();
    connection.on("queue", q => {
        queues.set(q.campaignId, q);
        document.querySelector("#queues tbody").replaceChildren(...[...queues.values()].map(x => {
            const tr = document.createElement("tr");
            tr.dataset.queue = x.campaignId;
            [x.code, x.waiting, x.longestWaitSeconds, x.answered, x.abandoned, x.overflowed].forEach(t => {
                const td = document.createElement("td"); td.textContent = t; tr.append(td);
            });
            return tr;
        }));
    });
    setInterval(() => document.querySelectorAll("#agents tr[data-agent]").forEach(tr => {
        const a = agents.get(tr.dataset.agent);
        if (a) tr.querySelector(".since").textContent = clock(Date.now() - Date.parse(a.since));
    }), 1000);
    connection.start().then(async () => {
        for (const a of await connection.invoke("Watch")) agents.set(a.agentId, a);
        render();
    });
})();
