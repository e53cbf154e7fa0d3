import { FREE_FAILURES } from "@/lib/auth/login-attempts";
import { formatDateTime } from "@/lib/domain/format";

// How an account's sign-in stands for browsers that have not signed in to it before (lib/auth/login-attempts.ts):
// the failures that count, and until when such a browser must wait. Browsers with the account's device cookie are
// never held back by these.

export function signInThrottleText({ failures, retryAt }: { failures: number; retryAt: Date | null }): string {
  if (failures === 0) return "No failed attempts";
  const count = `${failures} failed ${failures === 1 ? "attempt" : "attempts"}`;
  if (retryAt) return `Locked until ${formatDateTime(retryAt)} (${count})`;
  return failures >= FREE_FAILURES ? `${count}; new browsers wait after each` : count;
}

export function SignInThrottle({ state }: { state: { failures: number; retryAt: Date | null } }) {
  return <span data-testid="sign-in-throttle">{signInThrottleText(state)}</span>;
}
