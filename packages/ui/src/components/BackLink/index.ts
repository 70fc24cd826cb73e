export { BackLink, type BackLinkProps } from './BackLink.js';
