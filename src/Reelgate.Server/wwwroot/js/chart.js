// A small SVG chart of the ledger, drawn at the container's pixel width so its text stays readable on a phone.

import { cents, fromCents, money } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function el(tag, attributes = {}, text = null) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  if (text !== null) {
    element.textContent = text;
  }
  return element;
}

/** Rounds a step up to 1, 2 or 5 × a power of ten. */
function niceStep(range, count) {
  const raw = Math.max(range / count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
}

function timeLabel(ms, spanMs) {
  const date = new Date(ms);
  if (spanMs < 10 * 60 * 1000) {
    return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }
  return spanMs < 36 * 3600 * 1000
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/**
 * Usage over time: what the key has spent (the sum of its charges) as a step line rising at every charge, from
 * its first ledger entry to now; credits added show as dots on the line. rows: ledger entries, oldest first.
 */
export function drawUsageChart(container, rows, now = Date.now()) {
  container.replaceChildren();
  if (rows.length === 0) {
    container.append(Object.assign(document.createElement('p'), { className: 'muted', textContent: 'No usage yet.' }));
    return;
  }
  const width = Math.max(280, Math.round(container.clientWidth || 600));
  const height = width < 520 ? 200 : 260;
  const pad = { left: 58, right: 14, top: 12, bottom: 30 };
  let spent = 0;
  const points = [];
  for (const row of rows) {
    if (row.kind === 'charge') {
      spent -= cents(row.amount);
    }
    if (row.kind === 'charge' || row.kind === 'credit') {
      points.push({ t: Date.parse(row.created_at), y: spent, row });
    }
  }
  const t0 = Date.parse(rows[0].created_at);
  const t1 = Math.max(now, t0 + 60_000, ...points.map((p) => p.t));
  const step = niceStep(Math.max(spent, 100), 4);
  const yMax = Math.max(Math.ceil(spent / step) * step, step);
  const x = (t) => pad.left + ((t - t0) / (t1 - t0)) * (width - pad.left - pad.right);
  const y = (v) => pad.top + (1 - v / yMax) * (height - pad.top - pad.bottom);

  const charges = points.filter((p) => p.row.kind === 'charge').length;
  const svg = el('svg', {
    viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', id: 'usage-svg',
    'aria-label': `Spent ${money(fromCents(spent))} on ${charges} ${charges === 1 ? 'video' : 'videos'} since ${new Date(t0).toLocaleString()}`,
  });
  for (let v = 0; v <= yMax; v += step) {
    svg.append(el('line', { class: 'axis', x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }));
    svg.append(el('text', { x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, money(fromCents(v))));
  }
  const ticks = width < 520 ? 3 : 5;
  for (let i = 0; i < ticks; i++) {
    const t = t0 + ((t1 - t0) * i) / (ticks - 1);
    const anchor = i === 0 ? 'start' : i === ticks - 1 ? 'end' : 'middle';
    svg.append(el('text', { x: x(t), y: height - 8, 'text-anchor': anchor }, timeLabel(t, t1 - t0)));
  }

  let line = `M ${x(t0)} ${y(0)}`;
  for (const p of points) {
    line += ` H ${x(p.t)} V ${y(p.y)}`;
  }
  line += ` H ${x(t1)}`;
  svg.append(el('path', { class: 'area', d: `${line} V ${y(0)} H ${x(t0)} Z` }));
  svg.append(el('path', { class: 'line', d: line, id: 'usage-line' }));
  for (const p of points) {
    const dot = el('circle', { class: 'dot-' + p.row.kind, cx: x(p.t), cy: y(p.y), r: 4, 'data-kind': p.row.kind });
    dot.append(el('title', {}, `${p.row.kind} ${money(p.row.amount)}, ${new Date(p.t).toLocaleString()}: ${money(p.row.available_after)} available after`));
    svg.append(dot);
  }
  container.append(svg);
}

/** Redraws when the container's width changes (rotation, resize). */
export function keepDrawn(container, rows) {
  drawUsageChart(container, rows);
  let width = container.clientWidth;
  const observer = new ResizeObserver(() => {
    if (Math.abs(container.clientWidth - width) > 8) {
      width = container.clientWidth;
      drawUsageChart(container, rows);
    }
  });
  observer.observe(container);
  return observer;
}
