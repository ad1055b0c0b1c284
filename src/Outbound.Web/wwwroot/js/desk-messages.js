// Agent ↔ supervisor messages: the list of recent ones, new ones pushed as they are sent, and the send form.
(() => {
    const { hub, supervisor } = window.deskMessagesConfig;
    const $ = id => document.getElementById(id);
    const connection = new signalR.HubConnectionBuilder().withUrl(hub).withAutomaticReconnect().build();
    const names = () => new Map([...document.querySelectorAll("#agents tr[data-agent]")].map(tr => [tr.dataset.agent, tr.cells[0].textContent]));
    const add = m => {
        const tr = document.createElement("tr");
        tr.dataset.message = m.id;
        const who = id => names().get(id) ?? (id ?? "").slice(0, 8);
        [new Date(m.sentAt).toLocaleTimeString(), who(m.sender), m.body].forEach(t => {
            const td = document.createElement("td"); td.textContent = t; tr.append(td);
        });
        $("message-list").tBodies[0].append(tr);
    };
    if (supervisor) {
        // The agent choices follow the wallboard's agent rows.
        $("message-target").addEventListener("focus", () => {
            const group = $("message-agents");
            const chosen = $("message-target").value;
            group.replaceChildren(...[...names()].map(([id, name]) => new Option(name, "agent:" + id)));
            $("message-target").value = chosen;
        });
    }
    $("message-form").addEventListener("submit", async e => {
        e.preventDefault();
        const text = $("message-text").value;
        let error;
        if (!supervisor) error = await connection.invoke("ToSupervisors", text);
        else {
            const [kind, id] = ($("message-target").value || ":").split(/:(.*)/s);
            error = kind === "campaign" ? await connection.invoke("ToCampaign", id, text) : await connection.invoke("ToAgent", id, text);
        }
        $("message-error").textContent = error ?? "";
        if (!error) $("message-text").value = "";
    });
    connection.on("message", add);
    connection.start().then(async () => (await connection.invoke("Recent")).forEach(add));
})();
