// Types of ./raw-puts.mjs (plain JavaScript: the bench also starts it as a process of its own).
export function rawPuts(endpoint: string, bucket: string, prefix: string, files: ReadonlyArray<{ key: string; path: string }>, concurrency: number): Promise<void>;
