import { Prisma } from "@/generated/prisma/client";

/** A unique index refused the write: two saves raced for the same slug or the same pair. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
