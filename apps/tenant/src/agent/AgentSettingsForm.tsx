import { Alert, applyServerErrors, Button, Card, Form, FormTextField, useZodForm } from "@servicepro/ui";
import { AGENT_MODES } from "@servicepro/validators";
import { type RouterOutputs, useTRPC } from "@servicepro/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId, useState } from "react";
import { useController } from "react-hook-form";
import { brainLabel, MODE_HELP } from "./agent-format.ts";
import { type AgentSettingsFormValues, agentSettingsFormSchema, formValuesOf } from "./agent-forms.ts";

type Settings = RouterOutputs["tenant"]["agent"]["settings"]["get"];

const BRAIN_HELP: Record<Settings["brain"], string> = {
  rules:
    "Built-in rules understand the common requests in English and Spanish (book, move, cancel, prices, your FAQs) and hand anything else to your team.",
  model:
    "An AI model reads each text, limited to your own services, prices, FAQs, hours and policies; when it fails or is slow, the built-in rules answer instead.",
};

/** Mode, pause and loop limit, saved through agentSettingsInput; the page then shows what was stored. */
export function AgentSettingsForm({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(agentSettingsFormSchema, { defaultValues: formValuesOf(settings) });
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Settings | null>(null);
  const save = useMutation(
    trpc.tenant.agent.settings.update.mutationOptions({
      onSuccess: (stored) => {
        queryClient.setQueryData(trpc.tenant.agent.settings.get.queryKey(), stored);
        form.reset(formValuesOf(stored));
        setSaved(stored);
      },
      onError: (error) =>
        setFormError(applyServerErrors(form.setError, error, ["mode", "pauseMinutes", "maxRepliesPerHour"])),
    }),
  );
  const disabled = !canEdit || save.isPending;
  return (
    <Form
      form={form}
      className="sp-stack"
      aria-label="AI agent settings"
      onSubmit={(values) => {
        setFormError(null);
        setSaved(null);
        save.mutate(values);
      }}
    >
      <Card
        title="How the agent works"
        description={canEdit ? undefined : "Your business's admins can change these settings."}
      >
        <ModeChoice planAllows={settings.planAllows} disabled={disabled} />
      </Card>
      <Card title="Limits">
        <div className="agent-grid">
          <FormTextField
            label="Pause after a staff reply (minutes)"
            name="pauseMinutes"
            inputMode="numeric"
            hint="When someone on your team texts a customer, the agent stays quiet in that conversation this long."
            disabled={disabled}
          />
          <FormTextField
            label="Agent texts per conversation per hour, at most"
            name="maxRepliesPerHour"
            inputMode="numeric"
            hint="Stops runaway back-and-forth, e.g. with another business's auto-reply."
            disabled={disabled}
          />
        </div>
      </Card>
      <Card title="Who answers">
        <p className="agent-brain">
          <strong>{brainLabel(settings.brain)}.</strong> {BRAIN_HELP[settings.brain]}
        </p>
      </Card>
      {formError ? (
        <Alert tone="error" title="The settings weren't saved">
          {formError}
        </Alert>
      ) : null}
      {saved && !form.formState.isDirty ? (
        <Alert tone="success">{`Saved. The agent is ${saved.mode === "off" ? "off" : `on: ${MODE_HELP[saved.mode].title.toLowerCase()}`}.`}</Alert>
      ) : null}
      {canEdit ? (
        <div>
          <Button type="submit" variant="primary" loading={save.isPending}>
            {save.isPending ? "Saving…" : "Save agent settings"}
          </Button>
        </div>
      ) : null}
    </Form>
  );
}

/** Off / suggest / autopilot as radios with plain-words help; without aiSmsAgent only "off" can be chosen. */
function ModeChoice({ planAllows, disabled }: { planAllows: boolean; disabled: boolean }) {
  const { field, fieldState } = useController<AgentSettingsFormValues, "mode">({ name: "mode" });
  const name = useId();
  const planNoteId = `${name}-plan`;
  return (
    <fieldset className="agent-modes" aria-describedby={planAllows ? undefined : planNoteId}>
      <legend className="sp-visually-hidden">Agent mode</legend>
      {planAllows ? null : (
        <p id={planNoteId} className="agent-modes__plan">
          Your plan doesn't include the AI SMS agent, so it can only be off. <Link to="/plan">See your plan</Link> for
          the plans that include it.
        </p>
      )}
      {AGENT_MODES.map((mode) => {
        const locked = !planAllows && mode !== "off";
        return (
          <label key={mode} className={locked ? "agent-mode agent-mode--locked" : "agent-mode"}>
            <input
              type="radio"
              name={`${name}-mode`}
              value={mode}
              checked={field.value === mode}
              disabled={disabled || locked}
              onChange={() => field.onChange(mode)}
              onBlur={field.onBlur}
            />
            <span>
              <span className="agent-mode__title">
                {MODE_HELP[mode].title}
                {locked ? <span className="sp-muted"> (not in your plan)</span> : null}
              </span>
              <span className="sp-field__hint">{MODE_HELP[mode].description}</span>
            </span>
          </label>
        );
      })}
      {fieldState.error ? (
        <p className="sp-field__error" role="alert">
          {fieldState.error.message}
        </p>
      ) : null}
    </fieldset>
  );
}
