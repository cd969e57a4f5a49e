// Pricing: every model's rate card from GET /v1/pricing, one table per model (durations down, resolution tiers
// across, so it fits a phone), and what the model's default settings cost.

import { endpoints } from '../api.js';
import { $, clear, h, money } from '../dom.js';
import { initKeyBar } from '../key-bar.js';

initKeyBar();
load();

async function load() {
  let pricing;
  let models;
  try {
    [pricing, models] = await Promise.all([endpoints.pricing(), endpoints.models()]);
  } catch (error) {
    $('#load-error').textContent = 'The rate card could not be loaded: ' + error.message;
    return;
  }
  const cards = new Map(models.data.map((m) => [m.id, m]));
  clear($('#rate-cards'), pricing.data.map((card) => rateCard(card, cards.get(card.model))));
  $('#rate-cards').dataset.loaded = 'true';
}

function cellName(duration, audio) {
  return audio ? `${duration} with audio` : `${duration} without audio`;
}

function rateCard(card, model) {
  const combos = [];
  for (const row of card.rows) {
    if (!combos.some((c) => c.duration === row.duration && c.audio === row.audio)) {
      combos.push({ duration: row.duration, audio: row.audio });
    }
  }
  const price = (tier, combo) => card.rows.find((r) => r.tier === tier.name && r.duration === combo.duration && r.audio === combo.audio);
  const table = h(
    'table',
    { class: 'rate-card', id: 'rates-' + card.model },
    h('caption', { class: 'visually-hidden' }, `${model?.name ?? card.model}: ${card.currency} ${card.unit}`),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, 'Length'), card.tiers.map((tier) => h('th', { scope: 'col', class: 'num' }, tier.name))),
    ),
    h(
      'tbody',
      {},
      combos.map((combo) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, cellName(combo.duration, combo.audio)),
          card.tiers.map((tier) => {
            const row = price(tier, combo);
            return h(
              'td',
              { class: 'num', dataset: { tier: tier.name, duration: combo.duration, audio: String(combo.audio) } },
              row ? money(row.amount) : h('span', { class: 'muted', title: `not available at ${tier.name}` }, '—'),
            );
          }),
        ),
      ),
    ),
  );
  return h(
    'section',
    { class: 'panel', id: card.model, 'aria-labelledby': 'title-' + card.model },
    h('h2', { id: 'title-' + card.model }, model?.name ?? card.model),
    h('p', { class: 'muted' }, `Model `, h('code', {}, card.model), ` · ${card.currency}, ${card.unit}.`),
    h('div', { class: 'table-wrap' }, table),
    defaults(card, model),
    h('div', { class: 'actions' }, h('a', { class: 'button primary', href: '/?model=' + encodeURIComponent(card.model) }, 'Try it in the playground'), h('a', { class: 'button', href: '/models/#' + card.model }, 'Model card')),
  );
}

/** "The defaults (1080p, 5s, audio on) cost $1.50." from the model's parameter defaults. */
function defaults(card, model) {
  const value = (name) => model?.parameters.find((p) => p.name === name)?.default;
  const resolution = value('resolution');
  const duration = value('duration');
  const audio = value('audio');
  const row = card.rows.find((r) => r.resolutions.includes(resolution) && r.duration === duration && r.audio === audio);
  return row
    ? h('p', { class: 'hint', id: 'defaults-' + card.model }, `The defaults (${resolution}, ${duration}, audio ${audio ? 'on' : 'off'}) cost ${money(row.amount)}. "—" marks a length that resolution does not offer.`)
    : null;
}
