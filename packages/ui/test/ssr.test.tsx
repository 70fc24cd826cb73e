// @vitest-environment node
// Every component renders on the server (react-dom/server, no DOM): SSR and React Server
// Component apps get real markup. A component exported without a case here fails the first test.
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SchemaFormDemo } from '../src/forms/SchemaFormDemo.js';
import * as ui from '../src/index.js';
import { ssrCases } from './ssr-cases.js';

const components = Object.entries(ui)
  .filter(([name, value]) => /^[A-Z]/.test(name) && typeof value === 'function')
  .map(([name]) => name)
  .filter((name) => !['UiError', 'I18nProvider'].includes(name));

describe('server rendering', () => {
  it('has a case for every exported component', () => {
    const missing = components.filter((name) => !(name in ssrCases));
    expect(missing).toEqual([]);
  });
  for (const [name, cases] of Object.entries(ssrCases)) {
    for (const [label, element, expected] of cases as [string, ReactElement, RegExp][]) {
      it(`${name}: ${label}`, () => {
        const html = renderToString(element);
        expect(html).toMatch(expected);
      });
    }
  }
  it('renders a useSchemaForm form with schema labels and required markers', () => {
    const html = renderToString(<SchemaFormDemo onValid={() => {}} />);
    expect(html).toMatch(/<form noValidate="">/i);
    expect(html).toMatch(/for="field-name"[^>]*>Full name.*required/);
    expect(html).toContain('We will send updates here');
  });
  it('renders in Spanish through the I18nProvider', () => {
    const html = renderToString(
      <ui.I18nProvider locale="es">
        <ui.SkipLink />
      </ui.I18nProvider>,
    );
    expect(html).toContain('Saltar al contenido principal');
  });
});
