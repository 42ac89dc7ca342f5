import { conditional, defineFlow, prompt, sendEmail, transformData } from 'runtype-flows';
import { BRAND_VOICE, triagePrompt } from './shared/prompts.js';

/** Classifies a support message and escalates urgent ones; a conditional with nested branches. */
export default defineFlow({
  key: 'support-triage',
  name: 'Support Triage',
  description: 'Classify incoming support email and escalate urgent tickets',
  inputs: ['customer_name', 'message'],
  steps: [
    prompt('classify', {
      name: 'Classify Message',
      model: 'gpt-5-mini',
      systemPrompt: BRAND_VOICE,
      userPrompt: triagePrompt('email'),
      responseFormat: 'json',
      outputVariable: 'ticket',
    }),
    transformData('score', {
      name: 'Compute Priority',
      script: 'return { urgent: variables.ticket.urgency >= 4, label: variables.ticket.category };',
      outputVariable: 'priority',
    }),
    conditional('route', {
      name: 'Route by Urgency',
      condition: '{{priority.urgent}} == true',
      trueSteps: [
        sendEmail('escalate', {
          name: 'Escalate to On-call',
          from: 'support@acme.example',
          to: 'oncall@acme.example',
          subject: 'Urgent {{priority.label}} ticket from {{customer_name}}',
          html: '<p>{{message}}</p>',
          outputVariable: 'escalation',
        }),
      ],
      falseSteps: [
        prompt('draft-reply', {
          name: 'Draft Reply',
          model: 'gpt-5-mini',
          systemPrompt: BRAND_VOICE,
          userPrompt:
            'Draft a short reply to {{customer_name}} about their {{ticket.category}} question:\n\n{{message}}',
          outputVariable: 'reply',
        }),
      ],
    }),
  ],
});
