// The generation form, built from the model's card: its parameters (defaults pre-filled) and constraints
// (an option the current settings forbid is disabled, e.g. 10s at 1080p). values() is the exact request body
// the Generate button sends, the live price quotes and the code panel shows.

import { clear, h } from '../dom.js';
import { EXTENSIONS, buildField, labelOf, metadataField } from './fields.js';

/** Parameters shown in the main column; the rest go under "More options". */
const MAIN = new Set(['prompt', 'mode', 'image', 'image_end', 'resolution', 'aspect_ratio', 'duration', 'audio', 'style']);

export class GenerationForm {
  constructor(form, { main, more, moreDetails, modelSelect }) {
    this.form = form;
    this.main = main;
    this.more = more;
    this.moreDetails = moreDetails;
    this.modelSelect = modelSelect;
    this.card = null;
    this.fields = [];
    form.addEventListener('change', (e) => this.changed(e));
    form.addEventListener('input', (e) => this.clearError(e.target?.name));
  }

  setModels(models, selected) {
    clear(this.modelSelect, models.map((m) => h('option', { value: m.id, selected: m.id === selected }, `${m.name} (${m.id})`)));
  }

  /** Rebuilds the fields for a model card, keeping the prompt the user typed. */
  setCard(card) {
    const prompt = this.form.elements.namedItem('prompt')?.value ?? '';
    this.card = card;
    this.fields = [];
    clear(this.main);
    clear(this.more);
    for (const parameter of card.parameters) {
      const field = buildField(parameter);
      this.fields.push(field);
      (MAIN.has(parameter.name) ? this.main : this.more).append(field.element);
    }
    for (const extension of EXTENSIONS) {
      const field = extension.type === 'metadata' ? { element: metadataField(extension), name: extension.name, kind: 'metadata' } : buildField(extension);
      this.fields.push(field);
      this.more.append(field.element);
    }
    const promptField = this.form.elements.namedItem('prompt');
    if (promptField) {
      promptField.value = prompt;
      promptField.dispatchEvent(new Event('input'));
    }
    this.applyRules();
  }

  valueOf(name) {
    const control = this.form.elements.namedItem(name);
    if (!control) {
      return undefined;
    }
    if (control instanceof RadioNodeList) {
      return control.value || undefined;
    }
    return control.type === 'checkbox' ? control.checked : control.value;
  }

  /** The request body of these settings: model and prompt first, then the parameter table's order. */
  values() {
    const body = { model: this.modelSelect.value };
    const i2v = this.valueOf('mode') === 'i2v';
    for (const { name, kind } of this.fields) {
      const value = this.valueOf(name);
      if (kind === 'image' && !i2v) {
        continue;
      }
      if (kind === 'enum' || kind === 'boolean') {
        if (value !== undefined) {
          body[name] = value;
        }
      } else if (kind === 'integer') {
        const text = value.trim();
        if (text) {
          body[name] = /^-?\d+$/.test(text) ? Number(text) : text;
        }
      } else if (kind === 'metadata') {
        const pairs = parseMetadata(value);
        if (pairs) {
          body[name] = pairs;
        }
      } else if (name === 'prompt') {
        body.prompt = value;
      } else if (value.trim()) {
        body[name] = value.trim();
      }
    }
    return body;
  }

  /** Prefills from a job's request echo (and its metadata), for a re-run. */
  fill(request, metadata = {}) {
    if (request.model && [...this.modelSelect.options].some((o) => o.value === request.model)) {
      this.modelSelect.value = request.model;
    }
    for (const { name, kind, element } of this.fields) {
      const value = name === 'metadata' ? metadata : request[name];
      const control = this.form.elements.namedItem(name);
      if (kind === 'enum') {
        for (const radio of control) {
          radio.checked = radio.value === value;
        }
      } else if (kind === 'boolean') {
        control.checked = value === true;
      } else if (kind === 'image') {
        element.setImage(value ?? '');
      } else if (kind === 'metadata') {
        control.value = Object.entries(value ?? {}).map(([k, v]) => `${k}=${v}`).join('\n');
      } else {
        control.value = value === null || value === undefined ? '' : String(value);
        control.dispatchEvent(new Event('input'));
      }
      const empty = value === null || value === undefined || value === '' || (typeof value === 'object' && Object.keys(value).length === 0);
      if (!MAIN.has(name) && !empty && !isDefault(this.card, name, value)) {
        this.moreDetails.open = true;
      }
    }
    this.applyRules();
  }

  changed(event) {
    this.applyRules(event.target?.name);
  }

  /** Image fields only for i2v; constraint rules disable what the current settings forbid. */
  applyRules(changedName = null) {
    const i2v = this.valueOf('mode') === 'i2v';
    for (const field of this.fields.filter((f) => f.kind === 'image')) {
      field.element.hidden = !i2v;
    }
    const notes = new Map();
    for (const radio of this.form.querySelectorAll('input[type="radio"]')) {
      radio.disabled = false;
      radio.parentElement.removeAttribute('title');
    }
    for (const rule of this.card?.constraints ?? []) {
      const when = Object.entries(rule.if);
      if (!when.every(([name, value]) => this.valueOf(name) === value)) {
        continue;
      }
      const condition = when.map(([, value]) => value).join(' and ');
      for (const [name, allowed] of Object.entries(rule.then)) {
        const radios = [...this.form.querySelectorAll(`input[type="radio"][name="${CSS.escape(name)}"]`)];
        const refused = radios.filter((r) => !allowed.includes(r.value));
        for (const radio of refused) {
          radio.disabled = true;
          radio.parentElement.title = `Not available at ${condition}`;
        }
        if (refused.length === 0) {
          continue;
        }
        let note = `${refused.map((r) => r.value).join(', ')} ${refused.length === 1 ? 'is' : 'are'} not available at ${condition}.`;
        const checked = radios.find((r) => r.checked);
        if (checked?.disabled) {
          const replacement = nearestEnabled(radios, radios.indexOf(checked));
          if (replacement) {
            replacement.checked = true;
            note += ` ${labelOf(name)} changed from ${checked.value} to ${replacement.value}.`;
          }
        }
        notes.set(name, note);
      }
    }
    for (const element of this.form.querySelectorAll('.note[id^="note-"]')) {
      const name = element.id.slice('note-'.length);
      const text = notes.get(name) ?? '';
      // Keep a change message until another field changes, so it can be read.
      if (text || changedName !== null) {
        element.textContent = text;
      }
    }
  }

  /** Shows an ApiError next to the field it names; false when it names no field of the form. */
  showError(error, { focus = true } = {}) {
    const name = (error.param ?? '').split(/[.[]/)[0];
    const target = name ? document.getElementById('error-' + name) : null;
    if (!target || !this.form.contains(target)) {
      return false;
    }
    target.replaceChildren(error.message + ' ', h('code', {}, `(${error.code})`));
    const group = document.getElementById('field-' + name);
    group?.setAttribute('aria-invalid', 'true');
    if (this.moreDetails.contains(target)) {
      this.moreDetails.open = true;
    }
    if (focus) {
      const focusable = group?.matches('fieldset') ? group.querySelector('input:checked, input') : group;
      focusable?.focus();
    }
    return true;
  }

  clearError(param) {
    const name = (param ?? '').split(/[.[]/)[0];
    if (!name) {
      return;
    }
    const target = document.getElementById('error-' + name);
    if (target && target.textContent) {
      target.replaceChildren();
      document.getElementById('field-' + name)?.removeAttribute('aria-invalid');
    }
  }

  clearErrors() {
    for (const element of this.form.querySelectorAll('.field-error')) {
      element.replaceChildren();
    }
    for (const element of this.form.querySelectorAll('[aria-invalid]')) {
      element.removeAttribute('aria-invalid');
    }
  }
}

function nearestEnabled(radios, index) {
  for (let distance = 1; distance < radios.length; distance++) {
    for (const candidate of [radios[index - distance], radios[index + distance]]) {
      if (candidate && !candidate.disabled) {
        return candidate;
      }
    }
  }
  return null;
}

function isDefault(card, name, value) {
  const parameter = card?.parameters.find((p) => p.name === name);
  return parameter !== undefined && parameter.default === value;
}

function parseMetadata(text) {
  const pairs = {};
  for (const line of (text ?? '').split('\n')) {
    if (!line.trim()) {
      continue;
    }
    const at = line.indexOf('=');
    const key = (at < 0 ? line : line.slice(0, at)).trim();
    pairs[key] = at < 0 ? '' : line.slice(at + 1).trim();
  }
  return Object.keys(pairs).length ? pairs : null;
}
