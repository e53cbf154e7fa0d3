"use server";

import type { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { setActorPublished, setActorSide } from "@/lib/data/writes/actors";
import { ActorPublishSchema, ActorSideSchema } from "@/lib/validation/actor";

export async function setActorPublishedAction(input: z.input<typeof ActorPublishSchema>) {
  return runAction(
    { role: "EDITOR", schema: ActorPublishSchema, write: setActorPublished, invalidate: "readers" },
    input,
  );
}

export async function setActorSideAction(input: z.input<typeof ActorSideSchema>) {
  return runAction({ role: "EDITOR", schema: ActorSideSchema, write: setActorSide, invalidate: "readers" }, input);
}
