// Models: each model's card from GET /v1/models: specs, endpoints, the parameter table with defaults and
// ranges, the rules between parameters (e.g. 1080p allows only 5s and 8s), and its prices.

import { endpoints } from '../api.js';
import { $, clear, h, money } from '../dom.js';
import { initKeyBar } from '../key-bar.js';

initKeyBar();
load();

async function load() {
  let models;
  try {
    models = (await endpoints.models()).data;
  } catch (error) {
    $('#load-error').textContent = 'The catalog could not be loaded: ' + error.message;
    return;
  }
  clear($('#model-cards'), models.map(modelCard));
  $('#model-cards').dataset.loaded = 'true';
  if (window.location.hash) {
    document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView();
  }
}

function list(values) {
  return values?.length ? values.join(', ') : '—';
}

function range(parameter) {
  if (parameter.values?.length) {
    return parameter.values.join(', ');
  }
  if (parameter.minimum !== null && parameter.maximum !== null) {
    return `${parameter.minimum} … ${parameter.maximum}`;
  }
  if (parameter.max_length) {
    return `≤ ${parameter.max_length} characters`;
  }
  return '—';
}

function defaultText(parameter) {
  if (parameter.required) {
    return 'required';
  }
  return parameter.default === null || parameter.default === undefined ? '—' : String(parameter.default);
}

function modelCard(model) {
  const specs = [
    ['Model ID', h('code', {}, model.id)],
    ['Provider', model.provider],
    ['Category', model.category],
    ['License', model.license],
    ['Input', list(model.input)],
    ['Output', list(model.output)],
    ['Endpoints', h('span', {}, model.endpoints.map((e, i) => [i ? ', ' : '', h('code', {}, e)]))],
    ['Tags', h('span', { class: 'tags' }, model.tags.map((t) => h('span', { class: 'badge' }, t)))],
  ];
  return h(
    'section',
    { class: 'panel', id: model.id, 'aria-labelledby': 'title-' + model.id },
    h('h2', { id: 'title-' + model.id }, model.name),
    h('p', {}, model.description),
    h('dl', { class: 'spec-grid' }, specs.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    h('h3', {}, 'Parameters'),
    h('p', { class: 'hint' }, 'Defaults apply when a field is omitted.'),
    parameterTable(model),
    model.constraints.length ? [h('h3', {}, 'Rules'), h('ul', { class: 'rules' }, model.constraints.map(rule))] : null,
    h('h3', {}, 'Pricing'),
    priceSummary(model),
    h(
      'div',
      { class: 'actions' },
      h('a', { class: 'button primary', href: '/?model=' + encodeURIComponent(model.id) }, 'Try it in the playground'),
      h('a', { class: 'button', href: '/pricing/#' + model.id }, 'Full rate card'),
      h('a', { class: 'button', href: '/scalar/v1' }, 'API reference'),
    ),
  );
}

function parameterTable(model) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'stack parameters', id: 'parameters-' + model.id },
      h(
        'thead',
        {},
        h('tr', {}, ['Parameter', 'Type', 'Default', 'Range / values', 'Description'].map((c) => h('th', { scope: 'col' }, c))),
      ),
      h(
        'tbody',
        {},
        model.parameters.map((p) =>
          h(
            'tr',
            { dataset: { parameter: p.name } },
            h('td', { 'data-label': 'Parameter' }, h('code', {}, p.name)),
            h('td', { 'data-label': 'Type' }, p.type),
            h('td', { 'data-label': 'Default', class: 'param-default' }, defaultText(p)),
            h('td', { 'data-label': 'Range / values' }, range(p)),
            h('td', { 'data-label': 'Description' }, p.description),
          ),
        ),
      ),
    ),
  );
}

function rule(constraint) {
  const when = Object.entries(constraint.if).map(([k, v]) => `${k} is ${v}`).join(' and ');
  const then = Object.entries(constraint.then).map(([k, values]) => `${k} may only be ${values.join(' or ')}`).join('; ');
  return h('li', {}, `When ${when}, ${then}.`);
}

function priceSummary(model) {
  const rows = model.pricing.rows;
  const amounts = rows.map((r) => r.amount);
  const sorted = [...amounts].sort((a, b) => Number(a) - Number(b));
  return h(
    'p',
    {},
    `${model.pricing.currency}, ${model.pricing.unit}: from ${money(sorted[0])} (${describe(rows.find((r) => r.amount === sorted[0]))}) to ${money(sorted.at(-1))} (${describe(rows.find((r) => r.amount === sorted.at(-1)))}). A job is charged only when it completes.`,
  );
}

function describe(row) {
  return `${row.tier} ${row.duration}${row.audio ? ' with audio' : ''}`;
}
