import { refuse, type ActionResult } from "@/lib/actions/result";
import { CONTENTION_MESSAGE, isContention } from "@/lib/db/transaction-retry";

/**
 * Runs a Server Action's write; when its transaction lost every retry against concurrent writes, or found no
 * connection or time (lib/db/transaction-retry.ts), the editor is asked to try again — nothing was written, so it is
 * a refusal like any other, never a 500.
 */
export async function refuseContention<T>(write: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await write();
  } catch (error) {
    if (isContention(error)) return refuse(CONTENTION_MESSAGE);
    throw error;
  }
}
