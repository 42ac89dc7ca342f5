import { defineFlow, prompt, saveMemory, search, sendEmail, template } from 'runtype-flows';
import { BRAND_VOICE } from './shared/prompts.js';

/**
 * Researches a topic on the web, writes a brief, renders it as an email and
 * remembers it for the requesting user. Shows `when` gating a single step
 * instead of a conditional, and Liquid in a template step.
 */
export default defineFlow({
  key: 'research-brief',
  name: 'Research Brief',
  description: 'Search the web for a topic and email a short brief',
  inputs: ['topic', 'recipient'],
  steps: [
    search('search', {
      name: 'Search the Web',
      query: 'latest developments in {{topic}}',
      maxResults: 5,
      outputVariable: 'results',
    }),
    prompt('brief', {
      name: 'Write Brief',
      model: 'claude-sonnet-4-6',
      systemPrompt: BRAND_VOICE,
      userPrompt: 'Write a five-bullet brief on {{topic}} from these results:\n\n{{results}}',
      responseFormat: 'json',
      outputVariable: 'brief',
    }),
    template('render', {
      name: 'Render Email',
      template:
        '<h1>{{ topic }}</h1><ul>{% for point in brief.points %}<li>{{ point }}</li>{% endfor %}</ul>',
      outputFormat: 'email-html',
      outputVariable: 'brief_html',
    }),
    sendEmail('send', {
      name: 'Email Brief',
      when: '"{{recipient}}" !== ""',
      from: 'briefs@acme.example',
      to: '{{recipient}}',
      subject: 'Brief: {{topic}}',
      html: '{{brief_html}}',
      outputVariable: 'sent',
    }),
    saveMemory('remember', {
      name: 'Remember Brief',
      profileTemplate: '{{_user.id}}',
      contentVariable: 'brief',
    }),
  ],
});
