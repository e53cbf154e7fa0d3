// A small, strict XML 1.0 well-formedness check for tests (the project adds no XML parser): one root element,
// tags properly nested and closed, attribute values quoted, every "&" an entity or character reference, no raw
// "<" in text, and no character XML 1.0 forbids. Returns the problems found; [] means well-formed.

const NAME = "[A-Za-z_][\\w.:-]*";
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const ALLOWED = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (!ALLOWED.test(xml)) problems.push("a character XML 1.0 forbids");
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: string[] = [];
  let roots = 0;
  const token = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>|([^<]+)|(<)`, "gy");
  for (const m of body.matchAll(token)) {
    const [, closing, name, attrs, selfClosing, text, strayLt] = m;
    if (strayLt) {
      problems.push(`stray "<" at ${m.index}`);
      break;
    }
    if (text !== undefined) {
      if (stack.length === 0 && text.trim()) problems.push("text outside the root element");
      if (text.replace(REFERENCE, "").includes("&")) problems.push(`bare "&" in text at ${m.index}`);
      continue;
    }
    if (attrs && attrs.replace(REFERENCE, "").includes("&")) problems.push(`bare "&" in an attribute of <${name}>`);
    if (closing) {
      if (stack.pop() !== name) problems.push(`</${name}> does not close the open element`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  if (stack.length) problems.push(`unclosed <${stack.join("> <")}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
