"use server";

import type { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { addFigure, removeFigure } from "@/lib/data/writes/figures";
import { FigureSchema, RemoveFigureSchema } from "@/lib/validation/figure";

export async function addFigureAction(input: z.input<typeof FigureSchema>) {
  return runAction({ role: "EDITOR", schema: FigureSchema, write: addFigure, invalidate: "readers" }, input);
}

export async function removeFigureAction(input: z.input<typeof RemoveFigureSchema>) {
  return runAction({ role: "EDITOR", schema: RemoveFigureSchema, write: removeFigure, invalidate: "readers" }, input);
}
