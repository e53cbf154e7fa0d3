import { expect, type APIRequestContext } from "@playwright/test";
import { E2E_REVALIDATE_SECRET } from "../playwright.config";

/**
 * A test that writes straight into the database is another process, like the CLI: cached reader pages do not see
 * its write until it asks the server to refresh them (app/api/revalidate/route.ts), as db:import does.
 */
export async function refreshReaderCache(request: APIRequestContext) {
  const response = await request.post("/api/revalidate", {
    headers: { authorization: `Bearer ${E2E_REVALIDATE_SECRET}` },
  });
  expect(response.status()).toBe(200);
}
