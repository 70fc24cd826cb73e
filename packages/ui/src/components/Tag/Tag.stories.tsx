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
