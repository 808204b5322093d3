/**
 * A deploy that succeeds must also serve: S3's REST endpoint (behind CloudFront's Origin Access
 * Control) has no index documents, so `/` answers a listing or 403 and `dir/` a NoSuchKey. The
 * example's CloudFront Function (examples/static-site/deploy/aws/index-rewrite.js), run as it is,
 * asks S3 for index.html for both. (The nginx variant's serving test is not in this file yet: it
 * did not pass against moto when it was merged.)
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness/index.js';

describe('examples/static-site: the CloudFront Function asks S3 for index.html', () => {
  const source = readFileSync(path.join(ROOT, 'examples', 'static-site', 'deploy', 'aws', 'index-rewrite.js'), 'utf8');
  // cloudfront-js-2.0 runs the file's `handler`; nothing else of the file runs.
  const handler = new Function(`${source}\nreturn handler;`)() as (event: { request: { uri: string } }) => { uri: string };

  test.each([
    ['/', '/index.html'],
    ['/guide/', '/guide/index.html'],
    ['/guide', '/guide/index.html'],
    ['/guide/install/', '/guide/install/index.html'],
    ['/version.json', '/version.json'],
    ['/assets/style.0123abcd.css', '/assets/style.0123abcd.css'],
    ['/v1.2/', '/v1.2/index.html'],
  ])('%s -> %s', (uri, expected) => {
    expect(handler({ request: { uri } }).uri).toBe(expected);
  });
});
