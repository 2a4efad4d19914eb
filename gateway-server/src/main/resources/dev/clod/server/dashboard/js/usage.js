// The usage panel: requests, tokens, models, cost and energy over today (by hour), 7 or 30 days (by
// day), from GET /v1/usage. The API scopes it: the admin key sees every project (or the one chosen),
// a project's key its own.

import { byId, busy, fillTable, segmented, showError } from "./dom.js";
import { PALETTE, draw, textColor } from "./charts.js";
import * as format from "./format.js";

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** The UTC range and grouping of a period; buckets are the group keys the API answers with. */
export function periodRange(period, now = Date.now()) {
  const today = now - (now % DAY);
  const days = { today: 1, "7d": 7, "30d": 30 }[period];
  const from = today - (days - 1) * DAY;
  const hourly = period === "today";
  const step = hourly ? HOUR : DAY;
  const buckets = [];
  for (let at = from; at <= now; at += step) {
    buckets.push(hourly ? hourKey(at) : dayKey(at));
  }
  return { from, to: now, groupBy: hourly ? "hour" : "day", buckets };
}

function hourKey(at) {
  return `${new Date(at).toISOString().slice(0, 13)}:00:00Z`;
}

function dayKey(at) {
  return new Date(at).toISOString().slice(0, 10);
}

/** "13:00" for an hour, "22 Nov" for a day; a rolled-up day within hours says so. */
function bucketLabel(key, groupBy) {
  if (key.length === 10) {
    return groupBy === "hour" ? `${format.day(key)} (day total)` : format.day(key);
  }
  return format.time(key);
}

const PERIOD_TEXT = { today: "Today", "7d": "The last 7 days", "30d": "The last 30 days" };

export function createUsagePanel({ api, signal, projectFilter }) {
  const panel = byId("usage");
  const error = byId("usage-error");
  let sequence = 0;
  const period = segmented(byId("period"), () => refresh(), signal);

  async function refresh() {
    const mine = ++sequence;
    const range = periodRange(period());
    const scope = projectFilter() ? `&project=${encodeURIComponent(projectFilter())}` : "";
    const from = encodeURIComponent(new Date(range.from).toISOString());
    await busy(panel, async () => {
      try {
        const [timeline, models] = await Promise.all([
          api.get(`usage?group_by=${range.groupBy}&from=${from}${scope}`),
          api.get(`usage?group_by=model&from=${from}${scope}`),
        ]);
        if (mine !== sequence || signal.aborted) {
          return; // a newer choice of period or project is on its way, or the session ended
        }
        showError(error, null);
        render(period(), range, timeline, models);
      } catch (failure) {
        if (mine === sequence && !signal.aborted) {
          showError(error, failure.describe ? failure.describe() : String(failure));
        }
      }
    });
  }

  return { refresh };
}

function render(period, range, timeline, models) {
  const rows = new Map(timeline.data.map((row) => [row[range.groupBy], row]));
  // Every bucket of the period, empty ones as zero; keys only the API knows (a rolled-up day) too.
  const keys = [...new Set([...range.buckets, ...rows.keys()])].sort();
  const series = keys.map((key) => rows.get(key) || emptyRow(key));
  const labels = keys.map((key) => bucketLabel(key, range.groupBy));
  const unit = range.groupBy === "hour" ? "hour" : "day";

  byId("usage-range").textContent = `${PERIOD_TEXT[period]}: from ${format.instant(range.from)} to now, by ${unit} (UTC).`;
  renderTotals(models.data);
  renderRequests(labels, series, unit);
  renderTokens(labels, series, unit);
  renderModels(models.data);
  renderConsumption(labels, series, unit);
}

function emptyRow(key) {
  return { key, requests: 0, failed_requests: 0, prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, cost_usd: 0, energy_kwh: 0 };
}

function sum(rows, field) {
  return rows.reduce((total, row) => total + Number(row[field]), 0);
}

function renderTotals(rows) {
  const failed = sum(rows, "failed_requests");
  byId("total-requests").textContent = format.count(sum(rows, "requests")) + (failed ? ` (${format.count(failed)} failed)` : "");
  byId("total-tokens").textContent = format.count(sum(rows, "total_tokens"));
  byId("total-cost").textContent = format.usd(sum(rows, "cost_usd"));
  byId("total-energy").textContent = format.kwh(sum(rows, "energy_kwh"));
}

function stackedBars(labels, datasets, unit, yTitle) {
  return {
    type: "bar",
    data: { labels, datasets },
    options: {
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked: true, title: { display: true, text: `${unit} (UTC)` } },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: yTitle } },
      },
    },
  };
}

function renderRequests(labels, series, unit) {
  draw("chart-requests", stackedBars(labels, [
    { label: "Succeeded", data: series.map((r) => r.requests - r.failed_requests), backgroundColor: PALETTE[0] },
    { label: "Failed", data: series.map((r) => r.failed_requests), backgroundColor: PALETTE[3] },
  ], unit, "requests"));
  fillTable(byId("table-requests"), [
    { label: unit, value: (r) => r.label },
    { label: "Requests", numeric: true, value: (r) => format.count(r.requests) },
    { label: "Failed", numeric: true, value: (r) => format.count(r.failed_requests) },
  ], withLabels(labels, series));
}

function renderTokens(labels, series, unit) {
  draw("chart-tokens", stackedBars(labels, [
    { label: "Prompt", data: series.map((r) => r.prompt_tokens), backgroundColor: PALETTE[5] },
    { label: "Completion", data: series.map((r) => r.completion_tokens), backgroundColor: PALETTE[1] },
  ], unit, "tokens"));
  fillTable(byId("table-tokens"), [
    { label: unit, value: (r) => r.label },
    { label: "Prompt", numeric: true, value: (r) => format.count(r.prompt_tokens) },
    { label: "Completion", numeric: true, value: (r) => format.count(r.completion_tokens) },
  ], withLabels(labels, series));
}

function renderModels(rows) {
  const sorted = [...rows].sort((a, b) => b.requests - a.requests);
  draw("chart-models", {
    type: "bar",
    data: {
      labels: sorted.map((r) => r.model || "(no model)"),
      datasets: [{ label: "Requests", data: sorted.map((r) => r.requests), backgroundColor: sorted.map((_, i) => PALETTE[i % PALETTE.length]) }],
    },
    options: {
      indexAxis: "y",
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: "requests" } } },
    },
  });
  fillTable(byId("table-models"), [
    { label: "Model", value: (r) => r.model || "(no model)" },
    { label: "Requests", numeric: true, value: (r) => format.count(r.requests) },
    { label: "Tokens", numeric: true, value: (r) => format.count(r.total_tokens) },
    { label: "Cost", numeric: true, value: (r) => format.usd(r.cost_usd) },
    { label: "Energy", numeric: true, value: (r) => format.kwh(r.energy_kwh) },
  ], sorted, "No requests in this period.");
}

function renderConsumption(labels, series, unit) {
  draw("chart-consumption", {
    type: "bar",
    data: {
      labels,
      datasets: [
        { type: "bar", label: "Cost (USD)", data: series.map((r) => Number(r.cost_usd)), backgroundColor: PALETTE[2], yAxisID: "cost" },
        {
          type: "line",
          label: "Energy (kWh)",
          data: series.map((r) => Number(r.energy_kwh)),
          borderColor: textColor(),
          backgroundColor: textColor(),
          pointRadius: 2,
          yAxisID: "energy",
        },
      ],
    },
    options: {
      interaction: { mode: "index", intersect: false },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label}: ${item.dataset.yAxisID === "cost" ? format.usd(item.raw) : format.kwh(item.raw)}`,
          },
        },
      },
      scales: {
        x: { title: { display: true, text: `${unit} (UTC)` } },
        cost: { position: "left", beginAtZero: true, ticks: { callback: (v) => format.usd(v) }, title: { display: true, text: "USD" } },
        energy: {
          position: "right",
          beginAtZero: true,
          grid: { drawOnChartArea: false },
          ticks: { callback: (v) => format.kwh(v) },
          title: { display: true, text: "kWh" },
        },
      },
    },
  });
  fillTable(byId("table-consumption"), [
    { label: unit, value: (r) => r.label },
    { label: "Cost", numeric: true, value: (r) => format.usd(r.cost_usd) },
    { label: "Energy", numeric: true, value: (r) => format.kwh(r.energy_kwh) },
  ], withLabels(labels, series));
}

function withLabels(labels, series) {
  return series.map((row, i) => ({ ...row, label: labels[i] }));
}
