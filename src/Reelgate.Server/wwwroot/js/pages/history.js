// History: GET /v1/jobs for the key (cursor paging, status filter), each job with its poster, status and price;
// a job opens in a dialog to play again (or to follow while it runs) and re-run its settings.

import { KEY_EVENT, api, endpoints, getKey } from '../api.js';
import { $, clear, h, money, output, statusBadge, timeElement } from '../dom.js';
import { initKeyBar } from '../key-bar.js';
import { facts, resultView } from '../result-view.js';
import { isFinal, watchJob } from '../sse.js';

const PAGE_SIZE = 24;
const list = $('#jobs');
const more = $('#more');
const dialog = $('#job-dialog');
let cursor = null;
let pollTimer = 0;
let watching = null;

initKeyBar();
$('#status-filter').addEventListener('change', () => load(true));
$('#refresh').addEventListener('click', () => load(true));
more.addEventListener('click', () => load(false));
$('#dialog-close').addEventListener('click', () => dialog.close());
dialog.addEventListener('close', closed);
window.addEventListener(KEY_EVENT, () => load(true));
load(true);

function keyPresent() {
  const notice = $('#key-notice');
  const present = Boolean(getKey());
  notice.hidden = present;
  if (!present) {
    clear(notice, h('p', {}, 'Enter your API key in the bar above to see its jobs. The key stays in this browser and goes only into a header.'));
  }
  return present;
}

async function load(reset) {
  clearTimeout(pollTimer);
  $('#history-error').textContent = '';
  if (!keyPresent()) {
    clear(list);
    more.hidden = true;
    $('#empty').hidden = true;
    return;
  }
  if (reset) {
    cursor = null;
  }
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  const status = $('#status-filter').value;
  if (status) {
    query.set('status', status);
  }
  if (cursor) {
    query.set('after', cursor);
  }
  let page;
  try {
    page = await api('GET', '/v1/jobs?' + query);
  } catch (error) {
    $('#history-error').textContent = 'The jobs could not be loaded: ' + error.message;
    return;
  }
  if (reset) {
    clear(list);
  }
  list.append(...page.data.map(card));
  cursor = page.has_more ? page.next_cursor : null;
  more.hidden = !cursor;
  $('#empty').hidden = list.children.length > 0;
  list.dataset.loaded = 'true';
  schedulePoll();
}

function card(job) {
  const poster = output(job, 'image', 'poster');
  const request = job.request;
  return h(
    'li',
    { class: 'job-card', dataset: { jobId: job.job_id, status: job.status } },
    h(
      'button',
      { type: 'button', class: 'job-open', onclick: () => open(job.job_id) },
      h(
        'div',
        { class: 'thumb' },
        poster ? h('img', { src: poster.url, alt: '', loading: 'lazy', width: poster.width, height: poster.height }) : statusBadge(job.status, job.progress),
      ),
      h(
        'div',
        { class: 'job-body' },
        h('p', { class: 'job-prompt' }, request.prompt),
        h(
          'div',
          { class: 'job-meta' },
          statusBadge(job.status, job.progress),
          h('span', { class: 'job-price' }, `${money(job.cost.amount)} ${job.cost.state}`),
          h('span', {}, `${request.resolution} · ${request.duration}${request.audio ? ' · audio' : ''}${request.mode === 'i2v' ? ' · i2v' : ''}`),
          timeElement(job.created_at),
        ),
      ),
    ),
  );
}

/** Unfinished jobs on screen are read again every 2 s until they finish. */
function schedulePoll() {
  clearTimeout(pollTimer);
  const running = [...list.querySelectorAll('.job-card')].filter((c) => !isFinal(c.dataset.status));
  if (running.length === 0) {
    return;
  }
  pollTimer = setTimeout(async () => {
    for (const element of running) {
      try {
        element.replaceWith(card(await endpoints.job(element.dataset.jobId)));
      } catch {
        // Gone or the network hiccuped: try again next round.
      }
    }
    schedulePoll();
  }, 2000);
}

async function open(jobId) {
  let job;
  try {
    job = await endpoints.job(jobId);
  } catch (error) {
    $('#history-error').textContent = `Job ${jobId} could not be opened: ${error.message}`;
    return;
  }
  $('#dialog-title').textContent = job.request.prompt.length > 80 ? job.request.prompt.slice(0, 79) + '…' : job.request.prompt;
  $('#rerun').href = '/?rerun=' + encodeURIComponent(job.job_id);
  show(job);
  dialog.showModal();
  if (!isFinal(job.status)) {
    follow(job);
  }
}

function show(job) {
  const body = $('#dialog-body');
  if (isFinal(job.status)) {
    clear(body, resultView(job));
  } else {
    clear(
      body,
      h('div', { class: 'status-line' }, statusBadge(job.status, job.progress), h('span', {}, job.progress + '%')),
      h('progress', { max: '100', value: String(job.progress), 'aria-label': 'Progress' }),
      facts(job),
    );
  }
  const cancel = $('#dialog-cancel');
  cancel.hidden = isFinal(job.status);
  cancel.onclick = async () => {
    cancel.disabled = true;
    try {
      show(await endpoints.cancel(job.job_id));
    } finally {
      cancel.disabled = false;
    }
  };
}

async function follow(job) {
  watching?.abort();
  watching = new AbortController();
  try {
    const final = await watchJob(job.job_id, (_, update) => dialog.open && show(update), watching.signal);
    if (dialog.open) {
      show(final);
    }
    load(true);
  } catch {
    // Closed, or the stream failed: the list's own refresh carries on.
  }
}

function closed() {
  watching?.abort();
  watching = null;
  for (const video of dialog.querySelectorAll('video')) {
    video.pause();
  }
  clear($('#dialog-body'));
}
