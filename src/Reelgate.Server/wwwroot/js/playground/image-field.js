// An image input for i2v: a URL (or an upload id) typed in, or a file picked and sent to POST /v1/uploads,
// whose id then fills the field. Either way a preview shows what will be animated.

import { ApiError, endpoints } from '../api.js';
import { fieldError, h } from '../dom.js';

export function imageField(parameter, label) {
  const name = parameter.name;
  const input = h('input', {
    type: 'text', id: 'field-' + name, name, autocomplete: 'off', inputmode: 'url',
    placeholder: 'https://… or upl_…', 'aria-describedby': `hint-${name} status-${name} error-${name}`,
  });
  const file = h('input', { type: 'file', id: 'file-' + name, accept: 'image/jpeg,image/png,image/webp', hidden: true });
  const status = h('p', { class: 'hint', id: 'status-' + name, role: 'status' });
  const preview = h('img', { class: 'preview', id: 'preview-' + name, alt: `Preview of the ${label.toLowerCase()}`, hidden: true });
  const upload = h('button', { type: 'button', id: 'upload-' + name, onclick: () => file.click() }, 'Upload a file…');
  const clearButton = h('button', { type: 'button', id: 'clear-' + name, onclick: () => set(''), 'aria-label': `Clear the ${label.toLowerCase()}` }, 'Clear');

  let typingTimer = 0;

  function set(value, previewUrl = null, text = '') {
    clearTimeout(typingTimer);
    input.value = value;
    status.textContent = text;
    showPreview(previewUrl ?? previewable(value));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  // The preview appears only once the image has loaded, so a URL the browser cannot load never shows a box.
  function showPreview(url) {
    preview.hidden = true;
    if (!url) {
      preview.removeAttribute('src');
      return;
    }
    preview.src = url;
  }

  preview.addEventListener('load', () => {
    if (preview.getAttribute('src')) {
      preview.hidden = false;
    }
  });

  preview.addEventListener('error', () => {
    if (preview.getAttribute('src')) {
      status.textContent = 'No preview: this browser could not load the image. The server fetches it itself when you submit.';
    }
  });
  // Typing previews a moment after the last key, not on leaving the field: leaving it is often the press on
  // Generate, and a message or preview appearing under that press would move the button away from the pointer.
  // Values put in by set() (an upload, a rerun) bring their own preview and status, so only typing counts here.
  input.addEventListener('input', (event) => {
    if (!event.isTrusted) {
      return;
    }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => {
      const value = input.value.trim();
      status.textContent = value.startsWith('upl_') ? 'An uploaded image of this key.' : '';
      showPreview(previewable(value));
    }, 400);
  });
  file.addEventListener('change', async () => {
    const picked = file.files?.[0];
    file.value = '';
    if (!picked) {
      return;
    }
    upload.disabled = true;
    status.textContent = `Uploading ${picked.name}…`;
    try {
      const stored = await endpoints.upload(picked);
      const resized = stored.original_width !== stored.width ? ` (resized from ${stored.original_width}×${stored.original_height})` : '';
      set(stored.id, stored.url, `Uploaded ${picked.name}: ${stored.width}×${stored.height}${resized}.`);
      const error = document.getElementById('error-' + name);
      error.textContent = '';
      input.removeAttribute('aria-invalid');
    } catch (error) {
      status.textContent = '';
      const target = document.getElementById('error-' + name);
      target.textContent = error instanceof ApiError ? error.message : 'The upload failed: ' + error.message;
      input.setAttribute('aria-invalid', 'true');
    } finally {
      upload.disabled = false;
    }
  });

  const element = h(
    'div',
    { class: 'field image-pick', id: 'group-' + name, dataset: { image: name } },
    h('label', { for: 'field-' + name }, label),
    h('div', { class: 'row' }, input, upload, clearButton),
    file,
    h('p', { class: 'hint', id: 'hint-' + name }, (parameter.description ? parameter.description + ' ' : '') + 'An http(s) URL, or upload a JPEG, PNG or WebP.'),
    status,
    preview,
    fieldError(name),
  );
  element.setImage = set;
  return element;
}

/** The value itself when the browser can show it (an http(s) or image data URL); an upload id has no URL here. */
function previewable(value) {
  return /^(https?:|data:image\/)/i.test(value) ? value : null;
}
