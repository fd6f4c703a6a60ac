// `tenant.customers.erase` (issue 16): a customer's erasure request, run by an admin who confirms
// it by typing the customer's name (or, without a name, their phone). What is removed and what is
// kept (the consent ledger, as TCPA/CTIA evidence) is set out in packages/retention erasure.ts.
// Refused under a legal hold (409). Audited (retention.customer_erasure) and logged with counts.
import { AppError, fieldErrors } from "@servicepro/errors";
import { eraseCustomer } from "@servicepro/retention";
import { confirmationMatches, eraseCustomerInput, eraseCustomerOutput } from "@servicepro/validators";
import { tenantAdminProcedure } from "../../trpc.ts";

export const eraseCustomerProcedure = tenantAdminProcedure
  .input(eraseCustomerInput)
  .output(eraseCustomerOutput)
  .mutation(async ({ ctx, input }) => {
    const customer = await ctx.tenant.run((tx) =>
      tx.customer.findUnique({
        where: { tenantId_id: { tenantId: ctx.tenantId, id: input.customerId } },
        select: { name: true, phone: true },
      }),
    );
    if (!customer) throw new AppError("NOT_FOUND", "There is no such customer in this business.");
    const expected = customer.name ?? customer.phone;
    if (!confirmationMatches(input.confirmation, expected))
      throw fieldErrors([{ path: ["confirmation"], message: `That does not match: type "${expected}" to confirm.` }]);
    // Without a Twilio client (development, most tests) the links are cleared and nothing is asked of Twilio.
    const twilio = "recordings" in ctx.messaging ? (ctx.messaging.recordings ?? null) : null;
    const result = await eraseCustomer(
      { db: ctx.db, twilio, logger: ctx.logger },
      {
        tenantId: ctx.tenantId,
        customerId: input.customerId,
        actorUserId: ctx.auth.user?.id ?? null,
        trigger: "staff",
        requestId: ctx.request.requestId,
      },
    );
    ctx.logger.info({ customerId: input.customerId, counts: result.counts }, "customer erased");
    return { deletionId: result.deletionId, counts: result.counts };
  });
