// Passes are issued a moment after payment (Catalog reacts to the order's completion event):
// look again until they show up, but give up after a while rather than reload forever.
(() => {
  const key = `passes-tries:${location.pathname}`;
  if (!document.querySelector('[data-passes-pending]')) { sessionStorage.removeItem(key); return; }
  const tries = Number(sessionStorage.getItem(key) || 0);
  if (tries > 40) return;
  sessionStorage.setItem(key, String(tries + 1));
  setTimeout(() => location.reload(), 1500);
})();
