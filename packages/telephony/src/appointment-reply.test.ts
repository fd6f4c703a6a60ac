import { describe, expect, it } from "vitest";
import { classifyAppointmentReply } from "./appointment-reply.ts";

describe("classifyAppointmentReply", () => {
  it.each(["C", "c", " c ", "Confirm", "CONFIRM!", "yes", "Yes.", "confirmar", "Sí", "si"])(
    "should read %j as a confirmation",
    (body) => expect(classifyAppointmentReply(body)).toBe("confirm"),
  );

  it.each(["R", "r", "Reschedule", "reschedule?", "cambiar", "CAMBIAR", "¿cambiar?"])(
    "should read %j as a request to reschedule",
    (body) => expect(classifyAppointmentReply(body)).toBe("reschedule"),
  );

  it.each(["", "can we do 3pm instead", "c u later", "yes please call me", "cancel", "STOP", "Rr"])(
    "should leave %j to a person",
    (body) => expect(classifyAppointmentReply(body)).toBeNull(),
  );
});
