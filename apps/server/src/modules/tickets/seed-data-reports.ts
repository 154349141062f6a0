import { type Area, DAYS, HOURS } from './seed-data.js'

/**
 * Problems in the street, reported with a place and photos (segnalazioni): triaged by the contact
 * centre, which forwards them to the office that repairs.
 */
export const CITY_STREET_AREAS: Area[] = [
  [
    'segnalazioni-strada',
    'Segnalazioni in strada',
    'Street problem reports',
    [
      [
        'strade-marciapiedi',
        'Strade e marciapiedi',
        'Roads and pavements',
        [
          ['strade-buca', 'Buca nella strada', 'Pothole', 'contact-center', HOURS(4), DAYS(10)],
          [
            'strade-marciapiede',
            'Marciapiede dissestato',
            'Broken pavement',
            'contact-center',
            HOURS(4),
            DAYS(15),
          ],
          [
            'strade-segnaletica',
            'Segnaletica danneggiata',
            'Damaged road sign',
            'contact-center',
            HOURS(4),
            DAYS(5),
          ],
        ],
      ],
      [
        'illuminazione',
        'Illuminazione pubblica',
        'Street lighting',
        [
          [
            'illuminazione-guasto',
            'Lampione spento o guasto',
            'Street light out',
            'contact-center',
            HOURS(4),
            DAYS(5),
          ],
        ],
      ],
      [
        'decoro-urbano',
        'Decoro urbano',
        'Street cleanliness',
        [
          [
            'decoro-rifiuti',
            'Rifiuti abbandonati in strada',
            'Waste dumped in the street',
            'contact-center',
            HOURS(4),
            DAYS(3),
          ],
          ['decoro-graffiti', 'Graffiti e scritte', 'Graffiti', 'contact-center', HOURS(8), DAYS(20)],
          [
            'decoro-alberi',
            'Rami o alberi pericolanti',
            'Dangerous branches or trees',
            'polizia-locale',
            HOURS(2),
            DAYS(2),
          ],
        ],
      ],
    ],
    'problem-report',
  ],
]
