// Ambient types for Vite, Svelte components, the PWA plugin's virtual module and the flow cards.

/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />
/// <reference types="svelte" />

declare module 'virtual:flow-cards' {
  /** Each flow's title and subtitle per language, from locales/<lang>/<flow>.json (scripts/flow-cards-plugin.ts). */
  const cards: import('./i18n').FlowCards;
  export default cards;
}
