import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirectoryLockedError, lockDataDirectory } from './lock.js';

describe('lockDataDirectory', () => {
  it('refuses a second holder while the first is alive, and frees the directory on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    writeFileSync(join(dir, 'technopark.lock'), String(process.ppid));
    expect(() => lockDataDirectory(dir)).toThrow(DataDirectoryLockedError);
    writeFileSync(join(dir, 'technopark.lock'), '');
  });

  it('takes over a lock left by a process that died', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    writeFileSync(join(dir, 'technopark.lock'), '999999999');
    const release = lockDataDirectory(dir);
    expect(readFileSync(join(dir, 'technopark.lock'), 'utf8')).toBe(String(process.pid));
    release();
    const again = lockDataDirectory(dir);
    again();
  });
});
