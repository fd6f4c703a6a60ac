// /book/<slug>: a business's public booking page. One form, top to bottom as a customer thinks about
// it on a phone: what (service, add-ons, their vehicle or property), when (a day, then its open
// times from `booking.availability`), who (name, phone, email, texts), then "Book". Every time shown
// is the business's local time. `serviceId` (from `?service=`) starts the form on that service.
import "./booking.css";
import { Alert, apiErrorCode, InfoIcon, LoadErrorAlert, PageNotice, Spinner, SuccessIcon } from "@servicepro/ui";
import type { BookingCreateResult, BookingPage as BookingPageData } from "@servicepro/validators";
import { useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { PortalShell } from "../components/PortalShell.tsx";
import { NotFoundPage } from "../pages/NotFoundPage.tsx";
import { BookingForm } from "./BookingForm.tsx";
import { dateTimeLabel, formatCents } from "./booking-format.ts";

export function BookingPage({ slug, serviceId }: { slug: string; serviceId?: string }) {
  const trpc = useTRPC();
  const page = useQuery(trpc.booking.page.queryOptions({ slug }));
  const [booked, setBooked] = useState<BookingCreateResult | null>(null);
  const homeHref = `/book/${encodeURIComponent(slug)}`;

  if (page.isPending) {
    return (
      <PortalShell homeHref={homeHref}>
        <Spinner size="lg" label="Loading…" />
      </PortalShell>
    );
  }
  if (page.isError) {
    const code = apiErrorCode(page.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") return <NotFoundPage />;
    return (
      <PortalShell homeHref={homeHref}>
        <title>Book online · ServicePro</title>
        <LoadErrorAlert
          title="This page couldn't load"
          error={page.error}
          onRetry={() => void page.refetch()}
          retrying={page.isFetching}
        />
      </PortalShell>
    );
  }

  const data: BookingPageData = page.data;
  const { name } = data.business;
  return (
    <PortalShell businessName={name} homeHref={homeHref}>
      <title>{`Book online · ${name}`}</title>
      {booked ? (
        <BookingConfirmation result={booked} />
      ) : !data.onlineBookingEnabled ? (
        <PageNotice
          className="portal-message"
          icon={<InfoIcon size={22} />}
          title={`${name} isn't taking bookings online right now`}
          description={<p>Call or text {name} to book an appointment.</p>}
        />
      ) : (
        <div className="book">
          <header className="book__header">
            <h1 className="book__title">Book with {name}</h1>
            <p className="sp-muted">Choose a service and a time. Times are {name}'s local time.</p>
          </header>
          <BookingForm
            slug={slug}
            page={data}
            onBooked={setBooked}
            {...(serviceId ? { initialServiceId: serviceId } : {})}
          />
          <BookingPolicies page={data} />
        </div>
      )}
    </PortalShell>
  );
}

function BookingPolicies({ page }: { page: BookingPageData }) {
  const { policies } = page;
  const lines = [
    policies.depositCents > 0 ? `A deposit of ${formatCents(policies.depositCents)} is due when you book.` : null,
    policies.cancellationFeeCents > 0
      ? `Cancelling less than ${policies.cancellationWindowHours} hours before your appointment costs ${formatCents(policies.cancellationFeeCents)}.`
      : `You can cancel up to ${policies.cancellationWindowHours} hours before your appointment.`,
  ].filter((line): line is string => line !== null);
  return (
    <section className="book__policies" aria-label="Booking policies">
      {lines.map((line) => (
        <p key={line} className="sp-muted">
          {line}
        </p>
      ))}
    </section>
  );
}

/** What the server stored: the status it answered with, never what the form sent. */
export function BookingConfirmation({ result }: { result: BookingCreateResult }) {
  return (
    <div className="book book--done">
      <SuccessIcon size={28} />
      <h1 className="book__title">You're booked</h1>
      <p className="book__summary">
        <strong>{result.serviceName}</strong> with {result.businessName} on{" "}
        <strong>{dateTimeLabel(result.startsAt, result.timeZone)}</strong>.
      </p>
      <p className="sp-muted">Estimated price: {result.priceLabel}.</p>
      {result.depositCents > 0 ? (
        <p className="sp-muted">A deposit of {formatCents(result.depositCents)} is due.</p>
      ) : null}
      <Alert tone={result.textsEnabled ? "success" : "info"}>
        {result.textsEnabled
          ? `${result.businessName} will text you a confirmation and a reminder before your appointment.`
          : `You chose not to get texts, so ${result.businessName} won't text you about this appointment.`}
      </Alert>
    </div>
  );
}
