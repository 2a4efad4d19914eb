// Small DOM helpers. Text always goes in as text (never as HTML), so names from the API cannot inject
// markup.

export function byId(id) {
  return document.getElementById(id);
}

/** An element with attributes (class, data-*, aria-*, …) and children (nodes or text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === "text") {
      element.textContent = value;
    } else if (name === "onclick") {
      element.addEventListener("click", value);
    } else {
      element.setAttribute(name, value === true ? "" : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

/**
 * Fills a table: columns are {label, value: row => text or node, numeric?}. An empty list shows one
 * row saying so.
 */
export function fillTable(table, columns, rows, emptyText = "Nothing yet.") {
  const head = el("thead", {}, el("tr", {}, columns.map((c) => el("th", { scope: "col", class: c.numeric ? "num" : null, text: c.label }))));
  const body = el("tbody");
  if (rows.length === 0) {
    body.append(el("tr", {}, el("td", { colspan: columns.length, class: "empty", text: emptyText })));
  }
  for (const row of rows) {
    body.append(el("tr", {}, columns.map((c) => el("td", { class: c.numeric ? "num" : null }, c.value(row)))));
  }
  table.replaceChildren(head, body);
}

/** Shows an error in a panel's alert paragraph, or hides it when message is null. */
export function showError(element, message) {
  element.textContent = message || "";
  element.hidden = !message;
}

/**
 * A row of buttons of which one is pressed (aria-pressed). Calls onChange with the pressed button's
 * data-value until signal aborts; returns a function that tells the current value.
 */
export function segmented(group, onChange, signal) {
  const buttons = [...group.querySelectorAll("button")];
  group.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button || button.getAttribute("aria-pressed") === "true") {
      return;
    }
    for (const other of buttons) {
      other.setAttribute("aria-pressed", String(other === button));
    }
    onChange(button.dataset.value);
  }, { signal });
  return () => buttons.find((b) => b.getAttribute("aria-pressed") === "true").dataset.value;
}

const running = new WeakMap();

/** Marks a panel busy while work runs (however many at once), for assistive technology and styles. */
export async function busy(panel, work) {
  running.set(panel, (running.get(panel) || 0) + 1);
  panel.setAttribute("aria-busy", "true");
  try {
    return await work();
  } finally {
    const left = running.get(panel) - 1;
    running.set(panel, left);
    if (left === 0) {
      panel.setAttribute("aria-busy", "false");
    }
  }
}
