import type { Config } from '../../config.js'

export interface CheckoutNotice {
  nav: string
  creditorFiscalCode: string
  amountCents: number
  description: string
  creditorName: string
}

export interface CheckoutRequest {
  checkoutId: string
  notices: CheckoutNotice[]
  returnUrls: { ok: string; cancel: string; error: string }
  email?: string
}

/**
 * Where a citizen pays. `start` hands the cart to the provider and answers where to send the
 * browser; the receipts come back later, on their own, to `recordReceipt`.
 */
export interface PaymentProvider {
  readonly adapter: string
  start(request: CheckoutRequest): Promise<{ redirectUrl: string; reference: string | null }>
}

export class PaymentProviderError extends Error {}

/** Civico's own checkout page, for development and tests: it pays, fails or is abandoned on request. */
export function sandboxProvider(): PaymentProvider {
  return {
    adapter: 'sandbox',
    async start(request) {
      return {
        redirectUrl: `/sandbox/checkout/${request.checkoutId}`,
        reference: `sandbox-${request.checkoutId}`,
      }
    },
  }
}

/**
 * pagoPA Checkout: the cart (up to five notices) is POSTed with the return addresses; Checkout
 * answers 302 with the page where the citizen chooses how to pay.
 */
export function pagopaCheckoutProvider(options: { url: string; key: string }): PaymentProvider {
  return {
    adapter: 'pagopa-checkout',
    async start(request) {
      const response = await fetch(`${options.url.replace(/\/$/, '')}/carts`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/json', 'ocp-apim-subscription-key': options.key },
        body: JSON.stringify({
          paymentNotices: request.notices.map((notice) => ({
            noticeNumber: notice.nav,
            fiscalCode: notice.creditorFiscalCode,
            amount: notice.amountCents,
            companyName: notice.creditorName.slice(0, 140),
            description: notice.description.slice(0, 140),
          })),
          returnUrls: {
            returnOkUrl: request.returnUrls.ok,
            returnCancelUrl: request.returnUrls.cancel,
            returnErrorUrl: request.returnUrls.error,
          },
          ...(request.email ? { emailNotice: request.email } : {}),
          idCart: request.checkoutId,
        }),
        signal: AbortSignal.timeout(10_000),
      }).catch((error: Error) => {
        throw new PaymentProviderError(`pagoPA Checkout unreachable: ${error.message}`)
      })
      const location = response.headers.get('location')
      if (response.status !== 302 || !location) {
        throw new PaymentProviderError(`pagoPA Checkout answered ${response.status}`)
      }
      return { redirectUrl: location, reference: request.checkoutId }
    },
  }
}

export function createPaymentProvider(config: Pick<Config, 'payments'>): PaymentProvider | null {
  const provider = config.payments.provider
  switch (provider.kind) {
    case 'sandbox':
      return sandboxProvider()
    case 'pagopa-checkout':
      return pagopaCheckoutProvider(provider)
    case 'off':
      return null
  }
}
