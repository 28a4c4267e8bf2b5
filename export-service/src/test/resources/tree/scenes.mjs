// Draws trees with the web client's tree.js under Node, for TreeScriptAgreementTest.
// Usage: node scenes.mjs <path of tree.js> < specs.json
// stdin: a JSON array of {seed, species, season, progress, milestones, width, height, shapes: boolean}.
// stdout: one JSON line per spec: {blossoms, petals, shapes?: [[kind, rgb, numbers...]]}, where kind is "b"
// (branch: x1, y1, x2, y2, w1, w2) or "e" (blob: cx, cy, rx, ry, angle, opacity), in painting order.
import { pathToFileURL } from 'node:url';

const { treeScene } = await import(pathToFileURL(process.argv[2]).href);
let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const spec of JSON.parse(input)) {
  const scene = treeScene(spec, spec.width, spec.height);
  const line = {
    blossoms: scene.shapes.filter((s) => s.kind === 'heart').length,
    petals: scene.shapes.filter((s) => s.kind === 'petal').length,
  };
  if (spec.shapes) line.shapes = scene.shapes.map((s) => (s.b ? ['b', s.rgb, ...s.b] : ['e', s.rgb, ...s.e]));
  out.push(JSON.stringify(line));
  if (out.length >= 16) process.stdout.write(out.splice(0).join('\n') + '\n');
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
