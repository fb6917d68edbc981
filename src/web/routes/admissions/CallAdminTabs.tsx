/** Tabs of a call's administration: settings, applications, review. Placeholder until its owner lands it. */
export function CallAdminTabs(_props: { callId: string; active: 'settings' | 'applications' | 'review' }) {
  return null;
}
