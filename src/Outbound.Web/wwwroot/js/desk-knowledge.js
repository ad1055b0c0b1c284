// The desk's knowledge panel: suggestions for the campaign on screen and the order type being filled, search as the agent
// types (debounced), and flagging an article for its owner. It listens to the desk's hub connection (window.desk).
(() => {
    const { api, labels } = window.knowledgePanel;
    const $ = id => document.getElementById(id);
    const token = () => document.querySelector("#kb-panel input[name=__RequestVerificationToken]").value;
    let campaignId = null, typeId = null, timer = null, seq = 0;

    const show = (id, on) => { $(id).hidden = !on; };
    const getJson = async url => { const r = await fetch(url, { credentials: "same-origin" }); return r.ok ? r.json() : null; };

    const flagForm = hit => {
        const form = document.createElement("form");
        form.className = "toolbar";
        const kind = document.createElement("select");
        kind.append(new Option(labels.wrong, "wrong"), new Option(labels.outdated, "outdated"));
        const note = document.createElement("input");
        note.placeholder = labels.note; note.maxLength = 1000;
        const send = document.createElement("button");
        send.className = "button"; send.textContent = labels.flag;
        form.append(kind, note, send);
        form.addEventListener("submit", async e => {
            e.preventDefault();
            const r = await fetch(`${api}?handler=Flag`, {
                method: "POST", credentials: "same-origin",
                headers: { "Content-Type": "application/json", "RequestVerificationToken": token() },
                body: JSON.stringify({ article: hit.id, kind: kind.value, note: note.value }),
            });
            const result = await r.json().catch(() => ({ message: String(r.status) }));
            $("kb-panel-flash").textContent = result.message;
            show("kb-panel-flash", true);
            form.remove();
        });
        return form;
    };

    const render = (hits, heading) => {
        $("kb-panel-heading").textContent = heading;
        $("kb-panel-results").replaceChildren(...hits.map(h => {
            const li = document.createElement("li");
            li.dataset.article = h.id;
            const link = document.createElement("a");
            link.href = `/Knowledge/Article?id=${h.id}`; link.target = "_blank"; link.textContent = h.title;
            link.className = "kb-title";
            const meta = document.createElement("span");
            meta.className = "muted";
            meta.textContent = ` ${h.categoryName} · ${h.effective}${h.reviewDue ? " · " + labels.reviewDue : ""}`;
            const snippet = document.createElement("p");
            snippet.textContent = h.snippet;
            const flag = document.createElement("button");
            flag.type = "button"; flag.className = "link"; flag.textContent = labels.flag;
            flag.onclick = () => { if (!li.querySelector("form")) li.append(flagForm(h)); };
            li.append(link, meta, " ", flag, snippet);
            return li;
        }));
        if (hits.length === 0) $("kb-panel-results").textContent = labels.none;
    };

    const suggest = async () => {
        if (!campaignId || $("kb-panel-query").value.trim()) return;
        const hits = await getJson(`${api}?handler=Suggest&campaign=${campaignId}${typeId ? `&type=${typeId}` : ""}`);
        if (hits) render(hits, labels.suggested);
    };

    const search = async () => {
        const q = $("kb-panel-query").value.trim();
        show("kb-panel-problem", false);
        if (!q) { suggest(); return; }
        const mine = ++seq;
        const result = await getJson(`${api}?handler=Search&q=${encodeURIComponent(q)}${campaignId ? `&campaign=${campaignId}` : ""}`);
        if (!result || mine !== seq) return; // a later keystroke's answer wins
        if (result.problem) { $("kb-panel-problem").textContent = result.problem; show("kb-panel-problem", true); }
        render(result.hits, q);
    };

    $("kb-panel-query").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 250); });
    document.addEventListener("workorder:type", e => { typeId = e.detail.typeId; campaignId = e.detail.campaignId ?? campaignId; suggest(); });

    const start = () => {
        const desk = window.desk;
        desk.connection.on("pop", p => { campaignId = p.campaignId; typeId = null; suggest(); });
        desk.started.then(current => {
            campaignId = current?.pop?.campaignId ?? current?.campaignId ?? document.getElementById("campaign")?.value ?? null;
            suggest();
        });
    };
    if (window.desk) start(); else document.addEventListener("DOMContentLoaded", start);
})();
