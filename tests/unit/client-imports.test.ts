// Nothing under src/server reaches the browser: a client component ('use client') and src/shared take what they need
// from src/shared or src/ui (docs/architecture.md). Read as text, so a violation is named before a build would fail.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');

/**
 * The one exception for now: the import's report types, which the lead moves while rewriting src/server/import.
 * Remove it then.
 */

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' && dir === SRC ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** The file's first statement, after comments and blank lines, is the 'use client' directive. */
export function isClientComponent(text: string): boolean {
  const body = text.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
  return /^(['"])use client\1/.test(body);
}

/** Every module specifier under @/server that the file imports, statically, dynamically or by re-export. */
export function serverImports(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(@\/server(?:\/[^'"]*)?)\1/g))
    found.add(m[2]!);
  return [...found];
}

function offenders(files: string[]): string[] {
  return files.flatMap((file) =>
    serverImports(readFileSync(file, 'utf8')).map(
      (specifier) => `${path.relative(process.cwd(), file)} → ${specifier}`,
    ),
  );
}

describe('client code imports nothing from src/server', () => {
  it('recognises the directive and every form of import', () => {
    expect(isClientComponent(`// a comment\n/* another */\n'use client';\nimport x from 'y';`)).toBe(true);
    expect(isClientComponent(`import x from 'y';\n'use client';`)).toBe(false);
    expect(
      serverImports(
        `import type { A } from '@/server/a';\nimport '@/server/b';\nexport { C } from "@/server/c";\nawait import('@/server/d');\nimport { E } from '@/shared/e';`,
      ),
    ).toEqual(['@/server/a', '@/server/b', '@/server/c', '@/server/d']);
  });

  it("no 'use client' file imports @/server/… (move what it needs to src/shared)", () => {
    const clientFiles = sourceFiles(SRC).filter((file) => isClientComponent(readFileSync(file, 'utf8')));
    expect(clientFiles.length).toBeGreaterThan(10);
    expect(offenders(clientFiles)).toEqual([]);
  });

  it('nothing under src/shared imports @/server/…', () => {
    expect(offenders(sourceFiles(path.join(SRC, 'shared')))).toEqual([]);
  });
});
