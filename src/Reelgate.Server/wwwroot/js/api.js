// The public API as the pages use it: JSON over fetch, the key in the Authorization header (never in a URL), and
// the contract's error envelope turned into an ApiError naming the field. The key is kept in sessionStorage (this
// tab, until it closes) unless the user ticked "Remember", then in localStorage (this browser, until forgotten).

const KEY_STORAGE = 'reelgate.apiKey';
export const KEY_EVENT = 'reelgate:key';

export function getKey() {
  return sessionStorage.getItem(KEY_STORAGE) ?? localStorage.getItem(KEY_STORAGE) ?? '';
}

/** True when the key in use is remembered by the browser (localStorage), not only by this tab. */
export function isKeyRemembered() {
  return sessionStorage.getItem(KEY_STORAGE) === null && localStorage.getItem(KEY_STORAGE) !== null;
}

export function setKey(key, remember = false) {
  sessionStorage.removeItem(KEY_STORAGE);
  localStorage.removeItem(KEY_STORAGE);
  if (key) {
    (remember ? localStorage : sessionStorage).setItem(KEY_STORAGE, key);
  }
  window.dispatchEvent(new CustomEvent(KEY_EVENT));
}

/** An answer with the envelope {"error": {type, code, message, param}}. */
export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.type = error?.type ?? 'server_error';
    this.code = error?.code ?? 'http_' + status;
    this.param = error?.param ?? null;
  }
}

export async function errorFrom(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's page): keep the status.
  }
  return new ApiError(response.status, body?.error);
}

export function authHeaders(extra = {}) {
  const headers = { Accept: 'application/json', ...extra };
  const key = getKey();
  if (key) {
    headers.Authorization = 'Bearer ' + key;
  }
  return headers;
}

/**
 * Calls the API. `json` is sent as the JSON body, `form` as multipart; `headers` adds headers.
 * Resolves with the parsed body, rejects with ApiError (or a TypeError when the network failed).
 */
export async function api(method, path, { json, form, headers, signal } = {}) {
  const init = { method, headers: authHeaders(headers), signal, cache: 'no-store' };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (form !== undefined) {
    init.body = form;
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    throw await errorFrom(response);
  }
  return response.status === 204 ? null : response.json();
}

/** Follows next_cursor until `max` rows or the end. */
export async function listAll(path, { max = 500, pageSize = 100, signal } = {}) {
  const rows = [];
  let after = null;
  do {
    const query = new URLSearchParams({ limit: String(pageSize) });
    if (after) {
      query.set('after', after);
    }
    const page = await api('GET', `${path}?${query}`, { signal });
    rows.push(...page.data);
    after = page.has_more ? page.next_cursor : null;
  } while (after && rows.length < max);
  return rows;
}

export const endpoints = {
  models: () => api('GET', '/v1/models'),
  model: (id) => api('GET', '/v1/models/' + encodeURIComponent(id)),
  pricing: () => api('GET', '/v1/pricing'),
  quote: (body, signal) => api('POST', '/v1/pricing/quote', { json: body, signal }),
  submit: (body, idempotencyKey) => api('POST', '/v1/videos/generations', { json: body, headers: { 'Idempotency-Key': idempotencyKey } }),
  job: (id) => api('GET', '/v1/jobs/' + encodeURIComponent(id)),
  cancel: (id) => api('POST', '/v1/jobs/' + encodeURIComponent(id) + '/cancel'),
  balance: () => api('GET', '/v1/balance'),
  upload: (file) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api('POST', '/v1/uploads', { form });
  },
};
