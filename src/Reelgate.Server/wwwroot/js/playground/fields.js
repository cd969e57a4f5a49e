// One form control per row of the model's parameter table (GET /v1/models/{id}): enums as radio groups,
// booleans as a checkbox, long strings as a textarea, integers as a text box the server judges. Every control
// has a visible label, a hint from the table's description, and a place for the server's message.

import { fieldError, h } from '../dom.js';
import { imageField } from './image-field.js';

const LABELS = {
  prompt: 'Prompt',
  negative_prompt: 'Negative prompt',
  mode: 'Mode',
  resolution: 'Resolution',
  aspect_ratio: 'Aspect ratio',
  duration: 'Duration',
  audio: 'Audio',
  image: 'Image',
  image_end: 'Last frame image',
  style: 'Style',
  thinking: 'Thinking',
  seed: 'Seed',
  webhook_url: 'Webhook URL',
  metadata: 'Metadata',
};

const VALUE_LABELS = {
  mode: { t2v: 'Text to video (t2v)', i2v: 'Image to video (i2v)' },
};

export function labelOf(name) {
  return LABELS[name] ?? name.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());
}

export function valueLabel(name, value) {
  return VALUE_LABELS[name]?.[value] ?? value.replaceAll('_', ' ');
}

function hint(name, text) {
  return text ? h('p', { class: 'hint', id: 'hint-' + name }, text) : null;
}

function describedBy(name, parameter) {
  return [parameter.description ? 'hint-' + name : null, 'error-' + name].filter(Boolean).join(' ');
}

/** Builds the control for one parameter; returns {element, name, kind}. */
export function buildField(parameter) {
  const name = parameter.name;
  if (name === 'image' || name === 'image_end') {
    return { element: imageField(parameter, labelOf(name)), name, kind: 'image' };
  }
  if (parameter.type === 'enum' && parameter.values?.length) {
    return { element: enumField(parameter), name, kind: 'enum' };
  }
  if (parameter.type === 'boolean') {
    return { element: booleanField(parameter), name, kind: 'boolean' };
  }
  if (parameter.type === 'integer' || parameter.type === 'number') {
    return { element: integerField(parameter), name, kind: 'integer' };
  }
  return { element: textField(parameter), name, kind: 'string' };
}

function enumField(parameter) {
  const name = parameter.name;
  const choices = parameter.values.map((value) =>
    h(
      'label',
      { class: 'choice' },
      h('input', {
        type: 'radio', name, value, id: `${name}-${value.replace(/[^a-z0-9]/gi, '_')}`,
        checked: value === parameter.default,
      }),
      h('span', {}, valueLabel(name, value)),
    ),
  );
  return h(
    'fieldset',
    { class: 'field', id: 'field-' + name, 'aria-describedby': describedBy(name, parameter) },
    h('legend', {}, labelOf(name)),
    h('div', { class: 'choices' }, choices),
    hint(name, parameter.description),
    h('p', { class: 'note', id: 'note-' + name, role: 'status' }),
    fieldError(name),
  );
}

function booleanField(parameter) {
  const name = parameter.name;
  return h(
    'div',
    { class: 'field', id: 'group-' + name },
    h(
      'label',
      { class: 'switch', for: 'field-' + name },
      h('input', { type: 'checkbox', id: 'field-' + name, name, checked: parameter.default === true, 'aria-describedby': describedBy(name, parameter) }),
      labelOf(name),
    ),
    hint(name, parameter.description),
    fieldError(name),
  );
}

function integerField(parameter) {
  const name = parameter.name;
  const range = parameter.minimum !== null && parameter.maximum !== null ? `${parameter.minimum} to ${parameter.maximum}` : null;
  const text = [parameter.description, range ? `A whole number, ${range}.` : null, name === 'seed' ? 'Empty: a random seed, recorded on the job.' : null]
    .filter(Boolean)
    .join(' ');
  return h(
    'div',
    { class: 'field', id: 'group-' + name },
    h('label', { for: 'field-' + name }, labelOf(name)),
    h('input', {
      type: 'text', inputmode: 'numeric', id: 'field-' + name, name, autocomplete: 'off',
      placeholder: name === 'seed' ? 'random' : '', 'aria-describedby': describedBy(name, { description: text }),
    }),
    hint(name, text),
    fieldError(name),
  );
}

function textField(parameter) {
  const name = parameter.name;
  const long = (parameter.max_length ?? 0) > 200;
  const control = long
    ? h('textarea', {
        id: 'field-' + name, name, rows: name === 'prompt' ? 4 : 2, maxlength: parameter.max_length,
        required: parameter.required, 'aria-describedby': describedBy(name, parameter),
      })
    : h('input', {
        type: 'text', id: 'field-' + name, name, autocomplete: 'off', maxlength: parameter.max_length ?? null,
        required: parameter.required, 'aria-describedby': describedBy(name, parameter),
      });
  const counter = long ? h('span', { class: 'hint', id: 'count-' + name, 'aria-hidden': 'true' }, `0 / ${parameter.max_length}`) : null;
  if (counter) {
    control.addEventListener('input', () => {
      counter.textContent = `${control.value.length} / ${parameter.max_length}`;
    });
  }
  return h(
    'div',
    { class: 'field', id: 'group-' + name },
    h('div', { class: 'label-row' }, h('label', { for: 'field-' + name }, labelOf(name)), parameter.required ? h('span', { class: 'hint' }, 'required') : null),
    control,
    hint(name, parameter.description),
    counter,
    fieldError(name),
  );
}

/** The extensions beyond the seed's table: a webhook and metadata pairs. */
export const EXTENSIONS = [
  { name: 'webhook_url', type: 'string', required: false, default: null, values: null, max_length: null, description: 'Optional: an https URL that receives the job when it reaches a final state.' },
  { name: 'metadata', type: 'metadata', required: false, default: null, values: null, description: 'Optional: up to 16 key=value pairs, one a line, echoed back on the job.' },
];

export function metadataField(parameter) {
  const name = parameter.name;
  return h(
    'div',
    { class: 'field', id: 'group-' + name },
    h('label', { for: 'field-' + name }, labelOf(name)),
    h('textarea', { id: 'field-' + name, name, rows: 2, placeholder: 'customer=acme', 'aria-describedby': describedBy(name, parameter) }),
    hint(name, parameter.description),
    fieldError(name),
  );
}
