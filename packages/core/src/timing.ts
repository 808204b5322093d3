/** Adds the time since `started` (performance.now()) to `timings[phase]`: where a run's time goes, for the benchmarks. */
export function addTiming(timings: Record<string, number> | undefined, phase: string, started: number): void {
  if (timings) timings[phase] = (timings[phase] ?? 0) + (performance.now() - started);
}
