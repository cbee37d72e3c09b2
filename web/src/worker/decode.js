// Streaming text decoding for exports, in the worker.
//
// Seller Center exports come as UTF-8 (with or without a BOM) or, from Chinese Excel, as
// GB18030/GBK. We detect per file: a UTF-8 BOM, else valid UTF-8, else GB18030. The bytes are
// decoded chunk by chunk (never one whole-file string) and re-encoded to UTF-8 for the core.

const BOM = [0xef, 0xbb, 0xbf];

export class StreamingDecoder {
  constructor() {
    this.encoding = null; // "utf-8-bom" | "utf-8" | "gb18030"
    this.decoder = null;
    this.sawNonAscii = false;
    this.invalid = false; // valid UTF-8 start, invalid bytes later: decoded with U+FFFD
  }

  // Decodes one chunk of raw bytes; returns a string (may be empty). `last` flushes.
  decode(bytes, last) {
    if (this.encoding === null) {
      if (bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]) {
        this.encoding = 'utf-8-bom';
      } else {
        this.encoding = 'utf-8';
      }
      this.decoder = new TextDecoder('utf-8', { fatal: true });
    }
    if (this.encoding === 'utf-8' || this.encoding === 'utf-8-bom') {
      try {
        const text = this.decoder.decode(bytes, { stream: !last });
        if (!this.sawNonAscii && hasNonAscii(bytes)) this.sawNonAscii = true;
        return text;
      } catch {
        if (!this.sawNonAscii && this.encoding === 'utf-8') {
          // Everything before was ASCII, which reads the same in GB18030: switch.
          this.encoding = 'gb18030';
          this.decoder = new TextDecoder('gb18030');
        } else {
          // Valid UTF-8 so far: keep UTF-8 and replace the bad bytes (reported as a warning).
          this.invalid = true;
          this.decoder = new TextDecoder('utf-8');
        }
        this.sawNonAscii = true;
        return this.decoder.decode(bytes, { stream: !last });
      }
    }
    return this.decoder.decode(bytes, { stream: !last });
  }
}

function hasNonAscii(bytes) {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

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
