// PLACEHOLDER: being written.
import { defineRule } from '../types';
export default defineRule({
  meta: { id: 'dx-missing', summary: 'TODO', severity: 'error', reference: 'TODO', description: 'TODO', messages: {} },
  check: () => [],
});
