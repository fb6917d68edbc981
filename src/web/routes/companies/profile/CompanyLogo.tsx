import { Avatar } from '@mantine/core';

/** A company's logo, or its initials when it has none. */
export function CompanyLogo({ name, url, size = 40 }: { name: string; url: string | null; size?: number }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');
  return (
    <Avatar src={url} alt="" size={size} radius="sm" color="teal" variant="light" styles={{ image: { objectFit: 'contain' } }}>
      {initials}
    </Avatar>
  );
}
