import { AppShell, Burger, Button, Group, Menu, ScrollArea, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconUser } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouteContext, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { startPage } from '../landing.js';
import { MenuLink, type NavEntry, type NavLinksProps } from '../navigation.js';
import { hasRole, useMe } from '../session.js';
import { DocumentTitle } from './DocumentTitle.js';
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

  const { navigation } = useRouteContext({ from: '__root__' });
  const entries = [...navigation].sort((a, b) => a.order - b.order);
  const main = entries.filter((entry) => entry.section !== 'administration');
  const administration = entries.filter((entry) => entry.section === 'administration');
  const links = { pathname, onNavigate: close };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            {/* Home is where one's own work starts once signed in; the network page stays in the menu. */}
            <UnstyledButton component={Link} to={me.data ? startPage(me.data) : '/'} aria-label={t('nav.home')}>
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
          <MenuEntries entries={main} links={links} />
          {hasRole(me.data, 'network_admin') && administration.length > 0 && (
            <>
              <Text size="xs" c="dimmed" mt="md" mb={4} px="sm" fw={700} tt="uppercase">
                {t('nav.administration')}
              </Text>
              <MenuEntries entries={administration} links={links} />
            </>
          )}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <DocumentTitle />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

/** The entries of one part of the menu that the reader may see. */
function MenuEntries({ entries, links }: { entries: NavEntry[]; links: NavLinksProps }) {
  const { t } = useTranslation();
  const me = useMe();
  return entries.map((entry) => {
    if ('component' in entry) return <entry.component key={`component-${entry.order}`} {...links} />;
    const visible = entry.roles === undefined || (entry.roles === 'signed-in' ? Boolean(me.data) : hasRole(me.data, ...entry.roles));
    if (!visible) return null;
    return (
      <MenuLink
        key={entry.to}
        to={entry.to}
        label={t(entry.label)}
        icon={<entry.icon size={18} />}
        active={entry.activeWhen ? entry.activeWhen(links.pathname) : links.pathname === entry.to}
        onNavigate={links.onNavigate}
      />
    );
  });
}
