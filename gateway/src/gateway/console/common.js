// What the console's pages share (loaded before each page's own script): the API key the person typed,
// kept in sessionStorage for this tab only and never in the page; calls to this gateway's public API
// with it; and building the page with textContent only, so data can never become markup.
"use strict";

const KEY = "idic.apiKey";
const $ = (id) => document.getElementById(id);

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
  $(id).replaceChildren(...nodes);
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

function keyState() {
  $("key-state").textContent = sessionStorage.getItem(KEY) ? "key set for this tab" : "no key";
}

function guard(fn) {
  return async (event) => {
    event.preventDefault();
    try { await fn(event.target); } catch (err) { say(err.message || String(err)); }
  };
}

// the key form of the page's header: `then` runs once a key is set (to move the focus on)
function keyForm(then) {
  keyState();
  $("key-form").addEventListener("submit", guard(async () => {
    sessionStorage.setItem(KEY, $("api-key").value.trim());
    $("api-key").value = "";
    keyState();
    then();
  }));
  $("key-forget").addEventListener("click", () => { sessionStorage.removeItem(KEY); keyState(); });
}
