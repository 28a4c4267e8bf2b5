// Prints Artillery's aggregate report as one line per endpoint (count, p50/p95/p99 in ms) plus codes and errors.
const report = require(require('path').resolve(process.argv[2]));
const agg = report.aggregate;
const prefix = 'plugins.metrics-by-endpoint.response_time.';
const rows = Object.entries(agg.summaries || {})
  .filter(([k]) => k.startsWith(prefix))
  .map(([k, s]) => [k.slice(prefix.length), s]);
console.log('endpoint'.padEnd(36), 'count'.padStart(6), 'p50'.padStart(7), 'p95'.padStart(7), 'p99'.padStart(7), 'max'.padStart(7));
for (const [name, s] of rows) {
  console.log(name.padEnd(36), String(s.count).padStart(6), String(s.median).padStart(7), String(s.p95).padStart(7),
    String(s.p99).padStart(7), String(s.max).padStart(7));
}
const counters = agg.counters || {};
const codes = Object.entries(counters).filter(([k]) => k.startsWith('http.codes.')).map(([k, v]) => `${k.slice(11)}: ${v}`);
const perEndpointCodes = Object.entries(counters)
  .filter(([k]) => k.startsWith('plugins.metrics-by-endpoint.') && k.includes('.codes.') && !/\.codes\.2\d\d$/.test(k))
  .map(([k, v]) => `${k.slice('plugins.metrics-by-endpoint.'.length)}: ${v}`);
const errors = Object.entries(counters).filter(([k]) => k.startsWith('errors.')).map(([k, v]) => `${k.slice(7)}: ${v}`);
console.log('status codes:', codes.join(', ') || '-');
console.log('non-2xx by endpoint:', perEndpointCodes.join(', ') || '-');
console.log('errors:', errors.join(', ') || '-');
console.log('virtual users: created', counters['vusers.created'], 'completed', counters['vusers.completed'], 'failed', counters['vusers.failed'] || 0);
console.log('requests/s (mean):', (agg.rates && agg.rates['http.request_rate']) || '-');
