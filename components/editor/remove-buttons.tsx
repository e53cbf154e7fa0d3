"use client";

import { removeFigureAction } from "@/app/editor/claims/[id]/figure-actions";
import { removeLinkAction } from "@/app/editor/claims/[id]/link-actions";
import { detachSourceAction } from "@/app/editor/claims/[id]/source-actions";
import { RemoveButton } from "@/components/editor/remove-button";

export function RemoveSourceButton({ sourceId, title }: { sourceId: number; title: string }) {
  return <RemoveButton label={`Remove source: ${title}`} remove={(at) => detachSourceAction({ ...at, sourceId })} />;
}

export function RemoveFigureButton({ figureId, description }: { figureId: number; description: string }) {
  return <RemoveButton label={`Remove figure: ${description}`} remove={(at) => removeFigureAction({ ...at, figureId })} />;
}

export function RemoveLinkButton({ linkId, description }: { linkId: number; description: string }) {
  return <RemoveButton label={`Remove link: ${description}`} remove={(at) => removeLinkAction({ ...at, linkId })} />;
}
