// The project's tree, drawn from its seed, species and season exactly as export-service draws the exported image
// (export-service README "The tree"; TreeGenerator.java, TreeImages.java): the same seed gives the same shape, so
// the tree in the browser is the tree a writer exports. Keep this file in step with those two classes
// (export-service's TreeScriptAgreementTest runs this file under Node and compares its scenes with TreeGenerator's
// shape by shape; WebClientTreeStatsIT compares the browser's SVG with the exported one).
import { svg } from './dom.js';

// 64-bit words as two unsigned 32-bit halves [hi, lo] (BigInt would be exact too, but ten times slower: a grown
// tree draws tens of thousands of numbers).
const TWO32 = 4294967296;

/** (a * b) mod 2^64. */
function mul64(ah, al, bh, bl) {
  const a0 = al & 0xffff, a1 = al >>> 16, b0 = bl & 0xffff, b1 = bl >>> 16;
  const mid = a1 * b0 + a0 * b1; // < 2^33, exact
  const low = a0 * b0 + (mid % 65536) * 65536; // < 2^33, exact
  const high = a1 * b1 + Math.floor(mid / 65536) + Math.floor(low / TWO32) + Math.imul(ah, bl) + Math.imul(al, bh);
  return [high >>> 0, low >>> 0];
}

/** z ^ (z >>> n), 0 < n < 32. */
function xorShift(hi, lo, n) {
  return [(hi ^ (hi >>> n)) >>> 0, (lo ^ ((lo >>> n) | (hi << (32 - n)))) >>> 0];
}

/** SplitMix64, nextDouble = (next >>> 11) * 2^-53, as in SplitMix64.java. */
class SplitMix64 {
  constructor([hi, lo]) { this.hi = hi >>> 0; this.lo = lo >>> 0; }
  next() {
    const lo = this.lo + 0x7F4A7C15;
    this.lo = lo >>> 0;
    this.hi = (this.hi + 0x9E3779B9 + (lo >= TWO32 ? 1 : 0)) >>> 0;
    let z = xorShift(this.hi, this.lo, 30);
    z = mul64(z[0], z[1], 0xBF58476D, 0x1CE4E5B9);
    z = xorShift(z[0], z[1], 27);
    z = mul64(z[0], z[1], 0x94D049BB, 0x133111EB);
    return xorShift(z[0], z[1], 31);
  }
  nextDouble() {
    const [hi, lo] = this.next();
    return (hi * 2097152 + (lo >>> 11)) * 2 ** -53;
  }
  between(lo, hi) { return lo + (hi - lo) * this.nextDouble(); }
  static derived([hi, lo], salt) {
    const [sh, sl] = mul64(Math.floor(salt / TWO32) >>> 0, salt >>> 0, 0xD1B54A32, 0xD192ED03);
    return new SplitMix64(new SplitMix64([(hi ^ sh) >>> 0, (lo ^ sl) >>> 0]).next());
  }
}

// SHA-256 (FIPS 180-4), synchronous: crypto.subtle is asynchronous and missing outside secure contexts.
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);

export function sha256(bytes) {
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const hash = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let [a, b, c, d, e, f, g, hh] = hash;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
    }
    hash[0] += a; hash[1] += b; hash[2] += c; hash[3] += d; hash[4] += e; hash[5] += f; hash[6] += g; hash[7] += hh;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  hash.forEach((v, i) => outView.setUint32(i * 4, v));
  return out;
}

/** The first 8 bytes (big-endian) of SHA-256 of the seed's UTF-8 bytes, as TreeSpec.seed64(): [hi, lo]. */
const seeds = new Map();
export function seed64(seed) {
  const key = seed || '';
  if (!seeds.has(key)) seeds.set(key, seed64Of(key));
  return seeds.get(key);
}

function seed64Of(seed) {
  const d = new DataView(sha256(new TextEncoder().encode(seed)).buffer);
  return [d.getUint32(0), d.getUint32(4)];
}

export const SPECIES = ['oak', 'willow', 'pine', 'maple', 'cherry'];
export const SEASONS = ['spring', 'summer', 'autumn', 'winter'];

const SHAPES = {
  oak: [7, 0.50, 0.45, 0.74, 2, 3, 0.10, 0.0, 1.0, 0.22, 0.20],
  willow: [6, 0.55, 0.30, 0.76, 2, 3, 0.05, 0.10, 1.1, 0.18, 0.12],
  pine: [12, 1.25, 0.15, 0.80, 2, 2, 0.0, 0.0, 0.42, 0.16, 0.24],
  maple: [7, 0.42, 0.30, 0.76, 2, 3, 0.22, 0.0, 1.0, 0.19, 0.21],
  cherry: [6, 0.62, 0.35, 0.76, 2, 3, 0.02, 0.0, 0.85, 0.20, 0.19],
};

function shapeOf(species) {
  const [maxDepth, angle, jitter, ratio, minChildren, maxChildren, upBias, droop, trunk, width, leafSize] = SHAPES[species];
  return { maxDepth, angle, jitter, ratio, minChildren, maxChildren, upBias, droop, trunk, width, leafSize };
}

function palette(species, season) {
  const bark = { oak: 0x5B4330, willow: 0x6B5A3E, pine: 0x4A3526, maple: 0x5E3D2B, cherry: 0x4D2F2A }[species];
  const blossom = { cherry: 0xF5A3BF, maple: 0xF6C6D6, willow: 0xFFF1A8, pine: 0xFFE7A3, oak: 0xFFF6EE }[species];
  const needles = [0x2E5E3A, 0x356B41, 0x264F31];
  const pine = species === 'pine';
  switch (season) {
    case 'summer': return { sky: 0xD6ECFA, ground: 0x6FAE4A, groundShade: 0x4E8A35, bark,
      leaves: pine ? needles : [0x3F8F3A, 0x4DA345, 0x2F7A31], leavesPerSite: 8, blossom };
    case 'autumn': return { sky: 0xF6EAD8, ground: 0xB9A060, groundShade: 0x8F7A45, bark,
      leaves: pine ? needles : species === 'maple' ? [0xC8382A, 0xD9552B, 0xB22D22, 0xE3A23C] : [0xD9822B, 0xC8482F, 0xE3B23C, 0xB5651D],
      leavesPerSite: 6, blossom };
    case 'winter': return { sky: 0xE9EEF3, ground: 0xF4F7FA, groundShade: 0xD5DEE6, bark, leaves: needles, leavesPerSite: 0, blossom };
    default: return { sky: 0xE8F4FB, ground: 0x9CCB72, groundShade: 0x6E9E4F, bark,
      leaves: pine ? needles : [0x8FD16B, 0xA6DE7A, 0x7CC35A], leavesPerSite: 5, blossom };
  }
}

/** Blossoms each reached milestone guarantees (as long as the tree has that many slots): TreeGenerator's. */
export const MIN_BLOSSOMS_PER_MILESTONE = 3;

/**
 * Blossoms a bloom shows (TreeGenerator.openBlossoms): 3 per milestone reached or ceil(milestones / 4 * slots),
 * whichever is more, at most all the slots.
 */
export function openBlossoms(milestones, slots) {
  if (milestones <= 0) return 0;
  return Math.min(slots, Math.max(MIN_BLOSSOMS_PER_MILESTONE * milestones, Math.floor((milestones * slots + 3) / 4)));
}

/**
 * The scene of TreeGenerator.draw: shapes in pixels (y down), painted in order. Branch = {b: [x1, y1, x2, y2, w1, w2],
 * rgb}; blob = {e: [cx, cy, rx, ry, angle, opacity], rgb}.
 */
export function treeScene({ seed, species, season, progress, milestones }, width, height) {
  species = SPECIES.includes(String(species).toLowerCase()) ? String(species).toLowerCase() : 'oak';
  season = SEASONS.includes(String(season).toLowerCase()) ? String(season).toLowerCase() : 'spring';
  progress = Number.isNaN(Number(progress)) ? 0 : Math.max(0, Math.min(1, Number(progress)));
  milestones = Math.max(0, Math.min(4, Math.trunc(Number(milestones)) || 0));
  const base = seed64(seed);
  const shape = shapeOf(species);
  const segments = [];
  const rng = new SplitMix64(base);

  function branch(x, y, angle, length, w, depth) {
    const x2 = x + length * Math.cos(angle);
    const y2 = y + length * Math.sin(angle);
    const endWidth = w * 0.68;
    const terminal = depth === shape.maxDepth;
    segments.push({ x1: x, y1: y, x2, y2, w1: w, w2: endWidth, depth, index: segments.length, terminal, needles: false });
    if (terminal) return;
    const span = shape.maxChildren - shape.minChildren + 1;
    const children = shape.minChildren + Math.floor(rng.nextDouble() * span);
    for (let i = 0; i < children; i++) {
      const spread = children === 1 ? 0 : shape.angle * ((2.0 * i) / (children - 1) - 1);
      let a = angle + spread + shape.jitter * (rng.nextDouble() - 0.5);
      a += (Math.PI / 2 - a) * shape.upBias;
      a -= shape.droop * depth * Math.cos(a) * Math.sign(Math.cos(a)) * 0.6;
      const l = length * shape.ratio * rng.between(0.82, 1.12);
      branch(x2, y2, a, l, endWidth, depth + 1);
    }
  }

  function pine() {
    const nodes = shape.maxDepth;
    let x = 0, y = 0, w = shape.width;
    for (let k = 0; k < nodes; k++) {
      const len = shape.trunk * (k === 0 ? 1.6 : 1.0) * rng.between(0.9, 1.05) * (1 - 0.035 * k);
      const a = Math.PI / 2 + rng.between(-0.03, 0.03);
      const x2 = x + len * Math.cos(a);
      const y2 = y + len * Math.sin(a);
      const w2 = w * 0.86;
      segments.push({ x1: x, y1: y, x2, y2, w1: w, w2, depth: k, index: segments.length, terminal: k === nodes - 1, needles: k === nodes - 1 });
      if (k >= 1) {
        const reach = 1.9 * Math.pow(1.0 - k / nodes, 1.1) + 0.15;
        for (let side = -1; side <= 1; side += 2) {
          const droop = 0.25 + 0.3 * (1 - k / nodes);
          const sa = Math.PI / 2 - side * (Math.PI / 2 + droop * rng.between(0.6, 1.1) - 0.35);
          const l = reach * rng.between(0.85, 1.1);
          segments.push({ x1: x2, y1: y2, x2: x2 + l * Math.cos(sa), y2: y2 + l * Math.sin(sa), w1: w2 * 0.45, w2: w2 * 0.12,
            depth: k + 1, index: segments.length, terminal: true, needles: true });
        }
      }
      x = x2; y = y2; w = w2;
    }
  }

  if (species === 'pine') pine();
  else {
    const lean = rng.between(-0.08, 0.08);
    branch(0, 0, Math.PI / 2 + lean, shape.trunk * rng.between(0.9, 1.1), shape.width, 0);
  }

  const p = palette(species, season);
  const g = 0.15 + 0.85 * progress;
  const maxDepth = species === 'pine' ? shape.maxDepth + 1 : shape.maxDepth;
  const visibleDepth = g * (maxDepth + 1);
  let minX = 0, maxX = 0, maxY = 0;
  const margin = shape.leafSize * 2.2 + (species === 'willow' ? 0.2 : 0);
  for (const s of segments) {
    minX = Math.min(minX, Math.min(s.x1, s.x2) - margin);
    maxX = Math.max(maxX, Math.max(s.x1, s.x2) + margin);
    maxY = Math.max(maxY, Math.max(s.y1, s.y2) + margin);
  }
  const groundY = height * 0.90;
  const scale = Math.min((width * 0.92) / (maxX - minX), (groundY * 0.93) / maxY);
  const grownScale = scale * (0.45 + 0.55 * g);
  const originX = width / 2.0 - ((minX + maxX) / 2) * grownScale;
  const mx = (tx) => originX + tx * grownScale;
  const my = (ty) => groundY - ty * grownScale;

  const shapes = [];
  const blob = (cx, cy, rx, ry, angle, rgb, opacity, kind) => shapes.push({ e: [cx, cy, rx, ry, angle, opacity], rgb, kind });
  blob(width / 2.0, groundY + height * 0.06, width * 0.62, height * 0.085, 0, p.ground, 1, 'ground');
  blob(mx(0), groundY + height * 0.005, scale * 0.9, height * 0.018, 0, p.groundShade, 0.6, 'ground');

  const sites = [];
  for (const s of segments) {
    const f = Math.max(0, Math.min(1, visibleDepth - s.depth));
    if (f <= 0) continue;
    const ex = s.x1 + (s.x2 - s.x1) * f;
    const ey = s.y1 + (s.y2 - s.y1) * f;
    const w2 = s.w1 + (s.w2 - s.w1) * f;
    shapes.push({ b: [mx(s.x1), my(s.y1), mx(ex), my(ey), Math.max(0.8, s.w1 * grownScale), Math.max(0.6, w2 * grownScale)], rgb: p.bark });
    const outer = s.terminal || visibleDepth - (s.depth + 1) < 0.6;
    if (f > 0.35 && (s.depth >= 1 || s.needles || visibleDepth < 1.6) && outer) {
      if (s.needles) {
        for (let k = 1; k <= 6; k++) {
          const t = (f * k) / 6.0;
          sites.push([mx(s.x1 + (s.x2 - s.x1) * t), my(s.y1 + (s.y2 - s.y1) * t), shape.leafSize * grownScale * (1.1 - 0.15 * k),
            s.index * 8 + k, Math.atan2(-(s.y2 - s.y1), s.x2 - s.x1)]);
        }
      } else {
        sites.push([mx(ex), my(ey), shape.leafSize * grownScale, s.index, 0]);
      }
    }
  }

  const evergreen = species === 'pine';
  if (season !== 'winter' || evergreen) {
    for (const site of sites) {
      const r = SplitMix64.derived(base, 1000 + site[3]);
      const count = evergreen ? 7 : p.leavesPerSite;
      for (let i = 0; i < count; i++) {
        const ang = r.nextDouble() * 2 * Math.PI;
        const dist = r.nextDouble() * site[2] * (evergreen ? 0.9 : 1.2);
        const rgb = p.leaves[Math.floor(r.nextDouble() * p.leaves.length)];
        const size = site[2] * r.between(0.35, 0.6);
        const rot = evergreen ? -site[4] * 57.29577951308232 : r.nextDouble() * 180;
        blob(site[0] + Math.cos(ang) * dist, site[1] + Math.sin(ang) * dist * 0.8,
          evergreen ? size * 1.5 : size, evergreen ? size * 0.45 : size * 0.62, rot, rgb, 0.92, 'leaf');
      }
      if (species === 'willow') {
        const len = grownScale * r.between(0.45, 0.9);
        const x = site[0], y = site[1];
        shapes.push({ b: [x, y, x + len * 0.08, y + len, 1.2, 0.6], rgb: p.leaves[0] });
        for (let k = 1; k <= 8; k++) {
          const t = k / 8.0;
          blob(x + len * 0.08 * t + (k % 2 === 0 ? 2 : -2), y + len * t, site[2] * 0.22, site[2] * 0.09,
            70 + (k % 2) * 40, p.leaves[k % p.leaves.length], 0.9, 'leaf');
        }
      }
    }
  }
  if (season === 'winter') {
    for (const site of sites) {
      const r = SplitMix64.derived(base, 3000 + site[3]);
      blob(site[0], site[1] - site[2] * 0.15, site[2] * r.between(0.3, 0.5), site[2] * 0.16, 0, 0xFFFFFF, 0.95, 'snow');
    }
  }
  if (season === 'autumn' && !evergreen) {
    const r = SplitMix64.derived(base, 7);
    const fallen = Math.trunc(30 * g);
    for (let i = 0; i < fallen; i++) {
      const x = width / 2.0 + r.between(-0.45, 0.45) * width * (0.5 + 0.5 * g);
      const y = groundY + r.between(0.0, 0.06) * height;
      const rgb = p.leaves[Math.floor(r.nextDouble() * p.leaves.length)];
      blob(x, y, shape.leafSize * grownScale * 0.25, shape.leafSize * grownScale * 0.14, r.nextDouble() * 180, rgb, 0.9, 'leaf');
    }
  }
  // blossoms: slots per site (cherry 2, others 1), ranked by a key drawn from the site's stream; the reached
  // milestones open the lowest-ranked openBlossoms(...) of them (TreeGenerator)
  const slots = species === 'cherry' ? 2 : 1;
  const places = [];
  for (const site of sites) {
    const r = SplitMix64.derived(base, 5000 + site[3]);
    for (let slot = 0; slot < slots; slot++) {
      const key = r.nextDouble();
      const ang = r.nextDouble() * 2 * Math.PI;
      const dist = r.nextDouble() * site[2] * 1.0;
      const size = site[2] * r.between(0.2, 0.28);
      places.push({ key, x: site[0] + Math.cos(ang) * dist, y: site[1] + Math.sin(ang) * dist * 0.8, size });
    }
  }
  const order = places.map((_, i) => i).sort((a, b) => (places[a].key !== places[b].key ? places[a].key - places[b].key : a - b));
  const count = openBlossoms(milestones, places.length);
  for (let i = 0; i < count; i++) places[order[i]].open = true;
  for (const { open, x, y, size } of places) {
    if (!open) continue;
    for (let k = 0; k < 5; k++) {
      const a = (k * 2 * Math.PI) / 5;
      blob(x + Math.cos(a) * size * 0.55, y + Math.sin(a) * size * 0.55, size * 0.5, size * 0.5, 0, p.blossom, 0.95, 'petal');
    }
    blob(x, y, size * 0.28, size * 0.28, 0, 0xF2C230, 1, 'heart');
  }
  return { width, height, sky: p.sky, species, season, shapes };
}

const hex = (rgb) => '#' + rgb.toString(16).padStart(6, '0');
const num = (v) => v.toFixed(2);

/** The four corners of a tapered branch (TreeImages.quad). */
function quad([x1, y1, x2, y2, w1, w2]) {
  const dx = x2 - x1, dy = y2 - y1;
  const len = Math.hypot(dx, dy);
  const nx = len === 0 ? 0 : -dy / len, ny = len === 0 ? 0 : dx / len;
  const h1 = w1 / 2, h2 = w2 / 2;
  return [x1 + nx * h1, y1 + ny * h1, x2 + nx * h2, y2 + ny * h2, x2 - nx * h2, y2 - ny * h2, x1 - nx * h1, y1 - ny * h1];
}

/**
 * The tree as an inline SVG element (the same elements, attributes and numbers TreeImages.svg writes).
 * project: {treeSeed, treeSpecies, treeSeason, progress (0..100), id}; milestones: how many of 25/50/75/100 % it reached.
 */
export function treeSvg(project, milestones, opts) {
  const { width = 320, height = 240, cls = 'tree' } = opts || {};
  const progress = Math.max(0, Math.min(100, Number(project.progress) || 0));
  const scene = treeScene({ seed: project.treeSeed || project.id, species: project.treeSpecies, season: project.treeSeason,
    progress: progress / 100, milestones }, width, height);
  const children = [svg('rect', { width: '100%', height: '100%', fill: hex(scene.sky) })];
  for (const s of scene.shapes) {
    if (s.b) {
      const q = quad(s.b);
      children.push(svg('path', { fill: hex(s.rgb), d: 'M' + num(q[0]) + ' ' + num(q[1]) + ' L' + num(q[2]) + ' ' + num(q[3])
        + ' L' + num(q[4]) + ' ' + num(q[5]) + ' L' + num(q[6]) + ' ' + num(q[7]) + ' Z' }));
      children.push(svg('circle', { fill: hex(s.rgb), cx: num(s.b[0]), cy: num(s.b[1]), r: num(s.b[4] / 2) }));
    } else {
      const [cx, cy, rx, ry, angle, opacity] = s.e;
      const attrs = { fill: hex(s.rgb) };
      if (opacity < 1) attrs['fill-opacity'] = num(opacity);
      Object.assign(attrs, { cx: num(cx), cy: num(cy), rx: num(rx), ry: num(ry) });
      if (angle !== 0) attrs.transform = 'rotate(' + num(angle) + ' ' + num(cx) + ' ' + num(cy) + ')';
      if (s.kind === 'petal' || s.kind === 'heart') attrs.class = 'blossom';
      children.push(svg('ellipse', attrs));
    }
  }
  const blooms = ['no blossoms yet', 'blossoms of 25%', 'blossoms of 25% and 50%', 'blossoms of 25%, 50% and 75%',
    'in full bloom'][Math.max(0, Math.min(4, Number(milestones) || 0))];
  return svg('svg', { viewBox: '0 0 ' + width + ' ' + height, class: cls, role: 'img', 'data-species': scene.species,
    'data-season': scene.season, 'data-milestones': Math.max(0, Math.min(4, Number(milestones) || 0)),
    'aria-label': 'A ' + scene.species + ' in ' + scene.season + ', grown to ' + progress.toFixed(0) + '% of the goal, ' + blooms },
  children);
}

/** Milestones a project has reached (distinct types), as export-service counts them. */
export function milestoneCount(milestones) {
  return new Set((milestones || []).map((m) => (typeof m === 'string' ? m : m.type)).filter(Boolean)).size;
}
