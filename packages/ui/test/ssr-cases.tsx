import type { ReactElement } from 'react';
import * as ui from '../src/index.js';

type Case = [label: string, element: ReactElement, expected: RegExp];

/** Server-render cases per exported component: what it must render, with no DOM. */
export const ssrCases: Record<string, Case[]> = {
  SkipLink: [['default target', <ui.SkipLink key="a" />, /href="#main"[^>]*>Skip to main content/]],
  OfficialBanner: [
    [
      'closed disclosure',
      <ui.OfficialBanner key="a" />,
      /An official website of the City of Boston.*aria-expanded="false"/,
    ],
  ],
  SiteHeader: [
    [
      'app and department',
      <ui.SiteHeader key="a" appName="311 Case Desk" department="Public Works" />,
      /<header.*311 Case Desk.*Public Works/,
    ],
  ],
  SiteFooter: [
    [
      'links',
      <ui.SiteFooter key="a" links={[{ href: '/a11y', label: 'Accessibility' }]} />,
      /<footer.*href="\/a11y"/,
    ],
  ],
  PageLayout: [
    [
      'frame',
      <ui.PageLayout key="a">Body</ui.PageLayout>,
      /<main id="main" tabindex="-1"[^>]*>Body<\/main>/,
    ],
  ],
  Button: [
    [
      'type defaults to button',
      <ui.Button key="a">Save</ui.Button>,
      /<button type="button" class="cob-button cob-button--primary"/,
    ],
    [
      'loading',
      <ui.Button key="b" loading>
        Save
      </ui.Button>,
      /aria-disabled="true".*Loading/,
    ],
  ],
  IconButton: [
    ['named by label', <ui.IconButton key="a" label="Close" icon="x" />, /aria-label="Close"/],
  ],
  Link: [
    [
      'external',
      <ui.Link key="a" href="https://x.test" external>
        X
      </ui.Link>,
      /target="_blank" rel="noopener noreferrer"/,
    ],
  ],
  Spinner: [['status', <ui.Spinner key="a" />, /role="status".*Loading/]],
};
