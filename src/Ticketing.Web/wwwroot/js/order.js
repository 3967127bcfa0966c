// Order page: a live countdown to the hold's expiresAt, and a reload as soon as the order or
// its payment changes state (payment confirmed, declined, or the hold expired server-side).
(() => {
  const box = document.querySelector('[data-order-state]');
  if (!box) return;
  const clock = box.querySelector('[data-countdown]');
  const expiresAt = clock ? Date.parse(clock.dataset.countdown) : NaN;
  const initial = `${box.dataset.orderStatus}|${box.dataset.paymentStatus || ''}`;

  function tick() {
    if (!clock || Number.isNaN(expiresAt)) return;
    const left = Math.max(0, Math.floor((expiresAt - Date.now()) / 1000));
    const m = String(Math.floor(left / 60)).padStart(2, '0');
    const s = String(left % 60).padStart(2, '0');
    clock.textContent = `${m}:${s}`;
    if (left === 0) {
      box.querySelector('[data-expired-message]')?.removeAttribute('hidden');
      for (const b of box.querySelectorAll('[data-pay]')) b.disabled = true;
      clock.closest('.countdown')?.setAttribute('hidden', '');
    }
  }

  async function poll() {
    try {
      const res = await fetch(box.dataset.orderState, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (!res.ok) return;
      const s = await res.json();
      const now = `${s.status}|${s.payment || ''}`;
      if (now !== initial || Date.parse(s.expiresAt) <= Date.now()) location.reload();
    } catch { /* try again */ }
  }

  tick();
  setInterval(tick, 1000);
  setInterval(poll, box.dataset.paymentStatus === 'pending' ? 1000 : 4000);
})();

