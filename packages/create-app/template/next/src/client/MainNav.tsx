'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The header's navigation; the current page is marked for assistive technology. */
export function MainNav({ links }: { links: { href: string; label: string }[] }) {
  const path = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="app-nav">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={path === l.href ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
