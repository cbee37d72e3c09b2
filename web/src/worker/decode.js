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
