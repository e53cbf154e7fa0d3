import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createUser } from "@/lib/data/writes/users";
import { parseEnv } from "@/lib/env";
import { createPrismaClient, type Db } from "@/lib/db/create-client";
import { CreateUserSchema } from "@/lib/validation/user";

// `npm run user:create -- --email ann@example.org --role EDITOR [--name "Ann Lee"] [--password …]`
// Validates with the admin form's schema, writes the account and its AuditEvent (no signed-in user: userId null,
// via "cli"), and prints a generated password once when none was given. Exit code 1 on any refusal.

const USAGE =
  "Usage: npm run user:create -- --email <email> --role EDITOR|ADMIN [--name <name>] [--password <password>]";

export type CliOutcome = { exitCode: 0 | 1; lines: string[] };

/** The whole command minus process handling, so unit tests can run it against a test database. */
export async function userCreate(db: Db, argv: string[]): Promise<CliOutcome> {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
      },
      strict: true,
    }).values;
  } catch (error) {
    return { exitCode: 1, lines: [error instanceof Error ? error.message : String(error), USAGE] };
  }
  const email = values.email ?? "";
  const parsed = CreateUserSchema.safeParse({
    email,
    // Without --name the part before the @ stands in; an admin can rename later.
    name: values.name ?? email.trim().toLowerCase().split("@")[0],
    role: values.role?.toUpperCase(),
    password: values.password,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  --${i.path.join(".") || "input"}: ${i.message}`);
    return { exitCode: 1, lines: ["The account was not created:", ...lines, USAGE] };
  }
  const result = await createUser(db, null, parsed.data, "cli");
  if (!result.ok) {
    return {
      exitCode: 1,
      lines: [`The account was not created: ${result.formError ?? "refused"} (${parsed.data.email})`],
    };
  }
  const { id, generatedPassword } = result.data;
  const lines = [`Created ${parsed.data.role.toLowerCase()} ${parsed.data.email} (id ${id}).`];
  if (generatedPassword)
    lines.push(
      `Password: ${generatedPassword}`,
      "It is shown only this once and stored only as a hash: pass it on securely now.",
    );
  return { exitCode: 0, lines };
}

async function main(): Promise<void> {
  // Relative SQLite paths resolve from the project root, as in the seed; variables already set win over .env.
  process.chdir(path.resolve(import.meta.dirname, ".."));
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  const env = parseEnv(process.env);
  const db = await createPrismaClient(env.DATABASE_URL);
  try {
    const { exitCode, lines } = await userCreate(db, process.argv.slice(2));
    (exitCode === 0 ? console.log : console.error)(lines.join("\n"));
    process.exitCode = exitCode;
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`user:create failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
