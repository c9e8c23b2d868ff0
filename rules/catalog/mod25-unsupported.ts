// PLACEHOLDER: being written.
import { defineRule } from '../types';
export default defineRule({
  meta: { id: 'mod25-unsupported', summary: 'TODO', severity: 'error', reference: 'TODO', description: 'TODO', messages: {} },
  check: () => [],
});
