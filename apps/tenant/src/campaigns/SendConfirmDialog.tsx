// The last step before a campaign goes out: who gets it (counted again now, not from the form's
// last preview), how many segments each text runs to, what it should cost, and when. An audience
// of no one can't be confirmed.
import { Alert, apiErrorMessage, Button, DescriptionList, Dialog, Spinner } from "@servicepro/ui";
import type { Audience } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import { moneyLabel } from "../customers/customer-format.ts";
import { count, moment } from "./campaign-format.ts";
import { timeZoneName } from "./campaign-forms.ts";
import { type CampaignBusiness, messageStats } from "./message-stats.ts";

export type SendRequest = {
  /** The campaign as stored (the confirm step describes what the server will send). */
  campaign: { id: string; name: string; body: string; audience: Audience };
  /** "now", or the instant (ISO) to send at. */
  sendAt: string;
};

export function SendConfirmDialog({
  request,
  business,
  bookingLink,
  pending,
  onClose,
  onConfirm,
}: {
  request: SendRequest;
  business: CampaignBusiness;
  bookingLink: string;
  pending: boolean;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const trpc = useTRPC();
  const audience = useQuery({
    ...trpc.tenant.campaigns.audiencePreview.queryOptions({ audience: request.campaign.audience }),
    staleTime: 0,
  });
  const recipients = audience.data?.count;
  const stats = messageStats(request.campaign.body, { name: business.name, bookingLink }, recipients ?? null);
  const now = request.sendAt === "now";
  return (
    <Dialog
      open
      onClose={onClose}
      title={now ? `Send ${request.campaign.name} now?` : `Schedule ${request.campaign.name}?`}
      description="Texts can't be taken back once sent. You can pause or cancel the rest while it's sending."
    >
      <div className="sp-stack">
        {audience.isPending ? (
          <Spinner label="Counting the audience…" showLabel />
        ) : audience.isError ? (
          <Alert tone="error" title="The audience couldn't be counted">
            {apiErrorMessage(audience.error)}
          </Alert>
        ) : (
          <DescriptionList
            items={[
              { id: "recipients", term: "Recipients", detail: count(audience.data.count) },
              { id: "segments", term: "Segments per text", detail: `Up to ${stats.segments}` },
              { id: "cost", term: "Estimated cost", detail: moneyLabel(stats.costCents ?? 0) },
              {
                id: "when",
                term: "When",
                detail: now
                  ? "Now, at the pace your number allows"
                  : `${moment(request.sendAt, business.timeZone)} (${timeZoneName(business.timeZone, new Date(request.sendAt))})`,
              },
            ]}
          />
        )}
        {recipients === 0 ? (
          <Alert tone="warning" title="No one to send to">
            No customer in this audience can get marketing texts (they need to have agreed to offers and not opted out).
            Widen the audience.
          </Alert>
        ) : null}
      </div>
      <div className="sp-dialog__footer">
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button variant="primary" loading={pending} disabled={!recipients} onClick={onConfirm}>
          {now ? `Send to ${count(recipients ?? 0)} now` : "Schedule it"}
        </Button>
      </div>
    </Dialog>
  );
}
