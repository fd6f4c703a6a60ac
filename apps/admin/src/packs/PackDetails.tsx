// Everything a pack gives a new business, as the owner reads it before choosing: services with
// prices, add-ons and when they are offered, FAQs, how the phone answers, and the starter site.
// Used by the packs page and by the wizard's details drawer.
import "@servicepro/ui/css/DescriptionList.css";
import "@servicepro/ui/css/DataTable.css";
import { IVR_MODE_LABELS, type IvrMode } from "@servicepro/telephony/constants";
import { Badge, Button, Dialog, LoadErrorAlert, Spinner } from "@servicepro/ui";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { countsLine, formatDuration, formatPrice } from "./format.ts";

export type Pack = RouterOutputs["admin"]["packs"]["get"];

const OFFER_AT: Record<string, string> = {
  booking: "When booking",
  "on-site": "On site",
  "follow-up": "In the follow-up",
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="pack-section" aria-label={title}>
      <h3 className="pack-section__title">{title}</h3>
      {children}
    </section>
  );
}

export function PackContent({ pack }: { pack: Pack }) {
  const factorLabel = new Map(pack.pricingFactors.map((factor) => [factor.id, factor.label.toLowerCase()]));
  const serviceName = new Map(pack.services.map((service) => [service.id, service.name]));
  return (
    <div className="pack-details">
      <p className="sp-muted">{pack.summary}</p>
      <Section title="Services">
        <table className="sp-table pack-table">
          <caption className="sp-visually-hidden">Services in the {pack.name} pack</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col" className="sp-table__cell--end">
                Price
              </th>
              <th scope="col" className="sp-table__cell--end">
                Time
              </th>
            </tr>
          </thead>
          <tbody>
            {pack.services.map((service) => (
              <tr key={service.id}>
                <th scope="row">
                  <span className="pack-item-name">{service.name}</span>
                  <span className="pack-item-description">{service.description}</span>
                </th>
                <td className="sp-table__cell--end sp-table__cell--nowrap">
                  {formatPrice(service.priceCents)}
                  {service.priceDependsOn.length > 0 ? (
                    <span className="pack-item-description">
                      by {service.priceDependsOn.map((id) => factorLabel.get(id) ?? id).join(", ")}
                    </span>
                  ) : null}
                </td>
                <td className="sp-table__cell--end sp-table__cell--nowrap">
                  {formatDuration(service.durationMinutes)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Add-ons and upsells">
        <ul className="pack-list">
          {pack.addOns.map((addOn) => (
            <li key={addOn.id}>
              <span className="pack-item-name">
                {addOn.name} <span className="sp-muted">· {formatPrice(addOn.priceCents)}</span>{" "}
                <Badge>{OFFER_AT[addOn.offerAt] ?? addOn.offerAt}</Badge>
              </span>
              <span className="pack-item-description">
                With {addOn.serviceIds.map((id) => serviceName.get(id) ?? id).join(", ")}. Offer when{" "}
                {addOn.offerWhen.charAt(0).toLowerCase() + addOn.offerWhen.slice(1)}
              </span>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="FAQs">
        <div className="pack-faqs">
          {pack.faqs.map((faq) => (
            <details key={faq.id}>
              <summary>{faq.question}</summary>
              <p>{faq.answer}</p>
            </details>
          ))}
        </div>
      </Section>
      <Section title="Phone and website">
        <dl className="sp-dl">
          <div className="sp-dl__item">
            <dt className="sp-dl__term">Answers calls with</dt>
            <dd className="sp-dl__detail">{IVR_MODE_LABELS[pack.ivr.mode as IvrMode] ?? pack.ivr.mode}</dd>
          </div>
          <div className="sp-dl__item">
            <dt className="sp-dl__term">Greeting</dt>
            <dd className="sp-dl__detail">“{pack.ivr.greeting}”</dd>
          </div>
          <div className="sp-dl__item">
            <dt className="sp-dl__term">Website headline</dt>
            <dd className="sp-dl__detail">{pack.website.headline}</dd>
          </div>
        </dl>
      </Section>
    </div>
  );
}

/** Loads one pack and shows it; loading and error states included. */
export function PackDetailsLoader({ packId }: { packId: string }) {
  const trpc = useTRPC();
  const pack = useQuery(trpc.admin.packs.get.queryOptions({ id: packId }));
  if (pack.isPending) {
    return (
      <div className="sp-center admin-loading">
        <Spinner label="Loading the pack…" showLabel />
      </div>
    );
  }
  if (pack.isError)
    return (
      <LoadErrorAlert
        title="The pack couldn't be loaded"
        error={pack.error}
        onRetry={() => void pack.refetch()}
        retrying={pack.isFetching}
      />
    );
  return <PackContent pack={pack.data} />;
}

/** The pack as a side drawer (a modal dialog pinned to the right). */
export function PackDrawer({
  pack,
  onClose,
  footer,
}: {
  pack: { id: string; name: string; version: string; counts: { services: number; addOns: number; faqs: number } };
  onClose: () => void;
  footer?: ReactNode;
}) {
  return (
    <Dialog
      open
      onClose={onClose}
      className="pack-drawer"
      title={`${pack.name} pack`}
      description={`Version ${pack.version} · ${countsLine(pack.counts)}`}
      footer={
        <>
          <Button onClick={onClose}>Close</Button>
          {footer}
        </>
      }
    >
      <PackDetailsLoader packId={pack.id} />
    </Dialog>
  );
}
