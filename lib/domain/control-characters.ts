// Invisible characters that change what a reader or an editor sees without showing themselves. One home for the
// lists: lib/validation/fields.ts refuses them at input, lib/csv/write.ts strips what older data may still hold.

/**
 * Bidirectional controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM): in a link they can make
 * `https://evil.example/moc.bank` read as another address. Never part of a real URL.
 */
export const BIDI_CONTROL = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** C0 controls and DEL, except tab, line feed and carriage return (which text areas legitimately hold). */
export const C0_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const C0_CONTROLS = new RegExp(C0_CONTROL.source, "g");

export function stripC0Controls(text: string): string {
  return text.replace(C0_CONTROLS, "");
}
