import { describe, expect, it } from "vitest";
import { invalid, refuse, refuseField } from "@/lib/actions/result";
import { FigureSchema } from "@/lib/validation/figure";

// The one result shape (lib/actions/result.ts): what every Server Action answers when it refuses.
describe("action results", () => {
  it("invalid() keeps every message of every field, keyed by its dotted path", () => {
    const parsed = FigureSchema.safeParse({ claimId: 1, version: 1, min: -1, max: -2 });
    expect(parsed.success).toBe(false);
    const result = invalid(parsed.error!);
    expect(result).toMatchObject({ ok: false, formError: "Please correct the highlighted fields." });
    const total = Object.values(result.fieldErrors).reduce((n, messages) => n + (messages?.length ?? 0), 0);
    expect(total).toBe(parsed.error!.issues.length);
    for (const issue of parsed.error!.issues)
      expect(result.fieldErrors[issue.path.join(".") || "root"]).toContain(issue.message);
  });

  it("refuseField() puts the message on its field and repeats it for the form; refuse() on the form", () => {
    expect(refuseField("slug", "Taken.")).toEqual({
      ok: false,
      fieldErrors: { slug: ["Taken."] },
      formError: "Taken.",
    });
    expect(refuse("No.")).toEqual({ ok: false, fieldErrors: {}, formError: "No." });
  });
});
