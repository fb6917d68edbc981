import { Tabs } from '@mantine/core';
import { IconClipboardCheck, IconFileText, IconSettings } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

type CallAdminTab = 'settings' | 'applications' | 'review';

const pathOfTab: Record<CallAdminTab, string> = {
  settings: '/admin/calls/$callId',
  applications: '/admin/calls/$callId/applications',
  review: '/admin/calls/$callId/review',
};

/** Tabs of a call's administration: its settings, its applications, the committee's review. */
export function CallAdminTabs({ callId, active }: { callId: string; active: CallAdminTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const go = (tab: string | null) => {
    if (!tab || tab === active) return;
    // The review page belongs to the committee module; the path is built the same way for every tab.
    void navigate({ to: pathOfTab[tab as CallAdminTab] as '/', params: { callId } as never });
  };
  return (
    <Tabs value={active} onChange={go} mb="md" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="settings" leftSection={<IconSettings size={16} />} data-testid="call-tab-settings">
          {t('calls.tabs.settings')}
        </Tabs.Tab>
        <Tabs.Tab value="applications" leftSection={<IconFileText size={16} />} data-testid="call-tab-applications">
          {t('calls.tabs.applications')}
        </Tabs.Tab>
        <Tabs.Tab value="review" leftSection={<IconClipboardCheck size={16} />} data-testid="call-tab-review">
          {t('calls.tabs.review')}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
