// I-D-I-C agent console: the cockpit of one customer, built from this gateway's public API with
// the key the agent typed (common.js keeps it in sessionStorage, never in the page). Text goes into
// the page with textContent only: customer data can never become markup.
"use strict";

const ID_TYPES = ["email", "phone", "loyalty_card", "cookie", "device", "external_id", "national_id"];
const SVG = "http://www.w3.org/2000/svg";
const TIMELINE_PAGE = 20;
const REVIEWS_PAGE = 25;
const ALERT_DAYS = 30; // a trigger older than this is history (on the timeline), not an alert
// triggers an agent must see before anything else (the others are shown as information)
const ATTENTION = new Set(["complaint", "repeated_complaints", "detractor", "lapse"]);
const TRIGGER_TEXT = {
  first_purchase: "First purchase", large_purchase: "Large purchase", complaint: "Complaint",
  repeated_complaints: "Repeated complaints", detractor: "Detractor (NPS)", life_event: "Life event",
  moved: "Moved house", birthday: "Birthday coming", lapse: "Lapsing: buys less often than usual",
};
let current = null; // customer id on screen
let timelineCursor = null; // next_cursor of the timeline's last page

function pairs(id, entries) {
  const nodes = [];
  for (const [k, v] of entries) {
    if (v === undefined || v === null || v === "") continue;
    nodes.push(el("dt", k), el("dd", v));
  }
  if (!nodes.length) nodes.push(el("dt", "—"), el("dd", "nothing known"));
  fill(id, nodes);
}

function items(id, values, none = "none") {
  fill(id, values.length ? values.map((v) => (v instanceof Node ? v : el("li", v))) : [el("li", none)]);
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : "";
}

function day(iso) {
  return iso ? new Date(iso).toLocaleDateString() : "";
}


function refFor(q) {
  const colon = q.indexOf(":");
  if (colon > 0 && ID_TYPES.includes(q.slice(0, colon))) return q;
  if (q.includes("@")) return `email:${q}`;
  if (/^\+?[\d\s().-]{6,}$/.test(q)) return `phone:${q.replace(/[\s().-]/g, "")}`;
  return null;
}

function customerPath(suffix = "") {
  return `/v1/customers/${encodeURIComponent(current)}${suffix}`;
}

// ---- search -------------------------------------------------------------------------------

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

// ---- the cockpit ----------------------------------------------------------------------------

async function showCustomer(ref, { quietNotFound = false, keepFocus = false } = {}) {
  const result = await api("GET", `/v1/customers/${encodeURIComponent(ref)}`);
  if (result.status === 404 && quietNotFound) return false;
  if (result.status !== 200) { say(problem(result)); $("customer").hidden = true; return false; }
  render(result.data);
  // the panels load side by side; one that fails says so in its place, the others still show
  await Promise.all([loadTimeline(result.data), loadAlerts(result.data), loadFeedback(), loadChannels(),
                     loadTreatments()]);
  say("");
  $("customer").hidden = false;
  if (!keepFocus) $("customer-h").focus();
  return true;
}

function render(view) {
  current = view.customer_id;
  const p = view.profile;
  const a = p.attributes || {};
  $("customer-id").textContent = view.customer_id;
  $("customer-name").textContent = [a.first_name, a.last_name].filter(Boolean).join(" ") || "Unnamed customer";
  pairs("profile", [["Name", [a.first_name, a.last_name].filter(Boolean).join(" ")], ["Born", a.date_of_birth],
    ["Address", [a.street_number, a.address_line1, a.address_line2].filter(Boolean).join(" ")],
    ["City", [a.postcode, a.city].filter(Boolean).join(" ")], ["Country", a.country],
    ["Identifiers", (p.identifiers || []).map((i) => `${i.type}: ${i.value}`).join(", ")],
    ["Merged records", (p.merged_ids || []).join(", ")],
    ["Consent", Object.entries(p.consent || {}).map(([k, v]) => `${k} ${v === true ? "yes" : v === false ? "no" : v}`).join(", ")]]);
  renderValue(view);
  renderMerged(view);
  renderConsent(view);
  const deg = $("degraded");
  deg.hidden = !view.degraded.length;
  deg.textContent = view.degraded.length ? `Partial view: ${view.degraded.join(", ")} did not answer.` : "";
  fill("nba", view.next_best_actions.length ? view.next_best_actions.map(actionRow)
    : [rowOf([view.degraded.includes("treatment") ? "next best actions unavailable" : "no action now", "", "", "", "", ""])]);
}

function money(amount, currency) {
  return amount == null ? null : `${amount} ${currency || ""}`.trim();
}

function renderValue(view) {
  const v = view.value;
  if (v && v.profiling === "refused") {
    pairs("value", [["Profiling", "refused by the customer: not scored"]]);
    items("drivers", []); items("segments", []);
    return;
  }
  if (!v) {
    pairs("value", [["Tier", view.degraded.includes("scoring") ? "scoring unavailable" : "not scored yet"]]);
    items("drivers", []); items("segments", []);
    return;
  }
  const clv = v.clv || {}; const rfm = v.rfm || {}; const w = v.worth || {};
  pairs("value", [
    ["Tier", v.tier ? v.tier.replaceAll("_", " ") : "not tiered yet"],
    ["CLV 12 months", clv.clv_12m == null ? (clv.status === "scored" ? null : `not fitted (${clv.status})`) : money(clv.clv_12m, rfm.currency)],
    ["P(alive)", clv.p_alive == null ? null : Number(clv.p_alive).toFixed(2)],
    // scoring's actual and potential value, net of the cost to serve: what the tier is cut on
    ["Net value, 12 months", w.net_value == null ? null : money(w.net_value, w.currency)],
    ["Potential value (if they stay)", w.potential_value == null ? null
      : `${money(w.potential_value, w.currency)} (room to grow ${money(w.growth_gap, w.currency)})`],
    ["Expected purchases, 90 days", clv.expected_purchases_90d == null ? null : Number(clv.expected_purchases_90d).toFixed(1)],
    ["Average order", money(clv.expected_avg_order_value, rfm.currency)],
    ["Churn risk", v.churn_risk == null ? null : `${Math.round(v.churn_risk * 100)} %`],
    ["Spent so far", money(rfm.monetary, rfm.currency)],
    ["Purchases", rfm.frequency], ["Days since last purchase", rfm.recency_days],
    ["RFM", rfm.segment ? `${rfm.segment.replaceAll("_", " ")} (R${rfm.r} F${rfm.f} M${rfm.m})` : null]]);
  items("drivers", (v.churn_drivers || []).map((d) => {
    const pct = Math.round(d.adds * 100);
    return `${d.input.replaceAll("_", " ")} = ${typeof d.value === "number" ? Number(d.value).toFixed(2) : d.value}: ${pct >= 0 ? "+" : ""}${pct} %`;
  }), v.churn_risk == null ? "churn model not fitted yet" : "none");
  items("segments", v.segments || []);
}

function rowOf(cells) {
  const tr = el("tr");
  for (const c of cells) tr.append(c instanceof Node ? c : el("td", c));
  return tr;
}

function listCell(values) {
  const td = el("td"); const ul = el("ul");
  for (const v of values) ul.append(el("li", v));
  td.append(ul);
  return td;
}

function actionRow(a) {
  const cell = el("td");
  if (a.treatment_id) {
    const group = el("div", null, { role: "group", "aria-label": `Outcome of ${a.action_id}`, class: "buttons" });
    for (const outcome of ["accepted", "declined"]) {
      const b = el("button", outcome === "accepted" ? "Accepted" : "Declined", { type: "button", class: "secondary" });
      b.addEventListener("click", guard(() => recordOutcome(a, outcome, cell)));
      group.append(b);
    }
    cell.append(group);
  } else cell.textContent = "—";
  return rowOf([a.action_id, a.kind, a.channel || "any", Number(a.score).toFixed(2), listCell(a.reasons || []), cell]);
}

async function recordOutcome(action, outcome, cell) {
  const result = await api("POST", `/v1/treatments/${encodeURIComponent(action.treatment_id)}/outcome`, { outcome });
  if (result.status >= 300) { say(problem(result)); return; }
  cell.replaceChildren(el("span", outcome, { class: "outcome" }));
  say(`Outcome “${outcome}” recorded for ${action.action_id}.`, true);
  await loadTreatments();
}

async function loadAlerts(view) {
  const alerts = [];
  const consent = view.profile.consent || {};
  if (consent.do_not_contact === true) alerts.push(["attention", "Do not contact: no outbound contact at all"]);
  if (consent.profiling === false) alerts.push(["attention", "Profiling refused: not scored, service actions only"]);
  const refused = Object.entries(consent).filter(([k, v]) => v === false && !["profiling", "do_not_contact"].includes(k));
  if (refused.length) alerts.push(["info", `No consent for ${refused.map(([k]) => k).join(", ")}`]);
  const result = await api("GET", customerPath("/triggers?limit=10"));
  if (result.status === 200) {
    const since = Date.now() - ALERT_DAYS * 86_400_000;
    for (const t of result.data.items.filter((x) => Date.parse(x.occurred_at) >= since)) {
      alerts.push([ATTENTION.has(t.kind) ? "attention" : "info",
                   `${TRIGGER_TEXT[t.kind] || t.kind.replaceAll("_", " ")}${triggerDetails(t)} — ${day(t.occurred_at)}`]);
    }
  } else alerts.push(["info", "Triggers unavailable"]);
  alerts.sort((x, y) => (x[0] === y[0] ? 0 : x[0] === "attention" ? -1 : 1));
  items("alerts", alerts.map(([kind, text]) => el("li", text, { class: kind })), "No alerts");
}

function triggerDetails(t) {
  const d = t.details || {};
  if (d.nps != null) return `: NPS ${d.nps}`;
  if (d.complaints != null) return `: ${d.complaints} in ${d.window_days} days`;
  if (d.amount != null) return `: ${money(d.amount, d.currency)}`;
  if (d.life_event) return `: ${d.life_event.replaceAll("_", " ")}`;
  if (d.days_until != null) return `: in ${d.days_until} days`;
  return "";
}

async function loadFeedback() {
  const result = await api("GET", customerPath("/feedback"));
  if (result.status !== 200) { pairs("feedback", [["Feedback", "unavailable"]]); fill("feedback-trend", []); return; }
  const f = result.data;
  const series = (s, name) => (s.responses ? [[`${name} latest`, `${s.latest} (${day(s.latest_at)})`],
    [`${name} average`, `${Number(s.average).toFixed(1)} over ${s.responses} answer(s)`],
    [`${name} trend`, s.direction ? `${s.direction}${s.trend == null ? "" : ` (${s.trend > 0 ? "+" : ""}${Number(s.trend).toFixed(1)})`}` : null]] : []);
  pairs("feedback", [...series(f.nps, "NPS"), ...series(f.csat, "CSAT")]);
  // each score's answers drawn oldest first, as a trend reads; its numbers are its accessible name
  const lines = [];
  for (const [key, name, min, max] of [["nps", "NPS", 0, 10], ["csat", "CSAT", 1, 5]]) {
    const answers = f.history.filter((h) => h[key] != null).reverse().map((h) => h[key]);
    if (answers.length < 2) continue;
    const figure = el("figure", null, { class: "trend" });
    figure.append(el("figcaption", name),
                  sparkline(answers, min, max, `${name} answers over time, oldest first: ${answers.join(", ")}`));
    lines.push(figure);
  }
  fill("feedback-trend", lines);
}

// a small line of values (a trend reads better than a list of numbers); its numbers are its label
function sparkline(values, min, max, label) {
  const width = 160, height = 36, pad = 3;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", String(width)); svg.setAttribute("height", String(height));
  svg.setAttribute("role", "img"); svg.setAttribute("aria-label", label); svg.setAttribute("class", "sparkline");
  const x = (i) => pad + (i * (width - 2 * pad)) / Math.max(1, values.length - 1);
  const y = (v) => height - pad - ((v - min) * (height - 2 * pad)) / (max - min || 1);
  const line = document.createElementNS(SVG, "polyline");
  line.setAttribute("points", values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" "));
  svg.append(line);
  const last = document.createElementNS(SVG, "circle");
  last.setAttribute("cx", x(values.length - 1).toFixed(1)); last.setAttribute("cy", y(values[values.length - 1]).toFixed(1));
  last.setAttribute("r", "2.5");
  svg.append(last);
  return svg;
}

async function loadChannels() {
  const result = await api("GET", customerPath("/channels"));
  if (result.status !== 200) { fill("channels", [rowOf(["unavailable", "", ""])]); $("cost-to-serve").textContent = ""; return; }
  const rows = result.data.channels.map((c) => {
    const share = el("td");
    const meter = el("meter", null, { min: "0", max: "1", value: String(c.share), "aria-label": `${c.channel} share` });
    share.append(meter, el("span", ` ${Math.round(c.share * 100)} %`));
    return rowOf([c.channel, c.count, share]);
  });
  fill("channels", rows.length ? rows : [rowOf(["no interactions yet", "", ""])]);
  const costly = result.data.channels.filter((c) => Number(c.cost) > 0);
  $("cost-to-serve").textContent = `Cost to serve: ${result.data.cost_to_serve}` +
    (costly.length ? ` (${costly.map((c) => `${c.channel} ${c.cost}`).join(", ")})` : "");
}

async function loadTreatments() {
  const result = await api("GET", customerPath("/treatments?limit=20"));
  if (result.status !== 200) { fill("treatments", [rowOf(["unavailable", "", "", "", ""])]); return; }
  const rows = result.data.treatments.map((t) => rowOf([when(t.decided_at), t.action_id, t.channel || "any",
    t.rule_id, t.control ? "control group (no action shown)"
      : t.outcome ? `${t.outcome} ${day(t.outcome_at)}${t.outcome_by ? ` by ${t.outcome_by}` : ""}`
        : `open until ${when(t.expires_at)}`]));
  fill("treatments", rows.length ? rows : [rowOf(["no treatments yet", "", "", "", ""])]);
}

function interactionDetails(i) {
  const p = i.payload || {};
  const parts = [];
  if (p.note) parts.push(p.note);
  if (p.nps != null) parts.push(`NPS ${p.nps}`);
  if (p.csat != null) parts.push(`CSAT ${p.csat}`);
  if (p.category) parts.push(p.category);
  if (p.life_event) parts.push(`life event: ${p.life_event}`);
  if (i.treatment_id) parts.push(`treatment ${i.treatment_id}`);
  return parts.join(" · ");
}

async function loadTimeline(view, { more = false } = {}) {
  const filter = $("timeline-filter");
  const params = new URLSearchParams({ limit: String(TIMELINE_PAGE) });
  if (filter.channel.value) params.set("channel", filter.channel.value);
  if (filter.type.value) params.set("type", filter.type.value);
  if (more && timelineCursor) params.set("cursor", timelineCursor);
  const result = await api("GET", `/v1/customers/${encodeURIComponent(view.customer_id)}/timeline?${params}`);
  let rows;
  if (result.status === 200) {
    rows = result.data.items; timelineCursor = result.data.next_cursor;
  } else {
    rows = more ? [] : (view.interactions ? view.interactions.recent : []); timelineCursor = null;
  }
  $("t-more").hidden = !timelineCursor;
  const nodes = rows.map((i) => rowOf([when(i.occurred_at), i.channel, i.type, i.direction,
    money(i.amount, i.currency) || "", interactionDetails(i), i.actor || ""]));
  if (more) $("timeline").append(...nodes);
  else fill("timeline", nodes.length ? nodes : [rowOf([filter.channel.value || filter.type.value
    ? "no interactions of this kind" : "no interactions yet", "", "", "", "", "", ""])]);
}

// ---- identity work: possible duplicates, merge and unmerge ---------------------------------------

// a native modal dialog (focus trapped, Escape cancels): true when the person confirms
function confirmAction(text) {
  const dialog = $("confirm");
  $("confirm-text").textContent = text;
  dialog.returnValue = "";
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"), { once: true }));
}

function nameOf(view) {
  const a = (view && view.profile && view.profile.attributes) || {};
  return [a.first_name, a.last_name].filter(Boolean).join(" ") || "unnamed";
}

function comparisonText(c) {
  if (c.level === null || c.level === undefined) return "not on both records";
  if (c.level === 0) return "agrees exactly";
  return c.weight < 0 ? `differs (level ${c.level})` : `close (level ${c.level})`;
}

function signed(x) {
  return `${x > 0 ? "+" : ""}${Number(x).toFixed(2)}`;
}

function whySummary(review) {
  const e = review.explanation;
  if (!e) return review.reason === "conflicting_identifiers" ? "two customers share an identifier" : review.reason;
  const agree = e.comparisons.filter((c) => c.weight > 0).map((c) => c.attribute.replaceAll("_", " "));
  const differ = e.comparisons.filter((c) => c.weight < 0).map((c) => c.attribute.replaceAll("_", " "));
  const phrase = (names, one, many) => (names.length ? `${names.join(", ")} ${names.length === 1 ? one : many}` : "");
  return [phrase(agree, "agrees", "agree"), phrase(differ, "differs", "differ")].filter(Boolean).join("; ");
}

let reviewsCursor = null;

async function loadReviews({ more = false } = {}) {
  const params = new URLSearchParams({ status: "open", limit: String(REVIEWS_PAGE) });
  if (more && reviewsCursor) params.set("cursor", reviewsCursor);
  const result = await api("GET", `/v1/reviews?${params}`);
  if (result.status !== 200) { say(problem(result)); return; }
  const reviews = result.data.reviews;
  reviewsCursor = result.data.next_cursor;
  $("r-more").hidden = !reviewsCursor;
  const nodes = reviews.map((r) => {
    const cell = el("td");
    const b = el("button", "Compare", { type: "button", class: "secondary", "aria-label": `Compare ${r.customer_id} with ${r.candidate_id}` });
    b.addEventListener("click", guard(() => showCompare(r)));
    cell.append(b);
    return rowOf([day(r.created_at), r.customer_id, r.candidate_id, `${Math.round(r.probability * 100)} %`, whySummary(r), cell]);
  });
  if (more) {  // the next page follows the rows already read; focus goes to the first new one
    $("reviews-list").append(...nodes);
    if (nodes.length) nodes[0].querySelector("button").focus();
    return;
  }
  fill("reviews-list", nodes.length ? nodes : [rowOf(["no possible duplicates waiting", "", "", "", "", ""])]);
  $("compare").hidden = true;
  $("reviews").hidden = false;
  $("reviews-h").focus();
}

function sideOf(id, view) {
  const a = view.profile.attributes || {};
  return [["Customer id", view.customer_id], ["Name", nameOf(view)], ["Born", a.date_of_birth],
    ["Address", [a.street_number, a.address_line1].filter(Boolean).join(" ")], ["City", [a.postcode, a.city].filter(Boolean).join(" ")],
    ["Identifiers", (view.profile.identifiers || []).map((i) => `${i.type}: ${i.value}`).join(", ")]];
}

let reviewOnScreen = null;

async function showCompare(review) {
  const [left, right] = await Promise.all([review.customer_id, review.candidate_id].map(
    (id) => api("GET", `/v1/customers/${encodeURIComponent(id)}`)));
  if (left.status !== 200 || right.status !== 200) { say(problem(left.status !== 200 ? left : right)); return; }
  reviewOnScreen = { review, left: left.data, right: right.data };
  pairs("compare-left", sideOf(review.customer_id, left.data));
  pairs("compare-right", sideOf(review.candidate_id, right.data));
  const e = review.explanation;
  fill("compare-why", e ? [...e.comparisons.map((c) => rowOf([c.attribute.replaceAll("_", " "), comparisonText(c), signed(c.weight)])),
    rowOf(["before comparing", "how often two such records are one person", signed(e.prior_weight)]),
    rowOf(["probability", "", `${(e.probability * 100).toFixed(1)} %`])]
    : [rowOf([review.reason.replaceAll("_", " "), "no match explanation kept", ""])]);
  $("compare").hidden = false;
  $("compare-h").focus();
}

async function decideReview(accept) {
  if (!reviewOnScreen) return;
  const { review, left, right } = reviewOnScreen;
  const text = accept ? `Merge ${nameOf(right)} (${review.candidate_id}) and ${nameOf(left)} (${review.customer_id}) into one customer? It can be undone (unmerge).`
    : `Keep ${nameOf(left)} and ${nameOf(right)} apart? Matching will not propose them again.`;
  if (!(await confirmAction(text))) return;
  const result = await api("POST", `/v1/reviews/${encodeURIComponent(review.review_id)}:${accept ? "accept" : "reject"}`);
  if (result.status !== 200) { say(problem(result)); return; }
  say(accept ? "Merged." : "Kept apart.", true);
  reviewOnScreen = null;
  await loadReviews();
}

async function mergeInto(form) {
  const q = form.other.value.trim();
  const other = await api("GET", `/v1/customers/${encodeURIComponent(refFor(q) || q)}`);
  if (other.status !== 200) { say(problem(other)); return; }
  if (other.data.customer_id === current) { say("That is this customer already."); return; }
  const here = $("customer-name").textContent;
  if (!(await confirmAction(`Merge ${nameOf(other.data)} (${other.data.customer_id}) into ${here} (${current})? ` +
                            "Its identifiers, history and consent move here; it can be undone (unmerge)."))) return;
  const result = await api("POST", "/v1/customers/merge", { survivor_id: current, merged_ids: [other.data.customer_id] });
  if (result.status !== 200) { say(problem(result)); return; }
  form.other.value = "";
  await showCustomer(current, { keepFocus: true });
  say(`Merged ${other.data.customer_id} into this customer.`, true);
}

async function unmerge(mergedId) {
  if (!(await confirmAction(`Unmerge ${mergedId} from ${$("customer-name").textContent}? ` +
                            "It gets back the identifiers and history it brought."))) return;
  const result = await api("POST", customerPath("/unmerge"), { customer_id: mergedId });
  if (result.status !== 200) { say(problem(result)); return; }
  await showCustomer(current, { keepFocus: true });
  say(`Unmerged ${mergedId}: it is a customer of its own again.`, true);
}

const CONSENT_KEYS = [["email", "E-mail"], ["sms", "SMS"], ["phone", "Phone calls"], ["mail", "Post"],
                      ["push", "App notifications"], ["profiling", "Profiling"], ["do_not_contact", "Do not contact"]];

function renderConsent(view) {
  const consent = view.profile.consent || {};
  fill("consent-fields", CONSENT_KEYS.map(([key, label]) => {
    const div = el("div");
    const id = `consent-${key}`;
    const select = el("select", null, { id, name: key });
    const known = consent[key] === true ? "true" : consent[key] === false ? "false" : "";
    for (const [value, text] of [["", "not recorded"], ["true", "yes"], ["false", "no"]]) {
      const option = el("option", text, { value });
      if (value === known) option.selected = true;
      select.append(option);
    }
    select.dataset.was = known;
    div.append(el("label", label, { for: id }), select);
    return div;
  }));
}

async function saveConsent(form) {
  const body = {};
  for (const select of form.querySelectorAll("select")) {
    if (select.value !== select.dataset.was && select.value !== "") body[select.name] = select.value === "true";
  }
  if (!Object.keys(body).length) { say("Nothing changed."); return; }
  const result = await api("PUT", customerPath("/consent"), body);
  if (result.status !== 200) { say(problem(result)); return; }
  await showCustomer(current, { keepFocus: true });
  say(`Consent saved: ${Object.entries(body).map(([k, v]) => `${k} ${v ? "yes" : "no"}`).join(", ")}.`, true);
}

function renderMerged(view) {
  const ids = view.profile.merged_ids || [];
  fill("unmerge-list", ids.length ? ids.map((id) => {
    const li = el("li", `${id} `);
    const b = el("button", "Unmerge…", { type: "button", class: "secondary", "aria-label": `Unmerge ${id}` });
    b.addEventListener("click", guard(() => unmerge(id)));
    li.append(b);
    return li;
  }) : [el("li", "no merged records")]);
}

// ---- rules for the business: in plain words, simulated, measured ---------------------------------

const OPERATOR_WORDS = {
  eq: "is", ne: "is not", lt: "is less than", lte: "is at most", gt: "is more than", gte: "is at least",
  in: "is one of", not_in: "is none of", contains: "includes", not_contains: "does not include",
  exists: "is known", not_exists: "is not known",
};

// "triggers.7d.kinds" → "triggers kinds in the last 7 days"; "value.churn_risk" → "value churn risk"
function factWords(fact) {
  const parts = fact.split(".");
  const span = parts.find((p) => /^\d+d$/.test(p));
  const words = parts.filter((p) => p !== span).join(" ").replaceAll("_", " ");
  return span ? `${words} in the last ${span.slice(0, -1)} days` : words;
}

function literalWords(value) {
  if (Array.isArray(value)) return value.length ? value.map(literalWords).join(", ") : "none";
  return typeof value === "string" ? value.replaceAll("_", " ") : String(value);
}

function comparisonWords(fact, op, value) {
  const tail = op === "exists" || op === "not_exists" ? "" : ` ${literalWords(value)}`;
  return `${factWords(fact)} ${OPERATOR_WORDS[op] || op}${tail}`;
}

// a condition tree in plain words; nested groups in brackets so that "and" and "or" read unambiguously
function conditionWords(c, nested = false) {
  const group = (items, joiner) => {
    const text = items.map((x) => conditionWords(x, true)).join(joiner);
    return nested && items.length > 1 ? `(${text})` : text;
  };
  if (c.all) return group(c.all, " and ");
  if (c.any) return group(c.any, " or ");
  if (c.not) return `not ${conditionWords(c.not, true)}`;
  return comparisonWords(c.fact, c.op, c.value);
}

function actionWords(a) {
  return `${a.kind.replaceAll("_", " ")} “${a.action_id}”${a.channels && a.channels.length ? ` by ${a.channels.join(" or ")}` : ""}`;
}

async function loadRules() {
  const result = await api("GET", "/v1/rules");
  if (result.status !== 200) { say(problem(result)); return; }
  fill("rules-list", result.data.length ? result.data.map((r) => {
    const see = el("td"); const group = el("div", null, { class: "buttons" });
    const perf = el("button", "Performance", { type: "button", class: "secondary", "aria-label": `Performance of ${r.name}` });
    perf.addEventListener("click", guard(() => showPerformance(r)));
    const sim = el("button", "Simulate", { type: "button", class: "secondary", "aria-label": `Simulate ${r.name} for this customer` });
    sim.addEventListener("click", guard(() => simulate(r)));
    group.append(perf, sim); see.append(group);
    return rowOf([`${r.name} (${r.rule_id}, v${r.version})`, `When ${conditionWords(r.condition)}`,
                  actionWords(r.action), r.priority, r.status, see]);
  }) : [rowOf(["no rules", "", "", "", "", ""])]);
  $("rule-detail").hidden = true;
  $("rules").hidden = false;
  $("rules-h").focus();
}

function showDetail(title, figures, lines) {
  $("rule-detail-h").textContent = title;
  pairs("rule-detail-figures", figures);
  items("rule-detail-lines", lines, "");
  if (!lines.length) fill("rule-detail-lines", []);
  $("rule-detail").hidden = false;
  $("rule-detail-h").focus();
}

function rate(x) {
  return x == null ? "—" : `${(x * 100).toFixed(1)} %`;
}

async function showPerformance(rule) {
  const result = await api("GET", `/v1/rules/${encodeURIComponent(rule.rule_id)}/performance`);
  if (result.status !== 200) { say(problem(result)); return; }
  const p = result.data; const c = p.control || {};
  showDetail(`Performance of ${rule.name}, ${day(p.since)} to ${day(p.until)}`, [
    ["Presented", p.presented], ["Accepted", `${p.accepted} (${rate(p.acceptance_rate)})`], ["Declined", p.declined],
    ["Ignored", p.ignored], ["Converted", `${p.converted} (${rate(p.conversion_rate)})`],
    ["Revenue", money(p.revenue, p.currency)],
    ["Control group", `${c.presented ?? 0} held back, ${c.converted ?? 0} converted (${rate(c.conversion_rate)})`],
    ["Uplift", p.uplift == null ? "not measurable yet" : `${p.uplift > 0 ? "+" : ""}${(p.uplift * 100).toFixed(1)} points`]], []);
}

async function simulate(rule) {
  if (!current) { say("Search for a customer first: a rule is simulated against the customer on screen."); return; }
  const result = await api("POST", "/v1/rules:simulate", { rule_id: rule.rule_id, customer_id: current });
  if (result.status !== 200) { say(problem(result)); return; }
  const s = result.data;
  const why = [];
  if (!s.in_validity_window) why.push("outside its validity window");
  if (s.suppression) why.push(s.suppression.reason);
  const lines = s.conditions.map((t) => `${t.result ? "Holds" : "Does not hold"}: ${comparisonWords(t.fact, t.op, t.value)} ` +
                                        `(this customer: ${t.actual == null ? "unknown" : literalWords(t.actual)})`);
  showDetail(`${rule.name} for ${$("customer-name").textContent}: ${s.fires ? "fires" : "does not fire"}`, [
    ["Fires", s.fires ? "yes" : "no"], ["Conditions hold", s.condition_holds ? "yes" : "no"],
    ["Why not", why.join("; ")], ["Action", s.action ? `${s.action.action_id} by ${s.action.channel || "any channel"}, score ${Number(s.action.score).toFixed(2)}` : null],
    ["Rank among actions", s.rank == null ? null : `${s.rank} of ${s.competing_actions + 1}`]], lines);
}

// ---- the agent's own actions ----------------------------------------------------------------

async function recordInteraction(form) {
  const body = { customer_id: current, channel: form.channel.value, type: form.type.value,
                 direction: form.direction.value, occurred_at: new Date().toISOString(), payload: {} };
  if (form.amount.value) { body.amount = form.amount.value; body.currency = form.currency.value; }
  if (form.note.value) body.payload.note = form.note.value;
  const result = await api("POST", "/v1/interactions", body);
  if (result.status !== 202) { say(problem(result)); return; }
  say(`Interaction ${result.data.interaction_id} recorded.`, true);
  form.note.value = ""; form.amount.value = "";
  // recorded asynchronously (outbox, Kafka): the cockpit reloads once it is applied
  setTimeout(() => current && showCustomer(current, { keepFocus: true }), 800);
}

// a button that opens its section (loading it afresh) or closes it again; aria-expanded says which
function disclosure(buttonId, sectionId, load) {
  const button = $(buttonId);
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", sectionId);
  button.addEventListener("click", guard(async () => {
    if (!$(sectionId).hidden) { $(sectionId).hidden = true; button.setAttribute("aria-expanded", "false"); return; }
    await load();
    button.setAttribute("aria-expanded", String(!$(sectionId).hidden));
  }));
}

document.addEventListener("DOMContentLoaded", () => {
  keyForm(() => $("search-q").focus());
  $("search-form").addEventListener("submit", guard(async (form) => search(form.q.value.trim())));
  $("interaction-form").addEventListener("submit", guard(recordInteraction));
  disclosure("reviews-open", "reviews", loadReviews);
  disclosure("rules-open", "rules", loadRules);
  $("review-accept").addEventListener("click", guard(() => decideReview(true)));
  $("review-reject").addEventListener("click", guard(() => decideReview(false)));
  $("merge-form").addEventListener("submit", guard(mergeInto));
  $("consent-form").addEventListener("submit", guard(saveConsent));
  $("timeline-filter").addEventListener("submit", guard(async () => current && loadTimeline({ customer_id: current })));
  $("r-more").addEventListener("click", guard(() => loadReviews({ more: true })));
  $("t-more").addEventListener("click", guard(async () => current && loadTimeline({ customer_id: current }, { more: true })));
});
