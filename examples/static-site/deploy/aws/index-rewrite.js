// CloudFront Function (cloudfront-js-2.0, viewer request) for every distribution in front of the
// site's buckets: S3 behind Origin Access Control is the REST endpoint, which has no index
// documents, so `/` and `/guide/` would answer 403. This asks for `index.html` instead:
//   /          -> /index.html
//   /guide/    -> /guide/index.html
//   /guide     -> /guide/index.html   (no extension: a directory)
//   /app.css   -> /app.css            (unchanged)
// shipkit's tests run this file as it is (test/static-site-serving.test.ts).
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- CloudFront Functions call the top-level function named handler
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.split('/').pop().indexOf('.') === -1) {
    request.uri = uri + '/index.html';
  }
  return request;
}
