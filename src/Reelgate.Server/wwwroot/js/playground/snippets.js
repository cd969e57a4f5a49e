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
