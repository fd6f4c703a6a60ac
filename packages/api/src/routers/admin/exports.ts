// The platform owner's export of any business (`admin.exports.create`, issue 16 §3): whatever its
// plan and status (a cancelled business's data handed over on request), on the record as the owner.
import { createExportRow, type ExportView, exportView } from "@servicepro/data-export";
import { AppError } from "@servicepro/errors";
import { adminExportCreateInput } from "@servicepro/validators";
import { createRouter, ownerProcedure } from "../../trpc.ts";
import { downloadPath } from "../tenant/exports.ts";

export const adminExportsRouter = createRouter({
  create: ownerProcedure
    .input(adminExportCreateInput)
    .mutation(async ({ ctx, input }): Promise<{ export: ExportView; downloadPath: string }> => {
      const created = await ctx.platform().run(async (tx, audit) => {
        const tenant = await tx.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true } });
        if (!tenant) throw new AppError("NOT_FOUND", `There is no business with the id "${input.tenantId}".`);
        const row = await createExportRow(tx, tenant.id, {
          requestedByUserId: ctx.auth.user?.id ?? null,
          byPlatform: true,
        });
        await audit({
          action: "data_export_created",
          targetTenantId: tenant.id,
          objectType: "data_export",
          objectId: row.exportRow.id,
          details: { byPlatform: true },
        });
        return row;
      });
      await ctx.messaging.exports.start(input.tenantId, created.exportRow.id);
      return {
        export: exportView(created.exportRow, ctx.now()),
        downloadPath: downloadPath(created.exportRow.id, created.token),
      };
    }),
});
