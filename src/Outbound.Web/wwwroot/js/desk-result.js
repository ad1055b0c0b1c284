// The call's result on the desk: saved at any time once the customer answered, during the call or after it; saving again
// corrects it. In after-call work "save and ready" also closes it. The form is kept as typed until the call is over, and
// refilled from what was saved after a reload. Shares desk.js's connection.
(() => {
    const { call, message, onState, onPop, view } = window.desk;
    const { labels } = window.deskConfig;
    const $ = id => document.getElementById(id);
    let pop = null;

    // Survey with skip logic: from the first question, follow the chosen option's skipTo (or the next in order) until "end".
    const questionType = t => typeof t === "number" ? ["SingleChoice", "MultipleChoice", "Scale", "Text"][t] : t;
    const renderSurvey = q => {
        const box = $("survey-questions");
        box.replaceChildren();
        $("survey").hidden = !q;
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

    const pad = n => String(n).padStart(2, "0");
    const localInput = iso => { const d = new Date(iso); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`; };
    const refill = saved => {
        const set = (id, value) => { $(id).value = value ?? ""; };
        set("disposition", saved.disposition);
        set("note", saved.note);
        set("callback-at", saved.callbackAt ? localInput(saved.callbackAt) : "");
        $(saved.callbackMine || !saved.callbackAt ? "callback-mine" : "callback-anyone").checked = true;
        $("right-party").checked = !!saved.rightParty;
        set("amount-due", saved.amountDue);
        set("promise-amount", saved.promiseAmount);
        set("promise-date", saved.promiseDate);
        set("payment-plan", saved.paymentPlan);
        set("refusal-reason", saved.refusalReason);
        for (const [id, values] of Object.entries(saved.surveyAnswers ?? {}))
            document.querySelectorAll(`[name="q-${CSS.escape(id)}"]`).forEach(i => {
                if (i.type === "text") i.value = values[0] ?? ""; else i.checked = values.includes(i.value);
            });
        if (pop?.questionnaire) applySkips(pop.questionnaire);
    };

    onPop((p, saved) => {
        if (p.kind !== "call") return;
        pop = p;
        $("disposition-form").reset();
        const select = $("disposition");
        select.replaceChildren(new Option(labels.chooseDisposition, ""), ...p.dispositions.map(d => new Option(`${d.label} (${d.code})`, d.code)));
        $("collections").hidden = p.campaignKind !== "Collections";
        renderSurvey(p.questionnaire);
        if (saved) refill(saved);
    });
    onState(v => {
        if (v.callKind === null) { pop = null; $("disposition-form").reset(); }
        // In after-call work saving can also close it; during the call it only saves.
        $("submit-disposition").hidden = v.state !== "after_call_work" || !v.actions.includes("save_result");
        $("save-result").classList.toggle("primary", v.state !== "after_call_work");
    });

    const number = id => $(id).value === "" ? null : Number($(id).value);
    const text = id => $(id).value.trim() || null;
    $("disposition-form").addEventListener("submit", async e => {
        e.preventDefault();
        const andReady = e.submitter?.id === "submit-disposition";
        const survey = {};
        if (pop?.questionnaire) for (const id of visibleQuestions(pop.questionnaire)) {
            const a = answersOf(id);
            if (a.length) survey[id] = a;
        }
        const collections = pop?.campaignKind === "Collections";
        const error = await call("SaveResult", {
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
        });
        if (error) return;
        message("desk-flash", labels.saved);
        if (andReady) await call(view()?.presence === "not_ready" ? "NotReady" : "Ready", ...(view()?.presence === "not_ready" ? [view().reason] : []));
    });
    document.addEventListener("keydown", e => {
        const id = e.key === "Enter" && e.ctrlKey ? "submit-disposition" : e.key === "s" && e.ctrlKey ? "save-result" : null;
        if (!id || $("disposition-form").hidden || $(id).hidden) return;
        e.preventDefault();
        $(id).click();
    });
})();
