#!/usr/bin/env node
// Hot spots of a JFR recording: reads `jfr print --events jdk.ExecutionSample <file>` on stdin and prints the
// share of samples per top frame (self time) and per frame anywhere on the stack (total time), top N each.
//   jfr print --events jdk.ExecutionSample rec.jfr | node jfr-top.js [N] [package-filter-for-total]
'use strict';
const n = Number(process.argv[2] || 25);
const filter = process.argv[3] || '';
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const self = new Map();
  const total = new Map();
  let samples = 0;
  for (const block of input.split('jdk.ExecutionSample {').slice(1)) {
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
    samples++;
    self.set(frames[0], (self.get(frames[0]) || 0) + 1);
    for (const f of new Set(frames)) if (!filter || f.includes(filter)) total.set(f, (total.get(f) || 0) + 1);
  }
  const show = (title, m) => {
    console.log(`${title} (${samples} samples)`);
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
      .forEach(([f, c]) => console.log(`${(100 * c / samples).toFixed(1).padStart(5)} %  ${f}`));
  };
  show('self (top frame)', self);
  show('total (on the stack' + (filter ? ', frames containing ' + filter : '') + ')', total);
});
