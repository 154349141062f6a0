import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fetchPushKey, forgetPushSubscription, savePushSubscription } from './notifications-api'

type PushState = 'unsupported' | 'denied' | 'off' | 'on' | 'working' | 'failed'

function keyBytes(base64url: string): ArrayBuffer {
  const padded = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=')
  return Uint8Array.from(atob(padded), (character) => character.charCodeAt(0)).buffer
}

function supported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  )
}

/** Turns push notifications on or off for this browser: permission, subscription, and the server's copy. */
export function PushToggle({ onChange }: { onChange: () => void }) {
  const { t } = useTranslation()
  const [state, setState] = useState<PushState>(() =>
    !supported() ? 'unsupported' : Notification.permission === 'denied' ? 'denied' : 'off',
  )
  const [checked, setChecked] = useState(false)
  if (supported() && !checked) {
    setChecked(true)
    void navigator.serviceWorker.getRegistration().then(async (registration) => {
      const existing = await registration?.pushManager.getSubscription()
      if (existing) setState('on')
    })
  }

  const enable = async () => {
    setState('working')
    try {
      if ((await Notification.requestPermission()) !== 'granted') {
        setState('denied')
        return
      }
      const registration = await navigator.serviceWorker.ready
      const subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(await fetchPushKey()),
      })
      await savePushSubscription(subscription.toJSON())
      setState('on')
      onChange()
    } catch {
      setState('failed')
    }
  }

  const disable = async () => {
    setState('working')
    try {
      const registration = await navigator.serviceWorker.ready
      const subscription = await registration.pushManager.getSubscription()
      if (subscription) {
        await forgetPushSubscription(subscription.endpoint)
        await subscription.unsubscribe()
      }
      setState('off')
      onChange()
    } catch {
      setState('failed')
    }
  }

  return (
    <div className="mb-3" data-testid="push-toggle" data-state={state}>
      <p className="mb-2">{t(`notifications.push.${state}`)}</p>
      {state === 'off' || state === 'failed' ? (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void enable()}>
          {t('notifications.push.enable')}
        </button>
      ) : null}
      {state === 'on' ? (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void disable()}>
          {t('notifications.push.disable')}
        </button>
      ) : null}
    </div>
  )
}
