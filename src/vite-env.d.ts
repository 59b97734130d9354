// Ambient types for Vite, Svelte components and the PWA plugin's virtual module.

/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />
/// <reference types="svelte" />
