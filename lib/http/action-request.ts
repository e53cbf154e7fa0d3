// What proxy.ts checks on a request that Next would run as a Server Action, before the framework decodes it. Next
// answers a foreign or "null" Origin, a body that is not an argument list, broken multipart or very deep nesting with
// a 500 and a stack trace in the log, for anonymous callers too; each action's own checks (lib/actions/run-action.ts)
// only start after that decoding. Here such requests get a 4xx with a plain message instead. Edge-safe: no Node APIs.

/** Matches `experimental.serverActions.bodySizeLimit` in next.config.js (docs/decisions/0016-small-request-bodies.md). */
export const ACTION_BODY_MAX_BYTES = 1024 * 1024;
/** Claimwatch's forms send objects a few levels deep; JSON.parse and React's decoder recurse once per level. */
export const ACTION_JSON_DEPTH_MAX = 32;

export type ActionRefusal = { status: 400 | 403 | 413 | 415; message: string };

/**
 * Whether Next's action handler would take this request: a POST with a `Next-Action` header (what the client's
 * fetch sends), or a multipart or urlencoded POST (a form submitted before JavaScript has loaded).
 */
export function isPossibleAction(method: string, headers: Headers): boolean {
  if (method !== "POST") return false;
  const type = headers.get("content-type") ?? "";
  return (
    headers.has("next-action") ||
    type.startsWith("multipart/form-data") ||
    type.startsWith("application/x-www-form-urlencoded")
  );
}

export async function checkActionRequest(request: Request): Promise<ActionRefusal | null> {
  const origin = originProblem(request.headers);
  if (origin) return { status: 403, message: origin };

  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= ACTION_BODY_MAX_BYTES)) return tooLarge();

  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const fetchAction = request.headers.has("next-action");
  if (type.startsWith("multipart/form-data")) return checkMultipart(request, fetchAction);
  if (fetchAction && type.startsWith("text/plain")) return checkJsonBody(request);
  if (!fetchAction && type.startsWith("application/x-www-form-urlencoded")) return null; // Next itself ignores these
  return {
    status: 415,
    message: "A Server Action call is sent as text/plain (JSON) or multipart/form-data.",
  };
}

/**
 * The browser's Origin must name this host, as Next's own check compares it (`x-forwarded-host`, else `host`).
 * Browsers send an Origin with every POST; a request without one, or with "null" (a sandboxed page, a file), is
 * refused rather than let through with a warning as Next does.
 */
export function originProblem(headers: Headers): string | null {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return "This request has no Origin of this site, so it was refused.";
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return "This request's Origin is not an address, so it was refused.";
  }
  const own = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!own || host !== own) return "This request comes from another site, so it was refused.";
  return null;
}

function tooLarge(): ActionRefusal {
  return { status: 413, message: `A form's data is limited to ${ACTION_BODY_MAX_BYTES / 1024 / 1024} MB.` };
}

function malformed(what: string): ActionRefusal {
  return { status: 400, message: `This request's body cannot be read: ${what}.` };
}

/**
 * The proxy sees at most `proxyClientMaxBodySize` bytes of a body (next.config.js), set at twice this limit, so a
 * body cut there is still seen to be over it.
 */
async function readBody(request: Request): Promise<Uint8Array | ActionRefusal> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  return bytes.byteLength > ACTION_BODY_MAX_BYTES ? tooLarge() : bytes;
}

async function checkJsonBody(request: Request): Promise<ActionRefusal | null> {
  const bytes = await readBody(request);
  if (!(bytes instanceof Uint8Array)) return bytes;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return malformed("it is not UTF-8");
  }
  if (jsonDepth(text) > ACTION_JSON_DEPTH_MAX) return malformed(`it is nested more than ${ACTION_JSON_DEPTH_MAX} deep`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return malformed("it is not JSON");
  }
  if (!Array.isArray(value)) return malformed("it is not a list of arguments");
  // Without multipart parts there is nothing a reference could point at ("$B1", "$K2", "$@3"…).
  if (!plainReplyValues(value)) return malformed("it refers to parts it does not have");
  return null;
}

async function checkMultipart(request: Request, fetchAction: boolean): Promise<ActionRefusal | null> {
  const bytes = await readBody(request);
  if (!(bytes instanceof Uint8Array)) return bytes;
  let form: FormData;
  try {
    const type = request.headers.get("content-type") ?? "";
    form = await new Response(bytes as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    return malformed("the multipart data is broken");
  }
  for (const [name, value] of form) {
    if (typeof value !== "string") continue;
    if (jsonDepth(value) > ACTION_JSON_DEPTH_MAX) return malformed(`“${name.slice(0, 40)}” is nested too deep`);
  }
  if (fetchAction) {
    // React's reply: part "0" is the argument list, the other parts are what it refers to.
    const root = form.get("0");
    if (typeof root !== "string") return malformed("the argument list is missing");
    try {
      if (!Array.isArray(JSON.parse(root))) return malformed("it is not a list of arguments");
    } catch {
      return malformed("the argument list is not JSON");
    }
  }
  return null;
}

/**
 * How deep arrays and objects nest in a JSON text, counted without parsing (parsing is what a deep text breaks).
 * Brackets inside strings do not count. Stops counting once past the limit.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > ACTION_JSON_DEPTH_MAX) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * React escapes a string that starts with "$" as "$$"; other "$" strings are references or special values. Only the
 * values that need no other part are allowed in a body without parts.
 */
const SELF_CONTAINED = /^\$(?:\$|undefined$|NaN$|-?Infinity$|-0$|D|n-?\d+$)/;

function plainReplyValues(value: unknown): boolean {
  if (typeof value === "string") return !value.startsWith("$") || SELF_CONTAINED.test(value);
  if (Array.isArray(value)) return value.every(plainReplyValues);
  if (value && typeof value === "object") return Object.values(value).every(plainReplyValues);
  return true;
}
