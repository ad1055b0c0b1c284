// The agent desk: one SignalR connection to the AgentDeskHub; the server owns the state.
(() => {
    const { hub, labels } = window.deskConfig;
    const $ = id => document.getElementById(id);
    const connection = new signalR.HubConnectionBuilder().withUrl(hub).withAutomaticReconnect().build();
    let pop = null, acwTimer = null, previewTimer = null;

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

    const setState = s => {
        $("state").textContent = labels.states[s.state] ?? s.state;
        $("state").dataset.state = s.state;
        $("state-reason").textContent = s.reason ? labels.reasons[s.reason] ?? s.reason : "";
        if (s.state !== "after_call_work") stopAcw();
    };
    const stopAcw = () => { clearInterval(acwTimer); acwTimer = null; show("acw", false); };
    const startAcw = seconds => {
        stopAcw();
        let left = seconds;
        $("acw-seconds").textContent = left;
        show("acw", true);
        acwTimer = setInterval(() => { left = Math.max(0, left - 1); $("acw-seconds").textContent = left; }, 1000);
    };

    // Survey with skip logic: from the first question, follow the chosen option's skipTo (or the next in order) until "end".
    const questionType = t => typeof t === "number" ? ["SingleChoice", "MultipleChoice", "Scale", "Text"][t] : t;
    const renderSurvey = q => {
        const box = $("survey-questions");
        box.replaceChildren();
        show("survey", !!q);
        if (!q) return;
        $("survey-title").textContent = q.title;
        for (const question of q.questions) {
            const div = document.createElement("div");
            div.className = "question";
            div.dataset.id = question.id;
            const title = document.createElement("p");
            title.textContent = question.text;
            div.append(title);
            const type = questionType(question.type);
            const options = type === "Scale"
                ? Array.from({ length: question.scaleMax - question.scaleMin + 1 }, (_, i) => String(question.scaleMin + i))
                : question.options ?? [];
            if (type === "Text") {
                const input = document.createElement("input");
                input.type = "text"; input.name = "q-" + question.id;
                div.append(input);
            } else for (const option of options) {
                const label = document.createElement("label");
                const input = document.createElement("input");
                input.type = type === "MultipleChoice" ? "checkbox" : "radio";
                input.name = "q-" + question.id; input.value = option;
                label.append(input, " " + option);
                div.append(label);
            }
            box.append(div);
        }
        box.oninput = () => applySkips(q);
        applySkips(q);
    };
    const answersOf = id => Array.from(document.querySelectorAll(`[name="q-${CSS.escape(id)}"]`))
        .filter(i => i.type === "text" ? i.value.trim() !== "" : i.checked).map(i => i.value.trim());
    const visibleQuestions = q => {
        const visible = [];
        let index = 0;
        while (index < q.questions.length && visible.length <= q.questions.length) {
            const question = q.questions[index];
            visible.push(question.id);
            const chosen = answersOf(question.id)[0];
            const jump = chosen !== undefined && question.skipTo ? question.skipTo[chosen] : undefined;
            if (jump === "end") break;
            index = jump ? q.questions.findIndex(x => x.id === jump) : index + 1;
            if (index < 0) break;
        }
        return visible;
    };
    const applySkips = q => {
        const visible = visibleQuestions(q);
        document.querySelectorAll("#survey-questions .question").forEach(div => { div.hidden = !visible.includes(div.dataset.id); });
    };

    const showPop = p => {
        pop = p;
        clearInterval(previewTimer);
        show("pop", true);
        $("pop-kind").textContent = labels.pop.kinds[p.kind] ?? p.kind;
        $("pop-name").textContent = p.name ?? "";
        $("pop-phone").textContent = p.phone;
        $("pop-campaign").textContent = p.campaignName;
        $("pop-script").textContent = p.script;
        rows("pop-fields", p.fields.map(f => [f.label, f.value]));
        const dispositionLabels = Object.fromEntries(p.dispositions.map(d => [d.code, d.label]));
        rows("pop-history", p.history.map(h => [new Date(h.at).toLocaleString(), labels.pop.historyKinds[h.kind] ?? h.kind,
            labels.pop.outcomes[h.outcome] ?? dispositionLabels[h.outcome] ?? h.outcome, dispositionLabels[h.disposition] ?? h.disposition,
            h.agentBot != null ? labels.pop.bot.replace("{0}", h.agentBot) : h.agentName ?? "", h.detail]));
        show("preview-actions", p.kind === "preview");
        if (p.kind === "preview" && p.countdownSeconds > 0) {
            let left = p.countdownSeconds;
            $("preview-countdown").textContent = left;
            previewTimer = setInterval(() => { left--; $("preview-countdown").textContent = Math.max(0, left); if (left <= 0) clearInterval(previewTimer); }, 1000);
        }
        const select = $("disposition");
        const none = new Option(labels.chooseDisposition, "");
        select.replaceChildren(none, ...p.dispositions.map(d => new Option(`${d.label} (${d.code})`, d.code)));
        show("collections", p.campaignKind === "Collections");
        renderSurvey(p.questionnaire);
        show("disposition-form", p.kind === "call");
        if (p.kind === "call") $("disposition").focus();
    };

    connection.on("state", setState);
    connection.on("pop", showPop);
    connection.on("ended", e => { show("disposition-form", true); startAcw(e.wrapUpSeconds); });

    const number = id => $(id).value === "" ? null : Number($(id).value);
    const text = id => $(id).value.trim() || null;
    $("disposition-form").addEventListener("submit", async e => {
        e.preventDefault();
        const survey = {};
        if (pop?.questionnaire) for (const id of visibleQuestions(pop.questionnaire)) {
            const a = answersOf(id);
            if (a.length) survey[id] = a;
        }
        const collections = pop?.campaignKind === "Collections";
        const error = await call("Dispose", {
            disposition: $("disposition").value || null,
            rightParty: collections ? $("right-party").checked : null,
            amountDue: collections ? number("amount-due") : null,
            promiseAmount: collections ? number("promise-amount") : null,
            promiseDate: collections ? text("promise-date") : null,
            paymentPlan: collections ? text("payment-plan") : null,
            refusalReason: collections ? text("refusal-reason") : null,
            surveyAnswers: survey,
            callbackAt: $("callback-at").value ? new Date($("callback-at").value).toISOString() : null,
            callbackMine: $("callback-mine").checked,
            note: text("note"),
            stayNotReady: null,
        });
        if (error) return;
        $("disposition-form").reset();
        show("disposition-form", false);
        show("pop", false);
        message("desk-flash", labels.saved);
        pop = null;
    });

    // Several campaigns at once (Ctrl/Shift to pick more): inbound and outbound together make a blended agent.
    $("login").onclick = () => call("LoginTo", [...$("campaign").selectedOptions].map(o => o.value));
    // Manual dial into the first outbound campaign selected; a compliance refusal shows its reason.
    $("manual-call").onclick = () => call("ManualDial", [...$("campaign").selectedOptions].map(o => o.value)
        .find(v => !$("campaign").querySelector(`option[value="${v}"]`).dataset.inbound) ?? "00000000-0000-0000-0000-000000000000", $("manual-number").value);
    $("ready").onclick = () => call("Ready");
    $("not-ready").onclick = () => call("NotReady", $("reason").value);
    $("logout").onclick = () => call("Logout");
    $("dial").onclick = () => { clearInterval(previewTimer); show("preview-actions", false); call("DialPreview"); };
    $("skip").onclick = () => { clearInterval(previewTimer); show("pop", false); call("SkipPreview"); };
    $("search").addEventListener("change", async () => {
        const found = await connection.invoke("Search", $("search").value);
        rows("search-results", found.map(l => [l.id, l.name, l.phoneE164, labels.pop.leadStatuses[l.status] ?? l.status, l.attempts]));
    });
    document.addEventListener("keydown", e => {
        if (e.key === "F2") { e.preventDefault(); $("ready").click(); }
        if (e.key === "F3") { e.preventDefault(); $("not-ready").click(); }
        if (e.key === "d" && e.ctrlKey) { e.preventDefault(); $("manual-call").click(); }
        if (e.key === "Enter" && e.ctrlKey && !$("disposition-form").hidden) { e.preventDefault(); $("submit-disposition").click(); }
    });

    // Other desk scripts (call control) share the connection and the error line.
    window.desk = { connection, call, message };
    window.desk.started = connection.start().then(async () => {
        const current = await connection.invoke("Current");
        if (!current) { setState({ state: "logged_out" }); return; }
        setState(current);
        if (current.pop) showPop(current.pop);
        if (current.awaitingDisposition) show("disposition-form", true);
        return current;
    });
})();
