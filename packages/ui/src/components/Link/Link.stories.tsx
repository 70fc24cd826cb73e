import type { Meta, StoryObj } from '@storybook/react-vite';
import { Link } from './Link.js';

const meta = {
  title: 'Actions/Link',
  component: Link,
  args: { href: '#case-42', children: 'Case 42' },
  parameters: { wcag: ['1.4.1', '2.4.4'] },
} satisfies Meta<typeof Link>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Inline: Story = {
  render: (args) => (
    <p>
      See <Link {...args} /> for details.
    </p>
  ),
};
export const Standalone: Story = { args: { variant: 'standalone' } };
export const External: Story = {
  args: { href: 'https://www.boston.gov', external: true, children: 'Boston.gov' },
};
