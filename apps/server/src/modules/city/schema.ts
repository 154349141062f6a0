import { z } from 'zod'

export const ZCityProfile = z
  .object({
    name: z.string().meta({ example: 'Milano' }),
    istatCode: z.string().regex(/^\d{6}$/),
    cadastralCode: z.string().regex(/^[A-Z]\d{3}$/),
    fiscalCode: z.string().regex(/^\d{11}$/),
    provinceCode: z.string().length(2),
    region: z.string(),
    contactPhone: z.string(),
    contactEmail: z.email(),
    websiteUrl: z.url(),
  })
  .meta({ id: 'CityProfile' })
export type CityProfile = z.infer<typeof ZCityProfile>

export const ZPublicCity = ZCityProfile.pick({
  name: true,
  region: true,
  provinceCode: true,
  contactPhone: true,
  contactEmail: true,
  websiteUrl: true,
})
  .extend({ demo: z.boolean().describe('True when the installation runs on synthetic demo data') })
  .meta({ id: 'PublicCity' })
export type PublicCity = z.infer<typeof ZPublicCity>
