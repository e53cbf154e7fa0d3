import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The README's map of the code is what a newcomer reads first: every folder and file it names must exist.

const root = path.resolve(import.meta.dirname, "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Map of the code"), readme.indexOf("## Documentation"));

function namedPaths(): string[] {
  const found = new Set<string>();
  const block = section.slice(section.indexOf("```") + 3, section.indexOf("```", section.indexOf("```") + 3));
  for (const line of block.split("\n")) {
    // The first column: one or more paths separated by ", " before the description.
    const head = line.match(/^(\S.*?)\s{2,}/)?.[1] ?? "";
    for (const p of head.split(", ")) if (p.includes("/") || p.endsWith(".ts")) found.add(p);
  }
  for (const match of section.matchAll(/`([\w()[\]./-]+\/[\w()[\]./-]+\.(?:ts|tsx|md))`/g)) found.add(match[1]!);
  return [...found];
}

describe("README map of the code", () => {
  it("names at least the top folders and the two chains' files", () => {
    const paths = namedPaths();
    expect(paths).toEqual(
      expect.arrayContaining(["lib/db/", "app/(public)/claims/[slug]/page.tsx", "lib/data/writes/status.ts"]),
    );
  });

  it("names only folders and files that exist", () => {
    const missing = namedPaths().filter((p) => !fs.existsSync(path.join(root, p)));
    expect(missing).toEqual([]);
  });
});
