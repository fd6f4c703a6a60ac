// What the business sells: services, add-ons and FAQs (`tenant.catalog.*`). Staff read them; admins
// change them. Changing an item that came from the industry pack marks it edited, so a later pack
// upgrade leaves the business's version alone (see pack.ts).

import { AppError } from "@servicepro/errors";
import { sameData } from "@servicepro/industry-packs";
import {
  archiveServiceInput,
  createFaqInput,
  createServiceInput,
  priceColumns,
  updateAddOnInput,
  updateFaqInput,
  updateServiceInput,
} from "@servicepro/validators";
import { z } from "zod";
import { createRouter, staffProcedure, tenantAdminProcedure } from "../../trpc.ts";
import { addOnSchema, faqSchema, serviceSchema, toAddOn, toFaq, toService } from "./catalog-shared.ts";

const ORDER = [{ position: "asc" as const }, { createdAt: "asc" as const }];

const gone = (what: string) =>
  new AppError("NOT_FOUND", `That ${what} no longer exists. Reload the page to see the current list.`);

/** The keys of `next` whose value differs from `current`'s (only what really changes is written). */
function differences<T extends Record<string, unknown>>(current: Record<string, unknown>, next: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => value !== undefined && !sameData(current[key], value)),
  ) as Partial<T>;
}

const withoutUndefined = <T extends Record<string, unknown>>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export const tenantCatalogRouter = createRouter({
  /** Every service, archived ones included (`active: false`), in the business's order. */
  services: staffProcedure.output(z.array(serviceSchema)).query(async ({ ctx }) => {
    const rows = await ctx.tenant.run((tx) => tx.service.findMany({ orderBy: ORDER }));
    return rows.map(toService);
  }),

  addOns: staffProcedure.output(z.array(addOnSchema)).query(async ({ ctx }) => {
    const rows = await ctx.tenant.run((tx) => tx.addOn.findMany({ orderBy: ORDER }));
    return rows.map(toAddOn);
  }),

  faqs: staffProcedure.output(z.array(faqSchema)).query(async ({ ctx }) => {
    const rows = await ctx.tenant.run((tx) => tx.faq.findMany({ orderBy: ORDER }));
    return rows.map(toFaq);
  }),

  createService: tenantAdminProcedure
    .input(createServiceInput)
    .output(serviceSchema)
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.tenant.run(async (tx) => {
        const last = await tx.service.aggregate({ _max: { position: true } });
        return tx.service.create({
          data: {
            tenantId: ctx.tenantId,
            name: input.name,
            description: input.description,
            durationMinutes: input.durationMinutes,
            ...priceColumns(input.price),
            priceDependsOn: input.priceDependsOn ?? null,
            position: (last._max.position ?? -1) + 1,
            packItemId: null,
          },
        });
      });
      await ctx.audit({
        action: "catalog.service_created",
        objectType: "service",
        objectId: row.id,
        details: { name: row.name },
      });
      return toService(row);
    }),

  updateService: tenantAdminProcedure
    .input(updateServiceInput)
    .output(serviceSchema)
    .mutation(async ({ ctx, input }) => {
      const { id, price, ...fields } = input;
      const result = await ctx.tenant.run(async (tx) => {
        const current = await tx.service.findFirst({ where: { id } });
        if (!current) throw gone("service");
        const changes = differences(current, withoutUndefined({ ...fields, ...(price ? priceColumns(price) : {}) }));
        if (Object.keys(changes).length === 0) return { row: current, fields: [] };
        // Only a change by the business counts as an edit; restoring an archived service is one too.
        const row = await tx.service.update({
          where: { tenantId_id: { tenantId: ctx.tenantId, id } },
          data: { ...changes, editedAt: ctx.now() },
        });
        return { row, fields: Object.keys(changes) };
      });
      if (result.fields.length > 0) {
        await ctx.audit({
          action: "catalog.service_updated",
          objectType: "service",
          objectId: id,
          details: { fields: result.fields, packItemId: result.row.packItemId },
        });
      }
      return toService(result.row);
    }),

  /** Takes a service off the list without losing it (bookings may refer to it); `updateService({ active: true })` brings it back. */
  archiveService: tenantAdminProcedure
    .input(archiveServiceInput)
    .output(serviceSchema)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.tenant.run(async (tx) => {
        const current = await tx.service.findFirst({ where: { id: input.id } });
        if (!current) throw gone("service");
        if (!current.active) return { row: current, changed: false };
        // Archiving a pack service is an edit: an upgrade must not bring it back or change it.
        const row = await tx.service.update({
          where: { tenantId_id: { tenantId: ctx.tenantId, id: input.id } },
          data: { active: false, editedAt: ctx.now() },
        });
        return { row, changed: true };
      });
      if (result.changed)
        await ctx.audit({
          action: "catalog.service_archived",
          objectType: "service",
          objectId: input.id,
          details: { name: result.row.name },
        });
      return toService(result.row);
    }),

  updateAddOn: tenantAdminProcedure
    .input(updateAddOnInput)
    .output(addOnSchema)
    .mutation(async ({ ctx, input }) => {
      const { id, ...fields } = input;
      const result = await ctx.tenant.run(async (tx) => {
        const current = await tx.addOn.findFirst({ where: { id } });
        if (!current) throw gone("add-on");
        if (fields.serviceIds) {
          const wanted = [...new Set(fields.serviceIds)];
          const found = await tx.service.count({ where: { id: { in: wanted } } });
          if (found !== wanted.length)
            throw new AppError(
              "BAD_REQUEST",
              "One of the chosen services no longer exists. Reload the page and choose again.",
            );
          fields.serviceIds = wanted;
        }
        const changes = differences(current, withoutUndefined(fields));
        if (Object.keys(changes).length === 0) return { row: current, fields: [] };
        const row = await tx.addOn.update({
          where: { tenantId_id: { tenantId: ctx.tenantId, id } },
          data: { ...changes, editedAt: ctx.now() },
        });
        return { row, fields: Object.keys(changes) };
      });
      if (result.fields.length > 0) {
        await ctx.audit({
          action: "catalog.add_on_updated",
          objectType: "add_on",
          objectId: id,
          details: { fields: result.fields, packItemId: result.row.packItemId },
        });
      }
      return toAddOn(result.row);
    }),

  createFaq: tenantAdminProcedure
    .input(createFaqInput)
    .output(faqSchema)
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.tenant.run(async (tx) => {
        const last = await tx.faq.aggregate({ _max: { position: true } });
        return tx.faq.create({
          data: { tenantId: ctx.tenantId, ...input, position: (last._max.position ?? -1) + 1, packItemId: null },
        });
      });
      await ctx.audit({ action: "catalog.faq_created", objectType: "faq", objectId: row.id });
      return toFaq(row);
    }),

  updateFaq: tenantAdminProcedure
    .input(updateFaqInput)
    .output(faqSchema)
    .mutation(async ({ ctx, input }) => {
      const { id, ...fields } = input;
      const result = await ctx.tenant.run(async (tx) => {
        const current = await tx.faq.findFirst({ where: { id } });
        if (!current) throw gone("FAQ");
        const changes = differences(current, withoutUndefined(fields));
        if (Object.keys(changes).length === 0) return { row: current, fields: [] };
        const row = await tx.faq.update({
          where: { tenantId_id: { tenantId: ctx.tenantId, id } },
          data: { ...changes, editedAt: ctx.now() },
        });
        return { row, fields: Object.keys(changes) };
      });
      if (result.fields.length > 0) {
        await ctx.audit({
          action: "catalog.faq_updated",
          objectType: "faq",
          objectId: id,
          details: { fields: result.fields, packItemId: result.row.packItemId },
        });
      }
      return toFaq(result.row);
    }),
});
