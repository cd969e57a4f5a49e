// Dashboard: the key's balance (GET /v1/balance), its ledger as a chart and a table (GET /v1/usage), and,
// for an admin key, the keys (see ../dashboard/keys.js).

import { KEY_EVENT, endpoints, getKey, listAll } from '../api.js';
import { $, cents, clear, fromCents, h, money, timeElement } from '../dom.js';
import { initKeyBar, refreshBalance } from '../key-bar.js';
import { keepDrawn } from '../chart.js';
import { initKeys } from '../dashboard/keys.js';

const MAX_LEDGER_ROWS = 1000;
const TABLE_ROWS = 50;
let chartObserver = null;

initKeyBar();
window.addEventListener(KEY_EVENT, load);
window.addEventListener('reelgate:credits', () => {
  refreshBalance();
  load();
});
load();

async function load() {
  const notice = $('#key-notice');
  $('#dashboard-error').textContent = '';
  if (!getKey()) {
    notice.hidden = false;
    clear(notice, h('p', {}, 'Enter your API key in the bar above to see its balance and usage. It stays in this browser and goes only into a header.'));
    for (const id of ['stat-available', 'stat-held', 'stat-spent', 'stat-videos']) {
      $('#' + id).textContent = '—';
    }
    chartObserver?.disconnect();
    clear($('#usage-chart'));
    clear($('#ledger tbody'));
    initKeys();
    return;
  }
  notice.hidden = true;
  initKeys();
  try {
    const [balance, ledger] = await Promise.all([endpoints.balance(), listAll('/v1/usage', { max: MAX_LEDGER_ROWS })]);
    showBalance(balance);
    showUsage(ledger);
  } catch (error) {
    $('#dashboard-error').textContent = 'The balance and usage could not be loaded: ' + error.message;
  }
}

function showBalance(balance) {
  const available = $('#stat-available');
  available.textContent = money(balance.available);
  available.dataset.amount = balance.available;
  $('#stat-held').textContent = money(balance.held);
}

/** ledger: newest first, as the API pages it. */
function showUsage(ledger) {
  const charges = ledger.filter((r) => r.kind === 'charge');
  const spent = charges.reduce((sum, r) => sum - cents(r.amount), 0);
  $('#stat-spent').textContent = money(fromCents(spent));
  $('#stat-videos').textContent = String(charges.length);
  const oldestFirst = [...ledger].reverse();
  $('#usage-summary').textContent = ledger.length
    ? `${ledger.length} ledger entries${ledger.length >= MAX_LEDGER_ROWS ? ' (the latest ' + MAX_LEDGER_ROWS + ')' : ''}, from ${new Date(oldestFirst[0].created_at).toLocaleString()}.`
    : '';
  chartObserver?.disconnect();
  chartObserver = keepDrawn($('#usage-chart'), oldestFirst);
  clear(
    $('#ledger tbody'),
    ledger.slice(0, TABLE_ROWS).map((row) =>
      h(
        'tr',
        { dataset: { kind: row.kind } },
        h('td', { 'data-label': 'When' }, timeElement(row.created_at)),
        h('td', { 'data-label': 'Kind' }, row.kind),
        h('td', { 'data-label': 'Amount', class: 'num' }, money(row.amount)),
        h('td', { 'data-label': 'Available after', class: 'num' }, money(row.available_after)),
        h('td', { 'data-label': 'Job' }, row.job_id ? h('code', {}, row.job_id) : '—'),
      ),
    ),
  );
}
