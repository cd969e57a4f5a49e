// Key management for an admin key: create (the secret is shown once), list, top up, revoke. A key that is not
// an admin gets 403 from GET /v1/keys, and the section says so.

import { ApiError, api, getKey, setKey } from '../api.js';
import { $, clear, h, money, timeElement } from '../dom.js';

let wired = false;

export async function initKeys() {
  wire();
  const notice = $('#keys-notice');
  const admin = $('#keys-admin');
  if (!getKey()) {
    notice.textContent = 'Enter an admin key to create, top up and revoke keys.';
    admin.hidden = true;
    return;
  }
  try {
    const keys = await api('GET', '/v1/keys');
    notice.textContent = 'This is an admin key: it may create, top up and revoke keys.';
    admin.hidden = false;
    showKeys(keys.data);
  } catch (error) {
    admin.hidden = true;
    notice.textContent =
      error instanceof ApiError && error.status === 403
        ? 'Managing keys needs an admin key; this key is not one.'
        : 'The keys could not be loaded: ' + error.message;
  }
}

async function reload() {
  showKeys((await api('GET', '/v1/keys')).data);
}

function wire() {
  if (wired) {
    return;
  }
  wired = true;
  $('#create-key-form').addEventListener('submit', create);
  $('#dismiss-new-key').addEventListener('click', hideNewKey);
  $('#use-new-key').addEventListener('click', () => {
    const key = $('#new-key-value').value;
    hideNewKey();
    setKey(key);
  });
  $('#copy-new-key').addEventListener('click', async () => {
    const input = $('#new-key-value');
    try {
      await navigator.clipboard.writeText(input.value);
      $('#new-key-status').textContent = 'Copied.';
    } catch {
      input.select();
      $('#new-key-status').textContent = 'Selected: press Ctrl+C to copy.';
    }
  });
}

function hideNewKey() {
  $('#new-key-value').value = '';
  $('#new-key').hidden = true;
  $('#key-name').focus();
}

function text(id) {
  return $('#' + id).value.trim();
}

function count(value) {
  return /^\d+$/.test(value) ? Number(value) : value;
}

async function create(event) {
  event.preventDefault();
  for (const element of $('#create-key-form').querySelectorAll('.field-error, .error-box')) {
    element.textContent = '';
  }
  const body = { name: text('key-name') };
  if (text('key-credits')) {
    body.credits = text('key-credits');
  }
  if (text('key-owner')) {
    body.owner = text('key-owner');
  }
  body.admin = $('#key-admin').checked;
  const limits = {};
  if (text('key-spend')) {
    limits.spend_per_day = text('key-spend');
  }
  if (text('key-inflight')) {
    limits.jobs_in_flight = count(text('key-inflight'));
  }
  if (text('key-rpm')) {
    limits.requests_per_minute = count(text('key-rpm'));
  }
  if (Object.keys(limits).length) {
    body.limits = limits;
  }
  const button = $('#create-key');
  button.disabled = true;
  try {
    const created = await api('POST', '/v1/keys', { json: body });
    $('#create-key-form').reset();
    $('#new-key-title').textContent = `New key “${created.name}”: copy it now`;
    $('#new-key-value').value = created.key;
    $('#new-key-status').textContent = '';
    $('#new-key').hidden = false;
    $('#new-key').focus();
    await reload();
  } catch (error) {
    const field = (error.param ?? '').split('.')[0];
    const target = field ? document.getElementById('error-' + field) : null;
    if (error instanceof ApiError && target && $('#create-key-form').contains(target)) {
      target.textContent = error.message;
      if (field === 'limits') {
        $('#key-limits').open = true;
      }
    } else {
      $('#create-key-error').textContent = 'The key was not created: ' + error.message;
    }
  } finally {
    button.disabled = false;
  }
}

function showKeys(keys) {
  const mine = getKey();
  clear(
    $('#keys-table tbody'),
    keys.map((key) => {
      const revoked = Boolean(key.revoked_at);
      const own = mine.startsWith(key.prefix);
      return h(
        'tr',
        { dataset: { keyId: key.id, name: key.name, status: revoked ? 'revoked' : 'active' } },
        h('td', { 'data-label': 'Name' }, h('span', {}, key.name, own ? h('span', { class: 'muted' }, ' (this browser)') : null)),
        h('td', { 'data-label': 'Key' }, h('code', {}, key.prefix + '…')),
        h('td', { 'data-label': 'Owner' }, key.owner ?? '—'),
        h('td', { 'data-label': 'Role' }, key.admin ? 'admin' : 'standard'),
        h('td', { 'data-label': 'Available', class: 'num key-available' }, money(key.balance.available)),
        h('td', { 'data-label': 'Created' }, timeElement(key.created_at)),
        h('td', { 'data-label': 'Status' }, h('span', { class: 'badge ' + (revoked ? 'revoked' : 'completed') }, revoked ? 'revoked' : 'active')),
        h('td', { 'data-label': 'Actions' }, revoked ? '—' : actions(key)),
      );
    }),
  );
}

function actions(key) {
  const amount = h('input', { type: 'text', inputmode: 'decimal', placeholder: '5.00', 'aria-label': `Amount to add to ${key.name}`, class: 'top-up-amount' });
  const message = h('span', { class: 'field-error', role: 'alert' });
  const topUp = h(
    'form',
    {
      class: 'inline-form',
      onsubmit: async (e) => {
        e.preventDefault();
        message.textContent = '';
        try {
          await api('POST', `/v1/keys/${encodeURIComponent(key.id)}/credits`, { json: { amount: amount.value.trim() } });
          await reload();
          window.dispatchEvent(new CustomEvent('reelgate:credits'));
        } catch (error) {
          message.textContent = error.message;
        }
      },
    },
    amount,
    h('button', { type: 'submit', 'aria-label': `Add credit to ${key.name}` }, 'Add credit'),
    message,
  );
  const revoke = h('button', { type: 'button', class: 'danger', 'aria-label': `Revoke ${key.name}` }, 'Revoke');
  const confirmBox = h('span', { class: 'inline-form', hidden: true });
  const confirm = h('button', { type: 'button', class: 'danger', 'aria-label': `Confirm: revoke ${key.name}` }, 'Confirm revoke');
  const keep = h('button', { type: 'button' }, 'Keep');
  confirmBox.append(confirm, keep);
  revoke.addEventListener('click', () => {
    revoke.hidden = true;
    confirmBox.hidden = false;
    confirm.focus();
  });
  keep.addEventListener('click', () => {
    confirmBox.hidden = true;
    revoke.hidden = false;
    revoke.focus();
  });
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    try {
      await api('DELETE', '/v1/keys/' + encodeURIComponent(key.id));
      await reload();
    } catch (error) {
      message.textContent = error.message;
      confirm.disabled = false;
    }
  });
  return h('div', { class: 'inline-form' }, topUp, revoke, confirmBox);
}
