// /portal/<slug>/profile: the customer's name and email, whether the business may text them (an
// opt-out or opt-in the business's consent record keeps), whether it may text them offers (a
// separate, marketing consent), and signing out here or everywhere.
import "./profile.css";
import {
  Alert,
  apiErrorMessage,
  applyServerErrors,
  Button,
  Card,
  Form,
  FormTextField,
  useZodForm,
} from "@servicepro/ui";
import { portalOffersConsentText, portalProfileInput, portalTextsConsentText } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useResetPortal } from "../customer/CustomerGate.tsx";
import { usePortalMe, usePortalSlug } from "../customer/portal-context.ts";
import { dateLabel, phoneLabel, shortDateTime } from "../customer/portal-format.ts";

const profileForm = portalProfileInput.pick({ name: true, email: true });

export function ProfilePage() {
  const me = usePortalMe();
  const { name: businessName } = me.business;
  return (
    <>
      <title>{`Profile · ${businessName}`}</title>
      <h1 className="portal-page__title">Your profile</h1>
      <DetailsCard />
      <TextsCard />
      <OffersCard />
      <SignOutCard />
    </>
  );
}

function DetailsCard() {
  const me = usePortalMe();
  const slug = usePortalSlug();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(profileForm, {
    defaultValues: { name: me.customer.name ?? "", email: me.customer.email ?? "" },
  });
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string } | null>(null);
  const update = useMutation(trpc.portal.profile.update.mutationOptions());

  return (
    <Card title="Your details" headingLevel={2}>
      <Form
        form={form}
        className="sp-stack"
        aria-label="Your details"
        onSubmit={async (values) => {
          setOutcome(null);
          try {
            await update.mutateAsync({ slug, name: values.name, email: values.email });
            await queryClient.invalidateQueries({ queryKey: trpc.portal.me.queryKey({ slug }) });
            setOutcome({ tone: "success", message: "Saved." });
          } catch (error) {
            const message = applyServerErrors(form.setError, error, ["name", "email"]);
            if (message) setOutcome({ tone: "error", message });
          }
        }}
      >
        <FormTextField name="name" label="Name" autoComplete="name" />
        <FormTextField name="email" label="Email (optional)" type="email" autoComplete="email" />
        <p className="sp-muted">
          Mobile number: {phoneLabel(me.customer.phone)}. To change it, ask {me.business.name}: it's how you sign in.
        </p>
        {outcome ? (
          <Alert tone={outcome.tone} role={outcome.tone === "error" ? "alert" : "status"}>
            {outcome.message}
          </Alert>
        ) : null}
        <div className="portal-actions">
          <Button type="submit" variant="primary" loading={update.isPending}>
            Save details
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function TextsCard() {
  const me = usePortalMe();
  const slug = usePortalSlug();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setTexts = useMutation(trpc.portal.profile.setTexts.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const hintId = useId();
  const allowed = me.customer.textsAllowed;
  const business = me.business.name;

  const change = async (allow: boolean) => {
    setProblem(null);
    setNote(null);
    try {
      setNote((await setTexts.mutateAsync({ slug, allow })).note);
    } catch (error) {
      setProblem(apiErrorMessage(error));
    }
    // The switch shows what the business's record says, never what was asked for.
    await queryClient.invalidateQueries({ queryKey: trpc.portal.me.queryKey({ slug }) });
  };

  return (
    <Card title="Texts" headingLevel={2}>
      <div className="sp-stack">
        <label className="portal-switch">
          <input
            type="checkbox"
            role="switch"
            checked={allowed}
            aria-checked={allowed}
            aria-describedby={hintId}
            disabled={setTexts.isPending}
            onChange={(event) => void change(event.target.checked)}
          />
          <span className="portal-switch__track" aria-hidden="true" />
          <span>Texts from {business}</span>
        </label>
        <p id={hintId} className="sp-muted">
          {allowed
            ? `On: ${business} texts you confirmations, reminders and sign-in codes at ${phoneLabel(me.customer.phone)}. Turning this off is the same as replying STOP.`
            : `Off: ${business} won't text you, and you'll sign in with an email link instead of a texted code. Turning texts on means: ${portalTextsConsentText(business)}`}
        </p>
        {note ? <Alert tone="info">{note}</Alert> : null}
        {problem ? (
          <Alert tone="error" role="alert">
            {problem}
          </Alert>
        ) : null}
      </div>
    </Card>
  );
}

function OffersCard() {
  const me = usePortalMe();
  const slug = usePortalSlug();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setOffers = useMutation(trpc.portal.profile.setOffers.mutationOptions());
  const [problem, setProblem] = useState<string | null>(null);
  const hintId = useId();
  const allowed = me.customer.offersAllowed;
  const textsOn = me.customer.textsAllowed;
  const business = me.business.name;

  const change = async (allow: boolean) => {
    setProblem(null);
    try {
      await setOffers.mutateAsync({ slug, allow });
    } catch (error) {
      setProblem(apiErrorMessage(error));
    }
    await queryClient.invalidateQueries({ queryKey: trpc.portal.me.queryKey({ slug }) });
  };

  return (
    <Card title="Offers by text" headingLevel={2}>
      <div className="sp-stack">
        <label className="portal-switch">
          <input
            type="checkbox"
            role="switch"
            checked={allowed}
            aria-checked={allowed}
            aria-describedby={hintId}
            // Offers come by text: with texts off they are off too (STOP revokes both), and stay so.
            disabled={setOffers.isPending || !textsOn}
            onChange={(event) => void change(event.target.checked)}
          />
          <span className="portal-switch__track" aria-hidden="true" />
          <span>Offers and news from {business}</span>
        </label>
        <p id={hintId} className="sp-muted">
          {!textsOn
            ? "Offers come by text: turn texts on above first."
            : allowed
              ? `On: ${business} may text you offers and news. Turning this off keeps your appointment texts.`
              : `Off: no offers by text. Turning this on means: ${portalOffersConsentText(business)}`}
        </p>
        {problem ? (
          <Alert tone="error" role="alert">
            {problem}
          </Alert>
        ) : null}
      </div>
    </Card>
  );
}

function SignOutCard() {
  const me = usePortalMe();
  const slug = usePortalSlug();
  const trpc = useTRPC();
  const reset = useResetPortal();
  const [problem, setProblem] = useState<string | null>(null);
  const onSuccess = () => void reset();
  const onError = (error: unknown) => setProblem(apiErrorMessage(error));
  const signOut = useMutation(trpc.portal.auth.signOut.mutationOptions({ onSuccess, onError }));
  const everywhere = useMutation(trpc.portal.auth.signOutEverywhere.mutationOptions({ onSuccess, onError }));

  return (
    <Card title="Signing out" headingLevel={2}>
      <div className="sp-stack">
        <p className="sp-muted">
          {me.session.remembered
            ? `This device is remembered until ${dateLabel(me.session.expiresAt, me.business.timeZone)}.`
            : `You'll be signed out on this device ${shortDateTime(me.session.expiresAt, me.business.timeZone)}.`}{" "}
          Signing out of every device also ends sessions on phones or computers you no longer have.
        </p>
        {problem ? (
          <Alert tone="error" role="alert">
            {problem}
          </Alert>
        ) : null}
        <div className="portal-actions">
          <Button
            type="button"
            variant="secondary"
            loading={signOut.isPending}
            onClick={() => signOut.mutate({ slug })}
          >
            Sign out
          </Button>
          <Button
            type="button"
            variant="danger"
            loading={everywhere.isPending}
            onClick={() => everywhere.mutate({ slug })}
          >
            Sign out of every device
          </Button>
        </div>
      </div>
    </Card>
  );
}
