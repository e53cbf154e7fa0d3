// The host of a link as the browser will resolve it. `new URL()` turns an internationalised host into punycode
// ("xn--…"), so a look-alike such as "pаypal.com" with a Cyrillic "а" shows up as "xn--pypal-4ve.com" where an
// editor checks a source (components/editor/source-list.tsx). Pure: no I/O.

export type LinkHost = { host: string; internationalised: boolean };

export function linkHost(url: string): LinkHost | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  return { host, internationalised: host.split(".").some((label) => label.startsWith("xn--")) };
}
