// The key bar in every page's header: enter the key once (kept for this tab in sessionStorage, or in localStorage
// when "Remember" is ticked; sent only as a header), see the key's balance, change or forget it.

import { ApiError, KEY_EVENT, endpoints, getKey, setKey } from './api.js';
import { $, clear, h, money } from './dom.js';

let balanceElement = null;

export function maskKey(key) {
  return key.length <= 12 ? key.slice(0, 3) + '…' : key.slice(0, 7) + '…' + key.slice(-4);
}

export function initKeyBar() {
  const bar = $('#key-bar');
  if (!bar) {
    return;
  }
  render(bar, false);
  window.addEventListener(KEY_EVENT, () => render(bar, false));
  window.addEventListener('storage', (e) => {
    if (e.key === null || e.key === 'reelgate.apiKey') {
      render(bar, false);
    }
  });
}

function render(bar, editing, error = '') {
  const key = getKey();
  if (!key || editing) {
    renderForm(bar, error, Boolean(key));
    return;
  }
  balanceElement = h('span', { class: 'balance', id: 'balance', 'aria-live': 'polite' }, '…');
  clear(
    bar,
    h('span', { class: 'muted' }, 'Key ', h('code', { id: 'key-masked' }, maskKey(key))),
    balanceElement,
    h('button', { type: 'button', id: 'change-key', onclick: () => render(bar, true) }, 'Change key'),
    h('button', { type: 'button', id: 'forget-key', onclick: () => setKey('') }, 'Forget key'),
  );
  refreshBalance();
}

function renderForm(bar, error, cancellable) {
  const input = h('input', {
    type: 'password', id: 'api-key-input', name: 'api-key', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'rg_…', required: true, 'aria-describedby': 'api-key-error',
  });
  const message = h('p', { class: 'key-error', id: 'api-key-error', role: 'alert' }, error);
  const form = h(
    'form',
    { id: 'key-form', onsubmit: (e) => save(e, bar, input, form) },
    h('label', { for: 'api-key-input' }, 'API key'),
    input,
    h('label', { class: 'remember', for: 'remember-key' },
      h('input', { type: 'checkbox', id: 'remember-key', name: 'remember-key' }), ' Remember on this device'),
    h('button', { type: 'submit', class: 'primary', id: 'save-key' }, 'Use key'),
    cancellable ? h('button', { type: 'button', onclick: () => render(bar, false) }, 'Cancel') : null,
    message,
  );
  clear(bar, form);
  if (error || cancellable) {
    input.focus();
  }
}

async function save(event, bar, input, form) {
  event.preventDefault();
  const key = input.value.trim();
  if (!key) {
    return;
  }
  // Check the key before keeping it: GET /v1/balance answers 401 for an unknown or revoked key.
  try {
    const response = await fetch('/v1/balance', { headers: { Authorization: 'Bearer ' + key, Accept: 'application/json' }, cache: 'no-store' });
    if (response.status === 401) {
      const body = await response.json().catch(() => null);
      render(bar, true, 'This key was refused: ' + (body?.error?.message ?? 'unauthorized'));
      return;
    }
  } catch {
    // Offline: keep the key anyway; the next call will tell.
  }
  setKey(key, form.querySelector('#remember-key').checked);
}

/** Re-reads GET /v1/balance into the header (after a job finished, a top-up, …). */
export async function refreshBalance() {
  if (!balanceElement || !getKey()) {
    return null;
  }
  try {
    const balance = await endpoints.balance();
    balanceElement.dataset.available = balance.available;
    balanceElement.textContent = `${money(balance.available)} available` + (balance.held !== '0.00' ? ` · ${money(balance.held)} held` : '');
    return balance;
  } catch (error) {
    balanceElement.textContent = error instanceof ApiError && error.status === 401 ? 'key refused' : 'balance unavailable';
    return null;
  }
}

/** Shows "enter a key" in `element` when there is none; true when a key is set. */
export function keyNotice(element, what) {
  if (getKey()) {
    element.hidden = true;
    return true;
  }
  clear(element, h('p', {}, `Enter your API key in the bar above to ${what}. It is kept in this browser only and sent as a header, never in a URL.`));
  element.hidden = false;
  return false;
}
