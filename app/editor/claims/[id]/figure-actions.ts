"use server";

import type { z } from "zod";
import { runEditorAction } from "@/lib/actions/editor-action";
import { addFigure, removeFigure } from "@/lib/data/writes/figures";
import { FigureSchema, RemoveFigureSchema } from "@/lib/validation/figure";

export async function addFigureAction(input: z.input<typeof FigureSchema>) {
  return runEditorAction(FigureSchema, input, addFigure);
}

export async function removeFigureAction(input: z.input<typeof RemoveFigureSchema>) {
  return runEditorAction(RemoveFigureSchema, input, removeFigure);
}
