// One customer: profile (edit), lifetime figures, assets (add, edit, archive with the pack's fields),
// upcoming and past appointments (links to /app/appointments/<id>), the latest texts, calls, the
// SMS consent history, and the separate marketing consent (offers by text) with its own history,
// which staff record with a note. Everything shown is what the server returned.
import "./customers.css";
import { CALL_OUTCOME_LABELS } from "@servicepro/telephony/constants";
import {
  apiErrorCode,
  Badge,
  Button,
  Card,
  DescriptionList,
  EmptyState,
  LoadErrorAlert,
  MessageBubble,
  PageHeader,
  Spinner,
  StatGroup,
} from "@servicepro/ui";
import { type RouterOutputs, useSignedInContext, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { formatPhone } from "../inbox/format.ts";
import { PointsPanel } from "../loyalty/PointsPanel.tsx";
import { AssetDialog } from "./AssetDialog.tsx";
import { CustomerDialog } from "./CustomerDialog.tsx";
import { dateTimeLabel, lastVisitLabel, moneyLabel, priceLabel } from "./customer-format.ts";
import { ASSET_KIND_LABELS } from "./customer-forms.ts";
import { EraseCustomerCard } from "./EraseCustomerDialog.tsx";
import { MarketingConsentDialog } from "./MarketingConsentDialog.tsx";
import { MergeDialog } from "./MergeDialog.tsx";
import { MergeHistoryCard } from "./MergeHistoryCard.tsx";

type Page = RouterOutputs["tenant"]["customers"]["get"];
type Appointment = Page["upcoming"][number];
type Asset = Page["assets"][number];

const routeApi = getRouteApi("/customers/$customerId");

const STATUS_LABELS: Record<Appointment["status"], string> = {
  booked: "Booked",
  confirmed: "Confirmed",
  completed: "Completed",
  cancelled: "Cancelled",
  no_show: "No-show",
};

const SOURCE_LABELS: Record<Page["customer"]["source"], string> = {
  sms: "Texted in",
  call: "Called in",
  booking_page: "Booking page",
  import: "Imported",
  staff: "Added by staff",
  ai_agent: "AI receptionist",
  portal: "Customer portal",
};

const CONSENT_SOURCE_LABELS: Record<Page["consentHistory"][number]["source"], string> = {
  keyword: "Keyword text",
  free_text: "Text message",
  provider_21610: "Carrier block",
  staff: "Staff",
  booking_page: "Booking page",
  voicemail: "Voicemail",
  voice_menu: "Phone menu",
  portal: "Customer portal",
  import: "Imported list",
};

export function CustomerPage() {
  const { customerId } = routeApi.useParams();
  const trpc = useTRPC();
  const page = useQuery(trpc.tenant.customers.get.queryOptions({ id: customerId }));
  const context = useSignedInContext();
  const [editing, setEditing] = useState(false);
  const [assetDialog, setAssetDialog] = useState<{ asset?: Asset } | null>(null);
  const [offersDialog, setOffersDialog] = useState<{ allow: boolean } | null>(null);
  const [merging, setMerging] = useState(false);
  const navigate = useNavigate();
  const isAdmin = context.role === "tenant_admin" || context.role === "platform_owner";

  if (page.isPending)
    return (
      <Card>
        <div className="sp-center tenant-loading">
          <Spinner label="Loading the customer…" showLabel />
        </div>
      </Card>
    );
  if (page.isError)
    return (
      <div className="sp-stack">
        <LoadErrorAlert
          title={apiErrorCode(page.error) === "NOT_FOUND" ? "Customer not found" : "This customer couldn't be loaded"}
          error={page.error}
          onRetry={apiErrorCode(page.error) === "NOT_FOUND" ? undefined : () => void page.refetch()}
          retrying={page.isFetching}
        />
        <Link to="/customers">Back to customers</Link>
      </div>
    );

  const { customer, figures } = page.data;
  const title = customer.name ?? formatPhone(customer.phone);
  const transactional = page.data.consentHistory.filter((event) => event.purpose === "transactional");
  return (
    <div className="sp-stack">
      <title>{`${title} · Customers · ServicePro`}</title>
      <PageHeader
        eyebrow={<Link to="/customers">Customers</Link>}
        title={title}
        titleAddon={customer.consent === "opted_out" ? <Badge tone="danger">Opted out of texts</Badge> : undefined}
        actions={
          <>
            <Button onClick={() => setEditing(true)}>Edit</Button>
            {isAdmin ? <Button onClick={() => setMerging(true)}>Merge with…</Button> : null}
          </>
        }
      />
      <StatGroup
        label="Lifetime"
        items={[
          { id: "visits", label: "Visits", value: figures.visitCount },
          { id: "spend", label: "Spent", value: moneyLabel(figures.lifetimeSpendCents) },
          { id: "last", label: "Last visit", value: lastVisitLabel(figures.lastVisitAt) },
          { id: "upcoming", label: "Upcoming", value: figures.upcomingCount },
          { id: "noshow", label: "No-shows", value: figures.noShowCount },
        ]}
      />
      <div className="customer-grid">
        <Card title="Profile" headingLevel={2}>
          <DescriptionList
            items={[
              { id: "phone", term: "Mobile", detail: formatPhone(customer.phone) },
              ...(customer.altPhones.length
                ? [
                    {
                      id: "alt",
                      term: "Other numbers",
                      detail: customer.altPhones.map((p) => formatPhone(p)).join(", "),
                    },
                  ]
                : []),
              { id: "email", term: "Email", detail: customer.email ?? <span className="sp-muted">None</span> },
              { id: "address", term: "Address", detail: customer.address ?? <span className="sp-muted">None</span> },
              {
                id: "tags",
                term: "Tags",
                detail: customer.tags.length ? (
                  <span className="customers-tags">
                    {customer.tags.map((tag) => (
                      <Badge key={tag} tone="neutral">
                        {tag}
                      </Badge>
                    ))}
                  </span>
                ) : (
                  <span className="sp-muted">None</span>
                ),
              },
              { id: "source", term: "Came from", detail: SOURCE_LABELS[customer.source] },
              { id: "since", term: "Customer since", detail: dateTimeLabel(customer.createdAt) },
              {
                id: "notes",
                term: "Notes",
                detail: customer.notes ? (
                  <span className="customer-notes">{customer.notes}</span>
                ) : (
                  <span className="sp-muted">None</span>
                ),
              },
            ]}
          />
        </Card>
        <AssetsCard page={page.data} onAdd={() => setAssetDialog({})} onEdit={(asset) => setAssetDialog({ asset })} />
        <PointsPanel customerId={page.data.customer.id} isAdmin={isAdmin} />
        <AppointmentsCard title="Upcoming appointments" appointments={page.data.upcoming} empty="Nothing booked." />
        <AppointmentsCard title="Past appointments" appointments={page.data.past} empty="No visits yet." />
        <Card
          title="Texts"
          headingLevel={2}
          actions={
            page.data.conversationId ? (
              <Link to="/inbox" search={{ conversation: page.data.conversationId }}>
                Open in inbox
              </Link>
            ) : undefined
          }
        >
          {page.data.messages.length ? (
            <div className="customer-thread">
              {page.data.messages.map((m) => (
                <MessageBubble
                  key={m.id}
                  direction={m.direction}
                  sender={m.sentBy ?? undefined}
                  time={<time dateTime={m.createdAt}>{dateTimeLabel(m.createdAt)}</time>}
                  status={m.direction === "outbound" ? m.status : undefined}
                  error={m.errorMessage ?? undefined}
                >
                  {m.body}
                </MessageBubble>
              ))}
            </div>
          ) : (
            <EmptyState headingLevel={3} title="No texts yet" description="Texts with this customer show here." />
          )}
        </Card>
        <Card title="Calls" headingLevel={2}>
          {page.data.calls.length ? (
            <ul className="customer-list">
              {page.data.calls.map((call) => (
                <li key={call.id} className="customer-item">
                  <span>
                    <time dateTime={call.startedAt}>{dateTimeLabel(call.startedAt)}</time>
                    {call.voicemail?.transcription ? (
                      <span className="sp-muted"> · “{call.voicemail.transcription}”</span>
                    ) : null}
                  </span>
                  <Badge tone={call.outcome === "missed" ? "danger" : "neutral"}>
                    {CALL_OUTCOME_LABELS[call.outcome]}
                  </Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="sp-muted">No calls.</p>
          )}
        </Card>
        <Card title="Text message consent" headingLevel={2}>
          {transactional.length ? (
            <ul className="customer-list">
              {transactional.map((event) => (
                <li key={event.id} className="customer-item">
                  <span>
                    {event.state === "opted_out" ? "Opted out" : "Opted in"} · {formatPhone(event.phone)}
                    <span className="sp-muted">
                      {" "}
                      · {CONSENT_SOURCE_LABELS[event.source]}
                      {event.text ? ` “${event.text}”` : ""}
                    </span>
                  </span>
                  <time dateTime={event.at}>{dateTimeLabel(event.at)}</time>
                </li>
              ))}
            </ul>
          ) : (
            <p className="sp-muted">No opt-out or opt-in on record: texts are allowed.</p>
          )}
        </Card>
        <MarketingConsentCard page={page.data} onChange={(allow) => setOffersDialog({ allow })} />
        <MergeHistoryCard customerId={customer.id} isAdmin={isAdmin} />
        {context.role === "tenant_admin" || context.role === "platform_owner" ? (
          <EraseCustomerCard customerId={customer.id} expected={customer.name ?? customer.phone} />
        ) : null}
      </div>
      {merging ? (
        <MergeDialog
          customerId={customer.id}
          customerLabel={title}
          onClose={() => setMerging(false)}
          onMerged={(survivorId) => {
            setMerging(false);
            if (survivorId !== customer.id)
              void navigate({ to: "/customers/$customerId", params: { customerId: survivorId } });
          }}
        />
      ) : null}
      {editing ? (
        <CustomerDialog customer={customer} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      ) : null}
      {offersDialog ? (
        <MarketingConsentDialog
          customerId={customer.id}
          customerLabel={title}
          allow={offersDialog.allow}
          onClose={() => setOffersDialog(null)}
        />
      ) : null}
      {assetDialog ? (
        <AssetDialog
          customerId={customer.id}
          asset={assetDialog.asset}
          kinds={page.data.assetKinds}
          onClose={() => setAssetDialog(null)}
        />
      ) : null}
    </div>
  );
}

/** Offers by text: a consent of its own, given only with evidence, and revoked by any opt-out. */
function MarketingConsentCard({ page, onChange }: { page: Page; onChange: (allow: boolean) => void }) {
  const { state, allowed } = page.marketingConsent;
  const textsOff = page.customer.consent === "opted_out";
  // An opt-out of texts revokes offers too: that one ledger row belongs to both histories.
  const history = page.consentHistory.filter((event) => event.purpose === "marketing" || event.state === "opted_out");
  const status = allowed
    ? "Agreed to offers by text."
    : state === "opted_in"
      ? "Agreed to offers, but texts are off (opted out): no offers go out."
      : state === "opted_out"
        ? "Opted out of offers: no offers by text."
        : "Not asked: no offers by text until the customer agrees.";
  return (
    <Card title="Offers by text (marketing consent)" headingLevel={2}>
      <div className="sp-stack">
        <p>
          <Badge tone={allowed ? "success" : "neutral"}>{allowed ? "Offers allowed" : "No offers"}</Badge> {status}
        </p>
        {textsOff && !allowed ? (
          <p className="sp-muted">This number opted out of texts; it has to opt back in (reply START) first.</p>
        ) : null}
        <div>
          {state === "opted_in" ? (
            <Button onClick={() => onChange(false)}>Stop offers</Button>
          ) : (
            <Button onClick={() => onChange(true)} disabled={textsOff}>
              Record consent to offers
            </Button>
          )}
        </div>
        {history.length ? (
          <ul className="customer-list" aria-label="Offers consent history">
            {history.map((event) => (
              <li key={event.id} className="customer-item">
                <span>
                  {event.purpose === "transactional"
                    ? "Opted out of texts"
                    : event.state === "opted_out"
                      ? "Opted out"
                      : "Opted in"}{" "}
                  · {formatPhone(event.phone)}
                  <span className="sp-muted">
                    {" "}
                    · {CONSENT_SOURCE_LABELS[event.source]}
                    {event.note ? ` “${event.note}”` : event.text ? ` “${event.text}”` : ""}
                  </span>
                </span>
                <time dateTime={event.at}>{dateTimeLabel(event.at)}</time>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Card>
  );
}

function AssetsCard({ page, onAdd, onEdit }: { page: Page; onAdd: () => void; onEdit: (asset: Asset) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const archive = useMutation(
    trpc.tenant.customers.archiveAsset.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.tenant.customers.pathFilter()),
    }),
  );
  const active = page.assets.filter((a) => !a.archivedAt);
  const sizeLabel = (asset: Asset) =>
    page.assetKinds.find((k) => k.kind === asset.kind)?.sizeClasses.find((c) => c.id === asset.sizeClass)?.label;
  return (
    <Card
      title="Vehicles, pets and properties"
      headingLevel={2}
      actions={
        <Button size="sm" onClick={onAdd}>
          Add
        </Button>
      }
    >
      {active.length ? (
        <ul className="customer-list">
          {active.map((asset) => (
            <li key={asset.id} className="customer-item">
              <span className="sp-stack">
                <span>{asset.label}</span>
                <span className="sp-muted">
                  {ASSET_KIND_LABELS[asset.kind]}
                  {sizeLabel(asset) ? ` · ${sizeLabel(asset)}` : ""}
                  {asset.notes ? ` · ${asset.notes}` : ""}
                </span>
              </span>
              <span className="customers-tags">
                <Button size="sm" onClick={() => onEdit(asset)}>
                  Edit
                </Button>
                <Button
                  size="sm"
                  onClick={() => archive.mutate({ id: asset.id })}
                  loading={archive.isPending && archive.variables?.id === asset.id}
                >
                  Archive
                </Button>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="sp-muted">Nothing recorded yet.</p>
      )}
      {archive.isError ? <p role="alert">{archive.error.message}</p> : null}
    </Card>
  );
}

function AppointmentsCard({
  title,
  appointments,
  empty,
}: {
  title: string;
  appointments: readonly Appointment[];
  empty: string;
}) {
  return (
    <Card title={title} headingLevel={2}>
      {appointments.length ? (
        <ul className="customer-list">
          {appointments.map((a) => (
            <li key={a.id} className="customer-item">
              <span className="sp-stack">
                {/* The appointment page is another team's route; a plain link keeps this page independent of it. */}
                <a href={`${import.meta.env.BASE_URL}appointments/${a.id}`}>{a.serviceName}</a>
                <span className="sp-muted">
                  <time dateTime={a.startsAt}>{dateTimeLabel(a.startsAt)}</time>
                  {a.assetLabel ? ` · ${a.assetLabel}` : ""} · {priceLabel(a)}
                </span>
              </span>
              <Badge tone={a.status === "cancelled" || a.status === "no_show" ? "danger" : "neutral"}>
                {STATUS_LABELS[a.status]}
              </Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="sp-muted">{empty}</p>
      )}
    </Card>
  );
}
