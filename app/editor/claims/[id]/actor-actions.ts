"use server";

import type { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { setActorPublished } from "@/lib/data/writes/actors";
import { ActorPublishSchema } from "@/lib/validation/actor";

export async function setActorPublishedAction(input: z.input<typeof ActorPublishSchema>) {
  return runAction(
    { role: "EDITOR", schema: ActorPublishSchema, write: setActorPublished, invalidate: "readers" },
    input,
  );
}
