// Offline use when served over http(s): the web app manifest is linked and a service worker
// (sw.js) caches the site's own files, so the page installs and opens without a network after
// the first visit. From file:// (and where service workers are missing) nothing happens: no
// manifest request, no registration, no error.
export function setupOffline() {
  if (!/^https?:$/.test(location.protocol) || !('serviceWorker' in navigator)) return;
  const link = document.createElement('link');
  link.rel = 'manifest';
  link.href = 'manifest.webmanifest';
  document.head.appendChild(link);
  // Registered after load so it never competes with the page's own start.
  const register = () => navigator.serviceWorker.register('sw.js').then(
    () => { document.body.dataset.offline = 'registered'; },
    () => { document.body.dataset.offline = 'failed'; });
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
