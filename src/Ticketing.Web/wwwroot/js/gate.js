// Gate: scan a pass's QR code with the camera where the browser has BarcodeDetector;
// everywhere else the code is typed or pasted (or sent by a keyboard-wedge scanner).
(() => {
  const form = document.querySelector('[data-gate]');
  if (!form) return;
  const input = form.querySelector('#code');
  input?.focus();
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices?.getUserMedia) return;
  const button = form.querySelector('[data-scan]');
  const video = form.querySelector('[data-video]');
  button.hidden = false;

  button.addEventListener('click', async () => {
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch {
      button.textContent = 'Camera not available';
      button.disabled = true;
      return;
    }
    const detector = new BarcodeDetector({ formats: ['qr_code'] });
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    const scan = async () => {
      try {
        const found = await detector.detect(video);
        if (found.length > 0) {
          stream.getTracks().forEach(t => t.stop());
          input.value = found[0].rawValue;
          form.requestSubmit();
          return;
        }
      } catch { /* frame not ready */ }
      requestAnimationFrame(scan);
    };
    scan();
  });
})();
