/**
 * The one error type users see: a message that says what is wrong and, where it helps, a hint
 * that says what to do. Anything else that reaches the top is a bug and is reported as such.
 */
export class ShipkitError extends Error {
  readonly hint?: string;
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ShipkitError';
    this.hint = options.hint;
  }
}

/** Replaces the password of any `scheme://user:password@` in text with `***`. */
export function redactUrlCredentials(text: string): string {
  return (
    text
      .replace(/([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*):[^\s/@]*@/gi, '$1:***@')
      // user:password@host without a scheme, or behind a mistyped one (`key:secret@host`, `http//user:pw@host`):
      // a value refused for not being a URL is echoed too.
      .replace(/(^|[\s"'(=]|\/)([^\s/:@"'(=]+):[^\s/@"']*@/g, '$1$2:***@')
  );
}

/** Renders a value for an error message: strings quoted, URL passwords redacted, at most 200 characters of it. */
export function showValue(value: unknown): string {
  const raw = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const cut = raw.length > 200 ? `${raw.slice(0, 200)}` : raw;
  const text = typeof value === 'string' ? JSON.stringify(redactUrlCredentials(cut)) : redactUrlCredentials(cut);
  return raw.length > 200 ? `${text} (${raw.length} characters, cut)` : text;
}

/** An input (or config field) whose value is not what was expected. */
export function invalidInput(name: string, value: unknown, expected: string, hint?: string): ShipkitError {
  // Inputs are kebab-case words; config fields are paths (environments.x.url, possibly behind the file name).
  const label = /:|^(environments|lock|smoke|cdn|aws|router)\./.test(name) ? name : `Input "${name}"`;
  return new ShipkitError(`${label} has an invalid value ${showValue(value)}: expected ${expected}.`, { hint });
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
