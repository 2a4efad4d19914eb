// The latest requests from the usage ledger (GET /v1/usage/requests), newest first.

import { byId, busy, el, fillTable, showError } from "./dom.js";
import * as format from "./format.js";

const SHOWN = 20;

export function createRecentPanel({ api, signal, projectFilter, projectName, admin }) {
  const panel = byId("recent");
  const error = byId("recent-error");

  async function refresh() {
    const scope = projectFilter() ? `&project=${encodeURIComponent(projectFilter())}` : "";
    await busy(panel, async () => {
      try {
        const page = await api.get(`usage/requests?limit=${SHOWN}${scope}`);
        if (signal.aborted) {
          return;
        }
        showError(error, null);
        const columns = [
          { label: "Time", value: (r) => format.instant(r.created_at) },
          { label: "Model", value: (r) => r.model || r.requested_model },
          { label: "Site", value: (r) => r.site || r.provider || "–" },
          { label: "Strategy", value: (r) => r.strategy || "–" },
          { label: "Tokens in / out", numeric: true, value: (r) => `${format.count(r.prompt_tokens)} / ${format.count(r.completion_tokens)}` },
          { label: "Cost", numeric: true, value: (r) => format.usd(r.cost_usd) },
          { label: "Time to first token", numeric: true, value: (r) => (r.ttft_ms === null ? "–" : `${format.count(r.ttft_ms)} ms`) },
          { label: "Status", value: (r) => status(r) },
        ];
        if (admin) {
          columns.splice(1, 0, { label: "Project", value: (r) => (r.project ? projectName(r.project) : "–") });
        }
        fillTable(byId("table-recent"), columns, page.data, "No requests yet.");
      } catch (failure) {
        if (!signal.aborted) {
          showError(error, failure.describe ? failure.describe() : String(failure));
        }
      }
    });
  }

  return { refresh };
}

function status(record) {
  const failed = record.status >= 400 || record.error_type;
  return el("span", { class: `badge ${failed ? "failed" : "active"}`, text: failed ? `${record.status} ${record.error_type || ""}`.trim() : String(record.status) });
}
