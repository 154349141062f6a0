import { registerMessages } from '../../platform/i18n.js'

registerMessages('it', {
  'certificates.refused-not-certifiable':
    'La posizione anagrafica di questa persona al momento non consente di rilasciare certificati: rivolgiti all’Ufficio Anagrafe.',
  'certificates.refused-not-registrable':
    'Questa persona non risulta iscrivibile nell’anagrafe del Comune: non è possibile rilasciare certificati.',
  'certificates.refused-interdicted':
    'Per questa persona i certificati si rilasciano solo allo sportello dell’Ufficio Anagrafe.',
  'certificates.refused-partial':
    'Per questa persona si possono certificare online solo la residenza e lo stato di famiglia.',
  'certificates.refused-not-free':
    'Il certificato di stato libero non può essere rilasciato: risulta un matrimonio o un’unione civile in corso.',
  'certificates.not-yours':
    'Puoi chiedere certificati solo per te, per i tuoi figli minorenni o per chi ti ha delegato ai certificati.',
  'certificates.not-registered': 'Questa persona non risulta nell’anagrafe del Comune.',
  'certificates.language-unavailable': 'Il Comune non rilascia certificati in questa lingua.',
  'certificates.stamp-used': 'Questa marca da bollo è già stata usata per un altro certificato.',
  'certificates.stamp-date': 'La data della marca da bollo non può essere nel futuro.',
  'certificates.exemption-not-needed':
    'Questo certificato è già esente da bollo: non serve indicare un’esenzione.',
  'certificates.missing': 'Questo certificato non esiste o non è tuo.',
  'certificates.not-issued': 'Il certificato non è ancora stato rilasciato.',
  'certificates.unknown-code': 'Nessun certificato ha questo codice di verifica.',
  'certificates.not-a-pdf': 'Il file caricato non è un PDF.',
})

registerMessages('en', {
  'certificates.refused-not-certifiable':
    'This person’s registry record does not allow certificates at the moment: please contact the Registry Office.',
  'certificates.refused-not-registrable':
    'This person cannot be registered with the city: no certificate can be issued.',
  'certificates.refused-interdicted':
    'For this person certificates are issued only at the Registry Office counter.',
  'certificates.refused-partial': 'For this person only residence and family status can be certified online.',
  'certificates.refused-not-free':
    'A certificate of free status cannot be issued: a marriage or civil union is on record.',
  'certificates.not-yours':
    'You may request certificates only for yourself, your minor children or people who delegated certificates to you.',
  'certificates.not-registered': 'This person is not in the city’s registry.',
  'certificates.language-unavailable': 'The city does not issue certificates in this language.',
  'certificates.stamp-used': 'This revenue stamp has already been used for another certificate.',
  'certificates.stamp-date': 'The revenue stamp’s date cannot be in the future.',
  'certificates.exemption-not-needed':
    'This certificate is already free of stamp duty: no exemption is needed.',
  'certificates.missing': 'This certificate does not exist or is not yours.',
  'certificates.not-issued': 'The certificate has not been issued yet.',
  'certificates.unknown-code': 'No certificate has this verification code.',
  'certificates.not-a-pdf': 'The uploaded file is not a PDF.',
})
