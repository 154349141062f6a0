import type { City } from '../city/city-api'
import { DemoNotice } from './demo-notice'
import { HeaderCenter } from './header-center'
import { HeaderSlim } from './header-slim'
import { MainNavigation } from './main-navigation'

interface SiteHeaderProps {
  city: City | undefined
  cityLabel: string
}

/** Header of the Designers Italia municipal model: slim bar, city band, main navigation. */
export function SiteHeader({ city, cityLabel }: SiteHeaderProps) {
  return (
    <header className="it-header-wrapper">
      <HeaderSlim city={city} />
      <div className="it-nav-wrapper">
        <HeaderCenter cityLabel={cityLabel} />
        <MainNavigation />
      </div>
      {city?.demo ? <DemoNotice /> : null}
    </header>
  )
}
