// Step 3: the industry pack, as cards (radio buttons underneath, for the keyboard and screen
// readers), each with a details drawer showing what the business will start with.
import "../packs/packs.css";
import { Button, LoadErrorAlert, Spinner } from "@servicepro/ui";
import { useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { countsLine } from "../packs/format.ts";
import { PackDrawer } from "../packs/PackDetails.tsx";
import type { StepProps } from "./step-props.ts";

export function PackStep({ values, set, errors }: StepProps) {
  const trpc = useTRPC();
  const packs = useQuery(trpc.admin.packs.list.queryOptions());
  const [detailsId, setDetailsId] = useState<string | null>(null);

  if (packs.isPending) {
    return (
      <div className="sp-center admin-loading">
        <Spinner label="Loading packs…" showLabel />
      </div>
    );
  }
  if (packs.isError)
    return (
      <LoadErrorAlert
        title="Packs couldn't be loaded"
        error={packs.error}
        onRetry={() => void packs.refetch()}
        retrying={packs.isFetching}
      />
    );
  const details = packs.data.find((pack) => pack.id === detailsId);
  const error = errors.packId;

  return (
    <fieldset
      className="wizard-packs"
      aria-describedby={error ? "wizard-pack-error" : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="sp-visually-hidden">Industry pack</legend>
      {error ? (
        <p id="wizard-pack-error" className="sp-field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="wizard-pack-grid">
        {packs.data.map((pack) => (
          <div key={pack.id} className="wizard-pack" data-selected={values.packId === pack.id || undefined}>
            <label className="wizard-pack__choice">
              <input
                type="radio"
                name="packId"
                value={pack.id}
                checked={values.packId === pack.id}
                // A different pack has a different default IVR mode: forget a mode picked for the old one.
                onChange={() => set({ packId: pack.id, ivrMode: null })}
              />
              <span className="wizard-pack__text">
                <span className="wizard-pack__name">{pack.name}</span>
                <span className="wizard-pack__summary">{pack.summary}</span>
                <span className="wizard-pack__meta">
                  v{pack.version} · {countsLine(pack.counts)}
                </span>
              </span>
            </label>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setDetailsId(pack.id)}
              aria-label={`Details of the ${pack.name} pack`}
            >
              Details
            </Button>
          </div>
        ))}
      </div>
      {details ? (
        <PackDrawer
          pack={details}
          onClose={() => setDetailsId(null)}
          footer={
            <Button
              variant="primary"
              onClick={() => {
                set({ packId: details.id, ivrMode: null });
                setDetailsId(null);
              }}
            >
              Use this pack
            </Button>
          }
        />
      ) : null}
    </fieldset>
  );
}
