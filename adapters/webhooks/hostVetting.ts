import { classifyAddress } from '../../core/webhooks/addressPolicy';
import { checkDeliveryUrl } from '../../core/webhooks/deliveryUrl';
import { type HostResolver, systemResolver } from './safeHttpDelivery';

const RESOLVE_TIMEOUT_MS = 2_000;

/**
 * Early feedback when a webhook is saved: a host name that resolves to a forbidden address (`localhost`, a name
 * pointing into a private network) is refused with a clear message. Names that do not resolve yet are accepted: every
 * delivery resolves and vets again, which is the check that actually protects us.
 */
export function createHostVetter(
  allowLoopback: boolean,
  resolve: HostResolver = systemResolver,
): (url: string) => Promise<string | undefined> {
  return async (url) => {
    const target = checkDeliveryUrl(url, { allowLoopback });
    if (!target.ok) return target.reason;
    if (target.isIpLiteral) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const answers = await Promise.race([
      resolve(target.hostname).catch(() => []),
      new Promise<[]>((done) => (timer = setTimeout(() => done([]), RESOLVE_TIMEOUT_MS))),
    ]).finally(() => clearTimeout(timer));
    for (const answer of answers) {
      const verdict = classifyAddress(answer.address, { allowLoopback });
      if (!verdict.allowed) return `${target.hostname} resolves to a forbidden address: ${verdict.reason}`;
    }
    return undefined;
  };
}
