// What each IVR mode does, in the words the owner reads before choosing one.
import type { AfterHoursMode, IvrMode } from "@servicepro/telephony/constants";

export const IVR_MODE_HELP: Record<IvrMode, { title: string; description: string }> = {
  forward: {
    title: "Forward to the business",
    description:
      "Rings the forwarding number. If nobody answers, the caller can leave a voicemail and gets the missed-call text.",
  },
  menu: {
    title: "Menu",
    description:
      "Press 1 for a booking link by text, 2 to reach the business, 3 for hours and address, 0 to leave a voicemail.",
  },
  "ai-voice": {
    title: "AI receptionist",
    description:
      "Greets callers with the business's name, answers from its FAQs and offers to text a booking link. Needs a plan with the AI receptionist; otherwise callers hear the menu.",
  },
  voicemail: {
    title: "Straight to voicemail",
    description: "Plays the greeting and records a message. Useful while the business is closed for a while.",
  },
};

export const AFTER_HOURS_HELP: Record<AfterHoursMode, string> = {
  voicemail: "Take a voicemail",
  forward: "Forward anyway (e.g. to an on-call phone)",
  menu: "Play the menu",
};
