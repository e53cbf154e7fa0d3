import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("applies defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.db");
    expect(env.SITE_URL).toBe("http://localhost:3000");
  });
  it("names every bad key", () => {
    expect(() =>
      parseEnv({ DATABASE_URL: "postgres://x", SITE_URL: "javascript:alert(1)", ADMIN_EMAIL: "nope" }),
    ).toThrow(/DATABASE_URL[\s\S]*SITE_URL[\s\S]*ADMIN_EMAIL/);
  });
  it("treats empty strings as unset", () => {
    expect(parseEnv({ ADMIN_PASSWORD: "" }).ADMIN_PASSWORD).toBeUndefined();
  });
});
