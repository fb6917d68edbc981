import { AppShell, Burger, Button, Group, Menu, NavLink, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingCommunity,
  IconChevronDown,
  IconClipboardCheck,
  IconHistory,
  IconListNumbers,
  IconMail,
  IconMap2,
  IconReportAnalytics,
  IconSend,
  IconUser,
  IconUsers,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { CallNavLinks } from '../routes/admissions/CallNavLinks.js';
import { CompanyNavLinks } from '../routes/companies/CompanyNavLinks.js';
import { hasRole, useMe } from '../session.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const navigate = useNavigate();
  const client = useQueryClient();

  const signOut = async () => {
    await api.post('/auth/sign-out');
    await client.resetQueries();
    await navigate({ to: '/' });
  };

  const link = (to: string, label: string, icon: React.ReactNode) => (
    <NavLink key={to} component={Link} to={to} label={label} leftSection={icon} active={pathname === to} onClick={close} />
  );
  const managedParks = me.data?.grants.filter((grant) => grant.role === 'park_manager' && grant.scopeId) ?? [];

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <UnstyledButton component={Link} to="/" aria-label={t('nav.home')}>
              <Text fw={800} size="lg" c="teal.9" visibleFrom="xs">
                Technopark
              </Text>
              <Text fw={800} size="lg" c="teal.9" hiddenFrom="xs">
                TP
              </Text>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            {me.data ? (
              <Menu position="bottom-end">
                <Menu.Target>
                  <UnstyledButton data-testid="user-menu" aria-label={t('nav.account')}>
                    <Group gap={4} wrap="nowrap">
                      <IconUser size={18} />
                      <Text size="sm" visibleFrom="sm">
                        {me.data.user.name}
                      </Text>
                      <IconChevronDown size={14} />
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item component={Link} to="/account">
                    {t('nav.account')}
                  </Menu.Item>
                  <Menu.Item onClick={signOut} data-testid="sign-out">
                    {t('auth.signOut')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : (
              <Button component={Link} to="/sign-in" size="xs" variant="light" px="xs">
                {t('auth.signIn')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <ScrollArea>
          {link('/', t('nav.network'), <IconMap2 size={18} />)}
          {managedParks.map((grant) =>
            link(`/parks/${grant.scopeId}`, grant.scopeName ?? t('nav.myPark'), <IconBuildingCommunity size={18} />),
          )}
          <CallNavLinks pathname={pathname} onNavigate={close} />
          <CompanyNavLinks pathname={pathname} onNavigate={close} />
          {hasRole(me.data, 'network_admin', 'park_manager') &&
            link('/companies/reporting', t('reports.nav'), <IconReportAnalytics size={18} />)}
          {hasRole(me.data, 'committee_member') && link('/reviews', t('reviews.nav'), <IconClipboardCheck size={18} />)}
          {hasRole(me.data, 'network_admin', 'park_manager', 'program_officer') &&
            link('/waiting-list', t('waitingList.nav'), <IconListNumbers size={18} />)}
          {hasRole(me.data, 'network_admin') && (
            <>
              <Text size="xs" c="dimmed" mt="md" mb={4} px="sm" fw={700} tt="uppercase">
                {t('nav.administration')}
              </Text>
              {link('/admin/people', t('nav.people'), <IconUsers size={18} />)}
              {link('/admin/invitations', t('nav.invitations'), <IconSend size={18} />)}
              {link('/admin/audit', t('nav.audit'), <IconHistory size={18} />)}
              {link('/admin/outbox', t('nav.outbox'), <IconMail size={18} />)}
            </>
          )}
          {me.data && link('/account', t('nav.account'), <IconUser size={18} />)}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
