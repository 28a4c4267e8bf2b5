#!/usr/bin/env node
// Where one JVM's CPU goes, by thread group (not a test): reads utime + stime of every thread of <pid> from
// /proc/<pid>/task/*/stat (thread names from .../comm), then again after <seconds>, and prints the CPU of each group
// in that window: the JIT compilers, the garbage collector, Vert.x event loops, worker threads, Kafka clients, ...
//   node deploy/bench/cpu/threads.js <pid> <seconds> [saves]     (saves: also print ms per save)
// Run it while a benchmark phase loads the process; JIT and GC threads are what a CPU sampler such as JFR's
// ExecutionSample does not see.
'use strict';
const fs = require('fs');
const { ticks, TICK_MS } = require('./cpu.js');

const [pid, seconds, saves] = [process.argv[2], Number(process.argv[3] || 10), Number(process.argv[4] || 0)];
if (!pid || !/^\d+$/.test(pid)) {
  console.error('usage: threads.js <pid> <seconds> [saves]');
  process.exit(2);
}

const GROUPS = [
  ['JIT (C1/C2 compiler threads)', /^C[12] CompilerThre/],
  ['GC', /^(GC |G1 |VM Thread|Shenandoah|ZGC)/],
  ['Vert.x event loops', /^vert\.x-eventl/],
  ['Vert.x / Quarkus workers', /^(vert\.x-worker|executor-thre|vert\.x-intern)/],
  ['Kafka clients', /^(kafka-|smallrye-kafka|KafkaConsumer|kafka)/i],
  ['Netty / other I/O', /^(nioEventLoop|globalEventExecutor|epollEventLoop)/],
  ['OpenTelemetry export', /^(BatchSpanProcessor|OkHttp|otel)/i],
];

function snapshot() {
  const threads = new Map();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    const t = ticks(`${pid}/task/${tid}`);
    let name;
    try {
      name = fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
    } catch (e) {
      continue; // the thread ended between readdir and read
    }
    if (t !== null) threads.set(tid, { name, ticks: t });
  }
  return threads;
}

function group(name) {
  for (const [label, pattern] of GROUPS) {
    if (pattern.test(name)) return label;
  }
  return 'other: ' + name.replace(/[-#]?\d+$/, '').slice(0, 40);
}

const before = snapshot();
setTimeout(() => {
  const after = snapshot();
  const totals = new Map();
  let sum = 0;
  for (const [tid, t] of after) {
    const ticks = t.ticks - (before.get(tid)?.ticks || 0);
    if (ticks <= 0) continue;
    const label = group(t.name);
    totals.set(label, (totals.get(label) || 0) + ticks);
    sum += ticks;
  }
  const rows = [...totals].sort((a, b) => b[1] - a[1]);
  console.log(`| thread group | CPU ms | share |${saves ? ' ms per save |' : ''}`);
  console.log(`|---|---|---|${saves ? '---|' : ''}`);
  for (const [label, ticks] of rows) {
    const perSave = saves ? ` ${((ticks * TICK_MS) / saves).toFixed(3)} |` : '';
    console.log(`| ${label} | ${ticks * TICK_MS} | ${((100 * ticks) / sum).toFixed(1)} % |${perSave}`);
  }
  console.log(`| all threads | ${sum * TICK_MS} | 100 % |${saves ? ` ${((sum * TICK_MS) / saves).toFixed(3)} |` : ''}`);
}, seconds * 1000);
