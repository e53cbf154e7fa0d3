import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs `scripts/<script>.ts` the way `npm run db:…` does, against `databaseUrl`; a non-zero exit is a result too. */
export async function runCli(script: string, args: string[], databaseUrl: string): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", `scripts/${script}.ts`, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
