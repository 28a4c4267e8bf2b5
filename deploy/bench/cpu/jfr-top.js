#!/usr/bin/env node
// Hot spots of a JFR recording: reads `jfr print --events jdk.ExecutionSample <file>` on stdin and prints the
// share of samples per top frame (self time) and per frame anywhere on the stack (total time), top N each.
//   jfr print --events jdk.ExecutionSample rec.jfr | node jfr-top.js [N] [package-filter-for-total]
// Allocations: `jfr print --events jdk.ObjectAllocationSample rec.jfr | node jfr-top.js N filter` weighs each sample
// by its `weight` (bytes the sample stands for) and also prints the share per allocated class.
'use strict';
const n = Number(process.argv[2] || 25);
const filter = process.argv[3] || '';
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const self = new Map();
  const total = new Map();
  const classes = new Map();
  const alloc = input.includes('jdk.ObjectAllocationSample {');
  const units = { bytes: 1, byte: 1, kB: 1024, MB: 1024 * 1024, GB: 1024 * 1024 * 1024 };
  let samples = 0;
  for (const block of input.split(alloc ? 'jdk.ObjectAllocationSample {' : 'jdk.ExecutionSample {').slice(1)) {
    let w = 1;
    if (alloc) {
      const m = /weight = ([\d.]+) (\w+)/.exec(block);
      w = m ? Number(m[1]) * (units[m[2]] || 1) : 0;
      const c = /objectClass = (\S+)/.exec(block);
      if (c) classes.set(c[1], (classes.get(c[1]) || 0) + w);
    }
    const frames = [];
    const st = block.indexOf('stackTrace = [');
    if (st < 0) continue;
    for (const line of block.slice(st).split('\n').slice(1)) {
      const t = line.trim();
      if (t.startsWith(']') || t === '') break;
      if (t === '...') continue;
      frames.push(t.replace(/\s+line: \d+.*$/, '').replace(/\s+bci: \d+.*$/, ''));
    }
    if (!frames.length) continue;
    samples += w;
    self.set(frames[0], (self.get(frames[0]) || 0) + w);
    for (const f of new Set(frames)) if (!filter || f.includes(filter)) total.set(f, (total.get(f) || 0) + w);
  }
  const show = (title, m) => {
    console.log(alloc ? `${title} (${(samples / 1048576).toFixed(1)} MB sampled weight)` : `${title} (${samples} samples)`);
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
      .forEach(([f, c]) => console.log(`${(100 * c / samples).toFixed(1).padStart(5)} %  ${f}`));
  };
  show('self (top frame)', self);
  show('total (on the stack' + (filter ? ', frames containing ' + filter : '') + ')', total);
  if (alloc) show('allocated class', classes);
});
