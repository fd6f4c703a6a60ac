import type { WizardValues } from "./wizard-state.ts";

/** What every step gets: the values, a way to change some, and field errors keyed by path. */
export type StepProps = {
  values: WizardValues;
  set: (patch: Partial<WizardValues>) => void;
  errors: Record<string, string>;
};

/** Every IANA time zone the browser knows, with the chosen one kept even if it is not listed. */
export function timezoneOptions(current: string): { value: string; label: string }[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [
      "America/New_York",
      "America/Chicago",
      "America/Denver",
      "America/Phoenix",
      "America/Los_Angeles",
      "America/Anchorage",
      "Pacific/Honolulu",
    ];
  }
  if (!zones.includes(current)) zones = [current, ...zones];
  return zones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
}
