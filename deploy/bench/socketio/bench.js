// Socket.IO device-to-device latency across two gateway replicas, with the real npm socket.io-client.
// node deploy/bench/socketio/bench.js <gateway1> <gateway2> <users> <seconds> <intervalMs>
// Per user: device A on gateway 1 (default options: polling, then WebSocket), device B on gateway 2 (long-polling
// only, the slow path); A saves the whole text every intervalMs with an acknowledgement.
// Needs a stack whose gateway trusts 127.0.0.1 as a proxy (each user registers from its own X-Forwarded-For).
const path = require("path");
const { io } = require(path.join(__dirname, "../../../system-tests/socketio-client/node_modules/socket.io-client"));

const [g1, g2, users = "20", seconds = "30", interval = "2000"] = process.argv.slice(2);
const pct = (xs, p) => xs.length ? xs[Math.min(xs.length - 1, Math.floor(p / 100 * xs.length))] : NaN;
const stats = (name, xs) => {
  xs.sort((a, b) => a - b);
  console.log(`| ${name} | ${xs.length} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} | ${pct(xs, 99).toFixed(1)} | ${(xs[xs.length - 1] || NaN).toFixed(1)} |`);
};

async function post(url, token, ip, body) {
  const headers = { "Content-Type": "application/json", "X-Forwarded-For": ip };
  if (token) headers.Authorization = "Bearer " + token;
  const r = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  if (r.status >= 300) throw new Error(url + " " + r.status + " " + (await r.text()));
  return (await r.json()).data;
}

const connect = (url, token, options) => new Promise((resolve, reject) => {
  const s = io(url, Object.assign({ auth: { token }, reconnection: false }, options));
  s.once("authenticated", () => resolve(s));
  s.once("connect_error", reject);
});

(async () => {
  const run = Date.now().toString(36);
  const acks = [], updates = [], errors = [];
  const pairs = [];
  for (let n = 0; n < Number(users); n++) {
    const ip = `10.77.${(n >> 8) & 255}.${(n & 255) + 1}`;
    const reg = await post(g1 + "/api/v1/auth/register", null, ip,
      { email: `sio-bench-${run}-${n}@example.com`, password: "SecurePass123!", fullName: "Bench" });
    const project = await post(g1 + "/api/v1/projects", reg.token, ip, { title: "Bench " + n, wordGoal: 100000 });
    const projectId = project.id || project.projectId || (project.project && project.project.id);
    const a = await connect(g1, reg.token, {});
    const b = await connect(g2, reg.token, { transports: ["polling"] });
    pairs.push({ a, b, projectId, version: 0, sent: new Map() });
  }
  for (const p of pairs) {
    p.b.on("sync:update", (u) => {
      const t = p.sent.get(u.version);
      if (t) updates.push(Number(process.hrtime.bigint() - t) / 1e6);
    });
    p.a.on("error", (e) => errors.push(e.code));
  }
  const end = Date.now() + Number(seconds) * 1000;
  await Promise.all(pairs.map(async (p, i) => {
    await new Promise((r) => setTimeout(r, (i * Number(interval)) / pairs.length));
    let words = "";
    while (Date.now() < end) {
      words += " word" + p.version;
      const sent = process.hrtime.bigint();
      p.sent.set(p.version + 1, sent);
      const ack = await new Promise((r) => p.a.emit("sync:content",
        { projectId: p.projectId, content: words, version: p.version }, r));
      if (ack.error || ack.conflict) { errors.push(JSON.stringify(ack).slice(0, 80)); break; }
      acks.push(Number(process.hrtime.bigint() - sent) / 1e6);
      p.version = ack.version;
      await new Promise((r) => setTimeout(r, Number(interval)));
    }
  }));
  await new Promise((r) => setTimeout(r, 2000));
  console.log("| measure | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|");
  stats("save -> ack (A, gateway 1, WebSocket after upgrade)", acks);
  stats("save -> sync:update on B (gateway 2, long-polling)", updates);
  console.log(`errors: ${errors.length} ${errors.slice(0, 3).join(" ")}`);
  pairs.forEach((p) => { p.a.close(); p.b.close(); });
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
