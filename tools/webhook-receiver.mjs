// A webhook receiver for the tests: verifies every delivery with the reference Standard Webhooks library
// (an implementation written by others), fails the first attempts of each message on purpose, and
// reports what it saw at GET /log. A request with "x-check: 1" is only verified (200 valid, 400 invalid).
// Usage: node webhook-receiver.mjs <port> <whsec_secret> <fail-first-n>
import http from "node:http";
import { Webhook } from "standardwebhooks";

const [, , port, secret, failFirst] = process.argv;
const verifier = new Webhook(secret);
const attempts = new Map();
const delivered = [];
const rejected = [];

http
  .createServer((req, res) => {
    if (req.method === "GET" && req.url === "/log") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ delivered, rejected, attempts: Object.fromEntries(attempts) }));
      return;
    }
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = {
        "webhook-id": req.headers["webhook-id"],
        "webhook-timestamp": req.headers["webhook-timestamp"],
        "webhook-signature": req.headers["webhook-signature"],
      };
      let payload;
      try {
        payload = verifier.verify(body, headers);
      } catch (e) {
        if (req.headers["x-check"] !== "1") rejected.push({ id: headers["webhook-id"], error: String(e.message) });
        res.statusCode = 400;
        res.end("invalid: " + e.message);
        return;
      }
      if (req.headers["x-check"] === "1") {
        res.end("valid");
        return;
      }
      const id = headers["webhook-id"];
      const n = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, n);
      if (n <= Number(failFirst)) {
        res.statusCode = 500;
        res.end("failing on purpose");
        return;
      }
      delivered.push({ id, attempt: n, job_id: payload.job_id, status: payload.status, headers, body });
      res.end("ok");
    });
  })
  .listen(Number(port), "127.0.0.1", () => console.log(`listening ${port}`));
