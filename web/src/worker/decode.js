// The file list's preview of a text export. (Decoding is the core's job: the worker hands it the
// file's bytes and decodes only the first 16 KiB here, in the encoding the core found.)

// Splits the first lines of a delimited text for the page's preview (not for scoring: the core
// parses the file). Handles quotes within a line; a quoted line break ends the preview row.
// The first rows of a CSV/TSV for display: a small quote-aware splitter, so a quoted cell with
// line breaks stays one cell (the core parses the file itself).
export function previewRows(text, maxRows) {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] || '';
  const delim = count(firstLine, '\t') > count(firstLine, ',') ? '\t' : count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  const rows = [];
  let row = [];
  let cur = '';
  let quoted = false;
  let started = false; // the current cell has begun (a quote only opens a cell at its start)
  const endRow = () => {
    row.push(cur.trim());
    if (row.some((c) => c !== '')) rows.push(row);
    row = [];
    cur = '';
    started = false;
  };
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length && rows.length < maxRows; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"' && !started) { quoted = true; started = true; }
    else if (c === delim) { row.push(cur.trim()); cur = ''; started = false; }
    else if (c === '\n' || c === '\r') { if (c === '\r' && s[i + 1] === '\n') i++; endRow(); }
    else { cur += c; if (c !== ' ') started = true; }
  }
  // A last row cut by the 16 KB preview limit is shown as far as it was read.
  if (rows.length < maxRows && (cur !== '' || row.length)) endRow();
  return rows;
}

function count(s, ch) {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}
