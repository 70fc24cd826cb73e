import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { Card } from '../Card/Card.js';
import { Grid } from './Grid.js';

const SERVICES = ['Trash and recycling', 'Parking', 'Permits', 'Property taxes', 'Snow', 'Parks'];

const meta = {
  title: 'Layout/Grid',
  component: Grid,
  args: {
    children: SERVICES.map((name) => (
      <Card key={name} title={name} href={`#${name.toLowerCase().replaceAll(' ', '-')}`}>
        <p>What the City offers for {name.toLowerCase()}.</p>
      </Card>
    )),
  },
  parameters: { wcag: ['1.3.2', '1.4.10'] },
} satisfies Meta<typeof Grid>;
export default meta;
type Story = StoryObj<typeof meta>;

const VIEWPORTS = {
  cob1280: { name: '1280 px', styles: { width: '1280px', height: '800px' } },
  cob375: { name: '375 px', styles: { width: '375px', height: '812px' } },
};

/** The columns a grid laid out: how many distinct left edges its children have. */
function columns(canvasElement: HTMLElement) {
  const grid = canvasElement.querySelector('.cob-grid') as HTMLElement;
  const lefts = [...grid.children].map((c) => Math.round(c.getBoundingClientRect().left));
  return { grid, count: new Set(lefts).size };
}

/** Wide: as many 18rem columns as fit, in reading order row by row. */
export const At1280: Story = {
  globals: { viewport: { value: 'cob1280' } },
  parameters: { viewport: { options: VIEWPORTS } },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.ownerDocument.documentElement.clientWidth).toBe(1280);
    const { grid, count } = columns(canvasElement);
    await expect(count).toBeGreaterThanOrEqual(3);
    // Reading order is visual order: the second card sits to the right of the first.
    const [a, b] = [...grid.children].map((c) => c.getBoundingClientRect());
    await expect((b as DOMRect).left).toBeGreaterThan((a as DOMRect).left);
  },
};

/** A phone: one column, nothing to scroll sideways (WCAG 1.4.10 reflow). */
export const At375: Story = {
  globals: { viewport: { value: 'cob375' } },
  parameters: { viewport: { options: VIEWPORTS } },
  play: async ({ canvasElement }) => {
    const doc = canvasElement.ownerDocument.documentElement;
    await expect(doc.clientWidth).toBe(375);
    await expect(columns(canvasElement).count).toBe(1);
    await expect(doc.scrollWidth).toBeLessThanOrEqual(375);
  },
};
