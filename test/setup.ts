// Test environment: DOM matchers and an in-memory IndexedDB, fresh for every test file.

import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
