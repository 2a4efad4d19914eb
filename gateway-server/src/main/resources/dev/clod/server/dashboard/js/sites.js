// Each site's electricity price now (GET /v1/energy/sites): where it comes from, whether it is live,
// and the last error of its feed.

import { byId, busy, el, fillTable, showError } from "./dom.js";
import * as format from "./format.js";

export function createSitesPanel({ api, signal }) {
  const panel = byId("sites");
  const error = byId("sites-error");

  async function refresh() {
    await busy(panel, async () => {
      try {
        const sites = await api.get("energy/sites");
        if (signal.aborted) {
          return;
        }
        showError(error, null);
        byId("sites-range").textContent = `As of ${format.instant(sites.as_of)} on the energy clock; a price holds until the next change.`;
        fillTable(byId("table-sites"), [
          { label: "Site", value: (s) => s.site },
          { label: "Grid location", value: (s) => s.grid_location },
          { label: "PUE", numeric: true, value: (s) => String(s.pue) },
          { label: "$/MWh", numeric: true, value: (s) => format.usdPerMwh(s.usd_per_mwh) },
          { label: "Status", value: (s) => el("span", { class: `badge ${s.status}`, text: s.status }) },
          { label: "Since", value: (s) => format.instant(s.since) },
          { label: "Feed", value: (s) => s.feed },
          { label: "Feed error", value: (s) => s.feed_error || "–" },
          { label: "Models", value: (s) => s.models.map((m) => m.model).join(", ") || "–" },
        ], sites.data, "No sites: this catalog has no hosted deployments.");
      } catch (failure) {
        if (!signal.aborted) {
          showError(error, failure.describe ? failure.describe() : String(failure));
        }
      }
    });
  }

  return { refresh };
}
