import { z } from "zod";
import { requiredText } from "@/lib/validation/fields";

// The /about text, edited by an admin at /admin/about (app/admin/about/). Client-safe. Markdown is stored as typed;
// what makes it safe to show is the renderer (lib/domain/markdown.ts), not this schema.

export const ABOUT_MAX = 20_000;

export const AboutPageSchema = z.object({ markdown: requiredText("The text", ABOUT_MAX) });
export type AboutPageInput = z.output<typeof AboutPageSchema>;
