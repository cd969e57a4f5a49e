// A finished job as the playground and the history show it: the video playing with its poster, downloads,
// and the facts (size, seed, cost, the engine's plan).

import { h, money, output, statusBadge, timeElement } from './dom.js';

export function resultView(job, { autoplay = true } = {}) {
  if (job.status === 'failed') {
    return h('p', { class: 'error-box', id: 'job-error' }, `The job failed: ${job.error?.message ?? 'no reason given'}`, job.error?.code ? ` (${job.error.code})` : '', '. Its hold was released.');
  }
  if (job.status === 'cancelled') {
    return h('p', { class: 'note', id: 'job-error' }, 'The job was cancelled; its hold was released.');
  }
  const video = output(job, 'video');
  const poster = output(job, 'image', 'poster');
  if (!video) {
    return h('div', { class: 'stage-empty' }, statusBadge(job.status, job.progress));
  }
  const player = h('video', {
    id: 'result-video', controls: true, playsinline: true, loop: true, preload: 'auto',
    poster: poster?.url, src: video.url, width: video.width, height: video.height,
    'aria-label': `Generated video: ${job.request.prompt}`,
  });
  if (autoplay) {
    // Muted so the browser lets it start on its own; the controls unmute it.
    player.muted = true;
    player.autoplay = true;
  }
  return h(
    'div',
    { class: 'result', dataset: { jobId: job.job_id } },
    h('div', { class: 'player' }, player),
    h(
      'div',
      { class: 'actions' },
      h('a', { class: 'button primary', id: 'download', href: video.url, download: `${job.job_id}.mp4` }, 'Download MP4'),
      poster ? h('a', { class: 'button', id: 'download-poster', href: poster.url, download: `${job.job_id}.jpg` }, 'Poster') : null,
    ),
    facts(job, video),
    job.result?.thinking
      ? h('details', {}, h('summary', {}, 'The plan the engine followed'), h('pre', { class: 'thinking' }, job.result.thinking))
      : null,
  );
}

export function facts(job, video = output(job, 'video')) {
  const request = job.request;
  const rows = [
    ['Job', h('code', {}, job.job_id)],
    ['Status', statusBadge(job.status, job.progress)],
    ['Model', request.model],
    ['Settings', `${request.resolution} · ${request.aspect_ratio} · ${request.duration} · ${request.audio ? 'audio' : 'no audio'} · ${request.style}`],
    video ? ['Size', `${video.width}×${video.height}, ${video.duration_seconds}s at ${video.fps} fps, ${(video.bytes / 1e6).toFixed(2)} MB`] : null,
    ['Seed', String(request.seed)],
    ['Cost', h('span', { id: 'job-cost' }, `${money(job.cost.amount)} (${job.cost.state})`)],
    ['Created', timeElement(job.created_at)],
    job.completed_at ? ['Finished', timeElement(job.completed_at)] : null,
    job.result?.expires_at ? ['Links expire', timeElement(job.result.expires_at)] : null,
  ].filter(Boolean);
  return h('dl', { class: 'facts' }, rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}
