// ShopScore's service worker (registered only when the page is served over http(s)): caches the
// site's own files at install and answers from the cache first, so the page opens offline after
// the first visit. The page loads some files only when it needs them (docs/web.md "On demand"):
// both languages' texts (lang-en.js, lang-zh.js) and the chart library (uplot.js) are saved here
// at install all the same, so that switching language or drawing a chart works offline; the
// sample (sample.js, ~220 KB) is not fetched ahead: it is cached when the page first asks for it.
// It only ever asks the site's own origin for the site's own files; every path is relative to
// this file, so the site works from any sub-path. The build writes the version
// (a hash of the files), so a new build replaces the old cache.
const VERSION = '__SHOPSCORE_VERSION__';
const CACHE = 'shopscore-' + VERSION;
const FILES = ['./', 'index.html', 'styles.css', 'app.js', 'lang-en.js', 'lang-zh.js', 'uplot.js', 'worker-src.js',
  'manifest.webmanifest', 'icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('shopscore-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const hit = await cache.match(req, { ignoreSearch: true });
    if (hit) return hit;
    if (req.mode === 'navigate') {
      const page = await cache.match('index.html');
      if (page) return page;
    }
    const res = await fetch(req);
    if (res.ok && res.type === 'basic') cache.put(req, res.clone());
    return res;
  }));
});
