import { describe, expect, it } from "vitest";
import { languageName } from "@/lib/domain/vocabulary";

describe("languageName", () => {
  it("names the language of a tag, so pages show “Pashto”, not “ps”", () => {
    expect(languageName("ps")).toBe("Pashto");
    expect(languageName("prs")).toBe("Dari");
    expect(languageName("ur")).toBe("Urdu");
    expect(languageName(" fa ")).toBe("Persian");
  });

  it("keeps a well-formed tag without a known name, and gives null for no tag or a malformed one", () => {
    expect(languageName("xx")).toBe("xx");
    expect(languageName(null)).toBeNull();
    expect(languageName("  ")).toBeNull();
    expect(languageName("not a tag")).toBeNull();
  });
});
