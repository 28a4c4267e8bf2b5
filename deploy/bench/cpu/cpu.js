#!/usr/bin/env node
// CPU per process from /proc (utime + stime of /proc/<pid>/stat, in clock ticks), for the benchmarks.
//   node cpu.js snapshot <pidDir> <stack> <dbName>      -> one JSON line {group: {pid: ticks}} on stdout
//   node cpu.js report <before.json> <after.json> <saves> [label] [<seconds> <idle-before.json> <idle-after.json> <idle-seconds>]
//       -> a Markdown table: CPU ms per save per group; with an idle window (the same processes, no load), also the
//          idle rate and the CPU per save net of it ((phase CPU - idle rate x phase seconds) / saves): on a busy or
//          slow machine the background work (consumer polls, schedulers, JIT) is otherwise charged to few saves
// Groups: every service of the stack (pid files <pidDir>/<stack>-<service>.pid, both gateway replicas), Kafka
// (the JVM running kafka.Kafka), Redis, "postgres (<db> backends)" (backends connected to the stack's database)
// and "postgres (all)" (every postgres process: the server's background work plus every database's backends,
// including other stacks' and other users' — an upper bound on a shared machine).
// A process that exits between the snapshots is not counted; one that starts in between counts from zero.
'use strict';
const fs = require('fs');
const path = require('path');

const TICK_MS = 10; // CLK_TCK = 100 on Linux x86-64/arm64 (getconf CLK_TCK)
const SERVICES = ['identity-service', 'project-service', 'content-service', 'export-service', 'stats-service',
  'suggestion-service', 'sync-gateway', 'sync-gateway-2'];

// utime + stime of /proc/<pid>/stat, or of /proc/<pid>/task/<tid>/stat for one thread (threads.js), in ticks
function ticks(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // field 3 (state) is fields[0]
    return Number(fields[11]) + Number(fields[12]); // utime (14) + stime (15)
  } catch (e) {
    return null; // gone
  }
}

function read(file) {
  try { return fs.readFileSync(file, 'utf8'); } catch (e) { return ''; }
}

function snapshot(pidDir, stack, db) {
  const groups = {};
  const add = (group, pid) => {
    const t = ticks(pid);
    if (t === null) return;
    (groups[group] = groups[group] || {})[pid] = t;
  };
  for (const svc of SERVICES) {
    const pid = read(path.join(pidDir, `${stack}-${svc}.pid`)).split('\n')[0].trim();
    if (pid) add(svc, pid);
  }
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const comm = read(`/proc/${pid}/comm`).trim();
    if (comm === 'postgres') {
      add('postgres (all)', pid);
      const cmd = read(`/proc/${pid}/cmdline`).replace(/\0/g, ' ');
      // a backend's title: "postgres: [<cluster>: ]<user> <database> <client> <state>" (Debian adds "15/main: ")
      if (new RegExp(`^postgres: (\\S+: )?\\S+ ${db} `).test(cmd)) add(`postgres (${db} backends)`, pid);
    } else if (comm === 'redis-server') {
      add('redis', pid);
    } else if (comm === 'java') {
      if (read(`/proc/${pid}/cmdline`).includes('kafka.Kafka')) add('kafka', pid);
    }
  }
  return groups;
}

function delta(before, after, group) {
  let sum = 0;
  for (const [pid, t] of Object.entries(after[group] || {})) sum += t - ((before[group] || {})[pid] || 0);
  return sum * TICK_MS;
}

function report(before, after, saves, label, seconds, idle) {
  const perSave = (ms) => (saves > 0 ? (ms / saves).toFixed(2) : '-');
  const rows = [];
  const total = { ms: 0, idle: 0 };
  for (const group of Object.keys(after)) {
    const ms = delta(before, after, group);
    const idleRate = idle ? delta(idle.before, idle.after, group) / idle.seconds : 0; // ms of CPU per second
    rows.push([group, ms, idleRate]);
    if (group !== 'postgres (all)') {
      total.ms += ms;
      total.idle += idleRate;
    }
  }
  console.log(`CPU ${label || ''} (${saves} saves in ${seconds || '?'} s; ms of CPU, utime+stime from /proc)`);
  if (!idle) {
    console.log('| process | CPU ms | CPU ms per save |');
    console.log('|---|---|---|');
    for (const [group, ms] of rows) console.log(`| ${group} | ${ms} | ${perSave(ms)} |`);
    console.log(`| **sum (services, Kafka, Redis, the stack's PG backends)** | ${total.ms} | **${perSave(total.ms)}** |`);
    return;
  }
  const net = (ms, rate) => perSave(Math.max(0, ms - rate * seconds));
  console.log('| process | CPU ms | CPU ms per save | idle CPU ms/s | net CPU ms per save |');
  console.log('|---|---|---|---|---|');
  for (const [group, ms, rate] of rows) {
    console.log(`| ${group} | ${ms} | ${perSave(ms)} | ${rate.toFixed(1)} | ${net(ms, rate)} |`);
  }
  console.log(`| **sum (services, Kafka, Redis, the stack's PG backends)** | ${total.ms} | **${perSave(total.ms)}** | `
    + `${total.idle.toFixed(1)} | **${net(total.ms, total.idle)}** |`);
}

module.exports = { ticks, TICK_MS };

if (require.main === module) {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'snapshot') {
    console.log(JSON.stringify(snapshot(args[0], args[1], args[2])));
  } else if (cmd === 'report') {
    const json = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
    const idle = args[7] ? { before: json(args[5]), after: json(args[6]), seconds: Number(args[7]) } : null;
    report(json(args[0]), json(args[1]), Number(args[2]), args[3], args[4] ? Number(args[4]) : null, idle);
  } else {
    console.error('usage: cpu.js snapshot <pidDir> <stack> <db> | report <before.json> <after.json> <saves> [label]');
    process.exit(2);
  }
}
