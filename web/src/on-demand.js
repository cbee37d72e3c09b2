// Classic scripts of the site loaded only when the page needs them (docs/web.md "On demand"):
// the sample (sample.js), the other language's texts (lang-en.js / lang-zh.js) and the chart
// library (uplot.js). A script element, because from file:// Chromium refuses fetch() and module
// scripts; the CSP's script-src 'self' allows the site's own files. Each file is asked for once;
// a failed load (offline before the service worker saved it) may be tried again.
const loading = new Map();

// Resolves once `src` has run and `ready()` says what it defines is there.
export function loadScript(src, ready) {
  if (ready()) return Promise.resolve();
  if (!loading.has(src)) {
    loading.set(src, new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = () => (ready() ? resolve() : fail(new Error(`${src} did not define what the page needs`)));
      s.onerror = () => fail(new Error(`${src} could not be loaded`));
      function fail(e) {
        loading.delete(src);
        s.remove();
        reject(e);
      }
      document.head.appendChild(s);
    }));
  }
  return loading.get(src);
}
