// "Export your data" (`tenant.exports.*`, issue 16 §3): a business's admins ask for a ZIP of
// everything, watch it build and download it for 24 hours. On every plan (no feature gate) and at
// every status: suspended and cancelled accounts keep these (OPEN_WHEN_INACTIVE, and a cancelled
// account's restricted sign-in allows nothing else). Refused while the platform owner is
// impersonating (sensitive: data_export): the owner exports through admin.exports.create, on the
// record as the owner. Asking is audited; the download is audited by the server's download route.
import { createExportRow, type ExportView, exportView } from "@servicepro/data-export";
import { AppError } from "@servicepro/errors";
import { exportIdInput } from "@servicepro/validators";
import { createRouter, tenantAdminProcedure } from "../../trpc.ts";

/** Exports one business may have waiting or building at once (each reads every table). */
const MAX_BUILDING = 3;

const exportsProcedure = tenantAdminProcedure.meta({ sensitive: "data_export" });

/** The download link of an export, with its token (shown once, to whoever asked). */
export const downloadPath = (exportId: string, token: string) =>
  `/exports/${exportId}/download?token=${encodeURIComponent(token)}`;

export type CreatedExport = { export: ExportView; downloadPath: string };

export const tenantExportsRouter = createRouter({
  create: exportsProcedure.mutation(async ({ ctx }): Promise<CreatedExport> => {
    const created = await ctx.tenant.run(async (tx) => {
      const building = await tx.dataExport.count({ where: { status: { in: ["queued", "running"] } } });
      if (building >= MAX_BUILDING)
        throw new AppError(
          "CONFLICT",
          "Exports are already being built. They will be listed below as soon as they are ready; start another after that.",
        );
      return createExportRow(tx, ctx.tenantId, { requestedByUserId: ctx.auth.user?.id ?? null, byPlatform: false });
    });
    await ctx.audit({ action: "data_export_created", objectType: "data_export", objectId: created.exportRow.id });
    await ctx.messaging.exports.start(ctx.tenantId, created.exportRow.id);
    return {
      export: exportView(created.exportRow, ctx.now()),
      downloadPath: downloadPath(created.exportRow.id, created.token),
    };
  }),

  status: exportsProcedure.input(exportIdInput).query(async ({ ctx, input }): Promise<ExportView> => {
    const row = await ctx.tenant.run((tx) => tx.dataExport.findFirst({ where: { id: input.id } }));
    if (!row) throw new AppError("NOT_FOUND", "That export doesn't exist. Reload the list.");
    return exportView(row, ctx.now());
  }),

  /** The latest exports, newest first. */
  list: exportsProcedure.query(async ({ ctx }): Promise<ExportView[]> => {
    const rows = await ctx.tenant.run((tx) => tx.dataExport.findMany({ orderBy: { createdAt: "desc" }, take: 20 }));
    return rows.map((row) => exportView(row, ctx.now()));
  }),
});
