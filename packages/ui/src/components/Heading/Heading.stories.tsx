import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { Heading } from './Heading.js';

const meta = {
  title: 'Layout/Heading',
  component: Heading,
  args: { level: 1, caption: 'Apply for a resident parking permit', children: 'Your vehicle' },
  parameters: { wcag: ['1.3.1', '2.4.6'] },
} satisfies Meta<typeof Heading>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The caption is part of the heading's name; the face is the sans heading face, not the serif body. */
export const WithCaption: Story = {
  play: async ({ canvas }) => {
    const h1 = canvas.getByRole('heading', { level: 1 });
    await expect(h1).toHaveAccessibleName('Apply for a resident parking permit Your vehicle');
    await expect(getComputedStyle(h1).fontFamily).toMatch(/^"?Montserrat/);
  },
};
export const Scale: Story = {
  render: () => (
    <>
      <Heading level={1}>Extra large (h1)</Heading>
      <Heading level={2}>Large (h2)</Heading>
      <Heading level={3}>Medium (h3)</Heading>
      <Heading level={4}>Small (h4)</Heading>
    </>
  ),
};
