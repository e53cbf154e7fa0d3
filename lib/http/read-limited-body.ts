// Reads a request body up to a limit without ever holding more than the limit: a declared Content-Length above it
// is refused before the first byte is read, and a body without one (chunked) is counted as it streams and dropped
// the moment it passes the limit. For uploads that bypass the proxy's buffering (app/admin/import/upload/route.ts).

export type LimitedBody = { ok: true; bytes: Uint8Array } | { ok: false; tooLarge: true };

export async function readLimitedBody(request: Request, maxBytes: number): Promise<LimitedBody> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) return { ok: false, tooLarge: true };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, tooLarge: true };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}
