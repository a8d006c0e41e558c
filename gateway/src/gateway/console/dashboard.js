// I-D-I-C dashboard: one picture per report of this gateway's public API (GET /v1/reports/...), drawn
// with the vendored Apache ECharts (SVG, no animation), each followed by its numbers as a table (for
// screen readers and copy-paste). The filters above apply to every picture. Text goes in with
// textContent only (common.js); chart labels are ECharts' own text nodes, never HTML.
"use strict";

const charts = {}; // element id -> its ECharts instance, kept across reloads
let loads = 0; // a load draws only if no later one started meanwhile (an older answer must not overwrite a newer)
const pct = (x) => (x == null ? "" : `${(x * 100).toFixed(1)} %`);
const words = (s) => (s == null ? "not tiered" : String(s).replaceAll("_", " "));

function chart(id, summary, option) {
  const node = $(id);
  node.setAttribute("role", "img");
  node.setAttribute("aria-label", summary);
  charts[id] = charts[id] || echarts.init(node, null, { renderer: "svg" });
  charts[id].setOption({ animation: false, aria: { enabled: false }, ...option }, true);
}

function rows(id, cells, none) {
  fill(id, cells.length ? cells.map((c) => {
    const tr = el("tr");
    for (const v of c) tr.append(el("td", v));
    return tr;
  }) : [(() => { const tr = el("tr"); tr.append(el("td", none, { colspan: "5" })); return tr; })()]);
}

function query(names) {
  const form = $("filters");
  const params = new URLSearchParams();
  for (const name of names) {
    const value = form[name].value;
    if (!value) continue;
    params.set(name, name === "since" || name === "until" ? `${value}T00:00:00Z` : value);
  }
  return params.toString() ? `?${params}` : "";
}

// a report, or null after saying in its section why it is missing (nothing at all when a later load started)
async function report(path, names, sectionIds, load) {
  const result = await api("GET", `/v1/reports/${path}${query(names)}`);
  if (load !== loads) return null;
  if (result.status === 200) return result.data;
  for (const id of sectionIds) {
    rows(id, [], problem(result));
    if (charts[id.replace("-table", "-chart")]) charts[id.replace("-table", "-chart")].clear();
  }
  say(problem(result));
  return null;
}

function drawValue(v) {
  const deciles = v.deciles;
  chart("pareto-chart", `Pareto curve: the top tenth of ${v.customers} customers holds ${pct(deciles[0].share)} of the net value, ` +
        `the top two tenths ${pct(deciles[1].cumulative_share)}.`, {
    tooltip: { trigger: "axis" },
    legend: { data: ["Share of value", "Cumulative share"] },
    xAxis: { type: "category", name: "tenth", data: deciles.map((d) => String(d.decile)) },
    yAxis: { type: "value", name: "% of net value", axisLabel: { formatter: "{value} %" } },
    series: [
      { name: "Share of value", type: "bar", data: deciles.map((d) => (d.share == null ? null : +(d.share * 100).toFixed(2))) },
      { name: "Cumulative share", type: "line", data: deciles.map((d) => (d.cumulative_share == null ? null : +(d.cumulative_share * 100).toFixed(2))) },
    ],
  });
  rows("pareto-table", deciles.map((d) => [d.decile, d.customers, `${d.value} ${v.currency || ""}`.trim(), pct(d.share),
    pct(d.cumulative_share)]), "no customers");

  const clv = v.clv.histogram; const churn = v.churn_risk.histogram;
  chart("clv-chart", `CLV of ${v.clv.customers} customers, median ${v.clv.quantiles.p50 ?? "unknown"}.`, {
    title: { text: v.clv.customers ? "12-month CLV" : "12-month CLV: none yet (no CLV model fitted)",
             textStyle: { fontSize: 13 } },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: clv.map((b) => (b.to == null ? `${b.from}+` : `${b.from}–${b.to}`)) },
    yAxis: { type: "value", name: "customers" },
    series: [{ type: "bar", data: clv.map((b) => b.customers) }],
  });
  chart("churn-chart", `Churn risk of ${v.churn_risk.customers} customers, mean ${v.churn_risk.mean == null ? "unknown" : pct(v.churn_risk.mean)}.`, {
    title: { text: v.churn_risk.customers ? "Churn risk" : "Churn risk: none yet (no CLV model, no lapse)",
             textStyle: { fontSize: 13 } },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: churn.map((b) => `${Math.round(b.from * 100)}–${Math.round(b.to * 100)} %`) },
    yAxis: { type: "value", name: "customers" },
    series: [{ type: "bar", data: churn.map((b) => b.customers) }],
  });
  rows("dist-table", [...clv.map((b) => ["CLV 12 months", b.from, b.to ?? "and above", b.customers]),
    ...churn.map((b) => ["Churn risk", pct(b.from), pct(b.to), b.customers])], "no customers scored");
}

function drawTiers(t) {
  chart("tiers-chart", "Tiers: " + t.tiers.map((x) => `${words(x.tier)} ${pct(x.customer_share)} of customers, ${pct(x.value_share)} of value`).join("; ") + ".", {
    tooltip: { trigger: "axis" },
    legend: { data: ["Share of customers", "Share of value"] },
    xAxis: { type: "category", data: t.tiers.map((x) => words(x.tier)) },
    yAxis: { type: "value", axisLabel: { formatter: "{value} %" } },
    series: [
      { name: "Share of customers", type: "bar", data: t.tiers.map((x) => (x.customer_share == null ? null : +(x.customer_share * 100).toFixed(2))) },
      { name: "Share of value", type: "bar", data: t.tiers.map((x) => (x.value_share == null ? null : +(x.value_share * 100).toFixed(2))) },
    ],
  });
  rows("tiers-table", t.tiers.map((x) => [words(x.tier), x.customers, pct(x.customer_share), x.value, pct(x.value_share)]),
       "not tiered yet");

  const periods = [...new Set(t.movements.map((m) => m.period_start))];
  const pairs = [...new Set(t.movements.map((m) => `${words(m.from_tier)} → ${words(m.to_tier)}`))];
  const count = (period, pair) => t.movements.filter((m) => m.period_start === period
    && `${words(m.from_tier)} → ${words(m.to_tier)}` === pair).reduce((n, m) => n + m.customers, 0);
  chart("moves-chart", `Movements between tiers in ${periods.length} period(s): ` +
        `${t.movements.reduce((n, m) => n + m.customers, 0)} in all.`, {
    tooltip: { trigger: "axis" },
    legend: { type: "scroll", data: pairs },
    xAxis: { type: "category", data: periods.map((p) => p.slice(0, 10)) },
    yAxis: { type: "value", name: "customers" },
    series: pairs.map((pair) => ({ name: pair, type: "bar", stack: "moves", data: periods.map((p) => count(p, pair)) })),
  });
  rows("moves-table", t.movements.map((m) => [m.period_start.slice(0, 10), words(m.from_tier), words(m.to_tier), m.customers]),
       "no movements in this window");

  const history = t.history || [];
  const starts = [...new Set(history.map((h) => h.period_start))];
  const tierNames = [...new Set(history.map((h) => h.tier))];
  const at = (tier, start) => history.find((h) => h.tier === tier && h.period_start === start);
  const latest = starts[starts.length - 1];
  chart("history-chart", starts.length
    ? `Net value per tier over ${starts.length} period(s); in the latest: ` +
      tierNames.map((tier) => `${words(tier)} ${(at(tier, latest) || {}).value ?? "none"}`).join(", ") + "."
    : "No population run in this window yet.", {
    tooltip: { trigger: "axis" },
    legend: { data: tierNames.map(words) },
    xAxis: { type: "category", data: starts.map((p) => p.slice(0, 10)) },
    yAxis: { type: "value", name: "net value" },
    series: tierNames.map((tier) => ({ name: words(tier), type: "line",
      data: starts.map((p) => (at(tier, p) ? Number(at(tier, p).value) : null)) })),
  });
  rows("history-table", history.map((h) => [h.period_start.slice(0, 10), words(h.tier), h.customers, h.value]),
       "no population run in this window");
}

function drawCohorts(c) {
  const cohorts = c.cohorts.map((x) => x.cohort_start.slice(0, 7));
  const width = Math.max(0, ...c.cells.map((x) => x.period_index)) + 1;
  const share = (x) => (x.share_active == null ? 0 : +(x.share_active * 100).toFixed(1));
  const second = c.cells.filter((x) => x.period_index === 1);
  const last = second[second.length - 1];
  chart("cohorts-chart", c.cohorts.length
    ? `Cohorts of ${cohorts[0]} to ${cohorts[cohorts.length - 1]}` +
      (last ? `: ${pct(last.share_active)} of the ${last.cohort_start.slice(0, 7)} cohort bought again the month after.` : ".")
    : "No cohorts: nobody has bought yet.", {
    tooltip: { position: "top" },
    grid: { left: 70, right: 20, top: 10, bottom: 70 },
    xAxis: { type: "category", name: "months since", nameLocation: "middle", nameGap: 25,
             data: [...Array(width).keys()].map(String), splitArea: { show: true } },
    yAxis: { type: "category", data: cohorts, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: 100, calculable: false, orient: "horizontal", left: "center", bottom: 0,
                 text: ["100 %", "0 %"], itemHeight: 120 },
    series: [{ name: "still buying (%)", type: "heatmap", label: { show: cohorts.length <= 12 && width <= 12 },
               data: c.cells.map((x) => [x.period_index, cohorts.indexOf(x.cohort_start.slice(0, 7)), share(x)]) }],
  });
  const head = el("tr");
  head.append(el("th", "Cohort", { scope: "col" }), el("th", "Customers", { scope: "col" }));
  for (let k = 0; k < width; k++) head.append(el("th", `+${k}`, { scope: "col" }));
  fill("cohorts-head", [head]);
  fill("cohorts-table", c.cohorts.length ? c.cohorts.map((x) => {
    const tr = el("tr");
    tr.append(el("th", x.cohort_start.slice(0, 7), { scope: "row" }), el("td", x.customers));
    for (let k = 0; k < width; k++) {
      const cell = c.cells.find((y) => y.cohort_start === x.cohort_start && y.period_index === k);
      tr.append(el("td", cell ? pct(cell.share_active) : ""));
    }
    return tr;
  }) : [(() => { const tr = el("tr"); tr.append(el("td", "nobody has bought yet", { colspan: "2" })); return tr; })()]);
}

function drawLinkage(l) {
  const groups = [...l.nps_groups, ...l.complaints];
  const name = (g) => words(g.group).replace("no answer", "no NPS answer");
  const by = Object.fromEntries(groups.map((g) => [g.group, g]));
  chart("linkage-chart", groups.length
    ? `Still buying: promoters ${pct(by.promoter.active_share)}, detractors ${pct(by.detractor.active_share)}; ` +
      `customers who complained ${pct(by.complained.active_share)}, the others ${pct(by.no_complaint.active_share)}.`
    : "No population run yet.", {
    tooltip: { trigger: "axis" },
    legend: { data: ["Still buying", "Mean net value"] },
    xAxis: { type: "category", data: groups.map(name), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: [{ type: "value", name: "still buying", max: 100, axisLabel: { formatter: "{value} %" } },
            { type: "value", name: "mean net value" }],
    series: [
      { name: "Still buying", type: "bar", data: groups.map((g) => (g.active_share == null ? null : +(g.active_share * 100).toFixed(1))) },
      { name: "Mean net value", type: "line", yAxisIndex: 1, data: groups.map((g) => (g.mean_value == null ? null : Number(g.mean_value))) },
    ],
  });
  $("linkage-caption").textContent = `Retention (a purchase in the last ${l.active_days} days) and value by what customers said`;
  rows("linkage-table", groups.map((g) => [name(g), g.customers, pct(g.active_share), g.mean_value ?? "",
    g.mean_churn_risk == null ? "" : pct(g.mean_churn_risk)]), "no population run yet");
}

function drawRules(t) {
  const periods = [...new Set(t.rules.map((r) => r.period_start))].sort();
  const rules = [...new Set(t.rules.map((r) => r.rule_id))];
  const at = (rule, period) => t.rules.find((r) => r.rule_id === rule && r.period_start === period);
  const points = (x) => (x == null ? null : +(x * 100).toFixed(1));
  const pointsText = (x) => `${(x * 100).toFixed(1)} points`;
  const latest = periods[periods.length - 1];
  chart("rules-chart", rules.length
    ? `Uplift of ${rules.length} rule(s) over ${periods.length} period(s); in the latest: ` +
      rules.map((r) => `${r} ${at(r, latest) && at(r, latest).uplift != null ? pointsText(at(r, latest).uplift) : "no control"}`).join(", ") + "."
    : "No decisions in this window.", {
    tooltip: { trigger: "axis" },
    legend: { type: "scroll", data: rules },
    xAxis: { type: "category", data: periods.map((p) => p.slice(0, 10)) },
    yAxis: { type: "value", name: "uplift (points)" },
    series: rules.map((r) => ({ name: r, type: "line", connectNulls: false,
                                data: periods.map((p) => (at(r, p) ? points(at(r, p).uplift) : null)) })),
  });
  const money = (revenue) => Object.entries(revenue).map(([c, a]) => `${a} ${c}`).join(", ");
  rows("rules-table", t.rules.map((r) => [r.rule_id, r.period_start.slice(0, 10), r.presented, r.accepted, r.converted,
    pct(r.conversion_rate), pct(r.control_conversion_rate), r.uplift == null ? "" : pointsText(r.uplift),
    money(r.revenue)]), "no decisions in this window");
}

function drawChannels(c) {
  const periods = [...new Set(c.rows.map((r) => r.period_start))].sort();
  const channels = [...new Set(c.rows.map((r) => r.channel))].sort();
  const at = (ch, p) => c.rows.find((r) => r.channel === ch && r.period_start === p);
  const lines = (value) => channels.map((ch) => ({ name: ch, type: "line",
    data: periods.map((p) => (at(ch, p) ? value(at(ch, p)) : null)) }));
  const common = { tooltip: { trigger: "axis" }, legend: { type: "scroll", bottom: 0, data: channels },
                   xAxis: { type: "category", data: periods.map((p) => p.slice(0, 10)) } };
  const latest = periods[periods.length - 1];
  const now = channels.map((ch) => at(ch, latest)).filter(Boolean);
  chart("channel-cost-chart", now.length ? `Cost per interaction in the latest period: ` +
        now.map((r) => `${r.channel} ${r.cost_per_interaction}`).join(", ") + "." : "No interactions in this window.", {
    ...common, title: { text: "Cost per interaction", textStyle: { fontSize: 13 } }, yAxis: { type: "value" },
    series: lines((r) => (r.cost_per_interaction == null ? null : Number(r.cost_per_interaction))),
  });
  chart("channel-conversion-chart", now.length ? `Conversion in the latest period: ` +
        now.map((r) => `${r.channel} ${pct(r.conversion_rate)}`).join(", ") + "." : "No interactions in this window.", {
    ...common, title: { text: "Conversion (purchases per interaction)", textStyle: { fontSize: 13 } },
    yAxis: { type: "value", axisLabel: { formatter: "{value} %" } },
    series: lines((r) => (r.conversion_rate == null ? null : +(r.conversion_rate * 100).toFixed(1))),
  });
  const money = (revenue) => Object.entries(revenue).map(([cur, a]) => `${a} ${cur}`).join(", ");
  rows("channels-table", c.rows.map((r) => [r.period_start.slice(0, 10), r.channel, r.interactions, r.cost,
    r.cost_per_interaction ?? "", r.purchases, money(r.revenue), pct(r.conversion_rate)]), "no interactions in this window");
}

function drawFeedback(f) {
  const periods = f.periods.map((p) => p.period_start);
  const tiers = [...new Set(f.by_tier.map((x) => x.tier))];
  const atTier = (t, p) => f.by_tier.find((x) => x.tier === t && x.period_start === p);
  const latest = f.periods[f.periods.length - 1];
  chart("nps-chart", latest ? `NPS ${latest.nps ?? "unknown"} in the latest period, from ${latest.nps_responses} answers; ` +
        `per tier: ${tiers.map((t) => `${words(t)} ${(atTier(t, latest.period_start) || {}).nps ?? "no answers"}`).join(", ")}.`
        : "No answers in this window.", {
    tooltip: { trigger: "axis" }, legend: { type: "scroll", bottom: 0 },
    xAxis: { type: "category", data: periods.map((p) => p.slice(0, 10)) },
    yAxis: { type: "value", min: -100, max: 100, name: "NPS" },
    series: [{ name: "all answers", type: "line", data: f.periods.map((p) => p.nps) },
      ...tiers.map((t) => ({ name: words(t), type: "line", data: periods.map((p) => (atTier(t, p) ? atTier(t, p).nps : null)) }))],
  });
  rows("nps-table", [...f.periods.map((p) => [p.period_start.slice(0, 10), "all answers", p.nps_responses, p.nps ?? "", p.csat_mean ?? ""]),
    ...f.by_tier.map((x) => [x.period_start.slice(0, 10), words(x.tier), x.nps_responses, x.nps ?? "", x.csat_mean ?? ""])],
  "no answers in this window");
}

// the segments to filter by, once: value, tiers and linkage are kept per segment by every population run
let segmentsListed = false;
async function listSegments() {
  if (segmentsListed) return;
  const result = await api("GET", "/v1/segments");
  if (result.status !== 200) return; // the filter then offers everyone only
  segmentsListed = true;
  $("f-segment").append(...result.data.segments.map((s) => el("option", `${s.name} (${s.kind})`, { value: s.id })));
}

async function load() {
  const mine = ++loads;
  listSegments().catch(() => {});
  say("");
  const [value, tiers, cohorts, linkage, treatments, channels, feedback] = await Promise.all([
    report("value", ["since", "until", "tier", "segment"], ["pareto-table", "dist-table"], mine),
    report("tiers", ["since", "until", "period", "segment"], ["tiers-table", "moves-table", "history-table"], mine),
    report("cohorts", ["since", "until"], ["cohorts-table"], mine),
    report("linkage", ["since", "until", "tier", "segment"], ["linkage-table"], mine),
    report("treatments", ["since", "until", "period"], ["rules-table"], mine),
    report("channels", ["since", "until", "period", "tier"], ["channels-table"], mine),
    report("feedback", ["since", "until", "period", "tier"], ["nps-table"], mine),
  ]);
  if (mine !== loads) return; // a later load draws instead
  if (value) drawValue(value);
  if (tiers) drawTiers(tiers);
  if (cohorts) drawCohorts(cohorts);
  if (linkage) drawLinkage(linkage);
  if (treatments) drawRules(treatments);
  if (channels) drawChannels(channels);
  if (feedback) drawFeedback(feedback);
  const asOf = (value && value.as_of) || (tiers && tiers.as_of);
  $("as-of").textContent = asOf ? `As of the population run of ${new Date(asOf).toLocaleString()}.`
    : (value || tiers ? "No population run in this window yet: nothing to show." : "");
}

document.addEventListener("DOMContentLoaded", () => {
  keyForm(() => load().catch((err) => say(err.message || String(err))));
  $("filters").addEventListener("submit", guard(load));
  window.addEventListener("resize", () => Object.values(charts).forEach((c) => c.resize()));
  if (sessionStorage.getItem(KEY)) load().catch((err) => say(err.message || String(err)));
});
