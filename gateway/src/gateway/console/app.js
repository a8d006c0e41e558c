// I-D-I-C agent console: calls this gateway's public API with the key the agent typed
// (kept in sessionStorage, never in the page). Text goes into the page with textContent only.
"use strict";

const KEY = "idic.apiKey";
const ID_TYPES = ["email", "phone", "loyalty_card", "cookie", "device", "external_id", "national_id"];
const $ = (id) => document.getElementById(id);
let current = null; // customer id on screen

function say(text, ok = false) {
  const m = $("message");
  m.textContent = text;
  m.className = ok ? "ok" : "";
}

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function fill(id, nodes) {
  const parent = $(id);
  parent.replaceChildren(...nodes);
}

function pairs(id, entries) {
  const nodes = [];
  for (const [k, v] of entries) {
    if (v === undefined || v === null || v === "") continue;
    nodes.push(el("dt", k), el("dd", v));
  }
  if (!nodes.length) nodes.push(el("dt", "—"), el("dd", "nothing known"));
  fill(id, nodes);
}

function items(id, values) {
  fill(id, values.length ? values.map((v) => el("li", v)) : [el("li", "none")]);
}

async function api(method, path, body) {
  const key = sessionStorage.getItem(KEY);
  if (!key) throw new Error("Enter an API key first.");
  const headers = { Authorization: `Bearer ${key}`, Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let data = null;
  try { data = await response.json(); } catch (_) { data = null; }
  return { status: response.status, data };
}

function problem(result) {
  const d = result.data || {};
  const fields = (d.errors || []).map((e) => `${e.field}: ${e.message}`).join("; ");
  return `${d.title || "Error"} (${result.status}): ${d.detail || ""}${fields ? " — " + fields : ""}`;
}

function refFor(q) {
  const colon = q.indexOf(":");
  if (colon > 0 && ID_TYPES.includes(q.slice(0, colon))) return q;
  if (q.includes("@")) return `email:${q}`;
  if (/^\+?[\d\s().-]{6,}$/.test(q)) return `phone:${q.replace(/[\s().-]/g, "")}`;
  return null;
}

async function search(q) {
  $("hits").hidden = true;
  const ref = refFor(q);
  if (ref) return showCustomer(ref);
  if (!/\s/.test(q)) {  // maybe a customer id
    const shown = await showCustomer(q, { quietNotFound: true });
    if (shown) return;
  }
  const result = await api("GET", `/v1/customers:search?name=${encodeURIComponent(q)}&limit=20`);
  if (result.status === 501) { say("No customer with that id, and name search is not available yet: search by an identifier (type:value)."); return; }
  if (result.status !== 200) { say(problem(result)); return; }
  const hits = result.data.results;
  if (!hits.length) { say(`Nobody found for “${q}”.`); return; }
  say(`${hits.length} customer(s) found.`, true);
  fill("hits-list", hits.map((h) => {
    const a = h.attributes || {};
    const li = el("li");
    const b = el("button", `${[a.first_name, a.last_name].filter(Boolean).join(" ") || h.customer_id} ${a.city ? "(" + a.city + ")" : ""}`,
                 { type: "button", class: "secondary" });
    b.addEventListener("click", () => showCustomer(h.customer_id));
    li.append(b);
    return li;
  }));
  $("hits").hidden = false;
  $("hits-list").querySelector("button").focus();
}

async function showCustomer(ref, { quietNotFound = false } = {}) {
  const result = await api("GET", `/v1/customers/${encodeURIComponent(ref)}`);
  if (result.status === 404 && quietNotFound) return false;
  if (result.status !== 200) { say(problem(result)); $("customer").hidden = true; return false; }
  render(result.data);
  await loadTimeline(result.data);
  say("");
  $("customer").hidden = false;
  $("customer-h").focus();
  return true;
}

function render(view) {
  current = view.customer_id;
  $("customer-id").textContent = view.customer_id;
  const p = view.profile;
  const a = p.attributes || {};
  pairs("profile", [["Name", [a.first_name, a.last_name].filter(Boolean).join(" ")], ["Born", a.date_of_birth],
    ["Gender", a.gender], ["Address", [a.street_number, a.address_line1, a.address_line2].filter(Boolean).join(" ")],
    ["City", [a.postcode, a.city].filter(Boolean).join(" ")], ["State", a.state], ["Country", a.country]]);
  items("identifiers", (p.identifiers || []).map((i) => `${i.type}: ${i.value}`));
  items("merged", p.merged_ids || []);
  pairs("consent", Object.entries(p.consent || {}).map(([k, v]) => [k, v === true ? "yes" : v === false ? "no" : v]));
  const v = view.value;
  if (v) {
    const clv = v.clv || {}; const rfm = v.rfm || {};
    pairs("value", [["Tier", v.tier], ["CLV 12 months", clv.clv_12m == null ? null : `${clv.clv_12m} ${rfm.currency || ""}`],
      ["P(alive)", clv.p_alive == null ? null : Number(clv.p_alive).toFixed(2)],
      ["Churn risk", v.churn_risk == null ? null : `${Math.round(v.churn_risk * 100)} %`],
      ["RFM", rfm.segment], ["Frequency", rfm.frequency], ["Recency (days)", rfm.recency_days]]);
    items("segments", v.segments || []);
  } else {
    pairs("value", [["Tier", view.degraded.includes("scoring") ? "scoring unavailable" : "not scored yet"]]);
    items("segments", []);
  }
  const deg = $("degraded");
  deg.hidden = !view.degraded.length;
  deg.textContent = view.degraded.length ? `Partial view: ${view.degraded.join(", ")} did not answer.` : "";
  fill("nba", view.next_best_actions.length ? view.next_best_actions.map(actionRow)
    : [rowOf(["no action now", "", "", "", "", ""])]);
}

function rowOf(cells) {
  const tr = el("tr");
  for (const c of cells) tr.append(c instanceof Node ? c : el("td", c));
  return tr;
}

function actionRow(a) {
  const reasons = el("td"); const ul = el("ul");
  for (const r of a.reasons || []) ul.append(el("li", r));
  reasons.append(ul);
  const cell = el("td");
  if (a.treatment_id) {
    const b = el("button", "Record outcome", { type: "button", class: "secondary" });
    b.addEventListener("click", () => { $("o-treatment").value = a.treatment_id; $("o-outcome").focus(); });
    cell.append(b);
  } else cell.textContent = "—";
  return rowOf([a.action_id, a.kind, a.channel || "any", Number(a.score).toFixed(2), reasons, cell]);
}

async function loadTimeline(view) {
  const result = await api("GET", `/v1/customers/${encodeURIComponent(view.customer_id)}/timeline?limit=20`);
  const rows = result.status === 200 ? result.data.items : (view.interactions ? view.interactions.recent : []);
  fill("timeline", rows.length ? rows.map((i) => rowOf([
    i.occurred_at ? new Date(i.occurred_at).toLocaleString() : "", i.channel, i.type, i.direction,
    i.amount ? `${i.amount} ${i.currency || ""}` : ""])) : [rowOf(["no interactions yet", "", "", "", ""])]);
}

async function recordInteraction(form) {
  const body = { customer_id: current, channel: form.channel.value, type: form.type.value,
                 direction: form.direction.value, occurred_at: new Date().toISOString(), payload: {} };
  if (form.amount.value) { body.amount = form.amount.value; body.currency = form.currency.value; }
  if (form.note.value) body.payload.note = form.note.value;
  const result = await api("POST", "/v1/interactions", body);
  if (result.status !== 202) { say(problem(result)); return; }
  say(`Interaction ${result.data.interaction_id} recorded.`, true);
  form.note.value = ""; form.amount.value = "";
  setTimeout(() => current && showCustomer(current), 800);  // applied asynchronously
}

async function recordOutcome(form) {
  const id = form.treatment.value.trim();
  const result = await api("POST", `/v1/treatments/${encodeURIComponent(id)}/outcome`, { outcome: form.outcome.value });
  if (result.status >= 300) { say(problem(result)); return; }
  say(`Outcome “${form.outcome.value}” recorded for treatment ${id}.`, true);
}

function keyState() {
  $("key-state").textContent = sessionStorage.getItem(KEY) ? "key set for this tab" : "no key";
}

function guard(fn) {
  return async (event) => {
    event.preventDefault();
    try { await fn(event.target); } catch (err) { say(err.message || String(err)); }
  };
}

document.addEventListener("DOMContentLoaded", () => {
  keyState();
  $("key-form").addEventListener("submit", guard(async () => {
    sessionStorage.setItem(KEY, $("api-key").value.trim());
    $("api-key").value = "";
    keyState();
    $("search-q").focus();
  }));
  $("key-forget").addEventListener("click", () => { sessionStorage.removeItem(KEY); keyState(); });
  $("search-form").addEventListener("submit", guard(async (form) => search(form.q.value.trim())));
  $("interaction-form").addEventListener("submit", guard(recordInteraction));
  $("outcome-form").addEventListener("submit", guard(recordOutcome));
});
