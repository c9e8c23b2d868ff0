// PLACEHOLDER: being written.
import { defineRule } from '../types';
export default defineRule({
  meta: { id: 'size-code-mismatch', summary: 'TODO', severity: 'error', reference: 'TODO', description: 'TODO', messages: {} },
  check: () => [],
});
