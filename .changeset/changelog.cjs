// Changelog lines that link each change to its commit, without calling GitHub's API (so
// `changeset version` works offline and in the release rehearsal).
const repo = 'https://github.com/CityOfBoston/city-sdk';

/** @type {import('@changesets/types').ChangelogFunctions} */
module.exports = {
  async getReleaseLine(changeset, _type, options) {
    const url = options?.repo || repo;
    const [first, ...rest] = changeset.summary.trim().split('\n');
    const link = changeset.commit
      ? ` ([${changeset.commit.slice(0, 7)}](${url}/commit/${changeset.commit}))`
      : '';
    const body = rest.map((line) => `  ${line}`).join('\n');
    return `\n- ${first}${link}${body ? `\n${body}` : ''}`;
  },
  async getDependencyReleaseLine(_changesets, dependenciesUpdated) {
    if (dependenciesUpdated.length === 0) return '';
    const lines = dependenciesUpdated.map((dep) => `  - ${dep.name}@${dep.newVersion}`);
    return `\n- Updated dependencies:\n${lines.join('\n')}`;
  },
};
