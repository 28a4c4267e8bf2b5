#!/usr/bin/env node
// Open-loop load on POST /suggestions: RATE requests per second for DURATION seconds (a request is sent on
// schedule whether or not earlier ones have answered, so slow answers cannot hide by slowing the generator).
// Contexts are taken from the held-out novel at random positions, half of them ending inside a word (completion),
// half after a space (next word). Tokens are signed with the test key (the service under test trusts its public
// half), one per simulated writer. Prints one JSON line:
// {requests, ok, errors, statuses, rps, p50ms, p90ms, p99ms, maxms}.
// Usage: node load.js <baseUrl> <rate> <seconds> <private-key.pem> <book.txt.gz> [writers]
'use strict';
const http = require('http');
const crypto = require('crypto');
const fs = require('fs');
const zlib = require('zlib');

const [baseUrl, rateArg, secondsArg, keyFile, bookFile, writersArg] = process.argv.slice(2);
if (!bookFile) {
  console.error('usage: node load.js <baseUrl> <rate> <seconds> <private-key.pem> <book.txt.gz> [writers]');
  process.exit(2);
}
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const writers = Number(writersArg || 50);
const base = new URL(baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const key = crypto.createPrivateKey(fs.readFileSync(keyFile));
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
function token(userId) {
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'RS256', typ: 'JWT' });
  const body = b64({ iss: 'https://writerstree.com', sub: userId, userId, email: `${userId}@example.com`,
    tier: 'free', jti: crypto.randomUUID(), iat: now, exp: now + 3600 });
  const sig = crypto.sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key).toString('base64url');
  return `${head}.${body}.${sig}`;
}
const tokens = Array.from({ length: writers }, () => token(crypto.randomUUID()));
const words = zlib.gunzipSync(fs.readFileSync(bookFile)).toString('utf8').split(/\s+/).filter(Boolean);
function context(i) {
  const at = 50 + ((i * 7919) % (words.length - 100));
  const text = words.slice(at - 40, at).join(' ');
  if (i % 2 === 0) return text + ' ';
  const next = words[at].replace(/[^A-Za-z']/g, '');
  return text + ' ' + next.slice(0, Math.max(1, Math.floor(next.length / 2)));
}

const latencies = [];
const statuses = {};
let sent = 0, ok = 0, errors = 0, done = 0;
function fire(i) {
  const body = JSON.stringify({ context: context(i), limit: 3 });
  const start = process.hrtime.bigint();
  const req = http.request({ host: base.hostname, port: base.port, path: base.pathname.replace(/\/$/, '') + '/suggestions',
    method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body),
      Authorization: `Bearer ${tokens[i % tokens.length]}` } }, (res) => {
    res.resume();
    res.on('end', () => {
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
      statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1;
      if (res.statusCode === 200) ok++; else errors++;
      done++;
    });
  });
  req.on('error', () => { errors++; done++; });
  req.end(body);
}
const t0 = Date.now();
const total = Math.round(rate * seconds);
const timer = setInterval(() => {
  const due = Math.min(total, Math.floor(((Date.now() - t0) / 1000) * rate));
  while (sent < due) fire(sent++);
  if (sent >= total) clearInterval(timer);
}, 2);
const wait = setInterval(() => {
  if (sent >= total && (done >= total || Date.now() - t0 > (seconds + 10) * 1000)) {
    clearInterval(wait);
    latencies.sort((a, b) => a - b);
    const q = (p) => latencies.length ? +latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * p) - 1)].toFixed(2) : null;
    console.log(JSON.stringify({ requests: sent, ok, errors, statuses, rps: +(done / ((Date.now() - t0) / 1000)).toFixed(1),
      p50ms: q(0.5), p90ms: q(0.9), p99ms: q(0.99), maxms: q(1) }));
    agent.destroy();
  }
}, 50);
