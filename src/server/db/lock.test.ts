import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirectoryLockedError, lockDataDirectory } from './lock.js';

describe('lockDataDirectory', () => {
  it('holds the directory until released, and refuses it while another live process holds it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const lockFile = join(dir, 'technopark.lock');
    const release = lockDataDirectory(dir);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile)).toBe(false);

    // Another process holds it: refused while that process lives.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    await once(other, 'spawn');
    writeFileSync(lockFile, String(other.pid));
    expect(() => lockDataDirectory(dir)).toThrow(DataDirectoryLockedError);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(other.pid));
    other.kill();
    await once(other, 'exit');
    // Its holder gone, the lock is stale: taken over.
    const again = lockDataDirectory(dir);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    again();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    writeFileSync(join(dir, 'technopark.lock'), '999999999');
    const release = lockDataDirectory(dir);
    expect(readFileSync(join(dir, 'technopark.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, 'technopark.lock'))).toBe(false);
  });
});
