import type { Meta, StoryObj } from '@storybook/react-vite';
import { SiteHeader } from './SiteHeader.js';

const meta = {
  title: 'Page frame/SiteHeader',
  component: SiteHeader,
  args: { appName: '311 Case Desk' },
  parameters: { wcag: ['1.3.1', '1.4.3', '2.4.4'] },
} satisfies Meta<typeof SiteHeader>;
export default meta;
type Story = StoryObj<typeof meta>;

export const AppOnly: Story = {};
export const WithDepartmentAndUser: Story = {
  args: {
    department: 'Public Works',
    user: <span>Signed in as Ada Lovelace</span>,
    navigation: (
      <nav aria-label="Main">
        <a href="#cases">Cases</a>
      </nav>
    ),
  },
};
export const OtherMunicipality: Story = {
  args: { cityName: 'City of Somerville', appName: 'Permits' },
};
