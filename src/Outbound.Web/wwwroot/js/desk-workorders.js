// The desk's work-order panel: the caller's orders on each screen pop, and opening an order from the call.
// It shares the desk's hub connection (window.desk) and only listens: the desk script owns the call.
(() => {
    const { api, labels } = window.workOrderPanel;
    const $ = id => document.getElementById(id);
    const token = () => document.querySelector("#wo-form input[name=__RequestVerificationToken]").value;
    let caller = null, types = [];

    const show = (id, on) => { $(id).hidden = !on; };
    const getJson = async url => { const r = await fetch(url, { credentials: "same-origin" }); return r.ok ? r.json() : []; };

    const renderOrders = orders => {
        const body = $("wo-caller").querySelector("tbody");
        body.replaceChildren(...orders.map(o => {
            const tr = document.createElement("tr");
            tr.dataset.order = o.id;
            tr.className = o.open ? "" : "muted";
            const link = document.createElement("a");
            link.href = `/WorkOrders/Details?id=${o.id}`; link.target = "_blank"; link.textContent = o.id;
            const cells = [link, o.subject, o.typeName, o.status, o.departmentName, o.created];
            for (const c of cells) { const td = document.createElement("td"); td.append(c ?? ""); tr.append(td); }
            const answer = document.createElement("td");
            answer.className = "wo-answer";
            answer.textContent = o.answer ? `${labels.answer}：${o.answer}` : "";
            tr.append(answer);
            return tr;
        }));
        show("wo-none", orders.length === 0);
    };

    const loadCaller = async () => {
        if (!caller?.phone) { renderOrders([]); return; }
        $("wo-phone").textContent = caller.phone;
        renderOrders(await getJson(`${api}?handler=Caller&phone=${encodeURIComponent(caller.phone)}`));
    };

    const renderFields = () => {
        const type = types.find(t => t.id === $("wo-type").value);
        const box = $("wo-fields");
        box.replaceChildren();
        document.dispatchEvent(new CustomEvent("workorder:type", { detail: { campaignId: caller?.campaignId, typeId: type?.id ?? null } }));
        if (!type) return;
        for (const f of type.fields) {
            const label = document.createElement("label");
            label.textContent = f.label + (f.required ? " *" : "");
            let input;
            if (f.kind === "Choice" && f.choices?.length) {
                input = document.createElement("select");
                input.append(new Option("", ""), ...f.choices.map(c => new Option(c, c)));
            } else {
                input = document.createElement("input");
                input.type = f.kind === "Date" ? "date" : "text";
            }
            input.dataset.field = f.key;
            label.append(input);
            box.append(label);
        }
    };

    const loadTypes = async campaignId => {
        types = campaignId ? await getJson(`${api}?handler=Types&campaign=${campaignId}`) : [];
        $("wo-type").replaceChildren(new Option(labels.chooseType, ""), ...types.map(t => new Option(`${t.name} → ${t.departmentName}`, t.id)));
        renderFields();
    };

    const onPop = p => {
        caller = { phone: p.phone, name: p.name, leadId: p.leadId, campaignId: p.campaignId, campaignKind: p.campaignKind };
        $("wo-customer").value = p.name ?? "";
        $("wo-phone-input").value = p.phone ?? "";
        show("wo-flash", false);
        loadCaller();
        loadTypes(p.campaignId);
    };

    $("wo-type").addEventListener("change", renderFields);
    $("wo-form").addEventListener("submit", async e => {
        e.preventDefault();
        show("wo-errors", false);
        const fields = {};
        $("wo-fields").querySelectorAll("[data-field]").forEach(i => { fields[i.dataset.field] = i.value; });
        const response = await fetch(`${api}?handler=Create`, {
            method: "POST", credentials: "same-origin",
            headers: { "Content-Type": "application/json", "RequestVerificationToken": token() },
            body: JSON.stringify({
                typeId: $("wo-type").value || "00000000-0000-0000-0000-000000000000", subject: $("wo-subject").value,
                description: $("wo-description").value, customerName: $("wo-customer").value || null, phone: $("wo-phone-input").value || null,
                leadId: caller?.leadId ?? null, campaignKind: caller?.campaignKind ?? null, fields,
            }),
        });
        const result = await response.json().catch(() => ({ errors: [String(response.status)] }));
        if (!response.ok) {
            $("wo-errors").replaceChildren(...result.errors.map(m => { const li = document.createElement("li"); li.textContent = m; return li; }));
            show("wo-errors", true);
            return;
        }
        $("wo-flash").textContent = result.message;
        show("wo-flash", true);
        $("wo-subject").value = ""; $("wo-description").value = "";
        $("wo-new").open = false;
        loadCaller();
    });

    const start = () => {
        const desk = window.desk;
        desk.connection.on("pop", onPop);
        desk.connection.on("workOrderNotice", n => {
            const badge = $("wo-notices");
            badge.textContent = `${n.text} · ${n.orderId} ${n.subject}`;
            show("wo-notices", true);
            if (caller) loadCaller();
        });
        desk.started.then(current => { if (current?.pop) onPop(current.pop); });
    };
    if (window.desk) start(); else document.addEventListener("DOMContentLoaded", start);
})();
