// Types of ./server-pools.mjs (plain JavaScript: jest's global setup loads it without TypeScript).
export function freePort(): Promise<number>;
export function motoServer(): string | undefined;
export const POOLS: string[];
export function startMotoPool(runDir: string, size: number): Promise<void>;
export function azuriteArgs(main: string, port: number): string[];
export function startAzuritePool(runDir: string, size: number, root: string): Promise<void>;
export function stopMotoPool(runDir: string | undefined): void;
