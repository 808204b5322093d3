import { afterEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addSecret, redact, redactDeep, redactedExcerpt, registerEnvironmentSecrets, registeredSecrets, resetSecrets, scrubCredentials, secretForms } from '../src/redact.js';
import { parseJsonFile, readFileInside } from '../src/inputs.js';

afterEach(() => resetSecrets());

const SPACED = 'sm0ke tök3n/+=&xyz';
const MULTI = '-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0\nAQEFAASCBKcwggSjAgEAAo\n-----END KEY-----';

/** Every way a value is written on its way to a sink, as the sinks themselves write it. */
function encodings(secret: string): Array<[string, string]> {
  const url = new URL('https://app.example/check');
  url.searchParams.set('t', secret);
  const literal = new URL(`https://app.example/check?t=${secret}`);
  return [
    ['as is', secret],
    ['encodeURIComponent', encodeURIComponent(secret)],
    ['encodeURIComponent, lower-case hex', encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())],
    ['encodeURI', encodeURI(secret)],
    ['URLSearchParams (+ for space)', url.search.slice(3)],
    ['a literal query parsed by URL', literal.search.slice(3)],
    ['JSON', JSON.stringify(secret)],
    ['JSON in JSON', JSON.stringify(JSON.stringify(secret))],
    ['JSON, ASCII only', JSON.stringify(secret).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)],
    ['XML', secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')],
    ['base64', Buffer.from(secret).toString('base64')],
    ['basic auth (user:secret)', `Basic ${Buffer.from(`deployer:${secret}`).toString('base64')}`],
    ['basic auth (a longer user)', Buffer.from(`ci-user:${secret}`).toString('base64')],
    ['basic auth (a 3-byte user)', Buffer.from(`bob:${secret}`).toString('base64')],
  ];
}

describe('one redaction: every form of a registered secret', () => {
  test.each([SPACED, 'AKIAsecretÖlkey-9/8+7=6'])('%s', (secret) => {
    addSecret(secret, { mask: false });
    for (const [name, form] of encodings(secret)) {
      const text = `before ${form} after`;
      const clean = redact(text);
      expect([name, clean.includes(form.replace(/^Basic /, ''))]).toEqual([name, false]);
      expect(clean).toMatch(/^before .*after$/);
    }
  });

  test('a multi-line secret: each line, the lines joined, and JSON-escaped', () => {
    addSecret(MULTI, { mask: false });
    const lines = MULTI.split('\n');
    for (const text of [MULTI, lines.join(''), lines.join(' '), JSON.stringify(MULTI), lines[1], lines[2], lines.join('\r\n'), encodeURIComponent(MULTI)]) {
      expect(redact(`x ${text} y`)).not.toContain(lines[1]);
      expect(redact(`x ${text} y`)).not.toContain(encodeURIComponent(lines[1]).slice(0, 10));
    }
  });

  test('values too short to redact safely are not registered', () => {
    expect(addSecret('dev', { mask: false })).toBe(false);
    expect(redact('dev and production')).toBe('dev and production');
  });

  test('extra values passed to redact get their forms too', () => {
    expect(redact(`a ${encodeURIComponent('x y+z')} b`, ['x y+z'])).toBe('a *** b');
    expect(redact('a-x-a', ['a'])).toBe('***-x-***');
  });

  test('the forms of a value include upper and lower case percent escapes and + for space', () => {
    const forms = secretForms('a b ö');
    expect(forms).toEqual(expect.arrayContaining(['a%20b%20%C3%B6', 'a+b+%C3%B6', '"a b ö"'.slice(1, -1)]));
    addSecret('a b ö-long', { mask: false });
    expect(redact('q=a%20b%20%c3%b6-long')).toBe('q=***');
  });

  test('redactDeep redacts strings in nested values, keeping keys', () => {
    addSecret('deep-secret-value', { mask: false });
    expect(redactDeep({ a: ['x deep-secret-value'], b: { c: 'deep-secret-value', n: 1 } })).toEqual({ a: ['x ***'], b: { c: '***', n: 1 } });
  });
});

describe('credentials scrubbed by their shape, registered or not', () => {
  test.each([
    ['a presigned S3 URL', 'GET https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAX%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEXAMPLE&X-Amz-Signature=0123abcd', ['AKIAX', 'IQoJb3JpZ2luX2VjEXAMPLE', '0123abcd']],
    ['an Azure SAS URL', 'https://acct.blob.core.windows.net/c/b?sv=2022-11-02&se=2030-01-01T00%3A00%3A00Z&sr=b&sp=r&sig=AbC%2Bdef%3D', ['AbC%2Bdef%3D', '2030-01-01T00']],
    ['query parameters named like secrets', 'https://app/x?access_token=tok1&api_key=key2&client_secret=sec3&password=pw4&code=oauth5&signature=sig6&page=2', ['tok1', 'key2', 'sec3', 'pw4', 'oauth5', 'sig6']],
    ['a connection string', 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFl==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;', ['Eby8vdM02xNOcqFl==']],
    ['a header quoted in a store error', '<Error><Code>InvalidToken</Code><Message>bad x-amz-security-token: FQoGZXIvYXdzEXAMPLE</Message><Token-0>FQoGZXIvYXdzEXAMPLE</Token-0></Error>', ['FQoGZXIvYXdzEXAMPLE']],
    ['a SigV4 authorization header', 'authorization: AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20240101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=fe5f80f77d5fa3beca038a248ff027', ['AKIAEXAMPLE', 'fe5f80f77d5fa3beca038a248ff027']],
    ['a bearer header in JSON', '{"headers":{"Authorization":"Bearer eyJhbGciOi.payload.sig"}}', ['eyJhbGciOi']],
    ['a URL password', 'https://admin:hunter2pw@example.com/', ['hunter2pw']],
  ])('%s', (_name, text, gone) => {
    const clean = scrubCredentials(text);
    for (const value of gone) expect(clean).not.toContain(value);
    expect(clean).toContain('***');
    expect(scrubCredentials(clean)).toBe(clean); // idempotent
  });

  test('ordinary text is left alone', () => {
    const text = 'Deployed release v1.2.3 to s3://site/app/ (12 files, 3 changed); https://shop.example/?page=2&sort=asc';
    expect(redact(text)).toBe(text);
  });
});

describe('credentials in the environment are secrets from the first line', () => {
  test('well-known variables, names like *TOKEN*/*SECRET*/*PASSWORD*/*KEY*, connection-string parts and secret inputs', () => {
    registerEnvironmentSecrets({
      AWS_ACCESS_KEY_ID: 'AKIAIDENTIFIER',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG',
      AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2Vj',
      AZURE_STORAGE_CONNECTION_STRING: 'AccountName=a;AccountKey=Zm9vYmFyYmF6cXV4;BlobEndpoint=http://x',
      MY_DEPLOY_PASSWORD: 'correct horse battery',
      SHORT_KEY: 'abc',
      FEATURE_TOKEN_ENABLED: 'true',
      AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/token',
      INPUT_GITHUB_TOKEN: 'ghs_inputtoken123',
      'INPUT_REGISTRY-PASSWORD': 'reg-pass-word',
      INPUT_ENVIRONMENT: 'production',
    });
    expect(registeredSecrets().sort()).toEqual(['AccountName=a;AccountKey=Zm9vYmFyYmF6cXV4;BlobEndpoint=http://x', 'IQoJb3JpZ2luX2Vj', 'Zm9vYmFyYmF6cXV4', 'correct horse battery', 'ghs_inputtoken123', 'reg-pass-word', 'wJalrXUtnFEMI/K7MDENG'].sort());
  });
});

describe('files named by config or inputs are read by real path, inside the workspace', () => {
  test('a symlink to a file outside is refused, naming the path and not the content', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'shipkit-readinside-'));
    const workspace = path.join(root, 'ws');
    mkdirSync(path.join(workspace, 'deploy'), { recursive: true });
    writeFileSync(path.join(root, 'secrets.env'), 'AWS_SECRET_ACCESS_KEY=outside-secret-value\n');
    symlinkSync(path.join(root, 'secrets.env'), path.join(workspace, 'deploy', 'task.json'));
    symlinkSync('/proc/self/environ', path.join(workspace, 'deploy', 'environ.json'));
    for (const file of ['deploy/task.json', 'deploy/environ.json']) {
      let message = '';
      try {
        readFileInside('environments.prod.ecs.task-definition', file, { workspace, env: {} });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain(file);
      expect(message).toMatch(/inside the workspace/);
      expect(message).not.toContain('outside-secret-value');
      expect(message).not.toContain('AWS_SECRET');
    }
    writeFileSync(path.join(workspace, 'deploy', 'ok.json'), '{"family":"x"}');
    expect(readFileInside('f', 'deploy/ok.json', { workspace, env: {} }).text).toBe('{"family":"x"}');
  });

  test('invalid JSON is reported by position, never by quoting it', () => {
    expect(() => parseJsonFile('AWS_SECRET_ACCESS_KEY=abc', 'task.json')).toThrow(/^task\.json is not valid JSON \([^)]*\)\.$/);
    expect(() => parseJsonFile('AWS_SECRET_ACCESS_KEY=abc', 'task.json')).not.toThrow(/AWS_SECRET/);
    expect(() => parseJsonFile('{"a": secret-value}', 'task.json')).not.toThrow(/secret-value/);
  });
});

describe('credential headers inside JSON inside JSON (a report quoting an echoed body)', () => {
  test('the value is scrubbed, also when cut', () => {
    const text = JSON.stringify(JSON.stringify({ headers: { authorization: 'Bearer smö…' } }));
    expect(scrubCredentials(text)).not.toContain('smö');
  });
});

describe('redactedExcerpt', () => {
  test('a secret that straddles the cut is redacted whole before the text is cut: no first half is left', () => {
    const token = 'ya29.excerptProbeToken0123456789abcdef';
    addSecret(token, { mask: false });
    const page = `${'x'.repeat(290)}${token} and more`;
    const excerpt = redactedExcerpt(page);
    expect(excerpt).not.toContain('ya29.excer');
    expect(excerpt).toBe(`${'x'.repeat(290)}*** and mo`);
    expect(page.slice(0, 300)).toContain('ya29.excer'); // what cutting first would have printed
  });
});
