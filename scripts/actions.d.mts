// Types of ./actions.mjs (plain JavaScript: the scripts run it without TypeScript).
export const ACTIONS: string[];
export const POST_GATED_ACTIONS: string[];
