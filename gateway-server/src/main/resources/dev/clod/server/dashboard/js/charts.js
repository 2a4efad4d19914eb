// Chart.js, loaded from the gateway's own webjar before this module runs (window.Chart), themed from
// the page's CSS custom properties. Charts are updated in place, so a refresh keeps the same instance.

/** Colours told apart with the common forms of colour blindness (Okabe and Ito). */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#8C6D31", "#999999"];

export function chartLibrary() {
  return window.Chart || null;
}

/** Reads the theme into Chart.js' defaults; again when the system switches light and dark. */
export function applyTheme() {
  const Chart = chartLibrary();
  const style = getComputedStyle(document.documentElement);
  Chart.defaults.color = style.getPropertyValue("--muted").trim();
  Chart.defaults.borderColor = style.getPropertyValue("--grid").trim();
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  // Figures change on refresh; animating every update would only make them harder to read.
  Chart.defaults.animation = false;
  Chart.defaults.responsive = true;
  Chart.defaults.maintainAspectRatio = false;
}

export function textColor() {
  return getComputedStyle(document.documentElement).getPropertyValue("--text").trim();
}

/** Draws on the canvas, or updates the chart already drawn there. */
export function draw(canvasId, config) {
  const Chart = chartLibrary();
  const canvas = document.getElementById(canvasId);
  const existing = Chart.getChart(canvas);
  if (existing && existing.config.type === config.type) {
    existing.data = config.data;
    existing.options = config.options;
    existing.update();
    return existing;
  }
  if (existing) {
    existing.destroy();
  }
  return new Chart(canvas, config);
}

export function erase(canvasId) {
  const chart = chartLibrary().getChart(document.getElementById(canvasId));
  if (chart) {
    chart.destroy();
  }
}

/** Re-themes every chart on the page. */
export function redrawAll() {
  applyTheme();
  for (const canvas of document.querySelectorAll("canvas")) {
    const chart = chartLibrary().getChart(canvas);
    if (chart) {
      chart.update();
    }
  }
}
