import { defineModule } from '../../platform/module.js';
import { parkAuditMessages } from './audit-messages.js';
import { parkAuditNames } from './audit-names.js';
import { seedDemoParks } from './demo.js';
import { parkLabelMessages } from './label-messages.js';
import { parkMessages } from './messages.js';
import { registerBuildingRoutes, registerParkRoutes, registerSpaceRoutes } from './routes.js';
import * as tables from './schema.js';
import { parkChoices, parkNames } from './service.js';
import { spaceImportMessages } from './space-import/messages.js';
import { registerSpaceImportRoutes } from './space-import/routes.js';

/** The network's parks, their buildings, floors and spaces, and the regional roadmap. */
export const parksModule = defineModule({
  name: 'parks',
  tables,
  messages: [parkMessages, parkLabelMessages, parkAuditMessages, spaceImportMessages],
  scopes: { park: { names: parkNames, choices: parkChoices } },
  routes: async (app, deps) => {
    await registerParkRoutes(app, deps);
    await registerBuildingRoutes(app, deps);
    await registerSpaceRoutes(app, deps);
    await registerSpaceImportRoutes(app, deps);
  },
  auditNames: parkAuditNames,
  demo: seedDemoParks,
});

export { regionLabel, sectorLabel, sectorLabels } from './labels.js';
// What other modules may use of parks.
export { findPark, listParkRefs, type ParkRow, parkChoices, parkNameOf, parkNames } from './service.js';
export { getSpace } from './spaces-service.js';
