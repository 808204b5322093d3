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

/** Renders a value for an error message: strings quoted, long values cut. */
export function showValue(value: unknown): string {
  let text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  if (text.length > 120) text = `${text.slice(0, 117)}...`;
  return text;
}

/** An input (or config field) whose value is not what was expected. */
export function invalidInput(name: string, value: unknown, expected: string, hint?: string): ShipkitError {
  return new ShipkitError(`Input "${name}" has an invalid value ${showValue(value)}: expected ${expected}.`, { hint });
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
