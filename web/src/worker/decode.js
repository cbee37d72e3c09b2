// The file list's preview of a text export. (Decoding is the core's job: the worker hands it the
// file's bytes and decodes only the first 16 KiB here, in the encoding the core found.)

// Splits the first lines of a delimited text for the page's preview (not for scoring: the core
// parses the file). Handles quotes within a line; a quoted line break ends the preview row.
export function previewRows(text, maxRows) {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, maxRows);
  if (lines.length === 0) return [];
  const header = lines[0];
  const delim = count(header, '\t') > count(header, ',') ? '\t' : count(header, ';') > count(header, ',') ? ';' : ',';
  return lines.map((line) => splitLine(line, delim));
}

function count(s, ch) {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function splitLine(line, delim) {
  const cells = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === delim) { cells.push(cur.trim()); cur = ''; } else cur += c;
  }
  cells.push(cur.trim());
  return cells;
}
