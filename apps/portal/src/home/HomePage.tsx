// /portal/<slug>: the signed-in customer's home. Their next appointment, their points, and "Book
// again": the last service on the same vehicle (pet, property) with the next open times as buttons;
// one tap on a time books it and shows what the server stored.
import {
  Alert,
  apiErrorMessage,
  apiSlotRefusal,
  Button,
  ButtonLink,
  Card,
  SlotRefusalAlert,
  Spinner,
  SuccessIcon,
} from "@servicepro/ui";
import type { PortalMe } from "@servicepro/validators";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { AppointmentSummary } from "../customer/AppointmentSummary.tsx";
import { usePortalMe, usePortalSlug } from "../customer/portal-context.ts";
import { dayShort, shortDateTime, timeLabel } from "../customer/portal-format.ts";

/** Open times offered in one tap: the next few, nearest first. */
const TIMES_SHOWN = 4;
/** How far ahead "Book again" looks for them. */
const LOOK_AHEAD_DAYS = 21;

type Rebooked = RouterOutputs["portal"]["appointments"]["rebook"];

export function HomePage() {
  const me = usePortalMe();
  const slug = usePortalSlug();
  const base = `/portal/${encodeURIComponent(slug)}`;
  const firstName = me.customer.name?.split(" ")[0];
  return (
    <>
      <title>{`Home · ${me.business.name}`}</title>
      <h1 className="portal-page__title">{firstName ? `Hi, ${firstName}` : `Welcome to ${me.business.name}`}</h1>

      <Card title="Your next appointment" headingLevel={2}>
        {me.nextAppointment ? (
          <div className="sp-stack">
            <AppointmentSummary appointment={me.nextAppointment} timeZone={me.business.timeZone} />
            <ButtonLink href={`${base}/appointments`} size="sm">
              Move or cancel
            </ButtonLink>
          </div>
        ) : (
          <p className="sp-muted">Nothing booked yet.</p>
        )}
      </Card>

      {me.rebook ? <BookAgain rebook={me.rebook} me={me} slug={slug} /> : null}

      {me.points.enabled ? (
        <Card title="Your points" headingLevel={2}>
          <div className="sp-stack">
            <p className="portal-stat">
              <span className="portal-stat__number">{me.points.balance.toLocaleString("en-US")}</span>
              <span>points{me.points.tier ? ` · ${me.points.tier}` : ""}</span>
            </p>
            <ButtonLink href={`${base}/points`} size="sm">
              See rewards
            </ButtonLink>
          </div>
        </Card>
      ) : null}
    </>
  );
}

function BookAgain({ rebook, me, slug }: { rebook: NonNullable<PortalMe["rebook"]>; me: PortalMe; slug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = me.business;
  const [range] = useState(() => {
    const from = new Date();
    return { from: from.toISOString(), to: new Date(from.getTime() + LOOK_AHEAD_DAYS * 86_400_000).toISOString() };
  });
  const availability = useQuery(
    trpc.portal.appointments.availability.queryOptions({
      slug,
      appointmentId: rebook.fromAppointmentId,
      purpose: "again",
      ...range,
    }),
  );
  const book = useMutation(trpc.portal.appointments.rebook.mutationOptions());
  const [booked, setBooked] = useState<Rebooked | null>(null);
  const [problem, setProblem] = useState<{ message: string; alternatives: string[] } | null>(null);

  const bookAt = async (startsAt: string) => {
    setProblem(null);
    try {
      const result = await book.mutateAsync({ slug, fromAppointmentId: rebook.fromAppointmentId, startsAt });
      setBooked(result);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.portal.me.queryKey({ slug }) }),
        queryClient.invalidateQueries({ queryKey: trpc.portal.appointments.pathKey() }),
      ]);
    } catch (error) {
      const refusal = apiSlotRefusal(error);
      setProblem({ message: apiErrorMessage(error), alternatives: refusal?.alternatives ?? [] });
      if (refusal) await queryClient.invalidateQueries({ queryKey: trpc.portal.appointments.availability.pathKey() });
    }
  };

  const what = [rebook.serviceName, rebook.assetLabel ? `for ${rebook.assetLabel}` : null].filter(Boolean).join(" ");
  const starts = (availability.data?.starts ?? []).slice(0, TIMES_SHOWN);

  if (booked) {
    return (
      <Card title="Book again" headingLevel={2}>
        <div className="sp-stack" role="status">
          <p className="portal-stat">
            <SuccessIcon size={22} />
            <strong>You're booked</strong>
          </p>
          <AppointmentSummary appointment={booked.appointment} timeZone={timeZone} />
          <Button type="button" size="sm" variant="secondary" onClick={() => setBooked(null)}>
            Book another
          </Button>
        </div>
      </Card>
    );
  }

  return (
    <Card title="Book again" headingLevel={2} description={`${what} · ${rebook.priceLabel}. Tap a time to book it.`}>
      <div className="sp-stack">
        {rebook.addOnNames.length > 0 ? <p className="sp-muted">With {rebook.addOnNames.join(", ")}.</p> : null}
        {availability.isPending ? (
          <Spinner label="Finding open times…" />
        ) : availability.isError ? (
          <Alert tone="error">{apiErrorMessage(availability.error)}</Alert>
        ) : starts.length === 0 ? (
          <p className="sp-muted">
            Nothing is open in the next {LOOK_AHEAD_DAYS} days. Call or text {me.business.name} to book.
          </p>
        ) : (
          <div className="portal-times" role="group" aria-label="Next open times">
            {starts.map((iso) => (
              <Button
                key={iso}
                type="button"
                variant="secondary"
                disabled={book.isPending}
                loading={book.isPending && book.variables?.startsAt === iso}
                aria-label={`Book ${rebook.serviceName} on ${shortDateTime(iso, timeZone)}`}
                onClick={() => void bookAt(iso)}
              >
                <span className="portal-time">
                  <span>{dayShort(iso, timeZone)}</span>
                  <span className="portal-time__clock">{timeLabel(iso, timeZone)}</span>
                </span>
              </Button>
            ))}
          </div>
        )}
        {problem ? (
          <SlotRefusalAlert
            message={problem.message}
            alternatives={problem.alternatives}
            label={(iso) => shortDateTime(iso, timeZone)}
            onPick={(iso) => void bookAt(iso)}
          />
        ) : null}
        <p className="sp-muted">Times are {me.business.name}'s local time.</p>
      </div>
    </Card>
  );
}
