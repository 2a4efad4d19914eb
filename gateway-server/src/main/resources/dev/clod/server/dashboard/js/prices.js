// The price panel: a hosted model's price per million tokens over 4h, 24h or 7d before the energy
// clock's now, at its cheapest site and at each site (GET /v1/models/{id}/prices). Each series is a
// step function: a price holds until the next point, and the last one until the window's end.

import { byId, busy, el, fillTable, segmented, showError } from "./dom.js";
import { PALETTE, draw, erase, textColor } from "./charts.js";
import * as format from "./format.js";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const TICKS = {
  "4h": { step: 30 * MINUTE, label: format.time },
  "24h": { step: 3 * HOUR, label: format.time },
  "7d": { step: 24 * HOUR, label: format.day },
};

export function createPricesPanel({ api, signal }) {
  const panel = byId("prices");
  const error = byId("prices-error");
  const select = byId("price-model");
  let sequence = 0;
  let loadedModels = false;
  const windowChoice = segmented(byId("price-window"), () => refresh(), signal);
  const side = segmented(byId("price-side"), () => refresh(), signal);
  select.addEventListener("change", () => refresh(), { signal });

  async function loadModels() {
    const models = await api.get("models");
    const hosted = models.data.filter((m) => m.category === "hosted");
    const chosen = select.value;
    select.replaceChildren(...hosted.map((m) => el("option", { value: m.id, text: m.name ? `${m.name} (${m.id})` : m.id })));
    if (hosted.some((m) => m.id === chosen)) {
      select.value = chosen;
    }
    loadedModels = true;
    return hosted.length > 0;
  }

  async function refresh() {
    const mine = ++sequence;
    await busy(panel, async () => {
      try {
        if (!loadedModels && !(await loadModels())) {
          showError(error, null);
          byId("prices-range").textContent = "No hosted models in this catalog: only they are priced by the grid.";
          erase("chart-prices");
          return;
        }
        const model = select.value;
        const span = windowChoice();
        const prices = await api.get(`models/${encodeURIComponent(model)}/prices?window=${span}`);
        if (mine !== sequence || signal.aborted) {
          return; // a newer choice is on its way, or the session ended
        }
        showError(error, null);
        render(prices, span, side());
      } catch (failure) {
        if (mine === sequence && !signal.aborted) {
          showError(error, failure.describe ? failure.describe() : String(failure));
        }
      }
    });
  }

  return { refresh };
}

function render(prices, span, side) {
  const from = Date.parse(prices.from);
  const to = Date.parse(prices.to);
  const replayed = Math.abs(Date.now() - to) > HOUR;
  byId("prices-range").textContent =
    `${prices.model}: ${format.instant(from)} to ${format.instant(to)} on the energy clock` +
    (replayed ? " (the gateway replays past prices, so this is not today)." : ".");

  const series = [
    { label: "Cheapest site", points: prices.cheapest, color: textColor(), width: 3 },
    ...prices.sites.map((site, i) => ({
      label: `${site.site} (${site.grid_location})`,
      points: site.series,
      color: PALETTE[i % PALETTE.length],
      width: 1.5,
    })),
  ];
  const ticks = TICKS[span];
  draw("chart-prices", {
    type: "line",
    data: {
      datasets: series.map((s) => ({
        label: s.label,
        data: steps(s.points, side, to),
        borderColor: s.color,
        backgroundColor: s.color,
        borderWidth: s.width,
        stepped: true,
        pointRadius: 0,
        pointHitRadius: 4,
      })),
    },
    options: {
      parsing: false,
      normalized: true,
      interaction: { mode: "nearest", axis: "x", intersect: false },
      plugins: {
        tooltip: {
          callbacks: {
            title: (items) => (items.length ? format.dayTime(items[0].raw.x) + " UTC" : ""),
            label: (item) =>
              `${item.dataset.label}: ${format.pricePer1m(item.raw.y)}` +
              (item.raw.site ? ` at ${item.raw.site}` : "") +
              (item.raw.mwh == null ? "" : `, grid ${format.usdPerMwh(item.raw.mwh)}/MWh`),
          },
        },
      },
      scales: {
        x: {
          type: "linear",
          min: from,
          max: to,
          // Whole hours and days of UTC rather than steps from the window's first instant.
          afterBuildTicks: (scale) => {
            scale.ticks = aligned(from, to, ticks.step);
          },
          ticks: { callback: (value) => ticks.label(value), maxRotation: 0, autoSkipPadding: 12 },
          title: { display: true, text: "energy clock (UTC)" },
        },
        y: {
          ticks: { callback: (value) => format.pricePer1m(value) },
          title: { display: true, text: `USD per 1M ${side} tokens` },
        },
      },
    },
  });
  fillTable(byId("table-prices"), [
    { label: "Series", value: (s) => s.label },
    { label: "Price changes", numeric: true, value: (s) => format.count(s.points.length) },
    { label: "Lowest", numeric: true, value: (s) => format.pricePer1m(extreme(s.points, side, Math.min)) },
    { label: "Highest", numeric: true, value: (s) => format.pricePer1m(extreme(s.points, side, Math.max)) },
    { label: "Latest", numeric: true, value: (s) => format.pricePer1m(latest(s.points, side)) },
  ], series, "No prices in this window.");
}

function aligned(from, to, step) {
  const ticks = [];
  for (let at = Math.ceil(from / step) * step; at <= to; at += step) {
    ticks.push({ value: at });
  }
  return ticks;
}

/** Chart points of a step series, with the last price carried to the window's end. */
function steps(points, side, to) {
  const data = points.map((p) => ({ x: Date.parse(p.at), y: Number(p.price_per_1m[side]), site: p.site, mwh: p.usd_per_mwh }));
  if (data.length > 0 && data[data.length - 1].x < to) {
    data.push({ ...data[data.length - 1], x: to });
  }
  return data;
}

function extreme(points, side, pick) {
  return points.length ? pick(...points.map((p) => Number(p.price_per_1m[side]))) : null;
}

function latest(points, side) {
  return points.length ? points[points.length - 1].price_per_1m[side] : null;
}
