import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Reader pages send no client component of ours (docs/performance.md, first-load JavaScript): everything they import,
// directly or through other files of this repo, must be a server module. This follows the imports of every file
// under app/(public)/ and fails on any file of ours that starts with "use client".

const ROOT = path.resolve(import.meta.dirname, "..");
const READER_DIR = path.join(ROOT, "app/(public)");
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The repo file an import names, or null for a package. */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  if (/\.tsx?$/.test(base) && existsSync(base)) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null; // .css and other assets
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specifiers = [
    ...source.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\s+["']([^"']+)["']/g),
  ];
  return specifiers.map((m) => m[1] ?? m[2] ?? "");
}

const isClientModule = (file: string) => /^\s*(?:\/\/[^\n]*\n\s*)*["']use client["']/.test(readFileSync(file, "utf8"));

describe("reader pages", () => {
  it("import no client component of ours, directly or indirectly", () => {
    const seen = new Map<string, string>(); // file → the file that imported it
    const queue = filesUnder(READER_DIR);
    for (const file of queue) seen.set(file, "(entry)");
    expect(queue.length).toBeGreaterThan(5);
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const specifier of importsOf(file)) {
        const target = resolveImport(file, specifier);
        if (target && !seen.has(target)) {
          seen.set(target, file);
          queue.push(target);
        }
      }
    }
    const client = [...seen.keys()]
      .filter(isClientModule)
      .map((file) => `${path.relative(ROOT, file)} (imported by ${path.relative(ROOT, seen.get(file)!)})`);
    expect(client).toEqual([]);
    // The check sees the header's nav, so it would catch the nav going back to usePathname().
    expect(seen.has(path.join(ROOT, "components/layout/nav-links.tsx"))).toBe(true);
  });

  it("the check recognises a client module", () => {
    expect(isClientModule(path.join(ROOT, "components/layout/editor-nav.tsx"))).toBe(true);
  });
});
