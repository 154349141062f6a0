import type { TicketProcess } from './policy.js'

// Business minutes on a 08:30–17:30 day: 540 a day.
export const HOURS = (hours: number) => hours * 60
export const DAYS = (days: number) => days * 540

export type Detail = [
  code: string,
  it: string,
  en: string,
  team: string,
  firstResponse: number,
  resolution: number,
]
export type Topic = [code: string, it: string, en: string, details: Detail[]]
export type Area = [code: string, it: string, en: string, topics: Topic[], process?: TicketProcess]

/** Areas of the demo taxonomy: registry, taxes, mobility. */
export const CITY_SERVICE_AREAS: Area[] = [
  [
    'anagrafe-stato-civile',
    'Anagrafe e stato civile',
    'Registry and civil status',
    [
      [
        'residenza',
        'Residenza e cambio di indirizzo',
        'Residence and change of address',
        [
          [
            'residenza-pratica',
            'Stato della pratica di residenza',
            'Status of a residence application',
            'anagrafe',
            HOURS(8),
            DAYS(10),
          ],
          [
            'residenza-documenti',
            'Documenti da presentare',
            'Documents to provide',
            'contact-center',
            HOURS(4),
            DAYS(2),
          ],
        ],
      ],
      [
        'carta-identita',
        'Carta d’identità elettronica',
        'Electronic identity card',
        [
          [
            'cie-appuntamento',
            'Appuntamento per la CIE',
            'Appointment for the ID card',
            'contact-center',
            HOURS(4),
            DAYS(2),
          ],
          [
            'cie-consegna',
            'Consegna e ritiro della CIE',
            'Delivery and collection of the ID card',
            'anagrafe',
            HOURS(8),
            DAYS(5),
          ],
          ['cie-smarrimento', 'Smarrimento o furto', 'Loss or theft', 'anagrafe', HOURS(4), DAYS(3)],
        ],
      ],
      [
        'certificati',
        'Certificati e autocertificazioni',
        'Certificates and self-declarations',
        [
          [
            'certificati-online',
            'Certificati online',
            'Online certificates',
            'contact-center',
            HOURS(4),
            DAYS(2),
          ],
          [
            'certificati-errori',
            'Dati errati in un certificato',
            'Wrong data on a certificate',
            'anagrafe',
            HOURS(8),
            DAYS(10),
          ],
        ],
      ],
      [
        'stato-civile',
        'Nascite, matrimoni e unioni civili',
        'Births, marriages and civil unions',
        [
          [
            'stato-civile-atti',
            'Atti e trascrizioni',
            'Records and transcriptions',
            'anagrafe',
            DAYS(1),
            DAYS(15),
          ],
          [
            'stato-civile-matrimonio',
            'Celebrazione del matrimonio',
            'Wedding ceremony',
            'anagrafe',
            DAYS(1),
            DAYS(10),
          ],
        ],
      ],
    ],
  ],
  [
    'tributi',
    'Tributi',
    'Local taxes',
    [
      [
        'tari',
        'TARI – tassa rifiuti',
        'TARI – waste tax',
        [
          ['tari-avviso', 'Avviso di pagamento', 'Payment notice', 'tributi', HOURS(8), DAYS(10)],
          [
            'tari-dichiarazione',
            'Dichiarazione e variazioni',
            'Declarations and changes',
            'tributi',
            HOURS(8),
            DAYS(15),
          ],
          ['tari-rimborso', 'Rimborsi e riduzioni', 'Refunds and reductions', 'tributi', DAYS(1), DAYS(30)],
        ],
      ],
      [
        'imu',
        'IMU',
        'IMU – property tax',
        [
          ['imu-calcolo', 'Calcolo e aliquote', 'Calculation and rates', 'contact-center', HOURS(4), DAYS(3)],
          [
            'imu-accertamento',
            'Avviso di accertamento',
            'Tax assessment notice',
            'tributi',
            DAYS(1),
            DAYS(20),
          ],
        ],
      ],
      [
        'canone-unico',
        'Canone unico patrimoniale',
        'Single property fee',
        [
          [
            'canone-occupazione',
            'Occupazione di suolo pubblico',
            'Use of public land',
            'tributi',
            DAYS(1),
            DAYS(15),
          ],
          [
            'canone-pubblicita',
            'Insegne e pubblicità',
            'Signs and advertising',
            'tributi',
            DAYS(1),
            DAYS(15),
          ],
        ],
      ],
    ],
  ],
  [
    'mobilita-trasporti',
    'Mobilità e trasporti',
    'Mobility and transport',
    [
      [
        'area-b-c',
        'Area B e Area C',
        'Area B and Area C',
        [
          [
            'areac-accesso',
            'Accessi e pagamenti',
            'Access and payments',
            'contact-center',
            HOURS(4),
            DAYS(3),
          ],
          [
            'areac-deroghe',
            'Deroghe e permessi',
            'Exemptions and permits',
            'polizia-locale',
            DAYS(1),
            DAYS(15),
          ],
        ],
      ],
      [
        'sosta',
        'Sosta e permessi',
        'Parking and permits',
        [
          [
            'sosta-residenti',
            'Permesso di sosta per residenti',
            'Residents’ parking permit',
            'polizia-locale',
            HOURS(8),
            DAYS(10),
          ],
          [
            'sosta-disabili',
            'Contrassegno per persone con disabilità',
            'Disabled parking badge',
            'polizia-locale',
            HOURS(8),
            DAYS(10),
          ],
        ],
      ],
      [
        'multe',
        'Multe e verbali',
        'Fines and tickets',
        [
          [
            'multe-pagamento',
            'Pagamento di un verbale',
            'Paying a fine',
            'contact-center',
            HOURS(4),
            DAYS(2),
          ],
          [
            'multe-ricorso',
            'Ricorso e annullamento',
            'Appeal and cancellation',
            'polizia-locale',
            DAYS(1),
            DAYS(30),
          ],
        ],
      ],
    ],
  ],
]
