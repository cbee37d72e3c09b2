// One shop of the Shops view as the files the single-shop view reads: its folder's File handles,
// or its ZIP's entries inflated now (the Shops view keeps no shop's bytes in memory).
import { readZipDirectory, entryStream } from '../worker/zip.js';
import { hiddenName } from './names.js';

export async function shopFiles(shop) {
  if (!shop.zip) return [...(shop.shopFile ? [shop.shopFile] : []), ...shop.files].map((f) => asFile(f.blob, f.name));
  const fail = { bad: (what) => new Error(`${shop.folder}: ${what}`), tooLarge: (part) => new Error(`${shop.folder}: ${part} is too large`) };
  const entries = [...(await readZipDirectory(shop.zip, fail)).values()].filter((e) => !e.name.endsWith('/'));
  const files = [];
  for (const e of entries) {
    const base = e.name.slice(e.name.lastIndexOf('/') + 1);
    if (hiddenName(base)) continue;
    // The single-shop view applies its own size limit to each file when it reads it.
    const blob = await new Response(await entryStream(shop.zip, e, Number.MAX_SAFE_INTEGER, fail)).blob();
    files.push(new File([blob], base));
  }
  return files;
}

// The file's own name (without its folders), as the Files tab lists it.
function asFile(blob, path) {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return blob instanceof File && blob.name === base ? blob : new File([blob], base);
}
