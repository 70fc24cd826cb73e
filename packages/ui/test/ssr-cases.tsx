import type { ReactElement } from 'react';
import * as ui from '../src/index.js';
import { MILLBROOK } from '../src/municipality/examples/millbrook.js';

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
  CharacterCount: [
    [
      'count described',
      <ui.CharacterCount key="a" id="d" label="Details" maxCharacters={10} defaultValue="abc" />,
      /aria-describedby="d-count".*7 characters remaining/,
    ],
  ],
  BackLink: [
    [
      'default label',
      <ui.BackLink key="a" href="/prev" />,
      /<a class="cob-back-link" href="\/prev">.*Back<\/a>/,
    ],
  ],
  Panel: [
    [
      'heading and body',
      <ui.Panel key="a" title="Done">
        Ref 42
      </ui.Panel>,
      /<h1 class="cob-panel__title">Done<\/h1>.*Ref 42/,
    ],
  ],
  InsetText: [['text', <ui.InsetText key="a">Note</ui.InsetText>, /cob-inset-text">Note/]],
  WarningText: [
    [
      'spoken prefix',
      <ui.WarningText key="a">Fine</ui.WarningText>,
      /aria-hidden="true">!<\/span>.*Warning: <\/span>Fine/,
    ],
  ],
  PhaseBanner: [
    [
      'phase tag',
      <ui.PhaseBanner key="a" phase="beta">
        New
      </ui.PhaseBanner>,
      /cob-tag[^>]*>Beta<\/strong>/,
    ],
  ],
  NotificationBanner: [
    [
      'labelled region',
      <ui.NotificationBanner key="a">Hi</ui.NotificationBanner>,
      /<section[^>]*aria-labelledby="([^"]+)".*id="\1">Important/,
    ],
  ],
  SummaryCard: [
    [
      'title and actions',
      <ui.SummaryCard key="a" title="Contact" actions={[{ href: '/c', label: 'Change' }]}>
        x
      </ui.SummaryCard>,
      /<section[^>]*aria-labelledby.*Change<span class="cob-visually-hidden"> \(Contact\)/,
    ],
  ],
  TaskList: [
    [
      'status describes link',
      <ui.TaskList key="a" items={[{ title: 'Details', href: '/d', status: 'completed' }]} />,
      /aria-describedby="([^"]+)">Details<\/a>.*id="\1"[^>]*>Completed/,
    ],
  ],
  Table: [
    [
      'row headers',
      <ui.Table
        key="a"
        caption="Fees"
        columns={[
          { id: 'a', header: 'A' },
          { id: 'b', header: 'B', numeric: true },
        ]}
        rows={[{ a: 'x', b: '1' }]}
      />,
      /<section class="cob-table-wrap" aria-labelledby.*<caption.*Fees.*<th scope="row"[^>]*>x<\/th><td class="cob-table__cell cob-table__cell--numeric">1/,
    ],
  ],
  Stack: [
    [
      'gap token',
      <ui.Stack key="a" gap={2}>
        x
      </ui.Stack>,
      /class="cob-stack" style="--cob-stack-gap:var\(--cob-space-2\)"/,
    ],
  ],
  Grid: [
    [
      'min width',
      <ui.Grid key="a" minColumnWidth="10rem">
        x
      </ui.Grid>,
      /--cob-grid-min:10rem/,
    ],
  ],
  Prose: [
    [
      'wrapper',
      <ui.Prose key="a">
        <p>x</p>
      </ui.Prose>,
      /cob-prose"><p>x/,
    ],
  ],
  Heading: [
    [
      'level, size and caption',
      <ui.Heading key="a" level={2} size="xl" caption="Step 1">
        Name
      </ui.Heading>,
      /<h2 class="cob-heading cob-heading--xl"><span class="cob-heading__caption">Step 1<\/span> (<!-- -->)?Name<\/h2>/,
    ],
  ],
  ServiceNavigation: [
    [
      'all links before hydration',
      <ui.ServiceNavigation
        key="a"
        items={[
          { href: '/', label: 'Home', current: true },
          { href: '/a', label: 'Apply' },
        ]}
      />,
      /<nav[^>]*aria-label="Service"><ul[^>]*class="cob-service-nav__list">.*aria-current="page"[^>]*>Home.*Apply/,
    ],
  ],
  PasswordInput: [
    [
      'hidden by default',
      <ui.PasswordInput key="a" id="pw" label="Password" />,
      /type="password".*autoComplete="current-password".*aria-controls="pw"[^>]*>Show<\/button>/,
    ],
  ],
  ExitThisPage: [
    [
      'link that works without JS',
      <ui.ExitThisPage key="a" href="https://www.weather.gov" />,
      /<a href="https:\/\/www.weather.gov" role="button"[^>]*>Exit this page/,
    ],
  ],
  CookieBanner: [
    [
      'question',
      <ui.CookieBanner key="a" title="Cookies" cookiesHref="/c" onChoice={() => {}}>
        Why
      </ui.CookieBanner>,
      /<section[^>]*aria-labelledby.*Accept additional cookies.*Reject additional cookies.*href="\/c"/,
    ],
  ],
  Search: [
    [
      'landmark and label',
      <ui.Search key="a" action="/s" />,
      // Attribute order is React's (it moves a form's action and method last): match any order.
      /<form(?=[^>]*action="\/s")(?=[^>]*method="get")[^>]*role="search".*<label[^>]*>Search<\/label>.*type="search".*name="q"/,
    ],
  ],
  LanguageSelector: [
    [
      'lang and current',
      <ui.LanguageSelector
        key="a"
        current="es"
        languages={[
          { code: 'en', name: 'English', href: '/en' },
          { code: 'es', name: 'Español', href: '/es' },
        ]}
      />,
      /hrefLang="es" lang="es" aria-current="true"[^>]*>Español/,
    ],
  ],
  InPageNavigation: [
    [
      'contents',
      <ui.InPageNavigation key="a" items={[{ id: 'fees', label: 'Fees' }]} />,
      /<nav[^>]*aria-label="Contents">.*href="#fees"/,
    ],
  ],
  Toggletip: [
    [
      'closed with empty live region',
      <ui.Toggletip key="a">Tip</ui.Toggletip>,
      /aria-expanded="false".*More information.*role="status"[^>]*><\/span>/,
    ],
  ],
  TimeInput: [
    [
      'hours and minutes',
      <ui.TimeInput key="a" legend="Time" name="t" id="t" />,
      /<legend.*Time.*for="t"[^>]*>Hours.*name="t-hours".*Minutes.*name="t-minutes"/,
    ],
  ],
  DateRange: [
    [
      'two fields',
      <ui.DateRange key="a" legend="Closure" name="c" />,
      /<legend[^>]*>Closure.*Start date.*End date/,
    ],
  ],
  TextField: [
    [
      'label, hint and error wired',
      <ui.TextField
        key="a"
        id="email"
        label="Email"
        hint="We reply here"
        error="Enter an email"
        required
      />,
      /<label[^>]*for="email"[^>]*>Email.*cob-field__required.*required.*aria-describedby="email-hint email-error" aria-invalid="true"/,
    ],
  ],
  TextArea: [
    [
      'count',
      <ui.TextArea key="a" label="Details" maxCharacters={10} defaultValue="abc" />,
      /7 characters remaining/,
    ],
  ],
  Select: [
    [
      'options',
      <ui.Select
        key="a"
        label="Dept"
        placeholder="Choose"
        options={[{ value: 'PWD', label: 'Public Works' }]}
      />,
      /<select.*<option value="">Choose<\/option><option value="PWD">/,
    ],
  ],
  Checkbox: [['checkbox', <ui.Checkbox key="a" label="Agree" />, /type="checkbox".*Agree/]],
  CheckboxGroup: [
    [
      'fieldset',
      <ui.CheckboxGroup
        key="a"
        legend="Contact"
        name="c"
        options={[{ value: 'e', label: 'Email' }]}
        defaultValue={['e']}
      />,
      /<fieldset.*<legend.*Contact.*checked=""/,
    ],
  ],
  RadioGroup: [
    [
      'fieldset',
      <ui.RadioGroup key="a" legend="Urgency" name="u" options={[{ value: 'l', label: 'Low' }]} />,
      /<fieldset.*type="radio" name="u" value="l"/,
    ],
  ],
  Fieldset: [
    [
      'legend',
      <ui.Fieldset key="a" legend="Address">
        x
      </ui.Fieldset>,
      /<fieldset class="cob-fieldset"><legend[^>]*>Address/,
    ],
  ],
  ErrorSummary: [
    [
      'links',
      <ui.ErrorSummary key="a" errors={[{ fieldId: 'email', message: 'Enter an email' }]} />,
      /role="alert".*There is a problem.*href="#email"/,
    ],
    ['nothing without errors', <ui.ErrorSummary key="b" errors={[]} />, /^$/],
  ],
  Alert: [
    [
      'variant with icon and spoken name',
      <ui.Alert key="a" variant="error" title="Could not save" />,
      /cob-alert--error.*<svg.*<h2[^>]*><span class="cob-visually-hidden">Error: <\/span>Could not save/,
    ],
  ],
  Dialog: [
    [
      'closed renders nothing',
      <ui.Dialog key="a" isOpen={false} onClose={() => {}} title="T" />,
      /^$/,
    ],
  ],
  ConfirmDialog: [
    [
      'closed renders nothing',
      <ui.ConfirmDialog
        key="a"
        isOpen={false}
        title="T"
        onConfirm={() => {}}
        onCancel={() => {}}
      />,
      /^$/,
    ],
  ],
  Tag: [['strong', <ui.Tag key="a">Open</ui.Tag>, /<strong class="cob-tag">Open<\/strong>/]],
  Card: [
    [
      'linked heading',
      <ui.Card key="a" title="Case 42" href="/c/42" headingLevel={3} />,
      /<h3[^>]*><a class="cob-card__link" href="\/c\/42">Case 42/,
    ],
  ],
  SummaryList: [
    [
      'dl',
      <ui.SummaryList key="a" rows={[{ key: 'Status', value: 'Open' }]} />,
      /<dl.*<dt[^>]*>Status<\/dt><dd[^>]*>Open/,
    ],
  ],
  EmptyState: [['heading', <ui.EmptyState key="a" title="No cases" />, /<h2[^>]*>No cases/]],
  ProgressBar: [
    [
      'aria values',
      <ui.ProgressBar key="a" label="Upload" value={150} max={200} />,
      /role="progressbar".*aria-valuenow="150".*aria-valuetext="75% complete"/,
    ],
  ],
  Breadcrumbs: [
    [
      'current page',
      <ui.Breadcrumbs key="a" items={[{ label: 'Home', href: '/' }, { label: 'Case' }]} />,
      /aria-label="Breadcrumb".*<a href="\/">Home<\/a>.*aria-current="page">Case/,
    ],
  ],
  SideNav: [
    [
      'current',
      <ui.SideNav key="a" items={[{ label: 'Open', href: '/o', current: true }]} />,
      /aria-label="Section".*aria-current="page"/,
    ],
  ],
  Pagination: [
    [
      'page of',
      <ui.Pagination key="a" page={2} totalPages={10} />,
      /Page 2 of 10.*aria-current="page"/,
    ],
  ],
  StepIndicator: [
    [
      'step of',
      <ui.StepIndicator key="a" steps={['A', 'B']} current={1} />,
      /Step 2 of 2.*aria-current="step"/,
    ],
  ],
  SiteAlert: [
    [
      'region',
      <ui.SiteAlert key="a">Closed Monday</ui.SiteAlert>,
      /<section[^>]*aria-label="Site alert".*Closed Monday/,
    ],
  ],
  ClassificationBadge: [
    [
      'level',
      <ui.ClassificationBadge key="a" level="restricted" />,
      /cob-classification--restricted.*Classification.*Restricted/,
    ],
  ],
  RedactedValue: [
    [
      'explains',
      <ui.RedactedValue key="a" field="email" masked="j***@x.org" />,
      /aria-hidden="true">j\*\*\*@x.org.*Redacted/,
    ],
  ],
  Disclosure: [
    [
      'collapsed',
      <ui.Disclosure key="a" summary="More">
        Body
      </ui.Disclosure>,
      /aria-expanded="false".*hidden=""/,
    ],
  ],
  Accordion: [
    [
      'headings',
      <ui.Accordion key="a" items={[{ id: 'a', title: 'A', content: 'x' }]} />,
      /<h3[^>]*><button/,
    ],
  ],
  Tabs: [
    [
      'tablist',
      <ui.Tabs
        key="a"
        label="Views"
        items={[
          { id: 'a', title: 'A', content: 'Panel A' },
          { id: 'b', title: 'B', content: 'Panel B' },
        ]}
      />,
      /role="tablist".*aria-selected="true".*role="tabpanel".*Panel A/,
    ],
  ],
  Combobox: [
    [
      'combobox',
      <ui.Combobox key="a" label="Area" options={[{ value: 'x', label: 'X' }]} />,
      /role="combobox"/,
    ],
  ],
  DateInput: [
    [
      'three fields',
      <ui.DateInput key="a" legend="Date of birth" name="dob" />,
      /<legend.*Date of birth.*Month.*Day.*Year/,
    ],
  ],
  DatePicker: [
    [
      'date field',
      <ui.DatePicker key="a" label="Inspection date" defaultValue="2026-03-10" />,
      /role="group".*role="spinbutton"/,
    ],
  ],
  FileUpload: [['file input', <ui.FileUpload key="a" label="Photos" />, /type="file"/]],
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
  DataTable: [
    [
      'renders rows and redacts a confidential column',
      <ui.DataTable
        key="a"
        caption="Requests"
        data={[{ id: 'A1', email: 'a@example.org' }]}
        columns={[
          { id: 'id', header: 'Id', rowHeader: true },
          { id: 'email', header: 'Email', classification: 'confidential' },
        ]}
        getRowId={(r: { id: string; email: string }) => r.id}
      />,
      /aria-rowcount="2"(?![\s\S]*a@example\.org)/,
    ],
  ],
  MunicipalityProvider: [
    [
      'another town’s banner',
      <ui.MunicipalityProvider key="a" municipality={MILLBROOK}>
        <ui.OfficialBanner />
      </ui.MunicipalityProvider>,
      /An official website of the Town of Millbrook[\s\S]*millbrook-ma\.example/,
    ],
  ],
};
