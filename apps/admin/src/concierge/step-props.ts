import type { WizardField, WizardValues } from "./wizard-state.ts";

/**
 * What every step gets: the values, a way to change some, and the fields' errors. Steps are
 * rendered inside the wizard's react-hook-form context: plain fields use the Form* fields of
 * @servicepro/ui; choices drawn as cards or lists use `set`.
 */
export type StepProps = {
  values: WizardValues;
  set: (patch: Partial<WizardValues>) => void;
  errors: Partial<Record<WizardField, string>>;
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
