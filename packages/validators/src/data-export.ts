// Data export inputs (issue 16 §3): which export, and, for the platform owner, which business.
import { z } from "zod";
import { storableRefinement } from "./text.ts";

export const DATA_EXPORT_STATUSES = ["queued", "running", "ready", "failed", "expired"] as const;
export type DataExportStatus = (typeof DATA_EXPORT_STATUSES)[number];

export const exportIdInput = z.strictObject({ id: z.uuid("That export id is not valid.") });

export const adminExportCreateInput = z.strictObject({
  tenantId: z
    .string({ error: "Say which business to export (tenantId)." })
    .trim()
    .min(1, "Say which business to export (tenantId).")
    .max(63, "That is not a business id.")
    .refine(...storableRefinement("the business id")),
});
