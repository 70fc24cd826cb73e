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
      'variant',
      <ui.Alert key="a" variant="error" title="Could not save" />,
      /cob-alert--error.*<h2[^>]*>Could not save/,
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
