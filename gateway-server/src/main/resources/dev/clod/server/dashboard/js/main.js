// The dashboard: sign in with a key, then panels that read /v1 with it and refresh every 30 seconds.

import { ApiError, createApi } from "./api.js";
import { byId, el, showError } from "./dom.js";
import { applyTheme, chartLibrary, erase, redrawAll } from "./charts.js";
import { forgetKey, storeKey, storedKey, takeKeyFromFragment } from "./session.js";
import { createUsagePanel } from "./usage.js";
import { createPricesPanel } from "./prices.js";
import { createSitesPanel } from "./sites.js";
import { createRecentPanel } from "./recent.js";
import { createAdminPanel } from "./admin.js";
import * as format from "./format.js";

const REFRESH_MS = 30_000;

/**
 * The signed-in session, null when signed out. Ending it aborts its signal: its calls under way are
 * cancelled, its panels stop listening and drop late answers.
 */
let session = null;
/** Counts sign-ins, so that only the latest one started may finish. */
let attempts = 0;

function start() {
  if (!chartLibrary()) {
    showSignIn("The chart library did not load from the gateway (webjars/chart.js). Reload the page; if it persists, the gateway's jar is incomplete.");
    return;
  }
  applyTheme();
  window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", redrawAll);
  byId("sign-in-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = byId("key-input");
    const key = input.value.trim();
    input.value = "";
    if (key) {
      signIn(key);
    }
  });
  byId("sign-out").addEventListener("click", () => signOut(null));
  byId("refresh").addEventListener("click", () => session && refreshAll(session));
  window.addEventListener("hashchange", () => {
    const key = takeKeyFromFragment();
    if (key) {
      signIn(key);
    }
  });
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && session) {
      refreshAll(session);
    }
  });

  const key = takeKeyFromFragment() || storedKey();
  if (key) {
    signIn(key);
  } else {
    showSignIn(null);
  }
}

async function signIn(key) {
  endSession();
  const attempt = ++attempts;
  const controller = new AbortController();
  const api = createApi(
    key,
    () => {
      if (session && session.api === api) {
        signOut("This key is no longer accepted (401): it may have been revoked. Sign in with another key.");
      }
    },
    controller.signal,
  );
  let me;
  try {
    me = await api.get("me");
  } catch (failure) {
    if (attempt !== attempts) {
      return;
    }
    forgetKey();
    showSignIn(failure instanceof ApiError ? failure.describe() : String(failure));
    return;
  }
  if (attempt !== attempts) {
    controller.abort(); // another sign-in began meanwhile
    return;
  }
  storeKey(key);
  session = { api, me, controller, timer: null, panels: [] };
  showDashboard(session);
}

function showDashboard(current) {
  const { api, me } = current;
  const signal = current.controller.signal;
  byId("identity-text").replaceChildren(...identity(me));
  byId("identity").hidden = false;
  byId("sign-in").hidden = true;
  byId("dashboard").hidden = false;
  byId("admin").hidden = !me.admin;

  const filter = byId("project-filter");
  byId("project-filter-label").hidden = !me.admin;
  filter.value = "";
  const projectFilter = () => (me.admin ? filter.value : "");
  const usage = createUsagePanel({ api, signal, projectFilter });
  const projectNames = new Map();
  const recent = createRecentPanel({ api, signal, projectFilter, projectName: (id) => projectNames.get(id) || id, admin: me.admin });
  filter.addEventListener(
    "change",
    () => {
      usage.refresh();
      recent.refresh();
    },
    { signal },
  );
  current.panels = [usage, createPricesPanel({ api, signal }), createSitesPanel({ api, signal }), recent];
  if (me.admin) {
    const onProjects = (projects) => {
      const named = projects.filter((p) => projectNames.get(p.id) !== p.name);
      projects.forEach((p) => projectNames.set(p.id, p.name));
      fillProjectFilter(filter, projects);
      if (named.length) {
        recent.refresh(); // it may have shown these projects by id
      }
    };
    current.panels.push(createAdminPanel({ api, signal, onProjects }));
  }
  refreshAll(current);
  current.timer = setInterval(() => {
    if (!document.hidden) {
      refreshAll(current);
    }
  }, REFRESH_MS);
}

function identity(me) {
  if (me.admin) {
    return [el("strong", { text: "Admin key" }), " — all projects"];
  }
  if (me.project) {
    return [
      "Key ",
      el("strong", { text: me.name }),
      ` (${me.key.prefix}…) of project `,
      el("strong", { text: me.project.name }),
    ];
  }
  return ["Key ", el("strong", { text: me.name }), " from the configuration — no project, so no usage"];
}

function fillProjectFilter(filter, projects) {
  const chosen = filter.value;
  filter.replaceChildren(el("option", { value: "", text: "All projects" }), ...projects.map((p) => el("option", { value: p.id, text: p.name })));
  filter.value = projects.some((p) => p.id === chosen) ? chosen : "";
}

async function refreshAll(current) {
  await Promise.all(current.panels.map((panel) => panel.refresh()));
  if (session === current) {
    byId("status").textContent = `Updated ${format.instant(Date.now())}; refreshes every ${REFRESH_MS / 1000} seconds.`;
  }
}

function endSession() {
  if (!session) {
    return;
  }
  clearInterval(session.timer);
  session.controller.abort();
  for (const panel of session.panels) {
    if (panel.dispose) {
      panel.dispose();
    }
  }
  session = null;
  for (const canvas of document.querySelectorAll("canvas")) {
    erase(canvas.id);
  }
  for (const table of document.querySelectorAll("#dashboard table")) {
    table.replaceChildren();
  }
  for (const alert of document.querySelectorAll("#dashboard .error")) {
    showError(alert, null);
  }
  for (const total of document.querySelectorAll("#usage-totals dd")) {
    total.textContent = "–";
  }
}

function signOut(message) {
  endSession();
  forgetKey();
  showSignIn(message);
}

function showSignIn(message) {
  byId("identity").hidden = true;
  byId("dashboard").hidden = true;
  byId("sign-in").hidden = false;
  showError(byId("sign-in-error"), message);
  byId("key-input").focus();
}

start();
