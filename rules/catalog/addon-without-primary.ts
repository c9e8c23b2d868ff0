// PLACEHOLDER: being written.
import { defineRule } from '../types';
export default defineRule({
  meta: { id: 'addon-without-primary', summary: 'TODO', severity: 'error', reference: 'TODO', description: 'TODO', messages: {} },
  check: () => [],
});
