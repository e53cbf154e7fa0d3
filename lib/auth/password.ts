import { hash, verify, type Algorithm } from "@node-rs/argon2";

// No "server-only" here: the seed and other CLI scripts hash passwords too.

// `Algorithm` is an ambient const enum, which isolatedModules forbids reading; 2 is its Argon2id member.
const ARGON2ID = 2 as Algorithm.Argon2id;

/**
 * argon2id with the library's defaults (19 MiB memory, 2 passes, 1 lane): the OWASP minimum for argon2id.
 * The PHC string records its parameters, so raising them later still verifies old hashes.
 */
export async function hashPassword(plain: string): Promise<string> {
  return hash(plain, { algorithm: ARGON2ID });
}

/** False for a wrong password and for a hash that cannot be parsed, so a corrupt row never signs anyone in. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}
