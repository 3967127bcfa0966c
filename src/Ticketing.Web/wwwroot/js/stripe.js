// Stripe Elements checkout, used only when a publishable key is configured: the card never
// touches our servers; completion still comes from Stripe's webhook, the page just reloads.
(() => {
  const form = document.querySelector('[data-stripe-key]');
  if (!form || typeof Stripe === 'undefined') return;
  const stripe = Stripe(form.dataset.stripeKey);
  const card = stripe.elements().create('card');
  card.mount('#card-element');
  const error = form.querySelector('[data-stripe-error]');

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const pay = form.querySelector('[data-pay]');
    pay.disabled = true;
    error.textContent = '';
    const res = await fetch(form.dataset.intentUrl, { method: 'POST', credentials: 'same-origin' });
    const body = await res.json();
    if (!res.ok || !body.clientSecret) {
      error.textContent = body.error || 'The payment could not be started.';
      pay.disabled = false;
      return;
    }
    const result = await stripe.confirmCardPayment(body.clientSecret, { payment_method: { card } });
    if (result.error) {
      error.textContent = result.error.message;
      pay.disabled = false;
      return;
    }
    location.reload();
  });
})();
