/**
 * Every feature, in the order the router consults them. A new feature is one file here and one line below.
 */
import type { CoreDeps } from '../kernel/deps.ts';
import { Router } from '../kernel/router.ts';
import { accountFeature } from './officials/account.ts';
import { adminFeature } from './officials/approvals.ts';
import { linkingFeature } from './officials/linking.ts';
import { deskFeature } from './desk/desk.ts';
import { evidenceFeature } from './tasks/evidence.ts';
import { extensionsFeature } from './tasks/extensions.ts';
import { notificationsFeature } from './officials/notifications.ts';
import { plansFeature } from './plans/plans.ts';
import { questionsFeature } from './questions/questions.ts';
import { registrationFeature } from './officials/registration.ts';
import { reportsFeature } from './plans/reports.ts';
import { tickingFeature } from './tasks/ticking.ts';

/** The core with every feature mounted. */
export function createCore(deps: CoreDeps): Router {
  let core: Router | undefined;
  const help = questionsFeature((ctx) => core!.helpFor(ctx.actor));
  core = new Router(deps, [
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
    deskFeature,
    accountFeature,
  ]);
  return core;
}
