import '@cityofboston/ui/fonts.css';
import '@cityofboston/ui/styles.css';
import './app.css';
import { PageLayout, SiteFooter, SiteHeader } from '@cityofboston/ui';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import info from '../../city-app.json';
import { FocusOnNavigate } from '../client/FocusOnNavigate';
import { MainNav } from '../client/MainNav';
import { Providers } from '../client/Providers';
import { SignOutButton } from '../client/SignOutButton';
import { currentPrincipal } from '../server/session';
import { permissions } from '../server/workRequests';

export const metadata: Metadata = {
  title: { template: `%s | ${info.title} | ${info.municipality.name}`, default: info.title },
  description: `${info.title}: a ${info.department.name} app.`,
};

// Every page depends on who is signed in: rendered per request, never cached.
export const dynamic = 'force-dynamic';

/** The kit's PageLayout around every page, with the header's navigation for the signed-in person. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const principal = await currentPrincipal();
  const may = principal ? permissions(principal) : { view: false, create: false };
  const links = may.view
    ? [
        { href: '/requests', label: 'Requests' },
        ...(may.create ? [{ href: '/requests/new', label: 'New request' }] : []),
      ]
    : [];
  return (
    <html lang="en">
      <body>
        <Providers>
          <PageLayout
            header={
              <SiteHeader
                appName={info.title}
                department={info.department.name}
                cityName={info.municipality.name}
                homeHref="/"
                navigation={links.length > 0 ? <MainNav links={links} /> : undefined}
                user={
                  principal ? (
                    <div className="app-user">
                      <span data-testid="signed-in-as">{principal.name}</span>
                      <SignOutButton />
                    </div>
                  ) : undefined
                }
              />
            }
            footer={
              <SiteFooter cityName={info.municipality.name}>{info.department.name}</SiteFooter>
            }
          >
            <FocusOnNavigate />
            {children}
          </PageLayout>
        </Providers>
      </body>
    </html>
  );
}
