// Types of ./moto-pool.mjs (plain JavaScript: jest's global setup loads it without TypeScript).
export function freePort(): Promise<number>;
export function motoServer(): string | undefined;
export function startMotoPool(runDir: string, size: number): Promise<void>;
export function stopMotoPool(runDir: string | undefined): void;
