import { randomBytes } from "node:crypto";
import { hash, type Options, verify } from "@node-rs/argon2";

// Argon2id with OWASP's minimum recommended cost (19 MiB, 2 passes, 1 lane). `Algorithm` is an
// ambient const enum, which isolated modules cannot read: 2 is its Argon2id.
const ARGON2ID = 2;
const ARGON2_OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Burns the same time as a real check, for sign-ins with an unknown email, so response timing
 * does not reveal which emails have accounts (ASVS 6.3.8).
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(await dummyHash, password);
  return false;
}

/** A password for generated accounts: 18 random bytes, URL-safe (144 bits). */
export const generatePassword = (): string => randomBytes(18).toString("base64url");
