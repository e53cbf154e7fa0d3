import fc from "fast-check";

// Shared by the fuzz specs (e2e/fuzz-*.spec.ts): hostile values, and a runner that sends generated requests a few
// at a time. Every run uses a fixed seed, printed with the failing input, so a failure reproduces:
// FUZZ_SEED=<seed> E2E_PORT=… npx playwright test e2e/fuzz-reader.spec.ts --workers=1.

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261201);

/** Strings a careless client or an attacker sends: control characters, lone surrogates, huge, numeric, encoded. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.fullUnicodeString({ maxLength: 20 }),
  fc.string16bits({ maxLength: 12 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    "",
    " ",
    "9999-12-31",
    "0000-00-00",
    "2026-02-30",
    "1899-12-31",
    "2101-01-01",
    "-1",
    "0",
    "1e9",
    "99999999999999999999",
    "NaN",
    "%",
    "%zz",
    "%ED%A0%80",
    "%00",
    "\u0000",
    "lone \ud800 surrogate",
    "\u202egnp.exe",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '"',
    "NEAR(a b",
    '{"contains":"a"}',
    "a".repeat(5000),
  ),
);

/** encodeURIComponent, except that a lone surrogate (which it refuses) is sent as the bytes of one. */
export function encodeLoosely(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s.replace(/[^A-Za-z0-9]/g, (c) => {
      const code = c.charCodeAt(0);
      if (code >= 0xd800 && code <= 0xdfff)
        return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
      return encodeURIComponent(c);
    });
  }
}

/** A piece of a URL as a careless client writes it: encoded, or raw (the URL parser then escapes what it must). */
export const urlPiece = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, fc.boolean()).map(([s, encode]) => (encode ? encodeLoosely(s) : s.replace(/[#?&/\\]/g, "")));

/**
 * Samples `numRuns` inputs from `arb` with `seed` and checks each with `check`, `concurrency` at a time. Throws
 * with the seed, the index and the input of the first failure.
 */
export async function fuzz<T>(
  name: string,
  arb: fc.Arbitrary<T>,
  check: (input: T) => Promise<void>,
  { numRuns, seed = FUZZ_SEED, concurrency = 6 }: { numRuns: number; seed?: number; concurrency?: number },
): Promise<number> {
  const inputs = fc.sample(arb, { seed, numRuns });
  let next = 0;
  let failure: Error | null = null;
  const worker = async () => {
    while (!failure && next < inputs.length) {
      const i = next++;
      try {
        await check(inputs[i]!);
      } catch (error) {
        failure ??= new Error(
          `${name}: input ${i} of seed ${seed} failed (FUZZ_SEED=${seed} reproduces it): ${JSON.stringify(inputs[i])}\n${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failure) throw failure;
  return inputs.length;
}
