import { useTRPC } from "@servicepro/web";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { type CatalogNames, NO_NAMES } from "./agent-format.ts";

/**
 * Service and add-on names by id, for describing what the agent would book. Loaded only when a
 * write names one by id; until then (or if the catalog can't load) the sentence says "a job".
 */
export function useCatalogNames(enabled: boolean): CatalogNames {
  const trpc = useTRPC();
  const services = useQuery({ ...trpc.tenant.catalog.services.queryOptions(), enabled });
  const addOns = useQuery({ ...trpc.tenant.catalog.addOns.queryOptions(), enabled });
  return useMemo(
    () =>
      services.data || addOns.data
        ? {
            services: new Map((services.data ?? []).map((service) => [service.id, service.name])),
            addOns: new Map((addOns.data ?? []).map((addOn) => [addOn.id, addOn.name])),
          }
        : NO_NAMES,
    [services.data, addOns.data],
  );
}
