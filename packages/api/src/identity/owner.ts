import { type Database, platformDb } from "@servicepro/db";
import { normalizeEmail } from "@servicepro/identity";
import type { Logger } from "../context.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";

export type OwnerBootstrap = { email: string; created: boolean; passwordUpdated: boolean };

/**
 * Makes sure the platform owner account exists with OWNER_EMAIL / OWNER_PASSWORD. When the
 * password in the environment changes, the stored hash follows it (and the owner's sessions end).
 */
export async function ensurePlatformOwner(
  db: Database,
  logger: Logger,
  owner: { email: string; password: string },
): Promise<OwnerBootstrap> {
  const email = normalizeEmail(owner.email);
  return platformDb(db, { actorUserId: null, purpose: "startup.ensure_owner" }, logger).run(async (tx, audit) => {
    const existing = await tx.user.findUnique({
      where: { email },
      select: { id: true, passwordHash: true, isPlatformOwner: true },
    });
    if (!existing) {
      const user = await tx.user.create({
        data: {
          email,
          name: "Platform owner",
          passwordHash: await hashPassword(owner.password),
          isPlatformOwner: true,
        },
      });
      await audit({ action: "owner.created", objectType: "user", objectId: user.id });
      return { email, created: true, passwordUpdated: false };
    }
    const samePassword = await verifyPassword(existing.passwordHash, owner.password);
    if (samePassword && existing.isPlatformOwner) return { email, created: false, passwordUpdated: false };
    await tx.user.update({
      where: { id: existing.id },
      data: { isPlatformOwner: true, ...(samePassword ? {} : { passwordHash: await hashPassword(owner.password) }) },
    });
    if (!samePassword) await tx.session.deleteMany({ where: { userId: existing.id } });
    await audit({
      action: samePassword ? "owner.granted" : "owner.password_reset_from_env",
      objectType: "user",
      objectId: existing.id,
    });
    return { email, created: false, passwordUpdated: !samePassword };
  });
}

/** Whether any platform owner exists (first start of the embedded database prints credentials). */
export const hasPlatformOwner = async (db: Database): Promise<boolean> =>
  (await db.prisma.user.count({ where: { isPlatformOwner: true } })) > 0;
