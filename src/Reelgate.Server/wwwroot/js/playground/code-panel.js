// "Show code": the cURL, Python and OpenAI SDK code for exactly the form's current settings, in tabs (arrow keys switch them).

import { clear, h } from '../dom.js';
import { curlPoll, curlSubmit, openAiSdk, python } from './snippets.js';

export class CodePanel {
  constructor(root) {
    this.root = root;
    this.body = null;
    this.blocks = {
      curl: h('pre', { class: 'code', id: 'code-curl', tabindex: '0', 'aria-label': 'cURL' }),
      python: h('pre', { class: 'code', id: 'code-python', tabindex: '0', 'aria-label': 'Python' }),
      openai: h('pre', { class: 'code', id: 'code-openai', tabindex: '0', 'aria-label': 'OpenAI SDK (JavaScript)' }),
    };
    const tabs = [
      ['curl', 'cURL'],
      ['python', 'Python'],
      ['openai', 'OpenAI SDK'],
    ].map(([id, label]) =>
      h('button', { type: 'button', role: 'tab', id: 'tab-' + id, 'aria-controls': 'panel-' + id, dataset: { tab: id } }, label),
    );
    this.tabs = tabs;
    const list = h('div', { class: 'code-tabs', role: 'tablist', 'aria-label': 'Language' }, tabs);
    list.addEventListener('click', (e) => {
      const tab = e.target.closest('[role="tab"]');
      if (tab) {
        this.select(tab.dataset.tab, true);
      }
    });
    list.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        const index = tabs.findIndex((t) => t.getAttribute('aria-selected') === 'true');
        const next = tabs[(index + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
        this.select(next.dataset.tab, true);
        e.preventDefault();
      }
    });
    this.status = h('span', { class: 'hint', role: 'status' });
    this.panels = {
      curl: h('div', { role: 'tabpanel', id: 'panel-curl', 'aria-labelledby': 'tab-curl' }, this.blocks.curl),
      python: h('div', { role: 'tabpanel', id: 'panel-python', 'aria-labelledby': 'tab-python' }, this.blocks.python),
      openai: h('div', { role: 'tabpanel', id: 'panel-openai', 'aria-labelledby': 'tab-openai' }, this.blocks.openai),
    };
    clear(
      root,
      h('summary', {}, 'Show code'),
      h(
        'p',
        { class: 'hint' },
        'The same request as the Generate button, for this server. Set EMPIRIOLABS_API_KEY (or replace the placeholder) with your key.',
      ),
      list,
      this.panels.curl,
      this.panels.python,
      this.panels.openai,
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'copy-code', onclick: () => this.copy() }, 'Copy'), this.status),
    );
    this.select('curl', false);
  }

  select(id, focus) {
    for (const tab of this.tabs) {
      const selected = tab.dataset.tab === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      this.panels[tab.dataset.tab].hidden = !selected;
      if (selected && focus) {
        tab.focus();
      }
    }
    this.current = id;
  }

  update(body) {
    const base = window.location.origin;
    this.blocks.curl.textContent = `# Submit the job\n${curlSubmit(base, body)}\n\n# Poll for the result\n${curlPoll(base)}\n`;
    this.blocks.python.textContent = python(base, body);
    this.blocks.openai.textContent = openAiSdk(base, body);
  }

  async copy() {
    const text = this.blocks[this.current].textContent;
    try {
      await navigator.clipboard.writeText(text);
      this.status.textContent = 'Copied.';
    } catch {
      // No clipboard outside a secure context: select the text so Ctrl+C copies it.
      const range = document.createRange();
      range.selectNodeContents(this.blocks[this.current]);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      this.status.textContent = 'Selected: press Ctrl+C to copy.';
    }
  }
}
