// Names as `shopscore batch` treats them (cli/shop_folder.cpp), for the page and the worker.

// Skipped in a folder of shops and in a shop's folder: hidden names and Excel's "~$x" lock files.
export const hiddenName = (name) => name === '' || name[0] === '.' || name.startsWith('~$');

// Bytewise UTF-8 order, as std::sort on std::string lists folders and files (UTF-16 order, the
// JavaScript default, differs for characters above U+FFFF).
const utf8 = new TextEncoder();
export function byteCompare(a, b) {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}
