// PLACEHOLDER: being written.
import { defineRule } from '../types';
export default defineRule({
  meta: { id: 'modifier-conflict', summary: 'TODO', severity: 'error', reference: 'TODO', description: 'TODO', messages: {} },
  check: () => [],
});
