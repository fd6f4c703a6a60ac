// The composer (/campaigns/new, /campaigns/<id>/edit): a template to start from, the audience with
// its live count, the message with its segments and cost, previews for three real customers, then
// "Save draft"; a saved campaign can be sent now or scheduled (on the business's clock) after a
// confirm step that shows recipients, segments and cost. Everything after a save is the server's.
import "./campaigns.css";
import {
  Alert,
  apiErrorMessage,
  apiIssuesByPath,
  Badge,
  Button,
  buttonClassName,
  Card,
  Form,
  FormTextField,
  LoadErrorAlert,
  LockIcon,
  PageHeader,
  PageNotice,
  Spinner,
  useZodForm,
  type ZodForm,
} from "@servicepro/ui";
import { bookingLinkOf, CAMPAIGN_SENDING_HOURS } from "@servicepro/validators";
import { type RouterOutputs, type SignedInContext, useTRPC } from "@servicepro/web";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { AudienceBuilder } from "./AudienceBuilder.tsx";
import { CampaignsLoadError, CampaignsUpgradeNotice, isPlanGated } from "./CampaignsLoadError.tsx";
import { CAMPAIGN_STATUS_LABELS, CAMPAIGN_STATUS_TONES, isEditable, moment, whenLabel } from "./campaign-format.ts";
import {
  type CampaignFormOutput,
  type CampaignFormSchema,
  campaignFormSchema,
  campaignFormValues,
  formFieldOf,
  instantOfLocalInput,
  timeZoneName,
  validAudience,
} from "./campaign-forms.ts";
import { useCampaignTemplates } from "./campaign-templates.ts";
import { MessageEditor } from "./MessageEditor.tsx";
import type { CampaignBusiness } from "./message-stats.ts";
import { RecipientPreviews } from "./RecipientPreviews.tsx";
import { SendConfirmDialog, type SendRequest } from "./SendConfirmDialog.tsx";
import { TemplatePicker } from "./TemplatePicker.tsx";
import { useDebouncedValue } from "./use-debounced-value.ts";

type Campaign = RouterOutputs["tenant"]["campaigns"]["get"]["campaign"];

const PREVIEW_DEBOUNCE_MS = 300;

const isAdmin = (context: SignedInContext) => context.role === "tenant_admin" || context.role === "platform_owner";

function AdminsOnly() {
  return (
    <PageNotice
      documentTitle="Campaigns · ServicePro"
      icon={<LockIcon />}
      title="Only admins can write campaigns"
      description="Ask an admin of your business to start or change a campaign. You can see every campaign and its results."
      actions={
        <Link to="/campaigns" className={buttonClassName()}>
          See the campaigns
        </Link>
      }
    />
  );
}

function Loading({ label }: { label: string }) {
  return (
    <Card>
      <div className="sp-center tenant-loading">
        <Spinner label={label} showLabel />
      </div>
    </Card>
  );
}

/** /campaigns/new: the business's name, booking link and clock come from its overview and booking settings. */
export function NewCampaignPage({ context }: { context: SignedInContext }) {
  const trpc = useTRPC();
  const overview = useQuery(trpc.tenant.overview.queryOptions());
  const settings = useQuery(trpc.tenant.booking.settings.queryOptions());
  if (!isAdmin(context)) return <AdminsOnly />;
  if (overview.isPending || settings.isPending) return <Loading label="Opening the composer…" />;
  if (overview.isError || settings.isError)
    return (
      <LoadErrorAlert
        title="The composer couldn't open"
        error={overview.error ?? settings.error}
        onRetry={() => void Promise.all([overview.refetch(), settings.refetch()])}
        retrying={overview.isFetching || settings.isFetching}
      />
    );
  const business = {
    name: overview.data.tenant.name,
    slug: overview.data.tenant.slug,
    timeZone: settings.data.timeZone,
  };
  return <CampaignComposer business={business} />;
}

const editRoute = getRouteApi("/campaigns/$campaignId/edit");

/** /campaigns/<id>/edit: drafts and scheduled campaigns; the rest are sent (or cancelled) as they are. */
export function EditCampaignPage({ context }: { context: SignedInContext }) {
  const { campaignId } = editRoute.useParams();
  const trpc = useTRPC();
  const page = useQuery(trpc.tenant.campaigns.get.queryOptions({ id: campaignId }));
  if (!isAdmin(context)) return <AdminsOnly />;
  if (page.isPending) return <Loading label="Loading the campaign…" />;
  if (page.isError)
    return (
      <CampaignsLoadError
        title="This campaign couldn't be loaded"
        error={page.error}
        onRetry={() => void page.refetch()}
        retrying={page.isFetching}
      />
    );
  const { campaign, business } = page.data;
  if (!isEditable(campaign.status))
    return (
      <div className="sp-stack">
        <title>{`${campaign.name} · Campaigns · ServicePro`}</title>
        <Alert tone="info" title={`This campaign is ${CAMPAIGN_STATUS_LABELS[campaign.status].toLowerCase()}`}>
          Once a campaign starts sending its texts are fixed, so it can't be edited. Start a new campaign to send a
          changed message.
        </Alert>
        <Link to="/campaigns/$campaignId" params={{ campaignId }}>
          See {campaign.name}
        </Link>
      </div>
    );
  return <CampaignComposer key={campaign.id} business={business} campaign={campaign} />;
}

/**
 * Where a server refusal goes: the zero-audience notice by the count, field errors on their fields,
 * the rest beside the button that was pressed (saving, or sending).
 */
function useServerErrors(form: ZodForm<CampaignFormSchema>) {
  const [audienceNotice, setAudienceNotice] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; from: "save" | "send" } | null>(null);
  const clear = () => {
    setAudienceNotice(null);
    setMessage(null);
  };
  const show = (error: unknown, from: "save" | "send") => {
    const { audience, ...issues } = apiIssuesByPath(error);
    setAudienceNotice(audience ?? null);
    const unplaced: string[] = [];
    let placed = 0;
    for (const [path, text] of Object.entries(issues)) {
      const field = formFieldOf(path);
      if (field) form.setError(field, { type: "server", message: text }, { shouldFocus: placed++ === 0 });
      else unplaced.push(text);
    }
    const text = unplaced.length ? unplaced.join(" ") : audience || placed ? null : apiErrorMessage(error);
    setMessage(text ? { text, from } : null);
  };
  return { audienceNotice, message, clear, show };
}

function CampaignComposer({ business, campaign }: { business: CampaignBusiness; campaign?: Campaign }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const linkBusiness = { name: business.name, bookingLink: bookingLinkOf(window.location.origin, business.slug) };
  const [schema] = useState(() => campaignFormSchema(linkBusiness));
  const form = useZodForm(schema, { defaultValues: campaignFormValues(campaign, business.timeZone) });
  const errors = useServerErrors(form);
  const [saved, setSaved] = useState(false);
  const [sending, setSending] = useState<SendRequest | null>(null);
  const templates = useCampaignTemplates();

  const services = useQuery(trpc.tenant.catalog.services.queryOptions());
  const tiers = useQuery({ ...trpc.tenant.loyalty.settings.queryOptions(), select: (s) => s.tiers.map((t) => t.name) });
  const quiet = useQuery(trpc.tenant.booking.settings.queryOptions());

  // The live count (and, with a message, the sample texts) follows the filters after a short pause.
  const audienceForm = useWatch({ control: form.control, name: "audience" });
  const body = useWatch({ control: form.control, name: "body" });
  const audience = validAudience(audienceForm);
  const previewInput = audience ? { audience, ...(body.trim() && body.length <= 1_600 ? { body } : {}) } : null;
  const debounced = useDebouncedValue(previewInput, PREVIEW_DEBOUNCE_MS);
  const preview = useQuery({
    ...trpc.tenant.campaigns.audiencePreview.queryOptions(debounced.value ?? { audience: {} }),
    enabled: debounced.value !== null,
    placeholderData: keepPreviousData,
  });

  const create = useMutation(trpc.tenant.campaigns.create.mutationOptions());
  const update = useMutation(trpc.tenant.campaigns.update.mutationOptions());
  const schedule = useMutation(
    trpc.tenant.campaigns.schedule.mutationOptions({
      onSuccess: async (stored) => {
        await queryClient.invalidateQueries(trpc.tenant.campaigns.pathFilter());
        void navigate({ to: "/campaigns/$campaignId", params: { campaignId: stored.id } });
      },
      onError: (error) => {
        setSending(null);
        errors.show(error, "send");
      },
    }),
  );

  if (preview.isError && isPlanGated(preview.error)) return <CampaignsUpgradeNotice error={preview.error} />;

  /** Creates or updates the campaign; null when the server refused (its errors are shown). */
  const save = async (fields: CampaignFormOutput) => {
    errors.clear();
    setSaved(false);
    try {
      const stored = campaign
        ? await update.mutateAsync({ id: campaign.id, ...fields })
        : await create.mutateAsync(fields);
      await queryClient.invalidateQueries(trpc.tenant.campaigns.list.pathFilter());
      await queryClient.invalidateQueries(trpc.tenant.campaigns.get.queryFilter({ id: stored.id }));
      return stored;
    } catch (error) {
      errors.show(error, "save");
      return null;
    }
  };

  const keepStored = (stored: Campaign) =>
    form.reset({ ...campaignFormValues(stored, business.timeZone), sendAt: form.getValues("sendAt") });

  /** Saves pending changes, then asks to confirm sending now or at the chosen time. */
  const startSend = (mode: "now" | "at") => {
    errors.clear();
    let at: string | null = null;
    if (mode === "at") {
      at = instantOfLocalInput(form.getValues("sendAt"), business.timeZone);
      if (!at) {
        form.setError(
          "sendAt",
          { type: "manual", message: "Pick the day and time to send it." },
          { shouldFocus: true },
        );
        return;
      }
    }
    void form.handleSubmit(async (fields) => {
      if (!campaign) return;
      let stored: Campaign | null = campaign;
      if (form.formState.isDirty) {
        stored = await save(fields);
        if (!stored) return;
        keepStored(stored);
      }
      setSending({ campaign: stored, sendAt: at ?? "now" });
    })();
  };

  // Read while rendering, so react-hook-form keeps it current for the handlers below.
  const { isDirty } = form.formState;
  const count = preview.data?.count;
  const pending = create.isPending || update.isPending;
  const title = campaign ? `Edit ${campaign.name}` : "New campaign";
  return (
    <div className="sp-stack">
      <title>{`${title} · Campaigns · ServicePro`}</title>
      <PageHeader
        eyebrow={<Link to="/campaigns">Campaigns</Link>}
        title={title}
        titleAddon={
          campaign ? (
            <Badge tone={CAMPAIGN_STATUS_TONES[campaign.status]}>{CAMPAIGN_STATUS_LABELS[campaign.status]}</Badge>
          ) : undefined
        }
        description={
          campaign
            ? `Saved ${moment(campaign.updatedAt, business.timeZone)}. ${whenLabel(campaign, business.timeZone)}.`
            : "Pick who gets it, write the text, save it as a draft, then send it now or schedule it."
        }
      />
      <Form
        form={form}
        className="sp-stack"
        aria-label={title}
        onSubmit={async (fields) => {
          const stored = await save(fields);
          if (!stored) return;
          if (!campaign) {
            void navigate({ to: "/campaigns/$campaignId/edit", params: { campaignId: stored.id }, replace: true });
            return;
          }
          keepStored(stored);
          setSaved(true);
        }}
      >
        <Card title="Campaign">
          <div className="sp-stack campaign-basics">
            {templates.length ? (
              <TemplatePicker
                templates={templates}
                onPick={(template) => {
                  const options = { shouldDirty: true, shouldValidate: true } as const;
                  form.setValue("name", template.name, options);
                  form.setValue("body", template.body, options);
                  form.setValue("templateKey", template.key, options);
                }}
              />
            ) : null}
            <FormTextField
              label="Name"
              name="name"
              required
              maxLength={80}
              hint="For you and your team; customers don't see it."
            />
          </div>
        </Card>
        <Card
          title="Audience"
          description="Every filter narrows the audience; ticking several items matches any of them."
        >
          <AudienceBuilder
            services={services.data
              ?.filter((s) => s.active || audienceForm.serviceIds.includes(s.id))
              .map((s) => ({ value: s.id, label: s.name }))}
            tiers={tiers.data ? [...new Set([...tiers.data, ...audienceForm.tiers])] : undefined}
            audienceCount={{
              value: count,
              updating: debounced.settling || preview.isFetching,
              problem: !audience
                ? "Fix the filters marked above to count the audience."
                : preview.isError
                  ? apiErrorMessage(preview.error)
                  : null,
            }}
            notice={errors.audienceNotice}
          />
        </Card>
        <div className="campaign-compose-grid">
          <Card title="Message">
            <MessageEditor business={linkBusiness} recipients={count} />
          </Card>
          <Card title="Preview per recipient" description="Exactly as three customers of this audience will get it.">
            <RecipientPreviews
              samples={preview.data?.samples ?? []}
              hasBody={body.trim() !== ""}
              audienceValid={audience !== null}
              audienceSize={count}
            />
          </Card>
        </div>
        {errors.message?.from === "save" ? (
          <Alert tone="error" title="The campaign wasn't saved">
            {errors.message.text}
          </Alert>
        ) : null}
        {saved && !isDirty ? <Alert tone="success">Saved.</Alert> : null}
        <div className="campaign-actions">
          <Button type="submit" variant={campaign ? "secondary" : "primary"} loading={pending}>
            {campaign?.status === "scheduled" ? "Save changes" : "Save draft"}
          </Button>
          <Link to="/campaigns" className={buttonClassName({ variant: "ghost" })}>
            Back to campaigns
          </Link>
        </div>
        <Card
          title="Send"
          description={`Campaigns send between ${hourText(CAMPAIGN_SENDING_HOURS.start)} and ${hourText(CAMPAIGN_SENDING_HOURS.end)} your time${
            quiet.data ? `, outside your quiet hours (${quiet.data.quietHoursStart}–${quiet.data.quietHoursEnd})` : ""
          }, at the pace your number allows.`}
        >
          {campaign ? (
            <div className="sp-stack campaign-send">
              <div>
                <Button variant="primary" onClick={() => startSend("now")} disabled={pending || schedule.isPending}>
                  Send now
                </Button>
              </div>
              <div className="campaign-schedule">
                <FormTextField
                  label="Or send at"
                  name="sendAt"
                  type="datetime-local"
                  hint={`On your business's clock: ${timeZoneName(business.timeZone)}.`}
                />
                <Button onClick={() => startSend("at")} disabled={pending || schedule.isPending}>
                  {campaign.status === "scheduled" ? "Reschedule" : "Schedule"}
                </Button>
              </div>
              {errors.message?.from === "send" ? (
                <Alert tone="error" title="The campaign wasn't sent">
                  {errors.message.text}
                </Alert>
              ) : null}
            </div>
          ) : (
            <p className="sp-muted">Save the draft first; then you can send it now or schedule it.</p>
          )}
        </Card>
      </Form>
      {sending ? (
        <SendConfirmDialog
          request={sending}
          business={business}
          bookingLink={linkBusiness.bookingLink}
          pending={schedule.isPending}
          onClose={() => setSending(null)}
          onConfirm={() => schedule.mutate({ id: sending.campaign.id, sendAt: sending.sendAt })}
        />
      ) : null}
    </div>
  );
}

/** "08:00" → "8 AM", "21:00" → "9 PM". */
function hourText(hhmm: string): string {
  const hour = Number(hhmm.slice(0, 2));
  return `${hour % 12 === 0 ? 12 : hour % 12} ${hour < 12 ? "AM" : "PM"}`;
}
