import { addSecret, redact } from '@shipkit/core';
import type { Check } from './spec.js';
import { urlSecrets } from './spec.js';

const SENSITIVE_NAMES = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'api-key', 'apikey', 'x-auth-token', 'x-csrf-token', 'x-xsrf-token']);

/** Headers whose values are credentials: never printed, always masked. */
export function isSensitiveHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SENSITIVE_NAMES.has(lower) || /(auth|token|secret|password|passwd|api-?key|session|signature|credential)/.test(lower);
}

/**
 * Keeps the secret values of the checks and registers them with the one redaction of
 * @shipkit/core (redact.ts), which removes them in every form (percent-encoded, JSON-escaped,
 * base64, each line) from everything the action writes: logs, outputs, the step summary, the
 * JUnit file, the ledger.
 */
export class Redactor {
  private readonly values = new Set<string>();

  constructor(private readonly register: (value: string) => void = (value) => void addSecret(value, { minLength: 3 })) {}

  add(value: string | undefined): void {
    const text = value?.trim();
    if (!text || text.length < 3 || this.values.has(text)) return;
    this.values.add(text);
    this.register(text);
    // `Bearer abc` and `Basic abc`: the credential alone can show up elsewhere, mask it too.
    const scheme = /^(bearer|basic|token|digest)\s+(.+)$/i.exec(text);
    if (scheme) this.add(scheme[2]);
  }

  redact(text: string): string {
    return redact(text, [...this.values]);
  }

  get size(): number {
    return this.values.size;
  }
}

/** Registers every secret the checks carry: sensitive header values, values from ${ENV}, URL passwords. */
export function collectSecrets(checks: readonly Check[], expandedValues: readonly string[], redactor: Redactor): void {
  for (const value of expandedValues) redactor.add(value);
  for (const check of checks) {
    for (const [name, value] of Object.entries(check.headers)) if (isSensitiveHeader(name)) redactor.add(value);
    for (const value of urlSecrets(check.url)) redactor.add(value);
  }
}
