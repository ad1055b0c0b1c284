// Campaign setup: turns the hidden JSON inputs (data-editor=…) into small row editors and writes the
// JSON back before the form posts. The server validates everything; this only edits.
(() => {
  "use strict";
  const host = document.getElementById("campaign-fields");
  if (!host) return;
  const T = JSON.parse(host.dataset.editorTexts);

  // An inbound campaign's caller id is the hotline number customers call: the label follows the kind chosen.
  const kind = host.querySelector("select[name$='Kind']");   // Kind or Form.Kind, as the page binds it
  const callerIdLabel = document.getElementById("caller-id-label");
  kind?.addEventListener("change", () => {
    callerIdLabel.textContent = kind.value === "Inbound" ? callerIdLabel.dataset.inbound : callerIdLabel.dataset.outbound;
  });

  const el = (tag, props = {}, ...children) => {
    const e = Object.assign(document.createElement(tag), props);
    children.forEach(c => e.append(c));
    return e;
  };
  const input = (value, props = {}) => el("input", { type: "text", value: value ?? "", ...props });
  const check = (checked, label) => { const box = el("input", { type: "checkbox", checked: !!checked }); return [box, el("label", { className: "check" }, box, " " + label)]; };
  const select = (choices, value) => {
    const s = el("select");
    choices.forEach(c => s.append(el("option", { value: c.value, textContent: c.text, selected: c.value === value })));
    return s;
  };
  const removeButton = (row, refresh) => el("button", { type: "button", textContent: T.remove, onclick: () => { row.remove(); refresh?.(); } });

  // A list of flat rows: build(item) returns { row, read() }.
  function listEditor(hidden, items, build, blank) {
    const rows = el("div", { className: "rows" });
    const readers = new Map();
    const add = item => {
      const { row, read } = build(item);
      row.classList.add("row");
      row.append(removeButton(row, () => readers.delete(row)));
      readers.set(row, read);
      rows.append(row);
    };
    items.forEach(add);
    hidden.after(rows, el("button", { type: "button", textContent: T.add, onclick: () => add(blank()) }));
    return () => [...rows.children].map(r => readers.get(r)()).filter(Boolean);
  }

  const editors = {
    windows(hidden) {
      return listEditor(hidden, JSON.parse(hidden.value || "[]"), w => {
        const day = select(T.days, w.day), start = input(w.start, { type: "time" }), end = input(w.end, { type: "time" });
        return { row: el("div", {}, day, start, "–", end), read: () => ({ day: day.value, start: start.value, end: end.value }) };
      }, () => ({ day: "Monday", start: "09:00", end: "12:00" }));
    },
    retry(hidden) {
      const map = JSON.parse(hidden.value || "{}");
      const read = listEditor(hidden, Object.entries(map).map(([outcome, minutes]) => ({ outcome, minutes })), r => {
        const outcome = select(T.outcomes, r.outcome), minutes = input(r.minutes, { type: "number", min: 1 });
        return { row: el("div", {}, outcome, minutes, " " + T.minutes), read: () => ({ outcome: outcome.value, minutes: Number(minutes.value) }) };
      }, () => ({ outcome: "Busy", minutes: 10 }));
      return () => Object.fromEntries(read().map(r => [r.outcome, r.minutes]));
    },
    fields(hidden) {
      return listEditor(hidden, JSON.parse(hidden.value || "[]"), f => {
        const key = input(f.key, { placeholder: T.key }), label = input(f.label, { placeholder: T.label }), type = select(T.fieldTypes, f.type);
        const [req, reqLabel] = check(f.required, T.required);
        return { row: el("div", {}, key, label, type, reqLabel), read: () => ({ key: key.value.trim(), label: label.value.trim(), type: type.value, required: req.checked }) };
      }, () => ({ key: "", label: "", type: "Text", required: false }));
    },
    dispositions(hidden) {
      return listEditor(hidden, JSON.parse(hidden.value || "[]"), d => {
        const code = input(d.code, { placeholder: T.key }), label = input(d.label, { placeholder: T.label });
        const flags = [["isContact", T.isContact], ["isRightPartyContact", T.isRpc], ["isFinal", T.isFinal], ["isPromiseToPay", T.isPtp]]
          .map(([name, text]) => [name, ...check(d[name], text)]);
        return {
          row: el("div", {}, code, label, ...flags.map(f => f[2])),
          read: () => Object.fromEntries([["code", code.value.trim()], ["label", label.value.trim()], ...flags.map(([name, box]) => [name, box.checked])]),
        };
      }, () => ({ code: "", label: "", isContact: true, isRightPartyContact: false, isFinal: true, isPromiseToPay: false }));
    },
    questionnaire(hidden) {
      const q = JSON.parse(hidden.value || "null");
      const [enabled, enabledLabel] = check(q !== null, T.hasQuestionnaire);
      const title = input(q?.title, { placeholder: T.questionnaireTitle, className: "wide" });
      const list = el("div");
      const readers = new Map();
      const addQuestion = item => {
        const id = input(item.id, { placeholder: T.questionId }), text = input(item.text, { placeholder: T.questionText, className: "wide" });
        const type = select(T.questionTypes, item.type);
        const options = el("textarea", { value: (item.options || []).join("\n"), placeholder: T.options, rows: 3 });
        const min = input(item.scaleMin ?? 1, { type: "number" }), max = input(item.scaleMax ?? 5, { type: "number" });
        const skip = el("textarea", { value: Object.entries(item.skipTo || {}).map(([a, t]) => `${a}=${t}`).join("\n"), placeholder: T.skipTo, rows: 2 });
        const box = el("div", { className: "question" },
          el("div", { className: "rows" }, el("div", { className: "row" }, id, text, type, T.scale, min, "–", max)),
          el("label", {}, T.options, options), el("label", {}, T.skipTo, skip));
        box.append(removeButton(box, () => readers.delete(box)));
        readers.set(box, () => ({
          id: id.value.trim(), text: text.value.trim(), type: type.value,
          options: options.value.split("\n").map(s => s.trim()).filter(Boolean),
          scaleMin: Number(min.value), scaleMax: Number(max.value),
          skipTo: Object.fromEntries(skip.value.split("\n").map(s => s.trim()).filter(Boolean)
            .map(line => [line.slice(0, line.indexOf("=")).trim(), line.slice(line.indexOf("=") + 1).trim()])),
        }));
        list.append(box);
      };
      (q?.questions || []).forEach(addQuestion);
      const body = el("div", {}, el("label", {}, T.questionnaireTitle, title), list,
        el("button", { type: "button", textContent: T.addQuestion, onclick: () => addQuestion({ type: "SingleChoice", options: [] }) }));
      const toggle = () => { body.hidden = !enabled.checked; };
      enabled.addEventListener("change", toggle);
      hidden.after(enabledLabel, body);
      toggle();
      return () => enabled.checked ? { title: title.value.trim(), questions: [...list.children].map(b => readers.get(b)()) } : null;
    },
  };

  const readers = [...document.querySelectorAll("input[data-editor]")].map(hidden => [hidden, editors[hidden.dataset.editor](hidden)]);
  host.closest("form").addEventListener("submit", () => readers.forEach(([hidden, read]) => { hidden.value = JSON.stringify(read()); }));
})();
