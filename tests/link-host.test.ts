import { describe, expect, it } from "vitest";
import { linkHost } from "@/lib/domain/link-host";

// What an editor sees next to a source link (components/editor/source-list.tsx): the host the browser resolves.

describe("linkHost", () => {
  it("shows an internationalised host in punycode and marks it", () => {
    // "pаypal.com" with a Cyrillic а (U+0430): looks like the real one, is another host.
    expect(linkHost("https://p\u0430ypal.com/login")).toEqual({ host: "xn--pypal-4ve.com", internationalised: true });
    expect(linkHost("https://bücher.example/x")).toEqual({ host: "xn--bcher-kva.example", internationalised: true });
  });

  it("leaves an ASCII host as it is", () => {
    expect(linkHost("https://www.example.org/a?b=c")).toEqual({ host: "www.example.org", internationalised: false });
  });

  it("gives nothing for text that is not a URL", () => {
    expect(linkHost("not a url")).toBeNull();
  });
});
