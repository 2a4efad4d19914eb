// Projects and keys, for the admin key (/v1/admin/…). A new key's secret is shown once, in the page
// only, and dropped when the admin closes it; it is never stored.

import { byId, busy, el, fillTable, showError } from "./dom.js";
import * as format from "./format.js";

export function createAdminPanel({ api, signal, onProjects }) {
  const panel = byId("admin");
  const error = byId("admin-error");
  const projectForm = byId("project-form");
  const keyForm = byId("key-form");
  const secretPanel = byId("secret-panel");
  const secretValue = byId("secret-value");
  let projects = [];

  projectForm.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(projectForm, async () => {
      const body = { name: projectForm.elements.name.value.trim() };
      const allowed = projectForm.elements.allowed_models.value.split(",").map((m) => m.trim()).filter(Boolean);
      if (allowed.length) {
        body.allowed_models = allowed;
      }
      const budget = projectForm.elements.budget_usd_per_month.value.trim();
      if (budget) {
        body.budget_usd_per_month = Number(budget);
      }
      await api.post("admin/projects", body);
      projectForm.reset();
      await refresh();
    });
  }, { signal });

  keyForm.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(keyForm, async () => {
      const body = { name: keyForm.elements.name.value.trim() };
      if (keyForm.elements.project.value) {
        body.project = keyForm.elements.project.value;
      }
      for (const field of ["rpm", "tpm"]) {
        if (keyForm.elements[field].value) {
          body[field] = Number(keyForm.elements[field].value);
        }
      }
      const created = await api.post("admin/keys", body);
      keyForm.reset();
      showSecret(created);
      await refresh();
    });
  }, { signal });

  byId("secret-done").addEventListener("click", hideSecret, { signal });
  byId("secret-copy").addEventListener("click", async () => {
    const note = byId("secret-copied");
    try {
      await navigator.clipboard.writeText(secretValue.value);
      note.textContent = "Copied to the clipboard.";
    } catch {
      secretValue.select();
      note.textContent = "Selected: press Ctrl+C (⌘C) to copy.";
    }
  }, { signal });

  /** Runs a form's request with its button disabled; a refusal is shown, not thrown. */
  async function submit(form, work) {
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      await work();
      showError(error, null);
    } catch (failure) {
      showError(error, failure.describe ? failure.describe() : String(failure));
    } finally {
      button.disabled = false;
    }
  }

  function showSecret(created) {
    byId("secret-name").textContent = `“${created.name}” (${created.id})`;
    secretValue.value = created.key;
    byId("secret-copied").textContent = "";
    secretPanel.hidden = false;
    secretValue.focus();
    secretValue.select();
  }

  function hideSecret() {
    secretValue.value = "";
    secretPanel.hidden = true;
  }

  async function confirmRevoke(key) {
    const dialog = byId("revoke-dialog");
    byId("revoke-text").textContent =
      `Key “${key.name}” (${key.prefix}…, ${key.id}) stops working at once: every client using it gets 401. This cannot be undone.`;
    dialog.returnValue = "";
    dialog.showModal();
    await new Promise((resolve) => dialog.addEventListener("close", resolve, { once: true }));
    if (dialog.returnValue !== "revoke") {
      return;
    }
    await busy(panel, async () => {
      try {
        await api.delete(`admin/keys/${encodeURIComponent(key.id)}`);
        showError(error, null);
      } catch (failure) {
        showError(error, failure.describe ? failure.describe() : String(failure));
      }
    });
    await refresh();
  }

  function renderProjects() {
    fillTable(byId("table-projects"), [
      { label: "Name", value: (p) => p.name },
      { label: "Id", value: (p) => el("code", { text: p.id }) },
      { label: "Allowed models", value: (p) => (p.allowed_models.length ? p.allowed_models.join(", ") : "all") },
      { label: "Budget / month", numeric: true, value: (p) => (p.budget_usd_per_month === null ? "none" : format.usd(p.budget_usd_per_month)) },
    ], projects, "No projects yet.");
    const select = byId("key-project");
    const chosen = select.value;
    select.replaceChildren(el("option", { value: "", text: "none" }), ...projects.map((p) => el("option", { value: p.id, text: p.name })));
    select.value = projects.some((p) => p.id === chosen) ? chosen : "";
  }

  function renderKeys(keys) {
    const projectName = new Map(projects.map((p) => [p.id, p.name]));
    fillTable(byId("table-keys"), [
      { label: "Name", value: (k) => k.name },
      { label: "Prefix", value: (k) => el("code", { text: `${k.prefix}…` }) },
      { label: "Project", value: (k) => (k.project ? projectName.get(k.project) || k.project : "–") },
      { label: "Limits", value: (k) => limits(k) },
      { label: "Created", value: (k) => el("span", { title: format.instant(k.created_at), text: format.date(k.created_at) }) },
      {
        label: "Status",
        value: (k) =>
          k.revoked_at
            ? el("span", { class: "badge revoked", title: format.instant(k.revoked_at), text: "revoked" })
            : el("span", { class: "badge active", text: "active" }),
      },
      {
        label: "Action",
        value: (k) =>
          k.revoked_at
            ? ""
            : el("button", { type: "button", class: "danger", "data-key-id": k.id, "aria-label": `Revoke key ${k.name}`, onclick: () => confirmRevoke(k), text: "Revoke" }),
      },
    ], keys, "No keys yet.");
  }

  async function refresh() {
    await busy(panel, async () => {
      try {
        const [projectList, keyList] = await Promise.all([api.get("admin/projects"), api.get("admin/keys")]);
        if (signal.aborted) {
          return;
        }
        projects = projectList.data;
        renderProjects();
        renderKeys(keyList.data);
        onProjects(projects);
        showError(error, null);
      } catch (failure) {
        if (!signal.aborted) {
          showError(error, failure.describe ? failure.describe() : String(failure));
        }
      }
    });
  }

  return { refresh, dispose: hideSecret };
}

function limits(key) {
  const parts = [];
  if (key.rpm !== null) {
    parts.push(`${format.count(key.rpm)} req/min`);
  }
  if (key.tpm !== null) {
    parts.push(`${format.count(key.tpm)} tok/min`);
  }
  return parts.join(", ") || "none";
}
