// The public REST API (/api/v1), cookie auth (auth_token, set by the server). Errors follow the §7.1 envelope.

export class ApiError extends Error {
  constructor(status, code, message, details, retryAfter) {
    super(message);
    this.status = status; // 0 = the server could not be reached
    this.code = code;
    this.details = details || {};
    this.retryAfter = retryAfter;
  }
  get offline() { return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504; }
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch('/api/v1' + path, init);
  } catch (e) {
    throw new ApiError(0, 'OFFLINE', 'The server cannot be reached.');
  }
  let json = null;
  try { json = await response.json(); } catch (e) { json = null; }
  if (!response.ok) {
    const error = (json && json.error) || {};
    const retry = Number(response.headers.get('Retry-After')) || undefined;
    throw new ApiError(response.status, error.code || 'HTTP_' + response.status,
      error.message || 'The server answered ' + response.status + '.', error.details, retry);
  }
  return json || {};
}

/** Counts words the way a reader would: runs of letters/digits (apostrophes and hyphens inside words). */
export function countWords(text) {
  const words = text.trim().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return words ? words.length : 0;
}
