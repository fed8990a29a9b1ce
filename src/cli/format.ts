/** How the command line prints an analysis: JSON for tools, text for people. */
import type { Analysis } from '../core/types';
import type { Translator } from '../i18n';

export function toJson(file: string, analysis: Analysis): Record<string, unknown> {
  return {
    file,
    verdict: analysis.verdict,
    language: analysis.language,
    input: analysis.input,
    layout: analysis.layout,
    recipients: analysis.recipients.map((r) => ({
      address: r.address,
      action: r.action,
      status: r.status?.code ?? null,
      replyCode: r.replyCode,
      diagnostic: r.diagnostic,
      remoteMta: r.remoteMta,
      reportingMta: r.reportingMta,
      command: r.command,
      reason: r.reason,
      cause: r.cause,
      actor: r.actor,
      docUrl: r.docUrl,
    })),
    original: {
      messageId: analysis.original.messageId,
      subject: analysis.original.subject,
      from: analysis.original.from,
      date: analysis.original.date,
    },
    suspicion: analysis.suspicion,
    warnings: analysis.warnings.map((w) => (w.detail ? `${w.code}: ${w.detail}` : w.code)),
    unparsed: analysis.unparsed,
  };
}

export function toText(file: string, analysis: Analysis, t: Translator): string {
  const lines: string[] = [`== ${file}`];
  if (analysis.verdict !== 'bounce' && analysis.verdict !== 'delay') {
    const key = {
      'auto-reply': 'autoReply',
      feedback: 'feedback',
      'delivery-report': 'deliveryReport',
      'not-a-bounce': 'notBounce',
    }[analysis.verdict];
    lines.push(t.t(`state.${key}.title`), t.t(`state.${key}.body`));
    return lines.join('\n');
  }
  for (const r of analysis.recipients) {
    const params = {
      recipient: r.address ?? '',
      domain: r.address?.split('@')[1] ?? '',
      status: r.status?.code ?? '',
      remoteMta: r.remoteMta ?? '',
    };
    const key = `cause.${r.cause}`;
    const title = t.t(`${key}.title`, params);
    lines.push(
      '',
      analysis.verdict === 'delay'
        ? t.t('verdict.delay.headline', { recipient: r.address ?? '?', title })
        : r.address
          ? t.t('verdict.bounce.headline', { recipient: r.address, title })
          : t.t('verdict.bounce.headlineNoRecipient', { title }),
      `${t.t('actor.label')}: ${t.t(`actor.${r.actor}`)}`,
      '',
      t.t(`${key}.summary`, params),
    );
    const userSteps = t.list(`${key}.userSteps`, params);
    if (userSteps.length)
      lines.push('', `${t.t('section.userSteps')}:`, ...userSteps.map((s, i) => `  ${i + 1}. ${s}`));
    const adminSteps = t.list(`${key}.adminSteps`, params);
    if (adminSteps.length)
      lines.push('', `${t.t('section.adminSteps')}:`, ...adminSteps.map((s, i) => `  ${i + 1}. ${s}`));
    if (r.docUrl) lines.push('', `${t.t('section.docsOther')}: ${r.docUrl}`);
    lines.push('', `${t.t('section.details')}:`);
    const facts: [string, string | null][] = [
      ['field.status', r.status?.code ?? null],
      ['field.replyCode', r.replyCode],
      ['field.diagnostic', r.diagnostic],
      ['field.remoteMta', r.remoteMta],
      ['field.reportingMta', r.reportingMta],
      ['field.command', r.command],
      ['field.reason', r.reason],
      ['field.cause', r.cause],
    ];
    for (const [label, value] of facts) if (value) lines.push(`  ${t.t(label)}: ${value}`);
  }
  const o = analysis.original;
  if (o.subject || o.messageId)
    lines.push(
      `  ${t.t('field.subject')}: ${o.subject ?? '-'}`,
      `  ${t.t('field.messageId')}: ${o.messageId ?? '-'}`,
    );
  return lines.join('\n');
}
