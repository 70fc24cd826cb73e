// Server rendering a case-intake form with the kit (labels, hints, errors, ARIA wiring, i18n)
// against the same form hand-written as plain React elements, in the same run. The ratio is the
// price of the kit's accessibility wiring on the server.
import { compare } from '../../../bench/harness';

// Servers run React's production build; the development build's per-component checks would
// penalize the side with more components. Set before React loads.
process.env.NODE_ENV = 'production';
const { createElement: h } = await import('react');
const { renderToString } = await import('react-dom/server');
const { Button, ErrorSummary, I18nProvider, Select, TextArea, TextField } = await import(
  '../src/index.js'
);

const options = [
  { value: 'PWD', label: 'Public Works' },
  { value: 'BTD', label: 'Transportation' },
  { value: 'ISD', label: 'Inspectional Services' },
];

function kitForm() {
  return h(
    I18nProvider,
    { locale: 'en' },
    h(
      'form',
      { noValidate: true },
      h(ErrorSummary, { errors: [{ fieldId: 'email', message: 'Enter an email address' }] }),
      h(TextField, { id: 'name', label: 'Full name', required: true, autoComplete: 'name' }),
      h(TextField, {
        id: 'email',
        label: 'Email',
        type: 'email',
        error: 'Enter an email address',
        hint: 'We reply here',
      }),
      h(Select, { id: 'dept', label: 'Department', options, placeholder: 'Choose' }),
      h(TextArea, { id: 'details', label: 'Details', maxCharacters: 500 }),
      h(Button, { type: 'submit' }, 'Send'),
    ),
  );
}

function plainForm() {
  return h(
    'form',
    { noValidate: true },
    h(
      'div',
      { role: 'alert' },
      h('h2', null, 'There is a problem'),
      h('ul', null, h('li', null, h('a', { href: '#email' }, 'Enter an email address'))),
    ),
    h('label', { htmlFor: 'name' }, 'Full name (required)'),
    h('input', { id: 'name', required: true, autoComplete: 'name' }),
    h('label', { htmlFor: 'email' }, 'Email'),
    h('p', { id: 'email-hint' }, 'We reply here'),
    h('p', { id: 'email-error' }, 'Enter an email address'),
    h('input', {
      id: 'email',
      type: 'email',
      'aria-invalid': true,
      'aria-describedby': 'email-hint email-error',
    }),
    h('label', { htmlFor: 'dept' }, 'Department'),
    h(
      'select',
      { id: 'dept' },
      h('option', { value: '' }, 'Choose'),
      ...options.map((o) => h('option', { key: o.value, value: o.value }, o.label)),
    ),
    h('label', { htmlFor: 'details' }, 'Details'),
    h('textarea', { id: 'details', 'aria-describedby': 'details-count' }),
    h('p', { id: 'details-count', 'aria-live': 'polite' }, '500 characters remaining'),
    h('button', { type: 'submit' }, 'Send'),
  );
}

await compare({
  name: 'server-render a 4-field form with an error summary',
  ours: { label: '@cityofboston/ui components', fn: () => renderToString(kitForm()) },
  peer: { label: 'plain React elements (hand-wired ARIA)', fn: () => renderToString(plainForm()) },
  itemsPerOp: 1,
  goal: 'within 3x of hand-written markup',
});
