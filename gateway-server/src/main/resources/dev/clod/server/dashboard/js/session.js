// Where the key lives: in this tab's session storage only, never in a URL, a cookie or a log.

const STORAGE_KEY = "clod.dashboard.key";

/**
 * A key given in the URL fragment (/#key=…), for scripted access. Fragments never reach the server;
 * the key is removed from the address bar and the history entry at once, before anything is fetched.
 * Returns null when the fragment has no key.
 */
export function takeKeyFromFragment() {
  const fragment = window.location.hash.replace(/^#/, "");
  if (!fragment) {
    return null;
  }
  const key = new URLSearchParams(fragment).get("key");
  if (key === null) {
    return null;
  }
  history.replaceState(history.state, "", window.location.pathname + window.location.search);
  return key.trim() || null;
}

export function storedKey() {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the user signs in again on reload
  }
}

export function storeKey(key) {
  try {
    sessionStorage.setItem(STORAGE_KEY, key);
  } catch {
    // storage disabled: the key is kept in memory for this page only
  }
}

export function forgetKey() {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
}
