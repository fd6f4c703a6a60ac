// The industry packs the concierge sets businesses up from: static data (packages/industry-packs),
// so these procedures touch no database. Owner only, like the rest of the console.
import { getPack, industryPackSchema, isPackId, listPacks, PACK_IDS } from "@servicepro/industry-packs";
import { z } from "zod";
import { createRouter, ownerProcedure } from "../../trpc.ts";

const packSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  summary: z.string(),
  counts: z.object({ services: z.number().int(), addOns: z.number().int(), faqs: z.number().int() }),
});

export const adminPacksRouter = createRouter({
  /** Every pack for the wizard's picker, auto detailing (the root tenant's trade) first. */
  list: ownerProcedure.output(z.array(packSummarySchema)).query(() => listPacks()),

  /**
   * One whole pack. An unknown id is bad input (400 with a field issue on `id`), as it is for a
   * set-up: pack ids are a fixed catalogue, not records that come and go.
   */
  get: ownerProcedure
    .input(
      z.strictObject({
        id: z
          .string({ error: "Say which pack (id)." })
          .trim()
          .refine(isPackId, {
            message: `There is no industry pack with that id; the ${PACK_IDS.length} packs are listed by admin.packs.list.`,
          }),
      }),
    )
    .output(industryPackSchema)
    .query(({ input }) => getPack(input.id)!),
});
