// foitag serve: send one document to /api/classify and show the report. No libraries, no
// network beyond this server.
"use strict";

const STATUS_HELP = {
  cited: "relied on by the letter",
  procedural: "a section on how requests are handled",
  hypothetical: "a possibility, not a decision",
  negated: "considered and ruled out",
  explanatory: "explains the law",
  historical: "an earlier decision",
  reported: "reported, not decided",
  provisional: "not yet decided",
  quoted: "quoted from the request or an earlier e-mail",
  boilerplate: "footer, signature or page furniture",
  "other-act": "a section of another Act",
  ncnd: "the words that neither confirm nor deny",
};

const $ = (id) => document.getElementById(id);
let last = null; // { report, csv, name }

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = false;
  // The result below belongs to an earlier document: hide it so the two are not confused.
  $("result").hidden = true;
  box.scrollIntoView({ block: "center" });
}

async function send(body, name) {
  $("error").hidden = true;
  $("busy").hidden = false;
  $("classify").disabled = true;
  const q = name ? "?filename=" + encodeURIComponent(name) : "";
  try {
    const res = await fetch("/api/classify" + q, { method: "POST", body });
    const data = await res.json().catch(() => ({ error: "the server's answer was not JSON (status " + res.status + ")" }));
    if (!res.ok) {
      showError("Could not classify " + (name || "the pasted text") + ": " + (data.error || "status " + res.status) + " (HTTP " + res.status + ")");
      return;
    }
    last = { report: data, csv: null, name };
    render(data);
    // The CSV row as the command line writes it, fetched once for the export buttons.
    fetch("/api/classify?format=csv" + (name ? "&filename=" + encodeURIComponent(name) : ""), { method: "POST", body })
      .then((r) => (r.ok ? r.text() : null))
      .then((csv) => { if (last && last.report === data) last.csv = csv; });
  } catch (e) {
    showError("Could not reach the foitag server: " + e.message);
  } finally {
    $("busy").hidden = true;
    $("classify").disabled = false;
  }
}

function label(report, id) {
  const name = report.names[id];
  const n = id.includes(":r") ? "reg " + id.split(":r")[1] : id.split(":")[1];
  return name ? n + " " + name : n;
}

function groundList(report, ids, cited) {
  if (!ids.length) return document.createTextNode("none");
  const ul = el("ul", { class: "grounds" });
  for (const id of ids) {
    const text = label(report, id);
    const item = cited
      ? el("button", { type: "button", class: "link", "data-ground": id, title: "Show the evidence for " + id, onclick: () => showEvidence(id) }, text)
      : el("span", { title: id }, text);
    ul.append(el("li", {}, item));
  }
  return ul;
}

function fill(id, ...content) {
  const e = $(id);
  e.replaceChildren(...content);
}

function flag(yes) {
  return el("span", { class: "flag " + (yes ? "yes" : "no") }, yes ? "yes" : "no");
}

function render(r) {
  $("result").hidden = false;
  fill("doc-id", r.id === "pasted" ? "(pasted text)" : r.id);
  fill("outcome", el("span", { class: "outcome" }, r.outcome.replace(/_/g, " ")));
  const ncnd = [flag(r.ncnd)];
  for (const c of r.ncnd_evidence.filter((c) => !c.what.includes(":"))) {
    ncnd.push(" ", el("button", { type: "button", class: "link", title: "Show where the letter says so", onclick: () => showAt(c.start) }, "“" + c.text + "”"), el("span", { class: "hint" }, " (rule " + c.rule + ", line " + c.line + ")"));
  }
  fill("ncnd", ...ncnd);
  fill("cited", groundList(r, r.cited, true));
  fill("mentioned", groundList(r, r.mentioned, false));
  fill("regime", r.regime.join(", ") || "unknown");
  fill("authority", r.authority || "unknown");
  fill("confidence", (r.confidence || "none") + " (evidence " + r.margin.support + " for, " + r.margin.against + " against)");
  const review = [flag(r.review)];
  if (r.why.length) review.push(el("ul", { class: "why" }, ...r.why.map((w) => el("li", {}, w))));
  fill("review", ...review);
  renderAnswers(r);
  renderMessages(r);
  renderText(r);
  $("result-h").scrollIntoView({ block: "start" });
  // Open the text at the decision: the first ground the verdict relies on, else the top.
  const first = document.querySelector("#text mark[data-counts=true]");
  const box = $("text");
  box.scrollTop = first ? Math.max(0, first.offsetTop - box.clientHeight / 3) : 0;
}

function renderAnswers(r) {
  $("answers-s").hidden = r.answers.length === 0;
  const body = $("answers").tBodies[0];
  body.replaceChildren(
    ...r.answers.map((a) =>
      el("tr", {}, el("td", {}, String(a.question)), el("td", {}, a.outcome.replace(/_/g, " ")), el("td", {}, a.grounds.map((g) => label(r, g)).join(", ")), el("td", {}, a.text.length > 160 ? a.text.slice(0, 160) + "…" : a.text))
    )
  );
}

function renderMessages(r) {
  fill(
    "messages",
    ...r.messages.map((m) =>
      el(
        "li",
        { "data-latest": String(m.latest) },
        el("span", { class: "kind" }, m.kind ? m.kind.replace(/_/g, " ") : "no kind"),
        " — " + m.role + (m.quoted ? ", quoted copy" : "") + ", lines " + m.line + "–" + m.last_line,
        m.latest ? el("span", { class: "latest" }, "latest decision") : null,
        m.ncnd ? el("span", { class: "tag" }, "NCND") : null,
        el("div", { class: "note" }, m.kind_why ? m.kind_why + ". " : "", "Role: " + m.role_why + ".")
      )
    )
  );
}

// Offsets in the report are bytes of UTF-8: cut the text as bytes.
function renderText(r) {
  const bytes = new TextEncoder().encode(r.text || "");
  const dec = new TextDecoder();
  const marks = new Map();
  r.findings.forEach((f, i) => {
    if (f.kind === "signal") return;
    const key = f.start + ":" + f.end;
    if (!marks.has(key)) marks.set(key, { start: f.start, end: f.end, items: [] });
    marks.get(key).items.push({ f, i });
  });
  // The words that neither confirm nor deny are marked too.
  for (const c of r.ncnd_evidence.filter((c) => !c.what.includes(":"))) {
    const key = c.start + ":" + c.end;
    if (!marks.has(key)) marks.set(key, { start: c.start, end: c.end, items: [{ f: { kind: "signal", canonical: "ncnd", status: "ncnd", reason: "ncnd: neither confirms nor denies holding the information", rule: c.rule, counts: false }, i: "n" + c.start }] });
  }
  const spans = [...marks.values()].sort((a, b) => a.start - b.start);
  const out = [];
  let pos = 0;
  const seen = new Set();
  for (const s of spans) {
    if (s.start < pos) continue;
    out.push(dec.decode(bytes.subarray(pos, s.start)));
    const main = s.items.find((x) => x.f.counts) || s.items[0];
    const status = main.f.status;
    seen.add(status);
    const tip = s.items.map(({ f }) => (f.detail || f.canonical) + (f.name ? " " + f.name : "") + " · " + f.reason + " · rule " + f.rule + (f.cue_rule ? ", cue " + f.cue_rule : "")).join("\n");
    const mark = el(
      "mark",
      { class: "st-" + status, tabindex: "0", id: "f" + main.i, "data-start": String(s.start), "data-status": status, "data-grounds": s.items.map(({ f }) => f.canonical).join(" "), "data-counts": String(s.items.some(({ f }) => f.counts)), "aria-label": dec.decode(bytes.subarray(s.start, s.end)) + ": " + tip },
      dec.decode(bytes.subarray(s.start, s.end)),
      el("span", { class: "tip", role: "tooltip", "aria-hidden": "true" }, tip)
    );
    out.push(mark);
    pos = s.end;
  }
  out.push(dec.decode(bytes.subarray(pos)));
  fill("text", ...out);
  fill(
    "legend",
    ...Object.keys(STATUS_HELP)
      .filter((s) => seen.has(s))
      .map((s) => el("li", {}, el("span", { class: "swatch st-" + s }, s), " " + STATUS_HELP[s]))
  );
}

function flash(target) {
  target.scrollIntoView({ behavior: "smooth", block: "center" });
  target.focus({ preventScroll: true });
  target.classList.add("flash");
  setTimeout(() => target.classList.remove("flash"), 1600);
}

function showAt(start) {
  const target = [...document.querySelectorAll("#text mark")].find((m) => Number(m.dataset.start) === start);
  if (target) flash(target);
}

function showEvidence(id) {
  const marks = [...document.querySelectorAll("#text mark")];
  const target = marks.find((m) => m.dataset.counts === "true" && m.dataset.grounds.split(" ").includes(id)) || marks.find((m) => m.dataset.grounds.split(" ").includes(id));
  if (target) flash(target);
}

function exportText(kind) {
  if (!last) return null;
  if (kind === "json") return JSON.stringify(last.report, null, 2) + "\n";
  return last.csv;
}

async function copy(kind) {
  const text = exportText(kind);
  const note = $("copied");
  if (text === null) {
    note.textContent = "The CSV row is still on its way; try again in a moment.";
    return;
  }
  try {
    await navigator.clipboard.writeText(text);
    note.textContent = kind.toUpperCase() + " copied.";
  } catch (e) {
    note.textContent = "Copying is not allowed here; use Download instead.";
  }
}

function download(kind) {
  const text = exportText(kind);
  if (text === null) {
    $("copied").textContent = "The CSV row is still on its way; try again in a moment.";
    return;
  }
  const type = kind === "json" ? "application/json" : "text/csv";
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: (last.report.id || "foitag") + "." + kind });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function sendFile(file) {
  if (!file) return;
  file.arrayBuffer().then((buf) => send(buf, file.name), (e) => showError("Could not read " + file.name + ": " + e.message));
}

document.addEventListener("DOMContentLoaded", () => {
  $("form").addEventListener("submit", (e) => {
    e.preventDefault();
    const file = $("file").files[0];
    if (file) sendFile(file);
    else if ($("paste").value.trim()) send(new TextEncoder().encode($("paste").value), null);
    else showError("Paste a response or choose a file first.");
  });
  $("file").addEventListener("change", () => sendFile($("file").files[0]));
  $("paste").addEventListener("input", () => { $("file").value = ""; });
  const drop = $("drop");
  for (const ev of ["dragenter", "dragover"]) drop.addEventListener(ev, (e) => { e.preventDefault(); drop.classList.add("over"); });
  for (const ev of ["dragleave", "drop"]) drop.addEventListener(ev, () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    sendFile(e.dataTransfer.files[0]);
  });
  // A file dropped anywhere else would make the browser open it and leave the page.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
  $("copy-csv").addEventListener("click", () => copy("csv"));
  $("copy-json").addEventListener("click", () => copy("json"));
  $("download-csv").addEventListener("click", () => download("csv"));
  $("download-json").addEventListener("click", () => download("json"));
});
