// The playground: the form from the model card, the live price (POST /v1/pricing/quote), Generate
// (POST /v1/videos/generations), progress from the job's event stream, the video, and the code panel.

import { ApiError, endpoints, getKey } from '../api.js';
import { $, announce, clear, money } from '../dom.js';
import { initKeyBar, refreshBalance } from '../key-bar.js';
import { CodePanel } from '../playground/code-panel.js';
import { GenerationForm } from '../playground/form.js';
import { resultView } from '../result-view.js';
import { watchJob } from '../sse.js';

initKeyBar();

const formElement = $('#generation-form');
const generate = $('#generate');
const cancel = $('#cancel');
const submitError = $('#submit-error');
const form = new GenerationForm(formElement, {
  main: $('#fields-main'),
  more: $('#fields-more'),
  moreDetails: $('#more-options'),
  modelSelect: $('#field-model'),
});
const code = new CodePanel($('#show-code'));
let quoteAbort = null;
let quoteTimer = 0;
let running = null;
let quoteErrorParam = null;

start();

async function start() {
  const params = new URLSearchParams(window.location.search);
  let models;
  try {
    models = (await endpoints.models()).data;
  } catch (error) {
    $('#load-error').textContent = 'The model catalog could not be loaded: ' + error.message;
    return;
  }
  const wanted = models.find((m) => m.id === params.get('model')) ?? models[0];
  form.setModels(models, wanted.id);
  useCard(wanted);
  $('#field-model').addEventListener('change', async (e) => {
    useCard(await endpoints.model(e.target.value));
    settingsChanged();
  });
  formElement.addEventListener('input', scheduleQuote);
  formElement.addEventListener('change', scheduleQuote);
  formElement.addEventListener('submit', submit);
  cancel.addEventListener('click', cancelJob);
  await rerunFrom(params.get('rerun'));
  settingsChanged();
  formElement.dataset.ready = 'true';
}

function useCard(card) {
  form.setCard(card);
  $('#model-name').textContent = card.name;
}

async function rerunFrom(jobId) {
  if (!jobId || !getKey()) {
    return;
  }
  try {
    const job = await endpoints.job(jobId);
    form.fill(job.request, job.metadata);
    $('#rerun-note').textContent = `Settings of ${job.job_id} loaded, seed included (the same seed gives the same video; clear it for a new one).`;
  } catch (error) {
    $('#rerun-note').textContent = `Could not load job ${jobId}: ${error.message}`;
  }
}

function scheduleQuote() {
  clearTimeout(quoteTimer);
  quoteTimer = setTimeout(settingsChanged, 150);
}

/** Re-prices the settings and rewrites the code panel. */
async function settingsChanged() {
  const body = form.values();
  code.update(body);
  quoteAbort?.abort();
  quoteAbort = new AbortController();
  // The price depends on resolution, duration and audio only: quote with a stand-in prompt (and, for i2v without
  // an image yet, as t2v) so a half-filled form still shows what it will cost.
  const priced = { ...body, prompt: body.prompt?.trim() ? body.prompt : 'price check' };
  let waiting = '';
  if (priced.mode === 'i2v' && !priced.image) {
    priced.mode = 't2v';
    delete priced.image_end;
    waiting = 'Add an image to animate (i2v).';
  }
  const price = $('#price');
  try {
    const quote = await endpoints.quote(priced, quoteAbort.signal);
    price.textContent = money(quote.amount);
    price.dataset.amount = quote.amount;
    $('#price-detail').textContent = `${quote.resolution} · ${quote.duration} · ${quote.audio ? 'with audio' : 'no audio'}`;
    $('#price-note').textContent = waiting;
    if (quoteErrorParam) {
      form.clearError(quoteErrorParam);
      quoteErrorParam = null;
    }
  } catch (error) {
    if (error.name === 'AbortError') {
      return;
    }
    price.textContent = '—';
    delete price.dataset.amount;
    $('#price-detail').textContent = '';
    $('#price-note').textContent = error instanceof ApiError ? `No price: ${error.message}` : 'No price: the server could not be reached.';
    // A value the user typed that the server refuses is marked at once (a blank prompt is not: it is just not typed yet).
    if (error instanceof ApiError && error.param && error.param !== 'prompt' && form.showError(error, { focus: false })) {
      quoteErrorParam = error.param;
    }
  }
}

function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'playground-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function submit(event) {
  event.preventDefault();
  if (running) {
    return;
  }
  form.clearErrors();
  submitError.textContent = '';
  if (!getKey()) {
    submitError.textContent = 'Enter your API key in the bar at the top first.';
    $('#api-key-input')?.focus();
    return;
  }
  const body = form.values();
  generate.disabled = true;
  generate.textContent = 'Submitting…';
  let job;
  try {
    job = await endpoints.submit(body, newIdempotencyKey());
  } catch (error) {
    generate.disabled = false;
    generate.textContent = 'Generate';
    if (error instanceof ApiError && form.showError(error)) {
      submitError.textContent = `Not submitted: see the message at ${error.param}.`;
    } else {
      submitError.textContent = error instanceof ApiError ? `Not submitted: ${error.message} (${error.code})` : 'Not submitted: the server could not be reached.';
    }
    return;
  }
  await follow(job);
}

async function follow(job) {
  running = { job, abort: new AbortController() };
  generate.textContent = 'Generating…';
  $('#stage-empty').hidden = true;
  $('#job').hidden = false;
  clear($('#result'));
  cancel.hidden = false;
  cancel.disabled = false;
  showProgress(job);
  $('#job').scrollIntoView({ block: 'nearest' });
  refreshBalance();
  let final = null;
  try {
    final = await watchJob(job.job_id, (_, update) => showProgress(update), running.abort.signal);
  } catch (error) {
    submitError.textContent = 'Lost track of the job: ' + error.message;
  } finally {
    running = null;
    generate.disabled = false;
    generate.textContent = 'Generate';
    cancel.hidden = true;
  }
  if (final) {
    showProgress(final);
    $('#result').append(resultView(final));
    announce(final.status === 'completed' ? 'The video is ready.' : `The job ${final.status}.`);
    refreshBalance();
  }
}

function showProgress(job) {
  const progress = $('#progress');
  progress.value = job.progress;
  progress.textContent = job.progress + '%';
  $('#progress-text').textContent = job.progress + '%';
  const status = $('#job-status');
  status.textContent = job.status;
  status.dataset.status = job.status;
  $('#job-id').textContent = job.job_id;
}

async function cancelJob() {
  if (!running) {
    return;
  }
  cancel.disabled = true;
  try {
    showProgress(await endpoints.cancel(running.job.job_id));
  } catch (error) {
    submitError.textContent = `Not cancelled: ${error.message}`;
    cancel.disabled = false;
  }
}

window.addEventListener('beforeunload', () => running?.abort.abort());
