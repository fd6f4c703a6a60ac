/**
 * The labelled data itself: it loads, it is as large and as varied as the issue asks, and every
 * label is consistent with the safety checker (the outcome a label describes is safe), so a
 * violation in the evaluation is the agent's, not the data's.
 */
import { describe, expect, it } from "vitest";
import type { ReplayOutput } from "../scenario.ts";
import { loadSet } from "./files.ts";
import { checkSafety } from "./safety.ts";
import { isOptOutCase } from "./score.ts";

const dev = loadSet("dev");
const hostile = loadSet("hostile");

describe("the evaluation data", () => {
  it("has the sizes and the variety the issue asks for", () => {
    expect(dev.cases.length).toBeGreaterThanOrEqual(250);
    expect(dev.flows.length).toBeGreaterThanOrEqual(40);
    expect(hostile.cases.length).toBeGreaterThanOrEqual(60);
    const industries = new Set(dev.cases.map((c) => c.scenario.tenant.industry));
    expect(industries.size).toBeGreaterThanOrEqual(6);
    const zones = new Set(dev.cases.map((c) => c.scenario.tenant.timezone));
    for (const zone of [
      "America/New_York",
      "America/Chicago",
      "America/Denver",
      "America/Phoenix",
      "America/Los_Angeles",
    ]) {
      expect(zones).toContain(zone);
    }
    const tags = new Set(dev.cases.flatMap((c) => c.tags));
    for (const tag of [
      "relative-date",
      "dst",
      "zones",
      "closed-day",
      "fully-booked",
      "ambiguous-service",
      "several-appointments",
      "unknown-number",
      "quote-only",
      "unanswerable",
      "spanish",
      "spanglish",
      "voice-to-text",
      "reminder-reply",
      "double-text",
      "greeting",
      "complaint",
      "human",
      "optout",
      "price",
      "faq",
      "cancel",
      "reschedule",
      "proposal-answer",
      "pick-offered",
    ]) {
      expect(tags, tag).toContain(tag);
    }
    expect(dev.cases.filter(isOptOutCase).length).toBeGreaterThanOrEqual(20);
  });

  it("labels only services, appointments and starts the scenario has", () => {
    for (const c of [...dev.cases, ...hostile.cases]) {
      const services = c.scenario.tenant.services.map((s) => s.id);
      if (c.expect.service) expect(services, c.id).toContain(c.expect.service);
      if (c.expect.appointmentId) {
        expect(
          c.scenario.customer.upcomingAppointments.map((a) => a.id),
          c.id,
        ).toContain(c.expect.appointmentId);
      }
      for (const start of c.expect.starts?.exact ?? []) {
        expect(new Date(start).getTime(), c.id).toBeGreaterThan(new Date(c.scenario.now).getTime());
      }
    }
    for (const f of dev.flows)
      expect(
        f.scenario.tenant.services.map((s) => s.id),
        f.id,
      ).toContain(f.expect.service);
  });

  it("describes outcomes the safety checker accepts", () => {
    for (const c of [...dev.cases, ...hostile.cases]) {
      const kinds = c.expect.writes ?? [];
      if (kinds.includes("appointment.reschedule")) continue; // the label does not carry the new start
      const appointmentId = c.expect.appointmentId ?? "apt-new";
      const start = c.expect.starts?.exact?.[0] ?? c.expect.starts?.within?.[0] ?? c.scenario.now;
      const writes = kinds.map((kind) =>
        kind === "appointment.book"
          ? { kind, appointmentId: "apt-new", serviceId: c.expect.service ?? "", start, addOnIds: [] }
          : kind === "handoff"
            ? { kind, reason: "label" }
            : kind === "optout"
              ? { kind }
              : { kind, appointmentId, feeCents: 0 },
      );
      const ideal: ReplayOutput = {
        intent: c.expect.intent?.[0] ?? "other",
        secondaryIntents: [],
        action: c.expect.action?.[0] ?? "none",
        reply: null,
        toolCalls: [],
        writes,
        proposedStarts: [],
        appointmentId: c.expect.appointmentId ?? null,
        service: c.expect.service ?? null,
        brain: "rules",
      };
      expect(checkSafety(c.scenario, ideal, c.expect.safety).violations, c.id).toEqual([]);
    }
  });
});
