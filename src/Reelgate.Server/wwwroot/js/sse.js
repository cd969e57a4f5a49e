// Server-Sent Events over fetch(): EventSource cannot send an Authorization header, and a key never goes
// into a URL, so the stream is read from a ReadableStream and parsed here (the WHATWG event-stream format).

import { authHeaders, errorFrom, endpoints } from './api.js';

const FINAL = new Set(['completed', 'failed', 'cancelled']);

export function isFinal(status) {
  return FINAL.has(status);
}

/** Splits an event stream into {event, data, id} records; calls onEvent for each. */
export class EventStreamParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.reset();
  }

  reset() {
    this.event = '';
    this.data = [];
    this.id = null;
  }

  push(text) {
    this.buffer += text;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    // The last piece may be half a line: keep it for the next chunk.
    this.buffer = lines.pop();
    for (const line of lines) {
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      if (this.data.length > 0) {
        this.onEvent({ event: this.event || 'message', data: this.data.join('\n'), id: this.id });
      }
      this.reset();
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      this.event = value;
    } else if (field === 'data') {
      this.data.push(value);
    } else if (field === 'id') {
      this.id = value;
    }
  }
}

/** Reads GET /v1/jobs/{id}/events until the stream ends; onJob gets (eventName, job) for every event. */
export async function streamJob(jobId, onJob, signal) {
  const response = await fetch(`/v1/jobs/${encodeURIComponent(jobId)}/events`, {
    headers: authHeaders({ Accept: 'text/event-stream' }),
    cache: 'no-store',
    signal,
  });
  if (!response.ok) {
    throw await errorFrom(response);
  }
  const parser = new EventStreamParser((e) => onJob(e.event, JSON.parse(e.data)));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      parser.push(value);
    }
    parser.push('\n\n');
  } finally {
    reader.releaseLock();
  }
}

/**
 * Follows a job to a final state: the event stream first; if it ends early (a proxy cut it, the server
 * restarted) the job is read again and the stream reopened, a second apart. Resolves with the final job.
 */
export async function watchJob(jobId, onJob, signal) {
  let last = null;
  const seen = (event, job) => {
    last = job;
    onJob(event, job);
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await streamJob(jobId, seen, signal);
    } catch (error) {
      if (signal?.aborted || error?.name === 'ApiError') {
        throw error;
      }
    }
    if (last && isFinal(last.status)) {
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * (attempt + 1), 5000)));
    if (signal?.aborted) {
      throw new DOMException('aborted', 'AbortError');
    }
    const job = await endpoints.job(jobId);
    seen('job.' + job.status, job);
    if (isFinal(job.status)) {
      return job;
    }
  }
}
