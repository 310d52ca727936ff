/**
 * Every feature, in the order the router consults them. A new feature is one file here and one line below.
 */
import type { CoreDeps } from '../deps.ts';
import { Core } from '../router.ts';
import { accountFeature } from './account.ts';
import { adminFeature } from './admin.ts';
import { linkingFeature } from './linking.ts';
import { evidenceFeature } from './evidence.ts';
import { extensionsFeature } from './extensions.ts';
import { notificationsFeature } from './notifications.ts';
import { plansFeature } from './plans.ts';
import { questionsFeature } from './questions.ts';
import { registrationFeature } from './registration.ts';
import { reportsFeature } from './reports.ts';
import { tickingFeature } from './ticking.ts';

/** The core with every feature mounted. */
export function createCore(deps: CoreDeps): Core {
  let core: Core | undefined;
  const help = questionsFeature((ctx) => core!.helpFor(ctx.actor));
  core = new Core(deps, [
    help,
    registrationFeature,
    tickingFeature,
    extensionsFeature,
    evidenceFeature,
    linkingFeature,
    notificationsFeature,
    reportsFeature,
    plansFeature,
    adminFeature,
    accountFeature,
  ]);
  return core;
}
