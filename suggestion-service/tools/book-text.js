// What the extract scripts share: the line width and the heading form of the books they write (tools.Books reads
// them), and the wrapping of a paragraph into lines.
'use strict';

const WIDTH = 70;
// tools.Books.HEADING: no line of prose may look like a chapter heading
const HEADING = /^\s*(CHAPTER|Chapter|VOLUME|Volume)\s+[0-9IVXLC]+\.?\s*$/;

function wrap(paragraph) {
  const lines = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter((w) => w.length > 0)) {
    if (line.length > 0 && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? line + ' ' + word : word;
    }
  }
  if (line.length > 0) {
    lines.push(line);
  }
  return lines;
}

module.exports = { HEADING, wrap };
