// A scenario through the real agent on the database: seeded (seed.ts), then one turn the way the
// runtime takes it (packages/sms-agent): in the tenant's transaction, the facts and the customer read
// by the runtime's loaders, the database world (createDbWorld: the booking service, bound to the
// sender), the state rebuilt from the scenario's history, runTurn. The output is the replay format
// with the scenario's own ids.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  type AgentCustomer,
  type AgentFacts,
  type AgentTurn,
  type Brain,
  factsFromScenario,
  type ReplayOutput,
  runTurn,
  type Scenario,
  scenarioTurnInput,
  toReplayOutput,
} from "@servicepro/agent";
import { type Database, openDatabase, tenantDb } from "@servicepro/db";
import { createDbWorld, loadAgentCustomer, loadAgentFacts } from "@servicepro/sms-agent";
import { type SeededScenario, seedScenario } from "./seed.ts";

/** The booking page of a throwaway database leads nowhere: the business's links are the scenario's. */
const PUBLIC_BASE_URL = "https://replay.invalid";

const MIGRATIONS = fileURLToPath(new URL("../../../prisma/migrations/", import.meta.url));

/** A digest of the migrations: a template built from other migrations is never used. */
function migrationsDigest(): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(MIGRATIONS).sort()) {
    const file = path.join(MIGRATIONS, name, "migration.sql");
    if (!existsSync(file)) continue;
    hash.update(name).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * A migrated embedded database's folder, built once per set of migrations (migrating takes 10 s or
 * more; copying the result takes a fraction of one). Built aside and renamed into place, so two
 * replays starting together never see half a template.
 */
async function migratedTemplate(): Promise<string> {
  const root = path.join(tmpdir(), "servicepro-agent-replay");
  const template = path.join(root, `pglite-${migrationsDigest()}`);
  if (existsSync(path.join(template, "PG_VERSION"))) return template;
  mkdirSync(root, { recursive: true });
  const building = mkdtempSync(path.join(root, "building-"));
  try {
    await (await openDatabase({ dataDir: building })).close();
    renameSync(building, template);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(path.join(template, "PG_VERSION"))) throw error;
  }
  return template;
}

/** A new, migrated embedded database in a temporary folder; `close()` deletes it. */
export async function openReplayDatabase(): Promise<Database> {
  const template = await migratedTemplate();
  const dir = mkdtempSync(path.join(tmpdir(), "agent-replay-"));
  try {
    cpSync(template, dir, { recursive: true });
    const db = await openDatabase({ dataDir: dir });
    return {
      ...db,
      close: async () => {
        try {
          await db.close();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * What the scenario says that the database cannot hold, given to the agent as the scenario says it:
 * tiered and hourly prices (stored as their bounds, or the rate), a price on a quote-only service,
 * the pack tone a scenario spells out, the business's links (the throwaway booking page leads
 * nowhere), and the customer's free-form profile and whether the business knows them.
 */
export type Override = { field: string; database: unknown; scenario: unknown };

function withScenarioFacts(
  loaded: AgentFacts,
  scenario: Scenario,
  seeded: SeededScenario,
): { facts: AgentFacts; overrides: Override[] } {
  const own = factsFromScenario(scenario);
  const overrides: Override[] = [];
  const services = loaded.services.map((service) => {
    const scenarioId = seeded.ids.toScenario(service.id);
    const wanted = own.services.find((s) => s.id === scenarioId);
    if (!wanted || JSON.stringify(wanted.price) === JSON.stringify(service.price)) return service;
    overrides.push({ field: `services.${scenarioId}.price`, database: service.price, scenario: wanted.price });
    return { ...service, price: wanted.price };
  });
  const business = { ...loaded.business, bookingUrl: own.business.bookingUrl, links: own.business.links };
  if (
    JSON.stringify([loaded.business.bookingUrl, loaded.business.links]) !==
    JSON.stringify([business.bookingUrl, business.links])
  )
    overrides.push({
      field: "business.links",
      database: { bookingUrl: loaded.business.bookingUrl, links: loaded.business.links },
      scenario: { bookingUrl: business.bookingUrl, links: business.links },
    });
  let tone = loaded.tone;
  if (own.tone && JSON.stringify(own.tone) !== JSON.stringify(loaded.tone)) {
    overrides.push({ field: "tone", database: loaded.tone, scenario: own.tone });
    tone = own.tone;
  }
  return { facts: { ...loaded, business, services, tone }, overrides };
}

function withScenarioCustomer(loaded: AgentCustomer, scenario: Scenario, overrides: Override[]): AgentCustomer {
  const { known, profile } = scenario.customer;
  if (loaded.known !== known) overrides.push({ field: "customer.known", database: loaded.known, scenario: known });
  if (JSON.stringify(loaded.profile) !== JSON.stringify(profile))
    overrides.push({ field: "customer.profile", database: loaded.profile, scenario: profile });
  return { ...loaded, known, profile };
}

export type DatabaseReplay = {
  output: ReplayOutput;
  /** The turn as the engine returned it (database ids). */
  turn: AgentTurn;
  seeded: SeededScenario;
  overrides: Override[];
};

/**
 * Seeds `scenario` as tenant number `index` of `db` and answers its inbound text with the real agent.
 * Writes (bookings, moves, cancels, opt-outs) land in the database, as in auto-pilot.
 */
export async function replayOnDatabase(
  db: Database,
  scenario: Scenario,
  index: number,
  options: { brain?: Brain } = {},
): Promise<DatabaseReplay> {
  const seeded = await seedScenario(db, scenario, index);
  const now = new Date(scenario.now);
  const { turn, overrides } = await tenantDb(db, seeded.tenantId).run(
    async (tx) => {
      const loaded = await loadAgentFacts(tx, { publicBaseUrl: PUBLIC_BASE_URL, now });
      const { facts, overrides } = withScenarioFacts(loaded, scenario, seeded);
      const customer = withScenarioCustomer(await loadAgentCustomer(tx, seeded.customerId, now), scenario, overrides);
      const world = createDbWorld(tx, {
        customerId: seeded.customerId,
        now,
        dryRun: false,
        messageId: seeded.inboundMessageId,
      });
      const turn = await runTurn(scenarioTurnInput(scenario, facts, customer), {
        world,
        ...(options.brain ? { brain: options.brain } : {}),
      });
      return { turn, overrides };
    },
    { timeout: 120_000 },
  );
  return { output: seeded.ids.toScenario(toReplayOutput(turn)), turn, seeded, overrides };
}
