import { Alert, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ParkDetail } from '../../../contracts/parks.js';
import { pickText } from '../../../shared/localized-text.js';
import { ApiError, api } from '../../api.js';
import { usePageName } from '../../components/DocumentTitle.js';
import { Loading } from '../../components/Loading.js';
import { NotFoundPage } from '../../components/NotFoundPage.js';
import { currentLocale } from '../../i18n/index.js';
import { hasRole, useMe } from '../../session.js';
import { BuildingsPanel } from './BuildingsPanel.js';
import { ParkAbout } from './ParkAbout.js';
import { ParkForm } from './ParkForm.js';
import { ParkHeader } from './ParkHeader.js';
import { ParkStats } from './ParkStats.js';
import { SpacesTable } from './SpacesTable.js';

export function ParkPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { park: reference } = useParams({ from: '/parks/$park' });
  const me = useMe();
  const [editing, edit] = useDisclosure(false);
  const park = useQuery({
    queryKey: ['park', reference, locale, me.data?.user.id],
    queryFn: () => api.get<ParkDetail>(`/parks/${reference}`),
  });
  usePageName(park.data && pickText(park.data.name, locale));

  if (park.error instanceof ApiError && park.error.status === 404) return <NotFoundPage />;
  if (!park.data) return <Loading />;
  const data = park.data;

  return (
    <Stack gap="lg">
      <ParkHeader park={data} onEdit={edit.open} />
      <ParkStats park={data} />
      <ParkAbout park={data} />
      {data.status !== 'open' && data.buildings.length === 0 && <Alert color="violet">{t('park.plannedNotice')}</Alert>}
      {(data.buildings.length > 0 || data.canManage) && <BuildingsPanel park={data} />}
      {(data.stats.spaceCount > 0 || data.canManage) && <SpacesTable park={data} />}
      {editing && <ParkForm park={data} opened={editing} onClose={edit.close} isNetworkAdmin={hasRole(me.data, 'network_admin')} />}
    </Stack>
  );
}
