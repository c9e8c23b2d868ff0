/**
 * The background worker's work, apart from the browser APIs (the entrypoint
 * wires those in), put together from its parts: the door that checks each
 * message's sender and shape (door.ts), the routes that act on them
 * (routes.ts), judging an encounter (evaluate.ts), each tab's review state and
 * badge (tab-states.ts), and encounter pseudonyms (encounter-ids.ts).
 */
import type { Broadcast } from '../messages';
import type { ContentProtocol, PageProtocol, WorkerAnswer } from '../protocol';
import { createPseudonyms, memoryKeyStore, type Pseudonyms } from './pseudonym';
import { createDoor, type DoorDeps, type Sender } from './door';
import { createEncounterIds } from './encounter-ids';
import { createEvaluator, type EvaluateDeps } from './evaluate';
import { contentRoutes, pageRoutes, type RoutesDeps } from './routes';
import { createTabStates, type TabStateStore } from './tab-states';

export type { Sender };

export interface WorkerDeps
  extends Pick<DoorDeps, 'extensionId' | 'allowedPatterns'>, Omit<EvaluateDeps, 'now'>, Omit<RoutesDeps, 'now'> {
  setBadge(tabId: number, errors: number): void;
  /** Tab states survive a worker restart here (storage.session: memory only, never disk). */
  stateStore?: TabStateStore;
  broadcast?(message: Broadcast): void;
  now?(): Date;
  /** Encounter pseudonyms under the install's key (pseudonym.ts); without, a key of this worker's own, in memory. */
  pseudonyms?: Pseudonyms;
}

/** A message as a test or the entrypoint hands it over: typed when it is one of the protocol's. */
interface Handle {
  <K extends keyof ContentProtocol>(
    message: ContentProtocol[K]['sent'] & { type: K },
    sender: Sender,
  ): Promise<ContentProtocol[K]['answer']>;
  <K extends keyof PageProtocol>(
    message: PageProtocol[K]['sent'] & { type: K },
    sender: Sender,
  ): Promise<PageProtocol[K]['answer']>;
  (message: unknown, sender: Sender): Promise<WorkerAnswer>;
}

export function createWorker(deps: WorkerDeps) {
  const now = () => deps.now?.() ?? new Date();
  const tabs = createTabStates(deps);
  const ids = createEncounterIds(deps.dismissals, deps.pseudonyms ?? createPseudonyms(memoryKeyStore()));
  const evaluate = createEvaluator({ ...deps, now }, tabs, ids);
  // The routes are checked against the protocol's map (Routes), so the door's answer to a message of
  // the map is that message's answer: `Handle` says so to callers holding a typed message.
  const handle = createDoor(deps, {
    content: contentRoutes({ ...deps, now }, { tabs, ids, evaluate }),
    pages: pageRoutes({ ...deps, now }, { tabs, ids }),
  }) as Handle;
  return {
    /** Answers a message from `sender`: never rejects. */
    handle,
    forgetTab: (tabId: number) => tabs.forget(tabId),
  };
}
