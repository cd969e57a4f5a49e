// Small DOM and formatting pieces shared by every page. Elements are built with h(), never from HTML strings,
// so a prompt or a server message is always text.

/** h('a', {href: '/x', class: 'y', onclick: fn}, 'text', child) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** "0.80" → "$0.80"; "-0.80" → "−$0.80". Amounts stay decimal strings: no float arithmetic. */
export function money(amount) {
  if (amount === null || amount === undefined || amount === '') {
    return '—';
  }
  const text = String(amount);
  return text.startsWith('-') ? '−$' + text.slice(1) : '$' + text;
}

/** Decimal string → integer cents (exact for the API's two-decimal amounts), for sums and charts. */
export function cents(amount) {
  const match = /^(-)?(\d+)(?:\.(\d{1,2})\d*)?$/.exec(String(amount ?? '').trim());
  if (!match) {
    return 0;
  }
  const value = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -value : value;
}

export function fromCents(value) {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function when(iso) {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function timeElement(iso) {
  return iso ? h('time', { datetime: iso, title: iso }, when(iso)) : '—';
}

export function output(job, type, role = null) {
  return job?.result?.outputs?.find((o) => o.type === type && (role === null || o.role === role)) ?? null;
}

export function statusBadge(status, progress) {
  const label = status === 'processing' && typeof progress === 'number' ? `processing ${progress}%` : status;
  return h('span', { class: 'badge ' + status, dataset: { status } }, label);
}

/** Announces a short message to screen readers through the page's live region. */
export function announce(text) {
  let region = document.getElementById('announcer');
  if (!region) {
    region = h('div', { id: 'announcer', class: 'visually-hidden', 'aria-live': 'polite' });
    document.body.append(region);
  }
  region.textContent = text;
}

/** The place next to a field where the server's message for that field goes. */
export function fieldError(name) {
  return h('p', { class: 'field-error', id: 'error-' + name, 'aria-live': 'polite' });
}
