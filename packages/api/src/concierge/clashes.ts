// "Already taken" answers for the set-up form: the slug, the business number and the owner's
// email are unique across the platform. They are checked up front, to name the business that
// holds each one, and enforced by unique indexes, which decide races between two set-ups; both
// paths end in the same field errors.
import { Prisma } from "@servicepro/db";
import type { FieldIssue } from "@servicepro/errors";
import { formatPhone } from "@servicepro/telephony/phone";

type ClashInput = { slug: string; phoneNumber: string | null; owner: { email: string } };
type Tx = Prisma.TransactionClient;

/** Every clash at once, so the owner fixes the form in one pass. */
export async function findClashes(
  tx: Tx,
  input: ClashInput,
  fields: readonly ClashField[] = CLASH_FIELDS,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (fields.includes("slug")) {
    const issue = await slugClash(tx, input.slug);
    if (issue) issues.push(issue);
  }
  if (fields.includes("phoneNumber") && input.phoneNumber) {
    const issue = await phoneClash(tx, input.phoneNumber);
    if (issue) issues.push(issue);
  }
  if (fields.includes("email")) {
    const issue = await emailClash(tx, input.owner.email);
    if (issue) issues.push(issue);
  }
  return issues;
}

export const CLASH_FIELDS = ["slug", "phoneNumber", "email"] as const;
export type ClashField = (typeof CLASH_FIELDS)[number];

async function slugClash(tx: Tx, slug: string): Promise<FieldIssue | null> {
  // The new tenant's id is its slug, so an existing id counts too ("root" is Clean Machine's id).
  const holder = await tx.tenant.findFirst({ where: { OR: [{ slug }, { id: slug }] }, select: { name: true } });
  return holder
    ? {
        path: ["slug"],
        message: `The slug "${slug}" is already used by ${holder.name}. Choose another, e.g. "${slug}-2" or one with the town's name.`,
      }
    : null;
}

async function phoneClash(tx: Tx, phoneNumber: string): Promise<FieldIssue | null> {
  const holder = await tx.tenantPhoneConfig.findUnique({
    where: { phoneNumber },
    select: { tenant: { select: { name: true } } },
  });
  return holder
    ? {
        path: ["phoneNumber"],
        message: `${formatPhone(phoneNumber)} is already assigned to ${holder.tenant.name}. Choose another number, or release it there first.`,
      }
    : null;
}

async function emailClash(tx: Tx, email: string): Promise<FieldIssue | null> {
  const user = await tx.user.findUnique({
    where: { email },
    select: {
      isPlatformOwner: true,
      memberships: { select: { tenant: { select: { name: true } } }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  if (!user) return null;
  const where = user.isPlatformOwner
    ? "the platform owner's account"
    : user.memberships[0]
      ? `an account at ${user.memberships[0].tenant.name}`
      : "an account";
  return {
    path: ["owner", "email"],
    message: `${email} is already ${where}. Use another email address for this business's owner.`,
  };
}

/**
 * Which form field a unique-index violation is about (a set-up that lost a race), or null when it
 * is not one of the three. Each of those tables has exactly the one unique value the form sets
 * (tenants: id = slug and slug; users: email; tenant_phone_configs: the number), so the model
 * Prisma names is enough, on both engines.
 */
export function clashedField(error: unknown): ClashField | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const model = (error.meta as { modelName?: string } | undefined)?.modelName;
  return model === "Tenant"
    ? "slug"
    : model === "User"
      ? "email"
      : model === "TenantPhoneConfig"
        ? "phoneNumber"
        : null;
}
