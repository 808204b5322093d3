// Shows whether the backend answers; the page itself is static (served from S3 / the CDN).
fetch('/api/health')
  .then((response) => response.json())
  .then((health) => {
    document.getElementById('api').textContent = health.status;
  })
  .catch(() => {
    document.getElementById('api').textContent = 'unreachable';
  });
