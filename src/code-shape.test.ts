import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** House rules (docs/ARCHITECTURE.md): no source file past ~400 lines, no function past ~100 — split by concept. */
const maxFileLines = 420;
const maxFunctionLines = 100;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function longFunctions(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.end).line;
      if (end - start + 1 > maxFunctionLines) {
        const name = node.name && ts.isIdentifier(node.name) ? node.name.text : `(function at line ${start + 1})`;
        found.push(`${path}: ${name} has ${end - start + 1} lines`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('code shape', () => {
  // The bench (bench/, issue 9) keeps the same rules as the app it measures.
  const files = [...sourceFiles('src'), ...sourceFiles('bench')];

  it(`keeps source files under ${maxFileLines} lines and functions under ${maxFunctionLines}`, () => {
    expect(files.length).toBeGreaterThan(150);
    const problems: string[] = [];
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      const lines = text.split('\n').length;
      if (lines > maxFileLines) problems.push(`${path} has ${lines} lines`);
      problems.push(...longFunctions(path, text));
    }
    expect(problems).toEqual([]);
  });
});
