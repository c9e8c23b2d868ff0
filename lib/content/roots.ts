/**
 * dermlint's own elements in an EHR frame. Its shadow roots are closed (the
 * page's script gets null from `host.shadowRoot`): this map is dermlint's only
 * way back in.
 */
const roots = new WeakMap<Element, ShadowRoot>();

/** Keeps the closed root of a host dermlint painted. */
export const keepRoot = (host: Element, root: ShadowRoot): void => void roots.set(host, root);

/** A closed shadow root of ours. */
export const paintedRoot = (host: Element): ShadowRoot | undefined => roots.get(host);

/** Is this node one of dermlint's own (so the watcher ignores its mutations and the placement its boxes)? The adapters' test, one prefix. */
export { isOurs } from '../../adapters/shared/reader';
