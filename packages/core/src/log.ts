import * as core from '@actions/core';
import { formatDuration } from './duration.js';

/** Runs `fn` inside a collapsible log group. */
export function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  return core.group(title, fn);
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * Progress for long work: logs done/total items, bytes and rate at most every `intervalMs`, and a
 * final line from done(). Short work (under one interval) logs only the final line.
 */
export class Progress {
  private items = 0;
  private bytes = 0;
  private lastLog: number;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly totalItems: number,
    private readonly totalBytes = 0,
    private readonly intervalMs = 5000,
    private readonly log: (line: string) => void = core.info,
  ) {
    this.lastLog = this.started;
  }

  add(items: number, bytes = 0): void {
    this.items += items;
    this.bytes += bytes;
    const now = Date.now();
    if (now - this.lastLog >= this.intervalMs) {
      this.lastLog = now;
      this.log(this.line(now));
    }
  }

  done(): void {
    this.log(`${this.line(Date.now())} — done`);
  }

  private line(now: number): string {
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const bytes = this.totalBytes ? `, ${formatBytes(this.bytes)}/${formatBytes(this.totalBytes)}` : this.bytes ? `, ${formatBytes(this.bytes)}` : '';
    const rate = this.bytes ? `, ${formatBytes(this.bytes / seconds)}/s` : `, ${(this.items / seconds).toFixed(1)}/s`;
    return `${this.label}: ${this.items}/${this.totalItems}${bytes}${rate}, ${formatDuration(now - this.started)}`;
  }
}
