#!/usr/bin/env node
// Where the WASM module's bytes go (docs/performance.md "Site size"): the size of each section,
// the biggest functions and the code grouped by where it comes from (libc++, nlohmann, embind,
// shopscore::..., libc). Function names need a build that keeps them, e.g. a scratch build with
// `-DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs` (the optimised code is the same; names only).
//
//   node scripts/wasm-size.mjs MODULE.js|MODULE.wasm [--top N] [--grep TEXT] [--xz]
//
// MODULE.js is the -sSINGLE_FILE build (the binary inlined as base64). --xz also gives each
// group's share after `xz -9e` (what the site carries), compressed on its own: an estimate of what
// removing the group would save, not an exact split.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const args = process.argv.slice(2);
let file = null, top = 40, grep = null, xz = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--top') top = Number(args[++i]);
  else if (args[i] === '--grep') grep = args[++i];
  else if (args[i] === '--xz') xz = true;
  else file = args[i];
}
if (!file) {
  console.error('usage: node scripts/wasm-size.mjs MODULE.js|MODULE.wasm [--top N] [--grep TEXT] [--xz]');
  process.exit(2);
}

let bytes = readFileSync(file);
if (!file.endsWith('.wasm')) {
  const m = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/.exec(bytes.toString('utf8'));
  if (!m) { console.error(`${file}: no inlined WASM (built with -sSINGLE_FILE?)`); process.exit(1); }
  bytes = Buffer.from(m[1], 'base64');
}

let pos = 0;
function leb() {
  let result = 0, shift = 0, b;
  do { b = bytes[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return result;
}
function name() {
  const n = leb();
  const s = bytes.toString('utf8', pos, pos + n);
  pos += n;
  return s;
}

const SECTIONS = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
const sections = [];
const sectionSpans = [];
let importedFuncs = 0;
let bodies = []; // [index in code section, size]
const names = new Map();
pos = 8;
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = leb();
  const start = pos, end = pos + size;
  let label = SECTIONS[id] || `#${id}`;
  if (id === 0) label = `custom "${name()}"`;
  sections.push([label, end - start]);
  sectionSpans.push([label, start, end]);
  if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      name(); name();
      const kind = bytes[pos++];
      if (kind === 0) { leb(); importedFuncs++; }
      else if (kind === 1) { pos++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 3) { pos += 2; }
    }
  } else if (id === 10) {
    const count = leb();
    for (let i = 0; i < count; i++) { const s = leb(); bodies.push([i, s, pos]); pos += s; }
  } else if (label === 'custom "name"') {
    while (pos < end) {
      const sub = bytes[pos++];
      const len = leb();
      const subEnd = pos + len;
      if (sub === 1) for (let n = leb(); n > 0; n--) { const idx = leb(); names.set(idx, name()); }
      pos = subEnd;
    }
  }
  pos = end;
}

// Where a function comes from, by its (demangled) name.
function group(n) {
  if (!n) return '(no name)';
  if (/nlohmann/.test(n)) return 'nlohmann::json';
  if (/emscripten::|embind|_embind_|EmscriptenBindingInitializer/.test(n)) return 'embind';
  const ns = /^(?:[\w:<>, *&]+? )?(shopscore::[A-Za-z_]+)/.exec(n) || /(shopscore::[A-Za-z_]+)/.exec(n);
  if (/^std::|^void std::|std::__2::/.test(n) && !/^shopscore::/.test(n)) {
    if (/basic_ostream|basic_istream|basic_ios|ios_base|basic_streambuf|basic_stringbuf|stringstream|locale|num_put|num_get|ctype|codecvt|moneypunct|money_|time_put|time_get|numpunct|messages|collate/.test(n)) return 'libc++ iostream/locale';
    if (/basic_string|char_traits/.test(n)) return 'libc++ string';
    if (/__tree|map<|set</.test(n)) return 'libc++ map/set';
    if (/vector|__split_buffer/.test(n)) return 'libc++ vector';
    if (/__hash|unordered/.test(n)) return 'libc++ unordered';
    if (/sort|__insertion|__partial|stable|merge/.test(n)) return 'libc++ algorithms';
    if (/to_chars|from_chars|__itoa|__d2s|__f2s|ryu/.test(n)) return 'libc++ charconv';
    return 'libc++ other';
  }
  if (ns) return ns[1];
  if (/^shopscore|^\(anonymous namespace\)/.test(n)) return 'shopscore (other)';
  if (/^(__)?(v?f?s?n?printf|fmt_fp|pop_arg|printf_core|out|pad|fmt_[xuo]|strto|__floatscan|__intscan|scan|decfloat|hexfloat|__shgetc|__shlim|frexp|strtod|strtof)/.test(n)) return 'libc printf/strtod';
  if (/^(dlmalloc|dlfree|dlrealloc|malloc|free|sbrk|emscripten_builtin|tmalloc|prepend_alloc|dispose_chunk|internal_memalign|try_realloc)/.test(n)) return 'libc malloc';
  if (/^(iconv|gb18030|shopscore_iconv)/.test(n)) return 'iconv (gb18030)';
  if (/^(operator |__cxa|__cxxabiv1|__dynamic_cast|__gxx|std::terminate|_Unwind|abort_message|__cxx_global)/.test(n)) return 'C++ runtime (new, exceptions, RTTI)';
  if (/^(mem|str|wcs|wmem|__str|__mem|isw|tow|__lctrans|__libc|__errno|__stdio|__towrite|__fwrite|fwrite|__lock|__unlock|__ofl|__emscripten|emscripten_|__wasm|stackAlloc|stackRestore|stackSave|__lockfile|__unlockfile|dynCall|__overflow|__uflow|fflush|sn_write|abort|__fpclassify|__ashlti3|__lshrti3|__multi3|__trunctfdf2|__extenddftf2|__letf2|__getf2|__unordtf2|__fe|__addtf3|__subtf3|__multf3|__divtf3|__floatsitf|__floatunsitf|__fixtfsi|__fixunstfsi|__netf2|__eqtf2|__lttf2|__gttf2|__getf2|scalbn|fmod|ldexp|log|exp|pow|floor|ceil|round|trunc|sqrt|nearbyint|rint|modf|fabs|__cos|__sin|__tan|__rem|cos|sin|tan|atan|copysign|wctomb|wcrtomb|mbrtowc|mbtowc|btowc|mbsrtowcs|wcsnrtombs|mbsnrtowcs|wcslen|__get_locale|newlocale|freelocale|uselocale|__loc|setlocale|localeconv|nl_langinfo|catopen|strerror|isdigit|isspace|isxdigit|toupper|tolower|__ctype|qsort|__qsort|sift|trinkle|shl|shr|pntz|cycle|wrapper_cmp|getenv|__time|gmtime|mktime|__secs_to|__tm_to|__year_to|__month_to|timegm|__syscall|pthread|sched|__pthread|vsnprintf|snprintf|sprintf|vsprintf|fputs|puts|fputc|putc|__towrite|strtoull|strtoll|strtoul|strtol|atoi|atof|wcstod|wcstof|wcstol|wcstoul|wcstoll|wcstoull|__wcs|vswprintf|swprintf|wprintf|fwprintf)/.test(n)) return 'libc other';
  return '(other)';
}

const codeTotal = bodies.reduce((s, [, n]) => s + n, 0);
const funcs = bodies.map(([i, size, start]) => {
  const n = names.get(importedFuncs + i) || '';
  return { name: n, size, start, group: group(n) };
});
const total = bytes.length;
const pct = (n) => ((100 * n) / total).toFixed(1).padStart(5) + ' %';

console.log(`${file}: ${total} B, ${bodies.length} functions (${importedFuncs} imported), ${names.size ? names.size + ' names' : 'no name section: build with --profiling-funcs'}`);
console.log('\nsections:');
for (const [label, size] of sections) console.log(`  ${label.padEnd(26)} ${String(size).padStart(9)} B ${pct(size)}`);

const groups = new Map();
for (const f of funcs) {
  const g = groups.get(f.group) || { size: 0, count: 0, funcs: [] };
  g.size += f.size; g.count++; g.funcs.push(f);
  groups.set(f.group, g);
}
console.log(`\ncode by origin (${codeTotal} B of code):`);
for (const [g, v] of [...groups].sort((a, b) => b[1].size - a[1].size)) {
  console.log(`  ${g.padEnd(36)} ${String(v.size).padStart(8)} B ${pct(v.size)}  ${String(v.count).padStart(5)} functions`);
}

const shown = grep ? funcs.filter((f) => f.name.includes(grep)) : funcs;
console.log(`\nbiggest functions${grep ? ` matching "${grep}" (${shown.length}, ${shown.reduce((s, f) => s + f.size, 0)} B)` : ''}:`);
for (const f of [...shown].sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(`  ${String(f.size).padStart(7)} B  ${f.group.padEnd(24).slice(0, 24)}  ${f.name.slice(0, 150)}`);
}

if (xz) {
  // After xz -9e (what the site carries, ~ its gzipped size too): the whole binary, each section
  // alone, and each origin's function bodies compressed alone (without the rest as context, so
  // somewhat more than removing them would save: a ranking, not an exact split).
  const run = (buf) => execFileSync('xz', ['--format=xz', '--check=crc32', '--lzma2=preset=9e,lc=1,pb=0', '--stdout'], { input: buf, maxBuffer: 1 << 28 }).length;
  console.log(`\nafter xz -9e: the whole binary ${run(bytes)} B; alone:`);
  for (const [label, start, end] of sectionSpans) if (end - start > 4096) console.log(`  ${label.padEnd(26)} ${String(run(bytes.subarray(start, end))).padStart(9)} B`);
  const rows = [...groups].filter(([, v]) => v.size > 4096).map(([g, v]) => [g, run(Buffer.concat(v.funcs.map((f) => bytes.subarray(f.start, f.start + f.size))))]);
  for (const [g, n] of rows.sort((a, b) => b[1] - a[1])) console.log(`  code of ${g.padEnd(30)} ${String(n).padStart(9)} B`);
}
