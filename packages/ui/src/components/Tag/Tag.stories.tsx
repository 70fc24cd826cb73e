import type { Meta, StoryObj } from '@storybook/react-vite';
import { Tag } from './Tag.js';

const meta = {
  title: 'Content/Tag',
  component: Tag,
  args: { children: 'Open' },
  parameters: { wcag: ['1.4.3'] },
} satisfies Meta<typeof Tag>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const InText: Story = {
  render: (args) => (
    <p>
      Case 42 <Tag {...args} />
    </p>
  ),
};
/** Status variants: the word says the status, the colour only reinforces it. */
export const StatusVariants: Story = {
  render: () => (
    <p style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
      <Tag>Open</Tag>
      <Tag variant="neutral">Draft</Tag>
      <Tag variant="success">Closed</Tag>
      <Tag variant="warning">Awaiting reply</Tag>
      <Tag variant="error">Overdue</Tag>
    </p>
  ),
};
