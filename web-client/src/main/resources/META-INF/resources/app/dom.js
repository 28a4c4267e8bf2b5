// Small DOM helpers: elements are built with textContent, never from HTML strings.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'class') el.className = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) el.setAttribute(key, String(value));
  for (const child of children.flat()) if (child) el.append(child);
  return el;
}

export function announce(text) {
  const region = document.getElementById('announce');
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 30);
}

/** A tree that grows with the progress (0..100); blossoms at each reached quarter. */
export function tree(progress, big) {
  const p = Math.max(0, Math.min(100, Number(progress) || 0));
  const crown = 6 + p * 0.22;
  const blossoms = [];
  const spots = [[32, 18], [20, 26], [44, 26], [32, 30]];
  for (let i = 0; i < Math.floor(p / 25); i++) {
    blossoms.push(svg('circle', { cx: spots[i][0], cy: spots[i][1], r: 3, class: 'blossom', fill: '#e58fb0' }));
  }
  return svg('svg', { viewBox: '0 0 64 64', class: big ? 'tree big' : 'tree', role: 'img',
      'aria-label': 'Tree at ' + p.toFixed(0) + ' percent' },
    svg('rect', { x: 30, y: 34, width: 4, height: 26, fill: '#6b4f2a' }),
    svg('circle', { cx: 32, cy: 26, r: crown.toFixed(1), fill: '#4f8a5b' }),
    blossoms);
}
