import { randomBytes } from "node:crypto";

/** 20 random characters from a 57-letter alphabet without look-alikes (0/O, 1/l/I): about 116 bits. */
const ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function generatePassword(length = 20): string {
  let out = "";
  // Rejection sampling keeps every letter equally likely (256 is not a multiple of the alphabet's size).
  const limit = 256 - (256 % ALPHABET.length);
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += ALPHABET[byte % ALPHABET.length];
    }
  }
  return out;
}
