import { type Area, DAYS, HOURS } from './seed-data.js'

/** Areas of the demo taxonomy: environment, safety, social services, the Mayor’s letters. */
export const CITY_LIFE_AREAS: Area[] = [
  [
    'ambiente-verde',
    'Ambiente e verde',
    'Environment and green spaces',
    [
      [
        'rifiuti',
        'Rifiuti e pulizia strade',
        'Waste and street cleaning',
        [
          [
            'rifiuti-ritiro',
            'Ritiro ingombranti',
            'Bulky waste collection',
            'contact-center',
            HOURS(4),
            DAYS(5),
          ],
          ['rifiuti-abbandono', 'Rifiuti abbandonati', 'Dumped waste', 'contact-center', HOURS(4), DAYS(3)],
        ],
      ],
      [
        'verde',
        'Parchi e verde pubblico',
        'Parks and public green',
        [
          [
            'verde-manutenzione',
            'Manutenzione del verde',
            'Green maintenance',
            'contact-center',
            HOURS(8),
            DAYS(15),
          ],
          ['verde-alberi', 'Alberi pericolanti', 'Dangerous trees', 'contact-center', HOURS(2), DAYS(2)],
        ],
      ],
      [
        'animali',
        'Animali',
        'Animals',
        [
          ['animali-anagrafe', 'Anagrafe canina', 'Dog registry', 'contact-center', HOURS(8), DAYS(5)],
          [
            'animali-randagi',
            'Animali randagi o feriti',
            'Stray or injured animals',
            'polizia-locale',
            HOURS(2),
            DAYS(1),
          ],
        ],
      ],
    ],
  ],
  [
    'sicurezza-polizia-locale',
    'Sicurezza e polizia locale',
    'Safety and local police',
    [
      [
        'segnalazioni-sicurezza',
        'Segnalazioni',
        'Reports',
        [
          ['sicurezza-degrado', 'Degrado urbano', 'Urban decay', 'polizia-locale', HOURS(8), DAYS(10)],
          [
            'sicurezza-rumore',
            'Rumori e disturbo',
            'Noise and disturbance',
            'polizia-locale',
            HOURS(4),
            DAYS(5),
          ],
          [
            'sicurezza-veicoli',
            'Veicoli abbandonati',
            'Abandoned vehicles',
            'polizia-locale',
            HOURS(8),
            DAYS(15),
          ],
        ],
      ],
      [
        'incidenti',
        'Incidenti stradali',
        'Road accidents',
        [
          [
            'incidenti-rilievi',
            'Copia dei rilievi',
            'Copy of the accident report',
            'polizia-locale',
            DAYS(1),
            DAYS(15),
          ],
          ['incidenti-oggetti', 'Oggetti smarriti', 'Lost property', 'polizia-locale', HOURS(8), DAYS(5)],
        ],
      ],
    ],
  ],
  [
    'servizi-sociali',
    'Servizi sociali',
    'Social services',
    [
      [
        'sostegno-reddito',
        'Sostegno al reddito',
        'Income support',
        [
          [
            'sostegno-contributi',
            'Contributi economici',
            'Financial help',
            'contact-center',
            HOURS(8),
            DAYS(15),
          ],
          ['sostegno-affitto', 'Contributo affitto', 'Rent support', 'contact-center', HOURS(8), DAYS(15)],
        ],
      ],
      [
        'anziani-disabili',
        'Anziani e persone con disabilità',
        'Elderly and disabled people',
        [
          ['anziani-domicilio', 'Assistenza domiciliare', 'Home care', 'contact-center', HOURS(4), DAYS(10)],
          [
            'anziani-trasporto',
            'Trasporto sociale',
            'Social transport',
            'contact-center',
            HOURS(8),
            DAYS(10),
          ],
        ],
      ],
    ],
  ],
  [
    'posta-sindaco',
    'Posta del Sindaco',
    'Letters to the Mayor',
    [
      [
        'sindaco-proposte',
        'Proposte e idee per la città',
        'Proposals and ideas for the city',
        [
          [
            'sindaco-proposta',
            'Una proposta al Sindaco',
            'A proposal to the Mayor',
            'posta-sindaco',
            DAYS(5),
            DAYS(30),
          ],
          ['sindaco-quartiere', 'Il mio quartiere', 'My neighbourhood', 'posta-sindaco', DAYS(5), DAYS(30)],
        ],
      ],
      [
        'sindaco-reclami',
        'Reclami e segnalazioni al Sindaco',
        'Complaints to the Mayor',
        [
          [
            'sindaco-reclamo',
            'Un reclamo su un servizio',
            'A complaint about a service',
            'posta-sindaco',
            DAYS(3),
            DAYS(30),
          ],
          ['sindaco-ringraziamento', 'Ringraziamenti', 'Thanks', 'posta-sindaco', DAYS(5), DAYS(30)],
        ],
      ],
    ],
    'mayor-letter',
  ],
]
