// Keeps tier counts and the seat map current without a reload: polls the web module's
// availability JSON and disables seats someone else has taken meanwhile.
(() => {
  const root = document.querySelector('[data-availability]');
  if (!root) return;
  const url = root.dataset.availability;
  const every = Math.max(1, Number(root.dataset.refresh || 3)) * 1000;

  async function refresh() {
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!res.ok) return;
      const data = await res.json();
      for (const t of data.tiers) {
        const el = root.querySelector(`[data-tier-available="${CSS.escape(t.tier)}"]`);
        if (el && el.textContent !== String(t.available)) el.textContent = String(t.available);
      }
      const free = new Set(data.available);
      for (const box of root.querySelectorAll('input[data-ticket]')) {
        const taken = !free.has(box.dataset.ticket);
        if (taken && !box.checked) {
          box.disabled = true;
          box.closest('.seat')?.classList.add('taken');
        } else if (!taken && box.disabled) {
          box.disabled = false;
          box.closest('.seat')?.classList.remove('taken');
        }
      }
    } catch { /* offline for a moment: try again next tick */ }
  }

  setInterval(refresh, every);
})();
