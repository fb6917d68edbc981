import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function pageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pageFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Lines of the pages matching `pattern`, as `file:line: text`. */
function linesMatching(pattern: RegExp): string[] {
  return pageFiles('src/web/routes').flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((line, index) => (pattern.test(line) ? [`${path}:${index + 1}: ${line.trim()}`] : [])),
  );
}

describe('feedback after an action', () => {
  it('pages change data only through useAction, which confirms every success and clears the errors before it', () => {
    // A bare useMutation has no confirmation; its own notifications would not clear the stale errors.
    expect(linesMatching(/\buseMutation\b/)).toEqual([]);
    expect(linesMatching(/@mantine\/notifications/)).toEqual([]);
  });

  it("asks before acting in the app's own dialog (useConfirm), never the browser's confirm()", () => {
    expect(linesMatching(/\b(window\.)?confirm\(/)).toEqual([]);
  });
});
