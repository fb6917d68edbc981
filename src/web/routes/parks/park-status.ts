import type { Park } from '../../../contracts/parks.js';

/** The colour of a park's status badge, on the network's cards and on the park's page. */
export function parkStatusColor(status: Park['status']) {
  return status === 'open' ? 'teal' : status === 'planned' ? 'violet' : 'orange';
}
