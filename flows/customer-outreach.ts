import { defineFlow, prompt } from 'runtype-flows';

/** The example from the Runtype "Create flow" API page, as code. */
export default defineFlow({
  key: 'customer-outreach',
  name: 'Customer Outreach Flow',
  description: 'Automated customer communication workflow',
  inputs: ['customer_name', 'company_name'],
  steps: [
    prompt('greeting', {
      name: 'Generate Greeting',
      model: 'gpt-4',
      userPrompt: 'Generate a personalized greeting for {{customer_name}} from {{company_name}}',
      outputVariable: 'greeting',
    }),
  ],
});
