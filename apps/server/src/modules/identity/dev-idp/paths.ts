/** Where the development provider lives on Civico's origin; its issuer is the public URL plus this. */
export const DEV_IDP_PREFIX = '/dev-idp'
export const DEV_IDP_STYLESHEET_PATH = `${DEV_IDP_PREFIX}/assets/dev-idp.css`

export function interactionPath(uid: string, action?: 'login' | 'abort'): string {
  return `${DEV_IDP_PREFIX}/interaction/${encodeURIComponent(uid)}${action ? `/${action}` : ''}`
}
