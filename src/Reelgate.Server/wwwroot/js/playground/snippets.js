// The product page's cURL and Python, in its exact shape, for a given request body and this server's base URL.
// The key stays a placeholder (as in the seed): a snippet on screen never shows the real one.

export const CURL_KEY = '$EMPIRIOLABS_API_KEY';
export const PYTHON_KEY = 'YOUR_EMPIRIOLABS_API_KEY';

/** A string inside single quotes for a POSIX shell. */
function shellQuoted(text) {
  return "'" + text.replaceAll("'", "'\\''") + "'";
}

export function curlSubmit(baseUrl, body) {
  const json = JSON.stringify(body, null, 2)
    .split('\n')
    .map((line, i) => (i === 0 ? line : '  ' + line))
    .join('\n');
  return [
    `curl ${baseUrl}/v1/videos/generations \\`,
    `  -H "Authorization: Bearer ${CURL_KEY}" \\`,
    '  -H "Content-Type: application/json" \\',
    `  -d ${shellQuoted(json)}`,
  ].join('\n');
}

export function curlPoll(baseUrl, jobId = 'JOB_ID') {
  return [`curl ${baseUrl}/v1/jobs/${jobId} \\`, `  -H "Authorization: Bearer ${CURL_KEY}"`].join('\n');
}

/** A JSON value as a Python literal: JSON strings and numbers are valid Python; true/false/null are not. */
function pythonLiteral(value, indent) {
  if (value === null || value === undefined) {
    return 'None';
  }
  if (value === true) {
    return 'True';
  }
  if (value === false) {
    return 'False';
  }
  if (typeof value === 'object') {
    const pad = ' '.repeat(indent + 4);
    const entries = Object.entries(value).map(([k, v]) => `${pad}${JSON.stringify(k)}: ${pythonLiteral(v, indent + 4)},`);
    return entries.length ? `{\n${entries.join('\n')}\n${' '.repeat(indent)}}` : '{}';
  }
  return JSON.stringify(value);
}

export function python(baseUrl, body) {
  return `import requests

response = requests.post(
    "${baseUrl}/v1/videos/generations",
    headers={"Authorization": "Bearer ${PYTHON_KEY}"},
    json=${pythonLiteral(body, 4)},
)
job = response.json()

# Generation runs as an async job. Poll until it completes.
import time
while True:
    status = requests.get(
        f"${baseUrl}/v1/jobs/{job['job_id']}",
        headers={"Authorization": "Bearer ${PYTHON_KEY}"},
    ).json()
    if status.get("status") in ("completed", "failed"):
        print(status)
        break
    time.sleep(5)
`;
}

/** The pixel size of a resolution and aspect ratio, as the server computes it (VideoGeometry): the short side is the resolution, both sides even. */
export function sizeOf(resolution, aspectRatio) {
  const short = parseInt(resolution, 10);
  const [w, h] = aspectRatio.split(':').map((n) => parseInt(n, 10));
  if (w === h) {
    return `${short}x${short}`;
  }
  const long = Math.round((short * Math.max(w, h)) / Math.min(w, h) / 2) * 2;
  return w > h ? `${long}x${short}` : `${short}x${long}`;
}

/**
 * The same request through the official OpenAI SDK for JavaScript (npm "openai") and this server's /v1/videos:
 * resolution and aspect ratio become size, duration becomes seconds, the image becomes input_reference, and the
 * model's other parameters ride along as extra fields (mode follows from the image).
 */
export function openAiSdk(baseUrl, body) {
  const params = { model: body.model, prompt: body.prompt };
  if (body.resolution && body.aspect_ratio) {
    params.size = sizeOf(body.resolution, body.aspect_ratio);
  }
  if (body.duration) {
    params.seconds = String(body.duration).replace(/s$/, '');
  }
  if (body.image) {
    params.input_reference = body.image.startsWith('upl_') ? { file_id: body.image } : { image_url: body.image };
  }
  for (const [name, value] of Object.entries(body)) {
    if (!['model', 'prompt', 'resolution', 'aspect_ratio', 'duration', 'image', 'mode'].includes(name)) {
      params[name] = value;
    }
  }
  const literal = JSON.stringify(params, null, 2);
  return `import fs from "node:fs";
import OpenAI from "openai";

const client = new OpenAI({
  apiKey: process.env.EMPIRIOLABS_API_KEY,
  baseURL: "${baseUrl}/v1",
});

let video = await client.videos.create(${literal});

// Generation runs as an async job. Poll until it completes.
while (video.status === "queued" || video.status === "in_progress") {
  await new Promise((resolve) => setTimeout(resolve, 5000));
  video = await client.videos.retrieve(video.id);
}
console.log(video);
if (video.status === "completed") {
  const content = await client.videos.downloadContent(video.id);
  fs.writeFileSync("video.mp4", Buffer.from(await content.arrayBuffer()));
}
`;
}
