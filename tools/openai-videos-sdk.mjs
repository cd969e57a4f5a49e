// The official OpenAI SDK (npm "openai") against Reelgate's OpenAI video protocol, the way a user's code calls it:
// create (multipart as the SDK sends it, with an image file, with input_reference {image_url}, and plain JSON),
// retrieve until done, downloadContent of every variant to disk, list with auto-paging, remix, delete, and the
// SDK's typed errors. Prints one JSON report on stdout; the xunit test (OpenAiSdkTests) checks it and probes the files.
// Usage: node openai-videos-sdk.mjs <base-url> <api-key> <out-dir> <reference-image.png>
import fs from "node:fs";
import path from "node:path";
import OpenAI, { toFile } from "openai";

const [, , baseUrl, apiKey, outDir, imagePath] = process.argv;
const client = new OpenAI({ apiKey, baseURL: `${baseUrl}/v1`, maxRetries: 0, timeout: 120_000 });
const report = { created: {}, finished: {}, files: {}, pages: {}, errors: {} };

async function waitFor(id) {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const video = await client.videos.retrieve(id);
    if (video.status === "completed" || video.status === "failed") {
      return video;
    }
    if (Date.now() > deadline) {
      throw new Error(`video ${id} is still ${video.status}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function download(id, variant, name) {
  const response = await client.videos.downloadContent(id, { variant });
  const file = path.join(outDir, name);
  fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return { file, contentType: response.headers.get("content-type"), status: response.status };
}

async function errorOf(name, call) {
  try {
    await call();
    report.errors[name] = { class: "none" };
  } catch (e) {
    report.errors[name] = {
      class: e.constructor.name,
      status: e.status ?? null,
      param: e.param ?? null,
      code: e.code ?? null,
      type: e.type ?? null,
      message: e.message,
    };
  }
}

// Create: the SDK's own multipart (extra card parameters ride along), an image file, an image URL object, and JSON.
report.created.text = await client.videos.create({
  model: "pixverse-v5-6",
  prompt: "a paper boat on a river at dawn",
  size: "640x360",
  seconds: "5",
  audio: false,
});
const image = fs.readFileSync(imagePath);
report.created.file = await client.videos.create({
  prompt: "the picture comes alive",
  size: "360x640",
  seconds: "5",
  input_reference: await toFile(image, "reference.png", { type: "image/png" }),
  audio: false,
});
report.created.url = await client.videos.create({
  prompt: "the picture, gently moving",
  size: "360x360",
  input_reference: { image_url: `data:image/png;base64,${image.toString("base64")}` },
  audio: false,
});
report.created.json = await client.post("/videos", {
  body: { prompt: "a lighthouse in fog", size: "480x360", seconds: "5", audio: false, style: "clay" },
});

for (const [name, video] of Object.entries(report.created)) {
  report.finished[name] = await waitFor(video.id);
}

const textId = report.created.text.id;
for (const [variant, name] of [["video", "video.mp4"], ["thumbnail", "thumbnail.jpg"], ["spritesheet", "spritesheet.jpg"]]) {
  report.files[variant] = await download(textId, variant, name);
}
report.files.image_video = await download(report.created.file.id, "video", "image-video.mp4");

// List: one video a page, walked by the SDK's auto-paging (after = the last id), both orders.
const first = await client.videos.list({ limit: 1, order: "asc" });
report.pages.first = { ids: first.data.map((v) => v.id), has_more: first.has_more, last_id: first.last_id };
report.pages.asc = [];
for await (const video of client.videos.list({ limit: 1, order: "asc" })) {
  report.pages.asc.push(video.id);
}
report.pages.desc = [];
for await (const video of client.videos.list({ limit: 2 })) {
  report.pages.desc.push(video.id);
}

// Remix, then delete the original; its content is gone, its record stays.
report.remix = await client.videos.remix(textId, { prompt: "a paper boat on a river at night" });
report.remix_finished = await waitFor(report.remix.id);
report.deleted = await client.videos.delete(textId);
report.after_delete = await client.videos.retrieve(textId);

await errorOf("content_after_delete", () => client.videos.downloadContent(textId));
await errorOf("unknown_video", () => client.videos.retrieve("job_00000000000000000000000000"));
await errorOf("bad_size", () => client.videos.create({ prompt: "x", size: "1280x1280" }));
await errorOf("bad_seconds", () => client.videos.create({ prompt: "x", seconds: "12" }));
await errorOf("bad_model", () => client.videos.create({ prompt: "x", model: "sora-2" }));
await errorOf("ten_seconds_at_1080p", () => client.videos.create({ prompt: "x", size: "1920x1080", seconds: "10" }));
await errorOf("bad_variant", () => client.videos.downloadContent(report.created.json.id, { variant: "poster" }));
await errorOf("bad_cursor", () => client.videos.list({ after: "not-an-id" }));
await errorOf("delete_unknown", () => client.videos.delete("job_00000000000000000000000000"));
await errorOf("wrong_key", () => new OpenAI({ apiKey: "rg_wrong", baseURL: `${baseUrl}/v1`, maxRetries: 0 }).videos.list());

process.stdout.write(JSON.stringify(report));
