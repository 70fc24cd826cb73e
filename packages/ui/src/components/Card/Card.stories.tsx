import type { Meta, StoryObj } from '@storybook/react-vite';
import { Tag } from '../Tag/Tag.js';
import { Card } from './Card.js';

const meta = {
  title: 'Content/Card',
  component: Card,
  args: { title: 'Case 42', children: <p>Pothole on Main St, reported today.</p> },
  parameters: { wcag: ['1.3.1', '2.4.4'] },
} satisfies Meta<typeof Card>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Plain: Story = {};
export const Linked: Story = {
  args: { href: '#case-42', eyebrow: 'Street repair', footer: <Tag>Open</Tag> },
};
