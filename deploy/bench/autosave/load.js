#!/usr/bin/env node
// Autosave load generator: N workers, each saving its own project's ~WORDS-word text (changed every time) with
// PUT <base>/projects/{id}/content for DURATION seconds over keep-alive connections. Prints one JSON line:
// {label, requests, ok, errors, statuses, seconds, rps, p50ms, p90ms, p99ms, maxms, bytesPerSave}.
// Usage: node load.js <label> <baseUrl> <durationSeconds> <words> <token:projectId>...  (one pair per worker)
// With PATCH=1 in the environment, every save after a worker's first is a delta save (content-service's
// `patch`): one word appended to the text of the version the worker last saved ({retain, insert}).
'use strict';
const http = require('http');

const [label, baseUrl, durationArg, wordsArg, ...pairs] = process.argv.slice(2);
if (!pairs.length) {
  console.error('usage: node load.js <label> <baseUrl> <seconds> <words> <token:projectId>...');
  process.exit(2);
}
const duration = Number(durationArg) * 1000;
const words = Number(wordsArg);
const deltas = process.env.PATCH === '1';
const base = new URL(baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: pairs.length });

const vocabulary = ('the rain fell on the quiet town while she waited by the window and wondered whether '
  + 'the letter would ever come back from the old house on the hill above the river').split(' ');
function text(worker, n) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(vocabulary[(i * 7 + worker) % vocabulary.length]);
  // a different word each save, in the middle of the text, plus a growing tail word
  out[Math.floor(words / 2)] = 'edit' + n;
  out.push('save' + n);
  return out.join(' ');
}

function put(token, projectId, body) {
  return new Promise((resolve) => {
    const payload = Buffer.from(JSON.stringify(body));
    const started = process.hrtime.bigint();
    const req = http.request({
      agent, host: base.hostname, port: base.port, method: 'PUT',
      path: base.pathname.replace(/\/$/, '') + '/projects/' + projectId + '/content',
      headers: { 'Content-Type': 'application/json', 'Content-Length': payload.length,
        Authorization: 'Bearer ' + token },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        let json = null;
        try { json = JSON.parse(Buffer.concat(chunks).toString()); } catch (e) { /* not JSON */ }
        resolve({ status: res.statusCode, ms, json });
      });
    });
    req.on('error', (e) => resolve({ status: 'neterr:' + e.code, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    req.end(payload);
  });
}

async function worker(index, token, projectId, deadline, results) {
  let n = 0;
  let version = null;
  let current = '';
  while (Date.now() < deadline) {
    n++;
    let body;
    if (deltas && version !== null) {
      // one word appended to the text of the version last saved
      const word = ' delta' + n;
      body = { version, patch: [{ op: 'retain', n: current.length }, { op: 'insert', text: word }] };
      current += word;
    } else {
      current = text(index, n);
      body = { content: current };
      if (version !== null) body.version = version; // each worker owns its project: its base is always current
    }
    const r = await put(token, projectId, body);
    results.push(r);
    if (r.status === 200 && r.json && r.json.data) version = r.json.data.version;
    else version = null;
  }
}

(async () => {
  const results = [];
  const started = Date.now();
  const deadline = started + duration;
  await Promise.all(pairs.map((p, i) => {
    const [token, projectId] = p.split(':');
    return worker(i, token, projectId, deadline, results);
  }));
  const seconds = (Date.now() - started) / 1000;
  const ok = results.filter((r) => r.status === 200);
  const lat = ok.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (p) => (lat.length ? lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)] : NaN);
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] || 0) + 1;
  agent.destroy();
  console.log(JSON.stringify({
    label, requests: results.length, ok: ok.length, errors: results.length - ok.length, statuses,
    seconds: Number(seconds.toFixed(1)), rps: Number((ok.length / seconds).toFixed(1)),
    p50ms: Number(pct(50).toFixed(2)), p90ms: Number(pct(90).toFixed(2)), p99ms: Number(pct(99).toFixed(2)),
    maxms: Number((lat[lat.length - 1] || NaN).toFixed(2)), bytesPerSave: Buffer.byteLength(text(0, 1)), deltas,
  }));
})();
