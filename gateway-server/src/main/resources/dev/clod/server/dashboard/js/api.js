// Calls to the gateway's /v1 API with the signed-in key. Errors carry the API's own message, in the
// OpenAI error shape the gateway always answers with.

/** An answer other than 2xx, or no answer at all (status 0). */
export class ApiError extends Error {
  constructor(status, message, code) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }

  /** A sentence for the page: what went wrong and, where it helps, what to do. */
  describe() {
    switch (this.status) {
      case 0:
        return `Cannot reach the gateway: ${this.message}`;
      case 401:
        return `The gateway did not accept this key (401): ${this.message}`;
      case 403:
        return `Not allowed with this key (403): ${this.message}`;
      default:
        return this.status >= 500
          ? `The gateway failed to answer (${this.status}): ${this.message}`
          : `The request was refused (${this.status}): ${this.message}`;
    }
  }
}

/**
 * The API as one key sees it. Paths are relative to /v1, e.g. "usage?group_by=day". When signal
 * aborts (sign-out), calls under way are cancelled.
 */
export function createApi(key, onUnauthorized, signal) {
  const base = new URL("v1/", document.baseURI);

  async function call(method, path, body) {
    const headers = { Authorization: `Bearer ${key}`, Accept: "application/json" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    let response;
    try {
      response = await fetch(new URL(path, base), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store",
        credentials: "omit",
        referrerPolicy: "no-referrer",
        signal,
      });
    } catch (unreachable) {
      throw new ApiError(0, unreachable.message || "network error", null);
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: reported below with the status
    }
    if (!response.ok) {
      const error = json && json.error;
      const failure = new ApiError(
        response.status,
        (error && error.message) || response.statusText || "no details",
        error && error.code,
      );
      if (response.status === 401 && onUnauthorized) {
        onUnauthorized(failure);
      }
      throw failure;
    }
    if (json === null) {
      throw new ApiError(response.status, "the answer was not JSON", null);
    }
    return json;
  }

  return {
    get: (path) => call("GET", path),
    post: (path, body) => call("POST", path, body),
    delete: (path) => call("DELETE", path),
  };
}
